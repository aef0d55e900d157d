// The label scheme and the decoder of the name tagger: a first-order linear-chain model (a structured
// averaged perceptron). Emission scores come from hashed features (features.ts), transition scores from an
// L x L table; Viterbi finds the best label sequence under the scheme's constraints (I-X only after B-X or
// I-X), with tokens that are not candidates fixed to O.

export const TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type NerType = typeof TYPES[number];

/** Parts of a label. */
const P_O = 0, P_B = 1, P_I = 2, P_L = 3, P_U = 4;
export { P_O, P_B, P_I, P_L, P_U };

export interface Scheme {
  name: 'BIO' | 'BILOU';
  labels: string[];
  L: number;
  /** Type index of each label, -1 for O. */
  typeOf: Int8Array;
  partOf: Uint8Array;
  /** allowed[p * L + c]: label c may follow label p. */
  allowed: Uint8Array;
  allowedStart: Uint8Array;
  allowedEnd: Uint8Array;
  /** Allowed predecessors of each label c: preds[predStart[c], predStart[c + 1]). */
  preds: Uint8Array;
  predStart: Uint16Array;
  /** label(type, part). */
  label(type: number, part: number): number;
}

export function makeScheme(name: 'BIO' | 'BILOU'): Scheme {
  const parts = name === 'BIO' ? [P_B, P_I] : [P_B, P_I, P_L, P_U];
  const partName = ['O', 'B', 'I', 'L', 'U'];
  const labels = ['O'];
  const typeOf = [-1], partOf = [P_O];
  for (let t = 0; t < TYPES.length; t++) {
    for (const p of parts) { labels.push(`${partName[p]}-${TYPES[t]}`); typeOf.push(t); partOf.push(p); }
  }
  const L = labels.length;
  const label = (type: number, part: number) => 1 + type * parts.length + parts.indexOf(part);
  const opens = (p: number) => p === P_B || p === P_I; // a label after which the name must go on (BILOU)
  const allowed = new Uint8Array(L * L), allowedStart = new Uint8Array(L), allowedEnd = new Uint8Array(L);
  for (let c = 0; c < L; c++) {
    const pc = partOf[c];
    const continues = pc === P_I || pc === P_L;
    allowedStart[c] = continues ? 0 : 1;
    allowedEnd[c] = name === 'BILOU' && opens(pc) ? 0 : 1;
    for (let p = 0; p < L; p++) {
      const pp = partOf[p];
      let ok: boolean;
      if (name === 'BIO') ok = !continues || (typeOf[p] === typeOf[c] && pp !== P_O);
      else ok = opens(pp) ? continues && typeOf[p] === typeOf[c] : !continues;
      allowed[p * L + c] = ok ? 1 : 0;
    }
  }
  const preds: number[] = [], predStart = new Uint16Array(L + 1);
  for (let c = 0; c < L; c++) {
    predStart[c] = preds.length;
    for (let p = 0; p < L; p++) if (allowed[p * L + c]) preds.push(p);
  }
  predStart[L] = preds.length;
  return {
    name, labels, L, typeOf: Int8Array.from(typeOf), partOf: Uint8Array.from(partOf),
    allowed, allowedStart, allowedEnd, preds: Uint8Array.from(preds), predStart, label,
  };
}

/** A name found by the tagger, in token indexes (end exclusive). */
export interface TokenSpan { start: number; end: number; type: number }

/** Labels of a token sequence from names (token spans must not overlap). */
export function encode(scheme: Scheme, n: number, spans: readonly TokenSpan[], out = new Uint8Array(n)): Uint8Array {
  out.fill(0, 0, n);
  for (const s of spans) {
    const len = s.end - s.start;
    if (scheme.name === 'BILOU' && len === 1) { out[s.start] = scheme.label(s.type, P_U); continue; }
    out[s.start] = scheme.label(s.type, P_B);
    for (let k = s.start + 1; k < s.end; k++) {
      out[k] = scheme.label(s.type, scheme.name === 'BILOU' && k === s.end - 1 ? P_L : P_I);
    }
  }
  return out;
}

/** Names of a label sequence (tolerant of sequences the constraints would not produce). */
export function decodeSpans(scheme: Scheme, labels: ArrayLike<number>, n: number): TokenSpan[] {
  const out: TokenSpan[] = [];
  let open = -1, type = -1;
  for (let k = 0; k <= n; k++) {
    const l = k < n ? labels[k] : 0;
    const t = scheme.typeOf[l], p = scheme.partOf[l];
    const continues = (p === P_I || p === P_L) && t === type && open >= 0;
    if (!continues && open >= 0) { out.push({ start: open, end: k, type }); open = -1; type = -1; }
    if (t >= 0 && !continues) { open = k; type = t; }
    if (open >= 0 && (p === P_L || p === P_U)) { out.push({ start: open, end: k + 1, type }); open = -1; type = -1; }
  }
  return out;
}

