// Pure rules of to-dos: limits, priorities, and the order the tab shows (open first by due date, overdue marked).

export const NAME_MAX = 500;
export const DESCRIPTION_MAX = 2000;
export const CATEGORY_MAX = 100;
export const PRIORITIES = [0, 1, 2, 3] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Overdue: not done and due before today (dates are calendar dates, compared as YYYY-MM-DD). */
export const isOverdue = (todo: { checked: boolean; dueDate: string | null }, today: string) => !todo.checked && todo.dueDate !== null && todo.dueDate < today;

/**
 * The tab's "by due date" order: dated to-dos by date (earliest first), then undated ones; ties keep the list order
 * (position), so keyboard reordering still decides among to-dos due the same day.
 */
export function byDueDate<T extends { dueDate: string | null; position: number; id: number }>(a: T, b: T) {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return a.position - b.position || a.id - b.id;
}

/** Today as YYYY-MM-DD in the browser's (or server's) own time zone. */
export function localToday(now = new Date()) {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Moves one id one step up (-1) or down (+1) in an ordered list; unchanged at the ends. */
export function moveBy(ids: readonly number[], id: number, step: -1 | 1) {
  const i = ids.indexOf(id);
  const j = i + step;
  if (i < 0 || j < 0 || j >= ids.length) return [...ids];
  const next = [...ids];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** The fields of the edit dialog, as `updateTodo` takes them. */
export interface TodoFields {
  name: string;
  description: string | null;
  category: string | null;
  dueDate: string | null;
  assignedUserId: number | null;
  priority: number;
}

