// TIMEX3 values in words, for the hover: `Friday, 9 June 2017`, `May 2017 (early)`, `3 months`,
// `every week, 3 times`, `May of an unknown year`.
import { addDays, mondayOfIsoWeek, weekday, Ymd } from './calendar';
import { MONTH_NAMES, POD_NAMES, SEASON_NAMES, WEEKDAY_NAMES } from './lexicon';
import { Cal, calOfTimex, endOf, Gran, startOf } from './normal';
import type { Season } from './calendar';
import type { PartOfDay } from './normal';

const GRAN_WORDS: Record<Gran, string> = {
  century: 'century', decade: 'decade', year: 'year', half: 'half-year', quarter: 'quarter', season: 'season',
  month: 'month', week: 'week', weekend: 'weekend', day: 'day', time: 'time of day',
};

export const MOD_WORDS: Record<string, string> = {
  START: 'the start of', MID: 'the middle of', END: 'the end of', APPROX: 'about', LESS_THAN: 'less than',
  MORE_THAN: 'more than', EQUAL_OR_LESS: 'at most', EQUAL_OR_MORE: 'at least', BEFORE: 'before', AFTER: 'after',
  ON_OR_BEFORE: 'on or before', ON_OR_AFTER: 'on or after',
};

const ORDINAL = ['', 'first', 'second', 'third', 'fourth'];

