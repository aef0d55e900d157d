// The normal form of a temporal expression, as the recognizer emits it (no reference date needed, so it
// can be cached per segment text), and its resolution into a TIMEX3 value against the article's reference
// date and the previously mentioned date.
//
// TIMEX3 values produced (TimeML 1.2.1): dates `2017-06-09`, `2017-06`, `2017`, `2017-Q2`, `2017-H1`,
// `2017-SP`, `2017-W23`, `2017-W23-WE`, decades `199`, centuries `19`; times `2017-06-09T14:30`,
// `2017-06-09TMO`; references `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`; durations `P3M`, `PT5H`, `PXY`;
// sets `P1W`, `XXXX-WXX-2`. Unresolved relative dates keep X placeholders (`XXXX-05`, `XXXX-XX-XX`).

import {
  addDays, addMonths, daysInMonth, easter as easterOf, epochDay, fromEpochDay, isoWeek, mondayOfIsoWeek, nthWeekday, pad2, pad4,
  quarterOf, Season, SEASON_START_MONTH, seasonOf, Ymd, ymdString,
} from './calendar';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'season' | 'year' | 'decade' | 'century';
export type Gran = 'century' | 'decade' | 'year' | 'half' | 'quarter' | 'season' | 'month' | 'week' | 'weekend' | 'day' | 'time';
export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI' | 'DT';
/** -1: an earlier instance, +1: a later one; `strict` excludes the one containing the anchor (`last April`). */
export type Direction = -1 | 0 | 1;

export interface ClockTime { h: number; mi?: number }

/** A calendar expression with missing fields that the reference date supplies (`May 9`, `Tuesday`, `Q3`). */
export interface PartialNF {
  kind: 'partial';
  year?: number;
  /** Year relative to the reference year, when the text says `this year's`, `last year's`. */
  yearOffset?: number;
  month?: number;
  day?: number;
  weekday?: number;
  quarter?: number;
  half?: number;
  season?: Season;
  weekend?: boolean;
  /** `the week of March 6`: the ISO week containing the day. */
  weekOf?: boolean;
  /** With `quarter: 0`: `the 1988 period` (rather than `the 1988 quarter`). */
  period?: boolean;
  /** A movable feast, computed once the year is known. */
  holiday?: 'easter' | 'thanksgiving' | 'election';
  pod?: PartOfDay;
  time?: ClockTime;
  /** From the words: `last` (-1, strict), `next` (+1, strict), `this` (0). */
  dir?: Direction;
  strict?: boolean;
  /** From the tense of the clause: past (-1) or future (+1). */
  hint?: -1 | 1;
}

/** An offset from the reference date or from the previously mentioned date (`yesterday`, `a year earlier`). */
export interface RelativeNF {
  kind: 'relative';
  unit: Unit;
  offset: number;
  /** `ref`: the reference date; `prev`: the last date mentioned before; `auto`: prev when it is a fiscal period. */
  anchor: 'ref' | 'prev' | 'auto';
  /** The granularity of the result when it differs from the unit (`this morning` is a day with a part of day). */
  gran?: Gran;
  pod?: PartOfDay;
  time?: ClockTime;
  /** The offset from the reference date when there is no date before to lean on (`the latest quarter`: -1). */
  fallbackOffset?: number;
  /** Lean only on a date before of the unit's own granularity (`the quarter` after a quarter, not after a day). */
  sameGran?: boolean;
}

export type TimexNF =
  | { kind: 'absolute'; timex: string }
  | PartialNF
  | RelativeNF
  | { kind: 'duration'; timex: string; later?: { unit: Unit; offset: number } }
  | { kind: 'set'; timex: string; freq?: string; quant?: string };

/** A resolved calendar value: the fields its granularity needs. */
export interface Cal {
  gran: Gran;
  y: number;
  m?: number;
  d?: number;
  q?: number;
  h?: number;
  s?: Season;
  /** ISO week (with `y` the ISO week-numbering year). */
  w?: number;
  pod?: PartOfDay;
  time?: ClockTime;
}

