// The planner's trip-level dialogs, shared with the dashboard: members, and editing the trip's details.
import { MembersDialog } from '~/areas/members/MembersDialog';
import { TripFormDialog } from '~/areas/trips/TripFormDialog';
import type { TripSummary } from './usePlanner';

interface Props {
  tripId: number;
  trip: TripSummary['trip'];
  open: 'members' | 'edit' | null;
  onClose: () => void;
}

/** Both dialogs refresh the trip's cached queries themselves after a change. */
export function TripDialogs({ tripId, trip, open, onClose }: Props) {
  return (
    <>
      <MembersDialog tripId={tripId} open={open === 'members'} onClose={onClose} />
      <TripFormDialog open={open === 'edit'} onClose={onClose} trip={trip} />
    </>
  );
}
