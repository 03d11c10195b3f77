// Admin → MCP access: OAuth grants across all users (client, owner, scopes, created) with revoke.
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, errorMessage } from '~/utils/trpc';
import { QueryStatus } from '~/components/QueryStatus';
import { ScopeBadges } from '~/components/oauth/ScopeBadges';
import { ConfirmButton } from '~/components/oauth/ConfirmButton';

export function OAuthGrantsSection() {
  const { t, i18n } = useTranslation('oauth');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.oauthClients.listAllOAuthGrants.queryOptions());
  const revoke = useMutation(
    trpc.oauthClients.adminRevokeGrant.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.oauthClients.listAllOAuthGrants.queryKey() }),
    }),
  );
  const grants = list.data?.grants ?? [];
  return (
    <section aria-labelledby="oauth-grants-title" className="mt-8 space-y-3">
      <h2 id="oauth-grants-title" className="text-lg font-semibold text-slate-900">
        {t('grants.title')}
      </h2>
      <QueryStatus
        query={list}
        t={t}
        loadingText={t('common.loading')}
        emptyText={t('grants.empty')}
        isEmpty={grants.length === 0}
      >
        <div className="relative overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-start text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">{t('grants.client')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('grants.owner')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('grants.scopes')}</th>
                <th scope="col" className="px-3 py-2 text-start">{t('grants.created')}</th>
                <th scope="col" className="px-3 py-2 text-end">
                  <span className="sr-only">{t('grants.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {grants.map((g) => (
                <tr key={`${g.user.id}:${g.clientId}`} data-testid="oauth-grant">
                  <td className="px-3 py-2">
                    <span className="font-medium text-slate-900">{g.clientName}</span>
                    {g.machine && <span className="ms-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-700">{t('clients.machineBadge')}</span>}
                  </td>
                  <td className="px-3 py-2 text-slate-700">
                    {g.user.displayName} <span className="text-xs text-slate-500">{g.user.email}</span>
                  </td>
                  <td className="px-3 py-2">
                    <ScopeBadges scopes={g.scopes} />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-slate-600">{new Date(g.createdAt).toLocaleString(i18n.language)}</td>
                  <td className="px-3 py-2 text-end">
                    <ConfirmButton
                      label={t('grants.revoke')}
                      question={t('grants.revokeConfirm')}
                      pending={revoke.isPending}
                      onConfirm={() => revoke.mutate({ clientId: g.clientId, userId: g.user.id })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </QueryStatus>
      {revoke.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(revoke.error, t)}
        </p>
      )}
    </section>
  );
}