export interface Resolution {
  timex: string;
  /** How the value was obtained, in words. */
  anchor: string;
  unresolved?: boolean;
  /** The calendar value, when there is one (absolute or resolved dates and times). */
  cal?: Cal;
}

export const UNIT_GRAN: Record<Unit, Gran> = {
  day: 'day', week: 'week', weekend: 'weekend', month: 'month', quarter: 'quarter', half: 'half', season: 'season',
  year: 'year', decade: 'decade', century: 'century',
};

// ---------------------------------------------------------------------------------------------------------
// Formatting

export function formatCal(c: Cal): string {
  const y = pad4(c.y);
  switch (c.gran) {
    case 'century': return String(Math.floor(c.y / 100)).padStart(2, '0');
    case 'decade': return String(Math.floor(c.y / 10)).padStart(3, '0');
    case 'year': return y;
    case 'half': return `${y}-H${c.h}`;
    case 'quarter': return `${y}-Q${c.q}`;
    case 'season': return `${y}-${c.s}`;
    case 'month': return `${y}-${pad2(c.m!)}`;
    case 'week': return `${y}-W${pad2(c.w!)}`;
    case 'weekend': return `${y}-W${pad2(c.w!)}-WE`;
    case 'day': case 'time': {
      const day = `${y}-${pad2(c.m!)}-${pad2(c.d!)}`;
      if (c.time) return `${day}T${pad2(c.time.h)}:${pad2(c.time.mi ?? 0)}`;
      if (c.pod) return `${day}T${c.pod}`;
      return day;
    }
  }
}

/** The first day of a calendar value (for ordering and shifting). */
export function startOf(c: Cal): Ymd {
  switch (c.gran) {
    case 'century': return { y: Math.floor(c.y / 100) * 100, m: 1, d: 1 };
    case 'decade': return { y: Math.floor(c.y / 10) * 10, m: 1, d: 1 };
    case 'year': return { y: c.y, m: 1, d: 1 };
    case 'half': return { y: c.y, m: c.h === 2 ? 7 : 1, d: 1 };
    case 'quarter': return { y: c.y, m: (c.q! - 1) * 3 + 1, d: 1 };
    case 'season': return c.s === 'WI' ? { y: c.y, m: 12, d: 1 } : { y: c.y, m: SEASON_START_MONTH[c.s!], d: 1 };
    case 'month': return { y: c.y, m: c.m!, d: 1 };
    case 'week': return mondayOfIsoWeek(c.y, c.w!);
    case 'weekend': return addDays(mondayOfIsoWeek(c.y, c.w!), 5);
    default: return { y: c.y, m: c.m!, d: c.d! };
  }
}

/** The last day of a calendar value. */
export function endOf(c: Cal): Ymd {
  switch (c.gran) {
    case 'century': return { y: Math.floor(c.y / 100) * 100 + 99, m: 12, d: 31 };
    case 'decade': return { y: Math.floor(c.y / 10) * 10 + 9, m: 12, d: 31 };
    case 'year': return { y: c.y, m: 12, d: 31 };
    case 'half': return c.h === 2 ? { y: c.y, m: 12, d: 31 } : { y: c.y, m: 6, d: 30 };
    case 'quarter': { const m = c.q! * 3; return { y: c.y, m, d: daysInMonth(c.y, m) }; }
    case 'season': {
      const s = startOf(c);
      const e = addMonths(s.y, s.m, 2);
      return { y: e.y, m: e.m, d: daysInMonth(e.y, e.m) };
    }
    case 'month': return { y: c.y, m: c.m!, d: daysInMonth(c.y, c.m!) };
    case 'week': return addDays(mondayOfIsoWeek(c.y, c.w!), 6);
    case 'weekend': return addDays(mondayOfIsoWeek(c.y, c.w!), 6);
    default: return { y: c.y, m: c.m!, d: c.d! };
  }
}

