// Admin → Audit log: security-relevant events, newest first, fifty per page.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '~/components/integrations/TokenTable';
import { requireWebActor } from '~/utils/request.server';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'admin', 'tabs.audit', 'Audit log') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireWebActor(request, context);
  if (!actor.user.isAdmin) throw new Response('Not found', { status: 404 });
  return null;
}

function detailText(detail: Record<string, unknown> | null) {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

export default function AdminAuditPage() {
  const { t, i18n } = useTranslation('integrations');
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const log = useQuery(trpc.apiTokens.listAuditLog.queryOptions({ page }));
  const go = (p: number) => setParams(p > 1 ? { page: String(p) } : {});
  const entries = log.data?.entries ?? [];
  const pages = log.data?.pages ?? 1;
  return (
    <>
      <h2 className="text-xl font-semibold text-slate-900">{t('admin.auditTitle')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('admin.auditIntro')}</p>
      <div className="relative mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        {log.isLoading ? (
          <p className="p-4 text-sm text-slate-500">{t('admin.loading')}</p>
        ) : log.error ? (
          <p className="p-4 text-sm text-red-700" role="alert">
            {t('admin.loadError')} {errorMessage(log.error, t)}
          </p>
        ) : entries.length === 0 ? (
          <p className="p-4 text-sm text-slate-500">{t('admin.empty')}</p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-slate-500">
                <th className="px-3 py-2 text-start font-medium">{t('admin.colTime')}</th>
                <th className="px-3 py-2 text-start font-medium">{t('admin.colUser')}</th>
                <th className="px-3 py-2 text-start font-medium">{t('admin.colAction')}</th>
                <th className="px-3 py-2 text-start font-medium">{t('admin.colClient')}</th>
                <th className="px-3 py-2 text-start font-medium">{t('admin.colResult')}</th>
                <th className="px-3 py-2 text-start font-medium">{t('admin.colDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-slate-100 align-top">
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(e.createdAt, i18n.language, '')}</td>
                  <td className="min-w-48 px-3 py-2">{e.user ? (
                      <>
                        <bdi>{e.user.displayName}</bdi>
                        <span className="block break-words text-xs text-slate-500">
                          <bdi>{e.user.email}</bdi>
                        </span>
                      </>
                    ) : (
                      t('admin.nobody')
                    )}</td>
                  <td className="px-3 py-2 font-mono">
                    <bdi dir="ltr">{e.action}</bdi>
                  </td>
                  <td className="px-3 py-2 font-mono">
                    <bdi dir="ltr">{e.clientId ?? t('admin.nobody')}</bdi>
                  </td>
                  <td className="px-3 py-2">
                    <span
                      className={`rounded-full px-2 py-0.5 text-xs font-medium ${e.success ? 'bg-emerald-100 text-emerald-800' : 'bg-red-100 text-red-800'}`}
                    >
                      {e.success ? t('admin.success') : t('admin.failure')}
                    </span>
                  </td>
                  <td className="min-w-64 px-3 py-2 text-slate-600">
                    <bdi dir="ltr">{detailText(e.detail)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <nav className="mt-4 flex items-center justify-between gap-2" aria-label={t('admin.auditTitle')}>
        <button
          type="button"
          disabled={page <= 1}
          onClick={() => go(page - 1)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500 disabled:opacity-50"
        >
          {t('admin.previous')}
        </button>
        <span className="text-sm text-slate-600">{t('admin.page', { page, pages })}</span>
        <button
          type="button"
          disabled={page >= pages}
          onClick={() => go(page + 1)}
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500 disabled:opacity-50"
        >
          {t('admin.next')}
        </button>
      </nav>
    </>
  );
}
