// The consent form and the authorize error page (shown instead of redirecting when the redirect URI is not trusted).
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ScopePicker } from './ScopePicker';

export interface ConsentProps {
  clientName: string;
  redirectHost: string;
  scopes: string[];
  remembered: string[];
  params: Record<string, string | undefined>;
  csrf: string;
  userName: string;
}

export function ConsentForm({ clientName, redirectHost, scopes, params, csrf, userName }: ConsentProps) {
  const { t } = useTranslation('oauth');
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="consent-title">
      <h1 id="consent-title" className="text-xl font-semibold text-slate-900">
        {t('consent.title', { client: clientName })}
      </h1>
      <p className="mt-2 text-sm text-slate-600">{t('consent.signedInAs', { name: userName })}</p>
      <p className="mt-1 text-sm text-slate-600" data-testid="redirect-host">
        {t('consent.redirectNotice', { host: redirectHost })}
      </p>
      {/* reloadDocument: a real POST, so the browser follows the redirect to the client (also custom schemes). */}
      <Form method="post" reloadDocument className="mt-5 space-y-5">
        {Object.entries(params).map(([key, value]) => (value === undefined ? null : <input key={key} type="hidden" name={key} value={value} />))}
        <input type="hidden" name="csrf" value={csrf} />
        {scopes.length > 0 ? (
          <>
            <p className="text-sm text-slate-700">{t('consent.scopesIntro')}</p>
            <ScopePicker available={scopes} selected={scopes} name="grant" idPrefix="consent" />
          </>
        ) : (
          <p className="text-sm text-slate-700">{t('consent.noScopes')}</p>
        )}
        <p className="text-xs text-slate-500">{t('consent.rememberNote')}</p>
        <div className="flex flex-wrap justify-end gap-3">
          <button
            type="submit"
            name="decision"
            value="deny"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500"
          >
            {t('consent.deny')}
          </button>
          <button
            type="submit"
            name="decision"
            value="approve"
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus:outline-none focus:ring-2 focus:ring-indigo-500 focus:ring-offset-2"
          >
            {t('consent.approve')}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function AuthorizeErrorPage({ error }: { error: string }) {
  const { t } = useTranslation('oauth');
  return (
    <section role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6">
      <h1 className="text-xl font-semibold text-red-900">{t('authorizeError.title')}</h1>
      <p className="mt-2 text-sm text-red-800" data-testid="authorize-error">
        {t(`authorizeError.${error}`)}
      </p>
      <Link to="/" className="mt-4 inline-block text-sm font-medium text-indigo-700 underline">
        {t('authorizeError.back')}
      </Link>
    </section>
  );
}
