// Reading numbers in English news text: digits with thousands separators and decimals (`4,000`, `2.5`,
// `12 000` with a no-break or thin space), number words (`five`, `twenty-five`, `two hundred and fifty`,
// `a dozen`, `half a million`) and multipliers (`1.5 million`, `2bn`, `5 lakh`).
//
// Everything here reads forward from a given offset with sticky regular expressions whose matches cannot
// fail once started, so scanning a text is linear in its length whatever it holds (long runs of digits and
// commas included). Nothing here throws.

/** Where a number may start: a digit, or a number word (`a` and `half` only before a multiplier word). */
export const NUMBER_CANDIDATE = new RegExp(
  '\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|' +
  'seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|' +
  'an?(?=[ \\u00a0]+(?:dozen|hundred|thousand|million|billion)\\b)|' +
  'half(?=[ \\u00a0]+an?[ \\u00a0]+(?:dozen|hundred|thousand|million|billion)\\b))\\b',
  'gi');

function isDigitCode(c: number): boolean { return c >= 48 && c <= 57; }
/**
 * `text.charCodeAt(i)`, or -1 past the end (instead of NaN): reading past the end where a text may stop
 * makes the optimizing compiler throw its code away the first time it happens, on real text.
 */
function unitAt(text: string, i: number): number { return i < text.length ? text.charCodeAt(i) : -1; }
const PLAIN = /^\d+(?:\.\d+)?$/;
const COMMA_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SPACE_GROUPED = /^\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/;
/** Longer digit runs are codes, identifiers or junk, never a figure. */
const MAX_DIGIT_RUN = 24;

export interface DigitsRead {
  /** End of the run of digits and separators (exclusive); the caller resumes scanning here. */
  end: number;
  /** The value, or undefined when the run is not a well-formed number (`1.2.3`, `12,34`, `0958`). */
  value?: number;
  /** A plain integer of four digits without separators (`2017`): possibly a year. */
  yearLike: boolean;
}

/** Reads the run of digits starting at `pos` (which must hold a digit). */
export function readDigits(text: string, pos: number): DigitsRead | undefined {
  // The run of digits with separators, read in place (what the sticky pattern
  // \d+(?:[.,]\d+|[\u00a0\u202f\u2009]\d{3}(?!\d))* matches): digits, then groups of `.` or `,` and digits,
  // or of a thin or no-break space and exactly three digits. It never fails once it has read a digit;
  // validity is checked after. Plain digits (most numbers) are valued without building a string.
  let end = pos;
  while (end < text.length && isDigitCode(text.charCodeAt(end))) end++;
  if (end === pos) return undefined;
  const plainEnd = end;
  for (;;) {
    const c = unitAt(text, end);
    if ((c === 46 || c === 44) && isDigitCode(unitAt(text, end + 1))) {
      end += 2;
      while (end < text.length && isDigitCode(text.charCodeAt(end))) end++;
    } else if ((c === 0xa0 || c === 0x202f || c === 0x2009) && isDigitCode(unitAt(text, end + 1)) &&
        isDigitCode(unitAt(text, end + 2)) && isDigitCode(unitAt(text, end + 3)) && !isDigitCode(unitAt(text, end + 4))) {
      end += 4;
    } else break;
  }
  const length = end - pos;
  if (length > MAX_DIGIT_RUN) return { end, yearLike: false };
  if (length > 1 && text.charCodeAt(pos) === 48 && unitAt(text, pos + 1) !== 46 && unitAt(text, pos + 1) !== 44) return { end, yearLike: false };
  if (plainEnd === end) {
    let value = 0;
    for (let k = pos; k < end; k++) value = value * 10 + (text.charCodeAt(k) - 48);
    return { end, value, yearLike: length === 4 };
  }
  const raw = text.slice(pos, end);
  let normalized: string;
  if (PLAIN.test(raw)) normalized = raw;
  else if (COMMA_GROUPED.test(raw)) normalized = raw.replace(/,/g, '');
  else if (SPACE_GROUPED.test(raw)) normalized = raw.replace(/[\u00a0\u202f\u2009]/g, '').replace(',', '.');
  else return { end, yearLike: false };
  const value = Number(normalized);
  if (!Number.isFinite(value)) return { end, yearLike: false };
  return { end, value, yearLike: /^\d{4}$/.test(raw) };
}

// ---------------------------------------------------------------------------------------------------------
// Number words.

