// A rule-based recognizer of English temporal expressions with TimeML (TIMEX3) extents.
//
// The text of one segment is split into tokens; at every token that can start a temporal expression the
// parser tries its rules and keeps the longest match. A match carries the TIMEX3 type, a normal form that
// needs no reference date (see normal.ts), and the TIMEX3 modifier. Extents follow the TimeML guidelines
// and the TimeBank/AQUAINT practice: determiners and modifiers are inside (`the past three years`,
// `early May`, `more than four decades ago`, `nearly two years`), prepositions are outside (`in`, `on`,
// `over`, `since`), and so are `about`/`around`/`some` before a duration (they set APPROX).
//
// Speed (it runs on every sentence with a trigger word): the tokens are parallel typed arrays reused from
// segment to segment (no object per token; a word outside the lexicon is sliced only if a rule reads it);
// the parse visits only the candidate tokens (words with lexicon flags, numbers, apostrophes); at a number
// and at `the` each rule is tried only when the next token can continue it; `core` results are kept per
// token for the parse loop's second visit after a qualifier (`around 300 people`).

import { isValidDate } from './calendar';
import {
  CAL_UNITS, DECADE_WORDS, DurUnit, MONTH_ABBREVIATIONS, MONTHS, ONES, ORDINAL_SUFFIX, ORDINALS, PARTS_OF_DAY,
  SEASONS, SET_ADVERBS, TENS, TIME_ZONES, UNITS, VAGUE, WEEKDAY_ABBREVIATIONS, WEEKDAYS,
} from './lexicon';
import { PARTIAL_FIELDS, sameShape } from './normal';
import type { ClockTime, PartOfDay, PartialNF, RelativeNF, TimexNF, TimexType, Unit } from './normal';

export interface Hit {
  /** Token range, end exclusive. */
  i: number;
  j: number;
  type: TimexType;
  nf: TimexNF;
  mod?: string;
  approx?: boolean;
}

/**
 * The one shape of the hits that leave the rules (the parse loop, the tense hints and the recognizer read
 * them): the rules build hits as literals of several shapes, and a shape first seen in new text made the
 * optimized code of these readers start over ("wrong map").
 */
class ShapedHit implements Hit {
  constructor(public i: number, public j: number, public type: TimexType, public nf: TimexNF, public mod: string | undefined,
    public approx: boolean | undefined) {}
}
function shaped(h: Hit): Hit { return new ShapedHit(h.i, h.j, h.type, h.nf, h.mod, h.approx); }

const LETTER = /\p{L}/u;

function isLetter(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(text.slice(i, i + 2));
  return LETTER.test(text[i]);
}
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff || c === 0x1680;
}
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The lower-case code of an ASCII letter, 0 for any other ASCII character. */
const LOWER_OF: Uint8Array = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? c | 32 : 0));

/** Shared one-character strings of frequent punctuation beyond ASCII, by code (each a literal). */
const WIDE_CHARS: Map<number, string> = new Map(['’', '‘', '“', '”', '–', '—', '…', '«', '»', '£', '€', '•', '·', '°', '²', '′', '″', '„']
  .map(ch => [ch.charCodeAt(0), ch]));

/** Classes of ASCII characters for the tokenizer (C_WIDE: beyond ASCII). */
const C_SPACE = 0, C_LETTER = 1, C_DIGIT = 2, C_OTHER = 3, C_WIDE = 4;
const CHAR_CLASS: Uint8Array = Uint8Array.from({ length: 128 }, (_, c) =>
  c === 32 || (c >= 9 && c <= 13) ? C_SPACE : LOWER_OF[c] !== 0 ? C_LETTER : c >= 48 && c <= 57 ? C_DIGIT : C_OTHER);

/** One-character strings of ASCII punctuation, shared by all tokens. */
const ASCII_CHARS: string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

// Bits of a token's kind byte: the kind (0 word, 1 number, 2 other) in the low bits, then:
/** White space (or the start of the text) before it. */
const K_GAP = 4;
/** Starts with an upper-case letter. */
const K_CAP = 8;
/** A word starting in lower case, of more than four letters, ending in `ed` (a past tense, for the tense of a clause). */
const K_ED = 16;
const KIND = 3;

/**
 * The tokens of one segment, in parallel arrays (no object per token): numbers (`1,000`, `10:30`,
 * `09.06.2017`), runs of letters, and single other characters (a surrogate pair stays one). `W[k]` is the
 * token's lower-case text and `TT[k]` its text as written, or '' while no rule has asked: an ASCII word is
 * looked up in the lexicon by a hash of its lower-case letters, a word of the lexicon gets the lexicon's
 * string, and any other word is sliced from the text only if a rule reads it (most words never are).
 *
 * One instance, reused by every segment: a parser's tokens are valid until the next segment is tokenized.
 */
class Tokens {
  text = '';
  n = 0;
  S = new Int32Array(256);
  E = new Int32Array(256);
  K = new Uint8Array(256);
  C = new Int32Array(256);
  W: string[] = [];
  TT: string[] = [];
  /** The tokens that may start an expression (a word with flags, a number, an apostrophe), in order. */
  cand = new Int32Array(64);
  nCand = 0;
  /** `core` results by token, valid where memoStamp[k] === stamp (one stamp per segment). */
  memoStamp = new Int32Array(256);
  memoHit: (Hit | undefined)[] = [];
  stamp = 0;

  private grow(): void {
    const cap = this.S.length * 2;
    const s = new Int32Array(cap); s.set(this.S); this.S = s;
    const e = new Int32Array(cap); e.set(this.E); this.E = e;
    const k = new Uint8Array(cap); k.set(this.K); this.K = k;
    const c = new Int32Array(cap); c.set(this.C); this.C = c;
    const m = new Int32Array(cap); m.set(this.memoStamp); this.memoStamp = m;
  }

  private push(s: number, e: number, k: number, c: number, w: string, t: string): void {
    const n = this.n;
    if (n === this.S.length) this.grow();
    this.S[n] = s; this.E[n] = e; this.K[n] = k; this.C[n] = c;
    this.W[n] = w; this.TT[n] = t;
    this.n = n + 1;
    // (`w === '\''` only for other characters: words beyond ASCII are strings of another kind, which the
    // optimized code of this comparison would not expect)
    if (c !== 0 || (k & KIND) === 1 || ((k & KIND) === 2 && w === '\'')) this.addCand(n);
  }

  /**
   * Splits `text` (a hand-written scanner: it runs on every sentence with a trigger, often before the
   * optimizing compiler has seen such text, so the common path is kept short: one table look-up per
   * character, the hash of an ASCII word in the same loop, and the token stored inline).
   */
  fill(text: string): void {
    this.text = text;
    this.n = 0;
    this.nCand = 0;
    this.stamp = (this.stamp + 1) | 0;
    const n = text.length;
    let prevEnd = 0;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cls = c < 128 ? CHAR_CLASS[c] : C_WIDE;
      if (cls === C_SPACE) { i++; continue; }
      const s = i;
      const gap = s > prevEnd || s === 0 ? K_GAP : 0;
      if (cls === C_LETTER) {
        let h = c | 32;
        i++;
        let d = 0;
        while (i < n) {
          d = text.charCodeAt(i);
          if (d >= 128) break;
          const l = LOWER_OF[d];
          if (l === 0) break;
          h = (h * 31 + l) | 0; // = (Math.imul(h, 31) + l) | 0: |h * 31| < 2^36 is exact
          i++;
        }
        if (i < n && d >= 128 && isLetter(d, text, i)) {
          // a letter beyond ASCII inside the word: the rest of the word, then sliced
          i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
          while (i < n) {
            d = text.charCodeAt(i);
            if (d < 128) { if (LOWER_OF[d] === 0) break; i++; }
            else if (isLetter(d, text, i)) i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
            else break;
          }
          this.pushOther(s, i, 0, gap);
          prevEnd = i;
          continue;
        }
        const cap = c <= 90 ? K_CAP : 0;
        // (a capitalised word is a name, not a verb: `the United States`)
        const ed = cap === 0 && i - s > 4 && (text.charCodeAt(i - 1) | 32) === 100 && (text.charCodeAt(i - 2) | 32) === 101 ? K_ED : 0;
        let p = h & LEX_MASK, e = 0, same = 0;
        for (;;) {
          e = LEX_ENTRY[p];
          if (e === 0 || (LEX_HASH[p] === h && (same = sameWordCase(text, s, i, LEX_WORDS[e - 1])) !== 0)) break;
          p = (p + 1) & LEX_MASK;
        }
        const k = this.n;
        if (k === this.S.length) this.grow();
        this.S[k] = s; this.E[k] = i; this.K[k] = gap | cap | ed;
        if (e !== 0) {
          const w = LEX_WORDS[e - 1], f = LEX_FLAGS[e - 1];
          this.C[k] = f; this.W[k] = w; this.TT[k] = same === 1 ? w : '';
          if (f !== 0) this.addCand(k);
        } else {
          this.C[k] = 0; this.W[k] = ''; this.TT[k] = '';
        }
        this.n = k + 1;
      } else if (cls === C_DIGIT) {
        i++;
        for (;;) {
          while (i < n && isDigit(text.charCodeAt(i))) i++;
          if (i + 1 >= n) break;
          const d = text.charCodeAt(i);
          if ((d === 46 || d === 44 || d === 58) && isDigit(text.charCodeAt(i + 1))) { i++; continue; }
          break;
        }
        const t = text.slice(s, i);
        this.push(s, i, 1 | gap, FLAGS.get(t) ?? 0, t, t);
      } else if (cls === C_OTHER) {
        i++;
        this.push(s, i, 2 | gap, ASCII_FLAGS[c], ASCII_CHARS[c], ASCII_CHARS[c]);
      } else if (isSpace(c)) { i++; continue; }
      else if (isLetter(c, text, i)) {
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d < 128 ? !((d >= 97 && d <= 122) || (d >= 65 && d <= 90)) : !isLetter(d, text, i)) break;
          i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        }
        this.pushOther(s, i, 0, gap);
      } else {
        i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
        this.pushOther(s, i, 2, gap);
      }
      prevEnd = i;
    }
  }

  private addCand(k: number): void {
    if (this.nCand === this.cand.length) { const a = new Int32Array(this.cand.length * 2); a.set(this.cand); this.cand = a; }
    this.cand[this.nCand++] = k;
  }

  /** A word with letters beyond ASCII, or a character beyond ASCII: sliced and looked up at once. */
  private pushOther(s: number, e: number, kind: number, gap: number): void {
    if (kind === 2) {
      // the frequent ones (curly quotes, dashes) as shared strings, like ASCII punctuation
      const t = (e - s === 1 ? WIDE_CHARS.get(this.text.charCodeAt(s)) : undefined) ?? this.text.slice(s, e);
      this.push(s, e, kind | gap, FLAGS.get(t) ?? 0, t, t);
      return;
    }
    const t = this.text.slice(s, e);
    const lower = t.toLowerCase();
    const cap = t[0] !== lower[0] ? K_CAP : 0;
    this.push(s, e, kind | gap | cap | (cap === 0 && endsWithEd(lower) ? K_ED : 0), FLAGS.get(lower) ?? 0, lower, t);
  }

  /** The text of token k as written. */
  t(k: number): string {
    const t = this.TT[k];
    return t !== '' ? t : (this.TT[k] = this.text.slice(this.S[k], this.E[k]));
  }

  /** The lower-case text of token k. */
  w(k: number): string {
    const w = this.W[k];
    return w !== '' ? w : (this.W[k] = this.t(k).toLowerCase());
  }
}

const TOKENS = new Tokens();

/** A token, for tests and tools: its offsets, texts, kind (0 word, 1 number, 2 other) and flags. */
export interface Token { s: number; e: number; w: string; t: string; k: number; gap: boolean; cap: boolean; c: number }

/** The tokens of a text as objects (for tests and tools; the parser reads the arrays). */
export function tokenize(text: string): Token[] {
  TOKENS.fill(text);
  const out: Token[] = [];
  for (let k = 0; k < TOKENS.n; k++) {
    const b = TOKENS.K[k];
    out.push({ s: TOKENS.S[k], e: TOKENS.E[k], w: TOKENS.w(k), t: TOKENS.t(k), k: b & KIND, gap: (b & K_GAP) !== 0, cap: (b & K_CAP) !== 0, c: TOKENS.C[k] });
  }
  return out;
}

/** Whether the ASCII letters text[s, e) are `w` (lower case) ignoring case: 0 when the letters differ, 1 when text[s, e) is `w` as written, 2 when it has capitals. */
function sameWordCase(text: string, s: number, e: number, w: string): number {
  if (e - s !== w.length) return 0;
  let r = 1;
  for (let k = 0; k < w.length; k++) {
    const c = text.charCodeAt(s + k), l = w.charCodeAt(k);
    if (c !== l) { if ((c | 32) !== l) return 0; r = 2; }
  }
  return r;
}

function wordHash(w: string): number {
  let h = w.charCodeAt(0);
  for (let k = 1; k < w.length; k++) h = (Math.imul(h, 31) + w.charCodeAt(k)) | 0;
  return h;
}

// Words that can begin an expression (besides numbers, months, weekdays, seasons, units).
const STARTERS = new Set([
  'the', 'this', 'that', 'these', 'last', 'next', 'past', 'coming', 'previous', 'following', 'preceding', 'upcoming',
  'recent', 'latest', 'current', 'same', 'today', 'yesterday', 'tomorrow', 'tonight', 'now', 'currently', 'recently',
  'lately', 'nowadays', 'early', 'late', 'mid', 'earlier', 'later', 'end', 'beginning', 'start', 'middle', 'more',
  'less', 'at', 'up', 'no', 'nearly', 'almost', 'over', 'about', 'around', 'approximately', 'roughly', 'some', 'circa',
  'every', 'each', 'once', 'twice', 'thrice', 'a', 'an', 'half', 'several', 'few', 'many', 'couple', 'fiscal', 'its',
  'their', 'year', 'noon', 'midnight', 'midday', 'christmas', 'easter', 'thanksgiving',
  'halloween', 'new', 'q', 'another', 'first', 'second', 'final', 'dozens', 'hundreds', 'thousands', 'election',
  'decades', 'centuries', 'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'under', 'valentine',
]);

/** Words of `the past three years`, `the following day`. */
const DURATION_RELS = new Set(['past', 'last', 'next', 'coming', 'first', 'final', 'recent', 'remaining',
  'upcoming', 'previous', 'following', 'preceding', 'latest', 'initial', 'ensuing', 'subsequent']);
const REL_KNOWN = new Set([...DURATION_RELS, 'this', 'thispast', 'thiscoming', 'that', 'same', 'current', 'these']);

/** Words that, capitalised inside a sentence, make a name or a title (`This Week`, `60 Minutes`, `USA Today`). */
const TITLE_WORDS = new Set(['second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks',
  'weekend', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'today', 'tonight', 'tomorrow',
  'yesterday', 'now', 'noon', 'midnight', 'morning', 'night', 'evening', 'afternoon']);

const ALL_STARTERS = new Set([...STARTERS, ...WEEKDAYS.keys(), ...SEASONS.keys(), ...UNITS.keys(), ...PARTS_OF_DAY.keys(),
  ...ONES.keys(), ...TENS.keys(), ...ORDINALS.keys(), ...SET_ADVERBS.keys(), ...DECADE_WORDS.keys()]);

/** Words that may follow `the`/`its`/`their` in some rule (`the past`, `the third quarter`, `the 1990s`). */
const AFTER_THE = new Set([...REL_KNOWN, ...ORDINALS.keys(), ...ONES.keys(), ...TENS.keys(), ...UNITS.keys(),
  ...CAL_UNITS.keys(), ...SEASONS.keys(), ...DECADE_WORDS.keys(), ...VAGUE, 'future', 'near', 'distant', 'foreseeable',
  'immediate', 'short', 'long', 'medium', 'fiscal', 'end', 'beginning', 'start', 'middle', 'close', 'latter', 'full',
  'whole', 'entire', 'comparable', '\'', '’', 'year', 'week', 'weekend', 'quarter', 'few', 'couple', 'year', 'early', 'mid', 'late',
  'morning', 'afternoon', 'evening']);

/** Words that may follow a number in some rule (`two years`, `10 p.m.`, `9 June`, `three times a week`). */
const AFTER_NUMBER = new Set([...UNITS.keys(), ...ORDINAL_SUFFIX, ...ONES.keys(), ...MONTHS.keys(),
  ...MONTH_ABBREVIATIONS.keys(), 'more', 'additional', 'full', 'straight', 'consecutive', 'long', 'whole', 'extra',
  'trading', 'business', 'calendar', 'working', 'times', 'in', 'o', 'a', 'p', 'am', 'pm', '-', '–', '/', '.', 'and',
  'hundred', 'thousand', 'of', 'or', '1', 'gmt', 'utc', 'local', 'hours', 'hrs', 'h', ...TIME_ZONES, 's', '\'']);

