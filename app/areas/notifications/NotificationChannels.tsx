// Settings → Notifications, below the in-app switches: where else notifications go (e-mail, webhook, ntfy), each
// with its state (last delivery, failures with the last error, "Retry now"), "Send test" with the result inline,
// on/off, the types it takes, and removal after a confirmation; and the user's time zone and reminder hour.
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Button, ConfirmDialog, SelectField, Spinner, TextField } from '~/components/ui';
import { NOTIFICATION_TYPES, type NotificationType } from './types';

type Kind = 'email' | 'webhook' | 'ntfy';
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function NotificationChannels() {
  const { t } = useTranslation('notifications');
  const trpc = useTRPC();
  const list = useQuery(trpc.notifications.listNotificationChannels.queryOptions());
  return (
    <section aria-labelledby="notification-channels" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="notification-channels" className="text-lg font-semibold text-slate-900">
        {t('channels.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('channels.intro')}</p>
      {list.isLoading && <Spinner label={t('common:loading')} />}
      {list.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(list.error, t)}
        </p>
      )}
      {list.data && (
        <>
          <ZoneSettings settings={list.data.settings} />
          {list.data.channels.length === 0 ? (
            <p className="mt-4 text-sm text-slate-500" data-testid="channels-empty">
              {t('channels.empty')}
            </p>
          ) : (
            <ul className="mt-4 space-y-3" data-testid="notification-channels">
              {list.data.channels.map((channel) => (
                <ChannelItem key={channel.id} channel={channel} />
              ))}
            </ul>
          )}
          <AddChannel mailConfigured={list.data.mailConfigured} />
        </>
      )}
    </section>
  );
}

type Channel = {
  id: number;
  kind: Kind;
  enabled: boolean;
  url: string | null;
  topic: string | null;
  emailMode: 'immediate' | 'digest';
  digestHour: number;
  types: string[] | null;
  secretSet: boolean;
  secretHint: string | null;
  lastStatus: 'sent' | 'failed' | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  pending: number;
  failed: number;
  failedError: string | null;
};

function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.notifications.listNotificationChannels.queryKey() });
}

