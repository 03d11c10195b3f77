// Journey photos in the UI: an entry's photo strip and the journey's gallery. Editors upload several photos at once
// (one request each, shown as "2 of 5"), caption, order (in an entry), delete (after a confirmation); the owner picks
// the cover. Other contributors' changes arrive as journey.photos.changed and refetch the list.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ConfirmDialog, Dialog, Spinner, TextField } from '~/components/ui';
import { errorMessage, realtimeSocket, useTRPC } from '~/utils/trpc';
import { JOURNEY_PHOTO_UPLOAD_MAX_BYTES } from '~/domain/uploads';
import { journeyPhotoUrl } from './urls';
import { JourneyBookLink, JourneyShareButton } from '../share/JourneyShareDialog';

export interface PhotoItem {
  id: number;
  entryId: number | null;
  caption: string;
  width: number;
  height: number;
  takenAt: string | null;
}

type UploadError = { name: string; reason: 'size' | 'type' | 'unreadable' | 'failed' };

/** Uploads files one after another; returns the ones that failed, with why. */
async function uploadPhotos(journeyId: number, entryId: number | null, files: File[], onProgress: (done: number) => void) {
  const failed: UploadError[] = [];
  for (const [index, file] of files.entries()) {
    if (file.size > JOURNEY_PHOTO_UPLOAD_MAX_BYTES) failed.push({ name: file.name, reason: 'size' });
    else {
      try {
        const response = await fetch(`/api/journeys/${journeyId}/photos${entryId ? `?entryId=${entryId}` : ''}`, {
          method: 'POST',
          body: file,
          credentials: 'same-origin',
          headers: { 'Content-Type': file.type || 'application/octet-stream', ...(realtimeSocket.id ? { 'X-Pusher-Socket-Id': realtimeSocket.id } : {}) },
        });
        if (!response.ok) {
          const reason = response.status === 413 ? 'size' : response.status === 415 ? 'type' : response.status === 422 ? 'unreadable' : 'failed';
          failed.push({ name: file.name, reason });
        }
      } catch {
        failed.push({ name: file.name, reason: 'failed' });
      }
    }
    onProgress(index + 1);
  }
  return failed;
}

