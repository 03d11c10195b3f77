// One day of the plan: its label and editable title, its places in visiting order (a sortable list and a drop
// target), its notes, and deleting the day.
import { Fragment, useState, type FormEvent } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { AssignmentItem, type MoveActions } from '~/areas/assignments/AssignmentItem';
import { DayNotes } from '~/areas/day-notes/DayNotes';
import { DayBookingItem, useDayBookings } from '~/areas/reservations/DayBookings';
import { interleave } from '~/areas/reservations/day-plan';
import { btn, ConfirmDialog, inputClass } from '~/components/planner/ui';
import type { PlannerCategory, PlannerDay } from '~/components/planner/usePlanner';
import { Icon } from '~/components/planner/Icon';
import { DayWeather } from '~/areas/weather/DayWeather';
import { useDisplayFormat } from '~/utils/display';
import { dayDistances } from './day-distances';

interface Props {
  tripId: number;
  day: PlannerDay;
  label: string;
  allDays: { day: PlannerDay; label: string }[];
  categories: Map<number, PlannerCategory>;
  actions: MoveActions;
  /** A place from another day is being dragged over this one. */
  dropTarget?: boolean;
  onChanged: () => void;
}

export function DayColumn({ tripId, day, label, allDays, categories, actions, dropTarget = false, onChanged }: Props) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const { setNodeRef, isOver } = useDroppable({
    id: `d:${day.id}`,
    data: { type: 'day', dayId: day.id },
  });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useMutation(
    trpc.days.deleteDay.mutationOptions({
      onSuccess: () => {
        setConfirmDelete(false);
        onChanged();
      },
    })
  );
  const headingId = `day-${day.id}-heading`;
  // the day's bookings and transport legs, placed between the planned places by position or time
  const plan = interleave(day.assignments, useDayBookings(tripId, day.id, day.date));
  const { distance } = useDisplayFormat();
  const distances = dayDistances(day.assignments);
  const route = distances.routeMetres === null ? null : distance(distances.routeMetres);
  return (
    <section
      aria-labelledby={headingId}
      data-testid="day"
      data-day-id={day.id}
      className={`rounded-xl border bg-white/70 p-3 shadow-sm transition-shadow sm:p-4 ${
        dropTarget ? 'border-indigo-400 ring-2 ring-indigo-300' : 'border-slate-200'
      }`}
    >
      <header className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="text-xs font-semibold uppercase tracking-wide text-indigo-700">
            {label}
          </h2>
          <DayTitle tripId={tripId} day={day} label={label} onSaved={onChanged} />
          <DayWeather tripId={tripId} dayId={day.id} date={day.date} label={label} />
        </div>
        <span
          className="mt-1 inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600"
          title={t('day.placeCount', { count: day.assignments.length })}
        >
          <Icon name="pin" className="h-3.5 w-3.5" />
          <span aria-hidden>{day.assignments.length}</span>
          <span className="sr-only">{t('day.placeCount', { count: day.assignments.length })}</span>
        </span>
        {route && (
          <span
            className="mt-1 inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600"
            title={t('day.routeLength', { distance: route })}
            data-testid="day-route"
          >
            <Icon name="walk" className="h-3.5 w-3.5" />
            <span aria-hidden>{route}</span>
            <span className="sr-only">{t('day.routeLength', { distance: route })}</span>
          </span>
        )}
        <button
          type="button"
          className={`${btn.icon} hover:text-red-700`}
          onClick={() => setConfirmDelete(true)}
          aria-label={t('day.delete', { day: label })}
          title={t('day.delete', { day: label })}
        >
          <Icon name="trash" />
        </button>
      </header>

      <SortableContext id={`d:${day.id}`} items={day.assignments.map((a) => `a:${a.id}`)} strategy={verticalListSortingStrategy}>
        <ol
          ref={setNodeRef}
          aria-label={t('day.placesLabel', { day: label })}
          className={`mt-3 min-h-[3.5rem] space-y-2 rounded-lg transition-colors ${isOver ? 'bg-indigo-50 ring-2 ring-indigo-300' : ''}`}
        >
          {day.assignments.length === 0 && (
            <li className="flex h-14 items-center justify-center rounded-lg border-2 border-dashed border-slate-200 px-3 text-center text-xs text-slate-500">
              {t('day.empty')}
            </li>
          )}
          {plan.map((entry) =>
            entry.kind === 'booking' ? (
              <DayBookingItem key={`b${entry.item.id}`} entry={entry.item} />
            ) : (
              <Fragment key={entry.item.id}>
                <AssignmentItem
                  tripId={tripId}
                  assignment={entry.item}
                  index={entry.index}
                  count={day.assignments.length}
                  dayId={day.id}
                  days={allDays}
                  category={entry.item.place?.categoryId ? categories.get(entry.item.place.categoryId) : undefined}
                  actions={actions}
                  onSaved={onChanged}
                />
                <LegDistance
                  metres={distances.toNext.get(entry.item.id)}
                  to={day.assignments[entry.index + 1]?.place?.name}
                />
              </Fragment>
            ),
          )}
        </ol>
      </SortableContext>

      <DayNotes tripId={tripId} dayId={day.id} dayName={label} notes={day.notes} onChanged={onChanged} />

      <ConfirmDialog
        open={confirmDelete}
        title={t('day.deleteTitle', { day: label })}
        message={day.assignments.length + day.notes.length > 0 ? t('day.deleteMessageBusy') : t('day.deleteMessage')}
        confirmLabel={t('action.delete')}
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate({ tripId, dayId: day.id })}
      />
    </section>
  );
}

