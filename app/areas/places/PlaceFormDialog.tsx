// Create or edit a place: name, description, address, coordinates, category, tags, link and notes. New places can
// be filled from an OpenStreetMap search or added straight from a Google Maps / OpenStreetMap link.
import { useCallback, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Dialog, Field } from '~/components/ui';
import { btn, ErrorText, inputClass } from '~/components/planner/ui';
import { categoryName, type PlannerCategory, type PlannerPlace } from '~/components/planner/usePlanner';
import { PlacePhotoUpload } from './PlacePhotoUpload';
import { PlaceDetailsPanel, type FoundDetails } from './PlaceDetailsPanel';
import { useRefreshBookings } from '~/areas/reservations/DayBookings';

interface Props {
  tripId: number;
  place?: PlannerPlace;
  categories: PlannerCategory[];
  onClose: () => void;
  onSaved: () => void;
}

const FORM_ID = 'place-form';

export function PlaceFormDialog({ tripId, place, categories, onClose, onSaved }: Props) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const [v, setV] = useState({
    name: place?.name ?? '',
    description: place?.description ?? '',
    address: place?.address ?? '',
    lat: place?.lat != null ? String(place.lat) : '',
    lng: place?.lng != null ? String(place.lng) : '',
    categoryId: place?.categoryId ? String(place.categoryId) : '',
    url: place?.url ?? '',
    phone: place?.phone ?? '',
    notes: place?.notes ?? '',
  });
  const [tagIds, setTagIds] = useState<number[]>(place?.tagIds ?? []);
  /** the photo of the search result picked, kept with the new place */
  const [photoUrl, setPhotoUrl] = useState('');
  /** the OpenStreetMap id (or Google place id) of the search result picked, for its details */
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const fillFromDetails = useCallback((d: FoundDetails) => {
    setV((old) => ({ ...old, url: old.url.trim() ? old.url : (d.website ?? ''), phone: old.phone.trim() ? old.phone : (d.phone ?? '') }));
  }, []);
  const [localError, setLocalError] = useState<string | null>(null);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));
  const tags = useQuery(trpc.tags.listTags.queryOptions());
  const done = () => {
    onSaved();
    onClose();
  };
  const create = useMutation(trpc.places.createPlace.mutationOptions({ onSuccess: done }));
  const refreshBookings = useRefreshBookings(tripId);
  const update = useMutation(
    trpc.places.updatePlace.mutationOptions({
      onSuccess: (_, sent) => {
        // transport legs ending at a moved place are drawn from its new coordinates (decision 044)
        if (sent.lat !== place?.lat || sent.lng !== place?.lng) void refreshBookings();
        done();
      },
    }),
  );
  const error = create.error ?? update.error;

  function submit(e: FormEvent) {
    e.preventDefault();
    setLocalError(null);
    const lat = v.lat.trim() === '' ? null : Number(v.lat);
    const lng = v.lng.trim() === '' ? null : Number(v.lng);
    if ((lat === null) !== (lng === null) || (lat !== null && Number.isNaN(lat)) || (lng !== null && Number.isNaN(lng))) {
      setLocalError(t('placeForm.coordsTogether'));
      return;
    }
    const fields = {
      name: v.name.trim(),
      description: v.description,
      address: v.address,
      lat,
      lng,
      categoryId: v.categoryId ? Number(v.categoryId) : null,
      url: v.url.trim(),
      phone: v.phone.trim(),
      notes: v.notes,
      tagIds,
    };
    if (place) update.mutate({ tripId, placeId: place.id, ...fields });
    else create.mutate({ tripId, ...fields, ...(photoUrl ? { photoUrl } : {}) });
  }

  return (
    <Dialog
      open
      size="lg"
      onClose={onClose}
      title={place ? t('placeForm.editTitle') : t('placeForm.newTitle')}
      footer={
        <>
          <button type="button" className={btn.secondary} onClick={onClose}>
            {t('action.cancel')}
          </button>
          <button type="submit" form={FORM_ID} className={btn.primary} disabled={create.isPending || update.isPending || !v.name.trim()}>
            {place ? t('action.save') : t('placeForm.create')}
          </button>
        </>
      }
    >
      {!place && (
        <div className="mb-5 space-y-3 rounded-lg bg-slate-50 p-3">
          <PlaceSearch
            onPick={(r) => {
              setV((old) => ({
                ...old,
                name: r.name || old.name,
                address: r.address,
                lat: String(r.lat),
                lng: String(r.lng),
                categoryId: r.categoryId ? String(r.categoryId) : old.categoryId,
              }));
              setPhotoUrl(r.photoUrl ?? '');
              setDetailsId(r.placeId ?? r.osmId ?? null);
            }}
          />
          {detailsId && <PlaceDetailsPanel key={detailsId} placeId={detailsId} onDetails={fillFromDetails} />}
          <MapLinkImport tripId={tripId} onImported={done} />
          <PlaceFileImport tripId={tripId} onImported={onSaved} />
        </div>
      )}
      <form id={FORM_ID} onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        {place && <PlacePhotoUpload tripId={tripId} place={place} onChanged={onSaved} />}
        <Field label={t('placeForm.name')} className="sm:col-span-2">
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} value={v.name} onChange={set('name')} required maxLength={200} data-autofocus={place ? true : undefined} dir="auto" className={inputClass} />
          )}
        </Field>
        <Field label={t('placeForm.category')}>
          {(ids) => (
            <select id={ids.id} aria-describedby={ids.describedBy} value={v.categoryId} onChange={set('categoryId')} className={inputClass}>
              <option value="">{t('placeForm.noCategory')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {categoryName(c, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('placeForm.url')}>
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} type="url" value={v.url} onChange={set('url')} maxLength={2000} placeholder="https://" dir="ltr" className={inputClass} />
          )}
        </Field>
        <Field label={t('placeDetails.phone')}>
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} type="tel" value={v.phone} onChange={set('phone')} maxLength={50} dir="ltr" className={inputClass} />
          )}
        </Field>
        <Field label={t('placeForm.address')} className="sm:col-span-2">
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} value={v.address} onChange={set('address')} maxLength={500} dir="auto" className={inputClass} />
          )}
        </Field>
        <Field label={t('placeForm.lat')}>
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} inputMode="decimal" value={v.lat} onChange={set('lat')} placeholder="48.8584" dir="ltr" className={inputClass} />
          )}
        </Field>
        <Field label={t('placeForm.lng')}>
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} inputMode="decimal" value={v.lng} onChange={set('lng')} placeholder="2.2945" dir="ltr" className={inputClass} />
          )}
        </Field>
        <Field label={t('placeForm.description')} className="sm:col-span-2">
          {(ids) => (
            <textarea id={ids.id} aria-describedby={ids.describedBy} value={v.description} onChange={set('description')} rows={2} maxLength={5000} dir="auto" className={inputClass} />
          )}
        </Field>
        <Field label={t('placeForm.notes')} className="sm:col-span-2">
          {(ids) => (
            <textarea id={ids.id} aria-describedby={ids.describedBy} value={v.notes} onChange={set('notes')} rows={2} maxLength={5000} dir="auto" className={inputClass} />
          )}
        </Field>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-700">{t('placeForm.tags')}</legend>
          {tags.data?.tags.length ? (
            <div className="mt-1.5 flex flex-wrap gap-2">
              {tags.data.tags.map((tag) => (
                <label key={tag.id} className="flex items-center gap-1.5 rounded-full border border-slate-200 px-2.5 py-1 text-xs">
                  <input
                    type="checkbox"
                    checked={tagIds.includes(tag.id)}
                    onChange={(e) => setTagIds((ids) => (e.target.checked ? [...ids, tag.id] : ids.filter((x) => x !== tag.id)))}
                    className="h-3.5 w-3.5"
                  />
                  <span className="h-2 w-2 rounded-full" style={{ backgroundColor: tag.color }} aria-hidden />
                  {tag.name}
                </label>
              ))}
            </div>
          ) : (
            <p className="mt-1 text-xs text-slate-500">{t('placeForm.noTags')}</p>
          )}
        </fieldset>
        <div className="sm:col-span-2">
          <ErrorText>{localError ?? (error ? errorMessage(error, t) : null)}</ErrorText>
        </div>
      </form>
    </Dialog>
  );
}

