// One country of the Atlas: where the user's trips went there, whether it is marked by hand (unmarking asks
// first), and its ISO 3166-2 regions to tick off, with a filter for countries that have many.
import { Link } from '@remix-run/react';
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, Spinner, TextField } from '~/components/ui';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { useCountryNames } from './useCountryNames';

export function CountryPanel({ code, onClose, onChanged }: { code: string; onClose(): void; onChanged(): Promise<unknown> }) {
  const { t } = useTranslation('atlas');
  const trpc = useTRPC();
  const { nameOf } = useCountryNames();
  const places = useQuery(trpc.atlas.getCountryAtlasPlaces.queryOptions({ countryCode: code }));
  const [confirming, setConfirming] = useState(false);
  const mark = useMutation(trpc.atlas.markCountryVisited.mutationOptions({ onSuccess: () => onChanged() }));
  const unmark = useMutation(trpc.atlas.unmarkCountryVisited.mutationOptions({ onSuccess: () => onChanged().then(() => setConfirming(false)) }));
  const name = nameOf(code);
  const data = places.data;

  return (
    <section aria-labelledby="atlas-country-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="atlas-country-panel">
      <div className="flex items-start gap-2">
        <h2 id="atlas-country-heading" className="flex-1 text-lg font-semibold text-slate-900">
          {name}
        </h2>
        <Button size="sm" variant="ghost" onClick={onClose} aria-label={t('country.close', { name })}>
          ×
        </Button>
      </div>
      {places.isPending ? (
        <Spinner size="sm" />
      ) : places.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(places.error, t)}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {data!.markedByHand ? (
              <>
                <span className="text-slate-700">{t('country.markedByHand')}</span>
                <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>
                  {t('country.unmark')}
                </Button>
              </>
            ) : (
              <Button size="sm" onClick={() => mark.mutate({ countryCode: code })} busy={mark.isPending}>
                {t('country.mark')}
              </Button>
            )}
          </div>
          <TripsInCountry data={data!} />
          <Regions code={code} onChanged={onChanged} />
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('country.unmarkTitle', { name })}
        message={t('country.unmarkText', { name })}
        confirmLabel={t('country.unmark')}
        danger
        busy={unmark.isPending}
        error={unmark.error ? errorMessage(unmark.error, t) : null}
        onConfirm={() => unmark.mutate({ countryCode: code })}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}

type CountryPlaces = { places: { id: number; name: string; tripId: number }[]; trips: { id: number; title: string; startDate: string | null }[] };

function TripsInCountry({ data }: { data: CountryPlaces }) {
  const { t } = useTranslation('atlas');
  if (data.trips.length === 0) return <p className="text-sm text-slate-500">{t('country.noTrips')}</p>;
  return (
    <div>
      <h3 className="text-sm font-semibold text-slate-800">{t('country.trips', { count: data.trips.length })}</h3>
      <ul className="mt-1 space-y-2 text-sm">
        {data.trips.map((trip) => (
          <li key={trip.id}>
            <Link to={`/trips/${trip.id}`} className="font-medium text-indigo-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
              {trip.title}
            </Link>
            <span className="text-slate-600"> — {data.places.filter((p) => p.tripId === trip.id).map((p) => p.name).join(', ')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Regions({ code, onChanged }: { code: string; onChanged(): Promise<unknown> }) {
  const { t, i18n } = useTranslation('atlas');
  const trpc = useTRPC();
  const regions = useQuery(trpc.atlas.listCountryRegions.queryOptions({ countryCode: code }));
  const [filter, setFilter] = useState('');
  // A ticked box shows its new state at once; the server's answer (or a failure) then takes over.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const settle = (code: string) => () =>
    onChanged().finally(() =>
      setPending(({ [code]: _done, ...rest }) => rest),
    );
  const mark = useMutation(trpc.atlas.markRegionVisited.mutationOptions());
  const unmark = useMutation(trpc.atlas.unmarkRegionVisited.mutationOptions());
  const toggle = (regionCode: string, visited: boolean) => {
    setPending((p) => ({ ...p, [regionCode]: visited }));
    if (visited) mark.mutate({ regionCode, countryCode: code }, { onSettled: settle(regionCode) });
    else unmark.mutate({ regionCode }, { onSettled: settle(regionCode) });
  };
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase(i18n.language);
    const collator = new Intl.Collator(i18n.language);
    return (regions.data?.regions ?? [])
      .filter((r) => !needle || r.name.toLocaleLowerCase(i18n.language).includes(needle) || r.code.toLowerCase().includes(needle))
      .sort((a, b) => Number(b.visited) - Number(a.visited) || collator.compare(a.name, b.name));
  }, [regions.data, filter, i18n.language]);
  if (regions.isPending) return <Spinner size="sm" />;
  const all = regions.data?.regions ?? [];
  const visitedCount = all.filter((r) => r.visited).length;
  const error = mark.error ?? unmark.error;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-800">{t('regions.heading', { count: visitedCount, total: all.length })}</h3>
      {all.length === 0 ? (
        <p className="text-sm text-slate-500">{t('regions.none')}</p>
      ) : (
        <>
          {all.length > 12 && <TextField label={t('regions.filter')} value={filter} onChange={(event) => setFilter(event.target.value)} type="search" />}
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {errorMessage(error, t)}
            </p>
          )}
          <ul className="grid max-h-72 gap-1 overflow-y-auto sm:grid-cols-2" data-testid="atlas-regions">
            {shown.map((r) => (
              <li key={r.code}>
                <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-50">
                  <input
                    type="checkbox"
                    checked={pending[r.code] ?? r.visited}
                    disabled={r.code in pending}
                    onChange={(event) => toggle(r.code, event.target.checked)}
                    className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
                  />
                  <span dir="auto">{r.name}</span>
                  <span className="text-xs text-slate-400">{r.code}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