/** Words that may follow `a`/`an` in some rule (`a year`, `a few days`, `a couple of weeks`). */
const AFTER_A = new Set([...UNITS.keys(), 'few', 'couple', 'dozen', 'hundred', 'thousand', 'half', 'number', 'flat',
  'more', 'additional', 'full', 'whole', 'extra', 'straight', 'consecutive', 'long', 'trading', 'business',
  'calendar', 'working']);

/** Words before a bare `May` or `March` that make it a month. */
const MONTH_CONTEXT = new Set(['in', 'since', 'until', 'till', 'by', 'of', 'early', 'late', 'mid', 'last', 'next',
  'this', 'through', 'throughout', 'during', 'before', 'after', 'from', 'to', 'between', 'and', 'or', '-', 'end',
  'beginning', 'around', 'on', 'for', 'starting', 'ending', 'past', 'coming', 'the', 'in', 'late', 'mid-']);

/** Nouns after `a 30-year` that belong to the expression. */
const PERIOD_NOUNS = new Set(['period', 'span', 'stretch', 'spell', 'interval', 'window']);

/** Future markers for the tense of a clause. */
const FUTURE = new Set(['will', 'shall', 'll', 'wo', 'going', 'scheduled', 'expected', 'due', 'plans', 'plan',
  'planned', 'planning', 'would', 'set', 'upcoming', 'to', 'until', 'could', 'might', 'may', 'can', 'should', 'must',
  'next', 'tomorrow']);
const PAST = new Set(['said', 'was', 'were', 'had', 'did', 'ago', 'told', 'announced', 'reported', 'been',
  // irregular past tenses, which the `-ed` test misses (not those spelled like the present: `put`, `cut`, `hit`)
  'went', 'came', 'began', 'took', 'gave', 'saw', 'knew', 'wrote', 'spoke', 'broke', 'chose', 'drove', 'rode', 'rose',
  'fell', 'flew', 'grew', 'threw', 'drew', 'became', 'forgot', 'ran', 'withdrew', 'bought', 'brought', 'made', 'held',
  'sold', 'paid', 'met', 'led', 'lost', 'kept', 'sent', 'spent', 'built', 'won', 'heard', 'felt', 'thought', 'caught',
  'taught', 'sought', 'fled', 'shot', 'struck', 'fought', 'stood', 'got', 'meant', 'slept', 'swept', 'wept', 'dealt',
  'sank', 'sang', 'swam', 'shook', 'stole', 'froze', 'woke', 'wore', 'swore', 'hid', 'slid',
  'understood', 'overtook', 'undertook', 'forgave', 'arose', 'awoke', 'lent', 'bent']);

/**
 * The parser of one segment. It tokenizes the text into the shared token arrays: use one parser at a
 * time (parse, then read the offsets of the hits with `start`/`end`, before the next segment).
 */
export class TimexParser {
  private readonly T: Tokens;
  private readonly n: number;
  private readonly K: Uint8Array;
  private readonly C: Int32Array;
  private readonly W: string[];

  constructor(text: string) {
    TOKENS.fill(text);
    this.T = TOKENS;
    this.n = TOKENS.n;
    this.K = TOKENS.K;
    this.C = TOKENS.C;
    this.W = TOKENS.W;
  }

  /** Offsets of token i in the text (start, and end exclusive). */
  start(i: number): number { return this.T.S[i]; }
  end(i: number): number { return this.T.E[i]; }

  parse(): Hit[] {
    const out: Hit[] = [];
    const K = this.K, W = this.W, T = this.T, cand = T.cand, nCand = T.nCand;
    // Only the candidates (words with flags, numbers, apostrophes): no other token starts anything.
    let next = 0;
    for (let ci = 0; ci < nCand; ci++) {
      const i = cand[ci];
      if (i < next) continue;
      const kind = K[i] & KIND;
      if (kind === 0) { if (!this.mayStart(i)) continue; }
      // an apostrophe starts only `'90s`
      else if (kind === 2) { if (W[i] !== '\'' || this.k(i + 1) !== 1 || !this.tight(i + 1)) continue; }
      else if (kind === 1) {
        if (T.E[i] - T.S[i] !== 4 && !(this.c(i + 1) & F_AFTER_NUMBER) && !W[i].includes('.') && !W[i].includes(':')) continue;
      }
      const hit = this.parseAt(i);
      if (hit) {
        // `14 to 15 March`: the first day is a date of its own, in the same month
        const day0 = this.prevDay(hit, out.length > 0 ? out[out.length - 1].j : 0);
        if (day0) out.push(shaped(day0));
        out.push(hit);
        next = hit.j;
        // `April 24 and 25`: the second day is a date of its own, in the same month
        const day2 = this.nextDay(hit);
        const more = day2 === undefined ? undefined : shaped(day2);
        if (more) { out.push(more); next = more.j; }
      }
    }
    let titles = false;
    for (let k = 0; k < out.length && !titles; k++) titles = this.titleLike(out[k]);
    const kept = titles && !this.headline() ? out.filter(h => !this.titleLike(h)) : out;
    for (let k = 0; k < kept.length; k++) this.addHint(kept[k]);
    return kept;
  }

  /**
   * A name or title rather than a time: a capitalised unit or deictic word inside a sentence
   * (`ABC's "This Week"`, `CBS's "60 Minutes"`, `USA Today`, `High Noon`).
   */
  private titleLike(h: Hit): boolean {
    const first = this.w(h.i);
    if (first === 'christmas' || first === 'new' || first === 'easter' || first === 'thanksgiving' || first === 'halloween' ||
      first === 'valentine' || first === 'election') return false;
    for (let k = h.i; k < h.j; k++) {
      if (!this.cap(k) || !TITLE_WORDS.has(this.w(k))) continue;
      if (k > h.i) return true;
      if (k > 0 && this.k(k - 1) === 0 && this.cap(k - 1)) return true;
    }
    return false;
  }

  /** A headline in title case (`Troops Advance Last Week`), where capitals mean nothing. */
  private headline(): boolean {
    let words = 0, caps = 0;
    for (let k = 0; k < this.n; k++) if (this.k(k) === 0 && this.w(k).length >= 4) { words++; if (this.cap(k)) caps++; }
    return words > 0 && caps / words >= 0.7;
  }

  private mayStart(i: number): boolean {
    const c = this.C[i];
    if (c & F_START) {
      const w = this.W[i];
      // cheap look-ahead for the most frequent words
      const nc = this.c(i + 1);
      switch (w) {
        case 'the': case 'its': case 'their': return (nc & F_AFTER_THE) !== 0 || this.k(i + 1) === 1;
        case 'a': case 'an': return (nc & F_AFTER_A) !== 0 || (this.k(i + 1) === 1 && this.hyphenAt(i + 2));
        case 'that': return (nc & F_AFTER_THAT) !== 0;
        case 'at': { const nx = this.w(i + 1); return nx === 'least' || nx === 'most'; }
        case 'more': case 'less': return this.w(i + 1) === 'than';
        case 'no': { const nx = this.w(i + 1); return nx === 'more' || nx === 'less'; }
        case 'up': return this.w(i + 1) === 'to';
        case 'new': return this.w(i + 1) === 'year';
        case 'election': return this.w(i + 1) === 'day';
        case 'over': case 'some': case 'about': case 'around': case 'under': return i + 1 < this.n && this.k(i + 1) !== 2;
        // `year-end`, `year end`, `year's end`, `year 2000`, `year-ago`, `year-long`
        case 'year': { const nx = this.w(i + 1); return nx === '-' || nx === '–' || nx === '\'' || nx === 'end' || this.k(i + 1) === 1; }
      }
      // a part of the day starts `afternoon yesterday`, `morning Tuesday`
      if (PARTS_OF_DAY.has(w)) { const nx = this.w(i + 1); return nx === 'yesterday' || nx === 'today' || nx === 'tomorrow' || WEEKDAYS.has(nx); }
      // an ordinal alone starts `first half`, `third quarter`, `third-quarter`, `20th century`, `second-long`
      if (ORDINALS.has(w)) {
        const nx = this.w(i + 1);
        return nx === '-' || nx === '–' || nx === 'half' || nx === 'quarter' || nx === 'quarters' || nx === 'century';
      }
      // a unit alone (not `year`, `month`, `second`: above and below) starts only `day-long`
      if (w === 'day' || w === 'week' || w === 'hour' || w === 'minute' || w === 'decade' || w === 'fortnight' || w === 'quarter') {
        const nx = this.w(i + 1);
        return nx === '-' || nx === '–';
      }
      if (c & F_NUMWORD) return (nc & (F_AFTER_NUMBER | F_NUMWORD)) !== 0;
      return true;
    }
    if (this.cap(i) && (c & (F_MONTH | F_ABBR))) return true;
    // plural weekdays (`Mondays`)
    return (c & F_PLURAL_WEEKDAY) !== 0;
  }

  // ---------------------------------------------------------------------------------------------------
  // helpers (a token index out of the segment reads as nothing: '', kind -1, no flags)

  /** Token i exists. */
  private has(i: number): boolean { return i >= 0 && i < this.n; }
  /** Lower-case text of token i. */
  private w(i: number): string {
    if (i < 0 || i >= this.n) return '';
    const w = this.W[i];
    return w !== '' ? w : this.T.w(i);
  }
  /** Text of token i as written. */
  private t(i: number): string { return i >= 0 && i < this.n ? this.T.t(i) : ''; }
  /** Kind of token i: 0 word, 1 number, 2 other, -1 none. */
  private k(i: number): number { return i >= 0 && i < this.n ? this.K[i] & KIND : -1; }
  /** Flags of token i. */
  private c(i: number): number { return i >= 0 && i < this.n ? this.C[i] : 0; }
  /** Token i starts with a capital. */
  private cap(i: number): boolean { return i >= 0 && i < this.n && (this.K[i] & K_CAP) !== 0; }
  /** Token i touches the one before it (no space). */
  private tight(i: number): boolean { return i < this.n && (this.K[i] & K_GAP) === 0; }
  private isPunct(i: number, p: string): boolean { return i < this.n && this.w(i) === p; }
  /** A hyphen between words (`third-quarter`, `mid-1990s`), possibly with spaces around it. */
  private hyphenAt(i: number): boolean { const w = this.w(i); return w === '-' || w === '–'; }

  // ---------------------------------------------------------------------------------------------------
  // entry

  private parseAt(i: number): Hit | undefined {
    const q = this.qualifier(i);
    if (q) {
      const core = this.core(q.j);
      if (core && (core.type === 'DURATION' || (core.type !== 'SET' && q.dates))) {
        const include = core.type === 'DURATION' ? q.includeDuration : true;
        return new ShapedHit(include ? i : core.i, core.j, core.type, core.nf, q.mod ?? core.mod, q.mod === 'APPROX' || core.approx);
      }
    }
    return this.core(i);
  }

  /** `more than`, `nearly`, `about`... before a duration or a date. */
  private qualifier(i: number): { j: number; mod: string; includeDuration: boolean; dates: boolean } | undefined {
    const w = this.w(i), w1 = this.w(i + 1);
    if (w === 'just' || w === 'well') {
      // `just over an hour`: `just` stays outside, `over` goes in (TimeBank practice).
      return undefined;
    }
    if (w === 'more' && w1 === 'than') return { j: i + 2, mod: 'MORE_THAN', includeDuration: true, dates: true };
    if (w === 'less' && w1 === 'than') return { j: i + 2, mod: 'LESS_THAN', includeDuration: true, dates: true };
    if (w === 'at' && w1 === 'least') return { j: i + 2, mod: 'EQUAL_OR_MORE', includeDuration: true, dates: true };
    if (w === 'at' && w1 === 'most') return { j: i + 2, mod: 'EQUAL_OR_LESS', includeDuration: true, dates: true };
    if (w === 'up' && w1 === 'to') return { j: i + 2, mod: 'EQUAL_OR_LESS', includeDuration: true, dates: false };
    if (w === 'no' && (w1 === 'more' || w1 === 'less') && this.w(i + 2) === 'than') {
      return { j: i + 3, mod: w1 === 'more' ? 'EQUAL_OR_LESS' : 'EQUAL_OR_MORE', includeDuration: true, dates: true };
    }
    if (w === 'nearly' || w === 'almost') return { j: i + 1, mod: 'LESS_THAN', includeDuration: true, dates: true };
    if (w === 'over') {
      // `over a week`, `over 20 years`; never `over the past months` (a preposition there).
      const nw = this.w(i + 1);
      if (this.has(i + 1) && (this.k(i + 1) === 1 || nw === 'a' || nw === 'an' || ONES.has(nw) || TENS.has(nw))) {
        return { j: i + 1, mod: 'MORE_THAN', includeDuration: true, dates: false };
      }
      return undefined;
    }
    if (w === 'under' && this.k(i + 1) === 1) return { j: i + 1, mod: 'LESS_THAN', includeDuration: true, dates: false };
    if (w === 'about' || w === 'around' || w === 'approximately' || w === 'roughly' || w === 'circa' || w === 'some') {
      return { j: i + 1, mod: 'APPROX', includeDuration: false, dates: w !== 'some' };
    }
    return undefined;
  }

  /** The longest expression starting at token i. */
  private core(i: number): Hit | undefined {
    if (!this.has(i)) return undefined;
    // After a qualifier (`around 300 people`) the parse loop comes to the same token again: computed once.
    const T = this.T;
    if (T.memoStamp[i] === T.stamp) return T.memoHit[i];
    const r = this.coreRules(i);
    const h = r === undefined ? undefined : shaped(r);
    T.memoStamp[i] = T.stamp;
    T.memoHit[i] = h;
    return h;
  }

  private coreRules(i: number): Hit | undefined {
    if (this.k(i) === 1) return this.numberRules(i);
    const w = this.w(i);
    if (w === 'the') return this.theRules(i);
    const rules = RULES_BY_WORD.get(w);
    if (!rules) return undefined;
    let best: Hit | undefined;
    for (let k = 0; k < rules.length; k++) {
      const h = this.rule(rules[k], i);
      if (h && (!best || h.j > best.j)) best = h;
    }
    return best;
  }

  /**
   * The rules that can start at a number, in their order (numericDate, clockTime, calendarDate, yearish,
   * durationOrAgo, setExpr, quarter, century, decade; the first of the longest wins), each tried only where it can
   * match: by the length of the number and the word after it (a unit, a month, `p.m.`, `-`, `th` ...
   * all have the F_AFTER_NUMBER flag).
   */
  private numberRules(i: number): Hit | undefined {
    const t = this.W[i];
    const len = t.length;
    const after = (this.c(i + 1) & F_AFTER_NUMBER) !== 0;
    let best: Hit | undefined;
    let h: Hit | undefined;
    const nx = this.w(i + 1);
    if (t.includes('.') || nx === '-' || nx === '/') { h = this.numericDate(i); if (h && (!best || h.j > best.j)) best = h; }
    // `10 p.m.`, `10 am`, `4 o'clock`, `4 in the morning`, `14:30 GMT`
    if (len <= 5 && (nx === 'am' || nx === 'pm' || nx === 'a' || nx === 'p' || nx === 'o' || nx === 'in' || t.includes(':') ||
      (len === 4 && (TIME_ZONES.has(nx) || nx === 'local' || nx === 'hours' || nx === 'hrs')))) {
      h = this.clockTime(i); if (h && (!best || h.j > best.j)) best = h;
    }
    // `9th`, `9 June`, `9 of June`
    const suffix = ORDINAL_SUFFIX.has(nx);
    if (len <= 2 && (suffix || nx === 'of' || (this.c(i + 1) & (F_MONTH | F_ABBR)) !== 0)) {
      h = this.calendarDate(i); if (h && (!best || h.j > best.j)) best = h;
    }
    if (len === 4) { h = this.yearish(i); if (h && (!best || h.j > best.j)) best = h; }
    if (after) { h = this.durationOrAgo(i); if (h && (!best || h.j > best.j)) best = h; }
    if (nx === 'times' || this.t(i + 1) === '1') { h = this.setExpr(i); if (h && (!best || h.j > best.j)) best = h; }
    if (len === 4 || (len <= 2 && suffix)) { h = this.quarter(i); if (h && (!best || h.j > best.j)) best = h; }
    if (len <= 2 && suffix) { h = this.century(i); if (h && (!best || h.j > best.j)) best = h; }
    if (len === 4 && after) { h = this.decade(i); if (h && (!best || h.j > best.j)) best = h; }
    return best;
  }

