// /settings — profile: display name, language (each language named in itself) and changing the password.
// Plain forms posting to this route's action, which calls the account procedures as the signed-in user.
// "Sign out everywhere" posts to /logout.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog, SelectField, TextField } from '~/components/ui';
import { readSessionToken } from '~/auth/session.server';
import { hashSecret } from '~/auth/tokens.server';
import { LANGUAGES } from '~/i18n/config';
import { DisplaySettings } from '~/components/settings/DisplaySettings';
import { displayPreferencesOf } from '~/domain/display-preferences';
import { toActionError, type ActionError } from '~/utils/action-errors.server';
import { translateError } from '~/utils/error-text';
import { assertSameOrigin, requireWebActor, webCaller } from '~/utils/request.server';
import { avatarUrl } from '~/auth/avatar.server';
import { AvatarSettings } from '~/components/account/AvatarSettings';
import { ExportData } from '~/components/account/ExportData';
import { DeleteAccount } from '~/areas/account/DeleteAccount';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireWebActor(request, context);
  const { user } = actor;
  return { profile: { email: user.email, username: user.username, displayName: user.displayName, language: user.language, temperatureUnit: user.temperatureUnit }, avatarSrc: avatarUrl(user.id, user.avatarKey), display: displayPreferencesOf(user) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { services, actor } = await requireWebActor(request, context);
  assertSameOrigin(request, services);
  const token = readSessionToken(request, services.config.appUrlIsHttps);
  // The session making the change is kept when the password changes; every other one ends.
  const caller = webCaller(services, { ...actor, sessionId: token ? hashSecret(token) : undefined } as typeof actor, request);
  const form = await request.formData();
  const intent = String(form.get('intent'));
  try {
    if (intent === 'profile') {
      const unit = String(form.get('temperatureUnit') ?? '');
      await caller.account.updateProfile({
        displayName: String(form.get('displayName') ?? ''),
        language: String(form.get('language')) as never,
        // the unit moved to the Display section (decision 033); an older form that still sends it keeps working
        temperatureUnit: !form.has('temperatureUnit') ? undefined : unit === '' ? null : (unit as never),
      });
      return json({ intent, ok: true as const, error: null });
    }
    if (intent === 'password') {
      const newPassword = String(form.get('newPassword') ?? '');
      if (newPassword !== String(form.get('confirmPassword') ?? '')) {
        return json({ intent, ok: false as const, error: { i18n: { key: 'settings.password.mismatch' }, message: 'The passwords do not match' } as ActionError }, { status: 400 });
      }
      await caller.account.changePassword({ currentPassword: String(form.get('currentPassword') ?? ''), newPassword });
      return json({ intent, ok: true as const, error: null });
    }
  } catch (error) {
    return json({ intent, ok: false as const, error: toActionError(error) }, { status: 400 });
  }
  return json({ intent, ok: false as const, error: { i18n: { key: 'settings.unknownAction' }, message: 'Unknown action' } as ActionError }, { status: 400 });
}

const buttonClass =
  'rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 focus:outline-none focus:ring-2 focus:ring-indigo-500 focus:ring-offset-2 disabled:opacity-60';

export default function ProfileSettings() {
  const { t } = useTranslation('settings');
  const { profile, avatarSrc, display } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const pending = navigation.state !== 'idle' ? navigation.formData?.get('intent') : undefined;
  const feedback = (intent: string) => {
    if (!result || result.intent !== intent) return null;
    if (result.ok) {
      return (
        <p role="status" className="text-sm text-emerald-700">
          {intent === 'password' ? t('password.changed') : t('profile.saved')}
        </p>
      );
    }
    const e = result.error!;
    return (
      <p role="alert" className="text-sm text-red-700">
        {translateError(e, t)}
      </p>
    );
  };

  return (
    <div className="grid items-start gap-6 lg:grid-cols-2">
      <section aria-labelledby="profile-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="profile-heading" className="text-lg font-semibold text-slate-900">
          {t('profile.heading')}
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">{t('profile.email')}</dt>
          <dd className="min-w-0 break-words">
            <bdi>{profile.email}</bdi>
          </dd>
          <dt className="text-slate-500">{t('profile.username')}</dt>
          <dd className="min-w-0 break-words">
            <bdi>{profile.username}</bdi>
          </dd>
        </dl>
        <Form method="post" className="mt-4 space-y-4" key={`${profile.displayName}-${profile.language}-${profile.temperatureUnit}`}>
          <input type="hidden" name="intent" value="profile" />
          <TextField id="field-displayName" label={t('profile.displayName')} name="displayName" autoComplete="name" required maxLength={100} defaultValue={profile.displayName} />
          <SelectField id="field-language" label={t('profile.language')} name="language" defaultValue={profile.language}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </SelectField>
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className={buttonClass} disabled={pending === 'profile'}>
              {pending === 'profile' ? t('saving') : t('profile.save')}
            </button>
            {feedback('profile')}
          </div>
        </Form>
      </section>

      <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="password-heading" className="text-lg font-semibold text-slate-900">
          {t('password.heading')}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t('password.intro')}</p>
        <Form method="post" className="mt-4 space-y-4" key={result?.intent === 'password' && result.ok ? 'done' : 'form'}>
          <input type="hidden" name="intent" value="password" />
          <input type="text" name="username" autoComplete="username" value={profile.email} readOnly hidden />
          <TextField id="field-currentPassword" label={t('password.current')} name="currentPassword" type="password" autoComplete="current-password" required />
          <TextField id="field-newPassword" label={t('password.new')} name="newPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={200} hint={t('password.hint', { count: 8 })} />
          <TextField id="field-confirmPassword" label={t('password.confirm')} name="confirmPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={200} />
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className={buttonClass} disabled={pending === 'password'}>
              {pending === 'password' ? t('saving') : t('password.submit')}
            </button>
            {feedback('password')}
          </div>
        </Form>
      </section>

      <AvatarSettings name={profile.displayName} avatarUrl={avatarSrc} />

      <DisplaySettings preferences={display} />

      <ExportData />

      <SignOutEverywhere />

      <DeleteAccount />
    </div>
  );
}

/** Ends every session, app grant and MCP session of the account (after confirming; without JavaScript, at once). */
function SignOutEverywhere() {
  const { t } = useTranslation('settings');
  const form = useRef<HTMLFormElement>(null);
  const [asking, setAsking] = useState(false);
  const busy = useNavigation().formAction === '/logout';
  return (
    <section aria-labelledby="everywhere-heading" className="rounded-lg border border-red-200 bg-white p-5 shadow-sm">
      <h2 id="everywhere-heading" className="text-lg font-semibold text-slate-900">
        {t('everywhere.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('everywhere.intro')}</p>
      <Form method="post" action="/logout" ref={form} className="mt-4">
        <input type="hidden" name="everywhere" value="1" />
        <button
          type="submit"
          onClick={(event) => {
            event.preventDefault();
            setAsking(true);
          }}
          className="rounded-md border border-red-300 px-4 py-2 text-sm font-medium text-red-700 hover:bg-red-50 focus:outline-none focus:ring-2 focus:ring-red-500"
        >
          {t('everywhere.button')}
        </button>
      </Form>
      <ConfirmDialog
        open={asking}
        danger
        title={t('everywhere.confirmTitle')}
        message={t('everywhere.confirmBody')}
        confirmLabel={t('everywhere.confirm')}
        busy={busy}
        onCancel={() => setAsking(false)}
        onConfirm={() => form.current?.submit()}
      />
    </section>
  );
}
