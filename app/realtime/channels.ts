// The realtime channel names, one helper for the server (publishing), the channel-auth route (parsing) and the
// browser (subscribing), so the three can never disagree.

export const tripChannel = (tripId: number) => `private-trip-${tripId}`;
export const presenceChannel = (tripId: number) => `presence-trip-${tripId}`;
export const userChannel = (userId: number) => `private-user-${userId}`;

export type ParsedChannel = { kind: 'trip' | 'presence'; tripId: number } | { kind: 'user'; userId: number };

/** What a channel name stands for, or null for a name Waymark never uses. */
export function parseChannel(name: string): ParsedChannel | null {
  const user = /^private-user-(\d{1,10})$/.exec(name);
  if (user) return { kind: 'user', userId: Number(user[1]) };
  const trip = /^(private|presence)-trip-(\d{1,10})$/.exec(name);
  if (trip) return { kind: trip[1] === 'private' ? 'trip' : 'presence', tripId: Number(trip[2]) };
  return null;
}
