// Resolves every timex mention against the article's reference date and, for anaphoric expressions
// (`a year earlier`, `the following day`, `that quarter`, a bare `10 p.m.`), against the date mentioned
// before it. Writes the final TIMEX3 value. Without a reference date, relative expressions keep an
// underspecified value (`XXXX-05`, `XXXX-XX-XX`) and `unresolved: true`: never today's clock.
import type { Refiner } from '../api';
import { parseYmd } from '../time/calendar';
import { Cal, granRank, resolve, TimexNF } from '../time/normal';
import type { Annotation, TimexValue } from '../types';
import type { Resolution } from '../time/normal';

/**
 * The last resolution of each normal form (the recognizer's objects, shared across analyses through its cache:
 * an edit re-recognizes one segment, and every other date resolves exactly as before). A hit needs the same
 * reference date and, for the forms that read it, the same date before (the same calendar object, which a
 * hit hands on unchanged); it also keeps the value object when the recognizer's one is the same. Weakly held:
 * the forms go with the recognizer's cache.
 */
interface Memo {
  refValue: string | undefined; refSource: string | undefined;
  prevCal: Cal | undefined; prevText: string | undefined;
  res: Resolution; old: TimexValue | undefined; value: TimexValue | undefined;
  /** readsRef and readsPrev of the form (its key): read once. */
  readsRef: boolean; readsPrev: boolean;
  /** Whether the date, with `value`, is one later anaphora lean on (see `refine`): set with `value`. */
  anchors: boolean;
}
const MEMO = new WeakMap<object, Memo>();
/** Whether a form's resolution reads the date before (relative forms; `the 1988 quarter`). */
function readsPrev(nf: TimexNF): boolean {
  return nf.kind === 'relative' || (nf.kind === 'partial' && nf.quarter === 0) || (nf.kind === 'duration' && nf.later !== undefined);
}
/** Whether it reads the reference date (absolute dates, durations and sets do not). */
function readsRef(nf: TimexNF): boolean {
  return nf.kind === 'relative' || nf.kind === 'partial';
}

/** Dates that later anaphora may lean on: a year or finer. */
function anchorable(cal: Cal | undefined): cal is Cal {
  return cal !== undefined && granRank(cal.gran) >= granRank('year');
}

export const timexRefiner: Refiner = {
  id: 'timex',
  order: 30,
  refine(annotations, doc) {
    const ref = parseYmd(doc.referenceDate?.value);
    const refSource = doc.referenceDate?.source;
    const mine: Annotation[] = [];
    for (const a of annotations) if (a.source === 'timex' && a.data && a.data.timex) mine.push(a);
    if (mine.length === 0) return annotations;
    // Mostly in order already: the sort (stable) would change nothing then.
    let sorted = true;
    for (let k = 1; k < mine.length && sorted; k++) sorted = mine[k - 1].start <= mine[k].start;
    if (!sorted) mine.sort((a, b) => a.start - b.start);
    const refValue = doc.referenceDate?.value;
    // The date before (calendar and text; an object only when a resolution asks for it).
    let prevCal: Cal | undefined, prevText: string | undefined;
    for (const a of mine) {
      const nf = a.data!.timex as TimexNF;
      const old = a.value as TimexValue | undefined;
      let memo = MEMO.get(nf);
      if (memo && !(memo.refValue === refValue && memo.refSource === refSource || !memo.readsRef)) memo = undefined;
      if (memo && memo.readsPrev && !(memo.prevCal === prevCal && memo.prevText === prevText)) memo = undefined;
      if (!memo) {
        const prev = prevCal !== undefined ? { cal: prevCal, text: prevText! } : undefined;
        memo = {
          refValue, refSource, prevCal, prevText, res: resolve(nf, { ref, refSource, prev }), old, value: undefined,
          readsRef: readsRef(nf), readsPrev: readsPrev(nf), anchors: false,
        };
        MEMO.set(nf, memo);
      }
      const res = memo.res;
      let value = memo.old === old ? memo.value : undefined;
      if (value === undefined) {
        value = {
          timex: res.timex,
          type: old?.type ?? 'DATE',
          approximate: old?.approximate ?? false,
          anchor: res.anchor,
        };
        if (old?.mod) value.mod = old.mod;
        if (res.unresolved) value.unresolved = true;
        if (nf.kind === 'set') {
          if (nf.freq) value.freq = nf.freq;
          if (nf.quant) value.quant = nf.quant;
        }
        memo.old = old;
        memo.value = value;
        // Comparisons (`a year earlier`, `the year-ago quarter`) lean on the date before; they do not replace it.
        const comparison = nf.kind === 'relative' && nf.anchor !== 'ref' && nf.unit === 'year' && nf.offset < 0;
        memo.anchors = (value.type === 'DATE' || value.type === 'TIME') && anchorable(res.cal) && !comparison;
      }
      // The mention objects are shared with the recognizer cache: replace, never mutate, the value.
      a.value = value;
      if (memo.anchors) { prevCal = res.cal; prevText = a.text; }
    }
    return annotations;
  },
};
