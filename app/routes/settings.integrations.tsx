// Settings → Integrations: the MCP endpoint, static API tokens (deprecated), OAuth clients and authorized apps.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { StaticTokensSection } from '~/components/integrations/StaticTokensSection';
import { CopyButton } from '~/components/integrations/StaticTokensDialog';
import { OAuthClientsSection } from '~/components/integrations/OAuthClientsSection';
import { AuthorizedAppsSection } from '~/components/integrations/AuthorizedAppsSection';
import { requireWebActor } from '~/utils/request.server';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'integrations', 'title', 'Integrations') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { services } = await requireWebActor(request, context);
  return { mcpUrl: `${services.config.appUrl}/mcp`, mcpEnabled: await services.addons.isEnabled('mcp') };
}

export default function IntegrationsPage() {
  const { t } = useTranslation('integrations');
  const { mcpUrl, mcpEnabled } = useLoaderData<typeof loader>();
  return (
    <>
      <h2 className="text-xl font-semibold text-slate-900">{t('title')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>

      <section aria-labelledby="mcp-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="mcp-heading" className="text-lg font-semibold text-slate-900">
          {t('mcp.heading')}
        </h2>
        {!mcpEnabled && (
          <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
            {t('mcp.disabled')}
          </p>
        )}
        <div className="mt-3">
          <label htmlFor="mcp-endpoint" className="text-sm font-medium text-slate-700">
            {t('mcp.endpoint')}
          </label>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <input
              id="mcp-endpoint"
              readOnly
              value={mcpUrl}
              dir="ltr"
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm focus:outline-none focus:ring-2 focus:ring-indigo-500"
            />
            <CopyButton text={mcpUrl} label={t('copy')} copiedLabel={t('copied')} />
          </div>
          <p className="mt-1 text-sm text-slate-600">{t('mcp.endpointHelp')}</p>
        </div>
        <StaticTokensSection />
        <OAuthClientsSection />
        <AuthorizedAppsSection />
      </section>
    </>
  );
}