  /**
   * The rules of `the` (RULES_BY_WORD), in their order, each tried only when the word after `the` can
   * continue it (`the past`, `the third quarter`, `the 1990s`, `the year-ago quarter` ...).
   */
  private theRules(i: number): Hit | undefined {
    const w1 = this.w(i + 1);
    const num = this.k(i + 1) === 1;
    const ord = num || ORDINALS.has(w1) || TENS.has(w1);
    const c1 = this.c(i + 1);
    let best: Hit | undefined;
    let h: Hit | undefined;
    if (THE_POSITIONAL.has(w1)) { h = this.positional(i); if (h && (!best || h.j > best.j)) best = h; }
    if (THE_DEICTIC.has(w1)) { h = this.deictic(i); if (h && (!best || h.j > best.j)) best = h; }
    if (REL_KNOWN.has(w1)) { h = this.relative(i); if (h && (!best || h.j > best.j)) best = h; }
    if (ord) { h = this.calendarDate(i); if (h && (!best || h.j > best.j)) best = h; }
    if (ord || w1 === 'fiscal' || w1 === 'q' || w1 === 'last' || w1 === 'final') { h = this.quarter(i); if (h && (!best || h.j > best.j)) best = h; }
    if (w1 === 'first' || w1 === 'second' || w1 === 'last' || w1 === 'latter') { h = this.half(i); if (h && (!best || h.j > best.j)) best = h; }
    if (num || w1 === '\'' || w1 === '’' || DECADE_WORDS.has(w1)) { h = this.decade(i); if (h && (!best || h.j > best.j)) best = h; }
    if (ord) { h = this.century(i); if (h && (!best || h.j > best.j)) best = h; }
    if (SEASONS.has(w1)) { h = this.seasonExpr(i); if (h && (!best || h.j > best.j)) best = h; }
    if (w1 === 'fiscal') { h = this.fiscal(i); if (h && (!best || h.j > best.j)) best = h; }
    if (w1 === 'year') { h = this.yearish(i); if (h && (!best || h.j > best.j)) best = h; }
    if (num || THE_ANAPHOR.has(w1) || (c1 & (F_NUMWORD)) !== 0 || UNITS.has(w1)) { h = this.theAnaphor(i); if (h && (!best || h.j > best.j)) best = h; }
    if (w1 === 'comparable' || w1 === 'same' || w1 === 'year') { h = this.yearAgo(i); if (h && (!best || h.j > best.j)) best = h; }
    if (num) { h = this.yearQuarter(i); if (h && (!best || h.j > best.j)) best = h; }
    if (w1 === 'day' && !best) best = this.dayBeforeAfter(i);
    return best;
  }

  /**
   * `the day before`, `the day after` ending a clause (`The day before, talks failed`; `talks failed the day
   * before.`): the day before or after the date mentioned before. Not before what they are relative to (`the day
   * before the vote`: an event this recognizer cannot place).
   */
  private dayBeforeAfter(i: number): Hit | undefined {
    const w2 = this.w(i + 2);
    if (w2 !== 'before' && w2 !== 'after') return undefined;
    const next = i + 3;
    if (this.has(next) && this.k(next) !== 2) return undefined;
    return { i, j: i + 3, type: 'DATE', nf: { kind: 'relative', unit: 'day', offset: w2 === 'before' ? -1 : 1, anchor: 'prev' } };
  }

