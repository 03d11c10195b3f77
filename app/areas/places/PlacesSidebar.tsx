// The trip's places: search, category filter, "not on any day yet" filter; each place can be added to a day,
// edited or deleted; "New place" opens the place form.
import { useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { PlaceFormDialog } from './PlaceFormDialog';
import { btn, ConfirmDialog, ErrorText, inputClass } from '~/components/planner/ui';
import { categoryName, type PlannerCategory, type PlannerDay, type PlannerPlace } from '~/components/planner/usePlanner';
import { Icon } from '~/components/planner/Icon';
import { PlaceAvatar } from './PlaceAvatar';

interface Props {
  tripId: number;
  places: PlannerPlace[] | undefined;
  loading: boolean;
  loadError: unknown;
  categories: PlannerCategory[];
  days: { day: PlannerDay; label: string }[];
  onChanged: () => void;
  /** Called once "Add to day" has put a place on a day. */
  onAssigned?: (dayId: number, placeName: string) => void;
  /** The category filter (null: all); the planner holds it, so the map shows the same places. */
  categoryFilter: number | null;
  onCategoryFilter: (categoryId: number | null) => void;
}

export function PlacesSidebar({ tripId, places, loading, loadError, categories, days, onChanged, onAssigned, categoryFilter, onCategoryFilter }: Props) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const [unassignedOnly, setUnassignedOnly] = useState(false);
  const [form, setForm] = useState<{ place?: PlannerPlace } | null>(null);
  const [toDelete, setToDelete] = useState<PlannerPlace | null>(null);
  const assign = useMutation(trpc.assignments.assignPlaceToDay.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(
    trpc.places.deletePlace.mutationOptions({
      onSuccess: () => {
        setToDelete(null);
        onChanged();
      },
    })
  );
  const byId = useMemo(() => new Map(categories.map((c) => [c.id, c])), [categories]);
  // Places that are on some day, from the plan (the places list only knows it after a refetch).
  const placed = useMemo(() => new Set(days.flatMap(({ day }) => day.assignments.map((a) => a.placeId))), [days]);

  const needle = search.trim().toLocaleLowerCase();
  const shown = (places ?? []).filter((p) => {
    if (categoryFilter !== null && p.categoryId !== categoryFilter) return false;
    if (unassignedOnly && placed.has(p.id)) return false;
    if (!needle) return true;
    return [p.name, p.address, p.description, p.notes].some((f) => f?.toLocaleLowerCase().includes(needle));
  });
  const filtered = !!needle || categoryFilter !== null || unassignedOnly;

  return (
    <section aria-labelledby="places-heading" className="flex flex-col rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-200 p-4">
        <div className="flex items-center justify-between gap-2">
          <h2 id="places-heading" className="text-base font-semibold text-slate-900">
            {t('places.heading')} <span className="text-sm font-normal text-slate-500">({places?.length ?? 0})</span>
          </h2>
          <button type="button" className={btn.primary} onClick={() => setForm({})}>
            <Icon name="plus" /> {t('places.new')}
          </button>
        </div>
        <div className="mt-3 space-y-2">
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('places.searchPlaceholder')}
            aria-label={t('places.search')}
            className={inputClass}
          />
          <div className="flex flex-wrap items-center gap-2">
            <select
              value={categoryFilter ?? ''}
              onChange={(e) => onCategoryFilter(e.target.value ? Number(e.target.value) : null)}
              aria-label={t('places.category')}
              className={`${inputClass} w-auto flex-1`}
            >
              <option value="">{t('places.allCategories')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {categoryName(c, t)}
                </option>
              ))}
            </select>
            <label className="flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={unassignedOnly}
                onChange={(e) => setUnassignedOnly(e.target.checked)}
                className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
              />
              {t('places.unassignedOnly')}
            </label>
          </div>
        </div>
      </div>
      {assign.error || loadError ? (
        <div className="px-4 pt-3">
          <ErrorText>{errorMessage(assign.error ?? loadError, t)}</ErrorText>
        </div>
      ) : null}
      <div className="p-2">
        {loading ? (
          <p className="p-3 text-sm text-slate-500" role="status">
            {t('places.loading')}
          </p>
        ) : shown.length === 0 ? (
          <p className="p-3 text-center text-sm text-slate-500">{filtered ? t('places.noMatch') : t('places.empty')}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t('places.listLabel')}>
            {shown.map((place) => {
              const category = place.categoryId ? byId.get(place.categoryId) : undefined;
              return (
                <li key={place.id} data-testid="place" className="flex items-start gap-2.5 px-2 py-2.5">
                  <PlaceAvatar tripId={tripId} place={place} category={category} />
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm font-medium text-slate-900" data-testid="place-name">
                      {place.name}
                    </p>
                    <p className="truncate text-xs text-slate-500">
                      {[category ? categoryName(category, t) : null, placed.has(place.id) ? t('places.planned') : t('places.notPlanned')]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                    <div className="mt-1.5 flex flex-wrap items-center gap-1">
                      <select
                        value=""
                        disabled={days.length === 0 || assign.isPending}
                        onChange={(e) => {
                          const dayId = Number(e.target.value);
                          if (dayId) assign.mutate({ tripId, placeId: place.id, dayId }, { onSuccess: () => onAssigned?.(dayId, place.name) });
                        }}
                        aria-label={t('places.addToDay', { name: place.name })}
                        className="h-7 max-w-[10rem] rounded-md border border-indigo-200 bg-indigo-50 px-1.5 text-xs font-medium text-indigo-800 focus:outline-none focus:ring-2 focus:ring-indigo-500"
                      >
                        <option value="">{t('places.addToDayShort')}</option>
                        {days.map((d) => (
                          <option key={d.day.id} value={d.day.id}>
                            {d.label}
                          </option>
                        ))}
                      </select>
                      <button
                        type="button"
                        className={`${btn.icon} h-7 w-7`}
                        onClick={() => setForm({ place })}
                        aria-label={t('places.edit', { name: place.name })}
                        title={t('places.edit', { name: place.name })}
                      >
                        <Icon name="pencil" />
                      </button>
                      <button
                        type="button"
                        className={`${btn.icon} h-7 w-7 hover:text-red-700`}
                        onClick={() => setToDelete(place)}
                        aria-label={t('places.delete', { name: place.name })}
                        title={t('places.delete', { name: place.name })}
                      >
                        <Icon name="trash" />
                      </button>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {form && (
        <PlaceFormDialog tripId={tripId} place={form.place} categories={categories} onClose={() => setForm(null)} onSaved={onChanged} />
      )}
      <ConfirmDialog
        open={!!toDelete}
        title={t('places.deleteTitle', { name: toDelete?.name ?? '' })}
        message={t('places.deleteMessage')}
        confirmLabel={t('action.delete')}
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onCancel={() => setToDelete(null)}
        onConfirm={() => toDelete && remove.mutate({ tripId, placeId: toDelete.id })}
      />
    </section>
  );
}