type WordKind = 'unit' | 'teen' | 'tens' | 'hundred' | 'scale' | 'dozen' | 'a' | 'and';

const WORDS = new Map<string, [WordKind, number]>([
  ['one', ['unit', 1]], ['two', ['unit', 2]], ['three', ['unit', 3]], ['four', ['unit', 4]], ['five', ['unit', 5]],
  ['six', ['unit', 6]], ['seven', ['unit', 7]], ['eight', ['unit', 8]], ['nine', ['unit', 9]],
  ['ten', ['teen', 10]], ['eleven', ['teen', 11]], ['twelve', ['teen', 12]], ['thirteen', ['teen', 13]],
  ['fourteen', ['teen', 14]], ['fifteen', ['teen', 15]], ['sixteen', ['teen', 16]], ['seventeen', ['teen', 17]],
  ['eighteen', ['teen', 18]], ['nineteen', ['teen', 19]],
  ['twenty', ['tens', 20]], ['thirty', ['tens', 30]], ['forty', ['tens', 40]], ['fifty', ['tens', 50]],
  ['sixty', ['tens', 60]], ['seventy', ['tens', 70]], ['eighty', ['tens', 80]], ['ninety', ['tens', 90]],
  ['hundred', ['hundred', 100]],
  ['thousand', ['scale', 1e3]], ['million', ['scale', 1e6]], ['billion', ['scale', 1e9]],
  ['dozen', ['dozen', 12]],
  ['a', ['a', 1]], ['an', ['a', 1]], ['and', ['and', 0]],
]);

/** Which kinds of word may follow which. */
const NEXT: Record<WordKind | 'start', ReadonlySet<WordKind>> = {
  start: new Set<WordKind>(['unit', 'teen', 'tens', 'a']),
  a: new Set<WordKind>(['hundred', 'scale', 'dozen']),
  unit: new Set<WordKind>(['hundred', 'scale', 'dozen']),
  teen: new Set<WordKind>(['hundred', 'scale']),
  tens: new Set<WordKind>(['unit', 'scale']),
  hundred: new Set<WordKind>(['and', 'unit', 'teen', 'tens', 'scale']),
  scale: new Set<WordKind>(['and', 'unit', 'teen', 'tens']),
  and: new Set<WordKind>(['unit', 'teen', 'tens']),
  dozen: new Set<WordKind>(),
};

const WORD = /[A-Za-z]+/y;

export interface WordsRead { end: number; value: number }

/**
 * Reads a number written in words starting at `pos`: `five`, `twenty-five`, `twenty five`,
 * `two hundred and fifty`, `three thousand`, `a dozen`, `two dozen`, `half a million`.
 * Indefinite plurals (`dozens`, `hundreds of`) are not numbers. Undefined when there is none.
 */
export function readNumberWords(text: string, pos: number): WordsRead | undefined {
  // "half a million", "half a dozen"
  WORD.lastIndex = pos;
  const first = WORD.exec(text);
  if (!first) return undefined;
  if (first[0].toLowerCase() === 'half') {
    const rest = /[ \u00a0]+an?[ \u00a0]+(dozen|hundred|thousand|million|billion)\b/iy;
    rest.lastIndex = pos + first[0].length;
    const m = rest.exec(text);
    if (!m) return undefined;
    const [, v] = WORDS.get(m[1].toLowerCase())!;
    return { end: rest.lastIndex, value: v / 2 };
  }

  let total = 0, current = 0, last: WordKind | 'start' = 'start';
  let lastScale = Infinity;
  let end = -1;
  let i = pos;
  for (let guard = 0; guard < 16; guard++) {
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (!m) break;
    const entry = WORDS.get(m[0].toLowerCase());
    if (!entry) break;
    const [kind, v] = entry;
    if (!NEXT[last].has(kind)) break;
    const wordEnd = i + m[0].length;
    switch (kind) {
      case 'unit': case 'teen': case 'tens': current += v; break;
      case 'hundred': current = (current || 1) * 100; break;
      case 'scale':
        if (v >= lastScale) return end < 0 ? undefined : { end, value: total + current };
        total += (current || 1) * v; current = 0; lastScale = v; break;
      case 'dozen': current = (current || 1) * 12; break;
      case 'a': current = 0; break;
      case 'and': break;
    }
    last = kind;
    if (kind !== 'a' && kind !== 'and') end = wordEnd;
    // The next word: after one space (or a hyphen between tens and units: twenty-five).
    const sep = unitAt(text, wordEnd);
    if (sep === 32 || sep === 0xa0) i = wordEnd + 1;
    else if ((sep === 45 || sep === 0x2010 || sep === 0x2011) && kind === 'tens') i = wordEnd + 1;
    else break;
  }
  if (end < 0) return undefined;
  // A trailing "and" or "a" was not part of the number; `end` already stops before it.
  return { end, value: total + current };
}