interface SearchResult {
  osmId?: string;
  placeId?: string;
  categoryId?: number | null;
  photoUrl?: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
}

/** Looks a place up in OpenStreetMap; the search service may be unreachable, which is shown, not fatal. */
export function PlaceSearch({ onPick }: { onPick: (r: SearchResult) => void }) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const results = useQuery(
    trpc.places.searchPlace.queryOptions({ query }, { enabled: query.length > 0, retry: false, staleTime: 5 * 60_000 })
  );
  return (
    <div>
      <div className="flex gap-2">
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setQuery(text.trim());
            }
          }}
          placeholder={t('placeForm.searchPlaceholder')}
          aria-label={t('placeForm.search')}
          className={`${inputClass} flex-1`}
        />
        <button type="button" className={btn.secondary} onClick={() => setQuery(text.trim())} disabled={!text.trim()}>
          {t('placeForm.searchButton')}
        </button>
      </div>
      {query && results.isFetching && (
        <p className="mt-2 text-xs text-slate-500" role="status">
          {t('placeForm.searching')}
        </p>
      )}
      {query && results.error && (
        <p className="mt-2 text-xs text-amber-800" role="alert">
          {t('placeForm.searchUnavailable')} {errorMessage(results.error, t)}
        </p>
      )}
      {results.data && (
        <ul className="mt-2 max-h-48 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 bg-white">
          {results.data.results.length === 0 && <li className="p-2 text-xs text-slate-500">{t('placeForm.noResults')}</li>}
          {results.data.results.map((r, i) => (
            <li key={`${r.lat},${r.lng},${i}`}>
              <button
                type="button"
                onClick={() => onPick(r)}
                className="w-full px-3 py-2 text-start hover:bg-indigo-50 focus:bg-indigo-50 focus:outline-none"
              >
                <span className="block text-sm font-medium text-slate-900">{r.name}</span>
                <span className="block truncate text-xs text-slate-500">{r.address}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MapLinkImport({ tripId, onImported }: { tripId: number; onImported: () => void }) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const [url, setUrl] = useState('');
  const importLink = useMutation(trpc.places.importPlacesFromUrl.mutationOptions({ onSuccess: onImported }));
  return (
    <div>
      <div className="flex gap-2">
        <input
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder={t('placeForm.mapLinkPlaceholder')}
          aria-label={t('placeForm.mapLink')}
          dir="ltr"
          className={`${inputClass} flex-1`}
        />
        <button
          type="button"
          className={btn.secondary}
          disabled={!url.trim() || importLink.isPending}
          onClick={() => importLink.mutate({ tripId, url: url.trim() })}
        >
          {t('placeForm.importLink')}
        </button>
      </div>
      {importLink.error && (
        <p className="mt-2 text-xs text-red-700" role="alert">
          {errorMessage(importLink.error, t)}
        </p>
      )}
    </div>
  );
}

/** Reads a file in the browser: KMZ (a zip) as base64, the text formats as text. */
function readFile(file: File): Promise<{ content: string; encoding: 'text' | 'base64' }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    const binary = /\.kmz$/i.test(file.name);
    reader.onerror = () => reject(reader.error);
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(binary ? { content: result.slice(result.indexOf(',') + 1), encoding: 'base64' } : { content: result, encoding: 'text' });
    };
    if (binary) reader.readAsDataURL(file);
    else reader.readAsText(file);
  });
}

