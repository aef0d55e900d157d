// Features of the name tagger. `FeatureExtractor.prepare` reads one segment's tokens once (hashes of the
// word, its lower-case form, shapes, affixes, case flags, gazetteer matches) into typed arrays it reuses;
// `features(i)` then writes the hashed features of token i. Nothing allocates per token.
//
// Which tokens are scored at all is decided here too (`candidate`): tokens with a capital letter, name
// particles (`de`, `al`, `van`) before one, digits next to one, and short lower-case runs between capitals
// (`Bank of England`). Every other token is outside any name by construction; news text is mostly such
// tokens, which is where the tagger's speed comes from.

import type { TokenSpans } from '../text/tokenize';
import * as tk from '../text/tokenize';
const { charClass } = tk;
// Local copies: module-level constants, not property loads on another module's exports in hot loops.
const UPPER = tk.UPPER, LOWER = tk.LOWER, DIGIT = tk.DIGIT, LETTER = tk.LETTER, MARK = tk.MARK;
const TB_DIGIT = tk.TB_DIGIT, TB_INITUPPER = tk.TB_INITUPPER, TB_LOWER = tk.TB_LOWER, TB_UNCASED = tk.TB_UNCASED, TB_UPPER = tk.TB_UPPER;
import { combine, feature, feature2, feature3, FNV_OFFSET, FNV_PRIME, HashTable, lowerChar, lowerHash, mix, PHRASE_SEED, phraseStep } from './hash';

/** Bumped whenever features change meaning: a model made for another version is refused. */
export const FEATURE_VERSION = 8;

// Token flags.
const F_INITCAP = 1, F_ALLCAP = 2, F_HASUPPER = 4, F_HASLOWER = 8, F_HASDIGIT = 16, F_ALLDIGIT = 32,
  F_PUNCT = 64, F_HYPHEN = 128, F_PERIOD = 256, F_APOS = 512, F_PARTICLE = 1024, F_NOCASE = 2048, F_MIXED = 4096;
export { F_INITCAP, F_ALLCAP, F_HASUPPER, F_HASLOWER, F_HASDIGIT, F_ALLDIGIT, F_PUNCT, F_HYPHEN, F_PERIOD, F_APOS, F_PARTICLE, F_NOCASE, F_MIXED };

/** Gazetteer kinds (bit positions in the gazetteer table's values). */
export const GAZ = {
  city: 0, bigCity: 1, country: 2, region: 3, demonym: 4, language: 5, firstName: 6, orgWord: 7,
  title: 8, locWord: 9, org: 10, calendar: 11, misc: 12, person: 13,
} as const;
const GAZ_KINDS = 14;
export { GAZ_KINDS };
/** Value bit of a phrase that begins a longer gazetteer phrase. */
const GAZ_PREFIX = 1 << 30;
export { GAZ_PREFIX };

/** Lexicons the features consult, stored in the model. */
export interface Lexicon {
  /** Phrase hash (see `phraseHash`) -> bit set of GAZ kinds. */
  gazetteer: HashTable;
  /** Longest gazetteer phrase in tokens. */
  maxPhrase: number;
  /** Lower hash -> word information: bits 0-3 case bucket, 4-5 frequency bucket, 8-23 cluster + 1. */
  words: HashTable;
}

/** Hash of a phrase given as lower hashes of its tokens. */
export function phraseHash(tokenHashes: ArrayLike<number>): number {
  let h = PHRASE_SEED;
  for (let k = 0; k < tokenHashes.length; k++) h = phraseStep(h, tokenHashes[k]);
  return h;
}

/** Lower-case words found inside names, between capitalised words. */
const CONNECTORS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'upon', 'de', 'du', 'des', 'da', 'das', 'do',
  'dos', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'les', 'el', 'al', 'et', 'y', 'e', 'am', 'im',
  'zu', 'zum', 'sur', 'sous', 'bin', 'ibn', 'bint', 'wa', "'s", '’s'].map(w => lowerHash(w, 0, w.length)));

