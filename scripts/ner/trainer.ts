// Training of the name tagger: turns CoNLL documents into the tagger's own segments and tokens, extracts
// features once, runs the structured averaged perceptron, and packs the pruned, quantized model.

import { segment } from '../../server/src/core/text/segment';
import { tokenSpans, TokenSpans } from '../../server/src/core/text/tokenize';
import { F_HASUPPER, F_INITCAP, F_PUNCT, FeatureExtractor, Lexicon, MODE_BODY } from '../../server/src/core/ner/features';
import { HashTable } from '../../server/src/core/ner/hash';
import { encode, Scheme, TokenSpan, TYPES, Viterbi } from '../../server/src/core/ner/perceptron';
import type { ModelParts } from '../../server/src/core/ner/model-io';
import type { ConllDoc } from './conll';

export interface Sentence {
  n: number;
  cand: Uint8Array;
  gold: Uint8Array;
  /** Feature row ids of candidate tokens: token k's are rows[offsets[k], offsets[k + 1]). */
  rows: Int32Array;
  offsets: Int32Array;
}

export interface Prepared {
  sentences: Sentence[];
  goldNames: number;
  /** Gold names the tokens or the candidate rule cannot represent. */
  lostNames: number;
  lostExamples: string[];
}

const TYPE_INDEX = new Map<string, number>(TYPES.map((t, i) => [t, i]));

/** Short words a title-case headline leaves in lower case. */
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'by', 'as', 'is', 'with',
  'from', 'into', 'nor', 'vs', "'s", "n't"]);

/** The text with every word but the short ones capitalised, as in a title-case headline (same length). */
export function titleCase(text: string, spans: TokenSpans): string {
  const chars = text.split('');
  for (let k = 0; k < spans.count; k++) {
    const c = text.charCodeAt(spans.starts[k]);
    if (c < 97 || c > 122) continue;
    const word = text.slice(spans.starts[k], spans.ends[k]);
    if (k > 0 && SMALL_WORDS.has(word)) continue;
    chars[spans.starts[k]] = String.fromCharCode(c - 32);
  }
  return chars.join('');
}

export interface PrepareOptions {
  /** Share of body sentences also trained on in title case (the corpus has all-caps headlines only). */
  titleCase: number;
  seed: number;
}

/** Tokenizes and segments documents as the recognizer will, projecting gold spans to tokens. */
export function prepare(docs: ConllDoc[], fx: FeatureExtractor, scheme: Scheme, rowOf: (f: number) => number,
  options: PrepareOptions = { titleCase: 0, seed: 1 }): Prepared {
  const sentences: Sentence[] = [];
  const spans = new TokenSpans(256);
  const feats = new Uint32Array(128);
  const random = rng(options.seed + 101);
  let goldNames = 0, lostNames = 0;
  const lostExamples: string[] = [];
  const addSegment = (text: string, gold: { start: number; end: number; type: string }[], count: boolean): void => {
    tokenSpans(text, spans);
    const n = spans.count;
    fx.prepare(text, spans);
    const names: TokenSpan[] = [];
    for (const gs of gold) {
      if (count) goldNames++;
      let a = -1, b = -1;
      for (let k = 0; k < n; k++) {
        if (spans.starts[k] === gs.start) a = k;
        if (spans.ends[k] === gs.end) b = k;
      }
      let ok = a >= 0 && b >= a;
      if (ok) for (let k = a; k <= b; k++) if (!fx.cand[k]) ok = false;
      if (!ok) {
        if (count) {
          lostNames++;
          if (lostExamples.length < 30) lostExamples.push(`${gs.type} "${text.slice(gs.start, gs.end)}" in "${text.slice(Math.max(0, gs.start - 20), gs.end + 20)}"`);
        }
        continue;
      }
      names.push({ start: a, end: b + 1, type: TYPE_INDEX.get(gs.type)! });
    }
    const goldLabels = encode(scheme, n, names);
    const cand = fx.cand.slice(0, n);
    const offsets = new Int32Array(n + 1);
    const rows: number[] = [];
    for (let k = 0; k < n; k++) {
      offsets[k] = rows.length;
      if (!cand[k]) continue;
      const m = fx.features(k, feats);
      for (let j = 0; j < m; j++) {
        const r = rowOf(feats[j]);
        if (r >= 0) rows.push(r);
      }
    }
    offsets[n] = rows.length;
    sentences.push({ n, cand, gold: goldLabels, rows: Int32Array.from(rows), offsets });
  };
  for (const doc of docs) {
    let gi = 0;
    for (const seg of segment(doc.text)) {
      while (gi < doc.spans.length && doc.spans[gi].end <= seg.start) gi++;
      const gold: { start: number; end: number; type: string }[] = [];
      for (let g = gi; g < doc.spans.length && doc.spans[g].start < seg.end; g++) {
        const gs = doc.spans[g];
        gold.push({ start: gs.start - seg.start, end: gs.end - seg.start, type: gs.type });
      }
      addSegment(seg.text, gold, true);
      if (options.titleCase > 0 && fx.mode === MODE_BODY && random() < options.titleCase) {
        tokenSpans(seg.text, spans);
        addSegment(titleCase(seg.text, spans), gold, false);
      }
    }
  }
  return { sentences, goldNames, lostNames, lostExamples };
}

