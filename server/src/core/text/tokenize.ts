// A tokenizer for running news text with exact UTF-16 offsets (end exclusive), shared by recognizers.
//
// - Words keep internal hyphens, apostrophes followed by a letter and `&` between capitals:
//   `al-Tanf`, `ez-Zor`, `O'Brien`, `AT&T`, `US-led`.
// - Clitics are split the Penn Treebank way: `Syria's` -> `Syria` `'s` (also `’s`), `don't` -> `do` `n't`,
//   `they're` -> `they` `'re`; a trailing possessive apostrophe (`Workers'`) is its own token.
// - Acronyms and initials keep their periods (`U.S.`, `U.N.`, `a.m.`, `J.`), and so do the common title and
//   company abbreviations (`Mr.`, `Gen.`, `Corp.`, `Jan.`).
// - Numbers keep their separators: `90,000`, `2.5`, `10:30`, `1/2`, `1996-08-22`, `3-1`; currencies keep
//   their country letters: `US$`, `C$`.
// - Every other character is a token of its own (quotes, brackets, dashes – — -), except runs of the same
//   `.` `-` `=` `*` `_` (`...`, `--`). Surrogate pairs (emoji) stay whole; white space, control characters
//   and NUL separate tokens and are never part of one.
//
// `tokenSpans` fills typed arrays and allocates nothing per token (for recognizers); `tokenize` returns objects.

export interface Token {
  start: number;
  end: number;
  text: string;
}

// Bits of `TokenSpans.bits`: what kinds of characters a token has.
const TB_INITUPPER = 1, TB_UPPER = 2, TB_LOWER = 4, TB_DIGIT = 8, TB_UNCASED = 16, TB_SYMBOL = 32;
export { TB_INITUPPER, TB_UPPER, TB_LOWER, TB_DIGIT, TB_UNCASED, TB_SYMBOL };

/** Token boundaries in typed arrays: token k is `text.slice(starts[k], ends[k])`, with character-kind bits. */
export class TokenSpans {
  starts: Int32Array;
  ends: Int32Array;
  /** TB_* bits of each token. */
  bits: Uint8Array;
  count = 0;
  constructor(capacity = 256) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.bits = new Uint8Array(capacity);
  }
  push(start: number, end: number, bits = 0): void {
    if (this.count === this.starts.length) this.reserve(this.count * 2);
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.bits[this.count] = bits;
    this.count++;
  }
  /** Makes room for `capacity` tokens, keeping the first `count`. */
  reserve(capacity: number): void {
    if (capacity <= this.starts.length) return;
    capacity = Math.max(capacity, 1);
    const s = new Int32Array(capacity); s.set(this.starts.subarray(0, this.count)); this.starts = s;
    const e = new Int32Array(capacity); e.set(this.ends.subarray(0, this.count)); this.ends = e;
    const b = new Uint8Array(capacity); b.set(this.bits.subarray(0, this.count)); this.bits = b;
  }
}

// Character classes.
const SPACE = 0, LOWER = 1, UPPER = 2, DIGIT = 3, LETTER = 4, MARK = 5, PUNCT = 6;
export { SPACE, LOWER, UPPER, DIGIT, LETTER, MARK, PUNCT };

const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII[c] = c <= 32 || c === 127 ? SPACE
    : c >= 97 && c <= 122 ? LOWER
    : c >= 65 && c <= 90 ? UPPER
    : c >= 48 && c <= 57 ? DIGIT
    : PUNCT;
}
/** Classes of the BMP beyond ASCII, filled on first sight (255 = not yet known). */
const BMP = new Uint8Array(65536).fill(255);
const RE_UPPER = /[\p{Lu}\p{Lt}]/u, RE_LOWER = /\p{Ll}/u, RE_LETTER = /\p{L}/u, RE_MARK = /\p{M}/u, RE_DIGIT = /\p{Nd}/u;
const RE_SPACE = /[\s\p{Cc}\p{Cf}]/u;

function classifyString(s: string): number {
  if (RE_UPPER.test(s)) return UPPER;
  if (RE_LOWER.test(s)) return LOWER;
  if (RE_LETTER.test(s)) return LETTER;
  if (RE_MARK.test(s)) return MARK;
  if (RE_DIGIT.test(s)) return DIGIT;
  // Format characters (zero-width space, BOM, bidi marks) separate like white space, except the joiners
  // that hold emoji sequences and Arabic/Indic letters together.
  if (RE_SPACE.test(s)) return s === '\u200d' || s === '\u200c' ? MARK : SPACE;
  return PUNCT;
}

