// /forgot-password — asks for the e-mail and mails a single-use reset link. The answer is the same whether or not an
// account has that address. Without SMTP the page says so and sends people to an administrator. Works without JavaScript.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '~/components/AppShell';
import { AuthCard, SubmitButton } from '~/components/auth/AuthForm';
import { TextField } from '~/components/ui';
import { RESET_LINK_MINUTES, requestPasswordReset } from '~/auth/password-reset.server';
import { assertSameOrigin, clientIp, getServices } from '~/utils/request.server';
import { pageTitle } from '~/components/pageTitle';
import { passwordSignInDisabled } from '~/auth/oidc.server';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'account', 'forgot.title', 'Forgot your password?') }];

export function loader({ context }: LoaderFunctionArgs) {
  // With single sign-on only there is no password to reset: the sign-in page explains.
  if (passwordSignInDisabled(getServices(context))) throw redirect('/login');
  return { mailConfigured: getServices(context).mail.configured, minutes: RESET_LINK_MINUTES };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const services = getServices(context);
  assertSameOrigin(request, services);
  if (passwordSignInDisabled(services)) throw redirect('/login');
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  if (!services.mail.configured) return json({ sent: false as const, email, error: { key: 'account:forgot.noMail' } }, { status: 503 });
  const result = await requestPasswordReset(services, { email, ip: clientIp(request) });
  if (!result.ok) return json({ sent: false as const, email, error: result.error }, { status: result.status });
  return json({ sent: true as const, email, error: null });
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation('account');
  const { mailConfigured, minutes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <AppShell>
      <AuthCard
        title={t('forgot.title')}
        footer={
          <Link to="/login" className="font-medium text-indigo-700 hover:underline focus:outline-none focus:ring-2 focus:ring-indigo-500">
            {t('forgot.backToLogin')}
          </Link>
        }
      >
        {!mailConfigured ? (
          <p role="alert" data-testid="forgot-no-mail" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t('forgot.noMail')}
          </p>
        ) : result?.sent ? (
          <p role="status" data-testid="forgot-sent" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
            {t('forgot.sent', { email: result.email, minutes })}
          </p>
        ) : (
          <Form method="post" className="space-y-4">
            <p className="-mt-3 text-sm text-slate-600">{t('forgot.intro')}</p>
            {result?.error && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="forgot-error">
                {t(result.error.key, 'params' in result.error ? (result.error.params as Record<string, number>) : undefined)}
              </p>
            )}
            <TextField id="field-email" label={t('auth:fields.email')} name="email" type="email" autoComplete="email" required autoFocus maxLength={254} dir="ltr" defaultValue={result?.email ?? ''} />
            <SubmitButton busy={busy}>{busy ? t('forgot.submitting') : t('forgot.submit')}</SubmitButton>
          </Form>
        )}
      </AuthCard>
    </AppShell>
  );
}
