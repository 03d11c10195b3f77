// What happens to each trip a deleted account owns (decision 037): "Give to <member>" or "Delete the trip", no default.
// Shared by Settings → Delete account and Admin → Users → Delete.
import { useTranslation } from 'react-i18next';
import { SelectField } from '~/components/ui';

export type DeletionTrip = { id: number; title: string; members: { id: number; displayName: string }[] };
/** "transfer:<userId>" or "delete" per trip id; missing until chosen. */
export type TripChoiceMap = Record<number, string>;

export const allTripsChosen = (trips: DeletionTrip[], choices: TripChoiceMap) => trips.every((trip) => choices[trip.id]);

/** The choices as `tripChoicesSchema` input (every trip must have been chosen). */
export function tripChoicesInput(trips: DeletionTrip[], choices: TripChoiceMap) {
  return trips.map((trip) => {
    const choice = choices[trip.id]!;
    return choice === 'delete' ? { tripId: trip.id, action: 'delete' as const } : { tripId: trip.id, action: 'transfer' as const, newOwnerId: Number(choice.split(':')[1]) };
  });
}

export function TripChoiceFields({ trips, choices, onChange, idPrefix }: { trips: DeletionTrip[]; choices: TripChoiceMap; onChange(next: TripChoiceMap): void; idPrefix: string }) {
  const { t } = useTranslation('account');
  return (
    <>
      {trips.map((trip) => (
        <SelectField
          key={trip.id}
          id={`${idPrefix}-${trip.id}`}
          label={trip.title}
          required
          value={choices[trip.id] ?? ''}
          onChange={(event) => onChange({ ...choices, [trip.id]: event.target.value })}
          hint={trip.members.length === 0 ? t('delete.onlyDelete') : undefined}
        >
          <option value="">{t('delete.choose')}</option>
          {trip.members.map((m) => (
            <option key={m.id} value={`transfer:${m.id}`}>
              {t('delete.giveTo', { name: m.displayName })}
            </option>
          ))}
          <option value="delete">{t('delete.deleteTrip')}</option>
        </SelectField>
      ))}
    </>
  );
}
