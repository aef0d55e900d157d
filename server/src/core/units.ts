// Units of length and area: the table of units the figures recognizer knows, their exact factors to SI,
// the spellings it reads, conversions and display formatting. Checks (conversion-mismatch, distance-vs-map,
// implausible-for-place...) and hover cards import from here; nothing here knows about recognizers.
//
// Factors are the exact legal definitions: international mile = 1609.344 m, nautical mile = 1852 m,
// foot = 0.3048 m, yard = 0.9144 m, inch = 0.0254 m, acre = 4046.8564224 m², hectare = 10⁴ m², metric dunam = 1000 m²,
// square mile = 1609.344² = 2589988.110336 m², square foot = 0.3048² = 0.09290304 m².
import { memoize } from './memo';

export type Dimension = 'length' | 'area';
export type SIUnit = 'm' | 'm2';

export type LengthUnit = 'm' | 'km' | 'cm' | 'mi' | 'nmi' | 'ft' | 'yd' | 'in';
export type AreaUnit = 'm2' | 'km2' | 'mi2' | 'ft2' | 'ha' | 'acre' | 'dunam';
export type UnitLabel = LengthUnit | AreaUnit;

export interface UnitDef {
  /** Normalised short label, the `unit` of a FigureValue. */
  label: UnitLabel;
  dimension: Dimension;
  /** SI units (m or m²) per one of this unit; exact. */
  factor: number;
  /** How the unit is written in canonical text and on hover cards (`km²`, `sq mi`, `ha`). */
  symbol: string;
  /** Spelled-out names for prose. */
  singular: string;
  plural: string;
  /** Metric units are shown with imperial conversions and the other way round. */
  system: 'metric' | 'imperial' | 'nautical' | 'regional';
}

const def = (label: UnitLabel, dimension: Dimension, factor: number, symbol: string, singular: string, plural: string,
  system: UnitDef['system']): UnitDef => ({ label, dimension, factor, symbol, singular, plural, system });

export const UNITS: Readonly<Record<UnitLabel, UnitDef>> = {
  m: def('m', 'length', 1, 'm', 'metre', 'metres', 'metric'),
  km: def('km', 'length', 1000, 'km', 'kilometre', 'kilometres', 'metric'),
  cm: def('cm', 'length', 0.01, 'cm', 'centimetre', 'centimetres', 'metric'),
  mi: def('mi', 'length', 1609.344, 'mi', 'mile', 'miles', 'imperial'),
  nmi: def('nmi', 'length', 1852, 'nmi', 'nautical mile', 'nautical miles', 'nautical'),
  ft: def('ft', 'length', 0.3048, 'ft', 'foot', 'feet', 'imperial'),
  yd: def('yd', 'length', 0.9144, 'yd', 'yard', 'yards', 'imperial'),
  in: def('in', 'length', 0.0254, 'in', 'inch', 'inches', 'imperial'),
  m2: def('m2', 'area', 1, 'm²', 'square metre', 'square metres', 'metric'),
  km2: def('km2', 'area', 1e6, 'km²', 'square kilometre', 'square kilometres', 'metric'),
  mi2: def('mi2', 'area', 2589988.110336, 'sq mi', 'square mile', 'square miles', 'imperial'),
  ft2: def('ft2', 'area', 0.09290304, 'sq ft', 'square foot', 'square feet', 'imperial'),
  ha: def('ha', 'area', 1e4, 'ha', 'hectare', 'hectares', 'metric'),
  acre: def('acre', 'area', 4046.8564224, 'acres', 'acre', 'acres', 'imperial'),
  dunam: def('dunam', 'area', 1000, 'dunams', 'dunam', 'dunams', 'regional'),
};

export function isUnitLabel(s: string): s is UnitLabel {
  return Object.prototype.hasOwnProperty.call(UNITS, s);
}

export function siUnitOf(dimension: Dimension): SIUnit {
  return dimension === 'length' ? 'm' : 'm2';
}

/**
 * Rounds away binary floating-point noise (2.5 × 1609.344 = 4023.3599999999997 → 4023.36). The rounding
 * goes through a decimal string (slow next to the rest of a figure's reading), so answers are kept by value
 * (a few thousand at most: the same amounts recur in a document and on every edit of it).
 */
const cleaned = memoize(8192, (x: number) => Number(x.toPrecision(15)));
export function clean(x: number): number {
  if (!Number.isFinite(x) || x === 0 || (Number.isInteger(x) && Math.abs(x) < 1e15)) return x;
  return cleaned(x);
}

/** An amount in `unit` in SI units (m or m²); undefined for an unknown unit. */
export function toSI(amount: number, unit: string): number | undefined {
  if (!isUnitLabel(unit)) return undefined;
  return clean(amount * UNITS[unit].factor);
}

/** An SI amount (m or m²) expressed in `unit`; undefined for an unknown unit. */
export function fromSI(si: number, unit: string): number | undefined {
  if (!isUnitLabel(unit)) return undefined;
  return clean(si / UNITS[unit].factor);
}

/**
 * Converts between two units of the same dimension (`convert(45, 'km', 'mi')` ≈ 27.96).
 * Undefined when either unit is unknown or the dimensions differ: it never throws.
 */
