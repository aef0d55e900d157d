// Resolves overlapping mentions from different recognizers, so that every character belongs to at most
// one annotation: mentions of the same span are merged (a country that acts keeps both its place and its
// actor); otherwise the recognizer of higher priority wins, and between equals the longer span. One exception:
// a catalogue actor named in two words or more, capitalised (short particles aside), wins over the names inside it
// (the tagger's `Syrian` inside `Syrian Observatory for Human Rights`, but not inside `Iraqi forces`), whatever
// their priority.
//
// Runs on every edit over all mentions, so offsets and priorities are read once into typed arrays and the
// mentions are put in order by a radix sort on their starts (linear; a comparison sort of the mentions was
// most of this refiner's time), ties sorted apart by the usual comparison; merged data is copied key by key.
import type { Refiner } from '../api';
import { recognizers } from '../recognizers';
import type { Annotation } from '../types';

const priorityOf = new Map(recognizers.map(r => [r.id, r.priority]));
const priority = (a: Annotation) => priorityOf.get(a.source) ?? 0;
const ACTORS = 'actors';
/** A lower-case word of four letters or more: a description (`Iraqi forces`, `German government`), not a name. */
const LOWER_WORD = /\s[a-z]{4,}/;

/**
 * `{ ...under, ...over }` for data objects (records of string keys), copied key by key in the spread's
 * order of keys. A `__proto__` key is left to the spread itself (an assignment would set the prototype).
 */
function mergedData(under: Record<string, unknown>, over: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(under)) {
    if (k === '__proto__') return { ...under, ...over };
    out[k] = under[k];
  }
  if (over) {
    for (const k of Object.keys(over)) {
      if (k === '__proto__') return { ...under, ...over };
      out[k] = over[k];
    }
  }
  return out;
}

function merge(into: Annotation, other: Annotation): void {
  // A catalogue actor named where the tagger saw a person (`Boko Haram`) or a place the gazetteer could not link
  // (`IS` in `IS fighters`) is that actor, an organisation.
  if (other.actor && other.category === 'organization' && !other.place &&
    (into.category === 'person' || (into.category === 'place' && !into.place))) into.category = other.category;
  into.place ??= other.place;
  into.actor ??= other.actor;
  into.value ??= other.value;
  if (other.data) into.data = mergedData(other.data, into.data);
  if (into.place) into.unresolved = undefined;
}

const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;

/**
 * Working arrays kept from run to run (sized to the last document, with room to grow): this refiner runs on every edit over every
 * mention, and five fresh arrays of the document's length were a good part of what an edit allocates. Safe to
 * share: a run reads them only while it runs, and runs never interleave (refine is synchronous).
 */
class Scratch {
  private f: Float64Array[] = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  private i: Int32Array[] = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];
  readonly count = new Int32Array(RADIX);
  private float(k: number, n: number): Float64Array {
    if (this.f[k].length < n || this.f[k].length > 4 * n + 65536) this.f[k] = new Float64Array(n + (n >> 2));
    return this.f[k];
  }
  private int(k: number, n: number): Int32Array {
    if (this.i[k].length < n || this.i[k].length > 4 * n + 65536) this.i[k] = new Int32Array(n + (n >> 2));
    return this.i[k];
  }
  prio(n: number) { return this.float(0, n); }
  /** 1 where the mention is a catalogue actor of two words or more. */
  named(n: number) { if (this.flags.length < n) this.flags = new Uint8Array(n + (n >> 2)); return this.flags; }
  private flags = new Uint8Array(0);
  starts(n: number) { return this.float(1, n); }
  ends(n: number) { return this.float(2, n); }
  order(n: number) { return this.int(0, n); }
  next(n: number) { return this.int(1, n); }
  kept(n: number) { return this.int(2, n); }
}
const scratch = new Scratch();

/**
 * The positions 0..n-1 in the order of (start ascending, end descending, priority descending, position
 * ascending) — what a stable sort with the first three keys gives. Starts that are whole numbers from 0
 * to 2^31 are sorted by a stable LSD radix sort, then each run of equal starts by comparison; other
 * starts (never from the recognizers) by a comparison sort alone.
 */
