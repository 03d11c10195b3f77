// Settings → Integrations → MCP → Authorized apps: every app (or machine client) holding a live grant, with revoke.
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC, errorMessage } from '~/utils/trpc';
import { QueryStatus } from '~/components/QueryStatus';
import { ScopeBadges } from '~/components/oauth/ScopeBadges';
import { ConfirmButton } from '~/components/oauth/ConfirmButton';

export function AuthorizedAppsSection() {
  const { t, i18n } = useTranslation('oauth');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.oauthClients.listAuthorizedApps.queryOptions());
  const revoke = useMutation(
    trpc.oauthClients.revokeAuthorizedApp.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.oauthClients.listAuthorizedApps.queryKey() }),
    }),
  );
  const apps = list.data?.apps ?? [];
  return (
    <section aria-labelledby="authorized-apps-title" className="mt-8 space-y-3 border-t border-slate-200 pt-6">
      <h2 id="authorized-apps-title" className="text-lg font-semibold text-slate-900">
        {t('apps.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('apps.intro')}</p>
      <QueryStatus
        query={list}
        t={t}
        loadingText={t('common.loading')}
        emptyText={t('apps.empty')}
        isEmpty={apps.length === 0}
      >
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {apps.map((app) => (
            <li key={app.clientId} className="space-y-2 p-4" data-testid="authorized-app">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{app.clientName}</span>
                {app.machine && <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-700">{t('clients.machineBadge')}</span>}
                <span className="text-xs text-slate-500">{t('apps.since', { date: new Date(app.createdAt).toLocaleDateString(i18n.language) })}</span>
              </div>
              <ScopeBadges scopes={app.scopes} />
              <ConfirmButton
                label={t('apps.revoke')}
                question={t('apps.revokeConfirm', { name: app.clientName })}
                pending={revoke.isPending}
                onConfirm={() => revoke.mutate({ clientId: app.clientId })}
              />
            </li>
          ))}
        </ul>
      </QueryStatus>
      {revoke.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(revoke.error, t)}
        </p>
      )}
    </section>
  );
}
