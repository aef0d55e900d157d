// Splits a document into segments: sentences, headlines and paragraph lines. Segments are the unit of
// recognition and of caching, so their boundaries depend only on nearby text: an edit re-analyses the
// segment it touches, not the document.

import { detached } from './detached';

export interface Segment {
  /** UTF-16 offset of the first character in the document. */
  start: number;
  /** UTF-16 offset just after the last character (end exclusive). */
  end: number;
  text: string;
}

/** Words after which a period does not end a sentence. Lower-case keys. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt',
  'cpl', 'pvt', 'adm', 'cmdr', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'insp', 'supt',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'no', 'nos', 'vs', 'etc', 'inc', 'corp', 'co', 'ltd', 'bros', 'dept', 'est', 'approx', 'fig', 'vol',
  'e.g', 'i.e', 'al', 'ca', 'cf', 'op', 'art', 'sec', 'gov\'t',
]);

/** Longest run of text without a boundary; a longer one is cut at white space (binary junk, one-line files). */
export const MAX_SEGMENT = 4000;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0x200b || c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a);
}
function isBreak(c: number): boolean { return c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85; }

const LOWER_OR_DIGIT = /[\p{Ll}\p{Nd}]/u;
const CLOSERS = '"\'”’»)]';

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 39;
  return WORD_CHAR.test(text[i]);
}
const WORD_CHAR = /[\p{L}.']/u;

function abbreviationBefore(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && dot - i <= 12 && isWordChar(text, i)) i--;
  const word = text.slice(i + 1, dot);
  if (word.length === 0) return false;
  if (word.length === 1) { const c = word.charCodeAt(0); if ((c >= 65 && c <= 90) || /\p{Lu}/u.test(word)) return true; } // initials: J. Smith
  if (word.includes('.')) return true;                                 // U.S.  a.m.  e.g.
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Whether the character at i is a lower-case letter or a digit (a sentence does not start there). */
function lowerOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return LOWER_OR_DIGIT.test(text[i]);
}

/** The characters where a segment may end: sentence punctuation and line breaks. */
const CANDIDATE = /[.!?\n\r\u0085\u2028\u2029]/g;
const SPACE_AT = /[ \t\f\v\u00a0\u200b\u3000\u2000-\u200a]/g;

export function segment(text: string): Segment[] {
  const out: Segment[] = [];
  scan(text, 0, out, [], undefined);
  return out;
}

/**
 * A segmentation that a later one can start from: the text, its segments, and per segment whether the scan
 * began it in the state a scan started at its `start` is in (after a sentence or line boundary, not after a
 * cut of an overlong stretch): there the scan can resume and there it can join the previous run's.
 */
export interface Segmentation {
  readonly text: string;
  readonly segments: readonly Segment[];
  readonly resumable: readonly number[];
}

/** A segmentation made from the previous one, and which of its segments are the previous one's. */
export interface Resegmentation extends Segmentation {
  /** Segments [0, kept) are the previous segmentation's own objects, at the same index. */
  readonly kept: number;
  /**
   * Segments [moved, length) are the previous segmentation's [moved - indexDelta, ...), with the same text, moved
   * by the text's change of length; the previous segments [kept, moved - indexDelta) are gone.
   */
  readonly moved: number;
  readonly indexDelta: number;
}

export function segmentation(text: string): Resegmentation {
  const segments: Segment[] = [], resumable: number[] = [];
  scan(text, 0, segments, resumable, undefined);
  return { text, segments, resumable, kept: 0, moved: segments.length, indexDelta: 0 };
}

/**
 * Segments `text` as `segment` does, from the previous text's segmentation: the segments before the edit
 * (the text both share at the start) are kept, the text is scanned from the last point before the edit where
 * a scan can resume, and the scan stops at the first boundary after the edit where the previous scan was in
 * the same state (the same text from there on, moved): the previous segments from there on are moved.
 * The boundary decisions read the text from the segment's start (less one blank) onwards, and up to the start of
 * the next segment: that is what makes the result the same as a full segmentation's.
 */
export function resegment(prev: Segmentation, text: string): Resegmentation {
  const old = prev.text, oldSegs = prev.segments, oldRes = prev.resumable;
  if (old === text) return { text, segments: oldSegs, resumable: oldRes, kept: oldSegs.length, moved: oldSegs.length, indexDelta: 0 };
  const p = commonPrefix(old, text);
  const s = commonSuffix(old, text, p);
  const delta = text.length - old.length;
  const editEnd = text.length - s; // text from here on is the old text's from editEnd - delta on
  // The last segment that starts before the first changed character and where a scan can resume.
  let lo = 0, hi = oldSegs.length; // first segment starting at or after p
  while (lo < hi) { const mid = (lo + hi) >> 1; if (oldSegs[mid].start < p) lo = mid + 1; else hi = mid; }
  let j = lo - 1;
  while (j > 0 && oldRes[j] !== 1) j--;
  if (j < 0) j = 0;
  const from = j === 0 ? 0 : oldSegs[j].start;
  const segments = oldSegs.slice(0, j), resumable = oldRes.slice(0, j);
  let at = j;
  const stop = (k: number): boolean => {
    if (k < editEnd) return false;
    const ok = k - delta;
    while (at < oldSegs.length && oldSegs[at].start < ok) at++;
    return at < oldSegs.length && oldSegs[at].start === ok && oldRes[at] === 1;
  };
  const first = segments.length;
  const stopped = scan(text, from, segments, resumable, stop);
  // Scanned segments outlive this text (kept by later runs): copies, so that they do not each hold a whole
  // version of the document (a slice of a string holds its parent).
  for (let i = first; i < segments.length; i++) segments[i].text = detached(segments[i].text);
  const moved = segments.length;
  if (stopped) {
    for (let i = at; i < oldSegs.length; i++) {
      const o = oldSegs[i];
      segments.push({ start: o.start + delta, end: o.end + delta, text: o.text });
      resumable.push(oldRes[i]);
    }
  }
  // Not stopped: none of the previous segments from the resumption on is in the new segmentation.
  return { text, segments, resumable, kept: j, moved, indexDelta: moved - (stopped ? at : oldSegs.length) };
}

