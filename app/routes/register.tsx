// /register — create an account (the very first one administers the installation); works without JavaScript.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '~/components/AppShell';
import { AuthCard, SubmitButton } from '~/components/auth/AuthForm';
import { TextField } from '~/components/ui';
import { registerUser, safeRedirectPath, signedOutPageLoader } from '~/auth/web-auth.server';
import { INVITE_COOKIE, registrationStatus } from '~/auth/registration.server';
import { readCookie, startWebSession } from '~/auth/session.server';
import { detectLanguage } from '~/i18n/i18n.server';
import { assertSameOrigin, clientIp, getServices } from '~/utils/request.server';
import { pageTitle } from '~/components/pageTitle';
import { passwordSignInDisabled } from '~/auth/oidc.server';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'auth', 'register.title', 'Create your account') }];

/** The invitation a visitor brought through an invitation link (/invite/…), kept in a short-lived cookie. */
const inviteOf = (request: Request) => readCookie(request.headers.get('Cookie'), INVITE_COOKIE) ?? null;
const clearInvite = `${INVITE_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`;

export async function loader(args: LoaderFunctionArgs) {
  // single sign-on only (OIDC_SSO_ONLY): accounts come from the provider; the login page says why
  if (passwordSignInDisabled(getServices(args.context))) throw redirect('/login');
  const page = await signedOutPageLoader(args);
  const status = await registrationStatus(getServices(args.context).db, inviteOf(args.request));
  return { ...page, refusal: status.refusal, invited: status.invited, hadInvite: inviteOf(args.request) !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const services = getServices(context);
  assertSameOrigin(request, services);
  if (passwordSignInDisabled(services)) throw redirect('/login');
  const form = await request.formData();
  const values = {
    email: String(form.get('email') ?? ''),
    displayName: String(form.get('displayName') ?? ''),
    username: String(form.get('username') ?? ''),
  };
  const result = await registerUser(
    services,
    { ...values, password: String(form.get('password') ?? ''), language: detectLanguage(request), invite: inviteOf(request) },
    clientIp(request),
  );
  if (!result.ok) {
    const status = result.throttled ? 429 : result.refused ? 403 : 400;
    return json({ fieldErrors: result.fieldErrors, refused: result.refused ?? null, values }, { status });
  }
  const headers = new Headers({ 'Set-Cookie': await startWebSession(services, result.user.id) });
  headers.append('Set-Cookie', clearInvite);
  return redirect(safeRedirectPath(form.get('redirectTo')), { headers });
}

export default function RegisterPage() {
  const { t } = useTranslation('auth');
  const { redirectTo, refusal, invited, hadInvite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const errors = result?.fieldErrors;
  const message = (field: keyof NonNullable<typeof errors>) => {
    const error = errors?.[field];
    return error ? t(error.key, error.params) : undefined;
  };
  const loginHref = redirectTo === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(redirectTo)}`;
  return (
    <AppShell>
      <AuthCard
        title={t('register.title')}
        footer={
          <>
            {t('register.haveAccount')}{' '}
            <Link to={loginHref} className="font-medium text-indigo-700 hover:underline focus:outline-none focus:ring-2 focus:ring-indigo-500">
              {t('register.loginLink')}
            </Link>
          </>
        }
      >
        {(refusal ?? result?.refused) ? (
          <p role="alert" data-testid="registration-refused" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {(refusal ?? result?.refused) === 'closed'
              ? t('register.closed')
              : hadInvite
                ? t('register.inviteInvalid')
                : t('register.inviteRequired')}
          </p>
        ) : (
          <>
        <p className="-mt-3 mb-4 text-sm text-slate-600">{invited ? t('register.invited') : t('register.intro')}</p>
        <Form method="post" className="space-y-4">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField id="field-email"
            label={t('fields.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            autoFocus
            maxLength={254}
            dir="ltr"
            defaultValue={result?.values.email ?? ''}
            error={message('email')}
          />
          <TextField id="field-displayName"
            label={t('fields.displayName')}
            name="displayName"
            autoComplete="name"
            required
            maxLength={100}
            defaultValue={result?.values.displayName ?? ''}
            error={message('displayName')}
          />
          <TextField id="field-username"
            label={t('fields.username')}
            name="username"
            autoComplete="username"
            minLength={2}
            maxLength={40}
            dir="ltr"
            hint={t('register.usernameHint')}
            defaultValue={result?.values.username ?? ''}
            error={message('username')}
          />
          <TextField id="field-password"
            label={t('fields.password')}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            maxLength={200}
            hint={t('register.passwordHint', { min: 8 })}
            error={message('password')}
          />
          <SubmitButton busy={busy}>{busy ? t('register.submitting') : t('register.submit')}</SubmitButton>
        </Form>
          </>
        )}
      </AuthCard>
    </AppShell>
  );
}
