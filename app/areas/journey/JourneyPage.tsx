// One journey (/journey/:id): cover and title, the timeline grouped by day (written entries and the placeholders of
// linked trips, which each reader may hide), the entry editor, linked trips, contributors and deletion. What the reader
// may do follows their role (the server checks it again on every call). Updates arrive live on the user's channel.
import { useState, type FormEvent } from 'react';
import { useNavigate } from '@remix-run/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, DateField, Dialog, EmptyState, SelectField, Spinner, TextAreaField, TextField, TimeField } from '~/components/ui';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { renderMarkdown } from '../collab/markdown';
import { JOURNEY_STATUSES, MOODS, VISIBILITIES, WEATHERS, groupByDay } from './rules';
import { coverClass, useDayFormat } from './journey-ui';
import type { JourneyData } from './events';
import { JourneyGallery, JourneyPhotoStrip } from './photos/JourneyPhotos';
import { LocationPicker } from './LocationPicker';

type Journey = JourneyData['journey'];
type Entry = Journey['entries'][number];

function useJourneyMutationOptions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.journey.pathKey() }) };
}

export function JourneyPage({ journeyId }: { journeyId: number }) {
  const { t } = useTranslation('journey');
  const trpc = useTRPC();
  const query = useQuery(trpc.journey.getJourney.queryOptions({ journeyId }));
  const formatDay = useDayFormat('full');
  const options = useJourneyMutationOptions();
  const [hide, setHide] = useState<boolean | null>(null);
  const prefs = useMutation(trpc.journey.updateJourneyPreferences.mutationOptions(options));
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const [dialog, setDialog] = useState<'people' | 'trips' | 'settings' | 'delete' | null>(null);

  if (query.isPending) return <Spinner />;
  if (query.isError) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {errorMessage(query.error, t)}
      </p>
    );
  }
  const journey = query.data.journey;
  const canWrite = journey.myRole !== 'viewer';
  const isOwner = journey.myRole === 'owner';
  const hideSkeletons = hide ?? journey.hideSkeletons;
  const shown = journey.entries.filter((e) => !(hideSkeletons && e.type === 'skeleton'));
  const days = groupByDay(shown);

  return (
    <div className="space-y-6" data-testid="journey-page">
      <header className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <div className={`h-28 ${coverClass(journey.coverGradient)}`} aria-hidden />
        <div className="flex flex-wrap items-start gap-3 p-4">
          <div className="min-w-0 flex-1">
            <h1 className="text-2xl font-semibold text-slate-900" dir="auto" data-testid="journey-title">
              {journey.title}
            </h1>
            {journey.subtitle && (
              <p className="text-slate-600" dir="auto">
                {journey.subtitle}
              </p>
            )}
            <p className="mt-1 text-xs text-slate-500">
              {t(`status.${journey.status}`)} · {t('entryCount', { count: journey.stats.entries })} · {t('photoCount', { count: journey.stats.photos })} ·{' '}
              {t(`role.${journey.myRole}`)}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            {canWrite && (
              <Button variant="primary" onClick={() => setEditing('new')} data-testid="journey-add-entry">
                {t('entry.add')}
              </Button>
            )}
            <Button onClick={() => setDialog('trips')} data-testid="journey-trips-button">
              {t('trips.button', { count: journey.trips.length })}
            </Button>
            <Button onClick={() => setDialog('people')} data-testid="journey-people-button">
              {t('people.button', { count: journey.contributors.length })}
            </Button>
            {isOwner && <Button onClick={() => setDialog('settings')}>{t('settings.button')}</Button>}
            {isOwner && (
              <Button variant="danger" onClick={() => setDialog('delete')} data-testid="journey-delete">
                {t('delete.button')}
              </Button>
            )}
          </div>
        </div>
      </header>

      {/* PHOTO SLOT (jmedia, issue 17 part 2): the journey's gallery, public link and PDF book. */}
      <JourneyGallery journeyId={journeyId} canEdit={canWrite} isOwner={isOwner} coverPhotoId={journey.coverPhotoId} trips={journey.trips} />

      <section aria-labelledby="journey-timeline" className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="journey-timeline" className="text-lg font-semibold text-slate-900">
            {t('timeline')}
          </h2>
          <label className="ms-auto flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={hideSkeletons}
              onChange={(e) => {
                setHide(e.target.checked);
                prefs.mutate({ journeyId, hideSkeletons: e.target.checked });
              }}
              data-testid="journey-hide-skeletons"
            />
            {t('hidePlaceholders')}
          </label>
        </div>
        {days.length === 0 ? (
          <EmptyState icon="✎" title={t('timelineEmpty.title')} description={t('timelineEmpty.text')} testId="journey-timeline-empty" />
        ) : (
          <ol className="space-y-6">
            {days.map((day) => (
              <li key={day.date}>
                <h3 className="mb-2 text-sm font-semibold text-slate-600">{formatDay(day.date)}</h3>
                <ul className="space-y-3">
                  {day.entries.map((entry) => (
                    <EntryCard key={entry.id} entry={entry} canWrite={canWrite} onEdit={() => setEditing(entry)} />
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>

      {editing && <EntryEditor journeyId={journeyId} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {dialog === 'people' && <ContributorsDialog journey={journey} onClose={() => setDialog(null)} />}
      {dialog === 'trips' && <TripsDialog journey={journey} onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <SettingsDialog journey={journey} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteJourney journey={journey} onClose={() => setDialog(null)} />}
    </div>
  );
}

function EntryCard({ entry, canWrite, onEdit }: { entry: Entry; canWrite: boolean; onEdit(): void }) {
  const { t } = useTranslation('journey');
  const placeholder = entry.type === 'skeleton';
  return (
    <li
      className={`rounded-lg border p-3 ${placeholder ? 'border-dashed border-slate-300 bg-slate-50' : 'border-slate-200 bg-white'}`}
      data-testid={placeholder ? 'journey-skeleton' : 'journey-entry'}
    >
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="font-medium text-slate-900" dir="auto">
            {entry.entryTime && <span className="me-2 text-xs text-slate-500">{entry.entryTime}</span>}
            {entry.title || t('entry.untitled')}
          </p>
          {entry.locationName && (
            <p className="text-xs text-slate-500" dir="auto">
              <span aria-hidden>⌖ </span>
              {entry.locationName}
            </p>
          )}
        </div>
        {placeholder && <span className="rounded bg-slate-200 px-2 py-0.5 text-xs text-slate-700">{t('entry.placeholder')}</span>}
        {!placeholder && entry.visibility !== 'shared' && <span className="rounded bg-indigo-50 px-2 py-0.5 text-xs text-indigo-700">{t(`visibility.${entry.visibility}`)}</span>}
        {canWrite && (
          <Button size="sm" variant="ghost" onClick={onEdit} aria-label={t('entry.editNamed', { name: entry.title || t('entry.untitled') })}>
            {placeholder ? t('entry.write') : t('entry.edit')}
          </Button>
        )}
      </div>
      {entry.story && (
        <div className="prose prose-sm mt-2 max-w-none text-slate-700" dir="auto" data-testid="journey-entry-story" dangerouslySetInnerHTML={{ __html: renderMarkdown(entry.story) }} />
      )}
      {(entry.mood || entry.weather) && (
        <p className="mt-2 text-xs text-slate-600">
          {entry.mood && <span className="me-3">{t('fields.mood')}: {(MOODS as readonly string[]).includes(entry.mood) ? t(`mood.${entry.mood}`) : entry.mood}</span>}
          {entry.weather && <span>{t('fields.weather')}: {(WEATHERS as readonly string[]).includes(entry.weather) ? t(`weather.${entry.weather}`) : entry.weather}</span>}
        </p>
      )}
      {(entry.pros.length > 0 || entry.cons.length > 0) && (
        <div className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
          {entry.pros.length > 0 && (
            <ul aria-label={t('fields.pros')} className="text-emerald-800">
              {entry.pros.map((p, i) => (
                <li key={i} dir="auto">+ {p}</li>
              ))}
            </ul>
          )}
          {entry.cons.length > 0 && (
            <ul aria-label={t('fields.cons')} className="text-rose-800">
              {entry.cons.map((c, i) => (
                <li key={i} dir="auto">− {c}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {entry.tags.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label={t('fields.tags')}>
          {entry.tags.map((tag) => (
            <li key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700" dir="auto">
              #{tag}
            </li>
          ))}
        </ul>
      )}
      {/* PHOTO SLOT (jmedia, issue 17 part 2): the entry's photos and their upload. */}
      <JourneyPhotoStrip entry={entry} canEdit={canWrite} />
    </li>
  );
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function EntryEditor({ journeyId, entry, onClose }: { journeyId: number; entry: Entry | null; onClose(): void }) {
  const { t } = useTranslation('journey');
  const trpc = useTRPC();
  const options = useJourneyMutationOptions();
  const done = { onSuccess: () => options.onSuccess().then(onClose) };
  const create = useMutation(trpc.journey.createJourneyEntry.mutationOptions(done));
  const update = useMutation(trpc.journey.updateJourneyEntry.mutationOptions(done));
  const remove = useMutation(trpc.journey.deleteJourneyEntry.mutationOptions(done));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [preview, setPreview] = useState(false);
  const [form, setForm] = useState({
    title: entry?.title ?? '',
    entryDate: entry?.entryDate ?? new Date().toISOString().slice(0, 10),
    entryTime: entry?.entryTime ?? '',
    story: entry?.story ?? '',
    locationName: entry?.locationName ?? '',
    lat: entry?.lat?.toString() ?? '',
    lng: entry?.lng?.toString() ?? '',
    mood: entry?.mood ?? '',
    weather: entry?.weather ?? '',
    tags: entry?.tags.join(', ') ?? '',
    pros: entry?.pros.join('\n') ?? '',
    cons: entry?.cons.join('\n') ?? '',
    visibility: (entry?.visibility ?? 'shared') as (typeof VISIBILITIES)[number],
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      title: form.title,
      entryDate: form.entryDate,
      entryTime: form.entryTime || null,
      story: form.story,
      locationName: form.locationName,
      lat: form.lat === '' ? null : Number(form.lat),
      lng: form.lng === '' ? null : Number(form.lng),
      mood: form.mood,
      weather: form.weather,
      tags: form.tags.split(',').map((x) => x.trim()).filter(Boolean),
      pros: lines(form.pros),
      cons: lines(form.cons),
      visibility: form.visibility,
    };
    if (entry) update.mutate({ entryId: entry.id, ...fields });
    else create.mutate({ journeyId, ...fields });
  };
  const error = create.error ?? update.error ?? remove.error;
  const busy = create.isPending || update.isPending;
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={entry ? t('entry.editTitle') : t('entry.newTitle')}
      testId="journey-entry-editor"
      footer={
        <>
          {entry && entry.type !== 'skeleton' && (
            <Button variant="danger" className="me-auto" onClick={() => setConfirmDelete(true)}>
              {t('entry.delete')}
            </Button>
          )}
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="journey-entry-form" busy={busy} data-testid="journey-entry-save">
            {t('save')}
          </Button>
        </>
      }
    >
      <form id="journey-entry-form" onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <TextField className="sm:col-span-2" label={t('fields.title')} value={form.title} onChange={set('title')} maxLength={300} data-autofocus />
        <DateField label={t('fields.date')} value={form.entryDate} onChange={(value) => set('entryDate')({ target: { value } })} required />
        <TimeField label={t('fields.time')} value={form.entryTime} onChange={(value) => set('entryTime')({ target: { value } })} />
        <div className="sm:col-span-2">
          {preview ? (
            <div className="min-h-24 rounded-md border border-slate-200 p-2 text-sm" dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(form.story) }} />
          ) : (
            <TextAreaField label={t('fields.story')} hint={t('fields.storyHint')} value={form.story} onChange={set('story')} rows={6} data-testid="journey-story-input" />
          )}
          <Button size="sm" variant="ghost" onClick={() => setPreview((p) => !p)} aria-pressed={preview}>
            {preview ? t('entry.write') : t('entry.preview')}
          </Button>
        </div>
        <SelectField label={t('fields.mood')} value={form.mood} onChange={set('mood')}>
          <option value="">—</option>
          {MOODS.map((m) => (
            <option key={m} value={m}>
              {t(`mood.${m}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('fields.weather')} value={form.weather} onChange={set('weather')}>
          <option value="">—</option>
          {WEATHERS.map((w) => (
            <option key={w} value={w}>
              {t(`weather.${w}`)}
            </option>
          ))}
        </SelectField>
        <LocationPicker value={form} onChange={(next) => setForm((f) => ({ ...f, ...next }))} />
        <TextField className="sm:col-span-2" label={t('fields.tags')} hint={t('fields.tagsHint')} value={form.tags} onChange={set('tags')} />
        <TextAreaField label={t('fields.pros')} hint={t('fields.linesHint')} value={form.pros} onChange={set('pros')} rows={3} />
        <TextAreaField label={t('fields.cons')} hint={t('fields.linesHint')} value={form.cons} onChange={set('cons')} rows={3} />
        <SelectField label={t('fields.visibility')} value={form.visibility} onChange={set('visibility')} data-testid="journey-visibility">
          {VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {t(`visibility.${v}`)}
            </option>
          ))}
        </SelectField>
        {error && (
          <p role="alert" className="text-sm text-red-700 sm:col-span-2">
            {errorMessage(error, t)}
          </p>
        )}
      </form>
      <ConfirmDialog
        open={confirmDelete}
        title={t('entry.deleteTitle')}
        message={entry?.sourceTripId ? t('entry.deleteRevertText') : t('entry.deleteText')}
        confirmLabel={t('entry.delete')}
        danger
        busy={remove.isPending}
        onConfirm={() => entry && remove.mutate({ entryId: entry.id })}
        onCancel={() => setConfirmDelete(false)}
      />
    </Dialog>
  );
}

function ContributorsDialog({ journey, onClose }: { journey: Journey; onClose(): void }) {
  const { t } = useTranslation('journey');
  const trpc = useTRPC();
  const options = useJourneyMutationOptions();
  const isOwner = journey.myRole === 'owner';
  const [identifier, setIdentifier] = useState('');
  const [role, setRole] = useState<'editor' | 'viewer'>('editor');
  const [removing, setRemoving] = useState<Journey['contributors'][number] | null>(null);
  const add = useMutation(trpc.journey.addJourneyContributor.mutationOptions({ onSuccess: () => options.onSuccess().then(() => setIdentifier('')) }));
  const change = useMutation(trpc.journey.updateJourneyContributorRole.mutationOptions(options));
  const remove = useMutation(trpc.journey.removeJourneyContributor.mutationOptions({ onSuccess: () => options.onSuccess().then(() => setRemoving(null)) }));
  const error = add.error ?? change.error;
  return (
    <Dialog open onClose={onClose} title={t('people.title')} testId="journey-people-dialog" footer={<Button onClick={onClose}>{t('close')}</Button>}>
      <ul className="divide-y divide-slate-100">
        {journey.contributors.map((c) => (
          <li key={c.userId} className="flex flex-wrap items-center gap-2 py-2 text-sm">
            <span className="min-w-0 flex-1" dir="auto">
              {c.displayName} <span className="text-xs text-slate-500">@{c.username}</span>
            </span>
            {isOwner && c.role !== 'owner' ? (
              <>
                <select
                  aria-label={t('people.roleOf', { name: c.displayName })}
                  className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                  value={c.role}
                  onChange={(e) => change.mutate({ journeyId: journey.id, targetUserId: c.userId, role: e.target.value as 'editor' | 'viewer' })}
                >
                  <option value="editor">{t('role.editor')}</option>
                  <option value="viewer">{t('role.viewer')}</option>
                </select>
                <Button size="sm" variant="ghost" onClick={() => setRemoving(c)} aria-label={t('people.removeNamed', { name: c.displayName })}>
                  {t('people.remove')}
                </Button>
              </>
            ) : (
              <span className="text-xs text-slate-600">{t(`role.${c.role}`)}</span>
            )}
          </li>
        ))}
      </ul>
      {isOwner && (
        <form
          className="mt-3 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ journeyId: journey.id, identifier, role });
          }}
        >
          <TextField className="min-w-48 flex-1" label={t('people.identifier')} value={identifier} onChange={(e) => setIdentifier(e.target.value)} required data-testid="journey-people-identifier" />
          <SelectField label={t('people.role')} value={role} onChange={(e) => setRole(e.target.value as 'editor' | 'viewer')} data-testid="journey-people-role">
            <option value="editor">{t('role.editor')}</option>
            <option value="viewer">{t('role.viewer')}</option>
          </SelectField>
          <Button type="submit" variant="primary" busy={add.isPending} data-testid="journey-people-add">
            {t('people.add')}
          </Button>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(error, t)}
        </p>
      )}
      <ConfirmDialog
        open={!!removing}
        title={t('people.removeTitle')}
        message={t('people.removeText', { name: removing?.displayName ?? '' })}
        confirmLabel={t('people.remove')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => removing && remove.mutate({ journeyId: journey.id, targetUserId: removing.userId })}
        onCancel={() => setRemoving(null)}
      />
    </Dialog>
  );
}

function TripsDialog({ journey, onClose }: { journey: Journey; onClose(): void }) {
  const { t } = useTranslation('journey');
  const trpc = useTRPC();
  const options = useJourneyMutationOptions();
  const canLink = journey.myRole !== 'viewer';
  const available = useQuery({ ...trpc.journey.listJourneyAvailableTrips.queryOptions(), enabled: canLink });
  const [tripId, setTripId] = useState('');
  const [unlinking, setUnlinking] = useState<Journey['trips'][number] | null>(null);
  const link = useMutation(trpc.journey.addJourneyTrip.mutationOptions({ onSuccess: () => options.onSuccess().then(() => setTripId('')) }));
  const unlink = useMutation(trpc.journey.removeJourneyTrip.mutationOptions({ onSuccess: () => options.onSuccess().then(() => setUnlinking(null)) }));
  const linked = new Set(journey.trips.map((x) => x.tripId));
  const candidates = (available.data?.trips ?? []).filter((x) => !linked.has(x.tripId));
  return (
    <Dialog open onClose={onClose} title={t('trips.title')} testId="journey-trips-dialog" footer={<Button onClick={onClose}>{t('close')}</Button>}>
      {journey.trips.length === 0 ? (
        <p className="text-sm text-slate-500">{t('trips.none')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {journey.trips.map((trip) => (
            <li key={trip.tripId} className="flex items-center gap-2 py-2 text-sm">
              <span className="min-w-0 flex-1" dir="auto">
                {trip.title} <span className="text-xs text-slate-500">{t('trips.places', { count: trip.placeCount })}</span>
              </span>
              {journey.myRole === 'owner' && (
                <Button size="sm" variant="ghost" onClick={() => setUnlinking(trip)} aria-label={t('trips.unlinkNamed', { name: trip.title })}>
                  {t('trips.unlink')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canLink && (
        <form
          className="mt-3 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (tripId) link.mutate({ journeyId: journey.id, tripId: Number(tripId) });
          }}
        >
          <SelectField className="min-w-48 flex-1" label={t('trips.link')} value={tripId} onChange={(e) => setTripId(e.target.value)} data-testid="journey-trip-select">
            <option value="">—</option>
            {candidates.map((trip) => (
              <option key={trip.tripId} value={trip.tripId}>
                {trip.title}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="primary" busy={link.isPending} disabled={!tripId}>
            {t('trips.linkButton')}
          </Button>
        </form>
      )}
      {link.error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {errorMessage(link.error, t)}
        </p>
      )}
      <ConfirmDialog
        open={!!unlinking}
        title={t('trips.unlinkTitle')}
        message={t('trips.unlinkText', { name: unlinking?.title ?? '' })}
        confirmLabel={t('trips.unlink')}
        danger
        busy={unlink.isPending}
        error={unlink.error ? errorMessage(unlink.error, t) : null}
        onConfirm={() => unlinking && unlink.mutate({ journeyId: journey.id, tripId: unlinking.tripId })}
        onCancel={() => setUnlinking(null)}
      />
    </Dialog>
  );
}

function SettingsDialog({ journey, onClose }: { journey: Journey; onClose(): void }) {
  const { t } = useTranslation('journey');
  const trpc = useTRPC();
  const options = useJourneyMutationOptions();
  const [title, setTitle] = useState(journey.title);
  const [subtitle, setSubtitle] = useState(journey.subtitle);
  const [status, setStatus] = useState(journey.status);
  const save = useMutation(trpc.journey.updateJourney.mutationOptions({ onSuccess: () => options.onSuccess().then(onClose) }));
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('settings.title')}
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="journey-settings-form" busy={save.isPending}>
            {t('save')}
          </Button>
        </>
      }
    >
      <form
        id="journey-settings-form"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ journeyId: journey.id, title, subtitle, status });
        }}
      >
        <TextField label={t('fields.title')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-autofocus />
        <TextField label={t('fields.subtitle')} value={subtitle} onChange={(e) => setSubtitle(e.target.value)} maxLength={300} />
        <SelectField label={t('fields.status')} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          {JOURNEY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
        {save.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(save.error, t)}
          </p>
        )}
      </form>
    </Dialog>
  );
}

function DeleteJourney({ journey, onClose }: { journey: Journey; onClose(): void }) {
  const { t } = useTranslation('journey');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.journey.deleteJourney.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.journey.listJourneys.queryKey() });
        navigate('/journey');
      },
    }),
  );
  return (
    <ConfirmDialog
      open
      title={t('delete.title')}
      message={t('delete.text', { name: journey.title })}
      confirmLabel={t('delete.button')}
      danger
      busy={remove.isPending}
      error={remove.error ? errorMessage(remove.error, t) : null}
      onConfirm={() => remove.mutate({ journeyId: journey.id })}
      onCancel={onClose}
    />
  );
}
