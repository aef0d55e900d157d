// DL104 inconsistent-measure: the same measure of the same thing given two values in one article —
// `Lake X covers 610 square kilometers` … `Lake X, which covers 450 square kilometers`.
//
// Statements come from statements.ts: an area (`covers`, `spans`, `has an area of`, `the 610-sq-km Lake X`),
// a length (`is 6,650 km long`), a population (`home to 1.5 million people`, `a city of 800,000 people`)
// or a death toll (`the death toll from the earthquake stood at 120`; tolls given as updates — `rose to`,
// `new`, `latest`, `now` — are left alone) of a subject named the same way (a place by its gazetteer id).
//
// Two values agree when they can be the same quantity as written: each stands for the interval its
// rounding allows (`610` → 609.5–610.5, `600` → 550–650, never more than ±10%), widened by 10% for a hedge (`about 600`), open
// above for `more than`/`at least`, open below for `up to`/`less than`; units are compared in SI
// (`235 sq mi` = 608.6 km² agrees with `610 km²`). Each later statement is compared with the first one of
// the same subject and measure.
//
// No fix: which value is right cannot be told from the text.
import type { Check } from '../api';
import { ObjectMemo } from '../memo';
import type { FigureValue, Finding } from '../types';
import { bounds, display, examined, figure, hedgeOf, numbersIn, precisionOf } from './support';
import { Statement, statements } from './statements';

/**
 * The interval of each figure value (the recognizer's objects, shared across analyses by its cache) with the
 * text it was read for: a pure function of the two, kept across analyses.
 */
const INTERVALS = new ObjectMemo<FigureValue, [number, number]>();

/** The interval of true values a figure as written allows, in SI. */
function interval(s: Statement): [number, number] | undefined {
  const v = figure(s.figure);
  if (!v) return undefined;
  return INTERVALS.get(v, [s.figure.text], () => computeInterval(s, v));
}

function computeInterval(s: Statement, v: FigureValue): [number, number] {
  const [lo, hi] = bounds(v.si);
  const [aLo, aHi] = bounds(v.amount);
  const nums = numbersIn(s.figure.text);
  // The rounding of the written numbers, carried into SI.
  const scale = aLo !== 0 ? lo / aLo : 1;
  const stepLo = nums[0] ? precisionOf(s.figure.text.slice(nums[0].start, nums[0].end), nums[0].value, nums[0].factor).step * scale : 0;
  const last = nums[nums.length - 1];
  const stepHi = last ? precisionOf(s.figure.text.slice(last.start, last.end), last.value, last.factor).step * (aHi !== 0 ? hi / aHi : 1) : 0;
  // Trailing zeros are read leniently (600 may be 550–650) but never as more than ±10% (3,000 is not 2,500).
  let low = lo - Math.min(stepLo / 2, 0.1 * lo), high = hi + Math.min(stepHi / 2, 0.1 * hi);
  switch (hedgeOf(v)) {
    case 'approx': low -= 0.1 * lo; high += 0.1 * hi; break;
    case 'lower': high = Infinity; low -= 0.1 * lo; break;
    case 'upper': low = 0; high += 0.1 * hi; break;
  }
  return [Math.max(0, low), high];
}

const NOUN: Record<Statement['kind'], string> = { 'area': 'area', 'length': 'length', 'population': 'population', 'death toll': 'death toll' };

export const inconsistentMeasure: Check = {
  code: 'DL104',
  name: 'inconsistent-measure',
  title: 'The same measure stated with different values',
  defaultSeverity: 'warning',
  run(annotations, doc) {
    const out: Finding[] = [];
    const first = new Map<string, { s: Statement; iv: [number, number] }>();
    const all = statements(annotations, doc);
    examined(doc, 'DL104', all.length);
    for (const s of all) {
      const iv = interval(s);
      if (!iv) continue;
      const key = `${s.kind}|${s.key}`;
      const f = first.get(key);
      if (!f) { first.set(key, { s, iv }); continue; }
      if (f.s.figure === s.figure) continue;
      if (iv[0] <= f.iv[1] && f.iv[0] <= iv[1]) continue;
      const earlier = f.s.figure, here = s.figure;
      out.push({
        code: 'DL104',
        severity: 'warning',
        start: here.start,
        end: here.end,
        message: `The ${NOUN[s.kind]} of ${s.subject} is given as ${display(here)} here but as ${display(earlier)} earlier` +
          (s.kind === 'area' || s.kind === 'length' ? ` (${ratioText(f.iv, iv)}).` : '.'),
        related: [
          { start: earlier.start, end: earlier.end, message: `earlier: ${display(earlier)}` },
          { start: f.s.subjectStart, end: f.s.subjectEnd, message: `the same subject: ${f.s.subject}` },
        ],
        annotations: [earlier.id, here.id],
      });
    }
    return out;
  },
};

function ratioText(a: [number, number], b: [number, number]): string {
  const mid = (x: [number, number]) => Number.isFinite(x[1]) ? (x[0] + x[1]) / 2 : x[0];
  const r = mid(b) / mid(a);
  if (!Number.isFinite(r) || r <= 0) return 'the values do not overlap';
  return r >= 1 ? `${(r * 100 - 100).toFixed(0)}% more` : `${(100 - r * 100).toFixed(0)}% less`;
}
