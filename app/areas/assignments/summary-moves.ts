// Instant changes to the cached trip summary when places are moved, so drag and drop and the move buttons show the
// result at once (the refetch afterwards confirms it). They are the realtime handlers the assignments area declares
// (app/areas/assignments/events.ts) for the event the server will send, so a move looks the same however it arrives.
import { applyToSummary, INVALIDATE, type SummaryData } from '~/realtime/events-to-cache';

/** The summary after `event`, or the same summary when the event cannot be applied in place. */
function apply(summary: SummaryData, event: string, data: Record<string, unknown>): SummaryData {
  const next = applyToSummary(summary, event, data);
  return next === INVALIDATE || next === undefined ? summary : next;
}

/** Puts an assignment at `position` (0-based, clamped) on `toDayId`, renumbering the days it left and joined. */
export const moveInSummary = (summary: SummaryData, assignmentId: number, toDayId: number, position: number) =>
  apply(summary, 'assignment.moved', { assignment: { id: assignmentId, dayId: toDayId, position } });

/** Sets a day's order to `ids` (every assignment of the day once); anything else leaves the summary as it was. */
export const reorderInSummary = (summary: SummaryData, dayId: number, ids: number[]) =>
  apply(summary, 'assignment.reordered', { dayId, assignmentIds: ids });

/** Takes an assignment off its day and renumbers the rest. */
export const removeFromSummary = (summary: SummaryData, assignmentId: number) => apply(summary, 'assignment.deleted', { assignmentId });
