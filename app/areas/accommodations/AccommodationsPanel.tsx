// Where the group sleeps: stays at one of the trip's places with check-in/check-out day and time and a booking
// confirmation; add, edit, delete.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Dialog, Field, TimeField } from '~/components/ui';
import { btn, ConfirmDialog, ErrorText, inputClass } from '~/components/planner/ui';
import type { PlannerAccommodation, PlannerDay, PlannerPlace } from '~/components/planner/usePlanner';
import { Icon } from '~/components/planner/Icon';

interface Props {
  tripId: number;
  accommodations: PlannerAccommodation[];
  places: PlannerPlace[];
  days: { day: PlannerDay; label: string }[];
  onChanged: () => void;
}

export function AccommodationsPanel({ tripId, accommodations, places, days, onChanged }: Props) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const [form, setForm] = useState<{ stay?: PlannerAccommodation } | null>(null);
  const [toDelete, setToDelete] = useState<PlannerAccommodation | null>(null);
  const remove = useMutation(
    trpc.accommodations.deleteAccommodation.mutationOptions({
      onSuccess: () => {
        setToDelete(null);
        onChanged();
      },
    })
  );
  const labelOf = (dayId: number) => days.find((d) => d.day.id === dayId)?.label ?? '?';
  const canAdd = places.length > 0 && days.length > 0;
  return (
    <section aria-labelledby="stays-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-center justify-between gap-2">
        <h2 id="stays-heading" className="text-base font-semibold text-slate-900">
          {t('stays.heading')}
        </h2>
        <button type="button" className={btn.secondary} onClick={() => setForm({})} disabled={!canAdd}>
          <Icon name="plus" /> {t('stays.add')}
        </button>
      </div>
      {accommodations.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{canAdd ? t('stays.empty') : t('stays.needPlaces')}</p>
      ) : (
        <ul className="mt-3 space-y-2">
          {accommodations.map((a) => (
            <li
              key={a.id}
              data-testid="accommodation"
              className="flex items-start gap-3 rounded-lg border border-slate-100 bg-slate-50 p-3"
            >
              <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-indigo-700">
                <Icon name="bed" />
              </span>
              <div className="min-w-0 flex-1 text-sm">
                <p className="truncate font-medium text-slate-900">{a.place?.name ?? places.find((p) => p.id === a.placeId)?.name}</p>
                <p className="text-xs text-slate-600">
                  {t('stays.range', {
                    checkIn: `${labelOf(a.checkInDayId)}${a.checkInTime ? ` ${a.checkInTime}` : ''}`,
                    checkOut: `${labelOf(a.checkOutDayId)}${a.checkOutTime ? ` ${a.checkOutTime}` : ''}`,
                  })}
                </p>
                {a.confirmation && (
                  <p className="text-xs text-slate-600">
                    {t('stays.confirmation')}: <span className="font-mono">{a.confirmation}</span>
                  </p>
                )}
              </div>
              <button
                type="button"
                className={`${btn.icon} h-7 w-7`}
                onClick={() => setForm({ stay: a })}
                aria-label={t('stays.edit')}
                title={t('stays.edit')}
              >
                <Icon name="pencil" />
              </button>
              <button
                type="button"
                className={`${btn.icon} h-7 w-7 hover:text-red-700`}
                onClick={() => setToDelete(a)}
                aria-label={t('stays.delete')}
                title={t('stays.delete')}
              >
                <Icon name="trash" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {form && <StayForm tripId={tripId} stay={form.stay} places={places} days={days} onClose={() => setForm(null)} onSaved={onChanged} />}
      <ConfirmDialog
        open={!!toDelete}
        title={t('stays.deleteTitle')}
        message={t('stays.deleteMessage')}
        confirmLabel={t('action.delete')}
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onCancel={() => setToDelete(null)}
        onConfirm={() => toDelete && remove.mutate({ tripId, accommodationId: toDelete.id })}
      />
    </section>
  );
}

function StayForm({
  tripId,
  stay,
  places,
  days,
  onClose,
  onSaved,
}: {
  tripId: number;
  stay?: PlannerAccommodation;
  places: PlannerPlace[];
  days: { day: PlannerDay; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('planner');
  const trpc = useTRPC();
  const [v, setV] = useState({
    placeId: String(stay?.placeId ?? places[0]?.id ?? ''),
    checkInDayId: String(stay?.checkInDayId ?? days[0]?.day.id ?? ''),
    checkOutDayId: String(stay?.checkOutDayId ?? days[Math.min(1, days.length - 1)]?.day.id ?? ''),
    checkInTime: stay?.checkInTime ?? '',
    checkOutTime: stay?.checkOutTime ?? '',
    confirmation: stay?.confirmation ?? '',
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [key]: e.target.value }));
  const done = () => {
    onSaved();
    onClose();
  };
  const create = useMutation(trpc.accommodations.createAccommodation.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.accommodations.updateAccommodation.mutationOptions({ onSuccess: done }));
  const error = create.error ?? update.error;
  function submit(e: FormEvent) {
    e.preventDefault();
    const fields = {
      placeId: Number(v.placeId),
      checkInDayId: Number(v.checkInDayId),
      checkOutDayId: Number(v.checkOutDayId),
      checkInTime: v.checkInTime || null,
      checkOutTime: v.checkOutTime || null,
      confirmation: v.confirmation.trim(),
    };
    if (stay) update.mutate({ tripId, accommodationId: stay.id, ...fields });
    else create.mutate({ tripId, ...fields });
  }
  const dayOptions = days.map((d) => (
    <option key={d.day.id} value={d.day.id}>
      {d.label}
    </option>
  ));
  return (
    <Dialog
      open
      onClose={onClose}
      title={stay ? t('stays.editTitle') : t('stays.newTitle')}
      footer={
        <>
          <button type="button" className={btn.secondary} onClick={onClose}>
            {t('action.cancel')}
          </button>
          <button type="submit" form="stay-form" className={btn.primary} disabled={create.isPending || update.isPending}>
            {t('action.save')}
          </button>
        </>
      }
    >
      <form id="stay-form" onSubmit={submit} className="grid grid-cols-2 gap-3">
        <Field label={t('stays.place')} className="col-span-2">
          {(ids) => (
            <select id={ids.id} aria-describedby={ids.describedBy} value={v.placeId} onChange={set('placeId')} required className={inputClass}>
              {places.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('stays.checkInDay')}>
          {(ids) => (
            <select id={ids.id} aria-describedby={ids.describedBy} value={v.checkInDayId} onChange={set('checkInDayId')} required className={inputClass}>
              {dayOptions}
            </select>
          )}
        </Field>
        <TimeField label={t('stays.checkInTime')} value={v.checkInTime} onChange={(value) => set('checkInTime')({ target: { value } })} />
        <Field label={t('stays.checkOutDay')}>
          {(ids) => (
            <select id={ids.id} aria-describedby={ids.describedBy} value={v.checkOutDayId} onChange={set('checkOutDayId')} required className={inputClass}>
              {dayOptions}
            </select>
          )}
        </Field>
        <TimeField label={t('stays.checkOutTime')} value={v.checkOutTime} onChange={(value) => set('checkOutTime')({ target: { value } })} />
        <Field label={t('stays.confirmation')} className="col-span-2">
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} value={v.confirmation} onChange={set('confirmation')} maxLength={200} className={inputClass} />
          )}
        </Field>
        <div className="col-span-2">
          <ErrorText>{error ? errorMessage(error, t) : null}</ErrorText>
        </div>
      </form>
    </Dialog>
  );
}