/** Case statistics of words in the training text: how often each lower-case form is written capitalised. */
export function buildWordLexicon(docs: ConllDoc[], clusters?: Map<number, number>): HashTable {
  const spans = new TokenSpans(256);
  const fx = new FeatureExtractor({ gazetteer: HashTable.withCapacity(1), maxPhrase: 1, words: HashTable.withCapacity(1) });
  const capCount = new Map<number, number>(), lowCount = new Map<number, number>();
  for (const doc of docs) {
    for (const seg of segment(doc.text)) {
      tokenSpans(seg.text, spans);
      fx.prepare(seg.text, spans);
      if (fx.mode !== MODE_BODY) continue;
      for (let k = 1; k < spans.count; k++) {
        const f = fx.flags[k];
        if (f & F_PUNCT) continue;
        if (fx.flags[k - 1] & F_PUNCT) continue; // after quotes, colons: like a sentence start
        const h = fx.lw[k];
        if (f & F_INITCAP) capCount.set(h, (capCount.get(h) ?? 0) + 1);
        else if (!(f & F_HASUPPER)) lowCount.set(h, (lowCount.get(h) ?? 0) + 1);
      }
    }
  }
  const keys = new Set([...capCount.keys(), ...lowCount.keys(), ...(clusters?.keys() ?? [])]);
  const table = HashTable.withCapacity(keys.size, 0.7);
  for (const h of keys) {
    const cap = capCount.get(h) ?? 0, low = lowCount.get(h) ?? 0, total = cap + low;
    let bucket = 0, freq = 0;
    if (total > 0) {
      const r = cap / total;
      bucket = r < 0.05 ? 1 : r < 0.3 ? 2 : r < 0.7 ? 3 : r < 0.95 ? 4 : 5;
      freq = total === 1 ? 1 : total < 10 ? 2 : 3;
    }
    const cl = clusters?.get(h) ?? 0;
    table.set(h, bucket | (freq << 4) | ((cl ? cl + 1 : 0) << 8));
  }
  return table;
}

/** Seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions { epochs: number; seed: number; log: (s: string) => void }

export class AveragedPerceptron {
  readonly w: Float32Array;
  readonly u: Float64Array;
  readonly trans: Float32Array;
  readonly transU: Float64Array;
  readonly start: Float32Array;
  readonly startU: Float64Array;
  c = 1;

  constructor(readonly rows: number, readonly scheme: Scheme) {
    const L = scheme.L;
    this.w = new Float32Array(rows * L); this.u = new Float64Array(rows * L);
    this.trans = new Float32Array(L * L); this.transU = new Float64Array(L * L);
    this.start = new Float32Array(L); this.startU = new Float64Array(L);
  }

  emissions(s: Sentence, out: Float32Array): void {
    const L = this.scheme.L, w = this.w;
    out.fill(0, 0, s.n * L);
    for (let k = 0; k < s.n; k++) {
      if (!s.cand[k]) continue;
      const base = k * L;
      for (let j = s.offsets[k]; j < s.offsets[k + 1]; j++) {
        const row = s.rows[j] * L;
        for (let l = 0; l < L; l++) out[base + l] += w[row + l];
      }
    }
  }

  private bump(k: number, s: Sentence, label: number, d: number): void {
    const L = this.scheme.L, c = this.c * d;
    for (let j = s.offsets[k]; j < s.offsets[k + 1]; j++) {
      const i = s.rows[j] * L + label;
      this.w[i] += d; this.u[i] += c;
    }
  }

  /** One perceptron step on a sentence; returns the number of wrongly labelled tokens. */
  update(s: Sentence, pred: Uint8Array): number {
    const L = this.scheme.L;
    let wrong = 0;
    for (let k = 0; k < s.n; k++) {
      const g = s.gold[k], p = pred[k];
      if (g !== p) {
        wrong++;
        this.bump(k, s, g, 1);
        this.bump(k, s, p, -1);
      }
      const gp = k === 0 ? -1 : s.gold[k - 1], pp = k === 0 ? -1 : pred[k - 1];
      if (gp !== pp || g !== p) {
        if (k === 0) {
          this.start[g] += 1; this.startU[g] += this.c; this.start[p] -= 1; this.startU[p] -= this.c;
        } else {
          const gi = gp * L + g, pi = pp * L + p;
          this.trans[gi] += 1; this.transU[gi] += this.c; this.trans[pi] -= 1; this.transU[pi] -= this.c;
        }
      }
    }
    return wrong;
  }

  train(sentences: Sentence[], opt: TrainOptions, onEpoch?: (epoch: number) => void): void {
    const random = rng(opt.seed);
    const order = sentences.map((_, i) => i);
    const viterbi = new Viterbi();
    const maxN = Math.max(1, ...sentences.map(s => s.n));
    const em = new Float32Array(maxN * this.scheme.L);
    const pred = new Uint8Array(maxN);
    for (let epoch = 1; epoch <= opt.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = order[i]; order[i] = order[j]; order[j] = t;
      }
      let tokens = 0, wrong = 0, candTokens = 0;
      const t0 = Date.now();
      for (const idx of order) {
        const s = sentences[idx];
        this.emissions(s, em);
        viterbi.decode(this.scheme, s.n, em, s.cand, this.trans, this.start, pred);
        let same = true;
        for (let k = 0; k < s.n; k++) if (pred[k] !== s.gold[k]) { same = false; break; }
        if (!same) wrong += this.update(s, pred);
        tokens += s.n;
        for (let k = 0; k < s.n; k++) candTokens += s.cand[k];
        this.c++;
      }
      opt.log(`epoch ${epoch}/${opt.epochs}: token accuracy ${(100 * (1 - wrong / tokens)).toFixed(2)}% ` +
        `(candidates ${(100 * (1 - wrong / candTokens)).toFixed(2)}%), ${Date.now() - t0} ms`);
      onEpoch?.(epoch);
    }
  }

  /** Averaged weights. */
  averaged(): { w: Float32Array; trans: Float32Array; start: Float32Array } {
    const c = this.c;
    const w = new Float32Array(this.w.length);
    for (let i = 0; i < w.length; i++) w[i] = this.w[i] - this.u[i] / c;
    const trans = new Float32Array(this.trans.length);
    for (let i = 0; i < trans.length; i++) trans[i] = this.trans[i] - this.transU[i] / c;
    const start = new Float32Array(this.start.length);
    for (let i = 0; i < start.length; i++) start[i] = this.start[i] - this.startU[i] / c;
    return { w, trans, start };
  }
}

/**
 * Packs averaged weights: keeps the `maxFeatures` rows of largest weight, quantizes them to int16 and puts
 * them in an open-addressing table keyed by feature hash.
 */
export function packModel(scheme: Scheme, keyOfRow: Uint32Array, avg: { w: Float32Array; trans: Float32Array; start: Float32Array },
  lexicon: Lexicon, maxFeatures: number, meta: Record<string, unknown>): { parts: ModelParts; kept: number; threshold: number } {
  const L = scheme.L, rows = keyOfRow.length;
  const strength = new Float32Array(rows);
  let maxAbs = 0;
  for (let r = 0; r < rows; r++) {
    let m = 0;
    for (let l = 0; l < L; l++) m = Math.max(m, Math.abs(avg.w[r * L + l]));
    strength[r] = m;
    if (m > maxAbs) maxAbs = m;
  }
  const sorted = Float32Array.from(strength).sort().reverse();
  const scale = maxAbs / 32767 || 1;
  let threshold = Math.max(scale, maxFeatures < rows ? sorted[maxFeatures] : 0);
  // strictly above the threshold, so that at most maxFeatures rows are kept
  let kept = 0;
  for (let r = 0; r < rows; r++) if (strength[r] > threshold) kept++;
  const table = HashTable.withCapacity(kept, 0.7, true);
  const featW = new Int16Array(table.keys.length * L);
  for (let r = 0; r < rows; r++) {
    if (strength[r] <= threshold) continue;
    table.set(keyOfRow[r], 1);
    const slot = table.find(keyOfRow[r]);
    for (let l = 0; l < L; l++) featW[slot * L + l] = Math.round(avg.w[r * L + l] / scale);
  }
  return {
    parts: { scheme, featKeys: table.keys, featW, scale, trans: avg.trans, start: avg.start, lexicon, meta },
    kept, threshold,
  };
}
