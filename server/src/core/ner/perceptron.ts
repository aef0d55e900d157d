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

/** Score of a label sequence the constraints rule out. */
const NEG = -1e30;
/**
 * Transition scores of 0 (9 x 9), added where a run ends the segment: the same sums as none, through the
 * code that runs ends inside a segment take (code first met on real text makes the optimizing compiler
 * throw a function's code away).
 */
const NO_TRANSITIONS = new Float32Array(81);

/**
 * Viterbi over n tokens. `emissions` holds L scores per token (row k at k * L); tokens with cand[k] = 0 can
 * only be O, so the search runs over each maximal run of candidates on its own (O on both sides).
 * `trans` is L x L (from, to), `start` the scores of the first label. Writes the labels into `out`.
 */
export class Viterbi {
  // Sized for segments of up to 1K tokens of up to 16 labels from the start: a growth met first on a long
  // segment of real text makes the optimizing compiler throw `decode`'s code away.
  private delta = new Float32Array(1024 * 16);
  private beta = new Float32Array(1024 * 16);
  private back = new Uint8Array(1024 * 16);
  /** Successors of each label (the transposed `preds`) of the scheme last seen. */
  private succScheme: Scheme | undefined;
  private succ = new Uint8Array(0);
  private succStart = new Uint16Array(0);
  /** Runs of candidates with a name after the last `decode`: run i is tokens [runs[2i], runs[2i + 1]). */
  runs = new Int32Array(1024);
  runCount = 0;

  /**
   * With `margins`, also writes for each candidate token with a label other than O how much the best
   * sequence beats the best sequence that labels that token differently (max-marginals, a backward pass).
   * `list` (optional) holds the indexes of the candidate tokens in order, `listCount` of them: the same
   * tokens as `cand` marks, found without reading every token.
   */
  decode(scheme: Scheme, n: number, emissions: Float32Array, cand: Uint8Array,
         trans: Float32Array, start: Float32Array, out: Uint8Array, margins?: Float32Array,
         list?: Int32Array, listCount = 0): void {
    const L = scheme.L;
    if (this.delta.length < (n + 1) * L) {
      this.delta = new Float32Array((n + 1) * L * 2);
      this.beta = new Float32Array((n + 1) * L * 2);
      this.back = new Uint8Array((n + 1) * L * 2);
    }
    if (this.succScheme !== scheme) this.successors(scheme);
    out.fill(0, 0, n);
    this.runCount = 0;
    const bio = scheme.name === 'BIO' && L === 9 && TYPES.length === 4;
    // Candidates one after another from `list` when given, else from `cand`.
    for (let a = 0, q = 0; ;) {
      if (list) {
        if (q >= listCount) break;
        a = list[q++];
      } else {
        while (a < n && cand[a] === 0) a++;
        if (a >= n) break;
      }
      let b = a + 1;
      if (list) { while (q < listCount && list[q] === b) { b++; q++; } }
      else while (b < n && cand[b] !== 0) b++;
      let named: boolean;
      if (bio) {
        named = b === a + 1 ? this.singleBIO(a, n, emissions, trans, start, out, margins)
          : this.runBIO(a, b, n, emissions, trans, start, out, margins);
      } else if (b === a + 1) {
        named = this.single(scheme, a, n, emissions, trans, start, out, margins);
      } else {
        this.run(scheme, a, b, n, emissions, trans, start, out);
        named = false;
        for (let k = a; k < b; k++) if (out[k] !== 0) { named = true; break; }
        if (named && margins) this.margins(scheme, a, b, n, emissions, trans, out, margins);
      }
      if (named) {
        if (2 * this.runCount + 2 > this.runs.length) {
          const bigger = new Int32Array(this.runs.length * 2); bigger.set(this.runs); this.runs = bigger;
        }
        this.runs[2 * this.runCount] = a; this.runs[2 * this.runCount + 1] = b;
        this.runCount++;
      }
      a = b;
    }
  }

  private successors(scheme: Scheme): void {
    const L = scheme.L, allowed = scheme.allowed;
    const succ: number[] = [], succStart = new Uint16Array(L + 1);
    for (let c = 0; c < L; c++) {
      succStart[c] = succ.length;
      for (let d = 0; d < L; d++) if (allowed[c * L + d]) succ.push(d);
    }
    succStart[L] = succ.length;
    this.succ = Uint8Array.from(succ); this.succStart = succStart; this.succScheme = scheme;
  }