  /** A switch rather than `this[name](i)`: the calls stay monomorphic. */
  private rule(r: RuleId, i: number): Hit | undefined {
    switch (r) {
      case R.positional: return this.positional(i);
      case R.deictic: return this.deictic(i);
      case R.relative: return this.relative(i);
      case R.calendarDate: return this.calendarDate(i);
      case R.weekdayExpr: return this.weekdayExpr(i);
      case R.durationOrAgo: return this.durationOrAgo(i);
      case R.setExpr: return this.setExpr(i);
      case R.quarter: return this.quarter(i);
      case R.half: return this.half(i);
      case R.decade: return this.decade(i);
      case R.century: return this.century(i);
      case R.seasonExpr: return this.seasonExpr(i);
      case R.holiday: return this.holiday(i);
      case R.fiscal: return this.fiscal(i);
      case R.yearish: return this.yearish(i);
      case R.clockTime: return this.clockTime(i);
      case R.theAnaphor: return this.theAnaphor(i);
      case R.yearAgo: return this.yearAgo(i);
      case R.yearQuarter: return this.yearQuarter(i);
      case R.numericDate: return this.numericDate(i);
      case R.podDay: return this.podDay(i);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // numbers

  /** A cardinal number: digits, words (`twenty-four`, `a hundred`), or vague (`several`, `a few`: 'X'). */
  private cardinal(i: number): { j: number; v: number | 'X' } | undefined {
    if (!this.has(i)) return undefined;
    if (this.k(i) === 1) {
      let v = numberValue(this.t(i));
      if (v < 0) return undefined;
      let j = i + 1;
      // 5 1/2
      if (this.t(j) === '1' && this.w(j + 1) === '/' && this.t(j + 2) === '2' && this.tight(j + 1) && this.tight(j + 2)) {
        v += 0.5;
        j += 3;
      }
      return this.withHalf(j, v);
    }
    const w = this.w(i), w1 = this.w(i + 1);
    if (w === 'a' || w === 'an') {
      if (w1 === 'few') return { j: i + 2, v: 'X' };
      if (w1 === 'couple') return { j: this.w(i + 2) === 'of' ? i + 3 : i + 2, v: 2 };
      if (w1 === 'dozen') return { j: i + 2, v: 12 };
      if (w1 === 'hundred') return { j: i + 2, v: 100 };
      if (w1 === 'thousand') return { j: i + 2, v: 1000 };
      if (w1 === 'half') return { j: i + 2, v: 0.5 };
      if (w1 === 'number' && this.w(i + 2) === 'of') return { j: i + 3, v: 'X' };
      return { j: i + 1, v: 1 };
    }
    if (w === 'half' && (w1 === 'a' || w1 === 'an')) return { j: i + 2, v: 0.5 };
    if (VAGUE.has(w)) return { j: i + 1, v: 'X' };
    if (w === 'couple' && w1 === 'of') return { j: i + 2, v: 2 };
    if ((w === 'dozens' || w === 'hundreds' || w === 'thousands') && w1 === 'of') return { j: i + 2, v: 'X' };
    let v: number;
    let j = i + 1;
    const tens = TENS.get(w);
    if (tens !== undefined) {
      v = tens;
      if (this.hyphenAt(j) && this.tight(j) && this.tight(j + 1) && (ONES.get(this.w(j + 1)) ?? 10) < 10) {
        v += ONES.get(this.w(j + 1))!;
        j += 2;
      } else if ((ONES.get(this.w(j)) ?? 10) < 10 && (ONES.get(this.w(j)) ?? 0) > 0) {
        v += ONES.get(this.w(j))!;
        j += 1;
      }
    } else {
      const one = ONES.get(w);
      if (one === undefined) return undefined;
      v = one;
    }
    if (this.w(j) === 'hundred') { v *= 100; j++; }
    if (this.w(j) === 'thousand') { v *= 1000; j++; }
    return this.withHalf(j, v);
  }

  /** `two and a half years`: the half before the unit. */
  private withHalf(j: number, v: number): { j: number; v: number } {
    if (this.halfAfter(j) && UNITS.has(this.w(j + 3))) return { j: j + 3, v: v + 0.5 };
    return { j, v };
  }

  /** `and a half` right after position j. */
  private halfAfter(j: number): boolean {
    return this.w(j) === 'and' && this.w(j + 1) === 'a' && this.w(j + 2) === 'half';
  }

  /** An ordinal (`third`, `3rd`, `twenty-first`). */
  private ordinal(i: number): { j: number; v: number } | undefined {
    if (!this.has(i)) return undefined;
    if (this.k(i) === 1 && isDigits(this.t(i), 1, 2) && ORDINAL_SUFFIX.has(this.w(i + 1)) && this.tight(i + 1)) {
      return { j: i + 2, v: +this.t(i) };
    }
    const w = this.w(i);
    const o = ORDINALS.get(w);
    if (o !== undefined) return { j: i + 1, v: o };
    const tens = TENS.get(w);
    if (tens !== undefined && this.hyphenAt(i + 1)) {
      const o2 = ORDINALS.get(this.w(i + 2));
      if (o2 !== undefined && o2 < 10) return { j: i + 3, v: tens + o2 };
    }
    return undefined;
  }

  /** A year written in four digits (1000-2099), optionally `'98`. */
  private year4(i: number): { j: number; y: number } | undefined {
    if (this.k(i) !== 1 || this.T.E[i] - this.T.S[i] !== 4) return undefined;
    const y = +this.t(i);
    if (y < 1000 || y > 2099) return undefined;
    return { j: i + 1, y };
  }

  /** A day of the month: `9`, `9th`, `ninth`. */
  private dayOfMonth(i: number): { j: number; d: number } | undefined {
    if (!this.has(i)) return undefined;
    if (this.k(i) === 1) {
      const t = this.t(i);
      if (!isDigits(t, 1, 2)) return undefined;
      const d = +t;
      if (d < 1 || d > 31) return undefined;
      if (ORDINAL_SUFFIX.has(this.w(i + 1)) && this.tight(i + 1)) return { j: i + 2, d };
      // `June 9-11`, `9:30`, `9%`, `9.5` are not days.
      if (this.has(i + 1) && this.tight(i + 1) && (this.w(i + 1) === '%' || this.k(i + 1) === 0)) return undefined;
      return { j: i + 1, d };
    }
    const o = this.ordinal(i);
    if (o && o.v <= 31) return { j: o.j, d: o.v };
    return undefined;
  }

  /** A month name; May and March need context (a day, a year, a preposition). */
  private month(i: number): { j: number; m: number; ambiguous: boolean } | undefined {
    if (this.k(i) !== 0 || !this.cap(i) || (this.C[i] & (F_MONTH | F_ABBR)) === 0) return undefined;
    const w = this.w(i);
    const full = MONTHS.get(w);
    if (full !== undefined) {
      // `Sept.` style abbreviations keep their period; a full name never swallows the sentence's.
      return { j: i + 1, m: full, ambiguous: w === 'may' || w === 'march' };
    }
    const ab = MONTH_ABBREVIATIONS.get(w);
    if (ab !== undefined) {
      if (this.isPunct(i + 1, '.') && this.tight(i + 1)) return { j: i + 2, m: ab, ambiguous: false };
      if (this.k(i + 1) === 1) return { j: i + 1, m: ab, ambiguous: false };
    }
    return undefined;
  }

  private weekdayAt(i: number): { j: number; wd: number; plural?: boolean } | undefined {
    if (this.k(i) !== 0 || this.C[i] === 0) return undefined;
    const w = this.w(i);
    const wd = WEEKDAYS.get(w);
    if (wd !== undefined) return { j: i + 1, wd };
    const cap = this.cap(i);
    if (cap && w.endsWith('s')) {
      const p = WEEKDAYS.get(w.slice(0, -1));
      if (p !== undefined) return { j: i + 1, wd: p, plural: true };
    }
    if (cap) {
      const ab = WEEKDAY_ABBREVIATIONS.get(w);
      if (ab !== undefined && this.isPunct(i + 1, '.') && this.tight(i + 1)) return { j: i + 2, wd: ab };
    }
    return undefined;
  }

  private pod(i: number): PartOfDay | undefined { return PARTS_OF_DAY.get(this.w(i)); }

  // ---------------------------------------------------------------------------------------------------
  // rules

  /** `today`, `yesterday morning`, `now`, `currently`, `recently`, `the future`, `the past`. */
  private deictic(i: number): Hit | undefined {
    const w = this.w(i);
    const rel = (offset: number, j: number, pod?: PartOfDay): Hit => {
      const p = pod ?? (j < this.n ? this.pod(j) : undefined);
      const nf: RelativeNF = { kind: 'relative', unit: 'day', offset, anchor: 'ref' };
      if (p && !pod) { nf.pod = p; return { i, j: j + 1, type: 'TIME', nf }; }
      if (pod) nf.pod = pod;
      return { i, j, type: pod ? 'TIME' : 'DATE', nf };
    };
    switch (w) {
      case 'today': return rel(0, i + 1);
      case 'yesterday': return rel(-1, i + 1);
      case 'tomorrow': return rel(1, i + 1);
      case 'tonight': return rel(0, i + 1, 'NI');
      case 'now': case 'currently': case 'nowadays':
        return { i, j: i + 1, type: 'DATE', nf: { kind: 'absolute', timex: 'PRESENT_REF' } };
      case 'recently': case 'lately':
        return { i, j: i + 1, type: 'DATE', nf: { kind: 'absolute', timex: 'PAST_REF' } };
      case 'current': {
        // `current` before a noun (`current conditions`); `the current quarter` is longer and wins.
        if (this.k(i + 1) === 0 && !UNITS.has(this.w(i + 1))) return { i, j: i + 1, type: 'DATE', nf: { kind: 'absolute', timex: 'PRESENT_REF' } };
        return undefined;
      }
      case 'these':
        if (this.w(i + 1) === 'days') return { i, j: i + 2, type: 'DATE', nf: { kind: 'absolute', timex: 'PRESENT_REF' } };
        return undefined;
      case 'the': {
        const w1 = this.w(i + 1), w2 = this.w(i + 2);
        if (w1 === 'future') return { i, j: i + 2, type: 'DATE', nf: { kind: 'absolute', timex: 'FUTURE_REF' } };
        if ((w1 === 'near' || w1 === 'distant' || w1 === 'foreseeable' || w1 === 'immediate') && w2 === 'future') {
          return { i, j: i + 3, type: 'DATE', nf: { kind: 'absolute', timex: 'FUTURE_REF' } };
        }
        if ((w1 === 'near' || w1 === 'short' || w1 === 'long' || w1 === 'medium') && w2 === 'term') {
          return { i, j: i + 3, type: 'DATE', nf: { kind: 'absolute', timex: 'FUTURE_REF' } };
        }
        if (w1 === 'past') {
          // `the past` alone; `the past three years` is a duration (relative rule).
          const nx = this.w(i + 2);
          if (!this.has(i + 2) || this.k(i + 2) === 2 || !(UNITS.has(nx) || this.cardinal(i + 2) || WEEKDAYS.has(nx) || SEASONS.has(nx) ||
            nx === 'decade' || nx === 'century' || nx === 'weekend' || MONTHS.has(nx))) {
            return { i, j: i + 2, type: 'DATE', nf: { kind: 'absolute', timex: 'PAST_REF' } };
          }
        }
        return undefined;
      }
    }
    return undefined;
  }

  /** `this year`, `last week`, `next Tuesday`, `the past three years`, `the following day`, `recent years`. */
  private relative(i: number): Hit | undefined {
    let k = i;
    const det = this.w(k) === 'the' || this.w(k) === 'its' || this.w(k) === 'their';
    if (det) k++;
    // possessives stay outside the extent (`its latest quarter`)
    if (det && this.w(i) !== 'the') i++;
    let rel = this.w(k);
    k++;
    if (rel === 'this' && (this.w(k) === 'past' || this.w(k) === 'coming')) { rel = this.w(k) === 'past' ? 'thispast' : 'thiscoming'; k++; }
    // `that same day`: like `the same day`
    const thatSame = rel === 'that' && this.w(k) === 'same';
    if (thatSame) { rel = 'same'; k++; }
    if (!REL_KNOWN.has(rel)) return undefined;
    if (!det && !thatSame && (rel === 'first' || rel === 'final' || rel === 'remaining' || rel === 'initial' || rel === 'following' ||
      rel === 'preceding' || rel === 'ensuing' || rel === 'subsequent' || rel === 'latest' || rel === 'same')) {
      // `first`, `following`, `same` without `the` are rarely temporal.
      return undefined;
    }
    if (det && (rel === 'this' || rel === 'that' || rel === 'these' || rel === 'thispast' || rel === 'thiscoming')) return undefined;
    if (rel === 'recent' && det) return undefined;

    // A number of units: a duration (`the past three years`, `the next few days`, `last five years`).
    if (DURATION_RELS.has(rel)) {
      const c = this.cardinal(k);
      if (c && this.w(k) !== 'a' && this.w(k) !== 'an') {
        const u = this.unitAfter(c.j, c.v);
        if (u) {
          if (rel === 'recent' || rel === 'latest' || rel === 'previous' || rel === 'preceding' || rel === 'following' ||
            rel === 'subsequent' || rel === 'ensuing' || det || rel === 'past' || rel === 'last' || rel === 'next' ||
            rel === 'coming' || rel === 'upcoming') {
            return { i, j: u.j, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex(c.v, u.unit) }, approx: u.approx };
          }
        }
      }
      // Plural units alone: `the past months`, `recent years`, `coming weeks`.
      const pu = UNITS.get(this.w(k));
      if (pu && pu.plural && rel !== 'first' && rel !== 'final') {
        if (rel === 'recent' && !det && this.w(k) === 'years') {
          return { i, j: k + 1, type: 'DATE', nf: { kind: 'absolute', timex: 'PAST_REF' } };
        }
        return { i, j: k + 1, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex('X', pu) } };
      }
    }

    const w = this.w(k);
    const cu = CAL_UNITS.get(w);
    const fiscal = w === 'fiscal' && CAL_UNITS.has(this.w(k + 1));
    const unit = fiscal ? CAL_UNITS.get(this.w(k + 1)) : cu;
    const uj = fiscal ? k + 2 : k + 1;
    if (unit) {
      const relHit = (offset: number, anchor: RelativeNF['anchor'] = 'ref'): Hit => {
        const nf: RelativeNF = { kind: 'relative', unit, offset, anchor };
        return this.possessive({ i, j: uj, type: 'DATE', nf }, offset, unit);
      };
      switch (rel) {
        case 'this': return relHit(0);
        case 'current': return relHit(0);
        case 'thispast': return relHit(-1);
        case 'thiscoming': return relHit(1);
        case 'last': case 'past':
          // `the past decade`, `past week`: durations (P10Y); `last year`, and with the article `the past year`,
          // `the last decade` (TimeBank practice): the unit before the reference date's
          if (det || rel === 'past') {
            if (unit === 'weekend') return { i, j: uj, type: 'DATE', nf: { kind: 'relative', unit: 'weekend', offset: -1, anchor: 'ref' } };
            if (det && !fiscal && (unit === 'year' || (rel === 'last' && (unit === 'decade' || unit === 'century')))) return relHit(-1);
            return { i, j: uj, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex(1, UNITS.get(unit)!) } };
          }
          return relHit(-1);
        case 'next': case 'coming': case 'upcoming':
          if (det && (unit === 'day' || unit === 'week' || unit === 'month' || unit === 'year') && rel === 'next') return relHit(1, 'prev');
          if (det || rel !== 'next') {
            if (unit === 'weekend') return relHit(1);
            return { i, j: uj, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex(1, UNITS.get(unit)!) } };
          }
          return relHit(1);
        case 'previous': case 'preceding': return relHit(-1, 'prev');
        case 'following': case 'subsequent': case 'ensuing': return relHit(1, 'prev');
        // `the latest quarter`: the last complete one
        case 'latest': return relHit(-1);
        case 'that': case 'same': return relHit(0, 'prev');
        default: return undefined;
      }
    }
    // Parts of the day: `this morning`, `last night`, `the next morning`, `that evening`.
    const p = this.pod(k);
    if (p) {
      const mk = (offset: number, anchor: RelativeNF['anchor']): Hit =>
        ({ i, j: k + 1, type: 'TIME', nf: { kind: 'relative', unit: 'day', offset, anchor, pod: p, gran: 'time' } });
      switch (rel) {
        case 'this': return mk(0, 'ref');
        case 'last': return det ? undefined : mk(-1, 'ref');
        case 'next': case 'following': return det || rel === 'next' ? mk(1, det ? 'prev' : 'ref') : undefined;
        case 'previous': case 'preceding': return mk(-1, 'prev');
        case 'that': case 'same': return mk(0, 'prev');
      }
      return undefined;
    }
    // Seasons, months, weekdays, holidays: `last spring`, `next April`, `this Tuesday`, `last Thanksgiving`.
    const dir = (): { dir: -1 | 0 | 1; strict: boolean } | undefined => {
      switch (rel) {
        case 'this': return { dir: 0, strict: false };
        case 'last': case 'past': case 'previous': case 'preceding': return det && rel === 'last' ? undefined : { dir: -1, strict: true };
        case 'thispast': return { dir: -1, strict: true };
        case 'next': case 'coming': case 'upcoming': case 'following': case 'thiscoming': return { dir: 1, strict: true };
      }
      return undefined;
    };
    const season = SEASONS.get(w);
    if (season) {
      const d = dir();
      if (!d) return undefined;
      return { i, j: k + 1, type: 'DATE', nf: { kind: 'partial', season, dir: d.dir, strict: d.strict } };
    }
    const mo = this.month(k);
    if (mo) {
      const d = dir();
      if (!d || det) return undefined;
      // `last Oct. 23`: that day, the last one before the reference date
      const day = this.dayOfMonth(mo.j);
      if (day && this.k(mo.j) === 1) {
        return { i, j: day.j, type: 'DATE', nf: { kind: 'partial', month: mo.m, day: day.d, dir: d.dir, strict: d.strict } };
      }
      return { i, j: mo.j, type: 'DATE', nf: { kind: 'partial', month: mo.m, dir: d.dir, strict: d.strict } };
    }
    const wd = this.weekdayAt(k);
    if (wd && !wd.plural) {
      const d = dir();
      if (!d) return undefined;
      let j = wd.j;
      const nf: PartialNF = { kind: 'partial', weekday: wd.wd, dir: d.dir, strict: d.strict };
      let type: TimexType = 'DATE';
      const p2 = this.pod(j);
      if (p2) { nf.pod = p2; j++; type = 'TIME'; }
      return { i, j, type, nf };
    }
    const hol = this.holiday(k);
    if (hol && hol.nf.kind === 'partial') {
      const d = dir();
      if (!d) return undefined;
      return { i, j: hol.j, type: 'DATE', nf: { ...hol.nf, dir: d.dir, strict: d.strict } };
    }
    if (rel === 'these' && w === 'days') return { i, j: k + 1, type: 'DATE', nf: { kind: 'absolute', timex: 'PRESENT_REF' } };
    return undefined;
  }

  /** `this year's third quarter`, `last year's quarter`, `next year's first half`. */
  private possessive(h: Hit, offset: number, unit: Unit): Hit {
    if (unit !== 'year' || h.nf.kind !== 'relative' || h.nf.anchor !== 'ref') return h;
    let k = h.j;
    if (!(this.w(k) === '\'' && this.w(k + 1) === 's' && this.tight(k))) return h;
    k += 2;
    const o = this.ordinal(k);
    let kk = o ? o.j : k;
    if (this.hyphenAt(kk) && o) kk++;
    const what = this.w(kk);
    if (what === 'quarter' || what === 'half') {
      if (o) {
        const nf: PartialNF = what === 'quarter' ? { kind: 'partial', quarter: o.v, yearOffset: offset }
          : { kind: 'partial', half: o.v === 1 ? 1 : 2, yearOffset: offset };
        if ((what === 'quarter' && o.v <= 4) || (what === 'half' && o.v <= 2)) return { i: h.i, j: kk + 1, type: 'DATE', nf };
        return h;
      }
      if (what === 'quarter') {
        return { i: h.i, j: kk + 1, type: 'DATE', nf: { kind: 'relative', unit: 'year', offset, anchor: 'auto', gran: 'quarter' } };
      }
    }
    return h;
  }

  /** The unit after a number; `or so` and `and a half` may follow. */
  private unitAfter(k: number, v: number | 'X'): { j: number; unit: DurUnit; approx?: boolean; half?: boolean } | undefined {
    let kk = k;
    // `two more weeks`, `an additional year`, `three full years`, `seven straight months`
    const fill = this.w(kk);
    if (fill === 'more' || fill === 'additional' || fill === 'full' || fill === 'straight' || fill === 'consecutive' ||
      fill === 'long' || fill === 'whole' || fill === 'extra' || fill === 'trading' || fill === 'business' ||
      fill === 'calendar' || fill === 'working') kk++;
    const u = UNITS.get(this.w(kk));
    if (!u) return undefined;
    if (v !== 'X' && v !== 1 && v !== 0.5 && !u.plural && this.k(kk - 1) !== 1 && this.w(kk) !== 'decade') {
      // `two year` (spoken transcripts) is still a duration; keep it.
    }
    if (v === 'X' && !u.plural) return undefined;
    let j = kk + 1;
    let approx: boolean | undefined;
    let half: boolean | undefined;
    if (this.halfAfter(j)) { j += 3; half = true; }
    if (this.w(j) === 'or' && this.w(j + 1) === 'so') { j += 2; approx = true; }
    return { j, unit: u, approx, half };
  }

  /** `two years`, `a few days`, `16-hour`, `two years ago`, `a year earlier`, `years ago`. */
  private durationOrAgo(i: number): Hit | undefined {
    // `decades-long`, `day-long`, `year-long`
    const lu = UNITS.get(this.w(i));
    if (lu && this.hyphenAt(i + 1) && this.w(i + 2) === 'long' && this.tight(i + 1) && this.tight(i + 2)) {
      return { i, j: i + 3, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex(lu.plural ? 'X' : 1, lu) } };
    }
    let k = i;
    const another = this.w(k) === 'another';
    if (another) k++;
    const c = this.cardinal(k);
    let unitHit: { j: number; unit: DurUnit; approx?: boolean; half?: boolean } | undefined;
    let value: number | 'X';
    if (c) {
      value = c.v;
      // `16-hour`, `two-year`, `10-day`, `several-year`: an adjective
      if (this.hyphenAt(c.j) && this.tight(c.j) && this.tight(c.j + 1)) {
        const u = UNITS.get(this.w(c.j + 1));
        if (u && !u.plural && (value !== 'X' || this.w(k) === 'several')) {
          let j = c.j + 2;
          // ages are not durations in TimeBank (`a 44-year-old`)
          if ((this.hyphenAt(j) && this.w(j + 1) === 'old') || this.w(j) === 'old') return undefined;
          if (this.hyphenAt(j) && this.w(j + 1) === 'long' && this.tight(j)) j += 2;
          let start = i;
          // `a 30-year period`
          if ((this.w(i - 1) === 'a' || this.w(i - 1) === 'an') && PERIOD_NOUNS.has(this.w(j))) { start = i - 1; j++; }
          const h: Hit = { i: start, j, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex(value, u) } };
          return h;
        }
      }
      unitHit = this.unitAfter(c.j, value);
      if (!unitHit) return undefined;
      // `a quarter of the market` is a fraction; `a quarter of an hour`, `a quarter of a century` are not
      if (this.w(unitHit.j - 1) === 'quarter' && this.w(unitHit.j) === 'of') {
        const a = this.w(unitHit.j + 1), u2 = this.w(unitHit.j + 2);
        if ((a === 'a' || a === 'an') && (u2 === 'hour' || u2 === 'century')) {
          return { i, j: unitHit.j + 3, type: 'DURATION', nf: { kind: 'duration', timex: u2 === 'hour' ? 'PT15M' : 'P25Y' } };
        }
        return undefined;
      }
      // `1988 quarter`: a year, not 1988 quarters
      if (typeof value === 'number' && value >= 1000 && !unitHit.unit.plural) return undefined;
      // `a year-earlier loss`: the adjective is another rule's, from `year` on
      if (this.hyphenAt(unitHit.j) && this.tight(unitHit.j) && /^(ago|earlier|end|old|long)$/.test(this.w(unitHit.j + 1))) return undefined;
      // `$1.76 a year`, `358,000 a month`, `24 hours a day`: a rate, not a duration
      if ((this.w(k) === 'a' || this.w(k) === 'an') && this.afterAmount(k) && !/^(ago|earlier|later)$/.test(this.w(unitHit.j))) return undefined;
      // `a second` is usually an ordinal (`a second term`)
      if ((this.w(k) === 'a' || this.w(k) === 'an') && unitHit.unit.letter === 'S' && unitHit.unit.time && !unitHit.unit.plural) return undefined;
      if (unitHit.half && typeof value === 'number') value += 0.5;
    } else {
      // bare plural units: `for years`, `within days`, `years ago`
      const u = UNITS.get(this.w(k));
      if (!u || !u.plural || another) return undefined;
      const before = this.w(i - 1);
      const after = this.w(k + 1);
      if (after === 'ago') return { i, j: k + 2, type: 'DATE', nf: { kind: 'absolute', timex: 'PAST_REF' } };
      if (!(before === 'for' || before === 'within')) return undefined;
      if (after === 'of') return undefined;
      return { i, j: k + 1, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex('X', u) } };
    }
    const j = unitHit.j;
    const suffix = this.w(j);
    const u = unitHit.unit;
    // `ages`, `the age of two years` are not handled; `two years old` is an age, not a duration.
    if (suffix === 'old' || (this.hyphenAt(j) && this.w(j + 1) === 'old')) return undefined;
    if (suffix === 'ago' || suffix === 'earlier' || (suffix === 'from' && this.w(j + 1) === 'now') || suffix === 'hence') {
      const end = suffix === 'from' ? j + 2 : j + 1;
      if (value === 'X') {
        return { i, j: end, type: 'DATE', nf: { kind: 'absolute', timex: suffix === 'ago' || suffix === 'earlier' ? 'PAST_REF' : 'FUTURE_REF' }, approx: unitHit.approx };
      }
      if (!u.rel) {
        // `two hours ago`: the reference day, approximately
        return { i, j: end, type: 'DATE', nf: { kind: 'relative', unit: 'day', offset: 0, anchor: 'ref' }, approx: true };
      }
      const sign = suffix === 'ago' || suffix === 'earlier' ? -1 : 1;
      let unit: Unit = u.rel;
      let offset = sign * value * (u.relFactor ?? 1);
      if (!Number.isInteger(offset)) {
        // `a year and a half ago`: resolve at the finer unit
        if (unit === 'year') { unit = 'month'; offset = Math.round(offset * 12); } else if (unit === 'month') { unit = 'day'; offset = Math.round(offset * 30); } else offset = Math.round(offset);
      }
      const anchor: RelativeNF['anchor'] = suffix === 'earlier' ? 'prev' : unit === 'year' ? 'auto' : 'ref';
      return { i, j: end, type: 'DATE', nf: { kind: 'relative', unit, offset, anchor }, approx: unitHit.approx };
    }
    if (value === 'X' && this.w(k) === 'some' && !u.plural) return undefined;
    // `two weeks later`: a duration, as TimeML writes it (`later` outside), which also says where it ends: that long
    // after the date before (normal.ts resolves the point for the hover).
    if (suffix === 'later' && value !== 'X' && u.rel && Number.isInteger(value * (u.relFactor ?? 1))) {
      return { i, j, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex(value, u), later: { unit: u.rel, offset: value * (u.relFactor ?? 1) } }, approx: unitHit.approx };
    }
    return { i, j, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex(value, u) }, approx: unitHit.approx };
  }

  /** A number, an amount or a percentage just before token k (`20% annually`, `$5 a year`). */
  private afterAmount(k: number): boolean {
    if (!this.has(k - 1)) return false;
    const pk = this.k(k - 1), pw = this.w(k - 1);
    if (pk === 1 || pw === '%') return true;
    // `four flights a week`, `700 seats a week`
    if (pk === 0 && this.has(k - 2) && (this.k(k - 2) === 1 || (this.c(k - 2) & F_NUMWORD) !== 0)) return true;
    return pw === 'million' || pw === 'billion' || pw === 'trillion' || pw === 'thousand' || pw === 'hundred' ||
      pw === 'percent' || pw === 'cents' || pw === 'dollars' || pw === 'euros' || pw === 'pounds' || pw === 'dozen';
  }

  /** `daily`, `every week`, `each Monday`, `three times a week`, `twice a year`, `Tuesday nights`. */
  private setExpr(i: number): Hit | undefined {
    const w = this.w(i);
    const adverb = SET_ADVERBS.get(w);
    if (adverb) {
      // `rise 8.5% annually`, `10,000 units annually`, `average daily volume`: rates and adjectives of measure
      if (this.afterAmount(i) || this.w(i - 1) === 'units' || this.w(i - 1) === 'average') return undefined;
      return { i, j: i + 1, type: 'SET', nf: { kind: 'set', timex: adverb, quant: 'EVERY' } };
    }
    if (w === 'every' || w === 'each') {
      let k = i + 1;
      let n: number | 'X' = 1;
      if (this.w(k) === 'other') { n = 2; k++; }
      const c = this.cardinal(k);
      if (c && this.w(k) !== 'a') { n = c.v; k = c.j; }
      const u = UNITS.get(this.w(k));
      if (u) {
        if (n === 'X') return undefined;
        return { i, j: k + 1, type: 'SET', nf: { kind: 'set', timex: durationTimex(n, u), quant: w.toUpperCase() } };
      }
      const cu = this.w(k);
      if (cu === 'weekend') return { i, j: k + 1, type: 'SET', nf: { kind: 'set', timex: 'XXXX-WXX-WE', quant: w.toUpperCase() } };
      const wd = this.weekdayAt(k);
      if (wd) {
        let j = wd.j;
        let timex = `XXXX-WXX-${wd.wd}`;
        const p = this.pod(j);
        if (p) { timex += `T${p}`; j++; }
        return { i, j, type: 'SET', nf: { kind: 'set', timex, quant: w.toUpperCase() } };
      }
      const mo = this.month(k);
      if (mo) return { i, j: mo.j, type: 'SET', nf: { kind: 'set', timex: `XXXX-${String(mo.m).padStart(2, '0')}`, quant: w.toUpperCase() } };
      const s = SEASONS.get(cu);
      if (s) return { i, j: k + 1, type: 'SET', nf: { kind: 'set', timex: `XXXX-${s}`, quant: w.toUpperCase() } };
      const p = this.pod(k);
      if (p) return { i, j: k + 1, type: 'SET', nf: { kind: 'set', timex: `XXXX-XX-XXT${p}`, quant: w.toUpperCase() } };
      return undefined;
    }
    // `three times a week`, `twice a year`, `once a month`, `five times per day`
    let freq: number | undefined;
    let k = i;
    if (w === 'once') { freq = 1; k = i + 1; }
    else if (w === 'twice') { freq = 2; k = i + 1; }
    else if (w === 'thrice') { freq = 3; k = i + 1; }
    else {
      const c = this.cardinal(i);
      if (c && typeof c.v === 'number' && this.w(c.j) === 'times') { freq = c.v; k = c.j + 1; }
    }
    if (freq !== undefined) {
      const per = this.w(k);
      if (per === 'a' || per === 'an' || per === 'per' || per === 'each' || per === 'every') {
        const u = UNITS.get(this.w(k + 1));
        if (u && !u.plural) {
          return { i, j: k + 2, type: 'SET', nf: { kind: 'set', timex: durationTimex(1, u), freq: `${freq}X` } };
        }
      }
      return undefined;
    }
    // plural weekdays: `Tuesday nights`, `on Sundays`
    const wd = this.weekdayAt(i);
    if (wd) {
      const p = this.w(i + 1) === 'nights' ? 'NI' : this.w(i + 1) === 'mornings' ? 'MO' : this.w(i + 1) === 'evenings' ? 'EV' :
        this.w(i + 1) === 'afternoons' ? 'AF' : undefined;
      if (p) return { i, j: i + 2, type: 'SET', nf: { kind: 'set', timex: `XXXX-WXX-${wd.wd}T${p}` } };
      if (wd.plural) return { i, j: i + 1, type: 'SET', nf: { kind: 'set', timex: `XXXX-WXX-${wd.wd}` } };
    }
    return undefined;
  }

  /** `Tuesday`, `Tuesday morning`, `Friday night`. */
  private weekdayExpr(i: number): Hit | undefined {
    const wd = this.weekdayAt(i);
    if (!wd || wd.plural) return undefined;
    // `Friday` as a name (`Black Friday`, `Good Friday`) is still a date; `Friday's` keeps the 's outside.
    let j = wd.j;
    const nf: PartialNF = { kind: 'partial', weekday: wd.wd };
    let type: TimexType = 'DATE';
    const p = this.pod(j);
    if (p) { nf.pod = p; j++; type = 'TIME'; }
    return { i, j, type, nf };
  }

  /** `June 9`, `June 9, 2017`, `Monday, Oct. 26`, `9 June 2017`, `July 1997`, `April`, `November last year`. */
  private calendarDate(i: number): Hit | undefined {
    let k = i;
    let wd: number | undefined;
    const w0 = this.weekdayAt(k);
    if (w0 && !w0.plural) {
      wd = w0.wd;
      k = w0.j;
      if (this.isPunct(k, ',')) k++;
    }
    const mo = this.month(k);
    if (mo) {
      let j = mo.j;
      const day = this.dayOfMonth(j);
      if (day) {
        j = day.j;
        // year: `June 9, 2017` or `June 9 2017`
        let y: number | undefined;
        if (this.isPunct(j, ',') && this.year4(j + 1)) { y = this.year4(j + 1)!.y; j += 2; }
        else if (this.year4(j)) { y = this.year4(j)!.y; j += 1; }
        if (y !== undefined && !isValidDate(y, mo.m, day.d)) return undefined;
        if (y === undefined && day.d > 31) return undefined;
        const nf: PartialNF = y !== undefined ? { kind: 'partial', year: y, month: mo.m, day: day.d } : { kind: 'partial', month: mo.m, day: day.d };
        if (wd) nf.weekday = wd;
        const yo = y === undefined ? this.yearOffsetAfter(j) : undefined;
        if (yo) { nf.yearOffset = yo.offset; j = yo.j; }
        if (y !== undefined) return { i, j, type: 'DATE', nf: { kind: 'absolute', timex: `${y}-${pad(mo.m)}-${pad(day.d)}` } };
        return { i, j, type: 'DATE', nf };
      }
      if (wd !== undefined) return undefined;
      // month and year: `July 1997`, `January of 1998`, `March, 1998`, `January nineteen ninety-seven`
      let y = this.yearAfter(j);
      if (!y && (this.w(j) === 'of' || this.isPunct(j, ',')) && this.yearAfter(j + 1)) y = this.yearAfter(j + 1)!, j++;
      if (y) return { i, j: y.j, type: 'DATE', nf: { kind: 'absolute', timex: `${y.y}-${pad(mo.m)}` } };
      // `November last year`, `March this year`
      const yo = this.yearOffsetAfter(j);
      if (yo) return { i, j: yo.j, type: 'DATE', nf: { kind: 'partial', month: mo.m, yearOffset: yo.offset } };
      if (mo.ambiguous && !MONTH_CONTEXT.has(this.w(i - 1))) return undefined;
      // a month alone: not inside a name (`April Smith`)
      if (this.cap(j) && this.k(j) === 0 && !WEEKDAYS.has(this.w(j))) return undefined;
      return { i, j, type: 'DATE', nf: { kind: 'partial', month: mo.m } };
    }
    if (wd !== undefined) {
      // `Monday 26 October`
      const day = this.dayOfMonth(k);
      if (day) {
        const m2 = this.month(day.j + (this.w(day.j) === 'of' ? 1 : 0));
        if (m2) return this.dayMonth(i, day.d, m2, wd);
      }
      return undefined;
    }
    // `9 June 2017`, `the 9th of June`
    let k2 = k;
    if (this.w(k2) === 'the' && this.ordinal(k2 + 1)) k2++;
    const day = this.dayOfMonth(k2);
    if (day) {
      const m2 = this.month(day.j + (this.w(day.j) === 'of' ? 1 : 0));
      if (m2) return this.dayMonth(i, day.d, m2, undefined);
    }
    return undefined;
  }

  private dayMonth(i: number, d: number, mo: { j: number; m: number }, wd: number | undefined): Hit | undefined {
    let j = mo.j;
    let y: number | undefined;
    if (this.year4(j)) { y = this.year4(j)!.y; j++; }
    else if (this.isPunct(j, ',') && this.year4(j + 1)) { y = this.year4(j + 1)!.y; j += 2; }
    if (y !== undefined) {
      if (!isValidDate(y, mo.m, d)) return undefined;
      return { i, j, type: 'DATE', nf: { kind: 'absolute', timex: `${y}-${pad(mo.m)}-${pad(d)}` } };
    }
    const nf: PartialNF = { kind: 'partial', month: mo.m, day: d };
    if (wd) nf.weekday = wd;
    return { i, j, type: 'DATE', nf };
  }

  /**
   * After a day of a month (`April 24`, `June 9, 2017`): `and`/`or`/`to`/`through` and another day number,
   * not followed by a word (`April 24 and 25 people` is a count): that day in the same month and year.
   */
  private nextDay(h: Hit): Hit | undefined {
    const c = this.w(h.j);
    if (c !== 'and' && c !== 'or' && c !== 'to' && c !== 'through') return undefined;
    const k = h.j + 1;
    if (this.k(k) !== 1) return undefined;
    const day = this.dayOfMonth(k);
    if (!day || this.k(day.j) === 0) return undefined;
    const nf = this.dayInMonthOf(h, day.d, false);
    return nf && { i: k, j: day.j, type: 'DATE', nf };
  }

  /**
   * The date of day `d` in the month of the date `h` (a day of a month, written in full or not: `April 24`,
   * `15 March 2024`); with `earlier`, only a day before h's. Undefined for any other hit.
   */
  private dayInMonthOf(h: Hit, d: number, earlier: boolean): TimexNF | undefined {
    if (h.type !== 'DATE' || d > 31) return undefined;
    const nf = h.nf;
    if (nf.kind === 'absolute') {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(nf.timex);
      if (!m || !isValidDate(+m[1], +m[2], d) || (earlier && d >= +m[3])) return undefined;
      return { kind: 'absolute', timex: `${m[1]}-${m[2]}-${pad(d)}` };
    }
    if (nf.kind !== 'partial') return undefined;
    const f = sameShape(PARTIAL_FIELDS, nf);
    if (f.month === undefined || f.day === undefined || f.weekday !== undefined || f.holiday !== undefined) return undefined;
    if (earlier && d >= f.day) return undefined;
    const out: PartialNF = { kind: 'partial', month: f.month, day: d };
    if (f.year !== undefined) out.year = f.year;
    if (f.yearOffset !== undefined) out.yearOffset = f.yearOffset;
    if (f.dir !== undefined) { out.dir = f.dir; out.strict = f.strict; }
    return out;
  }

  /**
   * Before a day and month (`15 March`, `7 March 2024`): a day number and `to`/`and`/`or`/`through`/`until` or a
   * dash (`14 to 15 March`, `3-7 March`), not after a month (`March 3 to 7 April`) nor part of an earlier hit:
   * that day in the same month and year. `from` is the caller's limit: tokens before it belong to an earlier hit.
   */
  private prevDay(h: Hit, from: number): Hit | undefined {
    const i = h.i;
    if (this.k(i) !== 1 || i < 2) return undefined;
    const c = this.w(i - 1);
    if (c !== 'to' && c !== 'and' && c !== 'or' && c !== 'through' && c !== 'until' && c !== 'till' && c !== '-' && c !== '–') {
      return undefined;
    }
    const k = i - 2;
    if (k < from || this.k(k) !== 1) return undefined;
    const day = this.dayOfMonth(k);
    if (!day || day.j !== i - 1) return undefined;
    const before = this.w(k - 1);
    // Not after a month (`March 3 to 7 April`), an amount (`$3 to 7`), a range or a list of numbers (`2, 3 and 4 May`).
    if (this.month(k - 1) || before === '$' || before === '£' || before === '€' || before === '-' || before === '.' ||
      (before === ',' && this.k(k - 2) === 1)) return undefined;
    const nf = this.dayInMonthOf(h, day.d, true);
    return nf && { i: k, j: day.j, type: 'DATE', nf };
  }

  /** `afternoon yesterday`, `morning Tuesday` (mostly after `early`/`mid`/`late`: `mid-afternoon yesterday`). */
  private podDay(i: number): Hit | undefined {
    const p = this.pod(i);
    if (!p) return undefined;
    const nx = this.w(i + 1);
    const offset = nx === 'yesterday' ? -1 : nx === 'today' ? 0 : nx === 'tomorrow' ? 1 : undefined;
    if (offset !== undefined) return { i, j: i + 2, type: 'TIME', nf: { kind: 'relative', unit: 'day', offset, anchor: 'ref', pod: p, gran: 'time' } };
    const wd = this.weekdayAt(i + 1);
    if (wd && !wd.plural) return { i, j: wd.j, type: 'TIME', nf: { kind: 'partial', weekday: wd.wd, pod: p } };
    return undefined;
  }

  /** `last year`, `this year`, `next year` right after a month or date. */
  private yearOffsetAfter(j: number): { j: number; offset: number } | undefined {
    const w = this.w(j);
    if (this.w(j + 1) !== 'year') return undefined;
    if (w === 'last') return { j: j + 2, offset: -1 };
    if (w === 'this') return { j: j + 2, offset: 0 };
    if (w === 'next') return { j: j + 2, offset: 1 };
    return undefined;
  }

  /** `2017-06-09`, `6/9/2017`, `09.06.2017`, `2017/06/09`. */
  private numericDate(i: number): Hit | undefined {
    const t = this.t(i);
    let m: RegExpExecArray | null;
    if (t.includes('.') && (m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t))) {
      const d = +m[1], mo = +m[2], y = +m[3];
      if (isValidDate(y, mo, d)) return { i, j: i + 1, type: 'DATE', nf: { kind: 'absolute', timex: `${y}-${pad(mo)}-${pad(d)}` } };
      return undefined;
    }
    if (this.k(i) !== 1 || !this.has(i + 4)) return undefined;
    const sep = this.w(i + 1);
    if ((sep !== '-' && sep !== '/') || this.w(i + 3) !== sep) return undefined;
    if (!this.tight(i + 1) || !this.tight(i + 2) || !this.tight(i + 3) || !this.tight(i + 4)) return undefined;
    const a = t, b = this.t(i + 2), c = this.t(i + 4);
    if (!isDigits(a, 1, a.length) || !isDigits(b, 1, b.length) || !isDigits(c, 1, c.length)) return undefined;
    // not followed by more digits (`1-800-555-1234`)
    if (this.has(i + 5) && this.tight(i + 5) && (this.w(i + 5) === sep || this.k(i + 5) === 1)) return undefined;
    let y: number, mo: number, d: number;
    if (a.length === 4) { y = +a; mo = +b; d = +c; }
    else if (c.length === 4 || (c.length === 2 && sep === '/')) {
      y = c.length === 4 ? +c : (+c < 50 ? 2000 + +c : 1900 + +c);
      // month first (US) unless the first number cannot be a month
      if (+a > 12) { d = +a; mo = +b; } else { mo = +a; d = +b; }
    } else return undefined;
    if (!isValidDate(y, mo, d)) return undefined;
    return { i, j: i + 5, type: 'DATE', nf: { kind: 'absolute', timex: `${y}-${pad(mo)}-${pad(d)}` } };
  }

  /** Years (`1998`, `the year 2000`, `2017's`), spelled years, and `'98`. */
  private yearish(i: number): Hit | undefined {
    let k = i;
    if (this.w(k) === 'the' && this.w(k + 1) === 'year') k += 2;
    else if (this.w(k) === 'year' && this.k(k + 1) === 1 && this.w(i - 1) !== 'the') k += 1;
    const y = this.year4(k);
    if (y) {
      const hasPrev = this.has(k - 1), hasNext = this.has(k + 1);
      const pw = this.w(k - 1), nw = this.w(k + 1), nk = this.k(k + 1);
      // decades and other number shapes are elsewhere
      if (hasNext && this.tight(k + 1) && (nw === 's' || nw === '%' || nk === 1 || (nk === 0 && nw !== 's'))) return undefined;
      if (hasNext && this.tight(k + 1) && nw === '\'' && this.w(k + 2) === 's' && this.t(k).endsWith('0')) return undefined;
      if (hasPrev && this.tight(k) && (pw === '$' || pw === '#' || pw === '£' || pw === '€' || this.k(k - 1) === 1 || pw === '.' || pw === ',')) return undefined;
      if (hasPrev && (pw === 'no' || pw === 'number' || pw === 'flight' || pw === 'route' || pw === 'room' ||
        pw === 'resolution' || pw === 'page' || pw === 'article' || pw === 'model')) return undefined;
      if (hasNext && (nw === 'percent' || nw === 'per' || nw === 'hours' || nw === 'gmt' || nw === 'utc' ||
        nw === 'km' || nw === 'kilometers' || nw === 'kilometres' || nw === 'miles' || nw === 'meters' ||
        nw === 'metres' || nw === 'feet' || nw === 'hectares' || nw === 'acres' || nw === 'people' ||
        nw === 'troops' || nw === 'soldiers' || nw === 'families' || nw === 'tons' || nw === 'tonnes')) return undefined;
      // `some 2000 families`: a count
      if (hasPrev && (pw === 'some' || pw === 'about' || pw === 'nearly' || pw === 'over' || pw === 'than' ||
        pw === 'almost' || pw === 'approximately') && hasNext && nk === 0 && nw.endsWith('s') && nw !== 's') return undefined;
      if (y.y < 1900 && k === i && !(hasPrev && /^(in|since|until|till|by|of|from|to|through|during|before|after|around|circa|c|year|early|late|mid|fiscal|and|-)$/.test(pw))) return undefined;
      const j = k + 1;
      // `1998 third quarter`; in `1998-99` the first year alone is the expression
      const q = this.quarterAfterYear(j, y.y);
      if (q) return { i, j: q.j, type: 'DATE', nf: q.nf };
      return { i, j, type: 'DATE', nf: { kind: 'absolute', timex: String(y.y) } };
    }
    // spelled years: `nineteen ninety-six`, `two thousand`, `the year two thousand`
    const sp = this.spelledYear(k);
    if (sp) {
      return { i, j: sp.j, type: 'DATE', nf: { kind: 'absolute', timex: String(sp.y) } };
    }
    return undefined;
  }

  /**
   * The year after a month or a season: four digits, or spelled (`nineteen ninety-four`, transcripts);
   * `two thousand` only before punctuation or the end (`in May two thousand people` is a count).
   */
  private yearAfter(j: number): { j: number; y: number } | undefined {
    const y = this.year4(j);
    if (y) return y;
    const w = this.w(j);
    if (w !== 'nineteen' && w !== 'eighteen' && w !== 'two') return undefined;
    const sp = this.spelledYear(j);
    if (!sp || (w === 'two' && this.k(sp.j) === 0)) return undefined;
    return sp;
  }

  private spelledYear(i: number): { j: number; y: number } | undefined {
    const w = this.w(i);
    if (w === 'nineteen' || w === 'eighteen') {
      const c = TENS.get(this.w(i + 1));
      if (c === undefined) return undefined;
      let y = (w === 'nineteen' ? 1900 : 1800) + c;
      let j = i + 2;
      if (this.hyphenAt(j) && (ONES.get(this.w(j + 1)) ?? 10) < 10) { y += ONES.get(this.w(j + 1))!; j += 2; }
      else if ((ONES.get(this.w(j)) ?? 10) < 10 && (ONES.get(this.w(j)) ?? 0) > 0) { y += ONES.get(this.w(j))!; j++; }
      return { j, y };
    }
    if (w === 'two' && this.w(i + 1) === 'thousand') {
      let j = i + 2;
      let y = 2000;
      if (this.w(j) === 'and' && (ONES.get(this.w(j + 1)) ?? 0) > 0) { y += ONES.get(this.w(j + 1))!; j += 2; }
      else if ((ONES.get(this.w(j)) ?? 0) > 0 && this.has(j) && !UNITS.has(this.w(j + 1))) { y += ONES.get(this.w(j))!; j++; }
      if (UNITS.has(this.w(j))) return undefined;
      return { j, y };
    }
    return undefined;
  }

  /** After a year: `1988 third quarter`, `1988 second-quarter`. */
  private quarterAfterYear(j: number, y: number): { j: number; nf: TimexNF } | undefined {
    const o = this.ordinal(j);
    if (!o || o.v > 4) return undefined;
    let k = o.j;
    if (this.hyphenAt(k)) k++;
    if (this.w(k) === 'quarter') return { j: k + 1, nf: { kind: 'absolute', timex: `${y}-Q${o.v}` } };
    if (this.w(k) === 'half' && o.v <= 2) return { j: k + 1, nf: { kind: 'absolute', timex: `${y}-H${o.v}` } };
    return undefined;
  }

  /** `the third quarter`, `third-quarter`, `the fiscal first quarter`, `the third quarter of 1989`, `Q3 2017`. */
  private quarter(i: number): Hit | undefined {
    let k = i;
    const w = this.w(k);
    if (w === 'the' || w === 'its' || w === 'their' || w === 'a') k++;
    let fiscal = false;
    if (this.w(k) === 'fiscal') { fiscal = true; k++; if (this.hyphenAt(k)) k++; }
    // `Q3`, `Q3 2017`, `3Q`
    if (this.w(k) === 'q' && this.k(k + 1) === 1 && this.tight(k + 1) && /^[1-4]$/.test(this.t(k + 1))) {
      const q = +this.t(k + 1);
      let j = k + 2;
      const y = this.year4(j);
      if (y) return { i, j: y.j, type: 'DATE', nf: { kind: 'absolute', timex: `${y.y}-Q${q}` } };
      return { i, j, type: 'DATE', nf: { kind: 'partial', quarter: q } };
    }
    let year: number | undefined;
    const y0 = this.year4(k);
    if (y0) { year = y0.y; k = y0.j; }
    // `a flat second quarter`
    if (w === 'a') { if (this.w(k) !== 'flat') return undefined; k++; }
    const o = this.ordinal(k);
    let qn: number | undefined;
    let kk: number;
    // Possessives stay outside (`its fourth quarter`); so does the article of the adjective
    // (`the third-quarter loss`), TimeBank practice.
    let start = w === 'its' || w === 'their' ? i + 1 : i;
    if (o && o.v <= 4) {
      qn = o.v;
      kk = o.j;
      if (this.hyphenAt(kk)) { kk++; if (w === 'the' && !fiscal && year === undefined) start = i + 1; }
    } else if ((this.w(k) === 'last' || this.w(k) === 'final') && (w === 'the' || w === 'its')) {
      qn = 4;
      kk = k + 1;
      if (this.w(kk) !== 'quarter' || year === undefined) return undefined;
    } else return undefined;
    if (this.w(kk) !== 'quarter') {
      if (this.w(kk) === 'quarters' && !fiscal && w !== 'the' && w !== 'its' && year === undefined) {
        return { i: start, j: kk + 1, type: 'SET', nf: { kind: 'set', timex: `XXXX-Q${qn}` } };
      }
      return undefined;
    }
    let j = kk + 1;
    // `of 1989`, `of fiscal 1989`, `of this year`, `of last year`
    if (year === undefined && this.w(j) === 'of') {
      let jj = j + 1;
      if (this.w(jj) === 'fiscal') jj++;
      const y = this.year4(jj);
      if (y) { year = y.y; j = y.j; }
      else {
        const yo = this.yearOffsetAfter(jj);
        if (yo) return { i: start, j: yo.j, type: 'DATE', nf: { kind: 'partial', quarter: qn, yearOffset: yo.offset } };
      }
    }
    if (year !== undefined) return { i: start, j, type: 'DATE', nf: { kind: 'absolute', timex: `${year}-Q${qn}` } };
    return { i: start, j, type: 'DATE', nf: { kind: 'partial', quarter: qn } };
  }

  /** `the first half of 1999`, `the second half`, `first-half`. */
  private half(i: number): Hit | undefined {
    let k = i;
    const det = this.w(k) === 'the';
    if (det) k++;
    const w = this.w(k);
    let h: number | undefined;
    if (w === 'first') h = 1;
    else if (w === 'second' || (det && (w === 'last' || w === 'latter'))) h = 2;
    if (!h) return undefined;
    let kk = k + 1;
    if (this.hyphenAt(kk)) kk++;
    if (this.w(kk) !== 'half') return undefined;
    let j = kk + 1;
    if (this.w(j) === 'of') {
      const y = this.year4(j + 1);
      if (y) return { i, j: y.j, type: 'DATE', nf: { kind: 'absolute', timex: `${y.y}-H${h}` } };
      const yo = this.yearOffsetAfter(j + 1);
      if (yo) return { i, j: yo.j, type: 'DATE', nf: { kind: 'partial', half: h, yearOffset: yo.offset } };
      // `the first half of the '80s` and such are handled by the positional rule
      return undefined;
    }
    if (!det && !this.hyphenAt(k + 1)) return undefined;
    if (this.w(j) === 'of' || this.w(j) === 'hour' || this.w(j) === 'century') return undefined;
    void j;
    return { i, j: kk + 1, type: 'DATE', nf: { kind: 'partial', half: h } };
  }

  /** `the 1990s`, `1990s`, `the '80s`, `the nineties`: TIMEX3 writes a decade with its first three digits (`199`). */
  private decade(i: number): Hit | undefined {
    let k = i;
    const det = this.w(k) === 'the';
    if (det) k++;
    if (!this.has(k)) return undefined;
    const tk = this.k(k), tt = this.t(k);
    if (tk === 1 && /^\d{3}0$/.test(tt)) {
      let j = k + 1;
      if (this.w(j) === 's' && this.tight(j)) j++;
      else if (this.w(j) === '\'' && this.w(j + 1) === 's' && this.tight(j) && this.tight(j + 1)) j += 2;
      else return undefined;
      return { i, j, type: 'DATE', nf: { kind: 'absolute', timex: tt.slice(0, 3) } };
    }
    const tw = this.w(k);
    if (tw === '\'' || tw === '’') {
      const nt = this.t(k + 1);
      if (this.k(k + 1) === 1 && /^\d0$/.test(nt) && this.tight(k + 1) && this.w(k + 2) === 's' && this.tight(k + 2)) {
        const c = +nt[0] <= 2 ? '20' : '19';
        return { i, j: k + 3, type: 'DATE', nf: { kind: 'absolute', timex: `${c}${nt[0]}` } };
      }
      return undefined;
    }
    const dw = DECADE_WORDS.get(tw);
    if (dw !== undefined && det) return { i, j: k + 1, type: 'DATE', nf: { kind: 'absolute', timex: `19${dw}` } };
    return undefined;
  }

  /** `the 20th century`, `the nineteenth century`. */
  private century(i: number): Hit | undefined {
    let k = i;
    if (this.w(k) === 'the') k++;
    const o = this.ordinal(k);
    if (!o || o.v < 1 || o.v > 30) return undefined;
    let j = o.j;
    if (this.hyphenAt(j)) j++;
    if (this.w(j) !== 'century') return undefined;
    return { i, j: j + 1, type: 'DATE', nf: { kind: 'absolute', timex: String(o.v - 1).padStart(2, '0') } };
  }

  /** `summer 1998`, `the summer of 1998`, `the summer`. */
  private seasonExpr(i: number): Hit | undefined {
    let k = i;
    const det = this.w(k) === 'the';
    if (det) k++;
    const s = SEASONS.get(this.w(k));
    if (!s) return undefined;
    let j = k + 1;
    let y = this.yearAfter(j);
    if (!y && this.w(j) === 'of') { y = this.yearAfter(j + 1); if (y) j++; }
    if (y) return { i, j: y.j, type: 'DATE', nf: { kind: 'absolute', timex: `${y.y}-${s}` } };
    const yo = this.yearOffsetAfter(j);
    if (yo) return { i, j: yo.j, type: 'DATE', nf: { kind: 'partial', season: s, yearOffset: yo.offset } };
    if (this.w(j) === 'of' && this.yearOffsetAfter(j + 1)) {
      const y2 = this.yearOffsetAfter(j + 1)!;
      return { i, j: y2.j, type: 'DATE', nf: { kind: 'partial', season: s, yearOffset: y2.offset } };
    }
    // `the summer` alone; `fall` and `spring` alone are too often other words
    if (det && this.k(j) !== 0) return { i, j, type: 'DATE', nf: { kind: 'partial', season: s } };
    if (det && (this.w(j) === 'of' || this.w(j) === 'and' || this.w(j) === 'when' || this.w(j) === 'before' || this.w(j) === 'after')) {
      return this.w(j) === 'of' ? undefined : { i, j, type: 'DATE', nf: { kind: 'partial', season: s } };
    }
    return undefined;
  }

  /** `Christmas`, `Christmas Eve`, `New Year's Day`, `Easter`, `Thanksgiving Day`, `Halloween`. */
  private holiday(i: number): Hit | undefined {
    if (!this.cap(i)) return undefined;
    const w = this.w(i);
    const part = (nf: PartialNF, j: number): Hit => {
      const y = this.year4(j);
      if (y) return { i, j: y.j, type: 'DATE', nf: { ...nf, year: y.y } };
      return { i, j, type: 'DATE', nf };
    };
    if (w === 'christmas') {
      if (this.w(i + 1) === 'eve') return part({ kind: 'partial', month: 12, day: 24 }, i + 2);
      return part({ kind: 'partial', month: 12, day: 25 }, this.w(i + 1) === 'day' ? i + 2 : i + 1);
    }
    if (w === 'new' && this.w(i + 1) === 'year' && this.w(i + 2) === '\'' && this.w(i + 3) === 's') {
      const d = this.w(i + 4);
      if (d === 'day') return part({ kind: 'partial', month: 1, day: 1 }, i + 5);
      if (d === 'eve') return part({ kind: 'partial', month: 12, day: 31 }, i + 5);
      return undefined;
    }
    if (w === 'easter') {
      const j = this.w(i + 1) === 'sunday' ? i + 2 : i + 1;
      // `Easter week`: the week of Easter Sunday
      if (this.w(j) === 'week') return part({ kind: 'partial', holiday: 'easter', weekOf: true }, j + 1);
      return part({ kind: 'partial', holiday: 'easter' }, j);
    }
    if (w === 'thanksgiving') return part({ kind: 'partial', holiday: 'thanksgiving' }, this.w(i + 1) === 'day' ? i + 2 : i + 1);
    // `Election Day` (the United States': the Tuesday after the first Monday of November)
    if (w === 'election' && this.w(i + 1) === 'day' && this.cap(i + 1)) return part({ kind: 'partial', holiday: 'election' }, i + 2);
    if (w === 'halloween') return part({ kind: 'partial', month: 10, day: 31 }, i + 1);
    if (w === 'valentine' && this.w(i + 1) === '\'' && this.w(i + 2) === 's' && this.w(i + 3) === 'day') {
      return part({ kind: 'partial', month: 2, day: 14 }, i + 4);
    }
    return undefined;
  }

  /** `fiscal 1989`, `fiscal year 1998`, `the fiscal year`, `fiscal 1998's first quarter`. */
  private fiscal(i: number): Hit | undefined {
    let k = i;
    const det = this.w(k) === 'the';
    if (det) k++;
    if (this.w(k) !== 'fiscal') return undefined;
    k++;
    if (this.w(k) === 'year') k++;
    const y = this.year4(k);
    if (y) {
      const q = this.quarterAfterYear(y.j, y.y);
      if (q) return { i, j: q.j, type: 'DATE', nf: q.nf };
      return { i, j: y.j, type: 'DATE', nf: { kind: 'absolute', timex: String(y.y) } };
    }
    if (det && this.w(k - 1) === 'year') {
      // `the fiscal year ended Jan. 31`: a length of a year, like `the year ended`
      const nx = this.w(k);
      if (nx === 'ended' || nx === 'ending') return { i, j: k, type: 'DURATION', nf: { kind: 'duration', timex: 'P1Y' } };
      return { i, j: k, type: 'DATE', nf: { kind: 'relative', unit: 'year', offset: 0, anchor: 'ref' } };
    }
    return undefined;
  }

  /** `10 p.m.`, `10:30 a.m. EST`, `noon`, `midnight`, `4 in the morning`, `10 p.m. Wednesday`. */
  private clockTime(i: number): Hit | undefined {
    const tw = this.w(i), tt = this.t(i);
    let time: ClockTime | undefined;
    let j = i;
    if (tw === 'noon' || tw === 'midday') { time = { h: 12, mi: 0 }; j = i + 1; }
    else if (tw === 'midnight') { time = { h: 24, mi: 0 }; j = i + 1; }
    else if (this.k(i) === 1 && tt.length === 4 && /^\d{4}$/.test(tt)) {
      // the news agencies' 24-hour clock: `0300 GMT`, `1350 local time`, `at 0600 hours`
      const h = +tt.slice(0, 2), mi = +tt.slice(2);
      if (h > 24 || mi > 59 || (h === 24 && mi > 0)) return undefined;
      const nx = this.w(i + 1);
      const zone = TIME_ZONES.has(nx) && this.t(i + 1) === this.t(i + 1).toUpperCase();
      const hours = (nx === 'hours' || nx === 'hrs') && this.w(i - 1) === 'at';
      if (!(zone || (nx === 'local' && this.w(i + 2) === 'time') || hours)) return undefined;
      time = { h, mi };
      j = i + 1;
      if (nx === 'hours' || nx === 'hrs') j++;
    } else if (this.k(i) === 1) {
      if (tt.length > 5) return undefined;
      const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(tt);
      if (!m) return undefined;
      let h = +m[1];
      const mi = m[2] !== undefined ? +m[2] : 0;
      if (h > 24 || mi > 59) return undefined;
      j = i + 1;
      const ap = this.ampm(j);
      if (ap) {
        if (h > 12 || h === 0) return undefined;
        if (ap.pm && h < 12) h += 12;
        if (!ap.pm && h === 12) h = 0;
        j = ap.j;
      } else if (this.w(j) === 'o' && this.w(j + 1) === '\'' && this.w(j + 2) === 'clock') {
        j += 3;
      } else if (this.w(j) === 'in' && this.w(j + 1) === 'the' && this.pod(j + 2)) {
        const p = this.pod(j + 2)!;
        if ((p === 'AF' || p === 'EV' || p === 'NI') && h < 12) h += 12;
        j += 3;
      } else if (m[2] !== undefined && tt.includes(':')) {
        // 24-hour clock: only with a time zone or `local time` / `hours` after it, or `at` before it
        const nx = this.w(j);
        if (!(TIME_ZONES.has(nx) || nx === 'local' || nx === 'hours' || nx === 'hrs' || nx === 'h' || this.w(i - 1) === 'at')) return undefined;
      } else return undefined;
      time = { h, mi };
    } else return undefined;
    // time zone
    if (TIME_ZONES.has(this.w(j)) && this.t(j) === this.t(j).toUpperCase()) j++;
    else if (this.w(j) === 'local' && this.w(j + 1) === 'time') j += 2;
    // a day right after: `10 p.m. Wednesday`, `5 p.m. EST, Nov. 9`, `noon today`
    let k = j;
    if (this.isPunct(k, ',')) k++;
    const day = this.dayAfterTime(k);
    if (day) {
      const nf = { ...day.nf, time } as PartialNF | RelativeNF;
      if (nf.kind === 'relative') nf.gran = 'time';
      return { i, j: day.j, type: 'TIME', nf };
    }
    // `midnight on Sunday`, `3 p.m. on March 9`: the day after `on` says which day the time is on; it is an
    // expression of its own (the preposition stays outside both), so the time's extent ends here.
    if (this.w(j) === 'on') {
      const on = this.dayAfterTime(j + 1);
      if (on && on.nf.kind === 'partial') return { i, j, type: 'TIME', nf: { ...on.nf, time } };
    }
    // a bare time: the day of the last date mentioned (or the reference date)
    return { i, j, type: 'TIME', nf: { kind: 'relative', unit: 'day', offset: 0, anchor: 'prev', time, gran: 'time' } };
  }

  private ampm(j: number): { j: number; pm: boolean } | undefined {
    const w = this.w(j);
    if (w === 'am' || w === 'pm') return { j: j + 1 + (this.isPunct(j + 1, '.') && this.tight(j + 1) ? 1 : 0), pm: w === 'pm' };
    if ((w === 'a' || w === 'p') && this.isPunct(j + 1, '.') && this.tight(j + 1) && this.w(j + 2) === 'm' && this.tight(j + 2)) {
      let e = j + 3;
      if (this.isPunct(e, '.') && this.tight(e)) e++;
      return { j: e, pm: w === 'p' };
    }
    return undefined;
  }

  private dayAfterTime(k: number): { j: number; nf: PartialNF | RelativeNF } | undefined {
    const w = this.w(k);
    if (w === 'today') return { j: k + 1, nf: { kind: 'relative', unit: 'day', offset: 0, anchor: 'ref' } };
    if (w === 'yesterday') return { j: k + 1, nf: { kind: 'relative', unit: 'day', offset: -1, anchor: 'ref' } };
    if (w === 'tomorrow') return { j: k + 1, nf: { kind: 'relative', unit: 'day', offset: 1, anchor: 'ref' } };
    const cd = this.calendarDate(k);
    if (cd && cd.nf.kind === 'partial' && (cd.nf.day !== undefined || cd.nf.weekday !== undefined)) return { j: cd.j, nf: cd.nf };
    if (cd && cd.nf.kind === 'absolute' && /^\d{4}-\d{2}-\d{2}$/.test(cd.nf.timex)) {
      const [y, m, d] = cd.nf.timex.split('-').map(Number);
      return { j: cd.j, nf: { kind: 'partial', year: y, month: m, day: d } };
    }
    const wd = this.weekdayAt(k);
    if (wd && !wd.plural) return { j: wd.j, nf: { kind: 'partial', weekday: wd.wd } };
    return undefined;
  }

  /** `early May`, `late 1990`, `mid-1990s`, `the end of 1990`, `earlier this year`, `year-end`. */
  private positional(i: number): Hit | undefined {
    const w = this.w(i);
    let mod: string | undefined;
    let k = i;
    const w1 = this.w(i + 1);
    if (w === 'early' || w === 'late' || w === 'mid' || (w === 'the' && (w1 === 'early' || w1 === 'late' || w1 === 'mid'))) {
      // `early May`, `mid-1990s`, `the late 1970s`
      const p = w === 'the' ? w1 : w;
      mod = p === 'early' ? 'START' : p === 'late' ? 'END' : 'MID';
      k = w === 'the' ? i + 2 : i + 1;
      if (this.hyphenAt(k)) k++;
      if (w === 'the') {
        const target = this.positionalTarget(k);
        if (!target || target.nf.kind !== 'absolute' || !/^\d{3}$/.test(target.nf.timex)) return undefined; // decades only
        return { ...target, i, mod };
      }
    } else if (w === 'earlier' || w === 'later') {
      mod = w === 'earlier' ? 'START' : 'END';
      k = i + 1;
      const nx = this.w(k);
      if (nx === 'in' && this.w(k + 1) === 'the' && CAL_UNITS.has(this.w(k + 2))) {
        const unit = CAL_UNITS.get(this.w(k + 2))!;
        return { i, j: k + 3, type: 'DATE', nf: { kind: 'relative', unit, offset: 0, anchor: 'ref' }, mod };
      }
      if (!(nx === 'this' || nx === 'that' || nx === 'today' || nx === 'yesterday' || nx === 'tonight' || nx === 'last' || nx === 'next')) return undefined;
    } else if (w === 'year' || w === 'month') {
      // `year-end`, `year end`, `year's end`, `month-end`
      let k2 = i + 1;
      if (this.hyphenAt(k2)) k2++;
      else if (this.w(k2) === '\'' && this.w(k2 + 1) === 's') k2 += 2;
      if (this.w(k2) === 'end') {
        return { i, j: k2 + 1, type: 'DATE', nf: { kind: 'relative', unit: w === 'year' ? 'year' : 'month', offset: 0, anchor: 'ref' }, mod: 'END' };
      }
      return undefined;
    } else {
      let k2 = i;
      if (w === 'the') k2++;
      const pw = this.w(k2);
      const pm = pw === 'end' || pw === 'close' ? 'END' : pw === 'beginning' || pw === 'start' ? 'START' : pw === 'middle' ? 'MID' : undefined;
      if (pm && this.w(k2 + 1) === 'of') { mod = pm; k = k2 + 2; }
      else if ((pw === 'first' || pw === 'second' || pw === 'last' || pw === 'latter') && this.w(k2 + 1) === 'half' && this.w(k2 + 2) === 'of') {
        mod = pw === 'first' ? 'START' : 'END';
        k = k2 + 3;
        // `the first half of 1999` is H1 (half rule); here: decades and others
        const target = this.positionalTarget(k);
        if (!target || (target.nf.kind === 'absolute' && /^\d{4}$/.test(target.nf.timex))) return undefined;
        return { ...target, i, mod };
      } else return undefined;
    }
    const target = this.positionalTarget(k);
    if (!target) return undefined;
    if (target.nf.kind === 'relative' && target.nf.unit === 'day' && !target.nf.pod && w !== 'earlier' && w !== 'later') {
      return { ...target, i, mod };
    }
    return { ...target, i, mod: target.mod ?? mod };
  }

  private positionalTarget(k: number): Hit | undefined {
    let best: Hit | undefined;
    const take = (h: Hit | undefined) => { if (h && h.type !== 'DURATION' && h.type !== 'SET' && (!best || h.j > best.j)) best = h; };
    if (!this.has(k)) return undefined;
    const tw = this.w(k);
    take(this.calendarDate(k));
    take(this.yearish(k));
    take(this.decade(k));
    take(this.century(k));
    take(this.relative(k));
    take(this.deictic(k));
    take(this.weekdayExpr(k));
    take(this.quarter(k));
    take(this.holiday(k));
    take(this.podDay(k));
    const s = SEASONS.get(tw);
    if (s) take({ i: k, j: k + 1, type: 'DATE', nf: { kind: 'partial', season: s } });
    else take(this.seasonExpr(k));
    // `the end of the year`, `the end of the month`, `the end of the week`
    if (tw === 'the' && CAL_UNITS.has(this.w(k + 1)) && this.w(k + 1) !== 'day') {
      take({ i: k, j: k + 2, type: 'DATE', nf: { kind: 'relative', unit: CAL_UNITS.get(this.w(k + 1))!, offset: 0, anchor: 'ref' } });
    }
    if (best && best.nf.kind === 'absolute' && /_REF$/.test(best.nf.timex)) return undefined;
    return best;
  }

  /** `the week`, `the year`, `the quarter`: anaphoric, or a duration (`the year` in TimeBank is often P1Y). */
  private theAnaphor(i: number): Hit | undefined {
    if (this.w(i) !== 'the') return undefined;
    const u = this.w(i + 1);
    // `the year's`, `the week of`: leave to others
    if (this.w(i + 2) === '\'' || this.w(i + 2) === '-') return undefined;
    if (u === 'weekend') return { i, j: i + 2, type: 'DATE', nf: { kind: 'partial', weekend: true } };
    // `in the morning`, `during the afternoon`: that part of the day mentioned before; only after a preposition
    // and not before a noun (`the evening news`, `the morning of June 9`: the noun's, or another rule's)
    if ((u === 'morning' || u === 'afternoon' || u === 'evening') && POD_PREPOSITIONS.has(this.w(i - 1)) &&
      (this.k(i + 2) !== 0 || this.cap(i + 2) || POD_FOLLOWERS.has(this.w(i + 2)))) {
      return { i, j: i + 2, type: 'TIME', nf: { kind: 'relative', unit: 'day', offset: 0, anchor: 'prev', pod: this.pod(i + 1), gran: 'time' } };
    }
    if (u === 'week') {
      // `the week of March 6`: the week containing that day
      if (this.w(i + 2) === 'of') {
        const d = this.calendarDate(i + 3);
        if (d && d.nf.kind === 'partial' && d.nf.day !== undefined) {
          return { i, j: d.j, type: 'DATE', nf: { ...d.nf, weekOf: true } };
        }
      }
      return { i, j: i + 2, type: 'DATE', nf: { kind: 'relative', unit: 'week', offset: 0, anchor: 'prev' } };
    }
    if (u === 'quarter' || (u === 'period' && this.w(i + 2) === 'a')) {
      // `the quarter a year ago`: one expression
      if (this.w(i + 2) === 'a' && this.w(i + 3) === 'year' && (this.w(i + 4) === 'ago' || this.w(i + 4) === 'earlier')) {
        return { i, j: i + 5, type: 'DATE', nf: { kind: 'relative', unit: 'year', offset: -1, anchor: 'auto', gran: 'quarter' } };
      }
      if (u === 'period') return undefined;
      // `the quarter ended July 31`: the calendar quarter holding most of the three months up to that day
      // (May-July: the second), in the year of the day
      const ew = this.w(i + 2);
      if (ew === 'ended' || ew === 'ending') {
        const d = this.calendarDate(i + 3);
        if (d && (d.nf.kind === 'partial' || d.nf.kind === 'absolute')) {
          const m = d.nf.kind === 'partial' ? d.nf.month : /^\d{4}-(\d{2})-\d{2}$/.exec(d.nf.timex) ? +d.nf.timex.slice(5, 7) : undefined;
          const y = d.nf.kind === 'absolute' ? +d.nf.timex.slice(0, 4) : undefined;
          if (m !== undefined && (d.nf.kind === 'absolute' ? /^\d{4}-\d{2}-\d{2}$/.test(d.nf.timex) : d.nf.day !== undefined)) {
            const mid = m === 1 ? 12 : m - 1;
            const q = Math.floor((mid - 1) / 3) + 1;
            if (y !== undefined) return { i, j: i + 2, type: 'DATE', nf: { kind: 'absolute', timex: `${m === 1 ? y - 1 : y}-Q${q}` } };
            return { i, j: i + 2, type: 'DATE', nf: { kind: 'partial', quarter: q } };
          }
        }
      }
      return { i, j: i + 2, type: 'DATE', nf: { kind: 'relative', unit: 'quarter', offset: 0, anchor: 'prev', fallbackOffset: -1, sameGran: true } };
    }
    if (u === 'year') {
      // `the year ended Sept. 30` is a fiscal year (a duration); otherwise the current year
      const nx2 = this.w(i + 2);
      if (nx2 === 'ended' || nx2 === 'ending' || nx2 === 'to' || nx2 === 'through') return { i, j: i + 2, type: 'DURATION', nf: { kind: 'duration', timex: 'P1Y' } };
      if (nx2 === 'before' || nx2 === 'after' || nx2 === 'earlier' || nx2 === 'later') return undefined;
      return { i, j: i + 2, type: 'DATE', nf: { kind: 'relative', unit: 'year', offset: 0, anchor: 'ref' } };
    }
    // `the first two quarters of 1990`: a half
    if ((u === 'first' || u === 'last') && this.w(i + 2) === 'two' && this.w(i + 3) === 'quarters' && this.w(i + 4) === 'of') {
      const y = this.year4(i + 5);
      if (y) return { i, j: y.j, type: 'DATE', nf: { kind: 'absolute', timex: `${y.y}-H${u === 'first' ? 1 : 2}` } };
    }
    // `the full year`, `the whole year`
    if ((u === 'full' || u === 'whole' || u === 'entire') && this.w(i + 2) === 'year') {
      return { i, j: i + 3, type: 'DATE', nf: { kind: 'relative', unit: 'year', offset: 0, anchor: 'ref' } };
    }
    // `the latest period`, `the same period`: the fiscal period mentioned before (or the last complete quarter)
    if ((u === 'latest' || u === 'same' || u === 'current') && this.w(i + 2) === 'period') {
      return { i, j: i + 3, type: 'DATE', nf: { kind: 'relative', unit: 'quarter', offset: 0, anchor: u === 'current' ? 'ref' : 'prev', fallbackOffset: u === 'current' ? 0 : -1, sameGran: true } };
    }
    // `the weeks ahead`, `the days ahead`
    const pu = UNITS.get(u);
    if (pu && pu.plural && this.w(i + 2) === 'ahead') {
      return { i, j: i + 3, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex('X', pu) } };
    }
    // `the nine months`, `the two days`
    const c = this.cardinal(i + 1);
    if (c && this.w(i + 1) !== 'a' && this.w(i + 1) !== 'an' && typeof c.v === 'number') {
      const un = this.unitAfter(c.j, c.v);
      if (un && un.unit.plural) return { i, j: un.j, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex(c.v, un.unit) } };
    }
    return undefined;
  }

  /** `the 1988 quarter`, `the 1988 period`: the quarter mentioned before, in that year (a period with none: the year). */
  private yearQuarter(i: number): Hit | undefined {
    if (this.w(i) !== 'the') return undefined;
    const y = this.year4(i + 1);
    if (!y || !(this.w(y.j) === 'quarter' || this.w(y.j) === 'period')) return undefined;
    if (this.w(y.j) === 'period') return { i, j: y.j + 1, type: 'DATE', nf: { kind: 'partial', year: y.y, quarter: 0, period: true } };
    return { i, j: y.j + 1, type: 'DATE', nf: { kind: 'partial', year: y.y, quarter: 0 } };
  }

  /** `the year-ago quarter`, `the year-earlier period`, `year-earlier` (profit): the same period a year before. */
  private yearAgo(i: number): Hit | undefined {
    let k = i;
    const w = this.w(k);
    const det = w === 'the' || w === 'its' || w === 'their';
    if (det) k++;
    if (this.w(k) === 'comparable' || this.w(k) === 'same') k++;
    if (this.w(k) !== 'year' || !this.hyphenAt(k + 1) || !(this.w(k + 2) === 'ago' || this.w(k + 2) === 'earlier')) return undefined;
    let j = k + 3;
    const o = this.ordinal(j);
    if (o && o.v <= 4 && this.w(o.j) === 'quarter') {
      return { i, j: o.j + 1, type: 'DATE', nf: { kind: 'partial', quarter: o.v, yearOffset: -1 } };
    }
    // `the year-earlier nine months`: a duration
    const c = this.cardinal(j);
    if (c && typeof c.v === 'number' && this.w(j) !== 'a') {
      const u = this.unitAfter(c.j, c.v);
      if (u && u.unit.plural) return { i, j: u.j, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex(c.v, u.unit) } };
    }
    const nx = this.w(j);
    if (nx === 'quarter' || nx === 'period') {
      return { i, j: j + 1, type: 'DATE', nf: { kind: 'relative', unit: 'year', offset: -1, anchor: 'auto', gran: nx === 'quarter' ? 'quarter' : undefined } };
    }
    // `year-earlier profit`: the adjective alone
    return { i: det ? k : i, j, type: 'DATE', nf: { kind: 'relative', unit: 'year', offset: -1, anchor: 'auto' } };
  }

  // ---------------------------------------------------------------------------------------------------
  // tense

  /** `set` at token k, before a date at token d, speaks of the future: nothing between, or `to`/`for`. */
  private setAhead(k: number, d: number): boolean {
    if (k + 1 === d) return true;
    for (let m = k + 1; m < d; m++) { const w = this.w(m); if (w === 'to' || w === 'for') return true; }
    return false;
  }

  /** `had been` within the three tokens before token k (`had been due to`, `had previously been scheduled`). */
  private hadBeen(k: number): boolean {
    for (let m = k - 1; m >= 1 && m >= k - 3; m--) if (this.w(m) === 'been' && (this.w(m - 1) === 'had' || this.w(m - 2) === 'had')) return true;
    return false;
  }

  /** `had` in the clause around hit h (the tokens the tense is read from). */
  private pastPerfect(h: Hit): boolean {
    for (let k = h.i - 1, steps = 0; k >= 0 && steps < 12; k--, steps++) {
      if ((this.K[k] & KIND) === 2) { const w = this.W[k]; if (w === '.' || w === ';' || w === '"' || w === '“' || w === '”') break; }
      if (this.W[k] === 'had') return true;
    }
    for (let k = h.j, steps = 0; k < this.n && steps < FWD; k++, steps++) {
      if ((this.K[k] & KIND) === 2) { const w = this.W[k]; if (w === '.' || w === ';') break; }
      if (this.W[k] === 'had') return true;
    }
    return false;
  }

  /** Sets the direction hint of partial dates from the tense around them (future: `will`, `'ll`, `scheduled to`). */
  private addHint(h: Hit): void {
    if (h.nf.kind !== 'partial') return;
    // (the fields read through a copy of one shape: see `sameShape`)
    const f = sameShape(PARTIAL_FIELDS, h.nf);
    if (f.dir !== undefined || f.year !== undefined) return;
    let hint: -1 | 1 | undefined;
    const w1 = this.w(h.i - 1), w2 = this.w(h.i - 2), w3 = this.w(h.i - 3);
    // `by Jan. 14` (a deadline), `as soon as Tuesday`, `as early as Tuesday`
    if (w1 === 'by' || w1 === 'until' || w1 === 'till' || (w3 === 'as' && (w2 === 'soon' || w2 === 'early') && w1 === 'as')) {
      // ... unless the clause is in the past perfect: `had filed reports by Wednesday`, `until Monday, they had not`
      hint = this.pastPerfect(h) ? -1 : 1;
    }
    for (let k = h.i - 1, steps = 0; hint === undefined && k >= 0 && steps < 12; k--, steps++) {
      const kind = this.K[k] & KIND;
      if (kind === 2) { const w = this.W[k]; if (w === '.' || w === ';' || w === '"' || w === '“' || w === '”') break; }
      const c = this.C[k];
      if (c & F_FUTURE) {
        const w = this.W[k];
        if (w === 'to') {
          const p = this.w(k - 1);
          if (!(p === 'is' || p === 'are' || p === 'going' || p === 'expected' || p === 'scheduled' || p === 'due' ||
            p === 'set' || p === 'plans' || p === 'plan')) continue;
        }
        if (w === 'until') continue;
        // `set` looks forward right before the date or with `to`/`for` (`graduation set June 6`, `set to meet on
        // May 2`, `set a meeting for Friday`); otherwise it is a past tense or participle (`set bail Tuesday`,
        // `the record set on Aug. 6`)
        if (w === 'set' && !this.setAhead(k, h.i)) { hint = -1; break; }
        // a plan in the past perfect has had its day: `had been due to expire Friday`, `had been scheduled to`
        hint = this.hadBeen(k) ? -1 : 1; break;
      }
      if ((c & F_PAST) || (this.K[k] & K_ED) !== 0) {
        // a participle after `be` is a passive, not a past tense (`will be held on May 2`, `is to be named`)
        if (k > 0 && this.W[k] !== 'been' && (this.w(k - 1) === 'be' || this.w(k - 1) === 'being')) continue;
        hint = -1; break;
      }
    }
    if (hint === undefined) {
      for (let k = h.j, steps = 0; k < this.n && steps < FWD; k++, steps++) {
        const kind = this.K[k] & KIND;
        if (kind === 2) { const w = this.W[k]; if (w === '.' || w === ';' || (w === ',' && !FWD_COMMA)) break; }
        const c = this.C[k];
        if (c & F_FUTURE) { const w = this.W[k]; if (w === 'will' || w === 'll' || w === 'shall') { hint = 1; break; } }
        if ((c & F_PAST) || (this.K[k] & K_ED) !== 0) { hint = -1; break; }
      }
    }
    const nf = h.nf;
    if (hint !== undefined) h.nf = { ...nf, hint };
    else if (f.weekday !== undefined && f.month === undefined) h.nf = { ...nf, hint: -1 };
    else if ((f.quarter !== undefined || f.half !== undefined) && f.yearOffset === undefined) h.nf = { ...nf, hint: -1 };
  }
}

