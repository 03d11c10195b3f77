// Admin → MCP access: every static API token across users (owner, created, last used) with delete; then OAuth grants,
// then the apps that registered themselves.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DeleteTokenDialog } from '~/components/integrations/StaticTokensDialog';
import { TokenTable } from '~/components/integrations/TokenTable';
import { OAuthGrantsSection } from '~/components/admin/OAuthGrantsSection';
import { RegisteredClientsSection } from '~/components/admin/RegisteredClientsSection';
import { requireWebActor } from '~/utils/request.server';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'admin', 'tabs.mcp', 'MCP access') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireWebActor(request, context);
  if (!actor.user.isAdmin) throw new Response('Not found', { status: 404 });
  return null;
}

export default function AdminMcpPage() {
  const { t } = useTranslation('integrations');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiTokens.listAllApiTokens.queryOptions());
  const [toDelete, setToDelete] = useState<{ id: number; name: string } | null>(null);
  const remove = useMutation(
    trpc.apiTokens.adminDeleteApiToken.mutationOptions({
      onSuccess: () => {
        setToDelete(null);
        void queryClient.invalidateQueries({ queryKey: trpc.apiTokens.listAllApiTokens.queryKey() });
      },
    }),
  );
  const list = tokens.data?.apiTokens ?? [];
  return (
    <>
      <h2 className="text-xl font-semibold text-slate-900">{t('admin.mcpTitle')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('admin.mcpIntro')}</p>
      <section aria-labelledby="admin-tokens-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="admin-tokens-heading" className="text-lg font-semibold text-slate-900">
            {t('tokens.heading')}
          </h2>
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">{t('tokens.deprecated')}</span>
        </div>
        <TokenTable query={tokens} tokens={list} showOwner onDelete={setToDelete} />
        {remove.error && (
          <p className="mt-2 text-sm text-red-700" role="alert">
            {errorMessage(remove.error, t)}
          </p>
        )}
      </section>
      <OAuthGrantsSection />
      <RegisteredClientsSection />
      <DeleteTokenDialog token={toDelete} busy={remove.isPending} onCancel={() => setToDelete(null)} onConfirm={(tokenId) => remove.mutate({ tokenId })} />
    </>
  );
}