  /**
   * A run of one candidate token (O on both sides): `run` and `margins` without their loops over tokens.
   * Returns whether the token is in a name.
   */
  private single(scheme: Scheme, a: number, n: number, emissions: Float32Array, trans: Float32Array,
                 start: Float32Array, out: Uint8Array, margins: Float32Array | undefined): boolean {
    const L = scheme.L, delta = this.delta, allowed = scheme.allowed;
    const row = a * L, first = a === 0, last = a + 1 === n;
    let best = NEG, arg = 0;
    for (let c = 0; c < L; c++) {
      const ok = first ? scheme.allowedStart[c] === 1 : allowed[c] === 1; // from O
      delta[row + c] = ok ? (first ? start[c] : trans[c]) + emissions[row + c] : NEG;
      let v: number;
      if (last) { if (!scheme.allowedEnd[c]) continue; v = delta[row + c]; }
      else { if (!allowed[c * L]) continue; v = delta[row + c] + trans[c * L]; } // into O
      if (v > best) { best = v; arg = c; }
    }
    out[a] = arg;
    if (arg === 0) return false;
    if (margins) {
      const beta = this.beta;
      for (let c = 0; c < L; c++) {
        if (last) beta[row + c] = scheme.allowedEnd[c] ? 0 : NEG;
        else beta[row + c] = allowed[c * L] ? trans[c * L] : NEG;
      }
      let other = NEG;
      for (let c = 0; c < L; c++) if (c !== arg && delta[row + c] + beta[row + c] > other) other = delta[row + c] + beta[row + c];
      margins[a] = delta[row + arg] + beta[row + arg] - other;
    }
    return true;
  }

  /**
   * `single` for the BIO scheme (O, then B-X I-X for PER LOC ORG MISC), with its constraints written out:
   * only O and B-X may follow O or begin the segment, and every label may end it or go on with O. The
   * I-X labels, out of reach here, never win (their score is -1e30), so only O and the B-X are compared;
   * the arithmetic is the generic code's, value for value (float32 where it stores, float64 where it adds).
   */
  private singleBIO(a: number, n: number, E: Float32Array, T: Float32Array, S: Float32Array,
                    out: Uint8Array, margins: Float32Array | undefined): boolean {
    const r = a * 9, last = a + 1 === n;
    const from = a === 0 ? S : T; // start scores, or the row of O in the transitions
    const f = Math.fround;
    const d0 = f(from[0] + E[r]), d1 = f(from[1] + E[r + 1]), d3 = f(from[3] + E[r + 3]),
      d5 = f(from[5] + E[r + 5]), d7 = f(from[7] + E[r + 7]);
    // Totals with the step into O that follows (none at the end).
    const v0 = last ? d0 : d0 + T[0], v1 = last ? d1 : d1 + T[9], v3 = last ? d3 : d3 + T[27],
      v5 = last ? d5 : d5 + T[45], v7 = last ? d7 : d7 + T[63];
    let best = v0 > NEG ? v0 : NEG, arg = 0;
    if (v1 > best) { best = v1; arg = 1; }
    if (v3 > best) { best = v3; arg = 3; }
    if (v5 > best) { best = v5; arg = 5; }
    if (v7 > best) { best = v7; arg = 7; }
    out[a] = arg;
    if (arg === 0) return false;
    if (margins) {
      // delta + beta with beta = 0 at the end or the float32 transition into O: the totals above.
      let other = NEG;
      if (arg !== 0 && v0 > other) other = v0;
      if (arg !== 1 && v1 > other) other = v1;
      if (arg !== 3 && v3 > other) other = v3;
      if (arg !== 5 && v5 > other) other = v5;
      if (arg !== 7 && v7 > other) other = v7;
      margins[a] = best - other;
    }
    return true;
  }

