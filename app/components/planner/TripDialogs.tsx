// The planner's trip-level dialogs, shared with the dashboard: members, and editing the trip's details.
import { MembersDialog } from '~/components/trips/MembersDialog';
import { TripFormDialog } from '~/components/trips/TripFormDialog';
import type { TripSummary } from './usePlanner';

interface Props {
  tripId: number;
  trip: TripSummary['trip'];
  open: 'members' | 'edit' | null;
  onClose: () => void;
  onChanged: () => void;
}

export function TripDialogs({ tripId, trip, open, onClose, onChanged }: Props) {
  return (
    <>
      <MembersDialog tripId={tripId} open={open === 'members'} onClose={onClose} onChanged={onChanged} />
      <TripFormDialog open={open === 'edit'} onClose={onClose} trip={trip} onSaved={onChanged} />
    </>
  );
}
