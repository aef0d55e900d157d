// From a segment's text to timex mentions: a cheap prefilter (most sentences hold no temporal word), then
// the grammar. The mentions carry an unresolved normal form in `data.timex`; refiners/timex.ts resolves
// them against the article's reference date.
import type { Mention, TimexValue } from '../types';
import { TimexParser, tokenize } from './grammar';
import { resolve, TimexNF, TimexType } from './normal';

/**
 * Words and shapes without which no expression is recognised. Deliberately loose (a superset of what the
 * grammar needs); its only job is to skip sentences quickly.
 */
const TRIGGER = new RegExp(
  '\\d|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)' +
  '|(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day|\\.)' +
  '|\\b(?:today|tonight|tomorrow|yesterday|now|current|recent|lately|past|future|day|week|month|year|decade' +
  '|centur|millenni|quarter|half|spring|summer|fall|autumn|winter|hour|minute|second|secs|mins|hrs|yrs|morning' +
  '|afternoon|evening|night|noon|midnight|midday|daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly' +
  '|fortnight|semiannually|biannually|christmas|easter|thanksgiving|halloween|valentine|fiscal|once|twice|thrice' +
  '|eighties|nineties|seventies|sixties|fifties|forties|thirties|twenties)',
  'i');

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

export function recognizeTimex(text: string): Mention[] {
  if (!TRIGGER.test(text)) return [];
  const tokens = tokenize(text);
  const hits = new TimexParser(tokens).parse();
  const out: Mention[] = [];
  for (const h of hits) {
    const start = tokens[h.i].s, end = tokens[h.j - 1].e;
    const res = resolve(h.nf, {});
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
