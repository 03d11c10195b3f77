// The countries the Atlas lists (its selects, and the MCP completion of country codes): ISO 3166-1 without Antarctica,
// plus Kosovo's user-assigned XK.
import { iso31661 } from 'iso-3166/1.js';

export const LISTED_COUNTRY_CODES: readonly string[] = [...iso31661.map((c) => c.alpha2).filter((c) => c !== 'AQ'), 'XK'];
