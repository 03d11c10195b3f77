// Small UI helpers of the Journey pages: cover gradients and dates in the reader's language.
import { useTranslation } from 'react-i18next';
import type { CoverGradient } from './rules';

const COVERS: Record<CoverGradient, string> = {
  sunset: 'bg-gradient-to-br from-orange-300 via-rose-400 to-fuchsia-500',
  ocean: 'bg-gradient-to-br from-sky-300 via-cyan-500 to-blue-700',
  forest: 'bg-gradient-to-br from-lime-300 via-emerald-500 to-teal-700',
  dusk: 'bg-gradient-to-br from-indigo-300 via-violet-500 to-purple-800',
  sand: 'bg-gradient-to-br from-amber-100 via-amber-300 to-orange-400',
  berry: 'bg-gradient-to-br from-pink-300 via-rose-500 to-red-700',
};

export const coverClass = (gradient: string) => COVERS[gradient as CoverGradient] ?? COVERS.dusk;

/** "12 May 2027" (or the reader's form of it) for a YYYY-MM-DD date. */
export function useDayFormat(style: 'medium' | 'full' = 'medium') {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: style, timeZone: 'UTC' });
  return (date: string) => format.format(new Date(`${date}T00:00:00Z`));
}
