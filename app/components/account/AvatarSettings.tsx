// Settings → Profile → "Profile picture": upload (JPEG, PNG or WebP, checked for size before sending) and remove
// (after confirming). The picture is posted raw to /api/avatar; the page's data is then loaded again.
import { useRef, useState } from 'react';
import { useRevalidator } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Avatar, Button, ConfirmDialog } from '~/components/ui';
import { PHOTO_UPLOAD_MAX_BYTES } from '~/domain/uploads';

const ACCEPT = 'image/jpeg,image/png,image/webp';

export function AvatarSettings({ name, avatarUrl }: { name: string; avatarUrl: string | null }) {
  const { t } = useTranslation('account');
  const revalidator = useRevalidator();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'upload' | 'remove' | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const send = async (method: 'POST' | 'DELETE', body?: File) => {
    setBusy(method === 'POST' ? 'upload' : 'remove');
    setMessage(null);
    try {
      const response = await fetch('/api/avatar', { method, body, headers: body ? { 'Content-Type': body.type || 'application/octet-stream' } : undefined });
      if (!response.ok) {
        const reason = ((await response.json().catch(() => ({}))) as { error?: string }).error;
        const key = reason === 'too_large' || response.status === 413 ? 'avatar.tooLarge' : reason === 'unsupported_type' ? 'avatar.unsupported' : 'avatar.failed';
        setMessage({ ok: false, text: t(key) });
        return;
      }
      setMessage({ ok: true, text: t(method === 'POST' ? 'avatar.saved' : 'avatar.removed') });
      revalidator.revalidate();
    } catch {
      setMessage({ ok: false, text: t('avatar.failed') });
    } finally {
      setBusy(null);
      setConfirming(false);
    }
  };

  return (
    <section aria-labelledby="avatar-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="avatar-heading" className="text-lg font-semibold text-slate-900">
        {t('avatar.heading')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('avatar.intro')}</p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <span data-testid="own-avatar" data-has-picture={avatarUrl ? 'yes' : 'no'}>
          <Avatar name={name} size="xl" src={avatarUrl} />
        </span>
        <input
          ref={input}
          id="avatar-file"
          type="file"
          accept={ACCEPT}
          className="sr-only"
          aria-label={t('avatar.choose')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (!file) return;
            if (file.size > PHOTO_UPLOAD_MAX_BYTES) return setMessage({ ok: false, text: t('avatar.tooLarge') });
            void send('POST', file);
          }}
        />
        <Button variant="primary" busy={busy === 'upload'} onClick={() => input.current?.click()}>
          {busy === 'upload' ? t('avatar.uploading') : t('avatar.choose')}
        </Button>
        {avatarUrl && (
          <Button variant="secondary" disabled={busy !== null} onClick={() => setConfirming(true)}>
            {t('avatar.remove')}
          </Button>
        )}
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`mt-3 text-sm ${message.ok ? 'text-emerald-700' : 'text-red-700'}`}>
          {message.text}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        danger
        title={t('avatar.removeTitle')}
        message={t('avatar.removeBody')}
        confirmLabel={t('avatar.remove')}
        busy={busy === 'remove'}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void send('DELETE')}
      />
    </section>
  );
}
