// Settings → Integrations → MCP: the user's static API tokens (deprecated). Create (shown once, with copy), list, delete.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { CopyButton, DeleteTokenDialog } from './StaticTokensDialog';
import { TokenTable } from './TokenTable';

export function StaticTokensSection() {
  const { t } = useTranslation('integrations');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiTokens.listApiTokens.queryOptions());
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [toDelete, setToDelete] = useState<{ id: number; name: string } | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.listApiTokens.queryKey() });
  const create = useMutation(
    trpc.apiTokens.createApiToken.mutationOptions({
      onSuccess: (data) => {
        setCreated({ token: data.token, name: data.apiToken.name });
        setName('');
        void invalidate();
      },
    }),
  );
  const remove = useMutation(
    trpc.apiTokens.deleteApiToken.mutationOptions({
      onSuccess: () => {
        setToDelete(null);
        void invalidate();
      },
    }),
  );
  const list = tokens.data?.apiTokens ?? [];
  const max = tokens.data?.max ?? 10;
  const full = list.length >= max;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) create.mutate({ name: name.trim() });
  }

  return (
    <section aria-labelledby="static-tokens-heading" className="mt-6">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="static-tokens-heading" className="text-base font-semibold text-slate-900">
          {t('tokens.heading')}
        </h3>
        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{t('tokens.deprecated')}</span>
      </div>
      <p className="mt-1 text-sm text-slate-600">{t('tokens.deprecatedHelp')}</p>

      {created && (
        <div className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-4" role="status">
          <p className="text-sm font-medium text-emerald-900">{t('tokens.createdTitle', { name: created.name })}</p>
          <p className="mt-1 text-sm text-emerald-800">{t('tokens.createdHelp')}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-sm" data-testid="new-token" dir="ltr">
              {created.token}
            </code>
            <CopyButton text={created.token} label={t('copy')} copiedLabel={t('copied')} />
            <button
              type="button"
              onClick={() => setCreated(null)}
              className="rounded-md px-3 py-1.5 text-sm text-emerald-900 hover:bg-emerald-100 focus:outline-none focus:ring-2 focus:ring-emerald-500"
            >
              {t('tokens.done')}
            </button>
          </div>
        </div>
      )}

      <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-2">
        <label className="flex min-w-[12rem] flex-1 flex-col text-sm">
          <span className="mb-1 text-slate-700">{t('tokens.name')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={100}
            required
            placeholder={t('tokens.namePlaceholder')}
            disabled={full}
            className="rounded-md border border-slate-300 px-3 py-2 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500"
          />
        </label>
        <button
          type="submit"
          disabled={create.isPending || full || !name.trim()}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus:outline-none focus:ring-2 focus:ring-indigo-500 disabled:opacity-60"
        >
          {create.isPending ? t('tokens.creating') : t('tokens.create')}
        </button>
      </form>
      {create.error && (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {errorMessage(create.error, t)}
        </p>
      )}
      <p className="mt-2 text-xs text-slate-500">{full ? t('tokens.limitReached', { count: max }) : t('tokens.count', { used: list.length, count: max })}</p>

      <TokenTable query={tokens} tokens={list} onDelete={setToDelete} />
      {remove.error && (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {errorMessage(remove.error, t)}
        </p>
      )}
      <DeleteTokenDialog token={toDelete} busy={remove.isPending} onCancel={() => setToDelete(null)} onConfirm={(tokenId) => remove.mutate({ tokenId })} />
    </section>
  );
}
