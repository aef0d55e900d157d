// Whether a name stands in subject position and acts: `Russia brokered`, `Washington has declared`,
// `Moscow and Tehran backed`. Used by the actors refiner (a country or capital that acts gets its government
// as actor) and by the places refiner (an acting capital is the capital, and says little about where the
// story happens).
import type { Annotation } from '../types';

/** Verbs (and auxiliaries) after a subject that acts. */
const ACTS = new Set(('said says say denied denies deny has have had will would could should must may might can brokered brokers ' +
  'announced announces declared declares accused accuses warned warns rejected rejects condemned condemns agreed agrees signed signs ' +
  'launched launches sent sends deployed deploys struck strikes imposed imposes threatened threatens backed backs supported supports ' +
  'welcomed welcomes urged urges called calls demanded demands claimed claims insisted insists confirmed confirms responded responds ' +
  'retaliated retaliates vowed vows pledged pledges offered offers refused refuses recognized recognised recognizes recognises approved ' +
  'approves ordered orders expelled expels summoned summons sanctioned blamed blames invaded invades annexed attacked attacks bombed ' +
  'shelled fired seized captured recaptured withdrew withdraws negotiated mediated mediates hosted hosts asked asks told tells wants ' +
  'wanted sought seeks plans planned intends opposed opposes criticized criticised criticizes criticises praised hopes believes ' +
  'considers admitted acknowledged promised reiterated stressed maintained argued noted added dismissed denounced suspended resumed ' +
  'recalled closed reopened blocked halted allowed agreed accepted proposed unveiled issued released delivered supplied armed funded ' +
  'helped aided joined led leads began begins started starts stepped continued continues also reportedly').split(' '));

/** Whether a char code is JS white space (what `\s` matches). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** What `wordAfterKind` found after a name: another word (or none), a verb of ACTS, `and`. */
export const WORD_OTHER = 0, WORD_ACTS = 1, WORD_AND = 2;

// The words of ACTS and `and` in a small open-addressing table over their (lower-case ASCII) char codes, so
// that the word after a name is looked up without building a string.
const WORDS: string[] = [...ACTS, 'and'];
const WORD_TABLE = new Int32Array(4096); // word index + 1, 0: empty
function wordHash(h: number): number { h ^= h >>> 13; return Math.imul(h, 0x5bd1e995) ^ (h >>> 15); }
for (let w = 0; w < WORDS.length; w++) {
  let h = 0x811c9dc5;
  for (let i = 0; i < WORDS[w].length; i++) h = Math.imul(h ^ WORDS[w].charCodeAt(i), 0x01000193);
  let p = wordHash(h) & 4095;
  while (WORD_TABLE[p] !== 0) p = (p + 1) & 4095;
  WORD_TABLE[p] = w + 1;
}

/**
 * The first word after `end` (white space skipped, ASCII letters, within 40 characters), lower-cased: whether
 * it is one of ACTS, `and`, or anything else (or nothing).
 */
export function wordAfterKind(text: string, end: number): number {
  const limit = Math.min(text.length, end + 40);
  let i = end;
  while (i < limit && isSpace(text.charCodeAt(i))) i++;
  const s = i;
  let h = 0x811c9dc5;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
    h = Math.imul(h ^ (c | 32), 0x01000193);
  }
  const len = i - s;
  if (len === 0) return WORD_OTHER;
  let p = wordHash(h) & 4095;
  for (;;) {
    const v = WORD_TABLE[p];
    if (v === 0) return WORD_OTHER;
    const w = WORDS[v - 1];
    if (w.length === len) {
      let j = 0;
      while (j < len && w.charCodeAt(j) === (text.charCodeAt(s + j) | 32)) j++;
      if (j === len) return v === WORDS.length ? WORD_AND : WORD_ACTS;
    }
    p = (p + 1) & 4095;
  }
}

/**
 * A test over the annotations of one document: whether the one at position `i` acts. `isName` says which
 * neighbours may be coordinated subjects; the test is asked only about such names. The next name (for `and`)
 * is found by a binary search over the names' positions in (start, position) order, sorted once per test when
 * an `and` first asks, rather than with a map of every name to the next one, which every edit built anew.
 */
export function actingTest(text: string, annotations: readonly Annotation[], isName: (a: Annotation) => boolean): (a: Annotation, i: number) => boolean {
  let names: Int32Array | undefined;
  const nextName = (a: Annotation, i: number): Annotation | undefined => {
    if (!names) {
      const all = new Int32Array(annotations.length);
      let m = 0;
      for (let k = 0; k < annotations.length; k++) if (isName(annotations[k])) all[m++] = k;
      names = all.subarray(0, m).sort((x, y) => annotations[x].start - annotations[y].start || x - y);
    }
    // The first name after (start, i).
    const start = a.start;
    let lo = 0, hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1, p = names[mid], s = annotations[p].start;
      if (s < start || (s === start && p <= i)) lo = mid + 1; else hi = mid;
    }
    return lo < names.length ? annotations[names[lo]] : undefined;
  };
  return (a, i) => {
    const k = wordAfterKind(text, a.end);
    if (k === WORD_ACTS) return true;
    if (k === WORD_AND) {
      const b = nextName(a, i);
      if (b && b.start - a.end <= 6) return wordAfterKind(text, b.end) === WORD_ACTS;
    }
    return false;
  };
}
