// The kinds of in-app notification. Each has its texts under notifications:types.<type> (label for the settings,
// text for the inbox) and a switch in the user's preferences. mention, poll_opened, poll_closed and assigned are sent
// by areas built alongside this one (chat, polls, lists); todo_due and
// check_in come from the reminders job (reminders.server.ts).
export const NOTIFICATION_TYPES = [
  'trip_added',
  'trip_removed',
  'reservation_status',
  'agent_activity',
  'mention',
  'poll_opened',
  'poll_closed',
  'assigned',
  'todo_due',
  'check_in',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** How long an agent's changes to one trip add up in one notification. */
export const AGENT_SUMMARY_MINUTES = 15;
