// DL102 conversion-mismatch: a figure and its conversion disagree — `55 kilometers (30 miles)` (55 km is
// 34.2 miles), `12 miles (40 km)`, `5,000 hectares (2,000 acres)`.
//
// A conversion is a distance or area right after another of the same dimension in another unit, in brackets
// (`45 km (28 miles)`, `a 30-mile [48-km] stretch`) or after `or` when the two units belong to different
// systems (`55 km, or 34 miles`; `1 km or 500 m` is a choice, not a conversion). The first figure is the
// source; the check converts it exactly (units.ts) and compares with the second.
//
// Tolerance: a conversion is right when it is within 8% of the exact value (newsrooms round conversions
// freely: `60 km (40 miles)` for 37.3, `15 km (10 miles)` for 9.32, `230 miles (365 km)` for 370); beyond
// that, when it is as precise as the source's own rounding allows (a source of one significant digit,
// `20 km`, lets its conversion round to one digit too), but never when it is off by more than 15%. A hedge
// on either figure (`about`, `some`) allows one significant digit less and up to 25%. Ranges are compared
// end to end. So `55 kilometers (30 miles)` (34.2: 12% off) and `20 km (10 miles)` (12.4: 19%) are flagged.
//
// Fix (preferred): the correct conversion in the same style — the number(s) of the conversion rewritten,
// the unit as written kept: `(30 miles)` → `(34 miles)`; with as many decimals as the conversion had, else
// as many significant digits as the source but at least two (`90,000 km² (25,000 sq mi)` → `35,000`).
import type { Check } from '../api';
import { ObjectMemo } from '../memo';
import { readNumber } from '../text/numbers';
import type { Annotation, FigureValue, Finding } from '../types';
import { convert, formatNumber, isUnitLabel, UNITS } from '../units';
import type { UnitLabel } from '../units';
import { annotationIndex, approxNumber, bounds, display, examined, figure, halfUnit, HEDGE_SOURCE, numbersIn, positionsOf, precisionOf, roundSignificant } from './support';

/** What may stand between a figure and its conversion (a hedge before the second number aside). */
const BRACKET_BETWEEN = new RegExp(`^[ \\u00a0]*([(\\[])[ \\u00a0]*(?:(?:or|about|=|≈)[ \\u00a0]+)?(?:${HEDGE_SOURCE}[ \\u00a0]*)?$`, 'i');
const OR_BETWEEN = new RegExp(`^,?[ \\u00a0]+or[ \\u00a0]+(?:${HEDGE_SOURCE}[ \\u00a0]+)?$`, 'i');
/** After a bracketed conversion: a closing bracket, perhaps after a word that repeats the measure. */
const BRACKET_AFTER = /^[ \u00a0]*(?:(?:long|wide|deep|high|away|across|in length|in diameter|squared)[ \u00a0]*)?[)\]]/;

const MIN_REL = 0.08;
const MAX_REL = 0.15;
const MAX_REL_HEDGED = 0.25;

interface NumberPart { start: number; end: number; text: string; value: number; factor: number }

/** The written numbers of a figure (one, or two for a range) with their offsets in the document. */
function parts(a: Annotation): NumberPart[] {
  return numbersIn(a.text).map(n => ({
    start: a.start + n.start, end: a.start + n.end, text: a.text.slice(n.start, n.end), value: n.value, factor: n.factor,
  }));
}

/** Significant digits of the source figure (the least precise of its numbers). */
function sourceSignificant(src: NumberPart[]): number {
  let sig = Infinity;
  for (const p of src) sig = Math.min(sig, precisionOf(p.text, p.value, p.factor).significant);
  return Number.isFinite(sig) ? sig : 2;
}

