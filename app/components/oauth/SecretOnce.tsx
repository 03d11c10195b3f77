// Shows a freshly issued client secret once, with a copy button, and (for machine clients) a ready curl request.
import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton';

export function curlTokenRequest(appUrl: string, clientId: string, secret = '<client_secret>', scopes?: string) {
  return [
    `curl -s -X POST ${appUrl}/oauth/token \\`,
    `  -u '${clientId}:${secret}' \\`,
    `  -d grant_type=client_credentials \\`,
    `  -d resource=${appUrl}/mcp${scopes ? ` \\\n  --data-urlencode 'scope=${scopes}'` : ''}`,
  ].join('\n');
}

export function SecretOnce({ clientId, secret, machine, appUrl, onDone }: { clientId: string; secret: string; machine: boolean; appUrl: string; onDone(): void }) {
  const { t } = useTranslation('oauth');
  return (
    <div role="status" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">{t('clients.secretOnce')}</p>
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="text-xs text-slate-600">{t('clients.clientId')}</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1" data-testid="new-client-id">
              {clientId}
            </code>
            <CopyButton value={clientId} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">{t('clients.clientSecret')}</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1" data-testid="new-client-secret">
              {secret}
            </code>
            <CopyButton value={secret} />
          </dd>
        </div>
      </dl>
      {machine && (
        <div>
          <p className="text-xs text-slate-600">{t('clients.curlHint')}</p>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100" dir="ltr">
            {curlTokenRequest(appUrl, clientId, secret)}
          </pre>
        </div>
      )}
      <button type="button" onClick={onDone} className="rounded-md bg-amber-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-amber-700 focus:outline-none focus:ring-2 focus:ring-amber-500">
        {t('clients.secretSaved')}
      </button>
    </div>
  );
}
