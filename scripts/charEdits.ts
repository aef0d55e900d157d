// The edits `npm run bench` makes to its 200 KB document, shared with scripts/profile-edits.ts so that both replay
// the same sequence: one character typed (even steps) or deleted (odd steps) at a random place.

export type CharEdit = { offset: number; insert: string; remove: 0 | 1 };

const TYPED = 'abcdefghij 0123456789.,';

/**
 * Edit number `i` of the sequence drawn from `r`, or undefined when the place drawn for a deletion is part of a line
 * break or a surrogate pair (then the caller draws again for the same step).
 */
export function charEdit(text: string, i: number, r: () => number): CharEdit | undefined {
  const offset = Math.floor(r() * text.length);
  if (i % 2 === 0 || text.length === 0) return { offset, insert: TYPED[Math.floor(r() * TYPED.length)], remove: 0 };
  const c = text.charCodeAt(offset);
  if (c === 10 || c === 13 || (c >= 0xd800 && c <= 0xdfff)) return undefined;
  return { offset, insert: '', remove: 1 };
}

export function applyCharEdit(text: string, e: CharEdit): string {
  return text.slice(0, e.offset) + e.insert + text.slice(e.offset + e.remove);
}