/** The class of the UTF-16 code unit `c` (a lone surrogate half counts as PUNCT). */
export function charClass(c: number): number {
  if (c < 128) return ASCII[c];
  let k = BMP[c];
  if (k === 255) {
    k = c >= 0xd800 && c <= 0xdfff ? PUNCT : classifyString(String.fromCharCode(c));
    BMP[c] = k;
  }
  return k;
}

/** Class of the code point at `i` (astral letters are letters) and its length in code units. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const k = classifyString(text.slice(i, i + 2));
      return k === SPACE ? PUNCT : k;
    }
  }
  return charClass(c);
}

/** TB_* bit of each class. */
const CLASS_BIT = [0, 4, 2, 8, 16, 0, 32];
/** TB_* bit of each ASCII letter and digit, 0 for every other ASCII character. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const k = ASCII[c];
  ASCII_WORD[c] = k === LOWER || k === UPPER || k === DIGIT ? CLASS_BIT[k] : 0;
}
/**
 * ASCII characters after a run of letters and digits that end the word for certain: 1 = always (white space,
 * most punctuation), 2 = unless the word is all digits (`,` `:` `/` join numbers), 0 = ask scanWord (`-` `.`
 * `'` `&` `$`, letters, digits).
 */
const ASCII_SIMPLE_END = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_SIMPLE_END[c] = ASCII[c] === SPACE ? 1 : ASCII[c] !== PUNCT ? 0
    : c === 45 || c === 46 || c === 39 || c === 38 || c === 36 ? 0 : c === 44 || c === 58 || c === 47 ? 2 : 1;
}
/** Bits of the word scanWord just read. */
let scanBits = 0;

function isWordClass(k: number): boolean { return k >= LOWER && k <= MARK; }
function isAlnumAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordClass(charClass(text.charCodeAt(i)));
}
function isLetterAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const k = charClass(text.charCodeAt(i));
  return k === LOWER || k === UPPER || k === LETTER;
}
function isDigitAt(text: string, i: number): boolean {
  const c = unitAt(text, i);
  return c >= 48 && c <= 57;
}
/**
 * `text.charCodeAt(i)`, or -1 past the end (instead of NaN): reading past the end of a segment makes the
 * optimizing compiler throw its code away the first time it happens, on real text.
 */
function unitAt(text: string, i: number): number { return i < text.length ? text.charCodeAt(i) : -1; }
function isApostrophe(c: number): boolean { return c === 39 || c === 0x2019; }
function isHyphen(c: number): boolean { return c === 45 || c === 0x2010 || c === 0x2011; }

/** Abbreviations that keep their period (lower case). Single letters are handled as initials. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'mt', 'ft', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl',
  'pvt', 'adm', 'cmdr', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'jr', 'sr', 'messrs', 'mme', 'mlle',
  'inc', 'corp', 'co', 'ltd', 'plc', 'bros', 'dept', 'univ', 'assn', 'vs', 'etc', 'approx', 'est', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);
const MAX_ABBREVIATION = 6;
/** The abbreviations as numbers: their letters a-z as 1-26 in base 32 (six letters fit in 30 bits). */
const ABBREVIATION_KEYS = new Set([...ABBREVIATIONS].map(w => {
  let key = 0;
  for (let i = 0; i < w.length; i++) key = key * 32 + (w.charCodeAt(i) - 96);
  return key;
}));

/** Whether `text[start, end)` (at most MAX_ABBREVIATION long), lower-cased, is one of ABBREVIATIONS. */
function isAbbreviation(text: string, start: number, end: number): boolean {
  let key = 0;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c < 97 || c > 122) {
      // Other ASCII characters lower-case to themselves, which no abbreviation holds. Beyond ASCII only the
      // Kelvin sign lower-cases to an ASCII letter (`k`; every other code point to something beyond ASCII,
      // checked over all of Unicode), so this is what toLowerCase would give, without building a string.
      if (c !== 0x212a) return false;
      c = 107;
    }
    key = key * 32 + (c - 96);
  }
  return ABBREVIATION_KEYS.has(key);
}

/** A clitic at `i` (which holds an apostrophe): its length, or 0. */
function cliticAt(text: string, i: number): number {
  const a = unitAt(text, i + 1) | 0x20, b = unitAt(text, i + 2) | 0x20;
  let len = 0;
  if (a === 115 /* s */ || a === 100 /* d */ || a === 109 /* m */) len = 2;
  else if ((a === 114 /* r */ || a === 118 /* v */) && b === 101 /* e */) len = 3;
  else if (a === 108 /* l */ && b === 108) len = 3;
  if (len === 0 || isAlnumAt(text, i + len)) return 0;
  return len;
}

/** Whether `text[i]` starts `n't` ending a word (`don't`, `CAN'T`). */
function isNegationAt(text: string, i: number): boolean {
  return (text.charCodeAt(i) | 0x20) === 110 && isApostrophe(unitAt(text, i + 1)) &&
    (unitAt(text, i + 2) | 0x20) === 116 && !isAlnumAt(text, i + 3);
}

