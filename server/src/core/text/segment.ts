// Splits a document into segments: sentences, headlines and paragraph lines. Segments are the unit of
// recognition and of caching, so their boundaries depend only on nearby text: an edit re-analyses the
// segment it touches, not the document.

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
  const n = text.length;
  let segStart = 0;

  const push = (end: number) => {
    let s = segStart, e = end;
    while (s < e && (isSpace(text.charCodeAt(s)) || isBreak(text.charCodeAt(s)))) s++;
    while (e > s && (isSpace(text.charCodeAt(e - 1)) || isBreak(text.charCodeAt(e - 1)))) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
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
    }
  };

  CANDIDATE.lastIndex = 0;
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
        CANDIDATE.lastIndex = k;
      }
    }
  }
  cutLong(n);
  push(n);
  return out;
}
