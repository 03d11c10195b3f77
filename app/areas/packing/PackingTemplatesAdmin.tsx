// Admin → Packing templates: the templates everyone can apply to a trip's packing list — the built-in ones (shown in
// each reader's language until edited), those made here, and those people saved from their trips. Items are written
// one per line in the bulk-import format ("Clothes: 3x socks").
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Button, ConfirmDialog, EmptyState, Spinner, TextAreaField, TextField } from '~/components/ui';
import { parseImportLines } from './rules';

type Template = { id: number; name: string; builtIn: boolean; ownerName: string | null; items: { name: string; category: string; quantity: number }[] };

const asLines = (items: Template['items']) => items.map((i) => `${i.category}: ${i.quantity > 1 ? `${i.quantity}x ` : ''}${i.name}`).join('\n');

export function PackingTemplatesAdmin() {
  const { t } = useTranslation('packing');
  const trpc = useTRPC();
  const templates = useQuery(trpc.packing.listPackingTemplates.queryOptions());
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [toDelete, setToDelete] = useState<Template | null>(null);
  const remove = useMutation(
    trpc.packing.deletePackingTemplate.mutationOptions({
      onSuccess: async () => {
        setToDelete(null);
        await templates.refetch();
      },
    }),
  );
  const list = templates.data?.templates ?? [];
  return (
    <section aria-labelledby="templates-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="packing-templates-admin">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="templates-heading" className="text-lg font-semibold text-slate-900">
          {t('admin.heading')}
        </h2>
        <Button variant="primary" onClick={() => setEditing('new')}>
          {t('admin.new')}
        </Button>
      </div>
      <p className="mt-1 text-sm text-slate-600">{t('admin.intro')}</p>
      {editing && (
        <TemplateForm
          template={editing === 'new' ? null : editing}
          onDone={async () => {
            setEditing(null);
            await templates.refetch();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {templates.isLoading ? (
        <Spinner label={t('loading')} />
      ) : templates.error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {errorMessage(templates.error, t)}
        </p>
      ) : list.length === 0 ? (
        <EmptyState title={t('templates.empty')} />
      ) : (
        <ul className="mt-4 divide-y divide-slate-100">
          {list.map((template) => (
            <li key={template.id} className="flex items-start gap-3 py-3" data-testid="packing-template">
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-medium text-slate-900">
                  {template.name}
                  {template.builtIn && <span className="ms-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">{t('admin.builtIn')}</span>}
                  {template.ownerName && <span className="ms-2 text-xs font-normal text-slate-500">{t('admin.savedBy', { name: template.ownerName })}</span>}
                </p>
                <p className="truncate text-xs text-slate-600">{template.items.map((i) => (i.quantity > 1 ? `${i.quantity}× ${i.name}` : i.name)).join(', ')}</p>
              </div>
              <Button size="sm" variant="ghost" onClick={() => setEditing(template)} aria-label={`${t('edit')}: ${template.name}`}>
                {t('edit')}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setToDelete(template)} aria-label={`${t('delete')}: ${template.name}`}>
                {t('delete')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={!!toDelete}
        title={t('admin.deleteTitle')}
        message={t('admin.deleteMessage', { name: toDelete?.name ?? '' })}
        confirmLabel={t('delete')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => toDelete && remove.mutate({ templateId: toDelete.id })}
        onCancel={() => setToDelete(null)}
      />
    </section>
  );
}

function TemplateForm({ template, onDone, onCancel }: { template: Template | null; onDone(): Promise<unknown>; onCancel(): void }) {
  const { t } = useTranslation('packing');
  const trpc = useTRPC();
  const [name, setName] = useState(template?.name ?? '');
  const [lines, setLines] = useState(template ? asLines(template.items) : '');
  const create = useMutation(trpc.packing.createPackingTemplate.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.packing.updatePackingTemplate.mutationOptions({ onSuccess: onDone }));
  const items = parseImportLines(lines);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || items.length === 0) return;
    if (template) update.mutate({ templateId: template.id, name, items });
    else create.mutate({ name, items });
  };
  const error = create.error ?? update.error;
  return (
    <form onSubmit={submit} className="mt-4 space-y-3 rounded-lg border border-slate-200 p-4" aria-label={template ? t('admin.editTitle') : t('admin.new')}>
      <TextField label={t('admin.name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} data-autofocus />
      <TextAreaField label={t('admin.items')} hint={t('import.hint')} value={lines} onChange={(e) => setLines(e.target.value)} rows={8} />
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(error, t)}
        </p>
      )}
      <div className="flex gap-2">
        <Button variant="primary" type="submit" busy={create.isPending || update.isPending} disabled={!name.trim() || items.length === 0}>
          {t('save')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