const PARTICLES = new Set(['al', 'el', 'de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'le',
  'la', 'bin', 'ibn', 'bint', 'dos', 'das', 'ter', 'ten', 'zu', 'y', 'ul', 'ur']
  .map(w => lowerHash(w, 0, w.length)));

// Templates.
const enum T {
  Bias = 1, Word, Lower, LowerM1, LowerP1, LowerM2, LowerP2, BigramM1, BigramP1, Shape, ShapeM1, ShapeP1,
  Shape3, ShortM2, ShortP2, Prefix, Suffix, Position, ModeCase, CaseM1, CaseP1, Gaz, GazM1, GazP1, GazMode,
  RunBefore, RunAfter, RunPos, Cluster, ClusterM1, ClusterP1, LowerMode, RunBeforeShape, GazRun, FirstOfRun,
}

// Sentinels for positions outside the segment.
const BOS = 0x5bd1e995, EOS = 0x1b873593;

/** Shape character of a non-ASCII code unit. */
function shapeOf(c: number): number {
  const kc = charClass(c);
  return kc === UPPER ? 88 : kc === LOWER ? 120 : kc === DIGIT ? 100 : kc === LETTER ? 76 : kc === MARK ? 109 : c === 0x2019 ? 39 : c;
}

/** Tokens on each side of a candidate that its features read. */
const NEED = 2;

/** Mode of a segment: ordinary sentence, all-caps headline, title-case headline. */
const MODE_BODY = 0, MODE_CAPS = 1, MODE_TITLE = 2;
export { MODE_BODY, MODE_CAPS, MODE_TITLE };

export class FeatureExtractor {
  n = 0;
  mode = MODE_BODY;
  private cap = 0;
  ww!: Uint32Array; lw!: Uint32Array; ss!: Uint32Array; len!: Uint16Array;
  private text = '';
  private spans: TokenSpans = new tk.TokenSpans(1);
  flags!: Uint16Array; gaz!: Uint32Array; info!: Uint32Array;
  cand!: Uint8Array; runStart!: Int32Array; runEnd!: Int32Array; need!: Uint8Array;

  constructor(private readonly lexicon: Lexicon) { this.grow(256); }

  private grow(n: number): void {
    if (n <= this.cap) return;
    let cap = this.cap || 256;
    while (cap < n) cap *= 2;
    this.cap = cap;
    this.ww = new Uint32Array(cap); this.lw = new Uint32Array(cap);
    this.ss = new Uint32Array(cap); this.len = new Uint16Array(cap);
    this.flags = new Uint16Array(cap); this.gaz = new Uint32Array(cap); this.info = new Uint32Array(cap);
    this.cand = new Uint8Array(cap); this.need = new Uint8Array(cap); this.runStart = new Int32Array(cap); this.runEnd = new Int32Array(cap);
  }