/** Tokens looked at after an expression for its tense (`In March, the company said`). */
const FWD = 6;
const FWD_COMMA = true;

/** `s` is `min` to `max` ASCII digits. */
function isDigits(s: string, min: number, max: number): boolean {
  const n = s.length;
  if (n < min || n > max) return false;
  for (let k = 0; k < n; k++) { const c = s.charCodeAt(k); if (c < 48 || c > 57) return false; }
  return true;
}

/**
 * The value of a number token as a cardinal (`1,000`, `2.5`, `12`), or -1 when it is not one (`10:30`,
 * `1,00`, `1.000.000`): digits with thousands separators in groups of three, or plain digits, and an
 * optional decimal part.
 */
function numberValue(t: string): number {
  const n = t.length;
  let k = 0, commas = false, lastComma = -1, digitsBefore = 0;
  while (k < n) {
    const c = t.charCodeAt(k);
    if (c >= 48 && c <= 57) { k++; continue; }
    if (c === 44) {
      // a comma after 1-3 digits, then groups of exactly three
      if (lastComma < 0 ? k === 0 || k > 3 : k - lastComma !== 4) return -1;
      lastComma = k; commas = true; k++; continue;
    }
    break;
  }
  digitsBefore = k;
  if (commas && digitsBefore - lastComma !== 4) return -1;
  if (k < n) {
    if (t.charCodeAt(k) !== 46 || k + 1 >= n) return -1;
    for (let m = k + 1; m < n; m++) { const c = t.charCodeAt(m); if (c < 48 || c > 57) return -1; }
  }
  return parseFloat(commas ? t.replace(/,/g, '') : t);
}

