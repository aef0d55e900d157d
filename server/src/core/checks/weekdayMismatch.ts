// DL107 weekday-mismatch: a weekday written with a calendar date that falls on another day —
// `on Tuesday, June 9, 2017` (June 9, 2017 was a Friday).
//
// Reads the date annotations whose value is a full day (`value.timex` = YYYY-MM-DD) and that name a day of
// the month, and a weekday written inside the span (`Tuesday, June 9, 2017`, `Tue., 9 June`), right before
// it (`Tuesday (June 9)`) or right after it (`June 9 (Tuesday)`, `June 9, a Tuesday`).
//
// When the year is not written (`Tuesday, June 9`), it comes from the article's date; such a date is
// checked when it lies within 60 days of the article's date, or else only when no neighbouring year
// (year - 1, year + 1) would make the weekday right either. A numeric date that reads both ways
// (`10/06/2017`) is checked only when neither reading gives the weekday.
//
// Fixes: (preferred) write the date's weekday in place of the stated one, in the same style
// (`Tuesday` → `Friday`, `Tue.` → `Fri.`, `TUESDAY` → `FRIDAY`); (second) move the day of the month to the
// nearest day with the stated weekday, when that is in the same month (`Tuesday, June 9` → `Tuesday, June 6`).
import type { Check } from '../api';
import { epochDay, fromEpochDay, weekday } from '../time/calendar';
import type { Annotation, Finding, Fix } from '../types';
import { annotationIndex, examined, select, timexOf } from './support';
import { memoize } from '../memo';

const NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** A weekday as written: the full name, or an abbreviation (inside a date span; outside it only with a period). */
const FULL = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)';
const ABBR = '(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|MON|TUE|TUES|WED|THU|THUR|THURS|FRI|SAT|SUN)';
const INSIDE = new RegExp(`(?<![\\p{L}\\p{N}])(${FULL}|${ABBR})(?![\\p{L}\\p{N}])`, 'u');
const BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(${FULL}|${ABBR}(?=\\.))\\.?[ \\u00a0]*(?:,[ \\u00a0]*|\\([ \\u00a0]*|[ \\u00a0]the[ \\u00a0]+)?$`, 'u');
const AFTER = new RegExp(`^(?:[ \\u00a0]*\\([ \\u00a0]*|,[ \\u00a0]*(?:a|which was a)[ \\u00a0]+)(${FULL}|${ABBR}(?=\\.))(?![\\p{L}\\p{N}])`, 'u');
/** Any weekday as INSIDE, BEFORE and AFTER read them: each contains one of these. */
const ANY_WEEKDAY = /Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN/;
/** The date names a day of the month: a month name with a number, or a numeric date. */
const NAMES_DAY = /\d/;
const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b/;
const YEAR_WRITTEN = /\b\d{4}\b|['’]\d{2}\b/;

function weekdayIndex(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(w) + 1; // ISO: 1 = Monday
}

/** The right weekday written like the wrong one: full or three letters, capitalised or in capitals. */
function writeLike(written: string, iso: number): string {
  const full = NAMES[iso - 1];
  const w = /day$/i.test(written) ? full : full.slice(0, 3);
  return written === written.toUpperCase() ? w.toUpperCase() : w;
}

function ymd(timex: string): { y: number; m: number; d: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(timex);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : undefined;
}

/** ymd of a timex string, kept by string across analyses (`null` for none): the dates recur on every edit. */
const dayOf = memoize(4096, (timex: string) => ymd(timex) ?? null);
/**
 * Whether a date's text names a day of the month (NAMES_DAY), with digits besides those of a four-digit year
 * (`Tuesday 2017` names none); kept by text across analyses.
 */
const dayWrittenIn = memoize(4096, (t: string): boolean => NAMES_DAY.test(t) && /\d/.test(t.replace(/\b\d{4}\b/g, '')));

interface Stated { start: number; end: number; word: string; iso: number }

export const weekdayMismatch: Check = {
  code: 'DL107',
  name: 'weekday-mismatch',
  title: 'Weekday does not match the date',
  defaultSeverity: 'warning',
  run(annotations, doc) {
    const out: Finding[] = [];
    const text = doc.text;
    const refDay = doc.referenceDate ? ymd(doc.referenceDate.value) : undefined;
    for (const a of select(annotationIndex(annotations, doc), ['date'])) {
      const v = timexOf(a);
      if (!v || v.type !== 'DATE') continue;
      const date = dayOf(v.timex);
      // A day of the month must be written: a weekday plus digits of a year only (`Tuesday 2017`) is not one.
      if (!date || !dayWrittenIn(a.text)) continue;

      // The stated weekday: inside the span, right before it, or right after it. Each is written with one of
      // the three-letter abbreviations (full names start with them), so a window without any has none.
      if (!ANY_WEEKDAY.test(a.text) && !ANY_WEEKDAY.test(text.slice(Math.max(0, a.start - 16), a.end + 30))) continue;
      let stated: Stated | undefined;
      const inside = INSIDE.exec(a.text);
      if (inside) {
        stated = { start: a.start + inside.index, end: a.start + inside.index + inside[1].length, word: inside[1], iso: weekdayIndex(inside[1]) };
      } else {
        const before = BEFORE.exec(text.slice(Math.max(0, a.start - 16), a.start));
        if (before) {
          const s = a.start - (Math.min(16, a.start) - before.index);
          stated = { start: s, end: s + before[1].length, word: before[1], iso: weekdayIndex(before[1]) };
        } else {
          const after = AFTER.exec(text.slice(a.end, a.end + 30));
          if (after) {
            const s = a.end + after[0].length - after[1].length;
            stated = { start: s, end: s + after[1].length, word: after[1], iso: weekdayIndex(after[1]) };
          }
        }
      }
      if (!stated || stated.iso < 1) continue;
      examined(doc, 'DL107');
      const actual = weekday(date);
      if (actual === stated.iso) continue;

      // Numeric dates that read both ways (10/06/2017): only when neither reading gives the weekday.
      const numeric = NUMERIC_DATE.exec(a.text);
      if (numeric) {
        const p = Number(numeric[1]), q = Number(numeric[2]);
        if (p <= 12 && q <= 12 && p !== q) {
          const swapped = { y: date.y, m: date.d, d: date.m };
          if (weekday(swapped) === stated.iso) continue;
        }
      }
      // The year came from the article's date: trust it near that date, else only if no neighbour fits.
      if (!YEAR_WRITTEN.test(a.text)) {
        const near = refDay && Math.abs(epochDay(date.y, date.m, date.d) - epochDay(refDay.y, refDay.m, refDay.d)) <= 60;
        const iso = stated.iso;
        if (!near && [date.y - 1, date.y + 1].some(y => weekday({ y, m: date.m, d: date.d }) === iso)) continue;
      }

      const dateText = `${MONTH_NAMES[date.m - 1]} ${date.d}, ${date.y}`;
      const rightName = NAMES[actual - 1];
      const fixes: Fix[] = [{
        title: `Change ${stated.word} to ${writeLike(stated.word, actual)}`,
        edits: [{ start: stated.start, end: stated.end, newText: writeLike(stated.word, actual) }],
        preferred: true,
      }];
      const moved = numeric ? undefined : moveDay(a, date, stated.iso, actual);
      if (moved) fixes.push(moved);
      out.push({
        code: 'DL107',
        severity: 'warning',
        start: Math.min(stated.start, a.start),
        end: Math.max(stated.end, a.end),
        message: `${dateText} was a ${rightName}, not a ${NAMES[stated.iso - 1]}` +
          (YEAR_WRITTEN.test(a.text) ? '.' : ` (the year is taken from the article's date, ${doc.referenceDate?.value ?? 'unknown'}).`),
        fixes,
        related: stated.start >= a.start && stated.end <= a.end ? undefined : [{ start: a.start, end: a.end, message: `the date: ${dateText}` }],
        annotations: [a.id],
      });
    }
    return out;
  },
};

/** Second fix: the nearest day with the stated weekday, if in the same month and the day is written once. */
function moveDay(a: Annotation, date: { y: number; m: number; d: number }, wanted: number, actual: number): Fix | undefined {
  let delta = wanted - actual;
  if (delta > 3) delta -= 7;
  if (delta < -3) delta += 7;
  const target = fromEpochDay(epochDay(date.y, date.m, date.d) + delta);
  if (target.m !== date.m || target.y !== date.y) return undefined;
  const re = new RegExp(`(?<!\\d)${date.d}(?:st|nd|rd|th)?(?!\\d)`, 'g');
  const hits = [...a.text.matchAll(re)].filter(m => !/^\d{4}$/.test(m[0]));
  if (hits.length !== 1 || hits[0].index === undefined) return undefined;
  const h = hits[0];
  const suffix = /(st|nd|rd|th)$/.exec(h[0]) ? ordinal(target.d) : '';
  const newText = `${target.d}${suffix}`;
  return {
    title: `Change the date to ${MONTH_NAMES[target.m - 1]} ${target.d} (a ${NAMES[wanted - 1]})`,
    edits: [{ start: a.start + h.index, end: a.start + h.index + h[0].length, newText }],
  };
}

function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}
