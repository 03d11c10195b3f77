// Pure rules of the collab area: limits, note colours, @mentions, emoji, poll votes. No I/O.
import { badRequest } from '~/domain/errors';

export const COLLAB_LIMITS = {
  noteTitle: 200,
  noteContent: 10_000,
  category: 100,
  question: 300,
  optionLabel: 200,
  minOptions: 2,
  maxOptions: 20,
  message: 5000,
  /** messages per page of the chat history */
  page: 50,
  emoji: 16,
} as const;

export const DEFAULT_NOTE_COLOR = '#6366f1';
export const DEFAULT_NOTE_CATEGORY = 'General';
/** The colours the UI offers; any #RRGGBB is accepted. */
export const NOTE_COLORS = ['#6366f1', '#0ea5e9', '#10b981', '#f59e0b', '#ef4444', '#ec4899', '#64748b'] as const;
/** Their names, for screen readers (collab:notes.colors.<name>). */
export const NOTE_COLOR_NAMES = ['indigo', 'blue', 'green', 'amber', 'red', 'pink', 'grey'] as const;

export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** The typing indicator shows someone as typing for this long after their last keystroke signal. */
export const TYPING_MS = 6000;

/**
 * The members @mentioned in a message: "@username" (letters, digits, ".", "_", "-"), matched case-insensitively
 * against the usernames of the trip's people; each person once, in order of first mention; the author never.
 */
export function mentionedUserIds(text: string, people: { id: number; username: string }[], authorId: number): number[] {
  const byName = new Map(people.map((p) => [p.username.toLowerCase(), p.id]));
  const found: number[] = [];
  for (const match of text.matchAll(/(^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}_.-]{1,64})/gu)) {
    const name = match[2].replace(/[.-]+$/, '').toLowerCase();
    const id = byName.get(name);
    if (id !== undefined && id !== authorId && !found.includes(id)) found.push(id);
  }
  return found;
}

const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3)*$/u;

/** A reaction is one emoji (with its modifiers and joiners), nothing else. */
export function isEmoji(value: string) {
  return value.length <= COLLAB_LIMITS.emoji && EMOJI.test(value);
}

/** Poll options: trimmed, none empty, no two alike (case-insensitive). */
export function checkPollOptions(options: string[]) {
  const seen = new Set<string>();
  options.forEach((label, i) => {
    const key = label.trim().toLowerCase();
    if (seen.has(key)) throw badRequest('errors.collabPollDuplicateOption', `options.${i}: "${label}" is listed twice`, { option: label });
    seen.add(key);
  });
}

/**
 * A person's votes after they pick an option: in a single-choice poll the pick replaces their vote (picking their
 * current option again takes it back); in a multiple-choice poll the pick is toggled.
 */
export function votesAfterPick(current: number[], picked: number, multiple: boolean): number[] {
  if (current.includes(picked)) return current.filter((o) => o !== picked);
  return multiple ? [...current, picked].sort((a, b) => a - b) : [picked];
}

/** A poll is closed once someone closed it or its deadline has passed. */
export function pollIsClosed(poll: { closedAt: Date | null; deadline: Date | null }, now: Date) {
  return poll.closedAt !== null || (poll.deadline !== null && poll.deadline.getTime() <= now.getTime());
}