  /** Reads the tokens of one segment. Returns the number of candidate tokens. */
  prepare(text: string, spans: TokenSpans): number {
    const n = spans.count;
    this.n = n;
    this.grow(n + 1);
    const { flags, len, cand, runStart, runEnd, gaz, info } = this;
    const starts = spans.starts, ends = spans.ends;

    // 1. Flags of every token, from the tokenizer's character-kind bits.
    const bits = spans.bits;
    let cased = 0, caps = 0, longWords = 0, titled = 0;
    for (let k = 0; k < n; k++) {
      const tb = bits[k];
      const L = ends[k] - starts[k];
      len[k] = L > 65535 ? 65535 : L;
      let f = 0;
      if (tb & TB_UPPER) {
        f = F_HASUPPER;
        if (tb & TB_INITUPPER) f |= F_INITCAP;
        if ((tb & TB_LOWER) === 0) f |= F_ALLCAP;
      }
      if (tb & TB_LOWER) f |= F_HASLOWER;
      if (tb & TB_UNCASED) f |= F_NOCASE;
      if (tb & TB_DIGIT) { f |= F_HASDIGIT; if ((tb & (TB_UPPER | TB_LOWER | TB_UNCASED)) === 0) f |= F_ALLDIGIT; }
      if ((tb & (TB_UPPER | TB_LOWER | TB_UNCASED | TB_DIGIT)) === 0) f |= F_PUNCT;
      flags[k] = f;
      if (tb & (TB_UPPER | TB_LOWER)) {
        cased++;
        if ((f & F_ALLCAP) !== 0 && L >= 2) caps++;
        if (L >= 4) { longWords++; if (f & F_INITCAP) titled++; }
      }
    }
    this.mode = cased > 0 && caps >= Math.max(1, 0.8 * cased) ? MODE_CAPS
      : longWords >= 3 && titled >= 0.75 * longWords ? MODE_TITLE : MODE_BODY;

    // 2. Candidates, and the runs of capitalised tokens.
    let candidates = 0;
    for (let k = 0; k < n; k++) {
      let f = flags[k];
      let c = 0;
      if (f & F_HASUPPER) c = 1;
      else if (f & F_PUNCT) {
        // `&` between capitals (Procter & Gamble)
        c = k > 0 && k + 1 < n && (flags[k - 1] & F_HASUPPER) !== 0 && (flags[k + 1] & F_HASUPPER) !== 0 &&
          text.charCodeAt(starts[k]) === 38 ? 1 : 0;
      } else if ((f & (F_NOCASE | F_HASDIGIT)) === 0 && len[k] <= 5) {
        const before = (k > 0 && (flags[k - 1] & F_HASUPPER) !== 0) || (k > 1 && (flags[k - 2] & F_HASUPPER) !== 0 &&
          (flags[k - 1] & F_PUNCT) === 0);
        const after = k + 1 < n && (flags[k + 1] & F_HASUPPER) !== 0;
        if (after || before) {
          const h = lowerHash(text, starts[k], ends[k]);
          if (after && PARTICLES.has(h)) { f |= F_PARTICLE; flags[k] = f; c = 1; }                  // de Gaulle
          else if (before && CONNECTORS.has(h) && (after || (k + 2 < n && (flags[k + 2] & F_HASUPPER) !== 0 &&
            (flags[k + 1] & F_PUNCT) === 0))) c = 1;                                            // Bank of (the) West
        }
      }
      cand[k] = c;
      candidates += c;
      if (f & F_HASUPPER) {
        if (k > 0 && (flags[k - 1] & F_HASUPPER) !== 0) { runStart[k] = runStart[k - 1]; }
        else runStart[k] = k;
      } else runStart[k] = -1;
    }
    for (let k = n - 1; k >= 0; k--) {
      runEnd[k] = runStart[k] < 0 ? -1 : k + 1 < n && runStart[k + 1] === runStart[k] ? runEnd[k + 1] : k;
    }
    if (candidates === 0) return 0;

    // 3. Hashes of the tokens within two of a candidate (the features' window): exact and lower-case word,
    //    short shape. The rest of a candidate's own features is read from its text when needed (`intrinsic`).
    const { ww, lw, ss } = this;
    const need = this.need;
    need.fill(0, 0, n);
    for (let k = 0; k < n; k++) {
      if (!cand[k]) continue;
      for (let j = k - NEED; j <= k + NEED; j++) if (j >= 0 && j < n) need[j] = 1;
    }
    for (let k = 0; k < n; k++) {
      gaz[k] = 0; info[k] = 0;
      if (!need[k]) continue;
      const s = starts[k], e = ends[k];
      let hw = FNV_OFFSET, hl = FNV_OFFSET, hss = FNV_OFFSET;
      let lastShape = -1;
      for (let i = s; i < e; i++) {
        let c = text.charCodeAt(i);
        let lc: number, shapeChar: number;
        if (c < 128) {
          if (c >= 97 && c <= 122) { shapeChar = 120; lc = c; }
          else if (c >= 65 && c <= 90) { shapeChar = 88; lc = c + 32; }
          else if (c >= 48 && c <= 57) { shapeChar = 100; c = 48; lc = 48; }
          else { shapeChar = c; lc = c; }
        } else {
          shapeChar = shapeOf(c);
          if (c === 0x2019) c = 39;
          lc = lowerChar(c);
        }
        hw = Math.imul(hw ^ c, FNV_PRIME);
        hl = Math.imul(hl ^ lc, FNV_PRIME);
        if (shapeChar !== lastShape) { hss = Math.imul(hss ^ shapeChar, FNV_PRIME); lastShape = shapeChar; }
      }
      ww[k] = hw >>> 0; lw[k] = hl >>> 0; ss[k] = hss >>> 0;
    }
    this.text = text;
    this.spans = spans;

    // 4. Word information and gazetteer matches (phrases start at a capitalised token or a particle).
    const words = this.lexicon.words, table = this.lexicon.gazetteer, maxPhrase = this.lexicon.maxPhrase;
    for (let k = 0; k < n; k++) {
      if (!need[k]) continue;
      const f = flags[k];
      if (f & F_PUNCT) continue;
      info[k] = words.get(lw[k]);
      if ((f & (F_HASUPPER | F_NOCASE | F_PARTICLE)) === 0) continue;
      let h = PHRASE_SEED;
      for (let m = 0; m < maxPhrase && k + m < n && need[k + m]; m++) {
        if (flags[k + m] & F_PUNCT && !(m > 0 && ends[k + m] - starts[k + m] === 1 &&
            (text.charCodeAt(starts[k + m]) === 46 || text.charCodeAt(starts[k + m]) === 38))) break;
        h = phraseStep(h, lw[k + m]);
        const kinds = table.get(h);
        if (kinds === 0) break;
        for (let t = 0; t < GAZ_KINDS; t++) {
          if ((kinds & (1 << t)) === 0) continue;
          // Position codes per kind: 1 = begins, 2 = inside, 3 = whole (single token).
          if (m === 0) { if (((gaz[k] >>> (2 * t)) & 3) === 0) gaz[k] |= 3 << (2 * t); }
          else {
            for (let j = 0; j <= m; j++) {
              const code = j === 0 ? 1 : 2;
              gaz[k + j] = (gaz[k + j] & ~(3 << (2 * t))) | (code << (2 * t));
            }
          }
        }
        if ((kinds & GAZ_PREFIX) === 0) break;
      }
    }
    return candidates;
  }