/** How far the stated conversion may be from the exact one. */
function tolerance(exact: number, sourceAmount: number, sourceStep: number, significant: number, hedged: boolean, wholeNumber: boolean): number {
  const sig = hedged ? Math.max(1, significant - 1) : significant;
  const rounding = halfUnit(exact, sig);
  const carried = sourceAmount > 0 ? Math.abs(exact) * (sourceStep / 2) / sourceAmount : 0;
  // A conversion written as a whole number may round away the decimals: 9.32 may be written 9.
  const whole = wholeNumber ? 0.5 : 0;
  // Newsrooms round conversions freely (37.3 → 40, 9.3 → 10, 370 → 365): up to 8% is never an error.
  const usual = Math.abs(exact) * MIN_REL;
  const cap = Math.abs(exact) * (hedged ? MAX_REL_HEDGED : MAX_REL);
  return Math.min(Math.max(rounding, carried, whole, usual), cap);
}

/** Writes a corrected number in the style of the one it replaces. */
function writeLike(old: NumberPart, exact: number, significant: number, tol: number): string {
  const digits = /^[\d,.]+/.exec(old.text)?.[0] ?? '';
  // A multiplier written after digits (`0.6 million`) is kept; number words are rewritten in digits.
  const factor = old.factor > 1 && digits ? old.factor : 1;
  let x = exact / factor;
  const dot = digits.indexOf('.');
  const decimals = dot >= 0 ? digits.length - dot - 1 : 0;
  let s: string;
  if (decimals > 0) {
    let d = decimals;
    while (d < 6 && Math.abs(Number(x.toFixed(d)) * factor - exact) > tol) d++;
    s = formatNumber(Number(x.toFixed(d)), { maxDecimals: d });
    // Keep the written number of decimals (`4.0`, not `4`).
    if (!s.includes('.')) s += '.' + '0'.repeat(d);
    else s += '0'.repeat(d - (s.length - s.indexOf('.') - 1));
  } else {
    // As many significant digits as the source, more if the tolerance asks for them (`20 km` → 12 miles).
    let sig = significant;
    while (sig < 8 && Math.abs(roundSignificant(x, sig) * factor - exact) > tol) sig++;
    x = roundSignificant(x, sig);
    s = formatNumber(x, { maxDecimals: 6 });
  }
  // `1200 acres` was written without a thousands separator: so is its correction.
  if (/^\d{4,}/.test(digits)) s = s.replace(/,/g, '');
  const multiplier = factor > 1 ? old.text.slice(digits.length) : '';
  return s + multiplier;
}

export const conversionMismatch: Check = {
  code: 'DL102',
  name: 'conversion-mismatch',
  title: 'Conversion mismatch',
  defaultSeverity: 'warning',
  run(annotations, doc) {
    const out: Finding[] = [];
    const text = doc.text;
    const ix = annotationIndex(annotations, doc);
    // A figure and the annotation right before it in the list: only distances and areas are looked at.
    for (const i of positionsOf(ix, ['distance', 'area'])) {
      if (i === 0) continue;
      const a = annotations[i - 1], b = annotations[i];
      if (a.category !== b.category || a.end > b.start || b.start - a.end > 40) continue;
      const va = figure(a), vb = figure(b);
      if (!va || !vb || !isUnitLabel(va.unit) || !isUnitLabel(vb.unit) || va.unit === vb.unit) continue;
      // The pair's verdict is a function of the two values and the text from a's start to 20 characters after
      // b: kept per pair across analyses (an edit leaves nearly every pair as it was), offsets relative to b.
      const between = text.slice(a.end, b.start);
      const after = text.slice(b.end, b.end + 20);
      const m = PAIRS.get(vb, [va, a.text, b.text, between, after], () => judge(a, b, va, vb, between, after));
      if (!m.examined) continue;
      examined(doc, 'DL102');
      const v = m.verdict;
      if (!v) continue;
      const at = b.start;
      const finding: Finding = {
        code: 'DL102',
        severity: 'warning',
        start: b.start,
        end: b.end,
        message: v.message,
        related: [{ start: a.start, end: a.end, message: v.related }],
        annotations: [a.id, b.id],
      };
      if (v.fix) finding.fixes = [{ title: v.fix.title, edits: v.fix.edits.map(e => ({ start: at + e.start, end: at + e.end, newText: e.newText })), preferred: true }];
      out.push(finding);
    }
    return out;
  },
};

