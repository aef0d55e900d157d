// Runs the name tagger over one segment: tokens -> features -> emission scores of candidate tokens ->
// Viterbi -> names with character offsets. Buffers are reused between calls (one Tagger per model), and
// `run` allocates nothing: its names are left in typed arrays for the caller to read.

import type { TokenSpans } from '../text/tokenize';
import { segmentSpans } from '../geo/tokens';
import { FeatureExtractor, GAZ } from './features';
import type { NerModel } from './model-io';
import { NerType, P_B, P_I, P_L, P_U, TYPES, Viterbi } from './perceptron';

export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
  /**
   * 0-1: how far the best labelling beats the best one that labels any token of the name otherwise (a
   * max-marginal score margin through a logistic; a ranking, not a calibrated probability).
   */
  confidence: number;
}

const CACHE_SIZE = 1 << 14, CACHE_SET_MASK = CACHE_SIZE / 2 - 1;
const LOC = 1; // TYPES index
const PLACE_KINDS = [GAZ.city, GAZ.country, GAZ.region];
/**
 * Confidence = logistic((margin - OFFSET) / SCALE). Fitted once to the precision of names by margin decile
 * on CoNLL-2003 valid.txt (a margin of 7 was right 55% of the time, 20: 81%, 33: 93%, 43: 97%).
 */
const MARGIN_OFFSET = 5, MARGIN_SCALE = 10;

export class Tagger {
  /** Names found by the last `run`: character offsets, type index (TYPES), confidence. */
  count = 0;
  // Buffers sized from the start for segments of up to 1K tokens (512 names): a growth met first on a long
  // segment of real text makes the optimizing compiler throw `run`'s code away.
  starts = new Int32Array(512);
  ends = new Int32Array(512);
  types = new Uint8Array(512);
  confidences = new Float32Array(512);

  private readonly fx: FeatureExtractor;
  private readonly viterbi = new Viterbi();
  private emissions: Float32Array;
  private labels = new Uint8Array(1024);
  private margins = new Float32Array(1024);
  private readonly feats = new Uint32Array(128);
  private context: Uint32Array = new Uint32Array(1024 * 32);
  private candEnds = new Int32Array(1024);
  private candTokens = new Int32Array(1024);
  private readonly cacheKeys = new Uint32Array(CACHE_SIZE);
  private readonly cacheRows: Float32Array;

  private readonly locB: number;
  private readonly locI: number;

  constructor(readonly model: NerModel) {
    this.fx = new FeatureExtractor(model.lexicon);
    this.locB = model.scheme.label(LOC, P_B);
    this.locI = model.scheme.label(LOC, P_I);
    this.cacheRows = new Float32Array(CACHE_SIZE * model.L);
    this.emissions = new Float32Array(1024 * model.L);
  }

  /** Tags `text`; returns the number of names, left in `starts`, `ends`, `types`, `confidences`. */
  run(text: string): number {
    this.count = 0;
    // The tokens of the segment, shared with the recognizers that ran on it before (gazetteer, actors).
    const spans = segmentSpans(text);
    const n = spans.count;
    if (n === 0) return 0;
    const fx = this.fx;
    const candidates = fx.prepare(text, spans);
    if (candidates === 0) return 0;
    const model = this.model, L = model.L, scheme = model.scheme;
    if (this.emissions.length < n * L) {
      this.emissions = new Float32Array(n * L * 2);
      this.labels = new Uint8Array(n * 2);
      this.margins = new Float32Array(n * 2);
    }
    // Context features of all candidates (and the list of candidates), then their scores in one pass.
    if (this.candEnds.length < candidates) {
      this.candEnds = new Int32Array(candidates * 2);
      this.candTokens = new Int32Array(candidates * 2);
    }
    const tokens = this.candTokens;
    this.context = fx.contextAll(this.context, this.candEnds, tokens);
    const em = this.emissions;
    const ck = this.cacheKeys, cv = this.cacheRows, feats = this.feats;
    for (let i = 0; i < candidates; i++) {
      const k = tokens[i], off = k * L;
      // The token's own features, scored once per word form: a cache of two ways per set, the newer first.
      const key = fx.intrinsicKey(k), set = (key & CACHE_SET_MASK) * 2;
      let row: number;
      if (ck[set] === key) row = set * L;
      else if (ck[set + 1] === key) row = (set + 1) * L;
      else {
        row = set * L;
        if (ck[set] !== 0) { // the newer entry becomes the older one
          ck[set + 1] = ck[set];
          for (let l = 0; l < L; l++) cv[row + L + l] = cv[row + l];
        }
        const m = fx.intrinsic(k, feats, 0);
        for (let l = 0; l < L; l++) cv[row + l] = 0;
        model.score(feats, m, cv, row);
        ck[set] = key;
      }
      for (let l = 0; l < L; l++) em[off + l] = cv[row + l];
    }
    model.scoreAll(this.context, this.candEnds, tokens, candidates, em);
    const labels = this.labels, margins = this.margins, viterbi = this.viterbi;
    viterbi.decode(scheme, n, em, fx.cand, model.trans, model.start, labels, margins, fx.candList, candidates);
    // Only the runs of candidates the decoder found a name in hold labels other than O.
    const runs = viterbi.runs, runCount = viterbi.runCount;
    if (runCount === 0) return 0;

    if (scheme.name === 'BIO') for (let r = 0; r < runCount; r++) this.completePlaces(runs[2 * r], runs[2 * r + 1], n, labels, margins);

    // Names from the labels; a name's margin is the smallest of its tokens'.
    const typeOf = scheme.typeOf, partOf = scheme.partOf;
    for (let r = 0; r < runCount; r++) {
      const end = runs[2 * r + 1];
      let open = -1, type = -1, margin = 0;
      for (let k = runs[2 * r]; k <= end; k++) {
        const l = k < end ? labels[k] : 0; // the token after a run is outside any name
        const t = typeOf[l], p = partOf[l];
        const continues = open >= 0 && t === type && (p === P_I || p === P_L);
        if (open >= 0 && !continues) { this.push(spans, open, k, type, margin); open = -1; }
        if (l !== 0) {
          const d = margins[k];
          if (!continues) { open = k; type = t; margin = d; } else if (d < margin) margin = d;
          if (p === P_U || (p === P_L && open >= 0)) { this.push(spans, open, k + 1, type, margin); open = -1; }
        }
      }
    }
    return this.count;
  }

