// Calendar arithmetic on plain proleptic Gregorian dates (no time zones, no clocks): ISO weeks, month
// and year shifts, weekdays, seasons, quarters, a few movable feasts. Days are counted as UTC epoch days
// so that nothing here depends on the machine's time zone.

export interface Ymd { y: number; m: number; d: number }

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date. Month and day may overflow (`d = 0` is the last day of
 * the month before), as with `Date`. Integer arithmetic (H. Hinnant's days_from_civil): no Date objects.
 */
export function epochDay(y: number, m: number, d: number): number {
  if (!(Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && Math.abs(y) < 100_000 &&
    Math.abs(m) < 1_000_000 && Math.abs(d) < 10_000_000)) return epochDayByDate(y, m, d);
  const mi = m - 1;
  const yy = y + Math.floor(mi / 12);
  const mm = mi - Math.floor(mi / 12) * 12 + 1;
  const ya = mm <= 2 ? yy - 1 : yy;
  const era = Math.floor(ya / 400);
  const yoe = ya - era * 400;
  const doy = Math.floor((153 * (mm > 2 ? mm - 3 : mm + 9) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const n = era * 146097 + doe - 719468 + d - 1;
  return Math.abs(n) <= 100_000_000 ? n : NaN;
}

function epochDayByDate(y: number, m: number, d: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return Math.round(dt.getTime() / MS_PER_DAY);
}

/** The date of an epoch day (H. Hinnant's civil_from_days). */
export function fromEpochDay(n: number): Ymd {
  if (!(Number.isInteger(n) && Math.abs(n) <= 100_000_000)) return fromEpochDayByDate(n);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function fromEpochDayByDate(n: number): Ymd {
  const dt = new Date(n * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(a: Ymd, n: number): Ymd {
  return fromEpochDay(epochDay(a.y, a.m, a.d) + n);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : DAYS_IN_MONTH[m - 1];
}
export function isLeap(y: number): boolean { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function weekday(a: Ymd): number {
  const n = epochDay(a.y, a.m, a.d);
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(a: Ymd): { year: number; week: number } {
  const n = epochDay(a.y, a.m, a.d);
  const thursday = n - weekday(a) + 4;
  const t = fromEpochDay(thursday);
  const jan1 = epochDay(t.y, 1, 1);
  return { year: t.y, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** The Monday of an ISO week. */
export function mondayOfIsoWeek(year: number, week: number): Ymd {
  const jan4 = { y: year, m: 1, d: 4 };
  const mondayW1 = epochDay(year, 1, 4) - weekday(jan4) + 1;
  return fromEpochDay(mondayW1 + (week - 1) * 7);
}

/** Shifts a month index: (y, m) + n months. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (idx % 12 + 12) % 12 + 1 };
}

export function quarterOf(m: number): number { return Math.floor((m - 1) / 3) + 1; }

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
/** Meteorological seasons (northern hemisphere): spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb. */
export const SEASON_START_MONTH: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
export const SEASON_ORDER: readonly Season[] = ['WI', 'SP', 'SU', 'FA'];

/** The season a date falls in, and the year TIMEX3 gives it (December belongs to the winter of its own year). */
export function seasonOf(a: Ymd): { year: number; season: Season } {
  if (a.m >= 3 && a.m <= 5) return { year: a.y, season: 'SP' };
  if (a.m >= 6 && a.m <= 8) return { year: a.y, season: 'SU' };
  if (a.m >= 9 && a.m <= 11) return { year: a.y, season: 'FA' };
  // TIMEX3 writes the winter of early 2018 as 2017-WI? Practice varies; we name a winter by the year it starts.
  return { year: a.m === 12 ? a.y : a.y - 1, season: 'WI' };
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easter(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** The n-th given weekday of a month (n = -1: the last one). */
export function nthWeekday(y: number, m: number, wd: number, n: number): Ymd {
  if (n > 0) {
    const first = weekday({ y, m, d: 1 });
    return { y, m, d: 1 + ((wd - first + 7) % 7) + (n - 1) * 7 };
  }
  const lastDay = daysInMonth(y, m);
  const last = weekday({ y, m, d: lastDay });
  return { y, m, d: lastDay - ((last - wd + 7) % 7) };
}

export const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
export const pad4 = (n: number) => (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(4, '0');
export function ymdString(a: Ymd): string { return `${pad4(a.y)}-${pad2(a.m)}-${pad2(a.d)}`; }

/** Parses `YYYY-MM-DD` (and ignores a time part after it); undefined when it is not a real date. */
export function parseYmd(s: string | undefined): Ymd | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return undefined;
  const y = +m[1], mo = +m[2], d = +m[3];
  return isValidDate(y, mo, d) ? { y, m: mo, d } : undefined;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return epochDay(a.y, a.m, a.d) - epochDay(b.y, b.m, b.d);
}
