// Admin → Security: who must use two-factor sign-in (nobody / administrators / everyone), recovery for a user who lost
// their authenticator (two-factor off, every session of theirs ended, audit-logged), and the single sign-on status.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from '@remix-run/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog } from '~/components/ui';
import { adminResetTwoFactor, setTwoFactorPolicy, twoFactorPolicy } from '~/auth/two-factor.server';
import { TWO_FACTOR_POLICIES, type TwoFactorPolicy } from '~/auth/two-factor-policy';
import { assertSameOrigin, clientIp, requireWebActor } from '~/utils/request.server';
import { pageTitle } from '~/components/pageTitle';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'security', 'admin.tab', 'Security') }];

async function requireAdmin(request: Request, context: LoaderFunctionArgs['context']) {
  const found = await requireWebActor(request, context);
  if (!found.actor.user.isAdmin) throw new Response('Not found', { status: 404 });
  return found;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { services } = await requireAdmin(request, context);
  const enrolled = await services.db.twoFactor.findMany({
    where: { enabledAt: { not: null } },
    select: { enabledAt: true, user: { select: { id: true, email: true, displayName: true } } },
    orderBy: { enabledAt: 'asc' },
  });
  const oidc = services.config.oidc;
  return {
    policy: await twoFactorPolicy(services),
    enrolled: enrolled.map((e) => ({ ...e.user, enabledAt: e.enabledAt!.toISOString() })),
    sso: oidc ? { issuer: oidc.issuer, label: oidc.buttonLabel, ssoOnly: oidc.ssoOnly, autoCreate: oidc.autoCreate } : null,
    linkedAccounts: oidc ? await services.db.oidcLink.count({ where: { issuer: oidc.issuer } }) : 0,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { services, actor } = await requireAdmin(request, context);
  assertSameOrigin(request, services);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent === 'policy') {
    const policy = String(form.get('policy') ?? '') as TwoFactorPolicy;
    if (!TWO_FACTOR_POLICIES.includes(policy)) return json({ error: 'security:errors.badPolicy', done: null }, { status: 400 });
    await setTwoFactorPolicy(services, actor.user.id, policy, clientIp(request));
    return json({ error: null, done: 'policy' });
  }
  if (intent === 'reset') {
    const userId = Number(form.get('userId'));
    if (!Number.isInteger(userId) || !(await adminResetTwoFactor(services, actor.user.id, userId, clientIp(request)))) {
      return json({ error: 'security:errors.noSuchUser', done: null }, { status: 400 });
    }
    return json({ error: null, done: 'reset' });
  }
  return json({ error: 'security:errors.unknownAction', done: null }, { status: 400 });
}

export default function AdminSecurityPage() {
  const { t, i18n } = useTranslation('security');
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const busy = navigation.state === 'submitting' ? String(navigation.formData?.get('intent') ?? '') : null;
  // the choice shows at once (local state set in the event), the server's answer follows
  const [chosen, setChosen] = useState<TwoFactorPolicy | null>(null);
  const [toReset, setToReset] = useState<{ id: number; displayName: string } | null>(null);
  const policy = chosen ?? data.policy;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <div className="space-y-6">
      <section aria-labelledby="policy-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="policy-heading" className="text-lg font-semibold text-slate-900">
          {t('admin.policyHeading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('admin.policyIntro')}</p>
        {result?.error && (
          <p role="alert" className="mt-3 text-sm text-red-700">
            {t(result.error)}
          </p>
        )}
        {result?.done && (
          <p role="status" className="mt-3 text-sm text-emerald-700" data-testid="admin-security-done">
            {t(`admin.done.${result.done}`)}
          </p>
        )}
        <Form method="post" className="mt-4 space-y-2">
          <input type="hidden" name="intent" value="policy" />
          <fieldset className="space-y-2">
            <legend className="sr-only">{t('admin.policyHeading')}</legend>
            {TWO_FACTOR_POLICIES.map((p) => (
              <label key={p} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50">
                <input
                  type="radio"
                  name="policy"
                  value={p}
                  checked={policy === p}
                  onChange={() => setChosen(p)}
                  className="mt-1 focus:ring-2 focus:ring-indigo-500"
                  data-testid={`policy-${p}`}
                />
                <span className="block font-medium text-slate-900">{t(`admin.policies.${p}`)}</span>
              </label>
            ))}
          </fieldset>
          <Button type="submit" variant="primary" busy={busy === 'policy'} data-testid="save-policy">
            {t('admin.savePolicy')}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="enrolled-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="enrolled-heading" className="text-lg font-semibold text-slate-900">
          {t('admin.enrolledHeading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('admin.enrolledIntro')}</p>
        {data.enrolled.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">{t('admin.noneEnrolled')}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {data.enrolled.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 text-sm">
                  <span className="font-medium text-slate-900">{u.displayName}</span>{' '}
                  <span className="text-slate-600" dir="ltr">
                    {u.email}
                  </span>{' '}
                  <span className="text-slate-500">· {dateFormat.format(new Date(u.enabledAt))}</span>
                </span>
                <Button size="sm" variant="danger" onClick={() => setToReset(u)} data-testid={`reset-two-factor-${u.id}`}>
                  {t('admin.reset')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sso-status-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="sso-status-heading" className="text-lg font-semibold text-slate-900">
          {t('admin.ssoHeading')}
        </h2>
        {data.sso ? (
          <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]" data-testid="sso-status">
            <dt className="text-slate-600">{t('admin.ssoIssuer')}</dt>
            <dd className="break-all text-slate-900" dir="ltr">
              {data.sso.issuer}
            </dd>
            <dt className="text-slate-600">{t('admin.ssoButton')}</dt>
            <dd className="text-slate-900">{data.sso.label}</dd>
            <dt className="text-slate-600">{t('admin.ssoOnly')}</dt>
            <dd className="text-slate-900">{data.sso.ssoOnly ? t('admin.ssoOnlyOn') : t('admin.no')}</dd>
            <dt className="text-slate-600">{t('admin.ssoAutoCreate')}</dt>
            <dd className="text-slate-900">{data.sso.autoCreate ? t('admin.yes') : t('admin.no')}</dd>
            <dt className="text-slate-600">{t('admin.ssoLinked')}</dt>
            <dd className="text-slate-900">{t('admin.ssoLinkedCount', { count: data.linkedAccounts })}</dd>
          </dl>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t('admin.ssoOff')}</p>
        )}
      </section>

      <ConfirmDialog
        open={!!toReset}
        danger
        title={t('admin.resetTitle')}
        message={t('admin.resetMessage', { name: toReset?.displayName ?? '' })}
        confirmLabel={t('admin.reset')}
        busy={busy === 'reset'}
        onCancel={() => setToReset(null)}
        onConfirm={() => {
          if (toReset) submit({ intent: 'reset', userId: String(toReset.id) }, { method: 'post' });
          setToReset(null);
        }}
      />
    </div>
  );
}
