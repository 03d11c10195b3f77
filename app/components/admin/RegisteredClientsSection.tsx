// Admin → MCP access: apps that registered themselves (OAuth dynamic registration, owned by nobody) with their
// redirect hosts and live tokens; delete the never-used ones, or all of them (their grants end first).
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, errorMessage } from '~/utils/trpc';
import { QueryStatus } from '~/components/QueryStatus';
import { ConfirmButton } from '~/components/oauth/ConfirmButton';

const hostOf = (uri: string) => {
  try {
    return new URL(uri).host || uri;
  } catch {
    return uri;
  }
};

export function RegisteredClientsSection() {
  const { t, i18n } = useTranslation('oauth');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.listRegisteredClients.queryOptions());
  const purge = useMutation(
    trpc.admin.purgeRegisteredClients.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.listRegisteredClients.queryKey() }),
    }),
  );
  const clients = list.data?.clients ?? [];
  return (
    <section aria-labelledby="registered-clients-title" className="mt-8 space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="registered-clients-title" className="text-lg font-semibold text-slate-900">
            {t('registered.title')}
          </h2>
          <p className="text-sm text-slate-600">{t('registered.intro')}</p>
        </div>
        {clients.length > 0 && (
          <div className="flex flex-wrap items-center gap-2">
            <ConfirmButton
              label={t('registered.purgeUnused')}
              question={t('registered.purgeUnusedConfirm')}
              pending={purge.isPending}
              onConfirm={() => purge.mutate({ unusedOnly: true })}
            />
            <ConfirmButton
              label={t('registered.purgeAll')}
              question={t('registered.purgeAllConfirm')}
              pending={purge.isPending}
              onConfirm={() => purge.mutate({ unusedOnly: false })}
            />
          </div>
        )}
      </div>
      {purge.data && (
        <p role="status" className="text-sm text-emerald-700">
          {t('registered.deleted', { count: purge.data.deleted })}
        </p>
      )}
      {purge.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(purge.error, t)}
        </p>
      )}
      <QueryStatus query={list} t={t} loadingText={t('common.loading')} emptyText={t('registered.empty')} isEmpty={clients.length === 0}>
        <div className="relative overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-start text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">{t('grants.client')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('registered.redirects')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('registered.tokens')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('grants.created')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {clients.map((c) => (
                <tr key={c.clientId} data-testid="registered-client">
                  <td className="px-3 py-2">
                    <span className="font-medium text-slate-900">{c.name}</span>
                    <code dir="ltr" className="ms-2 text-xs text-slate-500">
                      {c.clientId}
                    </code>
                  </td>
                  <td className="px-3 py-2 text-slate-700" dir="ltr">
                    {[...new Set(c.redirectUris.map(hostOf))].join(', ')}
                  </td>
                  <td className="px-3 py-2 text-slate-700">{c.tokenCount === 0 ? t('registered.unused') : c.tokenCount}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600">{new Date(c.createdAt).toLocaleString(i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryStatus>
    </section>
  );
}
