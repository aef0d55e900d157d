// A rule-based recognizer of English temporal expressions with TimeML (TIMEX3) extents.
//
// The text of one segment is split into tokens; at every token that can start a temporal expression the
// parser tries its rules and keeps the longest match. A match carries the TIMEX3 type, a normal form that
// needs no reference date (see normal.ts), and the TIMEX3 modifier. Extents follow the TimeML guidelines
// and the TimeBank/AQUAINT practice: determiners and modifiers are inside (`the past three years`,
// `early May`, `more than four decades ago`, `nearly two years`), prepositions are outside (`in`, `on`,
// `over`, `since`), and so are `about`/`around`/`some` before a duration (they set APPROX).

import type { Season } from './calendar';
import { isValidDate } from './calendar';
import {
  CAL_UNITS, DECADE_WORDS, DurUnit, MONTH_ABBREVIATIONS, MONTHS, ONES, ORDINAL_SUFFIX, ORDINALS, PARTS_OF_DAY,
  SEASONS, SET_ADVERBS, TENS, TIME_ZONES, UNITS, VAGUE, WEEKDAY_ABBREVIATIONS, WEEKDAYS,
} from './lexicon';
import type { ClockTime, PartOfDay, PartialNF, RelativeNF, TimexNF, TimexType, Unit } from './normal';

export interface Token {
  s: number;
  e: number;
  /** Lower-case text. */
  w: string;
  /** Text as written. */
  t: string;
  /** 0 word, 1 number, 2 punctuation. */
  k: 0 | 1 | 2;
  /** White space before it. */
  gap: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Word-class flags (F_*), looked up once per token. */
  c: number;
}

export interface Hit {
  /** Token range, end exclusive. */
  i: number;
  j: number;
  type: TimexType;
  nf: TimexNF;
  mod?: string;
  approx?: boolean;
}

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

/** A token built at one place, so that all tokens share one hidden class. */
class Tok implements Token {
  constructor(
    public s: number, public e: number, public w: string, public t: string, public k: 0 | 1 | 2,
    public gap: boolean, public cap: boolean, public c: number,
  ) {}
}

/** One-character strings of ASCII punctuation, shared by all tokens. */
const ASCII_CHARS: string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

/**
 * Splits text into numbers (`1,000`, `10:30`, `09.06.2017`), runs of letters, and single other characters
 * (a surrogate pair stays one token). A hand-written scanner: it runs on every sentence with a trigger.
 * An ASCII word is looked up in the lexicon by a hash of its lower-case letters: a word of the lexicon
 * written in lower case gets the lexicon's string and is not sliced; another word in lower case is sliced
 * once (`t` and `w` are the same string).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    const s = i;
    const gap = s > prevEnd || s === 0;
    if (isDigit(c)) {
      i++;
      for (;;) {
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        const d = text.charCodeAt(i);
        if ((d === 46 || d === 44 || d === 58) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) { i++; continue; }
        break;
      }
      const t = text.slice(s, i);
      out.push(new Tok(s, i, t, t, 1, gap, false, FLAGS.get(t) ?? 0));
    } else if (c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) : isLetter(c, text, i)) {
      let ascii = c < 128;
      let upper = c <= 90;
      let h = ascii ? c | 32 : 0;
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d < 128) {
          if (d >= 97 && d <= 122) { /* lower */ } else if (d >= 65 && d <= 90) upper = true; else break;
          h = (Math.imul(h, 31) + (d | 32)) | 0;
          i++;
        } else {
          if (!isLetter(d, text, i)) break;
          ascii = false;
          i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
        }
      }
      if (ascii) {
        let lex = LEX_BY_HASH.get(h);
        while (lex !== undefined && !sameWord(text, s, i, lex.w)) lex = lex.next;
        const t = lex !== undefined && !upper ? lex.w : text.slice(s, i);
        const w = lex !== undefined ? lex.w : upper ? t.toLowerCase() : t;
        out.push(new Tok(s, i, w, t, 0, gap, c <= 90, lex !== undefined ? lex.c : 0));
      } else {
        const t = text.slice(s, i);
        const lower = t.toLowerCase();
        out.push(new Tok(s, i, lower, t, 0, gap, t[0] !== lower[0], FLAGS.get(lower) ?? 0));
      }
    } else {
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      if (c < 128) out.push(new Tok(s, i, ASCII_CHARS[c], ASCII_CHARS[c], 2, gap, false, ASCII_FLAGS[c]));
      else {
        const t = text.slice(s, i);
        out.push(new Tok(s, i, t, t, 2, gap, false, FLAGS.get(t) ?? 0));
      }
    }
    prevEnd = i;
  }
  return out;
}

