// Browser side of real time (placeholder until the realtime work lands).
// useTripRealtime subscribes to private-trip-<id> and presence-trip-<id> and keeps the react-query cache current.

export function useTripRealtime(_tripId: number) {
  return { connected: false };
}

/** Avatars of the other people who have this trip open. */
export function PresenceAvatars(_props: { tripId: number }) {
  return null;
}

/** Short unobtrusive notices for changes made by others ("Sam added Louvre to day 2"). */
export function RealtimeNotices() {
  return null;
}