/**
 * Viterbi over n tokens. `emissions` holds L scores per token (row k at k * L); tokens with cand[k] = 0 can
 * only be O, so the search runs over each maximal run of candidates on its own (O on both sides).
 * `trans` is L x L (from, to), `start` the scores of the first label. Writes the labels into `out`.
 */
export class Viterbi {
  private delta = new Float32Array(0);
  private beta = new Float32Array(0);
  private back = new Uint8Array(0);

  /**
   * With `margins`, also writes for each candidate token with a label other than O how much the best
   * sequence beats the best sequence that labels that token differently (max-marginals, a backward pass).
   */
  decode(scheme: Scheme, n: number, emissions: Float32Array, cand: Uint8Array,
         trans: Float32Array, start: Float32Array, out: Uint8Array, margins?: Float32Array): void {
    const L = scheme.L;
    if (this.delta.length < (n + 1) * L) {
      this.delta = new Float32Array((n + 1) * L * 2);
      this.beta = new Float32Array((n + 1) * L * 2);
      this.back = new Uint8Array((n + 1) * L * 2);
    }
    out.fill(0, 0, n);
    for (let a = 0; a < n; a++) {
      if (cand[a] === 0) continue;
      let b = a + 1;
      while (b < n && cand[b] !== 0) b++;
      this.run(scheme, a, b, n, emissions, trans, start, out);
      if (margins) {
        let named = false;
        for (let k = a; k < b; k++) if (out[k] !== 0) named = true;
        if (named) this.margins(scheme, a, b, n, emissions, trans, out, margins);
      }
      a = b;
    }
  }

  private margins(scheme: Scheme, a: number, b: number, n: number, emissions: Float32Array,
                  trans: Float32Array, out: Uint8Array, margins: Float32Array): void {
    const L = scheme.L, delta = this.delta, beta = this.beta, allowed = scheme.allowed;
    const NEG = -1e30;
    for (let c = 0; c < L; c++) {
      const last = (b - 1) * L + c;
      if (b === n) beta[last] = scheme.allowedEnd[c] ? 0 : NEG;
      else beta[last] = allowed[c * L] ? trans[c * L] : NEG;
    }
    for (let k = b - 2; k >= a; k--) {
      const row = k * L, next = row + L;
      for (let c = 0; c < L; c++) {
        let best = NEG;
        for (let d = 0; d < L; d++) {
          if (allowed[c * L + d] === 0) continue;
          const v = trans[c * L + d] + emissions[next + d] + beta[next + d];
          if (v > best) best = v;
        }
        beta[row + c] = best;
      }
    }
    for (let k = a; k < b; k++) {
      const row = k * L, chosen = out[k];
      let other = NEG;
      for (let c = 0; c < L; c++) if (c !== chosen && delta[row + c] + beta[row + c] > other) other = delta[row + c] + beta[row + c];
      margins[k] = delta[row + chosen] + beta[row + chosen] - other;
    }
  }

  private run(scheme: Scheme, a: number, b: number, n: number, emissions: Float32Array,
              trans: Float32Array, start: Float32Array, out: Uint8Array): void {
    const L = scheme.L, delta = this.delta, back = this.back, allowed = scheme.allowed;
    const NEG = -1e30;
    for (let c = 0; c < L; c++) {
      const ok = a === 0 ? scheme.allowedStart[c] === 1 : allowed[c] === 1; // from O
      delta[a * L + c] = ok ? (a === 0 ? start[c] : trans[c]) + emissions[a * L + c] : NEG;
    }
    const preds = scheme.preds, predStart = scheme.predStart;
    for (let k = a + 1; k < b; k++) {
      const row = k * L, prev = row - L;
      for (let c = 0; c < L; c++) {
        let best = NEG, arg = 0;
        for (let q = predStart[c], qe = predStart[c + 1]; q < qe; q++) {
          const p = preds[q];
          const v = delta[prev + p] + trans[p * L + c];
          if (v > best) { best = v; arg = p; }
        }
        delta[row + c] = best + emissions[row + c];
        back[row + c] = arg;
      }
    }
    const last = (b - 1) * L;
    let best = NEG, arg = 0;
    for (let c = 0; c < L; c++) {
      let v: number;
      if (b === n) { if (!scheme.allowedEnd[c]) continue; v = delta[last + c]; }
      else { if (!allowed[c * L]) continue; v = delta[last + c] + trans[c * L]; } // into O
      if (v > best) { best = v; arg = c; }
    }
    for (let k = b - 1; k >= a; k--) {
      out[k] = arg;
      arg = back[k * L + arg];
    }
  }
}
