// The bucket list: places or countries to visit, with notes and a target date; add, change and delete (after a
// confirmation). Items with coordinates are pinned on the map.
import { useState } from 'react';
import { useMutation, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, DateField, EmptyState, SelectField, Spinner, TextAreaField, TextField } from '~/components/ui';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { useCountryNames } from './useCountryNames';
import type { BucketList as BucketListData } from './events';

type Item = BucketListData['items'][number];

export function BucketList({ query, onChanged }: { query: UseQueryResult<BucketListData, unknown>; onChanged(): Promise<unknown> }) {
  const { t } = useTranslation('atlas');
  const trpc = useTRPC();
  const [deleting, setDeleting] = useState<Item | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const remove = useMutation(trpc.atlas.deleteBucketListItem.mutationOptions({ onSuccess: () => onChanged().then(() => setDeleting(null)) }));
  const items = query.data?.items ?? [];
  return (
    <section aria-labelledby="atlas-bucket-heading" className="space-y-4">
      <h2 id="atlas-bucket-heading" className="text-lg font-semibold text-slate-900">
        {t('bucket.heading')}
      </h2>
      <BucketForm onSaved={onChanged} />
      {query.isPending ? (
        <Spinner size="sm" />
      ) : query.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(query.error, t)}
        </p>
      ) : items.length === 0 ? (
        <EmptyState title={t('bucket.emptyTitle')} description={t('bucket.emptyText')} icon="★" testId="atlas-bucket-empty" />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="atlas-bucket-list">
          {items.map((item) =>
            editing === item.id ? (
              <li key={item.id} className="p-3">
                <BucketForm item={item} onSaved={() => onChanged().then(() => setEditing(null))} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <BucketRow key={item.id} item={item} onEdit={() => setEditing(item.id)} onDelete={() => setDeleting(item)} />
            ),
          )}
        </ul>
      )}
      <ConfirmDialog
        open={!!deleting}
        title={t('bucket.deleteTitle')}
        message={t('bucket.deleteText', { name: deleting?.name ?? '' })}
        confirmLabel={t('bucket.delete')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => deleting && remove.mutate({ itemId: deleting.id })}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}

function BucketRow({ item, onEdit, onDelete }: { item: Item; onEdit(): void; onDelete(): void }) {
  const { t, i18n } = useTranslation('atlas');
  const { nameOf } = useCountryNames();
  const date = item.targetDate ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${item.targetDate}T00:00:00Z`)) : null;
  return (
    <li className="flex flex-wrap items-start gap-3 p-3 text-sm" data-testid="atlas-bucket-item">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900" dir="auto">
          {item.name}
          {item.countryCode && <span className="ms-2 text-xs font-normal text-slate-500">{nameOf(item.countryCode)}</span>}
        </p>
        {date && <p className="text-xs text-slate-600">{t('bucket.target', { date })}</p>}
        {item.notes && (
          <p className="mt-1 whitespace-pre-line text-slate-600" dir="auto">
            {item.notes}
          </p>
        )}
      </div>
      <Button size="sm" variant="ghost" onClick={onEdit} aria-label={t('bucket.editNamed', { name: item.name })}>
        {t('bucket.edit')}
      </Button>
      <Button size="sm" variant="ghost" onClick={onDelete} aria-label={t('bucket.deleteNamed', { name: item.name })}>
        {t('bucket.delete')}
      </Button>
    </li>
  );
}

function BucketForm({ item, onSaved, onCancel }: { item?: Item; onSaved(): Promise<unknown>; onCancel?(): void }) {
  const { t } = useTranslation('atlas');
  const trpc = useTRPC();
  const names = useCountryNames();
  const [name, setName] = useState(item?.name ?? '');
  const [countryCode, setCountryCode] = useState(item?.countryCode ?? '');
  const [targetDate, setTargetDate] = useState(item?.targetDate ?? '');
  const [notes, setNotes] = useState(item?.notes ?? '');
  const [lat, setLat] = useState(item?.lat?.toString() ?? '');
  const [lng, setLng] = useState(item?.lng?.toString() ?? '');
  const reset = () => {
    setName('');
    setCountryCode('');
    setTargetDate('');
    setNotes('');
    setLat('');
    setLng('');
  };
  const coordinate = (value: string) => (value.trim() === '' ? null : Number(value.replace(',', '.')));
  const create = useMutation(trpc.atlas.createBucketListItem.mutationOptions({ onSuccess: () => onSaved().then(reset) }));
  const update = useMutation(trpc.atlas.updateBucketListItem.mutationOptions({ onSuccess: () => onSaved() }));
  const saving = create.isPending || update.isPending;
  const badCoordinate = [lat, lng].some((v) => v.trim() !== '' && !Number.isFinite(Number(v.replace(',', '.'))));
  const error = create.error ?? update.error;
  return (
    <form
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2"
      aria-label={item ? t('bucket.editNamed', { name: item.name }) : t('bucket.add')}
      onSubmit={(event) => {
        event.preventDefault();
        const point = { lat: coordinate(lat), lng: coordinate(lng) };
        // Without a country chosen, a place with coordinates gets its country from them on the server.
        const country = countryCode || (point.lat !== null && point.lng !== null ? undefined : null);
        const fields = { name, countryCode: country, targetDate: targetDate || null, notes, ...point };
        if (item) update.mutate({ itemId: item.id, ...fields });
        else create.mutate(fields);
      }}
    >
      <TextField label={t('bucket.name')} value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
      <SelectField label={t('bucket.country')} value={countryCode} onChange={(event) => setCountryCode(event.target.value)}>
        <option value="">{t('bucket.noCountry')}</option>
        {names.sorted.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <DateField label={t('bucket.targetDate')} value={targetDate} onChange={setTargetDate} />
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label={t('bucket.lat')}
          hint={t('bucket.coordinatesHint')}
          error={badCoordinate ? t('bucket.coordinatesInvalid') : null}
          inputMode="decimal"
          dir="ltr"
          value={lat}
          onChange={(event) => setLat(event.target.value)}
        />
        <TextField label={t('bucket.lng')} inputMode="decimal" dir="ltr" value={lng} onChange={(event) => setLng(event.target.value)} />
      </div>
      <TextAreaField label={t('bucket.notes')} value={notes} onChange={(event) => setNotes(event.target.value)} maxLength={1000} rows={2} />
      {error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2">
          {errorMessage(error, t)}
        </p>
      )}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" variant="primary" busy={saving} disabled={!name.trim() || badCoordinate}>
          {item ? t('bucket.save') : t('bucket.add')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('bucket.cancel')}</Button>}
      </div>
    </form>
  );
}