  /**
   * A place name the tagger cut short of a longer place name of the gazetteer that begins where it begins
   * (`Deir` of `Deir ez-Zor`) is extended to the gazetteer's, over tokens it left outside any name or put in
   * names that lie wholly inside the gazetteer's.
   */
  private completePlaces(from: number, to: number, n: number, labels: Uint8Array, margins: Float32Array): void {
    const gaz = this.fx.gaz, cand = this.fx.cand, scheme = this.model.scheme;
    const B = this.locB, I = this.locI;
    for (let k = from; k < to; k++) {
      if (labels[k] !== B) continue;
      let b = k + 1;
      while (b < n && labels[b] === I) b++;
      let e = b;
      for (const t of PLACE_KINDS) {
        if (((gaz[k] >>> (2 * t)) & 3) !== 1) continue;
        let j = k + 1;
        while (j < n && ((gaz[j] >>> (2 * t)) & 3) === 2) j++;
        if (j > e) e = j;
      }
      // The tokens taken over may be outside names or in names that lie wholly inside the place name.
      let free = e > b && (e >= n || scheme.partOf[labels[e]] !== P_I);
      for (let j = b; j < e && free; j++) if (cand[j] === 0) free = false;
      if (free) for (let j = b; j < e; j++) { labels[j] = I; margins[j] = Math.min(margins[k], margins[j]); }
      k = (free ? e : b) - 1;
    }
  }

  private push(spans: TokenSpans, a: number, b: number, type: number, margin: number): void {
    if (this.count === this.starts.length) {
      const grow = <A extends Int32Array | Uint8Array | Float32Array>(x: A): A => {
        const y = new (x.constructor as { new(n: number): A })(x.length * 2); y.set(x); return y;
      };
      this.starts = grow(this.starts); this.ends = grow(this.ends);
      this.types = grow(this.types); this.confidences = grow(this.confidences);
    }
    const i = this.count++;
    this.starts[i] = spans.starts[a];
    this.ends[i] = spans.ends[b - 1];
    this.types[i] = type;
    this.confidences[i] = 1 / (1 + Math.exp(-(margin - MARGIN_OFFSET) / MARGIN_SCALE));
  }

  /** Tags `text` and returns its names as objects. */
  tag(text: string): NerSpan[] {
    const out: NerSpan[] = [];
    for (let i = 0, n = this.run(text); i < n; i++) {
      out.push({
        start: this.starts[i], end: this.ends[i], type: TYPES[this.types[i]],
        confidence: Math.round(this.confidences[i] * 100) / 100,
      });
    }
    return out;
  }
}

const taggers = new WeakMap<NerModel, Tagger>();
export function taggerFor(model: NerModel): Tagger {
  let t = taggers.get(model);
  if (!t) { t = new Tagger(model); taggers.set(model, t); }
  return t;
}