export function convert(amount: number, from: string, to: string): number | undefined {
  if (!isUnitLabel(from) || !isUnitLabel(to)) return undefined;
  const a = UNITS[from], b = UNITS[to];
  if (a.dimension !== b.dimension) return undefined;
  return clean(amount * a.factor / b.factor);
}

/** Converts a number or a [low, high] range. */
export function convertRange(amount: number | [number, number], from: string, to: string): number | [number, number] | undefined {
  if (typeof amount === 'number') return convert(amount, from, to);
  const lo = convert(amount[0], from, to), hi = convert(amount[1], from, to);
  return lo === undefined || hi === undefined ? undefined : [lo, hi];
}

// ---------------------------------------------------------------------------------------------------------
// Number formatting (deterministic, no locale): thousands separators and sensible rounding.

function group(intDigits: string): string {
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += ',';
    out += intDigits[i];
  }
  return out;
}

export interface FormatOptions {
  /** Round to this many significant digits (conversions: 3). Default: exact up to `maxDecimals`. */
  significant?: number;
  /** Most decimals shown (default 6; trailing zeros are dropped). */
  maxDecimals?: number;
}

/**
 * `1234567.891` → `1,234,567.891`; with `{ significant: 3 }` → `1,230,000`. Never exponent notation for
 * ordinary magnitudes; non-finite numbers print as `?`.
 */
export function formatNumber(x: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(x)) return '?';
  const maxDecimals = options.maxDecimals ?? 6;
  let v = x;
  if (options.significant !== undefined && v !== 0) {
    const digits = Math.floor(Math.log10(Math.abs(v))) + 1;
    const decimals = options.significant - digits;
    const p = Math.pow(10, Math.abs(decimals));
    v = decimals >= 0 ? Math.round(v * p) / p : Math.round(v / p) * p;
  }
  if (Math.abs(v) >= 1e21) return String(v);
  const neg = v < 0;
  let s = Math.abs(v).toFixed(Math.min(20, maxDecimals));
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  const [intPart, frac] = s.split('.');
  const out = group(intPart) + (frac ? '.' + frac : '');
  return neg && out !== '0' ? '-' + out : out;
}

function formatAmountPart(amount: number | [number, number], options: FormatOptions): string {
  return typeof amount === 'number'
    ? formatNumber(amount, options)
    : `${formatNumber(amount[0], options)}–${formatNumber(amount[1], options)}`;
}

/** `550 km²`, `20–25 km`, `1,200 sq mi`. */
export function formatQuantity(amount: number | [number, number], unit: string, options: FormatOptions = {}): string {
  const symbol = isUnitLabel(unit) ? UNITS[unit].symbol : unit;
  return `${formatAmountPart(amount, options)} ${symbol}`.trim();
}

/**
 * An SI value in the most readable SI unit: metres below 1 km, kilometres above; m² below 0.01 km²
 * (a hectare), km² above. Percentages and counts print as numbers.
 */