/** A day expressed at a coarser granularity. */
export function truncate(a: Ymd, gran: Gran): Cal {
  switch (gran) {
    case 'century': case 'decade': case 'year': return { gran, y: a.y };
    case 'half': return { gran, y: a.y, h: a.m <= 6 ? 1 : 2 };
    case 'quarter': return { gran, y: a.y, q: quarterOf(a.m) };
    case 'season': { const s = seasonOf(a); return { gran, y: s.year, s: s.season }; }
    case 'month': return { gran, y: a.y, m: a.m };
    case 'week': case 'weekend': { const w = isoWeek(a); return { gran, y: w.year, w: w.week }; }
    default: return { gran, y: a.y, m: a.m, d: a.d };
  }
}

/** Shifts a calendar value by n units, keeping its granularity where it can. */
export function shift(c: Cal, unit: Unit, n: number): Cal {
  if (n === 0) return c;
  switch (unit) {
    case 'century': return { ...c, y: c.y + 100 * n };
    case 'decade': return { ...c, y: c.y + 10 * n };
    case 'year':
      if (c.gran === 'week' || c.gran === 'weekend') return { ...c, y: c.y + n };
      if (c.d !== undefined) return { ...c, ...clampDay(c.y + n, c.m!, c.d) };
      return { ...c, y: c.y + n };
    case 'half': case 'quarter': case 'month': case 'season': {
      const months = unit === 'half' ? 6 * n : unit === 'month' ? n : 3 * n;
      if (c.gran === 'quarter' && months % 3 === 0) {
        const idx = c.y * 4 + (c.q! - 1) + months / 3;
        return { ...c, y: Math.floor(idx / 4), q: (idx % 4 + 4) % 4 + 1 };
      }
      if (c.gran === 'half' && months % 6 === 0) {
        const idx = c.y * 2 + (c.h! - 1) + months / 6;
        return { ...c, y: Math.floor(idx / 2), h: (idx % 2 + 2) % 2 + 1 };
      }
      if (c.gran === 'season' && months % 3 === 0) {
        const s = startOf(c);
        const t = addMonths(s.y, s.m, months);
        return truncate({ y: t.y, m: t.m, d: 1 }, 'season');
      }
      const s = c.m !== undefined ? { y: c.y, m: c.m, d: c.d ?? 1 } : startOf(c);
      const t = addMonths(s.y, s.m, months);
      if (c.m === undefined) return truncate({ y: t.y, m: t.m, d: 1 }, c.gran);
      return { ...c, ...(c.d !== undefined ? clampDay(t.y, t.m, c.d) : { y: t.y, m: t.m }) };
    }
    case 'week': case 'weekend': case 'day': {
      const days = unit === 'day' ? n : 7 * n;
      const start = c.d !== undefined ? { y: c.y, m: c.m!, d: c.d } : startOf(c);
      const moved = addDays(start, days);
      if (c.d !== undefined) return { ...c, y: moved.y, m: moved.m, d: moved.d };
      return truncate(moved, c.gran);
    }
  }
}

function clampDay(y: number, m: number, d: number): { y: number; m: number; d: number } {
  return { y, m, d: Math.min(d, daysInMonth(y, m)) };
}

// ---------------------------------------------------------------------------------------------------------
// Resolution

export interface ResolveContext {
  /** The article's reference date. */
  ref?: Ymd;
  /** Where it came from (`header`, `dateline`, `option`, `analyst`), for the anchor text. */
  refSource?: string;
  /** The last date mentioned before this one, resolved. */
  prev?: { cal: Cal; text: string };
  /** Skip computing the calendar value of absolute dates (the recognizer's provisional values). */
  noCal?: boolean;
}

const GRAN_RANK: Record<Gran, number> = {
  century: 0, decade: 1, year: 2, half: 3, quarter: 4, season: 4, month: 5, week: 6, weekend: 6, day: 7, time: 8,
};
export function granRank(g: Gran): number { return GRAN_RANK[g]; }

const UNDERSPECIFIED_BY_GRAN: Record<Gran, string> = {
  century: 'XX', decade: 'XXX', year: 'XXXX', half: 'XXXX-HX', quarter: 'XXXX-QX', season: 'XXXX-XX',
  month: 'XXXX-XX', week: 'XXXX-WXX', weekend: 'XXXX-WXX-WE', day: 'XXXX-XX-XX', time: 'XXXX-XX-XX',
};

