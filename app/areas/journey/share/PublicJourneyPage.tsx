// The public read-only page of a journey (/public/journey/<token>): the timeline, gallery and map its link switches on
// (the server sends only those), in the visitor's language. No sign-in, no names or e-mails, nothing to edit.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TripMap } from '~/areas/places/TripMap';
import type { MapPoint } from '~/areas/places/TripMapInner.client';
import { renderMarkdown } from '~/areas/collab/markdown';
import type { PublicJourney } from './public.server';

const POINT_COLOR = '#4f46e5';
type Part = 'timeline' | 'gallery' | 'map';
type Photo = NonNullable<PublicJourney['gallery']>[number];

function formatDay(date: string, language: string) {
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function PhotoGrid({ photos, onOpen }: { photos: Photo[]; onOpen: (photo: Photo) => void }) {
  const { t } = useTranslation('journey-media');
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      {photos.map((photo) => (
        <li key={photo.id}>
          <button
            type="button"
            onClick={() => onOpen(photo)}
            className="block w-full overflow-hidden rounded-lg bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
            aria-label={photo.caption || t('photos.open')}
          >
            <img src={photo.thumbUrl} alt={photo.caption} loading="lazy" className="aspect-[4/3] w-full object-cover" />
          </button>
        </li>
      ))}
    </ul>
  );
}

function Lightbox({ photo, onClose }: { photo: Photo; onClose: () => void }) {
  const { t } = useTranslation('journey-media');
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={photo.caption || t('photos.open')}
      className="fixed inset-0 z-50 flex flex-col items-center justify-center bg-black/85 p-4"
      onClick={onClose}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <img src={photo.url} alt={photo.caption} className="max-h-[85vh] max-w-full rounded" />
      {photo.caption && <p className="mt-3 text-center text-sm text-white" dir="auto">{photo.caption}</p>}
      <button type="button" autoFocus onClick={onClose} className="mt-4 rounded-md bg-white px-4 py-2 text-sm font-medium text-slate-900">
        {t('photos.close')}
      </button>
    </div>
  );
}

export function PublicJourneyPage({ data }: { data: PublicJourney }) {
  const { t, i18n } = useTranslation('journey-media');
  const lng = i18n.language;
  const parts = (['timeline', 'gallery', 'map'] as const).filter((p) => data.parts[p]);
  const [part, setPart] = useState<Part | null>(parts[0] ?? null);
  const [open, setOpen] = useState<Photo | null>(null);
  const points = useMemo<MapPoint[]>(
    () => (data.map ?? []).map((p, i) => ({ id: p.id, name: `${p.title} · ${formatDay(p.entryDate, lng)}`, lat: p.lat, lng: p.lng, color: POINT_COLOR, label: String(i + 1) })),
    [data.map, lng],
  );

  return (
    <div className="min-h-full">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex min-h-14 max-w-4xl items-center gap-3 px-4">
          <span className="flex items-center gap-2 text-lg font-semibold text-indigo-700">
            <span aria-hidden>◆</span> Waymark
          </span>
          <span className="ms-auto rounded-full bg-slate-100 px-3 py-1 text-xs font-medium text-slate-600">{t('public.readOnly')}</span>
        </div>
      </header>
      <main className="mx-auto w-full max-w-4xl space-y-6 px-4 py-6">
        <section className="overflow-hidden rounded-xl bg-gradient-to-br from-indigo-600 to-fuchsia-500 text-white shadow-sm">
          {data.journey.coverUrl && <img src={data.journey.coverUrl} alt="" className="max-h-72 w-full object-cover" />}
          <div className="p-6">
            <h1 className="break-words text-2xl font-bold tracking-tight sm:text-3xl" dir="auto" data-testid="public-journey-title">
              {data.journey.title}
            </h1>
            {data.journey.subtitle && <p className="mt-1 text-white/90" dir="auto">{data.journey.subtitle}</p>}
          </div>
        </section>

        {parts.length > 1 && (
          <div role="tablist" aria-label={t('public.parts')} className="flex gap-2">
            {parts.map((p) => (
              <button
                key={p}
                role="tab"
                type="button"
                aria-selected={part === p}
                onClick={() => setPart(p)}
                className={`rounded-full px-4 py-1.5 text-sm font-medium ${part === p ? 'bg-indigo-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50'}`}
              >
                {t(`public.${p}`)}
              </button>
            ))}
          </div>
        )}

        {!parts.length && <p className="rounded-xl border border-slate-200 bg-white p-6 text-center text-slate-600">{t('public.nothingShared')}</p>}

        {part === 'timeline' && data.timeline && (
          <section aria-label={t('public.timeline')} className="space-y-4" data-testid="public-timeline">
            {!data.timeline.length && <p className="text-slate-600">{t('public.noEntries')}</p>}
            {data.timeline.map((entry) => (
              <article key={entry.id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="public-entry">
                <p className="text-xs font-medium uppercase tracking-wide text-indigo-700">
                  {[formatDay(entry.entryDate, lng), entry.entryTime].filter(Boolean).join(' · ')}
                </p>
                <h2 className="mt-1 break-words text-lg font-semibold text-slate-900" dir="auto">{entry.title || entry.locationName || t('book.untitled')}</h2>
                {entry.locationName && <p className="text-sm text-slate-500" dir="auto">{t('book.location', { name: entry.locationName })}</p>}
                {entry.story && <div className="prose prose-sm mt-3 max-w-none text-slate-700" dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(entry.story) }} />}
                {entry.photos.length > 0 && (
                  <div className="mt-3">
                    <PhotoGrid photos={entry.photos} onOpen={setOpen} />
                  </div>
                )}
              </article>
            ))}
          </section>
        )}

        {part === 'gallery' && data.gallery && (
          <section aria-label={t('public.gallery')} data-testid="public-gallery">
            {data.gallery.length ? <PhotoGrid photos={data.gallery} onOpen={setOpen} /> : <p className="text-slate-600">{t('photos.empty')}</p>}
          </section>
        )}

        {part === 'map' && data.map && (
          <section aria-label={t('public.map')} className="h-96" data-testid="public-map">
            <TripMap points={points} unplacedCount={0} />
          </section>
        )}
      </main>
      {open && <Lightbox photo={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

export function JourneyLinkGone({ failed = false }: { failed?: boolean }) {
  const { t } = useTranslation('journey-media');
  return (
    <main className="mx-auto mt-16 max-w-lg px-4">
      <div className="rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="public-journey-gone">
        <h1 className="text-xl font-semibold text-slate-900">{failed ? t('public.failedTitle') : t('public.goneTitle')}</h1>
        <p className="mt-2 text-sm text-slate-600">{failed ? t('public.failedBody') : t('public.goneBody')}</p>
      </div>
    </main>
  );
}