function ZoneSettings({ settings }: { settings: { timeZone: string; reminderHour: number; saved: boolean } }) {
  const { t } = useTranslation('notifications');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [zone, setZone] = useState(settings.timeZone);
  const [hour, setHour] = useState(settings.reminderHour);
  const [zones, setZones] = useState<string[]>([settings.timeZone]);
  useEffect(() => {
    // the browser's zone is the suggestion until the user saved one
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!settings.saved && browserZone) setZone(browserZone);
    const all = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    setZones([...new Set([settings.timeZone, browserZone, 'UTC', ...all].filter(Boolean))]);
  }, [settings.saved, settings.timeZone]);
  const save = useMutation(trpc.notifications.setNotificationSettings.mutationOptions({ onSuccess: invalidate }));
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ timeZone: zone, reminderHour: hour });
      }}
    >
      <SelectField label={t('channels.timeZone')} value={zone} onChange={(e) => setZone(e.target.value)} data-testid="notification-time-zone">
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('channels.reminderHour')} value={hour} onChange={(e) => setHour(Number(e.target.value))}>
        {HOURS.map((h) => (
          <option key={h} value={h}>
            {hourLabel(h)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" busy={save.isPending}>
        {t('channels.saveSettings')}
      </Button>
      <span role="status" className="text-sm text-slate-600">
        {save.isSuccess ? t('channels.saved') : !settings.saved ? t('channels.zoneDetected') : ''}
      </span>
      {save.error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {errorMessage(save.error, t)}
        </p>
      )}
    </form>
  );
}

function target(channel: Channel, t: (key: string, options?: Record<string, unknown>) => string) {
  if (channel.kind === 'email') return channel.emailMode === 'digest' ? t('channels.emailDigest', { hour: hourLabel(channel.digestHour) }) : t('channels.emailImmediate');
  if (channel.kind === 'ntfy') return `${channel.url?.replace(/\/$/, '')}/${channel.topic}`;
  return channel.url ?? '';
}

function ChannelItem({ channel }: { channel: Channel }) {
  const { t, i18n } = useTranslation('notifications');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [enabled, setEnabled] = useState(channel.enabled);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  useEffect(() => setEnabled(channel.enabled), [channel.enabled]);
  const update = useMutation(trpc.notifications.updateNotificationChannel.mutationOptions({ onSuccess: invalidate }));
  const test = useMutation(trpc.notifications.testNotificationChannel.mutationOptions({ onSuccess: invalidate }));
  const retry = useMutation(trpc.notifications.retryNotificationDeliveries.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.notifications.deleteNotificationChannel.mutationOptions({ onSuccess: invalidate }));
  const [types, setTypes] = useState<NotificationType[] | null>(channel.types as NotificationType[] | null);
  useEffect(() => setTypes(channel.types as NotificationType[] | null), [channel.types]);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const label = t(`channels.kind.${channel.kind}`);
  const error = update.error ?? test.error ?? retry.error ?? remove.error;
  const setType = (type: NotificationType, on: boolean) => {
    const current = types ?? [...NOTIFICATION_TYPES];
    const next = on ? [...current, type] : current.filter((x) => x !== type);
    setTypes(next);
    update.mutate({ channelId: channel.id, types: next });
  };
  return (
    <li className="rounded-md border border-slate-200 p-3" data-testid={`channel-${channel.kind}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">{label}</p>
          <p className="truncate text-sm text-slate-600" dir="auto">
            {target(channel, t)}
          </p>
          {channel.secretSet && (
            <p className="text-xs text-slate-500">{channel.secretHint ? t('channels.secretSetHint', { hint: channel.secretHint }) : t('channels.secretSet')}</p>
          )}
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus-visible:ring-2 focus-visible:ring-indigo-500"
            checked={enabled}
            onChange={(e) => {
              setEnabled(e.target.checked);
              update.mutate({ channelId: channel.id, enabled: e.target.checked });
            }}
          />
          {t('channels.enabled')}
        </label>
      </div>
      <div className="mt-2 space-y-1 text-sm" data-testid="channel-status">
        {channel.lastStatus === 'sent' && channel.lastAttemptAt && <p className="text-emerald-700">{t('channels.lastSent', { time: when(channel.lastAttemptAt) })}</p>}
        {channel.lastStatus === 'failed' && channel.lastAttemptAt && (
          <p className="text-red-700">{t('channels.lastFailed', { time: when(channel.lastAttemptAt), error: channel.lastError ?? '' })}</p>
        )}
        {channel.failed > 0 && <p className="text-red-700">{t('channels.failedSummary', { count: channel.failed, error: channel.failedError ?? '' })}</p>}
        {channel.pending > 0 && <p className="text-slate-600">{t('channels.pendingCount', { count: channel.pending })}</p>}
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-500">
          {types === null ? t('channels.typesAll') : t('channels.typesSome', { count: types.length })}
        </summary>
        <fieldset className="mt-2 space-y-1">
          <legend className="sr-only">{t('channels.types')}</legend>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={types === null}
              onChange={(e) => {
                const next = e.target.checked ? null : [...NOTIFICATION_TYPES];
                setTypes(next);
                update.mutate({ channelId: channel.id, types: next });
              }}
            />
            {t('channels.allTypes')}
          </label>
          {types !== null &&
            NOTIFICATION_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 ps-4">
                <input type="checkbox" checked={types.includes(type)} onChange={(e) => setType(type, e.target.checked)} />
                {t(`types.${type}.label`)}
              </label>
            ))}
        </fieldset>
      </details>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button size="sm" busy={test.isPending} onClick={() => test.mutate({ channelId: channel.id })}>
          {t('channels.sendTest')}
        </Button>
        {(channel.failed > 0 || channel.pending > 0) && (
          <Button size="sm" busy={retry.isPending} onClick={() => retry.mutate({ channelId: channel.id })}>
            {t('channels.retry')}
          </Button>
        )}
        {channel.kind !== 'email' && (
          <Button size="sm" variant="ghost" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            {t('channels.edit')}
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
          {t('channels.remove')}
        </Button>
        <span role="status" className="text-sm" data-testid="channel-test-result">
          {test.data?.ok && <span className="text-emerald-700">{t('channels.testOk')}</span>}
          {test.data && !test.data.ok && <span className="text-red-700">{t('channels.testFailed', { error: test.data.error })}</span>}
        </span>
      </div>
      {editing && <EditAddress channel={channel} onDone={() => setEditing(false)} />}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(error, t)}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('channels.removeTitle', { channel: label })}
        message={t('channels.removeMessage')}
        confirmLabel={t('channels.remove')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => remove.mutate({ channelId: channel.id }, { onSuccess: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      />
    </li>
  );
}

/** A webhook's URL and secret, or an ntfy server, topic and token, changed in place (an empty secret keeps the old one). */
function EditAddress({ channel, onDone }: { channel: Channel; onDone(): void }) {
  const { t } = useTranslation('notifications');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [url, setUrl] = useState(channel.url ?? '');
  const [topic, setTopic] = useState(channel.topic ?? '');
  const [secret, setSecret] = useState('');
  const save = useMutation(
    trpc.notifications.updateNotificationChannel.mutationOptions({
      onSuccess: () => {
        void invalidate();
        onDone();
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (channel.kind === 'webhook') save.mutate({ channelId: channel.id, url, ...(secret ? { secret } : {}) });
    else save.mutate({ channelId: channel.id, server: url, topic, ...(secret ? { token: secret } : {}) });
  };
  return (
    <form onSubmit={submit} className="mt-3 space-y-3 border-t border-slate-100 pt-3" data-testid="edit-channel">
      <TextField label={channel.kind === 'webhook' ? t('channels.url') : t('channels.server')} value={url} onChange={(e) => setUrl(e.target.value)} type="url" required dir="ltr" />
      {channel.kind === 'ntfy' && <TextField label={t('channels.topic')} value={topic} onChange={(e) => setTopic(e.target.value)} required dir="ltr" />}
      <TextField
        label={channel.kind === 'webhook' ? t('channels.secret') : t('channels.token')}
        hint={channel.secretSet ? t('channels.secretKeep') : undefined}
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        type="password"
        autoComplete="off"
        dir="ltr"
      />
      {save.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(save.error, t)}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="primary" busy={save.isPending}>
          {t('channels.saveEdit')}
        </Button>
        <Button size="sm" onClick={onDone}>
          {t('common:actions.cancel')}
        </Button>
      </div>
    </form>
  );
}

function AddChannel({ mailConfigured }: { mailConfigured: boolean }) {
  const { t } = useTranslation('notifications');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [kind, setKind] = useState<Kind>('webhook');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [server, setServer] = useState('https://ntfy.sh');
  const [topic, setTopic] = useState('');
  const [mode, setMode] = useState<'immediate' | 'digest'>('immediate');
  const [hour, setHour] = useState(8);
  const create = useMutation(
    trpc.notifications.createNotificationChannel.mutationOptions({
      onSuccess: () => {
        setUrl('');
        setSecret('');
        setTopic('');
        void invalidate();
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (kind === 'email') create.mutate({ kind, emailMode: mode, digestHour: hour });
    else if (kind === 'webhook') create.mutate({ kind, url, secret: secret || null });
    else create.mutate({ kind, server, topic, token: secret || null });
  };
  return (
    <form onSubmit={submit} className="mt-5 space-y-3 border-t border-slate-100 pt-4" aria-labelledby="add-channel-title" data-testid="add-channel">
      <h3 id="add-channel-title" className="text-base font-semibold text-slate-900">
        {t('channels.addTitle')}
      </h3>
      <SelectField label={t('channels.kindLabel')} value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="channel-kind">
        <option value="webhook">{t('channels.kind.webhook')}</option>
        <option value="ntfy">{t('channels.kind.ntfy')}</option>
        <option value="email">{t('channels.kind.email')}</option>
      </SelectField>
      {kind === 'email' && (
        <>
          {!mailConfigured && <p className="text-sm text-amber-700">{t('channels.mailMissing')}</p>}
          <SelectField label={t('channels.mode')} value={mode} onChange={(e) => setMode(e.target.value as 'immediate' | 'digest')}>
            <option value="immediate">{t('channels.modeImmediate')}</option>
            <option value="digest">{t('channels.modeDigest')}</option>
          </SelectField>
          {mode === 'digest' && (
            <SelectField label={t('channels.digestHour')} value={hour} onChange={(e) => setHour(Number(e.target.value))}>
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hourLabel(h)}
                </option>
              ))}
            </SelectField>
          )}
        </>
      )}
      {kind === 'webhook' && (
        <>
          <TextField label={t('channels.url')} hint={t('channels.urlHint')} value={url} onChange={(e) => setUrl(e.target.value)} type="url" required dir="ltr" />
          <TextField label={t('channels.secret')} hint={t('channels.secretHint')} value={secret} onChange={(e) => setSecret(e.target.value)} type="password" autoComplete="off" dir="ltr" />
        </>
      )}
      {kind === 'ntfy' && (
        <>
          <TextField label={t('channels.server')} value={server} onChange={(e) => setServer(e.target.value)} type="url" required dir="ltr" />
          <TextField label={t('channels.topic')} value={topic} onChange={(e) => setTopic(e.target.value)} required dir="ltr" />
          <TextField label={t('channels.token')} hint={t('channels.tokenHint')} value={secret} onChange={(e) => setSecret(e.target.value)} type="password" autoComplete="off" dir="ltr" />
        </>
      )}
      {create.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(create.error, t)}
        </p>
      )}
      <Button type="submit" variant="primary" busy={create.isPending}>
        {t('channels.add')}
      </Button>
    </form>
  );
}