/** A date as TIMEX3 writes it when the year (and whatever else the reference date would give) is unknown. */
function underspecified(nf: TimexNF): string {
  if (nf.kind === 'partial') {
    const y = nf.year !== undefined ? pad4(nf.year) : 'XXXX';
    let v: string;
    if (nf.weekend) v = `${y}-WXX-WE`;
    else if (nf.holiday) v = `${y}-XX-XX`;
    else if (nf.quarter) v = `${y}-Q${nf.quarter}`;
    else if (nf.half) v = `${y}-H${nf.half}`;
    else if (nf.season) v = `${y}-${nf.season}`;
    else if (nf.month && nf.day) v = `${y}-${pad2(nf.month)}-${pad2(nf.day)}`;
    else if (nf.month) v = `${y}-${pad2(nf.month)}`;
    else if (nf.weekday) v = `${y}-WXX-${nf.weekday}`;
    else v = y;
    return v + timeSuffix(nf.time, nf.pod);
  }
  if (nf.kind === 'relative') {
    const g = nf.gran ?? UNIT_GRAN[nf.unit];
    return UNDERSPECIFIED_BY_GRAN[g] + timeSuffix(nf.time, nf.pod);
  }
  return nf.timex;
}

function timeSuffix(time?: ClockTime, pod?: PartOfDay): string {
  if (time) return `T${pad2(time.h)}:${pad2(time.mi ?? 0)}`;
  if (pod) return `T${pod}`;
  return '';
}

const UNIT_WORD: Record<Unit, [string, string]> = {
  day: ['day', 'days'], week: ['week', 'weeks'], weekend: ['weekend', 'weekends'], month: ['month', 'months'],
  quarter: ['quarter', 'quarters'], half: ['half-year', 'half-years'], season: ['season', 'seasons'],
  year: ['year', 'years'], decade: ['decade', 'decades'], century: ['century', 'centuries'],
};

export function describeRelative(nf: RelativeNF, anchorName: string): string {
  const [one, many] = UNIT_WORD[nf.unit];
  const n = Math.abs(nf.offset);
  if (nf.offset === 0) return `the same ${one} as ${anchorName}`;
  return `${n} ${n === 1 ? one : many} ${nf.offset < 0 ? 'before' : 'after'} ${anchorName}`;
}

/** Resolves a normal form; without a reference date, relative forms stay underspecified (`unresolved`). */
export function resolve(nf: TimexNF, ctx: ResolveContext): Resolution {
  switch (nf.kind) {
    case 'absolute': return { timex: nf.timex, anchor: 'absolute: the text gives it in full', cal: ctx.noCal ? undefined : calOfTimex(nf.timex) };
    case 'duration': return nf.later ? resolveLater(nf.timex, nf.later, ctx) : { timex: nf.timex, anchor: 'a length of time: needs no anchor' };
    case 'set': return { timex: nf.timex, anchor: 'a recurrence: needs no anchor' };
    case 'relative': return resolveRelative(sameShape(RELATIVE_FIELDS, nf), ctx);
    case 'partial': return resolvePartial(sameShape(PARTIAL_FIELDS, nf), ctx);
  }
}

// The normal forms come from the grammar in many shapes (`{kind, month, hint}`, `{kind, weekday, dir,
// strict}` ...); reading their many optional fields at one place is slow in V8 when the shapes are many
// (megamorphic loads of absent properties). Resolution therefore reads a copy with every field present.
export const PARTIAL_FIELDS: Readonly<PartialNF> = {
  kind: 'partial', year: undefined, yearOffset: undefined, month: undefined, day: undefined, weekday: undefined,
  quarter: undefined, half: undefined, season: undefined, weekend: undefined, weekOf: undefined, period: undefined, holiday: undefined,
  pod: undefined, time: undefined, dir: undefined, strict: undefined, hint: undefined,
};
export const RELATIVE_FIELDS: Readonly<RelativeNF> = {
  kind: 'relative', unit: 'day', offset: 0, anchor: 'ref', gran: undefined, pod: undefined, time: undefined,
  fallbackOffset: undefined, sameGran: undefined,
};
/** A copy of `nf` with all the fields of `fields` (absent ones undefined), in one shape. */
export function sameShape<T extends object>(fields: Readonly<T>, nf: T): T { return Object.assign({ ...fields }, nf); }

