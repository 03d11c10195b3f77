// Day notes: the fixed set of icons a note can carry (the planner draws one symbol per icon).
export const DAY_NOTE_ICONS = ['note', 'food', 'transport', 'ticket', 'info', 'warning', 'camera', 'bed', 'shopping', 'walk'] as const;
export type DayNoteIcon = (typeof DAY_NOTE_ICONS)[number];

export const DAY_NOTE_TIME_MAX = 50;

/** "HH:MM" → minutes since midnight. */
export function minutesOfDay(time: string) {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** An end time must not be before its start time (both "HH:MM"; either may be missing). */
export function timesInOrder(start: string | null | undefined, end: string | null | undefined) {
  if (!start || !end) return true;
  return minutesOfDay(end) >= minutesOfDay(start);
}