/** Length of the longest common start of a and b. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Compared a block at a time first (a string comparison is a memory comparison), then by character.
  for (let step = 4096; step >= 16; step >>= 4) {
    while (i + step <= n && a.substring(i, i + step) === b.substring(i, i + step)) i += step;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common end of a and b that does not reach into their common start of length p. */
function commonSuffix(a: string, b: string, p: number): number {
  const n = Math.min(a.length, b.length) - p;
  const la = a.length, lb = b.length;
  let i = 0;
  for (let step = 4096; step >= 16; step >>= 4) {
    while (i + step <= n && a.substring(la - i - step, la - i) === b.substring(lb - i - step, lb - i)) i += step;
  }
  while (i < n && a.charCodeAt(la - 1 - i) === b.charCodeAt(lb - 1 - i)) i++;
  return i;
}

/**
 * The segmenter: scans `text` from `from` (a start of text or of a resumable segment) and appends the
 * segments to `out` and whether each is resumable to `resumable`. `stop`, when given, is asked at every
 * boundary after which the scan could resume (with the start of the next segment) whether to stop there;
 * returns whether it stopped.
 */
function scan(text: string, from: number, out: Segment[], resumable: number[], stop: ((k: number) => boolean) | undefined): boolean {
  const n = text.length;
  let segStart = from;
  /** Whether segStart is where the scan resumed or a boundary put it (not a cut). */
  let clean = true;

  const push = (end: number) => {
    let s = segStart, e = end;
    while (s < e && (isSpace(text.charCodeAt(s)) || isBreak(text.charCodeAt(s)))) s++;
    while (e > s && (isSpace(text.charCodeAt(e - 1)) || isBreak(text.charCodeAt(e - 1)))) e--;
    if (e > s) {
      out.push({ start: s, end: e, text: text.slice(s, e) });
      resumable.push(clean && s === segStart ? 1 : 0);
    }
  };

  /** Cuts overlong stretches before `limit` (binary junk, one-line files): at white space, else anywhere. */
  const cutLong = (limit: number) => {
    while (limit - segStart > MAX_SEGMENT * 2) {
      SPACE_AT.lastIndex = segStart + MAX_SEGMENT;
      const m = SPACE_AT.exec(text);
      let cut = m && m.index < segStart + MAX_SEGMENT * 2 ? m.index : segStart + MAX_SEGMENT * 2;
      const c = text.charCodeAt(cut);
      if (c >= 0xdc00 && c <= 0xdfff) cut++; // never inside a surrogate pair
      push(cut);
      segStart = cut;
      clean = false;
    }
  };

  CANDIDATE.lastIndex = from;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const i = m.index;
    cutLong(i);
    const c = text.charCodeAt(i);
    if (isBreak(c)) {
      // A run of line breaks and blanks: a blank line always ends a segment; a single break ends one
      // unless the next line continues the sentence (starts lower-case or with a digit).
      let k = i, breaks = 0;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === 13 && text.charCodeAt(k + 1) === 10) { breaks++; k += 2; continue; }
        if (isBreak(d)) { breaks++; k++; continue; }
        if (isSpace(d)) { k++; continue; }
        break;
      }
      if (breaks >= 2 || k >= n || !lowerOrDigit(text, k)) {
        push(i);
        segStart = k;
        clean = true;
        if (stop && k < n && stop(k)) return true;
      }
      CANDIDATE.lastIndex = Math.max(k, i + 1);
      continue;
    }
    // Sentence punctuation, then closing quotes or brackets, then white space, then not lower case.
    let j = i + 1;
    while (j < n && CLOSERS.includes(text[j])) j++;
    if (j < n && isSpace(text.charCodeAt(j))) {
      let k = j;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (k < n && !isBreak(text.charCodeAt(k)) && !lowerOrDigit(text, k) &&
          !(c === 46 && abbreviationBefore(text, i))) {
        push(j);
        segStart = k;
        clean = true;
        CANDIDATE.lastIndex = k;
        if (stop && stop(k)) return true;
      }
    }
  }
  cutLong(n);
  push(n);
  return false;
}