function endsWithEd(w: string): boolean {
  const n = w.length;
  return n > 4 && w.charCodeAt(n - 1) === 100 && w.charCodeAt(n - 2) === 101;
}

// Word-class flags of tokens: one map lookup per token instead of many set lookups.
const F_START = 1, F_MONTH = 2, F_ABBR = 4, F_PLURAL_WEEKDAY = 8, F_FUTURE = 16, F_PAST = 32, F_AFTER_NUMBER = 64,
  F_AFTER_THE = 128, F_AFTER_A = 256, F_NUMWORD = 512, F_AFTER_THAT = 1024;
const FLAGS: Map<string, number> = (() => {
  const m = new Map<string, number>();
  const set = (words: Iterable<string>, f: number) => { for (const w of words) m.set(w, (m.get(w) ?? 0) | f); };
  set(ALL_STARTERS, F_START);
  set(MONTHS.keys(), F_MONTH);
  set([...MONTH_ABBREVIATIONS.keys(), ...WEEKDAY_ABBREVIATIONS.keys()], F_ABBR);
  set([...WEEKDAYS.keys()].map(w => w + 's'), F_PLURAL_WEEKDAY);
  set(FUTURE, F_FUTURE);
  set(PAST, F_PAST);
  set([...AFTER_NUMBER, ...UNITS.keys()], F_AFTER_NUMBER);
  set(AFTER_THE, F_AFTER_THE);
  set(AFTER_A, F_AFTER_A);
  set([...ONES.keys(), ...TENS.keys()], F_NUMWORD);
  set([...CAL_UNITS.keys(), ...PARTS_OF_DAY.keys(), 'same'], F_AFTER_THAT);
  return m;
})();