/**
 * Scans the word starting at `start` (a letter, digit or mark) and returns its end.
 */
function scanWord(text: string, start: number, limit: number): number {
  let i = start;
  let allDigits = true;      // digits and number separators only so far
  let singleLetters = true;  // `U`, `U.S`: letters alone separated by periods
  let runLen = 0;            // length of the current alphanumeric run
  let bits = 0;
  scanBits = 0;
  for (;;) {
    // An alphanumeric run.
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        // ASCII: letters and digits only (white space and punctuation end the run).
        const b = ASCII_WORD[c];
        if (b === 0) break;
        if (b !== TB_DIGIT) {
          allDigits = false;
          // `don't`: stop before `n't`.
          if ((c === 110 || c === 78) && i > start && isNegationAt(text, i)) { scanBits = bits; return i; }
        }
        bits |= b;
        i++;
        runLen++;
        continue;
      }
      let k: number;
      let w = 1;
      if (c >= 0xd800 && c <= 0xdbff) { k = classAt(text, i); w = 2; } else k = charClass(c);
      if (k === SPACE || k === PUNCT) break;
      if (k !== DIGIT) allDigits = false;
      bits |= CLASS_BIT[k];
      i += w;
      runLen++;
    }
    scanBits = bits;
    if (runLen > 1) singleLetters = false;
    if (i >= limit) return i;
    const c = text.charCodeAt(i);
    const prevAlnum = runLen > 0;
    if (isHyphen(c) && prevAlnum && isAlnumAt(text, i + 1)) {
      i++; runLen = 0; singleLetters = false; continue;
    }
    if (c === 46 /* . */) {
      if (allDigits && prevAlnum && isDigitAt(text, i + 1)) { i++; runLen = 0; continue; }         // 2.5
      if (singleLetters && prevAlnum && !allDigits) {
        // U.S.  a.m.  J.  — a letter then a period, possibly followed by more single letters.
        if (isLetterAt(text, i + 1) && !isAlnumAt(text, i + 2) && unitAt(text, i + 2) === 46) {
          i++; runLen = 0; continue;
        }
        const prev = text.charCodeAt(i - 1);
        if (i - start > 1 || charClass(prev) === UPPER) {
          if (i - start > 1 && isHyphen(unitAt(text, i + 1)) && isLetterAt(text, i + 2)) {
            i += 2; runLen = 0; singleLetters = false; continue;                              // U.S.-led
          }
          return i + 1;                                                                        // U.S.  J.
        }
        return i;
      }
      if (i - start <= MAX_ABBREVIATION && !allDigits && isAbbreviation(text, start, i)) {
        return i + 1;
      }
      return i;
    }
    if ((c === 44 /* , */ || c === 58 /* : */ || c === 47 /* / */) && allDigits && prevAlnum &&
        isDigitAt(text, i + 1)) {
      i++; runLen = 0; continue;                                                               // 90,000  10:30
    }
    if (isApostrophe(c) && prevAlnum) {
      if (cliticAt(text, i) > 0) return i;                                                     // Syria|'s
      if (isLetterAt(text, i + 1)) { i++; runLen = 0; singleLetters = false; allDigits = false; continue; } // O'Brien
      return i;
    }
    if (c === 38 /* & */ && prevAlnum && charClass(text.charCodeAt(i - 1)) === UPPER &&
        i + 1 < text.length && charClass(text.charCodeAt(i + 1)) === UPPER) {
      i++; runLen = 0; singleLetters = false; allDigits = false; continue;                    // AT&T
    }
    if (c === 36 /* $ */ && i - start <= 3 && /^[A-Z]+$/.test(text.slice(start, i))) return i + 1;   // US$  C$
    return i;
  }
}

/**
 * The code units of `text` in a reused array, then a 0 (which every test here treats like charCodeAt's NaN
 * past the end): reading them is several times faster than charCodeAt on the sliced strings segments are.
 */
let unitBytes = Buffer.alloc(8192);
let unitArray = new Uint16Array(unitBytes.buffer, unitBytes.byteOffset, unitBytes.length >> 1);
/** Texts longer than this (whole documents rather than segments) get an array of their own, not kept. */
const MAX_KEPT_UNITS = 1 << 16;
function codeUnits(text: string): Uint16Array {
  let bytes = unitBytes, units = unitArray;
  if (units.length < text.length + 1) {
    bytes = Buffer.alloc(2 * (text.length + 1));
    units = new Uint16Array(bytes.buffer, bytes.byteOffset, text.length + 1);
    if (text.length < MAX_KEPT_UNITS) { unitBytes = bytes; unitArray = units; }
  }
  bytes.write(text, 0, 'utf16le');
  units[text.length] = 0;
  return units;
}

