import { createRequire } from 'node:module';
import { countryOutlines, type CountryOutline } from './world-countries';

// Read on first use (a journey book's map page), not at start-up (decision 036): about 15 ms and 1 MB, kept after.
let outlines: CountryOutline[] | undefined;

/** The world's countries, for drawing on the server (the browser loads the same file as a chunk of its own). */
export function worldCountryOutlines(): CountryOutline[] {
  return (outlines ??= countryOutlines(createRequire(import.meta.url)('world-atlas/countries-110m.json')));
}
