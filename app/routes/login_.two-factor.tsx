// /login/two-factor — the second sign-in step for users with two-factor: a code from the authenticator app or a
// backup code. The pending login is a database row named by an HttpOnly cookie (app/auth/two-factor.server.ts).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AppShell } from '~/components/AppShell';
import { AuthCard, SubmitButton } from '~/components/auth/AuthForm';
import { TextField } from '~/components/ui';
import { completeSecondStep, readPendingLogin } from '~/auth/two-factor.server';
import { assertSameOrigin, clientIp, getServices } from '~/utils/request.server';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'security', 'login.title', 'Two-factor sign-in') }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const pending = await readPendingLogin(getServices(context), request);
  if (!pending) throw redirect('/login');
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const services = getServices(context);
  assertSameOrigin(request, services);
  const form = await request.formData();
  const result = await completeSecondStep(services, request, String(form.get('code') ?? ''), clientIp(request));
  if (result.ok) return result.response;
  return json({ error: result.error, expired: !!result.expired }, { status: result.status });
}

export default function TwoFactorLoginPage() {
  const { t } = useTranslation('security');
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <AppShell>
      <AuthCard title={t('login.title')}>
        <Form method="post" className="space-y-4">
          <p className="text-sm text-slate-600">{t('login.intro')}</p>
          {result?.error && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="two-factor-error">
              {t(result.error.key, result.error.params)}{' '}
              {result.expired && (
                <Link to="/login" className="font-medium underline focus:outline-none focus:ring-2 focus:ring-indigo-500">
                  {t('login.startOver')}
                </Link>
              )}
            </p>
          )}
          <TextField
            id="field-code"
            label={t('login.code')}
            hint={t('login.codeHint')}
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            autoFocus
            maxLength={20}
            dir="ltr"
          />
          <SubmitButton busy={busy}>{busy ? t('login.verifying') : t('login.submit')}</SubmitButton>
        </Form>
      </AuthCard>
    </AppShell>
  );
}
