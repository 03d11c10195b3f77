// Settings → Security: two-factor sign-in (enrol with a QR code or the secret typed in, confirm with a code, backup
// codes shown once, regenerate them, turn it off with a code or the password) and the single sign-on links.
// Forms post to this route's action, so it works without JavaScript; destructive steps ask first.
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from '@remix-run/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, TextField } from '~/components/ui';
import { CopyButton } from '~/components/integrations/StaticTokensDialog';
import {
  confirmEnrolment,
  disableTwoFactor,
  enrolmentRequired,
  regenerateBackupCodes,
  startEnrolment,
  twoFactorStatus,
} from '~/auth/two-factor.server';
import { assertSameOrigin, clientIp, requireWebActor } from '~/utils/request.server';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'security', 'title', 'Security') }];

/** The page shows a secret while enrolling and backup codes once: never cached. */
export const headers: HeadersFunction = () => ({ 'Cache-Control': 'no-store' });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { services, actor } = await requireWebActor(request, context);
  const status = await twoFactorStatus(services, actor.user.id);
  const enrolment = status.pending ? await startEnrolment(services, actor.user, status.pending) : null;
  const links = await services.db.oidcLink.findMany({ where: { userId: actor.user.id }, select: { id: true, email: true, createdAt: true } });
  return json(
    {
      enabled: status.enabled,
      enabledAt: status.enabledAt?.toISOString() ?? null,
      backupCodesLeft: status.backupCodesLeft,
      enrolment: enrolment && { secret: enrolment.secret, qr: enrolment.qr },
      required: await enrolmentRequired(services, actor.user, status.enabled),
      ssoLinks: links.map((l) => ({ id: l.id, email: l.email, createdAt: l.createdAt.toISOString() })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

type ActionResult = { codes?: string[]; error?: string; intent: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { services, actor } = await requireWebActor(request, context);
  assertSameOrigin(request, services);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const ip = clientIp(request);
  const userId = actor.user.id;
  const reply = (result: ActionResult, status = 200) => json(result, { status, headers: { 'Cache-Control': 'no-store' } });
  switch (intent) {
    case 'start':
      await startEnrolment(services, actor.user);
      return redirect('/settings/security');
    case 'cancel':
      await services.db.twoFactor.deleteMany({ where: { userId, enabledAt: null } });
      return redirect('/settings/security');
    case 'confirm': {
      const codes = await confirmEnrolment(services, userId, String(form.get('code') ?? ''), ip);
      return codes ? reply({ intent, codes }) : reply({ intent, error: 'security:enrol.wrongCode' }, 400);
    }
    case 'regenerate': {
      const codes = await regenerateBackupCodes(services, userId, ip);
      return codes ? reply({ intent, codes }) : reply({ intent, error: 'security:errors.notEnabled' }, 400);
    }
    case 'disable': {
      const ok = await disableTwoFactor(services, actor.user, String(form.get('proof') ?? '').trim(), ip);
      return ok ? redirect('/settings/security') : reply({ intent, error: 'security:disable.wrongProof' }, 400);
    }
    default:
      return reply({ intent, error: 'security:errors.unknownAction' }, 400);
  }
}

export default function SecurityPage() {
  const { t, i18n } = useTranslation('security');
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busyIntent = navigation.state === 'submitting' ? String(navigation.formData?.get('intent') ?? '') : null;
  const submit = useSubmit();
  const [confirming, setConfirming] = useState<'regenerate' | 'disable' | null>(null);
  const disableForm = useRef<HTMLFormElement>(null);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const codes = result?.codes;

  return (
    <div className="space-y-6">
      <section aria-labelledby="two-factor-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="two-factor-heading" className="text-lg font-semibold text-slate-900">
          {t('twoFactor.heading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('twoFactor.intro')}</p>
        {data.required && (
          <p role="status" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="two-factor-required">
            {t('twoFactor.required')}
          </p>
        )}
        {result?.error && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="security-error">
            {t(result.error)}
          </p>
        )}

        {codes && (
          <div className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-4" data-testid="backup-codes">
            <h3 className="font-medium text-emerald-900">{t('backupCodes.heading')}</h3>
            <p className="mt-1 text-sm text-emerald-900">{t('backupCodes.intro')}</p>
            <ul className="mt-3 grid grid-cols-2 gap-2 font-mono text-sm" dir="ltr">
              {codes.map((code) => (
                <li key={code} data-testid="backup-code">
                  {code}
                </li>
              ))}
            </ul>
            <div className="mt-3">
              <CopyButton text={codes.join('\n')} label={t('backupCodes.copy')} copiedLabel={t('backupCodes.copied')} />
            </div>
          </div>
        )}

        {data.enabled ? (
          <div className="mt-4 space-y-4">
            <p className="text-sm text-slate-800" data-testid="two-factor-on">
              {t('twoFactor.on', { date: data.enabledAt ? dateFormat.format(new Date(data.enabledAt)) : '' })}{' '}
              {t('backupCodes.left', { count: data.backupCodesLeft })}
            </p>
            <div className="flex flex-wrap gap-3">
              <Button onClick={() => setConfirming('regenerate')} data-testid="regenerate-codes">
                {t('backupCodes.regenerate')}
              </Button>
            </div>
            <Form
              ref={disableForm}
              method="post"
              className="grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-[1fr_auto] sm:items-end"
              onSubmit={(event) => {
                event.preventDefault();
                setConfirming('disable');
              }}
            >
              <input type="hidden" name="intent" value="disable" />
              <TextField id="disable-proof" name="proof" type="password" autoComplete="off" required label={t('disable.proof')} hint={t('disable.proofHint')} />
              <Button type="submit" variant="danger" busy={busyIntent === 'disable'} data-testid="disable-two-factor">
                {t('disable.submit')}
              </Button>
            </Form>
          </div>
        ) : data.enrolment ? (
          <div className="mt-4 space-y-4" data-testid="enrolment">
            <ol className="list-decimal space-y-1 ps-5 text-sm text-slate-700">
              <li>{t('enrol.step1')}</li>
              <li>{t('enrol.step2')}</li>
            </ol>
            <div className="flex flex-wrap items-start gap-6">
              <img src={data.enrolment.qr} alt={t('enrol.qrAlt')} width={192} height={192} className="rounded border border-slate-200 bg-white" />
              <div className="min-w-0">
                <p className="text-sm font-medium text-slate-700">{t('enrol.manual')}</p>
                <code className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm" dir="ltr" data-testid="totp-secret">
                  {data.enrolment.secret}
                </code>
              </div>
            </div>
            <Form method="post" className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
              <input type="hidden" name="intent" value="confirm" />
              <TextField id="enrol-code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required label={t('enrol.code')} dir="ltr" />
              <Button type="submit" variant="primary" busy={busyIntent === 'confirm'} data-testid="confirm-two-factor">
                {t('enrol.confirm')}
              </Button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <Button type="submit" variant="ghost" busy={busyIntent === 'cancel'}>
                {t('enrol.cancel')}
              </Button>
            </Form>
          </div>
        ) : (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="start" />
            <p className="mb-3 text-sm text-slate-800">{t('twoFactor.off')}</p>
            <Button type="submit" variant="primary" busy={busyIntent === 'start'} data-testid="start-two-factor">
              {t('enrol.start')}
            </Button>
          </Form>
        )}
      </section>

      {data.ssoLinks.length > 0 && (
        <section aria-labelledby="sso-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="sso-heading" className="text-lg font-semibold text-slate-900">
            {t('sso.heading')}
          </h2>
          <ul className="mt-2 space-y-1 text-sm text-slate-700">
            {data.ssoLinks.map((link) => (
              <li key={link.id}>{t('sso.linked', { email: link.email || '—', date: dateFormat.format(new Date(link.createdAt)) })}</li>
            ))}
          </ul>
        </section>
      )}

      <ConfirmDialog
        open={confirming === 'regenerate'}
        title={t('backupCodes.confirmTitle')}
        message={t('backupCodes.confirmMessage')}
        confirmLabel={t('backupCodes.regenerate')}
        busy={busyIntent === 'regenerate'}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          setConfirming(null);
          submit({ intent: 'regenerate' }, { method: 'post' });
        }}
      />
      <ConfirmDialog
        open={confirming === 'disable'}
        danger
        title={t('disable.confirmTitle')}
        message={t('disable.confirmMessage')}
        confirmLabel={t('disable.submit')}
        busy={busyIntent === 'disable'}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          setConfirming(null);
          if (disableForm.current) submit(disableForm.current);
        }}
      />
    </div>
  );
}
