// "Sign in with <provider>" on the login page (OpenID Connect single sign-on), with the translated reason when a
// previous attempt failed, and the notice that the password form is off on SSO-only servers.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

export function SsoSignIn({ label, ssoOnly, redirectTo, error }: { label: string; ssoOnly: boolean; redirectTo: string; error: string | null }) {
  const { t } = useTranslation('security');
  return (
    <div className="mb-6 space-y-3">
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="sso-error">
          {t(`sso.errors.${error}`)}
        </p>
      )}
      {ssoOnly && <p className="text-sm text-slate-600">{t('sso.ssoOnly')}</p>}
      <Form method="post" action="/auth/oidc/start" reloadDocument>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <button
          type="submit"
          className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 shadow-sm hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-indigo-500 focus:ring-offset-2"
          data-testid="sso-sign-in"
        >
          {t('sso.button', { label })}
        </button>
      </Form>
      {!ssoOnly && (
        <p className="flex items-center gap-3 text-xs uppercase text-slate-500" aria-hidden="true">
          <span className="h-px flex-1 bg-slate-200" />
          {t('sso.or')}
          <span className="h-px flex-1 bg-slate-200" />
        </p>
      )}
    </div>
  );
}
