// The Journey page (/journey): the user's journeys as cards, suggestions (trips that ended lately and are in no
// journey) and the dialog that starts a journey, optionally from trips. Changes arrive live on the user's channel.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@remix-run/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, EmptyState, Spinner, TextField } from '~/components/ui';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { coverClass, useDayFormat } from './journey-ui';

export function JourneyListPage() {
  const { t } = useTranslation('journey');
  const trpc = useTRPC();
  const list = useQuery(trpc.journey.listJourneys.queryOptions());
  const suggestions = useQuery(trpc.journey.getJourneySuggestions.queryOptions());
  const [creating, setCreating] = useState<{ tripIds: number[]; title: string } | null>(null);
  const formatDay = useDayFormat();
  const journeys = list.data?.journeys ?? [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t('title')}</h1>
        <Button variant="primary" className="ms-auto" onClick={() => setCreating({ tripIds: [], title: '' })} data-testid="journey-new">
          {t('new')}
        </Button>
      </div>
      {(suggestions.data?.trips.length ?? 0) > 0 && (
        <section aria-labelledby="journey-suggestions" className="rounded-lg border border-amber-200 bg-amber-50 p-4">
          <h2 id="journey-suggestions" className="text-sm font-semibold text-amber-900">
            {t('suggestions.heading')}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {suggestions.data!.trips.map((trip) => (
              <li key={trip.tripId}>
                <Button size="sm" onClick={() => setCreating({ tripIds: [trip.tripId], title: trip.title })} data-testid="journey-suggestion">
                  {t('suggestions.start', { title: trip.title, count: trip.placeCount })}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {list.isPending ? (
        <Spinner />
      ) : list.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(list.error, t)}
        </p>
      ) : journeys.length === 0 ? (
        <EmptyState icon="✎" title={t('empty.title')} description={t('empty.text')} testId="journey-empty" />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="journey-list">
          {journeys.map((j) => (
            <li key={j.id}>
              <Link
                to={`/journey/${j.id}`}
                className="block overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm hover:shadow focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                data-testid="journey-card"
              >
                <div className={`h-20 ${coverClass(j.coverGradient)}`} aria-hidden />
                <div className="space-y-1 p-3">
                  <p className="font-semibold text-slate-900" dir="auto">
                    {j.title}
                  </p>
                  {j.subtitle && (
                    <p className="text-sm text-slate-600" dir="auto">
                      {j.subtitle}
                    </p>
                  )}
                  <p className="text-xs text-slate-500">
                    {t(`status.${j.status}`)} · {t('entryCount', { count: j.entryCount })} · {t('tripCount', { count: j.tripCount })}
                    {j.tripDateMin && ` · ${formatDay(j.tripDateMin)}`}
                  </p>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {creating && <CreateJourneyDialog initial={creating} onClose={() => setCreating(null)} />}
    </div>
  );
}

function CreateJourneyDialog({ initial, onClose }: { initial: { tripIds: number[]; title: string }; onClose(): void }) {
  const { t } = useTranslation('journey');
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const trips = useQuery(trpc.journey.listJourneyAvailableTrips.queryOptions());
  const formatDay = useDayFormat();
  const [title, setTitle] = useState(initial.title);
  const [subtitle, setSubtitle] = useState('');
  const [tripIds, setTripIds] = useState<number[]>(initial.tripIds);
  const create = useMutation(
    trpc.journey.createJourney.mutationOptions({
      onSuccess: async ({ journey }) => {
        await queryClient.invalidateQueries({ queryKey: trpc.journey.pathKey() });
        onClose();
        navigate(`/journey/${journey.id}`);
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ title, subtitle: subtitle || undefined, tripIds });
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('create.title')}
      testId="journey-create-dialog"
      footer={
        <>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" type="submit" form="journey-create-form" busy={create.isPending}>
            {t('create.submit')}
          </Button>
        </>
      }
    >
      <form id="journey-create-form" onSubmit={submit} className="space-y-3">
        <TextField label={t('fields.title')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-autofocus />
        <TextField label={t('fields.subtitle')} value={subtitle} onChange={(e) => setSubtitle(e.target.value)} maxLength={300} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t('create.trips')}</legend>
          {trips.isPending ? (
            <Spinner size="sm" />
          ) : (trips.data?.trips.length ?? 0) === 0 ? (
            <p className="text-sm text-slate-500">{t('create.noTrips')}</p>
          ) : (
            <ul className="mt-1 max-h-48 space-y-1 overflow-y-auto">
              {trips.data!.trips.map((trip) => (
                <li key={trip.tripId}>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={tripIds.includes(trip.tripId)}
                      onChange={(e) => setTripIds((ids) => (e.target.checked ? [...ids, trip.tripId] : ids.filter((x) => x !== trip.tripId)))}
                    />
                    <span dir="auto">{trip.title}</span>
                    {trip.startDate && <span className="text-xs text-slate-500">{formatDay(trip.startDate)}</span>}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        {create.error && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(create.error, t)}
          </p>
        )}
      </form>
    </Dialog>
  );
}
