import { describe, expect, it } from 'vitest';
import { isEmoji, mentionedUserIds, pollIsClosed, votesAfterPick } from './rules';

const people = [
  { id: 1, username: 'anna' },
  { id: 2, username: 'ben.k' },
  { id: 3, username: 'Carol' },
];

describe('mentionedUserIds', () => {
  it('finds members by username, case-insensitively, once each, never the author', () => {
    expect(mentionedUserIds('@ben.k and @CAROL, also @carol and @anna', people, 1)).toEqual([2, 3]);
  });
  it('ignores e-mail addresses, unknown names and a trailing full stop', () => {
    expect(mentionedUserIds('mail anna@x.org or @dora, ping @ben.k.', people, 3)).toEqual([2]);
  });
});

describe('isEmoji', () => {
  it('accepts single emoji with modifiers and joiners', () => {
    for (const e of ['👍', '👍🏽', '❤️', '👨‍👩‍👧', '🇵🇹']) expect(isEmoji(e), e).toBe(true);
  });
  it('refuses text and markup', () => {
    for (const e of ['ok', '<b>', '👍 ok', '', ':)']) expect(isEmoji(e), e).toBe(false);
  });
});

describe('votesAfterPick', () => {
  it('single choice: a pick replaces the vote, the same pick takes it back', () => {
    expect(votesAfterPick([1], 2, false)).toEqual([2]);
    expect(votesAfterPick([2], 2, false)).toEqual([]);
  });
  it('multiple choice: a pick toggles', () => {
    expect(votesAfterPick([3], 1, true)).toEqual([1, 3]);
    expect(votesAfterPick([1, 3], 3, true)).toEqual([1]);
  });
});

describe('pollIsClosed', () => {
  const now = new Date('2027-01-01T12:00:00Z');
  it('closed by hand or by a passed deadline', () => {
    expect(pollIsClosed({ closedAt: null, deadline: null }, now)).toBe(false);
    expect(pollIsClosed({ closedAt: null, deadline: new Date('2027-01-01T13:00:00Z') }, now)).toBe(false);
    expect(pollIsClosed({ closedAt: null, deadline: new Date('2027-01-01T12:00:00Z') }, now)).toBe(true);
    expect(pollIsClosed({ closedAt: now, deadline: null }, now)).toBe(true);
  });
});