/** The ASCII letters text[s, e) are `w` (lower case) ignoring case. */
function sameWord(text: string, s: number, e: number, w: string): boolean {
  if (e - s !== w.length) return false;
  for (let k = 0; k < w.length; k++) if ((text.charCodeAt(s + k) | 32) !== w.charCodeAt(k)) return false;
  return true;
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
  'their', 'his', 'her', 'our', 'year', 'noon', 'midnight', 'midday', 'christmas', 'easter', 'thanksgiving',
  'halloween', 'new', 'q', 'post', 'pre', 'another', 'first', 'second', 'final', 'dozens', 'hundreds', 'thousands',
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

const ALL_STARTERS = new Set([...STARTERS, ...WEEKDAYS.keys(), ...SEASONS.keys(), ...UNITS.keys(),
  ...ONES.keys(), ...TENS.keys(), ...ORDINALS.keys(), ...SET_ADVERBS.keys(), ...DECADE_WORDS.keys()]);

/** Words that may follow `the`/`its`/`their` in some rule (`the past`, `the third quarter`, `the 1990s`). */
const AFTER_THE = new Set([...REL_KNOWN, ...ORDINALS.keys(), ...ONES.keys(), ...TENS.keys(), ...UNITS.keys(),
  ...CAL_UNITS.keys(), ...SEASONS.keys(), ...DECADE_WORDS.keys(), ...VAGUE, 'future', 'near', 'distant', 'foreseeable',
  'immediate', 'short', 'long', 'medium', 'fiscal', 'end', 'beginning', 'start', 'middle', 'close', 'latter', 'full',
  'whole', 'entire', 'comparable', '\'', '’', 'year', 'week', 'weekend', 'quarter', 'few', 'couple', 'year', 'early', 'mid', 'late']);

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
const PAST = new Set(['said', 'was', 'were', 'had', 'did', 'ago', 'told', 'announced', 'reported', 'been']);

export class TimexParser {
  private readonly T: Token[];
  private readonly n: number;

  constructor(tokens: Token[]) {
    this.T = tokens;
    this.n = tokens.length;
  }

  parse(): Hit[] {
    const out: Hit[] = [];
    const T = this.T;
    for (let i = 0; i < this.n;) {
      const t = T[i];
      if (t.k === 2 && t.w !== '\'') { i++; continue; }
      // A word without flags (most words) starts nothing: mayStart would say no.
      if (t.k === 0 && (t.c === 0 || !this.mayStart(t, i))) { i++; continue; }
      if (t.k === 1 && t.t.length !== 4 && !((T[i + 1]?.c ?? 0) & F_AFTER_NUMBER) && !t.t.includes('.') && !t.t.includes(':')) { i++; continue; }
      const hit = this.parseAt(i);
      if (hit) {
        out.push(hit);
        i = hit.j;
      } else i++;
    }
    const kept = out.some(h => this.titleLike(h)) && !this.headline() ? out.filter(h => !this.titleLike(h)) : out;
    for (const h of kept) this.addHint(h);
    return kept;
  }

  /**
   * A name or title rather than a time: a capitalised unit or deictic word inside a sentence
   * (`ABC's "This Week"`, `CBS's "60 Minutes"`, `USA Today`, `High Noon`).
   */
  private titleLike(h: Hit): boolean {
    const first = this.T[h.i].w;
    if (first === 'christmas' || first === 'new' || first === 'easter' || first === 'thanksgiving' || first === 'halloween' ||
      first === 'valentine') return false;
    for (let k = h.i; k < h.j; k++) {
      const t = this.T[k];
      if (!t.cap || !TITLE_WORDS.has(t.w)) continue;
      if (k > h.i) return true;
      const p = this.T[k - 1];
      if (p && p.k === 0 && p.cap) return true;
    }
    return false;
  }

  /** A headline in title case (`Troops Advance Last Week`), where capitals mean nothing. */
  private headline(): boolean {
    let words = 0, caps = 0;
    for (const t of this.T) if (t.k === 0 && t.w.length >= 4) { words++; if (t.cap) caps++; }
    return words > 0 && caps / words >= 0.7;
  }

  private mayStart(t: Token, i: number): boolean {
    const c = t.c;
    if (c & F_START) {
      const w = t.w;
      // cheap look-ahead for the most frequent words
      const nt = this.T[i + 1];
      const nc = nt ? nt.c : 0;
      const nx = nt ? nt.w : '';
      switch (w) {
        case 'the': case 'its': case 'their': return (nc & F_AFTER_THE) !== 0 || nt?.k === 1;
        case 'a': case 'an': return (nc & F_AFTER_A) !== 0 || (nt?.k === 1 && this.hyphenAt(i + 2));
        case 'that': return (nc & F_AFTER_THAT) !== 0;
        case 'at': return nx === 'least' || nx === 'most';
        case 'more': case 'less': return nx === 'than';
        case 'no': return nx === 'more' || nx === 'less';
        case 'up': return nx === 'to';
        case 'new': return nx === 'year';
        case 'over': case 'some': case 'about': case 'around': case 'under': return nx !== '' && this.T[i + 1].k !== 2;
      }
      if (c & F_NUMWORD) return (nc & (F_AFTER_NUMBER | F_NUMWORD)) !== 0;
      return true;
    }
    if (t.cap && (c & (F_MONTH | F_ABBR))) return true;
    // plural weekdays (`Mondays`)
    return (c & F_PLURAL_WEEKDAY) !== 0;
  }

  // ---------------------------------------------------------------------------------------------------
  // helpers

  private w(i: number): string { return i >= 0 && i < this.n ? this.T[i].w : ''; }
  /** Token i touches the one before it (no space). */
  private tight(i: number): boolean { return i < this.n && !this.T[i].gap; }
  private isPunct(i: number, p: string): boolean { return i < this.n && this.T[i].w === p; }
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
        return {
          ...core, i: include ? i : core.i, mod: q.mod ?? core.mod, approx: q.mod === 'APPROX' || core.approx,
        };
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
    const two = (mod: string, inc = true, dates = false) => ({ j: i + 2, mod, includeDuration: inc, dates });
    const one = (mod: string, inc = true, dates = false) => ({ j: i + 1, mod, includeDuration: inc, dates });
    if (w === 'more' && w1 === 'than') return two('MORE_THAN', true, true);
    if (w === 'less' && w1 === 'than') return two('LESS_THAN', true, true);
    if (w === 'at' && w1 === 'least') return two('EQUAL_OR_MORE', true, true);
    if (w === 'at' && w1 === 'most') return two('EQUAL_OR_LESS', true, true);
    if (w === 'up' && w1 === 'to') return two('EQUAL_OR_LESS');
    if (w === 'no' && (w1 === 'more' || w1 === 'less') && this.w(i + 2) === 'than') {
      return { j: i + 3, mod: w1 === 'more' ? 'EQUAL_OR_LESS' : 'EQUAL_OR_MORE', includeDuration: true, dates: true };
    }
    if (w === 'nearly' || w === 'almost') return one('LESS_THAN', true, true);
    if (w === 'over') {
      // `over a week`, `over 20 years`; never `over the past months` (a preposition there).
      const n = this.T[i + 1];
      if (n && (n.k === 1 || n.w === 'a' || n.w === 'an' || ONES.has(n.w) || TENS.has(n.w))) return one('MORE_THAN');
      return undefined;
    }
    if (w === 'under' && this.T[i + 1]?.k === 1) return one('LESS_THAN');
    if (w === 'about' || w === 'around' || w === 'approximately' || w === 'roughly' || w === 'circa' || w === 'some') {
      return one('APPROX', false, w !== 'some');
    }
    return undefined;
  }

  /** The longest expression starting at token i. */
  private core(i: number): Hit | undefined {
    const t = this.T[i];
    if (!t) return undefined;
    const rules = t.k === 1 ? NUMBER_RULES : RULES_BY_WORD.get(t.w);
    if (!rules) return undefined;
    let best: Hit | undefined;
    for (let k = 0; k < rules.length; k++) {
      const h = this.rule(rules[k], i);
      if (h && (!best || h.j > best.j)) best = h;
    }
    return best;
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
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // numbers

  /** A cardinal number: digits, words (`twenty-four`, `a hundred`), or vague (`several`, `a few`: 'X'). */
  private cardinal(i: number): { j: number; v: number | 'X' } | undefined {
    const T = this.T;
    const t = T[i];
    if (!t) return undefined;
    if (t.k === 1) {
      if (!/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(t.t)) return undefined;
      let v = parseFloat(t.t.replace(/,/g, ''));
      let j = i + 1;
      // 5 1/2
      if (T[j]?.t === '1' && T[j + 1]?.w === '/' && T[j + 2]?.t === '2' && this.tight(j + 1) && this.tight(j + 2)) {
        v += 0.5;
        j += 3;
      }
      return this.withHalf(j, v);
    }
    const w = t.w, w1 = this.w(i + 1);
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
    const t = this.T[i];
    if (!t) return undefined;
    if (t.k === 1 && /^\d{1,2}$/.test(t.t) && ORDINAL_SUFFIX.has(this.w(i + 1)) && this.tight(i + 1)) {
      return { j: i + 2, v: +t.t };
    }
    const o = ORDINALS.get(t.w);
    if (o !== undefined) return { j: i + 1, v: o };
    const tens = TENS.get(t.w);
    if (tens !== undefined && this.hyphenAt(i + 1)) {
      const o2 = ORDINALS.get(this.w(i + 2));
      if (o2 !== undefined && o2 < 10) return { j: i + 3, v: tens + o2 };
    }
    return undefined;
  }

  /** A year written in four digits (1000-2099), optionally `'98`. */
  private year4(i: number): { j: number; y: number } | undefined {
    const t = this.T[i];
    if (!t || t.k !== 1 || t.t.length !== 4) return undefined;
    const y = +t.t;
    if (y < 1000 || y > 2099) return undefined;
    return { j: i + 1, y };
  }

  /** A day of the month: `9`, `9th`, `ninth`. */
  private dayOfMonth(i: number): { j: number; d: number } | undefined {
    const t = this.T[i];
    if (!t) return undefined;
    if (t.k === 1) {
      if (!/^\d{1,2}$/.test(t.t)) return undefined;
      const d = +t.t;
      if (d < 1 || d > 31) return undefined;
      if (ORDINAL_SUFFIX.has(this.w(i + 1)) && this.tight(i + 1)) return { j: i + 2, d };
      // `June 9-11`, `9:30`, `9%`, `9.5` are not days.
      const nx = this.T[i + 1];
      if (nx && !nx.gap && (nx.w === '%' || nx.k === 0)) return undefined;
      return { j: i + 1, d };
    }
    const o = this.ordinal(i);
    if (o && o.v <= 31) return { j: o.j, d: o.v };
    return undefined;
  }

  /** A month name; May and March need context (a day, a year, a preposition). */
  private month(i: number): { j: number; m: number; ambiguous: boolean } | undefined {
    const t = this.T[i];
    if (!t || t.k !== 0 || !t.cap) return undefined;
    const full = MONTHS.get(t.w);
    if (full !== undefined) {
      // `Sept.` style abbreviations keep their period; a full name never swallows the sentence's.
      return { j: i + 1, m: full, ambiguous: t.w === 'may' || t.w === 'march' };
    }
    const ab = MONTH_ABBREVIATIONS.get(t.w);
    if (ab !== undefined) {
      if (this.isPunct(i + 1, '.') && this.tight(i + 1)) return { j: i + 2, m: ab, ambiguous: false };
      if (this.T[i + 1]?.k === 1) return { j: i + 1, m: ab, ambiguous: false };
    }
    return undefined;
  }

  private weekdayAt(i: number): { j: number; wd: number; plural?: boolean } | undefined {
    const t = this.T[i];
    if (!t || t.k !== 0) return undefined;
    const wd = WEEKDAYS.get(t.w);
    if (wd !== undefined) return { j: i + 1, wd };
    if (t.cap && t.w.endsWith('s')) {
      const p = WEEKDAYS.get(t.w.slice(0, -1));
      if (p !== undefined) return { j: i + 1, wd: p, plural: true };
    }
    if (t.cap) {
      const ab = WEEKDAY_ABBREVIATIONS.get(t.w);
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
        const nx = this.T[i + 1];
        if (nx && nx.k === 0 && !UNITS.has(nx.w)) return { i, j: i + 1, type: 'DATE', nf: { kind: 'absolute', timex: 'PRESENT_REF' } };
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
          const nx = this.T[i + 2];
          if (!nx || nx.k === 2 || !(UNITS.has(nx.w) || this.cardinal(i + 2) || WEEKDAYS.has(nx.w) || SEASONS.has(nx.w) ||
            nx.w === 'decade' || nx.w === 'century' || nx.w === 'weekend' || MONTHS.has(nx.w))) {
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
    if (rel === 'that' && this.w(k) === 'same') { rel = 'same'; k++; }
    if (!REL_KNOWN.has(rel)) return undefined;
    if (!det && (rel === 'first' || rel === 'final' || rel === 'remaining' || rel === 'initial' || rel === 'following' ||
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
          // `the past year`, `past decade`, `the last month`: durations (P1Y); `last year`: a date
          if (det || rel === 'past') {
            if (unit === 'weekend') return { i, j: uj, type: 'DATE', nf: { kind: 'relative', unit: 'weekend', offset: -1, anchor: 'ref' } };
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
    if (v !== 'X' && v !== 1 && v !== 0.5 && !u.plural && this.T[kk - 1]?.k !== 1 && this.w(kk) !== 'decade') {
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
    return { i, j, type: 'DURATION', nf: { kind: 'duration', timex: durationTimex(value, u) }, approx: unitHit.approx };
  }

  /** A number, an amount or a percentage just before token k (`20% annually`, `$5 a year`). */
  private afterAmount(k: number): boolean {
    const p = this.T[k - 1];
    if (!p) return false;
    if (p.k === 1 || p.w === '%') return true;
    // `four flights a week`, `700 seats a week`
    const pp = this.T[k - 2];
    if (p.k === 0 && pp && (pp.k === 1 || (pp.c & F_NUMWORD) !== 0) && !UNITS.has(p.w)) return true;
    return p.w === 'million' || p.w === 'billion' || p.w === 'trillion' || p.w === 'thousand' || p.w === 'hundred' ||
      p.w === 'percent' || p.w === 'cents' || p.w === 'dollars' || p.w === 'euros' || p.w === 'pounds' || p.w === 'dozen';
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
      // month and year: `July 1997`, `January of 1998`, `March, 1998`
      let y = this.year4(j);
      if (!y && (this.w(j) === 'of' || this.isPunct(j, ',')) && this.year4(j + 1)) y = this.year4(j + 1)!, j++;
      if (y) return { i, j: y.j, type: 'DATE', nf: { kind: 'absolute', timex: `${y.y}-${pad(mo.m)}` } };
      // `November last year`, `March this year`
      const yo = this.yearOffsetAfter(j);
      if (yo) return { i, j: yo.j, type: 'DATE', nf: { kind: 'partial', month: mo.m, yearOffset: yo.offset } };
      if (mo.ambiguous && !MONTH_CONTEXT.has(this.w(i - 1))) return undefined;
      // a month alone: not inside a name (`April Smith`)
      const nx = this.T[j];
      if (nx && nx.cap && nx.k === 0 && !WEEKDAYS.has(nx.w)) return undefined;
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
    const T = this.T;
    const t = T[i];
    let m: RegExpExecArray | null;
    if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t.t))) {
      const d = +m[1], mo = +m[2], y = +m[3];
      if (isValidDate(y, mo, d)) return { i, j: i + 1, type: 'DATE', nf: { kind: 'absolute', timex: `${y}-${pad(mo)}-${pad(d)}` } };
      return undefined;
    }
    if (t.k !== 1 || !T[i + 4]) return undefined;
    const sep = T[i + 1].w;
    if ((sep !== '-' && sep !== '/') || T[i + 3].w !== sep) return undefined;
    if (!this.tight(i + 1) || !this.tight(i + 2) || !this.tight(i + 3) || !this.tight(i + 4)) return undefined;
    const a = T[i].t, b = T[i + 2].t, c = T[i + 4].t;
    if (!/^\d+$/.test(a) || !/^\d+$/.test(b) || !/^\d+$/.test(c)) return undefined;
    // not followed by more digits (`1-800-555-1234`)
    const nx = T[i + 5];
    if (nx && !nx.gap && (nx.w === sep || nx.k === 1)) return undefined;
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
    const T = this.T;
    let k = i;
    if (this.w(k) === 'the' && this.w(k + 1) === 'year') k += 2;
    else if (this.w(k) === 'year' && this.T[k + 1]?.k === 1 && this.w(i - 1) !== 'the') k += 1;
    const y = this.year4(k);
    if (y) {
      const t = T[k];
      const prev = T[k - 1];
      const nx = T[k + 1];
      // decades and other number shapes are elsewhere
      if (nx && !nx.gap && (nx.w === 's' || nx.w === '%' || nx.k === 1 || (nx.k === 0 && nx.w !== 's'))) return undefined;
      if (nx && !nx.gap && nx.w === '\'' && this.w(k + 2) === 's' && t.t.endsWith('0')) return undefined;
      if (prev && !prev.gap && (prev.w === '$' || prev.w === '#' || prev.w === '£' || prev.w === '€' || prev.k === 1 || prev.w === '.' || prev.w === ',')) return undefined;
      if (prev && (prev.w === 'no' || prev.w === 'number' || prev.w === 'flight' || prev.w === 'route' || prev.w === 'room' ||
        prev.w === 'resolution' || prev.w === 'page' || prev.w === 'article' || prev.w === 'model')) return undefined;
      if (nx && (nx.w === 'percent' || nx.w === 'per' || nx.w === 'hours' || nx.w === 'gmt' || nx.w === 'utc' ||
        nx.w === 'km' || nx.w === 'kilometers' || nx.w === 'kilometres' || nx.w === 'miles' || nx.w === 'meters' ||
        nx.w === 'metres' || nx.w === 'feet' || nx.w === 'hectares' || nx.w === 'acres' || nx.w === 'people' ||
        nx.w === 'troops' || nx.w === 'soldiers' || nx.w === 'families' || nx.w === 'tons' || nx.w === 'tonnes')) return undefined;
      // `some 2000 families`: a count
      if (prev && (prev.w === 'some' || prev.w === 'about' || prev.w === 'nearly' || prev.w === 'over' || prev.w === 'than' ||
        prev.w === 'almost' || prev.w === 'approximately') && nx && nx.k === 0 && nx.w.endsWith('s') && nx.w !== 's') return undefined;
      if (y.y < 1900 && k === i && !(prev && /^(in|since|until|till|by|of|from|to|through|during|before|after|around|circa|c|year|early|late|mid|fiscal|and|-)$/.test(prev.w))) return undefined;
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
      else if ((ONES.get(this.w(j)) ?? 0) > 0 && this.T[j] && !UNITS.has(this.w(j + 1))) { y += ONES.get(this.w(j))!; j++; }
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
    if (this.w(k) === 'q' && this.T[k + 1]?.k === 1 && this.tight(k + 1) && /^[1-4]$/.test(this.T[k + 1].t)) {
      const q = +this.T[k + 1].t;
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

  /** `the 1990s`, `1990s`, `the '80s`, `the nineties`. */
  private decade(i: number): Hit | undefined {
    let k = i;
    const det = this.w(k) === 'the';
    if (det) k++;
    const t = this.T[k];
    if (!t) return undefined;
    if (t.k === 1 && /^\d{3}0$/.test(t.t)) {
      let j = k + 1;
      if (this.w(j) === 's' && this.tight(j)) j++;
      else if (this.w(j) === '\'' && this.w(j + 1) === 's' && this.tight(j) && this.tight(j + 1)) j += 2;
      else return undefined;
      return { i, j, type: 'DATE', nf: { kind: 'absolute', timex: `${t.t.slice(0, 3)}X` } };
    }
    if (t.w === '\'' || t.w === '’') {
      const n = this.T[k + 1];
      if (n && n.k === 1 && /^\d0$/.test(n.t) && this.tight(k + 1) && this.w(k + 2) === 's' && this.tight(k + 2)) {
        const c = +n.t[0] <= 2 ? '20' : '19';
        return { i, j: k + 3, type: 'DATE', nf: { kind: 'absolute', timex: `${c}${n.t[0]}X` } };
      }
      return undefined;
    }
    const dw = DECADE_WORDS.get(t.w);
    if (dw !== undefined && det) return { i, j: k + 1, type: 'DATE', nf: { kind: 'absolute', timex: `19${dw}X` } };
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
    let y = this.year4(j);
    if (!y && this.w(j) === 'of') { y = this.year4(j + 1); if (y) j++; }
    if (y) return { i, j: y.j, type: 'DATE', nf: { kind: 'absolute', timex: `${y.y}-${s}` } };
    const yo = this.yearOffsetAfter(j);
    if (yo) return { i, j: yo.j, type: 'DATE', nf: { kind: 'partial', season: s, yearOffset: yo.offset } };
    if (this.w(j) === 'of' && this.yearOffsetAfter(j + 1)) {
      const y2 = this.yearOffsetAfter(j + 1)!;
      return { i, j: y2.j, type: 'DATE', nf: { kind: 'partial', season: s, yearOffset: y2.offset } };
    }
    // `the summer` alone; `fall` and `spring` alone are too often other words
    if (det && this.T[j]?.k !== 0) return { i, j, type: 'DATE', nf: { kind: 'partial', season: s } };
    if (det && (this.w(j) === 'of' || this.w(j) === 'and' || this.w(j) === 'when' || this.w(j) === 'before' || this.w(j) === 'after')) {
      return this.w(j) === 'of' ? undefined : { i, j, type: 'DATE', nf: { kind: 'partial', season: s } };
    }
    return undefined;
  }

  /** `Christmas`, `Christmas Eve`, `New Year's Day`, `Easter`, `Thanksgiving Day`, `Halloween`. */
  private holiday(i: number): Hit | undefined {
    const t = this.T[i];
    if (!t || !t.cap) return undefined;
    const w = t.w;
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
    if (w === 'easter') return part({ kind: 'partial', holiday: 'easter' }, this.w(i + 1) === 'sunday' ? i + 2 : i + 1);
    if (w === 'thanksgiving') return part({ kind: 'partial', holiday: 'thanksgiving' }, this.w(i + 1) === 'day' ? i + 2 : i + 1);
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
    if (det && this.w(k - 1) === 'year') return { i, j: k, type: 'DATE', nf: { kind: 'relative', unit: 'year', offset: 0, anchor: 'ref' } };
    return undefined;
  }

  /** `10 p.m.`, `10:30 a.m. EST`, `noon`, `midnight`, `4 in the morning`, `10 p.m. Wednesday`. */
  private clockTime(i: number): Hit | undefined {
    const T = this.T;
    const t = T[i];
    let time: ClockTime | undefined;
    let j = i;
    if (t.w === 'noon' || t.w === 'midday') { time = { h: 12, mi: 0 }; j = i + 1; }
    else if (t.w === 'midnight') { time = { h: 24, mi: 0 }; j = i + 1; }
    else if (t.k === 1) {
      const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(t.t);
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
      } else if (m[2] !== undefined && t.t.includes(':')) {
        // 24-hour clock: only with a time zone or `local time` / `hours` after it, or `at` before it
        const nx = this.w(j);
        if (!(TIME_ZONES.has(nx) || nx === 'local' || nx === 'hours' || nx === 'hrs' || nx === 'h' || this.w(i - 1) === 'at')) return undefined;
      } else return undefined;
      time = { h, mi };
    } else return undefined;
    // time zone
    if (TIME_ZONES.has(this.w(j)) && this.T[j].t === this.T[j].t.toUpperCase()) j++;
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
        if (!target || target.nf.kind !== 'absolute' || !/X$/.test(target.nf.timex)) return undefined; // decades only
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
    const t = this.T[k];
    if (!t) return undefined;
    take(this.calendarDate(k));
    take(this.yearish(k));
    take(this.decade(k));
    take(this.century(k));
    take(this.relative(k));
    take(this.deictic(k));
    take(this.weekdayExpr(k));
    take(this.quarter(k));
    take(this.holiday(k));
    const s = SEASONS.get(t.w);
    if (s) take({ i: k, j: k + 1, type: 'DATE', nf: { kind: 'partial', season: s } });
    else take(this.seasonExpr(k));
    // `the end of the year`, `the end of the month`, `the end of the week`
    if (t.w === 'the' && CAL_UNITS.has(this.w(k + 1)) && this.w(k + 1) !== 'day') {
      take({ i: k, j: k + 2, type: 'DATE', nf: { kind: 'relative', unit: CAL_UNITS.get(this.w(k + 1))!, offset: 0, anchor: 'ref' } });
    }
    if (best && best.nf.kind === 'absolute' && /_REF$/.test(best.nf.timex)) return undefined;
    return best;
  }

  /** `the week`, `the year`, `the quarter`: anaphoric, or a duration (`the year` in TimeBank is often P1Y). */
  private theAnaphor(i: number): Hit | undefined {
    if (this.w(i) !== 'the') return undefined;
    const u = this.w(i + 1);
    const nx = this.T[i + 2];
    // `the year's`, `the week of`: leave to others
    if (nx && (nx.w === '\'' || nx.w === '-')) return undefined;
    if (u === 'weekend') return { i, j: i + 2, type: 'DATE', nf: { kind: 'partial', weekend: true } };
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

  /** `the 1988 quarter`, `the 1988 period`: the quarter mentioned before, in that year. */
  private yearQuarter(i: number): Hit | undefined {
    if (this.w(i) !== 'the') return undefined;
    const y = this.year4(i + 1);
    if (!y || !(this.w(y.j) === 'quarter' || this.w(y.j) === 'period')) return undefined;
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

  /** Sets the direction hint of partial dates from the tense around them (future: `will`, `'ll`, `scheduled to`). */
  private addHint(h: Hit): void {
    if (h.nf.kind !== 'partial' || h.nf.dir !== undefined || h.nf.year !== undefined) return;
    const T = this.T;
    let hint: -1 | 1 | undefined;
    const w1 = this.w(h.i - 1), w2 = this.w(h.i - 2), w3 = this.w(h.i - 3);
    // `by Jan. 14` (a deadline), `as soon as Tuesday`, `as early as Tuesday`
    if (w1 === 'by' || w1 === 'until' || w1 === 'till' || (w3 === 'as' && (w2 === 'soon' || w2 === 'early') && w1 === 'as')) hint = 1;
    for (let k = h.i - 1, steps = 0; hint === undefined && k >= 0 && steps < 12; k--, steps++) {
      const w = T[k].w;
      if (w === '.' || w === ';' || w === '"' || w === '“' || w === '”') break;
      const c = T[k].c;
      if (c & F_FUTURE) {
        if (w === 'to' && !(T[k - 1] && (T[k - 1].w === 'is' || T[k - 1].w === 'are' || T[k - 1].w === 'going' ||
          T[k - 1].w === 'expected' || T[k - 1].w === 'scheduled' || T[k - 1].w === 'due' || T[k - 1].w === 'set' ||
          T[k - 1].w === 'plans' || T[k - 1].w === 'plan'))) continue;
        if (w === 'until') continue;
        hint = 1; break;
      }
      if ((c & F_PAST) || (T[k].k === 0 && endsWithEd(w))) { hint = -1; break; }
    }
    if (hint === undefined) {
      for (let k = h.j, steps = 0; k < this.n && steps < FWD; k++, steps++) {
        const w = T[k].w;
        if (w === '.' || w === ';' || (w === ',' && !FWD_COMMA)) break;
        if (w === 'will' || w === 'll' || w === 'shall') { hint = 1; break; }
        if ((T[k].c & F_PAST) || (T[k].k === 0 && endsWithEd(w))) { hint = -1; break; }
      }
    }
    const nf = h.nf as PartialNF;
    if (hint !== undefined) h.nf = { ...nf, hint };
    else if (nf.weekday !== undefined && nf.month === undefined) h.nf = { ...nf, hint: -1 };
    else if ((nf.quarter !== undefined || nf.half !== undefined) && nf.yearOffset === undefined) h.nf = { ...nf, hint: -1 };
  }
}

/** Tokens looked at after an expression for its tense (`In March, the company said`). */
const FWD = 6;
const FWD_COMMA = true;

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

/** The lower-case ASCII words of FLAGS by hash, for the tokenizer. */
interface LexEntry { w: string; c: number; next: LexEntry | undefined }
const LEX_BY_HASH: Map<number, LexEntry> = (() => {
  const m = new Map<number, LexEntry>();
  for (const [w, c] of FLAGS) {
    if (!/^[a-z]+$/.test(w)) continue;
    const h = wordHash(w);
    m.set(h, { w, c, next: m.get(h) });
  }
  return m;
})();

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
} as const;
type RuleName = keyof typeof R;
type RuleId = (typeof R)[RuleName];

const NUMBER_RULES: readonly RuleId[] = (['numericDate', 'clockTime', 'calendarDate', 'yearish', 'durationOrAgo',
  'setExpr', 'quarter', 'century', 'decade'] as RuleName[]).map(r => R[r]);

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
  add(['christmas', 'new', 'easter', 'thanksgiving', 'halloween', 'valentine'], 'holiday');
  add(['fiscal'], 'fiscal');
  add(['year', 'nineteen', 'eighteen', 'two'], 'yearish');
  add(['noon', 'midnight', 'midday'], 'clockTime');
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
