// Shared helpers of the figure checks (DL102-DL108): not a check itself, not registered.
//
// Everything here is cheap: the checks run on every edit over all annotations. Work several checks need
// (the measure statements of statements.ts) is memoised in `doc.memo` under keys that start with
// `checks:`; the memo is per analysis, and each entry remembers the annotation array it was computed for.

import type { DocumentContext } from '../api';
import { ALL_CATEGORIES } from '../types';
import type { Annotation, Category, FigureValue, PlaceRef, TimexValue } from '../types';
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

/** The hedges of HEDGE_SOURCE as plain strings (lower case) by their last character, longest first. */
const HEDGES_BY_LAST = new Map<number, string[]>();
for (const h of HEDGE_SOURCE.slice(3, -1).split('|').map(x => x.replace(/\\\./g, '.'))) {
  const c = h.charCodeAt(h.length - 1);
  const l = HEDGES_BY_LAST.get(c);
  if (l) l.push(h); else HEDGES_BY_LAST.set(c, [h]);
}
for (const l of HEDGES_BY_LAST.values()) l.sort((a, b) => b.length - a.length);

/**
 * Where a hedge written right before `end` starts, looking no further back than `lo`: the same match as
 * `new RegExp(`(?:${HEDGE_SOURCE}[ \\u00a0]+)$`, 'i')` (`*` when `minSpaces` is 0) over
 * `text.slice(lo, end)`, without building that string; -1 when there is none. The hedge ends where the
 * trailing spaces begin, and the leftmost match is the longest hedge that ends there.
 */
