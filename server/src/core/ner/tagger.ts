// Runs the name tagger over one segment: tokens -> features -> emission scores of candidate tokens ->
// Viterbi -> names with character offsets. Buffers are reused between calls (one Tagger per model).

import { tokenSpans, TokenSpans } from '../text/tokenize';
import { FeatureExtractor } from './features';
import type { NerModel } from './model-io';
import { decodeSpans, NerType, TYPES, Viterbi } from './perceptron';

export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
  /** 0-1, from the emission margin of the chosen labels over the best other label (not calibrated). */
  confidence: number;
}

const CACHE_SIZE = 1 << 14, CACHE_MASK = CACHE_SIZE - 1;

export class Tagger {
  private readonly spans = new TokenSpans(256);
  private readonly fx: FeatureExtractor;
  private readonly viterbi = new Viterbi();
  private emissions = new Float32Array(0);
  private labels = new Uint8Array(0);
  private readonly feats = new Uint32Array(128);
  private readonly cacheKeys = new Uint32Array(CACHE_SIZE);
  private readonly cacheRows: Float32Array;

  constructor(readonly model: NerModel) {
    this.fx = new FeatureExtractor(model.lexicon);
    this.cacheRows = new Float32Array(CACHE_SIZE * model.L);
  }

  tag(text: string): NerSpan[] {
    const spans = tokenSpans(text, this.spans);
    const n = spans.count;
    if (n === 0) return [];
    const fx = this.fx;
    if (fx.prepare(text, spans) === 0) return [];
    const model = this.model, L = model.L;
    if (this.emissions.length < n * L) {
      this.emissions = new Float32Array(n * L * 2);
      this.labels = new Uint8Array(n * 2);
    }
    const em = this.emissions;
    em.fill(0, 0, n * L);
    const cand = fx.cand;
    const ck = this.cacheKeys, cv = this.cacheRows, feats = this.feats;
    for (let k = 0; k < n; k++) {
      if (cand[k] === 0) continue;
      const off = k * L;
      // The token's own features, scored once per word form (direct-mapped cache).
      const key = fx.intrinsicKey(k), slot = key & CACHE_MASK;
      if (ck[slot] !== key) {
        const m = fx.intrinsic(k, feats, 0);
        for (let l = 0; l < L; l++) cv[slot * L + l] = 0;
        model.score(feats, m, cv, slot * L);
        ck[slot] = key;
      }
      for (let l = 0; l < L; l++) em[off + l] = cv[slot * L + l];
      const m = fx.context(k, feats, 0);
      model.score(feats, m, em, off);
    }
    this.viterbi.decode(model.scheme, n, em, cand, model.trans, model.start, this.labels);
    const out: NerSpan[] = [];
    for (const s of decodeSpans(model.scheme, this.labels, n)) {
      // Margin of the chosen label over the best other label, averaged over the name's tokens.
      let margin = 0;
      for (let k = s.start; k < s.end; k++) {
        const row = k * L, chosen = this.labels[k];
        let other = -Infinity;
        for (let l = 0; l < L; l++) if (l !== chosen && em[row + l] > other) other = em[row + l];
        margin += em[row + chosen] - other;
      }
      margin /= s.end - s.start;
      out.push({
        start: spans.starts[s.start], end: spans.ends[s.end - 1], type: TYPES[s.type],
        confidence: Math.round(100 / (1 + Math.exp(-margin))) / 100,
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