/** The last reference date named, and its name: the refiner resolves every mention against the same one. */
let lastRefName: { ref: Ymd; y: number; m: number; d: number; source: string | undefined; name: string } | undefined;

function refName(ctx: ResolveContext): string {
  const ref = ctx.ref!;
  const c = lastRefName;
  if (c && c.ref === ref && c.y === ref.y && c.m === ref.m && c.d === ref.d && c.source === ctx.refSource) return c.name;
  const name = `the reference date ${ymdString(ref)}${ctx.refSource ? ` (${ctx.refSource})` : ''}`;
  lastRefName = { ref, y: ref.y, m: ref.m, d: ref.d, source: ctx.refSource, name };
  return name;
}

/** `relative: 2 days before the article's date`, by unit and offset (the recognizer writes one per mention). */
const RELATIVE_ANCHORS = new Map<Unit, Map<number, string>>();
function unresolvedRelativeAnchor(rel: RelativeNF): string {
  let byOffset = RELATIVE_ANCHORS.get(rel.unit);
  if (!byOffset) RELATIVE_ANCHORS.set(rel.unit, byOffset = new Map());
  let a = byOffset.get(rel.offset);
  if (a === undefined) {
    a = `relative: ${describeRelative(rel, "the article's date")}`;
    if (byOffset.size < 200) byOffset.set(rel.offset, a);
  }
  return a;
}

/**
 * `two weeks later`: the duration stays the value (P2W); the anchor says where it ends, that long after the date
 * mentioned before, when there is one fine enough (`2 weeks after the date mentioned before, "March 2" (2024-03-02):
 * 2024-03-16`). No calendar value: the point is not an expression of its own, and later dates do not lean on it.
 */
function resolveLater(timex: string, later: { unit: Unit; offset: number }, ctx: ResolveContext): Resolution {
  const plain = { timex, anchor: 'a length of time: needs no anchor' };
  const prev = ctx.prev;
  // A day to count from (a day, or a time on a day), and a unit the calendar counts in days or months.
  if (!prev || prev.cal.d === undefined || prev.cal.m === undefined) return plain;
  const from: Ymd = { y: prev.cal.y, m: prev.cal.m, d: prev.cal.d };
  let end: Ymd;
  if (later.unit === 'day' || later.unit === 'week') end = addDays(from, later.offset * (later.unit === 'week' ? 7 : 1));
  else if (later.unit === 'month' || later.unit === 'year') {
    const ym = addMonths(from.y, from.m, later.offset * (later.unit === 'year' ? 12 : 1));
    end = { y: ym.y, m: ym.m, d: Math.min(from.d, daysInMonth(ym.y, ym.m)) };
  } else return plain;
  const [one, many] = UNIT_WORD[later.unit];
  const span = `${later.offset} ${later.offset === 1 ? one : many}`;
  return { timex, anchor: `a length of time, ending ${span} after the date mentioned before, "${prev.text}" (${formatCal(prev.cal)}): ${formatCal({ gran: 'day', y: end.y, m: end.m, d: end.d })}` };
}