/** The flags of one-character ASCII tokens. */
const ASCII_FLAGS: number[] = ASCII_CHARS.map(ch => FLAGS.get(ch) ?? 0);

/**
 * The lower-case ASCII words of FLAGS in an open-addressing hash table (linear probing) of typed arrays, for
 * the tokenizer: by slot, the word's hash and its entry (index + 1 in LEX_WORDS/LEX_FLAGS; 0 empty). A word
 * outside the lexicon (most words) costs one probe of a small array.
 */
const LEX_MASK = 4095;
const LEX_HASH = new Int32Array(LEX_MASK + 1);
const LEX_ENTRY = new Int32Array(LEX_MASK + 1);
const LEX_WORDS: string[] = [];
const LEX_FLAGS: number[] = [];
for (const [w, c] of FLAGS) {
  if (!/^[a-z]+$/.test(w)) continue;
  const h = wordHash(w);
  let p = h & LEX_MASK;
  while (LEX_ENTRY[p] !== 0) p = (p + 1) & LEX_MASK;
  LEX_WORDS.push(w);
  LEX_FLAGS.push(c);
  LEX_HASH[p] = h;
  LEX_ENTRY[p] = LEX_WORDS.length;
}

/** Words after `the` that may continue the positional rule (`the end of`, `the late 1970s`). */
const THE_POSITIONAL = new Set(['early', 'late', 'mid', 'end', 'close', 'beginning', 'start', 'middle', 'first', 'second',
  'last', 'latter']);
