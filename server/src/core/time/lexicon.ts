// Words of English temporal expressions: months, weekdays, units, numbers, seasons, parts of the day.
import type { Season } from './calendar';
import type { PartOfDay } from './normal';

export const MONTHS = new Map<string, number>([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
]);
/** Abbreviations: only capitalised, and followed by a period or a number. */
export const MONTH_ABBREVIATIONS = new Map<string, number>([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9],
  ['oct', 10], ['nov', 11], ['dec', 12],
]);
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

export const WEEKDAYS = new Map<string, number>([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
]);
/** Abbreviations: only capitalised and followed by a period. */
export const WEEKDAY_ABBREVIATIONS = new Map<string, number>([
  ['mon', 1], ['tue', 2], ['tues', 2], ['wed', 3], ['thu', 4], ['thur', 4], ['thurs', 4], ['fri', 5], ['sat', 6],
  ['sun', 7],
]);
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export const SEASONS = new Map<string, Season>([
  ['spring', 'SP'], ['summer', 'SU'], ['fall', 'FA'], ['autumn', 'FA'], ['winter', 'WI'],
]);
export const SEASON_NAMES: Record<Season, string> = { SP: 'spring', SU: 'summer', FA: 'fall', WI: 'winter' };

export const PARTS_OF_DAY = new Map<string, PartOfDay>([
  ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'], ['night', 'NI'],
]);
export const POD_NAMES: Record<PartOfDay, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };

/** Duration units: the TIMEX3 letter, whether it is a time unit (after `T`), and how many of the letter one makes. */
export interface DurUnit {
  letter: string;
  time: boolean;
  /** How many `letter` one unit is (a decade is 10 Y). */
  factor: number;
  plural: boolean;
  /** The unit of `two years ago`, and how many of it one unit is (a decade ago: 10 years). */
  rel?: 'day' | 'week' | 'month' | 'quarter' | 'year';
  relFactor?: number;
  /** The letter of a vague amount (`decades`: PXE), when not `letter`. */
  vague?: string;
}
const U = (letter: string, time: boolean, factor: number, plural: boolean, rel?: DurUnit['rel'], relFactor = 1, vague?: string): DurUnit =>
  ({ letter, time, factor, plural, rel, relFactor, vague });
export const UNITS = new Map<string, DurUnit>([
  ['second', U('S', true, 1, false)], ['seconds', U('S', true, 1, true)], ['secs', U('S', true, 1, true)],
  ['minute', U('M', true, 1, false)], ['minutes', U('M', true, 1, true)], ['mins', U('M', true, 1, true)],
  ['hour', U('H', true, 1, false)], ['hours', U('H', true, 1, true)], ['hrs', U('H', true, 1, true)],
  ['day', U('D', false, 1, false, 'day')], ['days', U('D', false, 1, true, 'day')],
  ['week', U('W', false, 1, false, 'week')], ['weeks', U('W', false, 1, true, 'week')],
  ['fortnight', U('W', false, 2, false, 'week', 2)], ['fortnights', U('W', false, 2, true, 'week', 2)],
  ['month', U('M', false, 1, false, 'month')], ['months', U('M', false, 1, true, 'month')],
  ['quarter', U('Q', false, 1, false, 'quarter')], ['quarters', U('Q', false, 1, true, 'quarter')],
  ['year', U('Y', false, 1, false, 'year')], ['years', U('Y', false, 1, true, 'year')],
  ['yr', U('Y', false, 1, false, 'year')], ['yrs', U('Y', false, 1, true, 'year')],
  ['decade', U('Y', false, 10, false, 'year', 10, 'E')], ['decades', U('Y', false, 10, true, 'year', 10, 'E')],
  ['century', U('Y', false, 100, false, 'year', 100, 'C')], ['centuries', U('Y', false, 100, true, 'year', 100, 'C')],
  ['millennium', U('Y', false, 1000, false, 'year', 1000, 'L')], ['millennia', U('Y', false, 1000, true, 'year', 1000, 'L')],
]);

/** Calendar units as `this|last|next UNIT` use them. */
export const CAL_UNITS = new Map<string, 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century'>([
  ['day', 'day'], ['week', 'week'], ['weekend', 'weekend'], ['month', 'month'], ['quarter', 'quarter'],
  ['year', 'year'], ['decade', 'decade'], ['century', 'century'],
]);

export const ONES = new Map<string, number>([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
export const TENS = new Map<string, number>([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80],
  ['ninety', 90],
]);
/** Vague quantities: `several years` is PXY. */
export const VAGUE = new Set(['several', 'few', 'many', 'some', 'numerous', 'countless']);

export const ORDINALS = new Map<string, number>([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14],
  ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19],
  ['twentieth', 20], ['thirtieth', 30],
]);
export const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);

/** Spelled decades (`the nineties`). */
export const DECADE_WORDS = new Map<string, number>([
  ['twenties', 2], ['thirties', 3], ['forties', 4], ['fifties', 5], ['sixties', 6], ['seventies', 7],
  ['eighties', 8], ['nineties', 9],
]);

export const TIME_ZONES = new Set(['est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'gmt', 'utc', 'bst', 'cet',
  'cest', 'eet', 'eest', 'ist', 'jst', 'msk', 'ast', 'wib']);

export const SET_ADVERBS = new Map<string, string>([
  ['daily', 'P1D'], ['weekly', 'P1W'], ['monthly', 'P1M'], ['yearly', 'P1Y'], ['annually', 'P1Y'],
  ['hourly', 'PT1H'], ['nightly', 'P1D'], ['biweekly', 'P2W'], ['fortnightly', 'P2W'], ['semiannually', 'P6M'],
  ['biannually', 'P6M'],
]);
