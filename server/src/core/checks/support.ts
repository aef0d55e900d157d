// Shared helpers of the figure checks (DL102-DL108): not a check itself, not registered.
//
// Everything here is cheap: the checks run on every edit over all annotations. Work several checks need
// (the measure statements of statements.ts) is memoised in `doc.memo` under keys that start with
// `checks:`; the memo is per analysis, and each entry remembers the annotation array it was computed for.

import type { DocumentContext } from '../api';
import type { Annotation, FigureValue, PlaceRef, TimexValue } from '../types';
import { readNumber, NumberRead, NUMBER_CANDIDATE } from '../text/numbers';
import { formatQuantity, isUnitLabel } from '../units';

// ---------------------------------------------------------------------------------------------------------
// Figures.

export function figure(a: Annotation): FigureValue | undefined {
  const v = a.value as FigureValue | undefined;
  return v && typeof v === 'object' && 'siUnit' in v && 'si' in v ? v : undefined;
}

export function timexOf(a: Annotation): TimexValue | undefined {
  const v = a.value as TimexValue | undefined;
  return v && typeof v === 'object' && typeof (v as TimexValue).timex === 'string' ? v : undefined;
}

/** [low, high] of a number or a range. */
export function bounds(x: number | [number, number]): [number, number] {
  return typeof x === 'number' ? [x, x] : [x[0], x[1]];
}

/**
 * What a hedge says about the true value: `lower` (more than, at least: the truth is at or above the
 * figure), `upper` (up to, less than, nearly: at or below), `approx` (about, some), `exact` (no hedge).
 */
export type Hedge = 'exact' | 'approx' | 'lower' | 'upper';
const LOWER = new Set(['more than', 'over', 'at least', 'upwards of', 'in excess of', 'well over', 'just over']);
const UPPER = new Set(['less than', 'fewer than', 'up to', 'at most', 'as many as', 'as much as', 'nearly', 'almost',
  'just under', 'close to']);
export function hedgeOf(v: FigureValue): Hedge {
  if (!v.approximate) return 'exact';
  const q = v.qualifier ?? '';
  if (LOWER.has(q)) return 'lower';
  if (UPPER.has(q)) return 'upper';
  return 'approx';
}

/** A hedge as written before a number (the figures recognizer leaves it out of the span). */
export const HEDGE_SOURCE = '(?:an estimated|estimated|as many as|as much as|upwards of|in excess of|more than|less than|' +
  'fewer than|at least|at most|up to|close to|just over|just under|well over|nearly|almost|about|around|roughly|' +
  'approximately|approx\\.|some|over|under|circa|ca\\.|c\\.|~)';

/** The numbers written in a figure's text (one, or two for a range), with offsets relative to the text. */
const CANDIDATE = new RegExp(NUMBER_CANDIDATE.source, 'gi');
export function numbersIn(text: string): NumberRead[] {
  const out: NumberRead[] = [];
  const re = CANDIDATE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < 2 && (m = re.exec(text)) !== null) {
    const n = readNumber(text, m.index);
    if (!n) continue;
    out.push(n);
    re.lastIndex = Math.max(n.end, m.index + 1);
  }
  return out;
}

/**
 * Precision of a number as written: the step of its last significant digit (`55` → 1, `30` → 10,
 * `2.5` → 0.1, `1.5 million` → 100,000) and its count of significant digits (`55` → 2, `30` → 1).
 * Trailing zeros of an integer are taken as not significant (the lenient reading).
 */
export function precisionOf(numberText: string, value: number, factor = 1): { step: number; significant: number } {
  const digits = numberText.match(/^[\d,.\u00a0\u202f\u2009]+/)?.[0].replace(/[,\u00a0\u202f\u2009]/g, '');
  if (!digits) {
    // Number words: `fifty-five` is as precise as 55, `thirty` as 30, `a dozen` as 12.
    return precisionOfInteger(Math.round(value));
  }
  const dot = digits.indexOf('.');
  if (dot >= 0) {
    const decimals = digits.length - dot - 1;
    const sig = digits.replace('.', '').replace(/^0+/, '').length || 1;
    return { step: Math.pow(10, -decimals) * factor, significant: sig };
  }
  const p = precisionOfInteger(Number(digits));
  return { step: p.step * factor, significant: p.significant };
}