/** ... the deictic rule (`the future`, `the near term`, `the past`). */
const THE_DEICTIC = new Set(['future', 'near', 'distant', 'foreseeable', 'immediate', 'short', 'long', 'medium', 'past']);
/** ... `theAnaphor` besides units and cardinals (`the week`, `the full year`, `the latest period`). */
const THE_ANAPHOR = new Set(['weekend', 'week', 'quarter', 'period', 'year', 'first', 'last', 'full', 'whole', 'entire', 'morning',
  'afternoon', 'evening',
  'latest', 'same', 'current', ...VAGUE, 'a', 'an', 'half', 'couple', 'dozens', 'hundreds', 'thousands']);

/** Words before `the morning` that make it a time (`in the morning`, `during the afternoon`). */
const POD_PREPOSITIONS = new Set(['in', 'during', 'through', 'throughout', 'until', 'till', 'by', 'into', 'on']);
/** Words that may follow `in the morning` (not a noun of which `morning` is the modifier). */
const POD_FOLLOWERS = new Set(['and', 'or', 'but', 'to', 'when', 'as', 'while', 'before', 'after', 'with', 'at', 'on', 'in',
  'for', 'until', 'the', 'a', 'an', 'he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'this', 'that']);

/** Rule ids (numbers, so that the dispatch in `rule` is a jump table). */
const R = {
  positional: 0,
  deictic: 1,
  relative: 2,
  calendarDate: 3,
  weekdayExpr: 4,
  durationOrAgo: 5,
  setExpr: 6,
  quarter: 7,
  half: 8,
  decade: 9,
  century: 10,
  seasonExpr: 11,
  holiday: 12,
  fiscal: 13,
  yearish: 14,
  clockTime: 15,
  theAnaphor: 16,
  yearAgo: 17,
  numericDate: 18,
  yearQuarter: 19,
  podDay: 20,
} as const;
type RuleName = keyof typeof R;
type RuleId = (typeof R)[RuleName];

/** Which rules can start at a word (a rule not listed for a word never matches there). */
const RULES_BY_WORD: Map<string, RuleId[]> = (() => {
  const m = new Map<string, RuleId[]>();
  const add = (words: Iterable<string>, ...rules: RuleName[]) => {
    for (const w of words) {
      const list = m.get(w) ?? [];
      for (const r of rules) if (!list.includes(R[r])) list.push(R[r]);
      m.set(w, list);
    }
  };
  const cardinalStarters = [...ONES.keys(), ...TENS.keys(), ...VAGUE, 'a', 'an', 'half', 'couple', 'dozens', 'hundreds', 'thousands'];
  add(['the'], 'positional', 'deictic', 'relative', 'calendarDate', 'quarter', 'half', 'decade', 'century', 'seasonExpr',
    'fiscal', 'yearish', 'theAnaphor', 'yearAgo', 'yearQuarter');
  add(['its', 'their'], 'relative', 'quarter', 'yearAgo');
  add(['early', 'late', 'mid', 'earlier', 'later', 'year', 'month', 'end', 'beginning', 'start', 'middle', 'close', 'first',
    'second', 'last', 'latter'], 'positional');
  add(['today', 'yesterday', 'tomorrow', 'tonight', 'now', 'currently', 'nowadays', 'recently', 'lately', 'current', 'these'], 'deictic');
  add(REL_KNOWN, 'relative');
  add(WEEKDAYS.keys(), 'calendarDate', 'weekdayExpr', 'setExpr');
  add([...WEEKDAYS.keys()].map(w => w + 's'), 'setExpr');
  add(WEEKDAY_ABBREVIATIONS.keys(), 'calendarDate', 'weekdayExpr');
  add([...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys()], 'calendarDate');
  add(['another', ...cardinalStarters], 'durationOrAgo');
  add(UNITS.keys(), 'durationOrAgo');
  add([...SET_ADVERBS.keys(), 'every', 'each', 'once', 'twice', 'thrice', ...cardinalStarters], 'setExpr');
  add(['a', 'fiscal', 'q', ...ORDINALS.keys(), ...TENS.keys()], 'quarter');
  add(['first', 'second'], 'half');
  add(['\'', '’'], 'decade', 'yearish');
  add([...ORDINALS.keys(), ...TENS.keys()], 'century');
  add(SEASONS.keys(), 'seasonExpr');
  add(['christmas', 'new', 'easter', 'thanksgiving', 'halloween', 'valentine', 'election'], 'holiday');
  add(['fiscal'], 'fiscal');
  add(['year', 'nineteen', 'eighteen', 'two'], 'yearish');
  add(['noon', 'midnight', 'midday'], 'clockTime');
  add(PARTS_OF_DAY.keys(), 'podDay');
  add(['year', 'comparable', 'same'], 'yearAgo');
  add(['more', 'less', 'at', 'up', 'no', 'nearly', 'almost', 'over', 'about', 'around', 'approximately', 'roughly',
    'some', 'circa', 'under'], ...([] as RuleName[]));
  return m;
})();

function pad(n: number): string { return (n < 10 ? '0' : '') + n; }

/** The TIMEX3 duration for a number of units (`P3M`, `PT5H30M`, `PXY`). */
export function durationTimex(v: number | 'X', u: DurUnit): string {
  const T = u.time ? 'T' : '';
  if (v === 'X') return `P${T}X${u.vague ?? u.letter}`;
  let n = v * u.factor;
  if (Number.isInteger(n)) return `P${T}${n}${u.letter}`;
  // halves: a finer unit
  const whole = Math.floor(n);
  const frac = n - whole;
  const finer: Record<string, [string, number, boolean]> = {
    Y: ['M', 12, false], M: ['D', 30, false], D: ['H', 24, true], H: ['M', 60, true], W: ['D', 7, false],
  };
  const f = u.time && u.letter === 'M' ? ['S', 60, true] as [string, number, boolean] : finer[u.letter];
  if (f && Number.isInteger(frac * f[1])) {
    const head = whole > 0 ? `${whole}${u.letter}` : '';
    if (u.time) return `PT${head}${frac * f[1]}${f[0]}`;
    if (f[2]) return `P${head}T${frac * f[1]}${f[0]}`;
    return `P${head}${frac * f[1]}${f[0]}`;
  }
  n = Math.round(n * 100) / 100;
  return `P${T}${n}${u.letter}`;
}