function PhotoUploadButton({ journeyId, entryId, onDone }: { journeyId: number; entryId: number | null; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation('journey-media');
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [errors, setErrors] = useState<UploadError[]>([]);

  async function start(files: File[]) {
    setErrors([]);
    setProgress({ done: 0, total: files.length });
    const failed = await uploadPhotos(journeyId, entryId, files, (done) => setProgress({ done, total: files.length }));
    setErrors(failed);
    await onDone();
    setProgress(null);
  }

  return (
    <div className="flex flex-col gap-1">
      <input
        ref={input}
        type="file"
        multiple
        accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"
        className="hidden"
        tabIndex={-1}
        data-testid={entryId ? `journey-photo-input-${entryId}` : 'journey-gallery-input'}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void start(files);
        }}
      />
      <Button size="sm" busy={!!progress} disabled={!!progress} onClick={() => input.current?.click()}>
        {progress ? t('photos.uploading', { done: progress.done, count: progress.total }) : t('photos.add')}
      </Button>
      {errors.length > 0 && (
        <ul role="alert" className="text-xs text-red-700">
          {errors.map((e, i) => (
            <li key={i}>{t('photos.uploadFailed', { name: e.name, reason: t(`photos.reason.${e.reason}`) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One photo's dialog: the picture, its caption (editable by editors), cover, delete. */
function PhotoDialog({
  photo,
  journeyId,
  canEdit,
  isOwner,
  isCover,
  onClose,
  refresh,
}: {
  photo: PhotoItem;
  journeyId: number;
  canEdit: boolean;
  isOwner: boolean;
  isCover: boolean;
  onClose: () => void;
  refresh: () => Promise<unknown>;
}) {
  const { t } = useTranslation('journey-media');
  const trpc = useTRPC();
  const [caption, setCaption] = useState(photo.caption);
  const [confirming, setConfirming] = useState(false);
  const done = { onSuccess: async () => void (await refresh()) };
  const save = useMutation(trpc.journeyMedia.updateJourneyPhoto.mutationOptions(done));
  const cover = useMutation(trpc.journeyMedia.setJourneyCover.mutationOptions(done));
  const remove = useMutation(trpc.journeyMedia.deleteJourneyPhoto.mutationOptions({ onSuccess: async () => { setConfirming(false); onClose(); await refresh(); } }));
  const error = save.error ?? cover.error;

  return (
    <Dialog open onClose={onClose} title={photo.caption || t('photos.photo')} size="lg" testId="journey-photo-dialog">
      <img src={journeyPhotoUrl(photo.id, 'full')} alt={photo.caption} className="mx-auto max-h-[60vh] rounded" />
      {photo.takenAt && <p className="mt-2 text-xs text-slate-500">{t('photos.takenAt', { date: new Date(photo.takenAt).toLocaleString(undefined, { timeZone: 'UTC' }) })}</p>}
      {canEdit && (
        <form
          className="mt-3 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ photoId: photo.id, caption });
          }}
        >
          <div className="min-w-0 flex-1">
            <TextField label={t('photos.caption')} value={caption} maxLength={500} onChange={(e) => setCaption(e.target.value)} />
          </div>
          <Button type="submit" size="sm" variant="primary" busy={save.isPending}>
            {t('photos.saveCaption')}
          </Button>
        </form>
      )}
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{errorMessage(error, t)}</p>}
      <div className="mt-4 flex flex-wrap gap-2">
        {isOwner && (
          <Button size="sm" disabled={isCover || cover.isPending} onClick={() => cover.mutate({ journeyId, photoId: photo.id })}>
            {isCover ? t('photos.isCover') : t('photos.setCover')}
          </Button>
        )}
        {canEdit && (
          <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>
            {t('photos.delete')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        danger
        title={t('photos.delete')}
        message={t('photos.confirmDelete')}
        confirmLabel={t('photos.delete')}
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => remove.mutate({ photoId: photo.id })}
        onCancel={() => setConfirming(false)}
      />
    </Dialog>
  );
}

function PhotoList({
  journeyId,
  entryId,
  given,
  canEdit,
  isOwner,
  coverPhotoId,
  testId,
}: {
  journeyId: number;
  /** an entry's photos; undefined: every photo of the journey (the gallery) */
  entryId?: number;
  /** the photos when the caller already has them (an entry of getJourney); otherwise they are fetched */
  given?: PhotoItem[];
  canEdit: boolean;
  isOwner: boolean;
  coverPhotoId?: number | null;
  testId: string;
}) {
  const { t } = useTranslation('journey-media');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({
    ...trpc.journeyMedia.listJourneyPhotos.queryOptions({ journeyId, ...(entryId !== undefined ? { entryId } : {}) }),
    enabled: !given,
  });
  const [open, setOpen] = useState<PhotoItem | null>(null);
  // Our own changes do not come back over the realtime channel: refetch the journey's views ourselves.
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.journeyMedia.pathKey() }), queryClient.invalidateQueries({ queryKey: [['journey']] })]);
  const reorder = useMutation(trpc.journeyMedia.reorderJourneyPhotos.mutationOptions({ onSuccess: async () => void (await refresh()) }));
  const photos: PhotoItem[] = given ?? list.data?.photos ?? [];
  const loaded = !!given || !!list.data;
  // The order that can change: an entry's photos, or in the gallery the photos that belong to no entry.
  const orderIds = photos.filter((p) => entryId !== undefined || p.entryId === null).map((p) => p.id);
  const movable = (photo: PhotoItem) => canEdit && orderIds.length > 1 && orderIds.includes(photo.id);
  const [dragged, setDragged] = useState<number | null>(null);
  const moveTo = (photoId: number, to: number) => {
    const ids = orderIds.filter((id) => id !== photoId);
    ids.splice(Math.max(0, Math.min(to, ids.length)), 0, photoId);
    if (ids.join() !== orderIds.join()) reorder.mutate({ journeyId, entryId: entryId ?? null, orderedIds: ids });
  };
  const move = (photoId: number, by: -1 | 1) => moveTo(photoId, orderIds.indexOf(photoId) + by);

  return (
    <div data-testid={testId} className="space-y-2">
      {!given && list.isLoading && <Spinner label={t('photos.loading')} />}
      {!given && list.error && <p role="alert" className="text-sm text-red-700">{errorMessage(list.error, t)}</p>}
      {loaded && !photos.length && entryId === undefined && <p className="text-sm text-slate-500">{t('photos.empty')}</p>}
      {photos.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {photos.map((photo, index) => (
            <li
              key={photo.id}
              className={`group relative ${dragged === photo.id ? 'opacity-50' : ''}`}
              data-testid="journey-photo"
              draggable={movable(photo)}
              onDragStart={(e) => {
                setDragged(photo.id);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragEnd={() => setDragged(null)}
              onDragOver={(e) => {
                if (dragged !== null && movable(photo)) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragged !== null && dragged !== photo.id) moveTo(dragged, orderIds.indexOf(photo.id));
                setDragged(null);
              }}
            >
              <button
                type="button"
                onClick={() => setOpen(photo)}
                className="block h-24 w-24 overflow-hidden rounded-lg bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                aria-label={photo.caption || t('photos.openNumber', { n: index + 1 })}
              >
                <img src={journeyPhotoUrl(photo.id, 'thumb')} alt={photo.caption} loading="lazy" className="h-full w-full object-cover" />
              </button>
              {coverPhotoId === photo.id && <span className="absolute start-1 top-1 rounded bg-indigo-600 px-1.5 text-[10px] font-semibold text-white">{t('photos.isCover')}</span>}
              {movable(photo) && (
                <span className="mt-1 flex justify-center gap-1">
                  <button type="button" className="rounded px-1 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-30" disabled={orderIds.indexOf(photo.id) === 0 || reorder.isPending} onClick={() => move(photo.id, -1)} aria-label={t('photos.moveEarlier')}>
                    <span aria-hidden className="inline-block rtl:rotate-180">←</span>
                  </button>
                  <button type="button" className="rounded px-1 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-30" disabled={orderIds.indexOf(photo.id) === orderIds.length - 1 || reorder.isPending} onClick={() => move(photo.id, 1)} aria-label={t('photos.moveLater')}>
                    <span aria-hidden className="inline-block rtl:rotate-180">→</span>
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <PhotoUploadButton journeyId={journeyId} entryId={entryId ?? null} onDone={refresh} />}
      {open && (
        <PhotoDialog
          key={open.id}
          photo={open}
          journeyId={journeyId}
          canEdit={canEdit}
          isOwner={isOwner}
          isCover={coverPhotoId === open.id}
          onClose={() => setOpen(null)}
          refresh={refresh}
        />
      )}
    </div>
  );
}

/** The photos of one entry (as getJourney gave them), for the entry's card, with their upload. */
export function JourneyPhotoStrip({ entry, canEdit }: { entry: { id: number; journeyId: number; photos: PhotoItem[] }; canEdit: boolean }) {
  if (!canEdit && !entry.photos.length) return null;
  return (
    <div className="mt-2">
      <PhotoList journeyId={entry.journeyId} entryId={entry.id} given={entry.photos} canEdit={canEdit} isOwner={false} testId={`journey-photos-${entry.id}`} />
    </div>
  );
}

/** Every photo of the journey the reader may see; uploads here go to the gallery (no entry). With the public link and the PDF book. */
/** Linked trips' uploaded place photos not yet in the journey: one button per trip that has some (editors). */
function ImportTripPhotos({ journeyId, trips }: { journeyId: number; trips: readonly { tripId: number; title: string; importablePhotoCount: number }[] }) {
  const { t } = useTranslation('journey-media');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useMutation(
    trpc.journeyMedia.importJourneyTripPhotos.mutationOptions({
      onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: trpc.journeyMedia.pathKey() }), queryClient.invalidateQueries({ queryKey: [['journey']] })]),
    }),
  );
  const offered = trips.filter((trip) => trip.importablePhotoCount > 0);
  if (!offered.length && !run.error) return null;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2" data-testid="journey-import-photos">
      {offered.map((trip) => (
        <Button
          key={trip.tripId}
          size="sm"
          busy={run.isPending && run.variables?.tripId === trip.tripId}
          disabled={run.isPending}
          onClick={() => run.mutate({ journeyId, tripId: trip.tripId })}
        >
          {run.isPending && run.variables?.tripId === trip.tripId ? t('photos.importing') : t('photos.import', { count: trip.importablePhotoCount, trip: trip.title })}
        </Button>
      ))}
      {run.error && (
        <p role="alert" className="text-xs text-red-700">
          {errorMessage(run.error, t)}
        </p>
      )}
    </div>
  );
}

export function JourneyGallery({
  trips = [],
  ...props
}: {
  journeyId: number;
  canEdit: boolean;
  isOwner: boolean;
  coverPhotoId?: number | null;
  /** linked trips, with how many of their place photos can be imported */
  trips?: readonly { tripId: number; title: string; importablePhotoCount: number }[];
}) {
  const { t } = useTranslation('journey-media');
  return (
    <section aria-labelledby="journey-gallery-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id="journey-gallery-heading" className="me-auto text-base font-semibold text-slate-900">
          {t('photos.gallery')}
        </h2>
        <JourneyShareButton journeyId={props.journeyId} isOwner={props.isOwner} />
        <JourneyBookLink journeyId={props.journeyId} />
      </div>
      {props.canEdit && <ImportTripPhotos journeyId={props.journeyId} trips={trips} />}
      <PhotoList {...props} testId="journey-gallery" />
    </section>
  );
}