function ordinalSuffix(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'th', 'th'][n % 10]}`;
}

export function dayWords(a: Ymd): string {
  return `${WEEKDAY_NAMES[weekday(a) - 1]}, ${a.d} ${MONTH_NAMES[a.m - 1]} ${a.y}`;
}

function span(a: Ymd, b: Ymd): string {
  const fmt = (x: Ymd) => `${x.d} ${MONTH_NAMES[x.m - 1]}${x.y !== b.y || a.y !== b.y ? ` ${x.y}` : ''}`;
  return `${fmt(a)} – ${fmt(b)}${a.y === b.y ? ` ${b.y}` : ''}`;
}

/** A calendar value in words. */
export function calWords(c: Cal): string {
  switch (c.gran) {
    case 'century': { const n = Math.floor(c.y / 100) + 1; return `the ${ordinalSuffix(n)} century (${c.y}s)`; }
    case 'decade': return `the ${Math.floor(c.y / 10) * 10}s`;
    case 'year': return String(c.y);
    case 'half': return `the ${c.h === 1 ? 'first' : 'second'} half of ${c.y} (${c.h === 1 ? 'January – June' : 'July – December'})`;
    case 'quarter': {
      const m0 = (c.q! - 1) * 3;
      return `the ${ORDINAL[c.q!]} quarter of ${c.y} (${MONTH_NAMES[m0]} – ${MONTH_NAMES[m0 + 2]})`;
    }
    case 'season': return `${SEASON_NAMES[c.s as Season]} ${c.y} (${span(startOf(c), endOf(c))}, meteorological)`;
    case 'month': return `${MONTH_NAMES[c.m! - 1]} ${c.y}`;
    case 'week': { const mon = mondayOfIsoWeek(c.y, c.w!); return `week ${c.w} of ${c.y} (${span(mon, addDays(mon, 6))})`; }
    case 'weekend': { const sat = addDays(mondayOfIsoWeek(c.y, c.w!), 5); return `the weekend of ${span(sat, addDays(sat, 1))}`; }
    case 'day': return dayWords({ y: c.y, m: c.m!, d: c.d! });
    case 'time': {
      const day = dayWords({ y: c.y, m: c.m!, d: c.d! });
      if (c.time) return `${day}, ${String(c.time.h).padStart(2, '0')}:${String(c.time.mi ?? 0).padStart(2, '0')}`;
      return `${day}, ${POD_NAMES[c.pod as PartOfDay] ?? 'time unknown'}`;
    }
  }
}

const DUR_UNITS: Record<string, [string, string]> = {
  Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'], Q: ['quarter', 'quarters'],
  E: ['decade', 'decades'], C: ['century', 'centuries'], L: ['millennium', 'millennia'],
};
const DUR_TIME_UNITS: Record<string, [string, string]> = { H: ['hour', 'hours'], M: ['minute', 'minutes'], S: ['second', 'seconds'] };

/** `P3M` → `3 months`, `PT5H30M` → `5 hours 30 minutes`, `PXY` → `some years`. */
export function durationWords(v: string): string | undefined {
  const m = /^P(?:([\dX.]+[YMWDQECL])+)?(?:T(?:[\dX.]+[HMS])+)?$/.exec(v);
  if (!m || v === 'P') return undefined;
  const out: string[] = [];
  const [datePart, timePart] = v.slice(1).split('T');
  for (const [, n, u] of (datePart ?? '').matchAll(/([\dX.]+)([YMWDQECL])/g)) out.push(amount(n, DUR_UNITS[u]));
  for (const [, n, u] of (timePart ?? '').matchAll(/([\dX.]+)([HMS])/g)) out.push(amount(n, DUR_TIME_UNITS[u]));
  return out.join(' ');
}
function amount(n: string, [one, many]: [string, string]): string {
  if (n === 'X') return `some ${many}`;
  return `${n} ${n === '1' ? one : many}`;
}

/** A SET value in words (`P1W` with freq `3X` → `3 times a week`; `XXXX-WXX-2` → `every Tuesday`). */
export function setWords(v: string, freq?: string): string {
  const times = freq ? /^(\d+)X$/.exec(freq) : null;
  const d = durationWords(v);
  if (d) {
    const per = d.replace(/^1 /, '');
    if (times) return `${times[1] === '1' ? 'once' : times[1] === '2' ? 'twice' : `${times[1]} times`} ${d.startsWith('1 ') ? `a ${per}` : `every ${per}`}`;
    return d.startsWith('1 ') ? `every ${per}` : `every ${d}`;
  }
  let m: RegExpExecArray | null;
  if ((m = /^XXXX-WXX-([1-7])(?:T(MO|AF|EV|NI))?$/.exec(v))) {
    return `every ${WEEKDAY_NAMES[+m[1] - 1]}${m[2] ? ` ${POD_NAMES[m[2] as PartOfDay]}` : ''}`;
  }
  if ((m = /^XXXX-(\d{2})$/.exec(v))) return `every ${MONTH_NAMES[+m[1] - 1]}`;
  if ((m = /^XXXX-(SP|SU|FA|WI)$/.exec(v))) return `every ${SEASON_NAMES[m[1] as Season]}`;
  if ((m = /^XXXX-Q([1-4])$/.exec(v))) return `every ${ORDINAL[+m[1]]} quarter`;
  if (v === 'XXXX-WXX-WE') return 'every weekend';
  if ((m = /^XXXX-XX-XXT(MO|AF|EV|NI)$/.exec(v))) return `every ${POD_NAMES[m[1] as PartOfDay]}`;
  return v;
}

/** Any TIMEX3 value in words, with its granularity (undefined for references, durations and sets). */
export function timexWords(v: string, type: string, freq?: string): { words: string; gran?: Gran; cal?: Cal } {
  if (v === 'PRESENT_REF') return { words: 'the present (the time of writing)' };
  if (v === 'PAST_REF') return { words: 'the past (some time before the time of writing)' };
  if (v === 'FUTURE_REF') return { words: 'the future (some time after the time of writing)' };
  if (type === 'SET') return { words: setWords(v, freq) };
  if (type === 'DURATION' || /^P/.test(v)) return { words: durationWords(v) ?? v };
  const cal = calOfTimex(v);
  if (cal) return { words: calWords(cal), gran: cal.gran, cal };
  return { words: underspecifiedWords(v) };
}

/** `XXXX-05` → `May of an unknown year`, `XXXX-WXX-2` → `a Tuesday (which week: unknown)`. */
export function underspecifiedWords(v: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^XXXX-(\d{2})-(\d{2})/.exec(v))) return `${+m[2]} ${MONTH_NAMES[+m[1] - 1]} of an unknown year`;
  if ((m = /^XXXX-(\d{2})$/.exec(v))) return `${MONTH_NAMES[+m[1] - 1]} of an unknown year`;
  if ((m = /^XXXX-WXX-([1-7])/.exec(v))) return `a ${WEEKDAY_NAMES[+m[1] - 1]} (which week: unknown)`;
  if ((m = /^XXXX-(SP|SU|FA|WI)$/.exec(v))) return `${SEASON_NAMES[m[1] as Season]} of an unknown year`;
  if ((m = /^XXXX-Q([1-4])$/.exec(v))) return `the ${ORDINAL[+m[1]]} quarter of an unknown year`;
  if ((m = /^XXXX-H([12])$/.exec(v))) return `the ${+m[1] === 1 ? 'first' : 'second'} half of an unknown year`;
  if (/^XXXX-XX-XX/.test(v)) return 'a day relative to the article\'s date';
  if (/^XXXX-WXX/.test(v)) return 'a week relative to the article\'s date';
  if (/^XXXX-XX$/.test(v)) return 'a month or season relative to the article\'s date';
  if (/^XXXX-QX$/.test(v)) return 'a quarter relative to the article\'s date';
  if (v === 'XXXX') return 'a year relative to the article\'s date';
  if ((m = /^(\d{4})-QX$/.exec(v))) return `a quarter of ${m[1]}`;
  return v;
}

export function granularityWords(g: Gran): string { return GRAN_WORDS[g]; }