  /** `run` and, for a run with a name, `margins` for the BIO scheme (see `singleBIO`). */
  private runBIO(a: number, b: number, n: number, E: Float32Array, T: Float32Array, S: Float32Array,
                 out: Uint8Array, margins: Float32Array | undefined): boolean {
    const delta = this.delta, back = this.back;
    let r = a * 9;
    const from = a === 0 ? S : T;
    for (let c = 0; c < 9; c++) delta[r + c] = (c & 1) === 1 || c === 0 ? from[c] + E[r + c] : NEG;
    for (let k = a + 1; k < b; k++) {
      const prev = r;
      r += 9;
      // O and B-X may follow any label: the best of the nine, the first of equals.
      const p0 = delta[prev], p1 = delta[prev + 1], p2 = delta[prev + 2], p3 = delta[prev + 3], p4 = delta[prev + 4],
        p5 = delta[prev + 5], p6 = delta[prev + 6], p7 = delta[prev + 7], p8 = delta[prev + 8];
      for (let c = 0; c < 9; c = c === 0 ? 1 : c + 2) {
        let best = p0 + T[c], arg = 0, v: number;
        if (!(best > NEG)) best = NEG;
        if ((v = p1 + T[9 + c]) > best) { best = v; arg = 1; }
        if ((v = p2 + T[18 + c]) > best) { best = v; arg = 2; }
        if ((v = p3 + T[27 + c]) > best) { best = v; arg = 3; }
        if ((v = p4 + T[36 + c]) > best) { best = v; arg = 4; }
        if ((v = p5 + T[45 + c]) > best) { best = v; arg = 5; }
        if ((v = p6 + T[54 + c]) > best) { best = v; arg = 6; }
        if ((v = p7 + T[63 + c]) > best) { best = v; arg = 7; }
        if ((v = p8 + T[72 + c]) > best) { best = v; arg = 8; }
        delta[r + c] = best + E[r + c];
        back[r + c] = arg;
      }
      // I-X only B-X or I-X.
      for (let c = 2; c < 9; c += 2) {
        let best = NEG, arg = 0;
        const v = delta[prev + c - 1] + T[(c - 1) * 9 + c];
        if (v > best) { best = v; arg = c - 1; }
        const w = delta[prev + c] + T[c * 10];
        if (w > best) { best = w; arg = c; }
        delta[r + c] = best + E[r + c];
        back[r + c] = arg;
      }
    }
    const lastRow = r, atEnd = b === n;
    // Into O after the run, or nothing at the segment's end (adding 0: one path for both, see NO_TRANSITIONS).
    const into = atEnd ? NO_TRANSITIONS : T;
    let best = NEG, arg = 0;
    for (let c = 0; c < 9; c++) {
      const v = delta[lastRow + c] + into[c * 9];
      if (v > best) { best = v; arg = c; }
    }
    let named = false;
    for (let k = b - 1; k >= a; k--) {
      out[k] = arg;
      if (arg !== 0) named = true;
      arg = back[k * 9 + arg];
    }
    if (!named || !margins) return named;

    const beta = this.beta;
    for (let c = 0; c < 9; c++) beta[lastRow + c] = into[c * 9];
    for (let row = lastRow - 9; row >= a * 9; row -= 9) {
      const next = row + 9;
      const e0 = E[next], e1 = E[next + 1], e3 = E[next + 3], e5 = E[next + 5], e7 = E[next + 7];
      const b0 = beta[next], b1 = beta[next + 1], b3 = beta[next + 3], b5 = beta[next + 5], b7 = beta[next + 7];
      for (let c = 0; c < 9; c++) {
        const tc = c * 9;
        // O and every B-X may follow any label; I-X only a label of its type. (The sums in the generic order.)
        let best = T[tc] + e0 + b0, v: number;
        if (!(best > NEG)) best = NEG;
        if ((v = T[tc + 1] + e1 + b1) > best) best = v;
        if ((v = T[tc + 3] + e3 + b3) > best) best = v;
        if ((v = T[tc + 5] + e5 + b5) > best) best = v;
        if ((v = T[tc + 7] + e7 + b7) > best) best = v;
        if (c !== 0) {
          const d = c + (c & 1); // I-X of c's type
          if ((v = T[tc + d] + E[next + d] + beta[next + d]) > best) best = v;
        }
        beta[row + c] = best;
      }
    }
    for (let k = a; k < b; k++) {
      const row = k * 9, chosen = out[k];
      let other = NEG;
      for (let c = 0; c < 9; c++) if (c !== chosen && delta[row + c] + beta[row + c] > other) other = delta[row + c] + beta[row + c];
      margins[k] = delta[row + chosen] + beta[row + chosen] - other;
    }
    return true;
  }

  private margins(scheme: Scheme, a: number, b: number, n: number, emissions: Float32Array,
                  trans: Float32Array, out: Uint8Array, margins: Float32Array): void {
    const L = scheme.L, delta = this.delta, beta = this.beta, allowed = scheme.allowed;
    const succ = this.succ, succStart = this.succStart;
    for (let c = 0; c < L; c++) {
      const last = (b - 1) * L + c;
      if (b === n) beta[last] = scheme.allowedEnd[c] ? 0 : NEG;
      else beta[last] = allowed[c * L] ? trans[c * L] : NEG;
    }
    for (let k = b - 2; k >= a; k--) {
      const row = k * L, next = row + L;
      for (let c = 0; c < L; c++) {
        let best = NEG;
        const tc = c * L;
        for (let q = succStart[c], qe = succStart[c + 1]; q < qe; q++) {
          const d = succ[q];
          const v = trans[tc + d] + emissions[next + d] + beta[next + d];
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
