// Resolves overlapping mentions from different recognizers, so that every character belongs to at most
// one annotation: mentions of the same span are merged (a country that acts keeps both its place and its
// actor); otherwise the recognizer of higher priority wins, and between equals the longer span.
import type { Refiner } from '../api';
import { recognizers } from '../recognizers';
import type { Annotation } from '../types';

const priorityOf = new Map(recognizers.map(r => [r.id, r.priority]));
const priority = (a: Annotation) => priorityOf.get(a.source) ?? 0;

function merge(into: Annotation, other: Annotation): void {
  into.place ??= other.place;
  into.actor ??= other.actor;
  into.value ??= other.value;
  if (other.data) into.data = { ...other.data, ...into.data };
  if (into.place) into.unresolved = undefined;
}

export const overlaps: Refiner = {
  id: 'overlaps',
  order: 100,
  refine(annotations) {
    // Priorities read once per annotation, then an index sort (a Map look-up per comparison is slow).
    const n = annotations.length;
    const prio = new Float64Array(n);
    const order = new Array<number>(n);
    for (let i = 0; i < n; i++) { prio[i] = priority(annotations[i]); order[i] = i; }
    order.sort((i, j) => {
      const a = annotations[i], b = annotations[j];
      return a.start - b.start || b.end - a.end || prio[j] - prio[i];
    });
    const kept: Annotation[] = [];
    const keptPrio: number[] = [];
    for (const idx of order) {
      const a = annotations[idx], pa = prio[idx];
      let keep = true;
      // Kept annotations never overlap each other, so their ends ascend like their starts: walk back
      // only while they reach into `a`.
      for (let i = kept.length - 1; i >= 0 && keep; i--) {
        const k = kept[i];
        if (k.end <= a.start) break;
        if (k.start === a.start && k.end === a.end) { merge(k, a); keep = false; break; }
        const pk = keptPrio[i];
        const aWins = pa > pk || (pa === pk && a.end - a.start > k.end - k.start);
        if (aWins) { kept.splice(i, 1); keptPrio.splice(i, 1); } else { keep = false; }
      }
      if (keep) { kept.push(a); keptPrio.push(pa); }
    }
    return kept;
  },
};