export function hedgeStartBefore(text: string, lo: number, end: number, minSpaces: 0 | 1): number {
  let j = end;
  while (j > lo) {
    const c = text.charCodeAt(j - 1);
    if (c !== 32 && c !== 0xa0) break;
    j--;
  }
  if (end - j < minSpaces || j === lo) return -1;
  let last = text.charCodeAt(j - 1);
  if (last >= 65 && last <= 90) last += 32;
  const candidates = HEDGES_BY_LAST.get(last);
  if (!candidates) return -1;
  for (const h of candidates) {
    const s = j - h.length;
    if (s < lo) continue;
    let k = 0;
    for (; k < h.length - 1; k++) {
      const c = text.charCodeAt(s + k), w = h.charCodeAt(k);
      // Case-insensitive like the regex's `i` flag without `u`: ASCII letters only.
      if (c !== w && !(w >= 97 && w <= 122 && c === w - 32)) break;
    }
    if (k === h.length - 1) return s;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------
// An index of the annotations by category, built once per analysis and shared by the checks (each check
// otherwise walks every annotation of the document, names and dates included, to find its few figures).

/** A small number per category (0 for none of ALL_CATEGORIES), for the index's `cats`. */
export const CATEGORY_CODE: Readonly<Record<Category, number>> =
  Object.fromEntries(ALL_CATEGORIES.map((c, i) => [c, i + 1])) as Record<Category, number>;
/** The code of a category string (a plain object: the strings are a handful of constants). */
function codeOf(c: string): number {
  const v = (CATEGORY_CODE as Record<string, unknown>)[c];
  return typeof v === 'number' ? v : 0;
}

export interface AnnotationIndex {
  list: readonly Annotation[];
  length: number;
  /** Positions in `list` per category code (CATEGORY_CODE), ascending. */
  byCode: number[][];
  /** The same for categories outside ALL_CATEGORIES, if any. */
  other?: Map<string, number[]>;
  /** Positions of annotations that carry a place but are no `place` annotation, ascending. */
  withPlace: number[];
  /** Category (CATEGORY_CODE), start and end of each annotation, by position: read without the objects. */
  cats: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
}

export function annotationIndex(annotations: readonly Annotation[], doc: DocumentContext): AnnotationIndex {
  const memo = doc?.memo as Map<string, unknown> | undefined;
  const hit = memo?.get('checks:index') as AnnotationIndex | undefined;
  if (hit && hit.list === annotations && hit.length === annotations.length) return hit;
  const n = annotations.length;
  let other: Map<string, number[]> | undefined;
  const withPlace: number[] = [];
  const cats = new Uint8Array(n), starts = new Int32Array(n), ends = new Int32Array(n);
  // One walk over the annotations reads what the index keeps; the lists per category are then filled from
  // `cats`, each made at its size (pushed one by one, they were grown and copied several times on every edit).
  const sizes = new Int32Array(ALL_CATEGORIES.length + 1);
  let lastCat = '', lastCode = 0;
  for (let i = 0; i < n; i++) {
    const a = annotations[i];
    const c = a.category;
    starts[i] = a.start;
    ends[i] = a.end;
    if (c !== lastCat) { lastCat = c; lastCode = codeOf(c); }
    cats[i] = lastCode;
    sizes[lastCode]++;
    if (lastCode === 0) {
      other ??= new Map();
      const l = other.get(c);
      if (l) l.push(i); else other.set(c, [i]);
    }
    if (a.place !== undefined && c !== 'place' && a.place) withPlace.push(i);
  }
  const byCode: number[][] = [[]];
  for (let k = 1; k <= ALL_CATEGORIES.length; k++) byCode.push(new Array<number>(sizes[k]));
  const filled = new Int32Array(ALL_CATEGORIES.length + 1);
  for (let i = 0; i < n; i++) {
    const code = cats[i];
    if (code !== 0) byCode[code][filled[code]++] = i;
  }
  const ix: AnnotationIndex = { list: annotations, length: n, byCode, other, withPlace, cats, starts, ends };
  memo?.set('checks:index', ix);
  return ix;
}

function positionList(ix: AnnotationIndex, c: Category): number[] | undefined {
  const code = codeOf(c);
  return code !== 0 ? ix.byCode[code] : ix.other?.get(c);
}

/** The non-empty position lists of the given categories and of the extra positions. */
function listsOf(ix: AnnotationIndex, categories: readonly Category[], extra?: readonly number[]): (readonly number[])[] {
  const lists: (readonly number[])[] = [];
  for (const c of categories) { const l = positionList(ix, c); if (l && l.length) lists.push(l); }
  if (extra && extra.length) lists.push(extra);
  return lists;
}

/**
 * The ascending union of ascending position lists, written through `put` (each position once): merged in place
 * of a mark per annotation of the document, into an array sized once by the caller (the lists' total length,
 * cut to what was written), since every check asks for its positions on every edit.
 */
function mergeLists(lists: readonly (readonly number[])[], put: (k: number, i: number) => void): number {
  const m = lists.length;
  const at = new Array<number>(m).fill(0);
  let k = 0, last = -1;
  for (;;) {
    let best = -1, min = Infinity;
    for (let q = 0; q < m; q++) {
      const l = lists[q];
      if (at[q] < l.length && l[at[q]] < min) { min = l[at[q]]; best = q; }
    }
    if (best < 0) return k;
    at[best]++;
    if (min !== last) { put(k++, min); last = min; }
  }
}

/**
 * Positions (ascending) of the annotations of the given categories, and of the extra positions when given
 * (ascending too, as the index's own lists are).
 */
export function positionsOf(ix: AnnotationIndex, categories: readonly Category[], extra?: readonly number[]): number[] {
  const lists = listsOf(ix, categories, extra);
  if (lists.length === 1) return lists[0].slice();
  if (lists.length === 0) return [];
  let total = 0;
  for (const l of lists) total += l.length;
  const out = new Array<number>(total);
  out.length = mergeLists(lists, (k, i) => { out[k] = i; });
  return out;
}

/** The annotations of the given categories (and of the extra positions), in list order. */
export function select(ix: AnnotationIndex, categories: readonly Category[], extra?: readonly number[]): Annotation[] {
  const lists = listsOf(ix, categories, extra);
  const list = ix.list;
  if (lists.length === 1) {
    const l = lists[0];
    const out = new Array<Annotation>(l.length);
    for (let k = 0; k < l.length; k++) out[k] = list[l[k]];
    return out;
  }
  if (lists.length === 0) return [];
  let total = 0;
  for (const l of lists) total += l.length;
  const out = new Array<Annotation>(total);
  out.length = mergeLists(lists, (k, i) => { out[k] = list[i]; });
  return out;
}

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
  // The leading run of digits and separators, without its group separators (read by hand).
  let digits = '';
  for (let k = 0; k < numberText.length; k++) {
    const c = numberText.charCodeAt(k);
    if ((c >= 48 && c <= 57) || c === 46) digits += numberText[k];
    else if (c !== 44 && c !== 0xa0 && c !== 0x202f && c !== 0x2009) break;
  }
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
  return foldName(p.name) === foldName(a.text) ? a.text : `${a.text} (${p.name}${p.country ? ', ' + p.country : ''})`;
}
/** A name's letters a-z, accents dropped (kept by name across analyses: places recur). */
const FOLDED_NAMES = new Map<string, string>();
function foldName(s: string): string {
  let f = FOLDED_NAMES.get(s);
  if (f === undefined) {
    f = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
    if (FOLDED_NAMES.size >= 4096) FOLDED_NAMES.clear();
    FOLDED_NAMES.set(s, f);
  }
  return f;
}

/** `1234.5` → `1,230` (3 significant digits) — for computed values in messages. */
export function approxNumber(x: number): string {
  const r = roundSignificant(x, 3);
  const s = Math.abs(r) >= 1000 ? Math.round(r).toString() : String(Number(r.toPrecision(3)));
  const dot = s.indexOf('.');
  const i = dot >= 0 ? s.slice(0, dot) : s;
  // Thousands separators: digits only (a sign before them) are grouped in a loop; anything else (an
  // exponent) by the regular expression.
  let grouped: string;
  const neg = i.charCodeAt(0) === 45 ? 1 : 0;
  let digitsOnly = i.length > neg;
  for (let k = neg; k < i.length && digitsOnly; k++) { const c = i.charCodeAt(k); digitsOnly = c >= 48 && c <= 57; }
  if (digitsOnly) {
    grouped = i.slice(0, neg);
    for (let k = neg; k < i.length; k++) {
      if (k > neg && (i.length - k) % 3 === 0) grouped += ',';
      grouped += i[k];
    }
  } else grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const f = dot >= 0 ? s.slice(dot + 1).split('.')[0] : '';
  return grouped + (f ? '.' + f : '');
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