/** Tokens a reused TokenSpans makes room for at its first use: more than the longest segment (text/segment.ts). */
const REUSED_CAPACITY = 8192;

/** Appends the tokens of `text[from, to)` to `out` (cleared first) and returns it. */
export function tokenSpans(text: string, out?: TokenSpans, from = 0, to = text.length): TokenSpans {
  let count = 0;
  // Room for a token per character up front (up to 64K), and in a reused buffer at once for any segment
  // (they are at most 8,000 characters): the arrays do not grow inside the loop, nor later in `reserve`
  // (a growth met first on a long segment of real text makes the optimizing compiler throw the code away).
  const room = Math.min(to - from + 1, 1 << 16);
  if (out === undefined) out = new TokenSpans(room);
  else out.reserve(room > REUSED_CAPACITY ? room : REUSED_CAPACITY);
  out.count = 0;
  let starts = out.starts, ends = out.ends, tbits = out.bits;
  const units = codeUnits(text);
  let i = from;
  while (i < to) {
    const c = units[i];
    // ASCII and other characters share the code wherever they are handled alike: a non-ASCII space or
    // letter, met first on real text, then runs operations the optimizing compiler has seen already
    // (code it has not seen makes it throw the function's code away).
    const k = c < 128 ? ASCII[c] : classAt(text, i);
    if (k === SPACE) { i++; continue; }
    let end: number;
    let bits = TB_SYMBOL;
    if (k !== PUNCT) {
      if (c < 128) {
        // The common case inline: a run of ASCII letters and digits ended by white space or by punctuation
        // that cannot continue a word; anything else is left to scanWord.
        // (An apostrophe ends the run and leaves the word to scanWord, so `don't` needs no test here.)
        let j = i + 1, b = ASCII_WORD[c], t = -1;
        while (j < to) {
          const d = units[j];
          const db = d < 128 ? ASCII_WORD[d] : 0;
          if (db === 0) { t = d; break; }
          b |= db;
          j++;
        }
        // At `to` short of the text's end, what follows may still matter (`n't`): scanWord decides.
        const endKind = t < 0 ? (to === text.length ? 1 : 0) : t < 128 && ASCII_WORD[t] === 0 ? ASCII_SIMPLE_END[t] : 0;
        if (endKind === 1 || (endKind === 2 && b !== TB_DIGIT)) {
          if (count === starts.length) {
            out.count = count;
            out.reserve(count * 2);
            starts = out.starts; ends = out.ends; tbits = out.bits;
          }
          starts[count] = i;
          ends[count] = j;
          tbits[count] = b | (k === UPPER ? TB_INITUPPER : 0);
          count++;
          // A white-space character after the word is skipped here rather than by the loop.
          i = t >= 0 && ASCII[t] === SPACE ? j + 1 : j;
          continue;
        }
      }
      end = scanWord(text, i, to);
      if (end === i) end = i + 1; // never stall
      bits = scanBits | (k === UPPER ? TB_INITUPPER : 0);
    } else if (isApostrophe(c) && i > from && isAlnumAt(text, i - 1) && cliticAt(text, i) > 0) {
      end = i + cliticAt(text, i);                                                             // 's  're
      bits = 0;
      for (let j = i + 1; j < end; j++) bits |= CLASS_BIT[charClass(text.charCodeAt(j))];
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      end = d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
    } else if (c === 46 || c === 45 || c === 61 || c === 42 || c === 95) {                     // . - = * _
      end = i + 1;
      while (end < to && text.charCodeAt(end) === c) end++;
    } else {
      end = i + 1;
    }
    // Combining marks after a symbol (emoji variation selectors, joiners) stay with it.
    if (end < to) {
      let d = text.charCodeAt(end);
      while (d === 0xfe0f || d === 0x200d) { end++; if (end >= to) break; d = text.charCodeAt(end); }
    }
    if (end > to) end = to;
    if (count === starts.length) {
      out.count = count;
      out.reserve(count * 2);
      starts = out.starts; ends = out.ends; tbits = out.bits;
    }
    starts[count] = i;
    ends[count] = end;
    tbits[count] = bits;
    count++;
    i = end;
  }
  out.count = count;
  return out;
}

/** The tokens of `text` as objects. */
export function tokenize(text: string): Token[] {
  const spans = tokenSpans(text);
  const tokens: Token[] = new Array(spans.count);
  for (let k = 0; k < spans.count; k++) {
    const s = spans.starts[k], e = spans.ends[k];
    tokens[k] = { start: s, end: e, text: text.slice(s, e) };
  }
  return tokens;
}
