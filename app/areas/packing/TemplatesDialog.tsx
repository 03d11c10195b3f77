// Packing templates from the Packing tab: apply one (only what is not on the list yet is added) or save this trip's
// list as a new template.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Button, Dialog, SelectField, Spinner, TextField } from '~/components/ui';

export function TemplatesDialog({ tripId, onClose, onChanged }: { tripId: number; onClose(): void; onChanged(): Promise<unknown> }) {
  const { t } = useTranslation('packing');
  const trpc = useTRPC();
  const templates = useQuery(trpc.packing.listPackingTemplates.queryOptions());
  const [templateId, setTemplateId] = useState('');
  const [name, setName] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const apply = useMutation(
    trpc.packing.applyPackingTemplate.mutationOptions({
      onSuccess: async (r) => {
        setResult(r.count ? t('templates.applied', { count: r.count }) : t('templates.nothingNew'));
        await onChanged();
      },
    }),
  );
  const save = useMutation(
    trpc.packing.savePackingTemplate.mutationOptions({
      onSuccess: async (r) => {
        setName('');
        setResult(t('templates.saved', { name: r.template.name }));
        await templates.refetch();
      },
    }),
  );
  const list = templates.data?.templates ?? [];
  const chosen = list.find((x) => String(x.id) === templateId) ?? list[0];
  const submitSave = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) save.mutate({ tripId, templateName: name });
  };
  const error = apply.error ?? save.error;
  return (
    <Dialog open onClose={onClose} title={t('templates.title')} testId="packing-templates-dialog" footer={<Button onClick={onClose}>{t('templates.close')}</Button>}>
      {templates.isLoading ? (
        <Spinner size="sm" label={t('loading')} />
      ) : list.length === 0 ? (
        <p className="text-sm text-slate-600">{t('templates.empty')}</p>
      ) : (
        <div className="space-y-2">
          <SelectField label={t('templates.choose')} value={chosen ? String(chosen.id) : ''} onChange={(e) => setTemplateId(e.target.value)}>
            {list.map((x) => (
              <option key={x.id} value={x.id}>
                {`${x.name} (${t('templates.itemCount', { count: x.items.length })})`}
              </option>
            ))}
          </SelectField>
          {chosen && (
            <p className="text-xs text-slate-600" data-testid="template-preview">
              {chosen.items.map((i) => (i.quantity > 1 ? `${i.quantity}× ${i.name}` : i.name)).join(', ')}
            </p>
          )}
          <Button variant="primary" busy={apply.isPending} disabled={!chosen} onClick={() => chosen && apply.mutate({ tripId, templateId: chosen.id })}>
            {t('templates.apply')}
          </Button>
        </div>
      )}
      <form onSubmit={submitSave} className="mt-5 space-y-2 border-t border-slate-100 pt-4">
        <TextField label={t('templates.saveName')} hint={t('templates.saveHint')} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        <Button type="submit" busy={save.isPending} disabled={!name.trim()}>
          {t('templates.save')}
        </Button>
      </form>
      {result && (
        <p role="status" className="mt-3 text-sm text-emerald-700">
          {result}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {errorMessage(error, t)}
        </p>
      )}
    </Dialog>
  );
}