export function formatSI(si: number | [number, number], siUnit: 'm' | 'm2' | '1' | '%', options: FormatOptions = {}): string {
  const top = typeof si === 'number' ? Math.abs(si) : Math.max(Math.abs(si[0]), Math.abs(si[1]));
  const scale = (f: number) => typeof si === 'number' ? clean(si / f) : [clean(si[0] / f), clean(si[1] / f)] as [number, number];
  switch (siUnit) {
    case 'm': return top >= 1000 ? formatQuantity(scale(1000), 'km', options) : formatQuantity(si, 'm', options);
    case 'm2': return top >= 1e4 ? formatQuantity(scale(1e6), 'km2', options) : formatQuantity(si, 'm2', options);
    case '%': return formatAmountPart(si, options) + '%';
    default: return formatAmountPart(si, options);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Spellings the figures recognizer reads. Each pattern is a regular-expression source (case is spelled out:
// the recognizer compiles them case-sensitively so that `m`, `mi`, `ha` stay lower-case). Order matters:
// longer and area spellings come before the length spellings they start with.

/** Why a spelling is malformed (issue DL101). */
export type MalformedKind = 'slash' | 'plural-symbol' | 'postfix-sq';

export interface UnitSpelling {
  pattern: string;
  unit: UnitLabel;
  /** Set for spellings that are recognised but wrong or ambiguous (DL101 unit-malformed). */
  malformed?: MalformedKind;
}

/** `kilometre` → `(?:kilometre|Kilometre|KILOMETRE)`: lower, capitalised and upper case. */
function word(source: string): string {
  const cap = (s: string) => s.replace(/^([a-z])/, c => c.toUpperCase());
  // Only letters are upper-cased; regex syntax in `source` stays as it is.
  const upper = source.replace(/(\\.|\[[^\]]*\]|[a-z])/g, t => t.startsWith('\\') || t.startsWith('[') ? t : t.toUpperCase());
  return `(?:${source}|${cap(source)}|${upper})`;
}

const SQ = `(?:sq|Sq|SQ)\\.?`;                      // sq, sq., Sq., SQ
/** `sq` at the end of a spelling leaves a following period to the sentence. */
const SQ_END = `(?:sq|Sq|SQ)`;
const SQUARE = word('square');
const SEP = `[ \\u00a0-]?`;                           // "square km", "square-mile", "sqkm"
const KM_WORD = word('kilomet(?:re|er)s?');
const M_WORD = word('met(?:re|er)s?');
const MILE_WORD = word('miles?');
const KM = `(?:km|Km|KM)`;
const KMS = `(?:kms|Kms|KMS|KMs)`;
const SUP2 = `(?:²|2|\\^2)`;

export const UNIT_SPELLINGS: readonly UnitSpelling[] = [
  // Areas written like densities or with a trailing "sq": recognised so that DL101 can flag them.
  { pattern: `${SQ}[ \\u00a0]?\\/[ \\u00a0]?(?:${KMS}|${KM})`, unit: 'km2', malformed: 'slash' },       // 550sq/km
  { pattern: `(?:${KMS}|${KM})[ \\u00a0]?\\/[ \\u00a0]?${SQ_END}`, unit: 'km2', malformed: 'slash' },   // 550 km/sq
  { pattern: `${SQ}[ \\u00a0]?\\/[ \\u00a0]?(?:mi|Mi|MI)`, unit: 'mi2', malformed: 'slash' },
  { pattern: `(?:mi|Mi|MI)[ \\u00a0]?\\/[ \\u00a0]?${SQ_END}`, unit: 'mi2', malformed: 'slash' },
  { pattern: `${SQ}[ \\u00a0]?\\/[ \\u00a0]?m`, unit: 'm2', malformed: 'slash' },
  { pattern: `m[ \\u00a0]?\\/[ \\u00a0]?${SQ_END}`, unit: 'm2', malformed: 'slash' },
  { pattern: `(?:${SQ}|${SQUARE})[ \\u00a0]?${KMS}`, unit: 'km2', malformed: 'plural-symbol' },       // sq.kms
  { pattern: `${KMS}${SUP2}`, unit: 'km2', malformed: 'plural-symbol' },                              // kms2
  { pattern: `${KM}\\.?[ \\u00a0]?${SQ_END}`, unit: 'km2', malformed: 'postfix-sq' },                 // km sq
  // Areas.
  { pattern: `(?:${SQ}|${SQUARE})${SEP}${KM_WORD}`, unit: 'km2' },
  { pattern: `${KM_WORD}[ \\u00a0]${word('squared')}`, unit: 'km2' },
  { pattern: `(?:${SQ}|${SQUARE})${SEP}${KM}`, unit: 'km2' },
  { pattern: `${KM}${SUP2}`, unit: 'km2' },
  { pattern: `${KM}[ \\u00a0]${word('squared')}`, unit: 'km2' },
  { pattern: `(?:${SQ}|${SQUARE})${SEP}${MILE_WORD}`, unit: 'mi2' },
  { pattern: `${SQ}[ \\u00a0]?(?:miles?|mi|Mi|MI)`, unit: 'mi2' },
  { pattern: `mi${SUP2}`, unit: 'mi2' },
  { pattern: `(?:${SQ}|${SQUARE})${SEP}${M_WORD}`, unit: 'm2' },
  { pattern: `${M_WORD}[ \\u00a0]${word('squared')}`, unit: 'm2' },
  { pattern: `(?:${SQ}[ \\u00a0]?m|sqm)`, unit: 'm2' },
  { pattern: `m${SUP2}`, unit: 'm2' },
  { pattern: `${SQUARE}${SEP}(?:${word('feet')}|${word('foot')})`, unit: 'ft2' },
  { pattern: `${SQ}[ \\u00a0]?(?:ft|Ft)`, unit: 'ft2' },
  { pattern: `ft${SUP2}`, unit: 'ft2' },
  { pattern: `${word('hectares?')}|ha`, unit: 'ha' },
  { pattern: word('acres?'), unit: 'acre' },
  { pattern: word('d(?:u|o|ö)n(?:a|u|ü)ms?'), unit: 'dunam' },
  // Lengths.
  { pattern: `${word('nautical')}[ \\u00a0-]${MILE_WORD}|nmi|NM|nm`, unit: 'nmi' },
  { pattern: `${KM_WORD}|${KMS}|${KM}`, unit: 'km' },
  { pattern: `${word('centimet(?:re|er)s?')}|cm`, unit: 'cm' },
  { pattern: `${M_WORD}|m`, unit: 'm' },
  { pattern: `${MILE_WORD}|mi`, unit: 'mi' },
  { pattern: `${word('feet')}|${word('foot')}|ft`, unit: 'ft' },
  { pattern: `${word('yards?')}|yds?`, unit: 'yd' },
  // Inches only spelled out: `in` is a preposition.
  { pattern: word('inch(?:es)?'), unit: 'in' },
];

/** How a malformed spelling is explained to the analyst. */
export const MALFORMED_REASONS: Readonly<Record<MalformedKind, string>> = {
  'slash': 'reads like a rate or density ("per"), not an area',
  'plural-symbol': 'unit symbols take no plural "s"',
  'postfix-sq': 'is ambiguous (a square of that side, or an area?)',
};
