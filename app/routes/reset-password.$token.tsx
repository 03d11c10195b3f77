// /reset-password/<token> — the page a reset link opens: choose a new password (the registration rules), then every
// session, app grant and MCP session of the account ends and this browser is signed in afresh. The token is a path
// segment the request log masks; the page is not cached. Opening the page does not use
// the link up (mail scanners open links); only setting the password does.
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '~/components/AppShell';
import { AuthCard, SubmitButton } from '~/components/auth/AuthForm';
import { TextField } from '~/components/ui';
import { completePasswordReset, findUsableReset } from '~/auth/password-reset.server';
import { completePasswordLogin } from '~/auth/two-factor.server';
import { passwordSignInDisabled } from '~/auth/oidc.server';
import { assertSameOrigin, clientIp, getServices } from '~/utils/request.server';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'account', 'reset.title', 'Choose a new password') }];

// Every page already sends Referrer-Policy: same-origin (entry.server), so the token never leaves in a Referer.
const PRIVATE = { 'Cache-Control': 'no-store' };
export const headers: HeadersFunction = () => PRIVATE;

export async function loader({ params, context }: LoaderFunctionArgs) {
  // With single sign-on only, passwords are not used: the sign-in page explains.
  if (passwordSignInDisabled(getServices(context))) throw redirect('/login');
  const reset = await findUsableReset(getServices(context).db, params.token ?? '');
  return json({ valid: reset !== null, email: reset?.user.email ?? null }, { headers: PRIVATE });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const services = getServices(context);
  assertSameOrigin(request, services);
  if (passwordSignInDisabled(services)) throw redirect('/login');
  const form = await request.formData();
  const result = await completePasswordReset(services, {
    token: params.token ?? '',
    password: String(form.get('password') ?? ''),
    confirm: String(form.get('confirmPassword') ?? ''),
    ip: clientIp(request),
  });
  if (!result.ok) return json({ error: result.error, invalidLink: result.invalidLink ?? false }, { status: result.status, headers: PRIVATE });
  // Signed in as after a password login: someone with two-factor still gives a code (the reset proves only the mailbox).
  const response = await completePasswordLogin(services, { id: result.userId }, '/');
  response.headers.set('Cache-Control', PRIVATE['Cache-Control']);
  return response;
}

export default function ResetPasswordPage() {
  const { t } = useTranslation('account');
  const { valid, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const linkDead = !valid || result?.invalidLink;
  return (
    <AppShell>
      <AuthCard title={t('reset.title')}>
        {linkDead ? (
          <div className="space-y-4">
            <p role="alert" data-testid="reset-invalid" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              {t('reset.invalid')}
            </p>
            <Link to="/forgot-password" className="inline-block font-medium text-indigo-700 hover:underline focus:outline-none focus:ring-2 focus:ring-indigo-500">
              {t('reset.askAgain')}
            </Link>
          </div>
        ) : (
          <Form method="post" className="space-y-4">
            <p className="-mt-3 text-sm text-slate-600">{t('reset.intro')}</p>
            {result?.error && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="reset-error">
                {t(result.error.key, result.error.params)}
              </p>
            )}
            <input type="text" name="username" autoComplete="username" value={email ?? ''} readOnly hidden />
            <TextField id="field-password" label={t('reset.password')} name="password" type="password" autoComplete="new-password" required autoFocus minLength={8} maxLength={200} hint={t('auth:register.passwordHint', { min: 8 })} />
            <TextField id="field-confirmPassword" label={t('reset.confirm')} name="confirmPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={200} />
            <SubmitButton busy={busy}>{busy ? t('reset.submitting') : t('reset.submit')}</SubmitButton>
          </Form>
        )}
      </AuthCard>
    </AppShell>
  );
}