// ---------------------------------------------------------------------------------------------------------
// Multipliers after digits.

const MULTIPLIER = /[ \u00a0]?(thousand|million|billion|trillion|mn|mln|bn|lakhs?|crores?)(?![\p{L}\p{N}_])/iuy;
/** (A map: a look-up by a key not met before does not make the optimizing compiler throw code away.) */
const FACTORS = new Map<string, number>(Object.entries({
  thousand: 1e3, million: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12,
  lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
}));

export interface MultiplierRead { end: number; factor: number }

/** A multiplier word right after a number (`1.5 million`, `2bn`, `3 lakh`), or undefined. */
export function readMultiplier(text: string, pos: number): MultiplierRead | undefined {
  // The words all start with th, tr, mi, mn, ml, bi, bn, la or cr (in either case; no other character
  // folds to these letters): a look at those two characters spares the pattern.
  let i = pos;
  if (unitAt(text, i) === 32 || unitAt(text, i) === 0xa0) i++;
  const c = unitAt(text, i) | 32, d = unitAt(text, i + 1) | 32;
  if (!(c === 116 ? d === 104 || d === 114 : c === 109 ? d === 105 || d === 110 || d === 108 :
    c === 98 ? d === 105 || d === 110 : c === 108 ? d === 97 : c === 99 && d === 114)) return undefined;
  MULTIPLIER.lastIndex = pos;
  const m = MULTIPLIER.exec(text);
  if (!m) return undefined;
  return { end: MULTIPLIER.lastIndex, factor: FACTORS.get(m[1].toLowerCase())! };
}

/** Multiplies without binary noise (1.2 × 1e6 = 1200000, not 1199999.9999999998). */
export function scale(value: number, factor: number): number {
  const x = value * factor;
  if (!Number.isFinite(x) || x === 0 || (Number.isInteger(x) && Math.abs(x) < 1e15)) return x;
  return Number(x.toPrecision(15));
}

// ---------------------------------------------------------------------------------------------------------

export interface NumberRead {
  start: number;
  end: number;
  value: number;
  /** Written in digits (as opposed to words). */
  digits: boolean;
  /** Carries a multiplier word (`1.5 million`, `two million`). */
  multiplied: boolean;
  /** A four-digit integer without separators or multiplier: possibly a year. */
  yearLike: boolean;
  /** The multiplier applied to the number as written (1 when none): `2 million` → 1e6. */
  factor: number;
}

/**
 * Reads a number at `pos` (digits with an optional multiplier, or words). Undefined when there is no
 * well-formed number there. `digits` is the `readDigits` result at `pos` when the caller has it already.
 */
export function readNumber(text: string, pos: number, digits?: DigitsRead): NumberRead | undefined {
  const c = unitAt(text, pos);
  if (c >= 48 && c <= 57) {
    const d = digits ?? readDigits(text, pos);
    if (!d || d.value === undefined) return undefined;
    const mult = readMultiplier(text, d.end);
    if (mult) {
      return { start: pos, end: mult.end, value: scale(d.value, mult.factor), digits: true, multiplied: true, yearLike: false, factor: mult.factor };
    }
    return { start: pos, end: d.end, value: d.value, digits: true, multiplied: false, yearLike: d.yearLike, factor: 1 };
  }
  const w = readNumberWords(text, pos);
  if (!w) return undefined;
  const lower = text.slice(pos, w.end).toLowerCase();
  const last = /(thousand|million|billion)$/.exec(lower);
  return {
    start: pos, end: w.end, value: w.value, digits: false,
    multiplied: /\b(?:thousand|million|billion|dozen)\b/.test(lower), yearLike: false,
    factor: last ? (last[1] === 'thousand' ? 1e3 : last[1] === 'million' ? 1e6 : 1e9) : 1,
  };
}

/** Parses a whole string as one number (`4,000`, `1.5 million`, `twenty-five`), or undefined. */
export function parseNumber(s: string): number | undefined {
  const t = s.trim();
  if (t.length === 0 || t.length > 200) return undefined;
  const r = readNumber(t, 0);
  return r && r.end === t.length ? r.value : undefined;
}