  private lowerAt(k: number): number { return k < 0 ? BOS : k >= this.n ? EOS : this.lw[k]; }
  private shortAt(k: number): number { return k < 0 ? BOS : k >= this.n ? EOS : this.ss[k]; }
  private infoAt(k: number): number { return k < 0 || k >= this.n ? 0xfffff : this.info[k] & 0xff; }

  /** Key of the intrinsic features of token k (they depend on its text and the segment mode only). */
  intrinsicKey(k: number): number { return feature(T.Bias, combine(this.ww[k], this.mode)); }

  /** Writes the features of token k into `out` from 0; returns how many. `out` must hold 96. */
  features(k: number, out: Uint32Array): number {
    const m = this.intrinsic(k, out, 0);
    return this.context(k, out, m);
  }

  /** Features of the token's own text: word, lower case, shape, affixes. */
  intrinsic(k: number, out: Uint32Array, m: number): number {
    const w = this.lw[k], text = this.text;
    const s = this.spans.starts[k], e = this.spans.ends[k];
    out[m++] = feature(T.Bias, 0);
    out[m++] = feature(T.Word, this.ww[k]);
    out[m++] = feature(T.Lower, w);
    out[m++] = feature2(T.LowerMode, w, this.mode);
    // Shape (runs of one kind cut at 4) and lower-case prefixes of 1-4 characters.
    let hs = FNV_OFFSET, hl = FNV_OFFSET, lastShape = -1, run = 0;
    for (let i = s; i < e; i++) {
      let c = text.charCodeAt(i);
      let shapeChar: number;
      if (c < 128) {
        shapeChar = c >= 97 && c <= 122 ? 120 : c >= 65 && c <= 90 ? 88 : c >= 48 && c <= 57 ? 100 : c;
        if (c >= 48 && c <= 57) c = 48;
      } else {
        shapeChar = shapeOf(c);
        if (c === 0x2019) c = 39;
      }
      if (shapeChar === lastShape) run++; else { run = 1; lastShape = shapeChar; }
      if (run <= 4) hs = Math.imul(hs ^ shapeChar, FNV_PRIME);
      if (i - s < 4) {
        hl = Math.imul(hl ^ lowerChar(c), FNV_PRIME);
        out[m++] = feature2(T.Prefix, i - s, hl >>> 0);
      }
    }
    out[m++] = feature(T.Shape, hs >>> 0);
    // Lower-case suffixes of 1-4 characters.
    let hx = FNV_OFFSET;
    for (let j = 1; j <= 4 && j <= e - s; j++) {
      let c = text.charCodeAt(e - j);
      if (c >= 48 && c <= 57) c = 48; else c = lowerChar(c);
      if (c === 0x2019) c = 39;
      hx = Math.imul(hx ^ c, FNV_PRIME);
      out[m++] = feature2(T.Suffix, j - 1, hx >>> 0);
    }
    return m;
  }

