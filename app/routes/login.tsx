// /login — e-mail and password; works without JavaScript. Honours ?redirectTo= (same-site paths only).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '~/components/AppShell';
import { AuthCard, SubmitButton } from '~/components/auth/AuthForm';
import { TextField } from '~/components/ui';
import { checkLogin, safeRedirectPath, signedOutPageLoader, type FormError } from '~/auth/web-auth.server';
import { completePasswordLogin } from '~/auth/two-factor.server';
import { passwordSignInDisabled, SSO_ERRORS, ssoForLoginPage } from '~/auth/oidc.server';
import { SsoSignIn } from '~/components/auth/SsoSignIn';
import { assertSameOrigin, clientIp, getServices } from '~/utils/request.server';
import { registrationMode } from '~/auth/registration.server';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'auth', 'login.submit', 'Log in') }];

export async function loader(args: LoaderFunctionArgs) {
  const page = await signedOutPageLoader(args);
  // "Create an account" is offered only where one can be created without an invitation link.
  const services = getServices(args.context);
  const ssoError = new URL(args.request.url).searchParams.get('sso_error');
  const sso = ssoForLoginPage(services);
  return {
    ...page,
    canRegister: !sso?.ssoOnly && (await registrationMode(services.db)) === 'open',
    sso,
    ssoError: SSO_ERRORS.find((key) => key === ssoError) ?? null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const services = getServices(context);
  assertSameOrigin(request, services);
  if (passwordSignInDisabled(services)) return json({ error: { key: 'security:sso.ssoOnly' } as FormError, email: '' }, { status: 403 });
  const form = await request.formData();
  const email = String(form.get('email') ?? '');
  const result = await checkLogin(services, { email, password: String(form.get('password') ?? ''), ip: clientIp(request) });
  if (!result.ok) return json({ error: result.error, email }, { status: result.status });
  // a user with two-factor goes on to the code page (app/auth/two-factor.server.ts)
  return completePasswordLogin(services, result.user, safeRedirectPath(form.get('redirectTo')));
}

export default function LoginPage() {
  const { t } = useTranslation('auth');
  const { redirectTo, canRegister, sso, ssoError } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const registerHref = redirectTo === '/' ? '/register' : `/register?redirectTo=${encodeURIComponent(redirectTo)}`;
  return (
    <AppShell>
      <AuthCard
        title={t('login.title')}
        footer={
          canRegister ? (
            <>
              {t('login.noAccount')}{' '}
              <Link to={registerHref} className="font-medium text-indigo-700 hover:underline focus:outline-none focus:ring-2 focus:ring-indigo-500">
                {t('login.registerLink')}
              </Link>
            </>
          ) : undefined
        }
      >
        {sso && <SsoSignIn label={sso.label} ssoOnly={sso.ssoOnly} redirectTo={redirectTo} error={ssoError} />}
        {!sso?.ssoOnly && (
        <Form method="post" className="space-y-4" noValidate={false}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          {result?.error && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="login-error">
              {t(result.error.key, result.error.params)}
            </p>
          )}
          <TextField id="field-email"
            label={t('fields.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            autoFocus
            defaultValue={result?.email ?? ''}
            dir="ltr"
          />
          <TextField id="field-password" label={t('fields.password')} name="password" type="password" autoComplete="current-password" required />
          <p className="-mt-2 text-end text-sm">
            <Link to="/forgot-password" className="font-medium text-indigo-700 hover:underline focus:outline-none focus:ring-2 focus:ring-indigo-500">
              {t('account:forgot.link')}
            </Link>
          </p>
          <SubmitButton busy={busy}>{busy ? t('login.submitting') : t('login.submit')}</SubmitButton>
        </Form>
        )}
      </AuthCard>
    </AppShell>
  );
}