function resolveRelative(nf: RelativeNF, ctx: ResolveContext): Resolution {
  const prev = ctx.prev;
  let usePrev = prev !== undefined && (nf.anchor === 'prev' ||
    (nf.anchor === 'auto' && (prev.cal.gran === 'quarter' || prev.cal.gran === 'half')));
  const g0 = prev ? nf.gran ?? keepGran(nf, prev.cal) : undefined;
  // `the next day` after `1998` cannot lean on it: the anchor must be at least as fine as the result.
  if (usePrev && granRank(prev!.cal.gran) < granRank(g0 === 'time' ? 'day' : g0!)) usePrev = false;
  if (usePrev && nf.sameGran && prev!.cal.gran !== UNIT_GRAN[nf.unit]) usePrev = false;
  if (usePrev) {
    const g = g0!;
    let base: Cal = prev!.cal;
    if (granRank(base.gran) > granRank(g)) base = truncate(startOf(base), g);
    const cal = withTime(shift(base, nf.unit, nf.offset), nf);
    return { timex: formatCal(cal), anchor: describeRelative(nf, `the date mentioned before, "${prev!.text}" (${formatCal(prev!.cal)})`), cal };
  }
  const offset = nf.anchor === 'prev' && nf.fallbackOffset !== undefined ? nf.fallbackOffset : nf.offset;
  const rel = offset === nf.offset ? nf : { ...nf, offset };
  if (!ctx.ref) {
    return { timex: underspecified(nf), anchor: unresolvedRelativeAnchor(rel), unresolved: true };
  }
  const g = nf.gran ?? UNIT_GRAN[nf.unit];
  let base = truncate(ctx.ref, g === 'time' ? 'day' : g);
  // A fiscal comparison with no quarter before it (`the year-ago quarter`) is about the last complete quarter.
  if (g === 'quarter' && nf.anchor !== 'ref' && nf.unit !== 'quarter') base = shift(base, 'quarter', -1);
  const cal = withTime(shift(base, nf.unit, offset), nf);
  return { timex: formatCal(cal), anchor: describeRelative(rel, refName(ctx)), cal };
}

/** `a year earlier` than a quarter is that quarter a year before. */
function keepGran(nf: RelativeNF, prev: Cal): Gran {
  const unitGran = UNIT_GRAN[nf.unit];
  if (nf.unit === 'year' && (prev.gran === 'half' || prev.gran === 'quarter')) return prev.gran;
  return unitGran;
}

function withTime(c: Cal, nf: { pod?: PartOfDay; time?: ClockTime }): Cal {
  if (!nf.pod && !nf.time) return c;
  if (c.d === undefined) return c;
  return { ...c, gran: 'time', pod: nf.pod, time: nf.time };
}

/** Days added to the distance of an instance on the other side of the reference date than the tense says. */
const TENSE_WEIGHT = 183;
/** Without a tense, a later month must be this many days nearer than an earlier one: news reports the past. */
const MONTH_BIAS = 120;

/** Candidate instances of a partial date around the reference date, in time order. */
function candidates(nf: PartialNF, ref: Ymd): Cal[] {
  const out: Cal[] = [];
  const years = nf.year !== undefined ? [nf.year]
    : nf.yearOffset !== undefined ? [ref.y + nf.yearOffset] : [ref.y - 1, ref.y, ref.y + 1];
  if (nf.weekday !== undefined && nf.month === undefined) {
    // A weekday alone: the instances in the weeks around the reference date.
    const refDay = epochDay(ref.y, ref.m, ref.d);
    for (let k = -10; k <= 10; k++) {
      // ISO weekday of the epoch day (1970-01-01 was a Thursday), as calendar.weekday computes it.
      if (((((refDay + k + 3) % 7) + 7) % 7) + 1 !== nf.weekday) continue;
      const day = fromEpochDay(refDay + k);
      out.push({ gran: 'day', y: day.y, m: day.m, d: day.d });
    }
    return out;
  }
  if (nf.weekend) {
    for (let k = -1; k <= 1; k++) out.push(truncate(addDays(ref, 7 * k), 'weekend'));
    return out;
  }
  for (const y of years) {
    if (nf.holiday) {
      const day = nf.holiday === 'easter' ? easterOf(y) : nf.holiday === 'election' ? electionDayOf(y) : thanksgivingOf(y);
      out.push({ gran: 'day', y, m: day.m, d: day.d });
    } else if (nf.month !== undefined && nf.day !== undefined) {
      if (nf.day <= daysInMonth(y, nf.month)) out.push({ gran: 'day', y, m: nf.month, d: nf.day });
    } else if (nf.month !== undefined) out.push({ gran: 'month', y, m: nf.month });
    else if (nf.quarter !== undefined) out.push({ gran: 'quarter', y, q: nf.quarter });
    else if (nf.half !== undefined) out.push({ gran: 'half', y, h: nf.half });
    else if (nf.season !== undefined) out.push({ gran: 'season', y, s: nf.season });
    else out.push({ gran: 'year', y });
  }
  return out;
}

