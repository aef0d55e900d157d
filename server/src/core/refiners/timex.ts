// Resolves every timex mention against the article's reference date and, for anaphoric expressions
// (`a year earlier`, `the following day`, `that quarter`, a bare `10 p.m.`), against the date mentioned
// before it. Writes the final TIMEX3 value. Without a reference date, relative expressions keep an
// underspecified value (`XXXX-05`, `XXXX-XX-XX`) and `unresolved: true`: never today's clock.
import type { Refiner } from '../api';
import { parseYmd } from '../time/calendar';
import { Cal, granRank, resolve, TimexNF } from '../time/normal';
import type { Annotation, TimexValue } from '../types';

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
    mine.sort((a, b) => a.start - b.start);
    let prev: { cal: Cal; text: string } | undefined;
    for (const a of mine) {
      const nf = a.data!.timex as TimexNF;
      const old = a.value as TimexValue | undefined;
      const res = resolve(nf, { ref, refSource, prev });
      const value: TimexValue = {
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
      // The mention objects are shared with the recognizer cache: replace, never mutate, the value.
      a.value = value;
      // Comparisons (`a year earlier`, `the year-ago quarter`) lean on the date before; they do not replace it.
      const comparison = nf.kind === 'relative' && nf.anchor !== 'ref' && nf.unit === 'year' && nf.offset < 0;
      if ((value.type === 'DATE' || value.type === 'TIME') && anchorable(res.cal) && !comparison) prev = { cal: res.cal, text: a.text };
    }
    return annotations;
  },
};