  /** Features of the token in its context. */
  context(k: number, out: Uint32Array, m: number): number {
    const { lw, ss, flags, gaz, info, mode } = this;
    const w = lw[k], s0 = ss[k];
    const wm1 = this.lowerAt(k - 1), wp1 = this.lowerAt(k + 1);
    out[m++] = feature(T.LowerM1, wm1);
    out[m++] = feature(T.LowerP1, wp1);
    out[m++] = feature2(T.BigramM1, wm1, w);
    out[m++] = feature2(T.BigramP1, w, wp1);
    out[m++] = feature3(T.Shape3, this.shortAt(k - 1), s0, this.shortAt(k + 1));
    out[m++] = feature(T.ShortM2, this.shortAt(k - 2));
    out[m++] = feature(T.ShortP2, this.shortAt(k + 2));
    // Position: first token, or after opening punctuation (quotes, brackets, colons, dashes).
    const pos = k === 0 ? 1 : (flags[k - 1] & F_PUNCT) !== 0 ? 2 : 0;
    out[m++] = feature3(T.Position, pos, s0, mode);
    const ci = info[k] & 0xff;
    out[m++] = feature3(T.ModeCase, mode, ci, combine(s0, pos));
    out[m++] = feature2(T.CaseM1, this.infoAt(k - 1), s0);
    out[m++] = feature2(T.CaseP1, this.infoAt(k + 1), s0);
    // Gazetteers.
    const g0 = gaz[k];
    if (g0 !== 0) {
      for (let t = 0; t < GAZ_KINDS; t++) {
        const code = (g0 >>> (2 * t)) & 3;
        if (code === 0) continue;
        out[m++] = feature3(T.Gaz, t, code, flags[k] & (F_INITCAP | F_ALLCAP));
      }
    }
    // The capitalised run this token is in: the words around it and where the token sits.
    const rs = this.runStart[k];
    if (rs >= 0) {
      const re = this.runEnd[k];
      const before = this.lowerAt(rs - 1), after = this.lowerAt(re + 1);
      out[m++] = feature(T.RunBefore, before);
      out[m++] = feature(T.RunAfter, after);
      const runLen = re - rs + 1;
      const where = runLen === 1 ? 0 : k === rs ? 1 : k === re ? 2 : 3;
      out[m++] = feature3(T.RunPos, runLen > 4 ? 4 : runLen, where, mode);
      // gazetteer kinds anywhere in the run
      let gr = 0;
      for (let j = rs; j <= re && j < rs + 6; j++) gr |= gaz[j];
      if (gr !== 0) out[m++] = feature2(T.GazRun, gr, where);
    }
    // Word clusters.
    const cl = info[k] >>> 8;
    if (cl !== 0) {
      out[m++] = feature(T.Cluster, cl);
    }
    const clm = k > 0 ? info[k - 1] >>> 8 : 0, clp = k + 1 < this.n ? info[k + 1] >>> 8 : 0;
    if (clm !== 0) out[m++] = feature(T.ClusterM1, clm);
    if (clp !== 0) out[m++] = feature(T.ClusterP1, clp);
    return m;
  }
}

/** Lower hash of a whole token (exported for building lexicons with the same keys). */
export function tokenLowerHash(text: string, start: number, end: number): number {
  return lowerHash(text, start, end);
}

export { mix };