function thanksgivingOf(y: number): Ymd { return nthWeekday(y, 11, 4, 4); }
/** United States Election Day: the Tuesday after the first Monday of November. */
function electionDayOf(y: number): Ymd { return addDays(nthWeekday(y, 11, 1, 1), 1); }

function resolvePartial(nf: PartialNF, ctx: ResolveContext): Resolution {
  if (nf.weekOf) {
    const r = resolvePartial({ ...nf, weekOf: false }, ctx);
    if (!r.cal || r.cal.d === undefined) return { ...r, timex: r.unresolved ? 'XXXX-WXX' : r.timex };
    const cal = truncate({ y: r.cal.y, m: r.cal.m!, d: r.cal.d }, 'week');
    return { timex: formatCal(cal), anchor: `the week containing ${r.timex}: ${r.anchor}`, cal };
  }
  const ref = ctx.ref;
  if (nf.quarter === 0) {
    // `the 1988 quarter`: the quarter mentioned before, in that year
    const pq = ctx.prev?.cal.gran === 'quarter' ? ctx.prev.cal.q : undefined;
    if (pq === undefined) {
      // `the 1988 period` with no quarter before: some period of 1988, so the year (it need not be a quarter)
      if (nf.period) { const cal: Cal = { gran: 'year', y: nf.year! }; return { timex: formatCal(cal), anchor: 'a period of that year: no quarter mentioned before', cal }; }
      return { timex: `${pad4(nf.year ?? 0)}-QX`, anchor: 'a quarter of that year: no quarter mentioned before', unresolved: true };
    }
    const cal: Cal = { gran: 'quarter', y: nf.year!, q: pq };
    return { timex: formatCal(cal), anchor: `the quarter mentioned before, "${ctx.prev!.text}", in ${nf.year}`, cal };
  }
  if (nf.year !== undefined && !nf.weekday && !nf.weekend) {
    const cands = candidates(nf, ref ?? { y: nf.year, m: 1, d: 1 });
    if (cands.length === 0) return { timex: underspecified(nf), anchor: 'not a real date', unresolved: true };
    const cal = withTime(cands[0], nf);
    return { timex: formatCal(cal), anchor: 'absolute: the text gives it in full', cal };
  }
  if (!ref) {
    const anchor = nf.dir === -1 ? 'partial date: the last one before the article\'s date'
      : nf.dir === 1 ? 'partial date: the next one after the article\'s date'
      : nf.yearOffset !== undefined ? 'partial date: a year relative to the article\'s date' : 'partial date: the one nearest the article\'s date';
    return { timex: underspecified(nf), anchor, unresolved: true };
  }
  const cands = candidates(nf, ref);
  const refDay = epochDay(ref.y, ref.m, ref.d);
  // Weekdays, quarters and halves follow the tense; months and dates are the nearest instance, weighted by it.
  const byTense = nf.dir === undefined && nf.hint !== undefined &&
    (nf.weekday !== undefined && nf.month === undefined || nf.weekend === true);
  const dir = nf.dir ?? (byTense ? nf.hint : undefined);
  const hintWeight = nf.dir === undefined && !byTense && nf.hint !== undefined;
  const strict = nf.dir !== undefined && nf.dir !== 0 ? (nf.strict ?? true) : false;
  let chosen: Cal | undefined;
  let how: string;
  const start = (c: Cal) => { const s = startOf(c); return epochDay(s.y, s.m, s.d); };
  const end = (c: Cal) => { const e = endOf(c); return epochDay(e.y, e.m, e.d); };
  if (nf.yearOffset !== undefined || cands.length === 1) {
    chosen = cands[0];
    how = nf.yearOffset !== undefined ? `the year ${nf.yearOffset === 0 ? 'of' : nf.yearOffset < 0 ? `${-nf.yearOffset} before` : `${nf.yearOffset} after`} ${refName(ctx)}` : refName(ctx);
  } else if (dir === 0) {
    // `this Tuesday`: the one in the same week; `this May`, `this spring`: the one of the same year.
    if (nf.weekday !== undefined && nf.month === undefined) {
      const w = isoWeek(ref);
      chosen = cands.find(c => { const cw = isoWeek({ y: c.y, m: c.m!, d: c.d! }); return cw.year === w.year && cw.week === w.week; });
    } else {
      const sameYear = nf.season !== undefined ? seasonOf(ref).year : ref.y;
      chosen = cands.find(c => c.y === sameYear);
    }
    how = `the one in the same ${nf.weekday !== undefined && nf.month === undefined ? 'week' : 'year'} as ${refName(ctx)}`;
  } else if (dir === -1) {
    const ok = cands.filter(c => strict ? end(c) < refDay && !(start(c) <= refDay && refDay <= end(c)) : start(c) <= refDay);
    chosen = ok[ok.length - 1];
    how = `the last one ${strict ? 'before' : 'up to'} ${refName(ctx)}`;
  } else if (dir === 1) {
    const ok = cands.filter(c => strict ? start(c) > refDay : end(c) >= refDay);
    chosen = ok[0];
    how = `the next one ${strict ? 'after' : 'from'} ${refName(ctx)}`;
  } else {
    // The nearest instance; a tense that points the other way costs half a year (`by May`, said in
    // March, is this May; `the rally in January`, said in October, is last January).
    let best = Infinity;
    for (const c of cands) {
      const signed = refDay < start(c) ? start(c) - refDay : refDay > end(c) ? -(refDay - end(c)) : 0;
      let dist = Math.abs(signed);
      if (hintWeight && ((nf.hint === -1 && signed > 0) || (nf.hint === 1 && signed < 0))) dist += TENSE_WEIGHT;
      else if (!nf.hint && signed > 0 && nf.day === undefined) dist += MONTH_BIAS;
      // Ties go to the past: news reports what happened more than what will.
      if (dist < best || (dist === best && chosen && start(c) < start(chosen))) { best = dist; chosen = c; }
    }
    how = `the one nearest ${refName(ctx)}${nf.hint ? ` (the clause is in the ${nf.hint < 0 ? 'past' : 'future'} tense)` : ''}`;
  }
  if (!chosen) return { timex: underspecified(nf), anchor: `partial date: no instance found near ${refName(ctx)}`, unresolved: true };
  const cal = withTime(chosen, nf);
  return { timex: formatCal(cal), anchor: how, cal };
}