function precisionOfInteger(n: number): { step: number; significant: number } {
  if (!Number.isFinite(n) || n === 0) return { step: 1, significant: 1 };
  let s = String(Math.abs(n));
  let zeros = 0;
  while (s.length > 1 && s.endsWith('0')) { s = s.slice(0, -1); zeros++; }
  return { step: Math.pow(10, zeros), significant: s.length };
}

/** Half a unit in the `significant`-th digit of x: how far x may move when rounded to that many digits. */
export function halfUnit(x: number, significant: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(x))) - Math.max(1, significant) + 1);
}

/** Rounds to `significant` digits without binary noise. */
export function roundSignificant(x: number, significant: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const e = Math.floor(Math.log10(Math.abs(x))) - Math.max(1, significant) + 1;
  const p = Math.pow(10, Math.abs(e));
  return e >= 0 ? Math.round(x / p) * p : Math.round(x * p) / p;
}

// ---------------------------------------------------------------------------------------------------------
// Places.

const POINT_KINDS = new Set(['city', 'town', 'village', 'capital', 'section of a city', 'historical place']);
/** A place that is a point on the map (a settlement), as opposed to a country or a region. */
export function isPointPlace(p: PlaceRef): boolean {
  return POINT_KINDS.has(p.kind);
}

/**
 * Radius of a settlement in km, from its population: the built-up area of a city is taken as
 * population / 2,000 per km² (a low urban density, so the radius errs on the large side), radius
 * sqrt(area / π), at least 1 km. A place with a known area uses that.
 * 10,000 people → 1.3 km; 100,000 → 4 km; 1 million → 12.6 km; 10 million → 40 km.
 */
export function placeRadiusKm(p: PlaceRef): number {
  if (p.areaKm2 && p.areaKm2 > 0) return Math.sqrt(p.areaKm2 / Math.PI);
  const pop = p.population ?? 0;
  return Math.max(1, Math.sqrt(pop / 2000 / Math.PI));
}

/** A place's name for messages: as written, with the gazetteer's name when it differs (`Palmyra (Tadmur)`). */
export function placeLabel(a: Annotation): string {
  const p = a.place;
  if (!p) return a.text;
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return fold(p.name) === fold(a.text) ? a.text : `${a.text} (${p.name}${p.country ? ', ' + p.country : ''})`;
}

/** `1234.5` → `1,230` (3 significant digits) — for computed values in messages. */
export function approxNumber(x: number): string {
  const r = roundSignificant(x, 3);
  const s = Math.abs(r) >= 1000 ? Math.round(r).toString() : String(Number(r.toPrecision(3)));
  const [i, f] = s.split('.');
  return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? '.' + f : '');
}

/**
 * A figure for messages: as written with its hedge (`about 45 kilometers`); a hyphenated modifier in its
 * canonical form (`610-square-kilometre` → `610 km²`).
 */
export function display(a: Annotation): string {
  const v = figure(a);
  let t = a.text;
  if (v && isUnitLabel(v.unit) && /\d[-\u2010\u2011]\p{L}/u.test(t)) t = formatQuantity(v.amount, v.unit);
  return v?.qualifier ? `${v.qualifier} ${t}` : t;
}

/**
 * Counts the candidates a check looked at (conversion pairs, distance claims, breakdowns...), for the
 * evaluation script (`npm run eval:checks` prints how many each check examined). One map lookup.
 */
export function examined(doc: DocumentContext, code: string, n = 1): void {
  let m = doc.memo.get('checks:examined') as Map<string, number> | undefined;
  if (!m) doc.memo.set('checks:examined', m = new Map());
  m.set(code, (m.get(code) ?? 0) + n);
}