/** "↓ 1.2 km" between a place and the next one on the day; nothing when either has no coordinates. */
function LegDistance({ metres, to }: { metres: number | undefined; to: string | undefined }) {
  const { t } = useTranslation('planner');
  const { distance } = useDisplayFormat();
  if (metres === undefined) return null;
  const label = t('day.legDistance', { distance: distance(metres), name: to ?? t('place.unnamed') });
  return (
    <li className="ps-9 text-xs text-slate-500" title={label} data-testid="leg-distance">
      <span aria-hidden>↓ {distance(metres)}</span>
      <span className="sr-only">{label}</span>
    </li>
  );
}

/** The day's title: a button that turns into a text field; Enter saves, Esc cancels. */
function DayTitle({ tripId, day, label, onSaved }: { tripId: number; day: PlannerDay; label: string; onSaved: () => void }) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(day.title);
  const save = useMutation(
    trpc.days.updateDay.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        onSaved();
      },
    })
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    if (value.trim() === day.title) setEditing(false);
    else save.mutate({ tripId, dayId: day.id, title: value.trim() });
  }
  if (!editing) {
    return (
      <button
        type="button"
        onClick={() => {
          setValue(day.title);
          setEditing(true);
        }}
        aria-label={t('day.editTitle', { day: label })}
        className="group mt-0.5 flex max-w-full items-center gap-1.5 rounded text-start text-lg font-semibold text-slate-900 hover:text-indigo-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
      >
        <span className={`truncate ${day.title ? '' : 'font-normal italic text-slate-400'}`} data-testid="day-title">
          {day.title || t('day.untitled')}
        </span>
        <span aria-hidden className="text-sm text-slate-400 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100">
          ✎
        </span>
      </button>
    );
  }
  return (
    <form onSubmit={submit} className="mt-1 flex flex-wrap items-center gap-2">
      <input
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), setEditing(false))}
        maxLength={200}
        autoFocus
        aria-label={t('day.titleLabel', { day: label })}
        placeholder={t('day.titlePlaceholder')}
        className={`${inputClass} min-w-0 flex-1`}
      />
      <button type="submit" className={btn.primary} disabled={save.isPending}>
        {t('action.save')}
      </button>
      <button type="button" className={btn.ghost} onClick={() => setEditing(false)}>
        {t('action.cancel')}
      </button>
      {save.error && (
        <p role="alert" className="w-full text-xs text-red-700">
          {errorMessage(save.error, t)}
        </p>
      )}
    </form>
  );
}
