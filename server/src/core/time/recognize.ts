// From a segment's text to timex mentions: a cheap prefilter (most sentences hold no temporal word), then
// the grammar. The mentions carry an unresolved normal form in `data.timex`; refiners/timex.ts resolves
// them against the article's reference date.
import type { Mention, TimexValue } from '../types';
import { TimexParser } from './grammar';
import { resolve, TimexNF, TimexType } from './normal';

/**
 * Words and shapes without which no expression is recognised. Deliberately loose (a superset of what the
 * grammar needs); its only job is to skip sentences quickly. Month names count only capitalised (`may`,
 * the verb, is everywhere); numbers only as years (`1998`, `1990s`), clock times, numeric dates, `'90s`
 * and `Q3` (a number before a unit or a month is caught by the unit or the month).
 */
const TRIGGER_CASED = [
  '\\d{4}', // years, decades
  '\\d ?[ap]\\.?m\\b', '\\d:\\d\\d ?(?:[AaPp]\\.?[Mm]|GMT|UTC|[ECMP][SD]T|local|hours|hrs|h\\b)', '\\bat \\d{1,2}:\\d\\d', // clock times
  '\\d[/.-]\\d{1,2}[/.-]\\d', // numeric dates
  '\'\\d0s', '\\b[Qq][1-4]\\b', '\\b[1-4][Qq]\\b', 'o\'clock',
  '\\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b',
  '\\b(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\\b',
  '\\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)(?:\\.|\\s?\\d)',
  '\\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.',
  '\\bElection Day\\b',
];
/** Word beginnings, in any case (`day` also finds `days`, `centur` `century`). */
const TRIGGER_WORDS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'today', 'tonight', 'tomorrow', 'yesterday', 'now', 'current', 'recent', 'lately', 'past', 'future', 'day', 'week',
  'month', 'year', 'decade', 'centur', 'millenni', 'quarter', 'half', 'spring', 'summer', 'fall', 'autumn', 'winter',
  'hour', 'minute', 'second', 'secs', 'mins', 'hrs', 'yrs', 'morning', 'afternoon', 'evening', 'night', 'noon',
  'midnight', 'midday', 'daily', 'weekly', 'monthly', 'yearly', 'annually', 'hourly', 'nightly', 'biweekly',
  'fortnight', 'semiannually', 'biannually', 'christmas', 'easter', 'thanksgiving', 'halloween', 'valentine', 'fiscal',
  'once', 'twice', 'thrice', 'period', 'term', 'nineteen', 'eighteen', 'eighties', 'nineties', 'seventies', 'sixties', 'fifties', 'forties', 'thirties', 'twenties',
];
/**
 * One regex for both lists: the words as a trie of case-insensitive character classes (`[dD][aA][yY]`), so
 * that a sentence without a trigger is scanned once, and at each word start only the words with its first
 * letter are tried.
 */
const TRIGGER = new RegExp('\\b' + wordTrie(TRIGGER_WORDS) + '|' + TRIGGER_CASED.join('|'));

/** A regex source matching any word of `words` (lower-case letters) in any case; as a prefix, like the list. */
function wordTrie(words: readonly string[]): string {
  const build = (list: string[]): string => {
    if (list.includes('')) return ''; // a shorter word already matches every longer one as a prefix
    const byFirst = new Map<string, string[]>();
    for (const w of list) byFirst.set(w[0], [...(byFirst.get(w[0]) ?? []), w.slice(1)]);
    const alts = [...byFirst].map(([ch, rest]) => `[${ch}${ch.toUpperCase()}]` + build(rest));
    return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  };
  return build([...words]);
}

export function hasTrigger(text: string): boolean { return TRIGGER.test(text); }

const CATEGORY: Record<TimexType, 'date' | 'time' | 'duration' | 'set'> = {
  DATE: 'date', TIME: 'time', DURATION: 'duration', SET: 'set',
};

/** Data a timex mention carries for the refiner and the hover (not exported). */
export interface TimexData {
  timex: TimexNF;
  freq?: string;
  quant?: string;
}

/** The recognizer's provisional resolution: no reference date, no calendar values (read-only, shared). */
const PROVISIONAL = { noCal: true } as const;

export function recognizeTimex(text: string): Mention[] {
  if (!hasTrigger(text)) return [];
  const parser = new TimexParser(text);
  const hits = parser.parse();
  const out: Mention[] = [];
  for (let k = 0; k < hits.length; k++) {
    const h = hits[k];
    const start = parser.start(h.i), end = parser.end(h.j - 1);
    const res = resolve(h.nf, PROVISIONAL);
    const value: TimexValue = { timex: res.timex, type: h.type, approximate: !!h.approx || h.mod === 'APPROX', anchor: res.anchor };
    if (h.mod) value.mod = h.mod;
    if (res.unresolved) value.unresolved = true;
    const data: TimexData = { timex: h.nf };
    if (h.nf.kind === 'set') {
      if (h.nf.freq) data.freq = h.nf.freq;
      if (h.nf.quant) data.quant = h.nf.quant;
    }
    out.push({
      category: CATEGORY[h.type], start, end, text: text.slice(start, end), source: 'timex', value,
      data: data as unknown as Record<string, unknown>,
    });
  }
  return out;
}