function sortedPositions(starts: Float64Array, ends: Float64Array, prio: Float64Array, n = starts.length): Int32Array {
  const cmp = (i: number, j: number) => starts[i] - starts[j] || ends[j] - ends[i] || prio[j] - prio[i] || i - j;
  let max = 0, whole = true;
  for (let i = 0; i < n && whole; i++) {
    const s = starts[i];
    whole = s >= 0 && s <= 0x7fffffff && Math.floor(s) === s;
    if (s > max) max = s;
  }
  if (!whole) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort(cmp);
    return Int32Array.from(order);
  }
  let order = scratch.order(n), next = scratch.next(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const count = scratch.count;
  for (let shift = 0; shift < 32 && (shift === 0 || Math.floor(max / 2 ** shift) > 0); shift += RADIX_BITS) {
    count.fill(0);
    for (let k = 0; k < n; k++) count[(starts[order[k]] >>> shift) & (RADIX - 1)]++;
    let sum = 0;
    for (let b = 0; b < RADIX; b++) { const c = count[b]; count[b] = sum; sum += c; }
    for (let k = 0; k < n; k++) { const i = order[k]; next[count[(starts[i] >>> shift) & (RADIX - 1)]++] = i; }
    const t = order; order = next; next = t;
  }
  // Runs of equal starts (a few mentions each): insertion sort by the remaining keys.
  for (let k = 0; k < n;) {
    let e = k + 1;
    while (e < n && starts[order[e]] === starts[order[k]]) e++;
    for (let x = k + 1; x < e; x++) {
      const v = order[x];
      let y = x - 1;
      while (y >= k && cmp(order[y], v) > 0) { order[y + 1] = order[y]; y--; }
      order[y + 1] = v;
    }
    k = e;
  }
  return order;
}

/** For tests: the sorted positions, in an array of their own. */
export const sortedPositionsForTest = (starts: Float64Array, ends: Float64Array, prio: Float64Array): Int32Array =>
  sortedPositions(starts, ends, prio).slice(0, starts.length);

export const overlaps: Refiner = {
  id: 'overlaps',
  order: 100,
  refine(annotations) {
    const n = annotations.length;
    const prio = scratch.prio(n), starts = scratch.starts(n), ends = scratch.ends(n), named = scratch.named(n);
    let lastSource = '', lastPriority = 0;
    for (let i = 0; i < n; i++) {
      const a = annotations[i];
      // Mentions come in runs of one recognizer: its priority is looked up once per run.
      if (a.source !== lastSource || i === 0) { lastSource = a.source; lastPriority = priority(a); }
      prio[i] = lastPriority;
      starts[i] = a.start;
      ends[i] = a.end;
      named[i] = a.source === ACTORS && a.actor !== undefined && a.text.includes(' ') && !LOWER_WORD.test(a.text) ? 1 : 0;
    }
    const order = sortedPositions(starts, ends, prio, n);
    // The positions kept so far, in order (the annotations themselves are looked up once, at the end).
    const keptPos = scratch.kept(n);
    let m = 0;
    for (let o = 0; o < n; o++) {
      const idx = order[o];
      const pa = prio[idx], as = starts[idx], ae = ends[idx];
      let keep = true;
      // Kept annotations never overlap each other, so their ends ascend like their starts: walk back
      // only while they reach into `a`.
      for (let i = m - 1; i >= 0 && keep; i--) {
        const p = keptPos[i];
        const ks = starts[p], ke = ends[p];
        if (ke <= as) break;
        if (ks === as && ke === ae) { merge(annotations[p], annotations[idx]); keep = false; break; }
        const pk = prio[p];
        // A catalogue actor's name of several words wins over a name inside it (kept ones come first at a start).
        const aWins = named[p] && ks <= as && ae <= ke ? false
          : named[idx] && as <= ks && ke <= ae ? true
            : pa > pk || (pa === pk && ae - as > ke - ks);
        if (aWins) { keptPos.copyWithin(i, i + 1, m); m--; } else { keep = false; }
      }
      if (keep) keptPos[m++] = idx;
    }
    const kept: Annotation[] = new Array(m);
    for (let k = 0; k < m; k++) kept[k] = annotations[keptPos[k]];
    return kept;
  },
};
