// Copies a trip's data: every area's copy step, in the order of the area list, inside the caller's transaction.
import { areas } from '.';
import type { TripCopy } from './area';

export async function copyTripData(copy: TripCopy) {
  for (const area of areas) {
    if ('copy' in area && area.copy) await area.copy.run(copy);
  }
}
