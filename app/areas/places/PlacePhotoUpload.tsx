// A place's own photo in the edit dialog: upload (JPEG, PNG or WebP up to 5 MB, checked again by the server) or remove
// it (after a confirmation). The raw file is POSTed to /api/places/<id>/photo; the trip hears place.updated.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog } from '~/components/ui';
import { PlaceAvatar } from './PlaceAvatar';
import { PHOTO_UPLOAD_MAX_BYTES } from '~/domain/uploads';

type ErrorKind = 'type' | 'size' | 'failed';

export function PlacePhotoUpload({ tripId, place, onChanged }: { tripId: number; place: { id: number; name: string; photoUrl?: string | null }; onChanged: () => void }) {
  const { t } = useTranslation('planner');
  const input = useRef<HTMLInputElement>(null);
  const [photoUrl, setPhotoUrl] = useState(place.photoUrl ?? '');
  const [busy, setBusy] = useState<'upload' | 'remove' | null>(null);
  const [error, setError] = useState<ErrorKind | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function send(method: 'POST' | 'DELETE', body?: File) {
    setError(null);
    setBusy(method === 'POST' ? 'upload' : 'remove');
    try {
      const response = await fetch(`/api/places/${place.id}/photo`, {
        method,
        body,
        headers: body ? { 'Content-Type': body.type || 'application/octet-stream' } : undefined,
        credentials: 'same-origin',
      });
      if (!response.ok) {
        setError(response.status === 415 ? 'type' : response.status === 413 ? 'size' : 'failed');
        return false;
      }
      const { place: updated } = (await response.json()) as { place: { photoUrl: string } };
      setPhotoUrl(updated.photoUrl);
      onChanged();
      return true;
    } catch {
      setError('failed');
      return false;
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3 sm:col-span-2" data-testid="place-photo">
      <span className="h-14 w-14 shrink-0 overflow-hidden rounded-full">
        <PlaceAvatar key={photoUrl} tripId={tripId} place={{ id: place.id, name: place.name, photoUrl }} />
      </span>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        className="hidden"
        tabIndex={-1}
        data-testid="place-photo-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          if (file.size > PHOTO_UPLOAD_MAX_BYTES) {
            setError('size');
            return;
          }
          void send('POST', file);
        }}
      />
      <Button size="sm" busy={busy === 'upload'} disabled={busy !== null} onClick={() => input.current?.click()}>
        {busy === 'upload' ? t('placePhoto.uploading') : photoUrl ? t('placePhoto.replace') : t('placePhoto.upload')}
      </Button>
      {photoUrl && (
        <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => setConfirming(true)}>
          {t('placePhoto.remove')}
        </Button>
      )}
      <p className="w-full text-xs text-slate-500">{t('placePhoto.hint')}</p>
      {error && (
        <p className="w-full text-xs text-red-700" role="alert">
          {t(`placePhoto.error.${error}`)}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('placePhoto.removeTitle')}
        message={t('placePhoto.removeMessage', { name: place.name })}
        confirmLabel={t('placePhoto.remove')}
        danger
        busy={busy === 'remove'}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          await send('DELETE');
          setConfirming(false);
        }}
      />
    </div>
  );
}