/** GPX, KML/KMZ or GeoJSON → places (waypoints and placemarks; tracks are skipped). */
function PlaceFileImport({ tripId, onImported }: { tripId: number; onImported: () => void }) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const importFile = useMutation(trpc.places.importPlacesFromFile.mutationOptions({ onSuccess: onImported }));
  const [readError, setReadError] = useState(false);
  const id = 'place-file-import';
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {t('placeImport.file')}
      </label>
      <p className="text-xs text-slate-500">{t('placeImport.fileHint')}</p>
      <input
        id={id}
        type="file"
        accept=".gpx,.kml,.kmz,.geojson,.json"
        disabled={importFile.isPending}
        data-testid="place-file-input"
        className="mt-1 block w-full text-sm text-slate-700 file:me-3 file:rounded-md file:border-0 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-700 file:shadow-sm hover:file:bg-slate-100"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setReadError(false);
          importFile.reset();
          try {
            const { content, encoding } = await readFile(file);
            importFile.mutate({ tripId, fileName: file.name, content, encoding });
          } catch {
            setReadError(true);
          }
        }}
      />
      {importFile.isPending && (
        <p className="mt-2 text-xs text-slate-500" role="status">
          {t('placeImport.importing')}
        </p>
      )}
      {importFile.data && (
        <p className="mt-2 text-xs text-emerald-700" role="status" data-testid="place-file-result">
          {t('placeImport.added', { n: importFile.data.places.length })}
          {importFile.data.skipped > 0 && ` ${t('placeImport.skipped', { n: importFile.data.skipped })}`}
        </p>
      )}
      {(importFile.error || readError) && (
        <p className="mt-2 text-xs text-red-700" role="alert">
          {importFile.error ? errorMessage(importFile.error, t) : t('placeImport.readFailed')}
        </p>
      )}
    </div>
  );
}