/** Reads a TIMEX3 date value back into a calendar value (for anaphora and the hover). */
export function calOfTimex(v: string): Cal | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})|T(MO|AF|EV|NI|DT))?$/.exec(v))) {
    const c: Cal = { gran: 'day', y: +m[1], m: +m[2], d: +m[3] };
    if (m[4]) return { ...c, gran: 'time', time: { h: +m[4], mi: +m[5] } };
    if (m[6]) return { ...c, gran: 'time', pod: m[6] as PartOfDay };
    return c;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return { gran: 'month', y: +m[1], m: +m[2] };
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) return { gran: 'quarter', y: +m[1], q: +m[2] };
  if ((m = /^(\d{4})-H([12])$/.exec(v))) return { gran: 'half', y: +m[1], h: +m[2] };
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v))) return { gran: 'season', y: +m[1], s: m[2] as Season };
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v))) return { gran: m[3] ? 'weekend' : 'week', y: +m[1], w: +m[2] };
  if ((m = /^(\d{4})$/.exec(v))) return { gran: 'year', y: +m[1] };
  // decades: `199` (TIMEX3, TIMEX2); `199X` (other tools) is read too
  if ((m = /^(\d{3})X?$/.exec(v))) return { gran: 'decade', y: +m[1] * 10 };
  if ((m = /^(\d{2})$/.exec(v))) return { gran: 'century', y: +m[1] * 100 };
  return undefined;
}