/** A pair's finding, offsets relative to the start of the conversion. */
interface Verdict { message: string; related: string; fix?: { title: string; edits: { start: number; end: number; newText: string }[] } }
/** Keyed by the conversion's value (the recognizer's object, shared across analyses by its cache). */
const PAIRS = new ObjectMemo<FigureValue, { examined: boolean; verdict?: Verdict }>();

/** Whether the pair is a conversion the check examines, and its finding if it is wrong. */
function judge(a: Annotation, b: Annotation, va: FigureValue, vb: FigureValue, between: string, after: string): { examined: boolean; verdict?: Verdict } {
  if (BRACKET_BETWEEN.test(between)) {
    if (!BRACKET_AFTER.test(after)) return { examined: false };
  } else if (OR_BETWEEN.test(between)) {
    if (UNITS[va.unit as UnitLabel].system === UNITS[vb.unit as UnitLabel].system) return { examined: false };
  } else return { examined: false };

  const src = parts(a), dst = parts(b);
  const [aLo, aHi] = bounds(va.amount), [bLo, bHi] = bounds(vb.amount);
  const aRange = aLo !== aHi, bRange = bLo !== bHi;
  if (src.length !== (aRange ? 2 : 1) || dst.length !== (bRange ? 2 : 1)) return { examined: true };
  const cLo = convert(aLo, va.unit, vb.unit), cHi = convert(aHi, va.unit, vb.unit);
  if (cLo === undefined || cHi === undefined) return { examined: true };
  const hedged = va.approximate || vb.approximate;
  const sig = sourceSignificant(src);
  const stepOf = (p: NumberPart) => precisionOf(p.text, p.value, p.factor).step;
  const whole = (p: NumberPart) => !/^\d[\d,]*\.\d/.test(p.text);
  const tLo = tolerance(cLo, aLo, stepOf(src[0]), sig, hedged, whole(dst[0]));
  const tHi = tolerance(cHi, aHi, stepOf(src[src.length - 1]), sig, hedged, whole(dst[dst.length - 1]));
  let wrong: boolean;
  if (aRange === bRange) wrong = Math.abs(bLo - cLo) > tLo || Math.abs(bHi - cHi) > tHi;
  else if (bRange) wrong = cLo < bLo - tLo || cHi > bHi + tHi;           // `20 km (12-13 miles)`
  else wrong = bLo < cLo - tLo || bHi > cHi + tHi;                      // `20-25 km (14 miles)`
  if (!wrong) return { examined: true };

  // The unit as written (`miles`, `km`); a hyphenated modifier (`nine-mile`) by its plural name.
  const tail = b.text.slice(dst[dst.length - 1].end - b.start);
  const unitText = /^[-\u2010\u2011]/.test(tail) || !tail.trim() ? UNITS[vb.unit as UnitLabel].plural : tail.trim();
  const exactText = cLo === cHi ? approxNumber(cLo) : `${approxNumber(cLo)}–${approxNumber(cHi)}`;
  const written = display(b);
  const verdict: Verdict = {
    message: `${display(a)} is ${exactText} ${unitText}, not ${written}${hedged ? ' (even allowing for the approximation)' : ''}.`,
    related: `the figure converted: ${a.text}`,
  };
  // The corrected conversion, written like the one it replaces (same shape only: a range converted to
  // one number, or the other way round, has no single right text).
  if (aRange === bRange) {
    const exact = [cLo, cHi];
    const edits = dst.map((p, k) => ({ start: p.start, end: p.end, newText: writeLike(p, exact[k], Math.max(2, sig), k === 0 ? tLo : tHi) }));
    // The fix must itself pass the check (it does by construction; guard against odd writing).
    const ok = edits.every((e, k) => {
      const v = readNumber(e.newText, 0)?.value;
      return v !== undefined && Math.abs(v - exact[k]) <= (k === 0 ? tLo : tHi) * (1 + 1e-9);
    });
    let fixed = b.text;
    for (const e of [...edits].reverse()) fixed = fixed.slice(0, e.start - b.start) + e.newText + fixed.slice(e.end - b.start);
    if (ok) verdict.fix = { title: `Change to ${fixed}`, edits: edits.map(e => ({ start: e.start - b.start, end: e.end - b.start, newText: e.newText })) };
  }
  return { examined: true, verdict };
}
