// Features of the name tagger. `FeatureExtractor.prepare` reads one segment's tokens once (hashes of the
// word, its lower-case form, shapes, affixes, case flags, gazetteer matches) into typed arrays it reuses;
// `features(i)` then writes the hashed features of token i. Nothing allocates per token.
//
// Which tokens are scored at all is decided here too (`candidate`): tokens with a capital letter, name
// particles (`de`, `al`, `van`) before one, digits next to one, and short lower-case runs between capitals
// (`Bank of England`). Every other token is outside any name by construction; news text is mostly such
// tokens, which is where the tagger's speed comes from.
//
// Speed notes (same features, value for value, as before these were written): only the tokens within two
// of a candidate are hashed and looked up, visited through the list of candidates; the context features of
// all candidates are written unmixed (template seed xor value) and finished by one loop, which keeps the
// per-token code small enough for V8 to inline; the gazetteer and word-lexicon look-ups go through small
// direct-mapped caches, since the same capitalised words recur.

import type { TokenSpans } from '../text/tokenize';
import * as tk from '../text/tokenize';
const { charClass } = tk;
// Local copies: module-level constants, not property loads on another module's exports in hot loops.
const UPPER = tk.UPPER, LOWER = tk.LOWER, DIGIT = tk.DIGIT, LETTER = tk.LETTER, MARK = tk.MARK;
const TB_DIGIT = tk.TB_DIGIT, TB_INITUPPER = tk.TB_INITUPPER, TB_LOWER = tk.TB_LOWER, TB_UNCASED = tk.TB_UNCASED, TB_UPPER = tk.TB_UPPER;
import { FNV_OFFSET, FNV_PRIME, HashTable, lowerChar, lowerHash, mix, PHRASE_SEED, phraseStep } from './hash';

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
const GAZ_KIND_MASK = (1 << GAZ_KINDS) - 1;

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
const CONNECTORS = hashSet(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'upon', 'de', 'du', 'des', 'da', 'das', 'do',
  'dos', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'les', 'el', 'al', 'et', 'y', 'e', 'am', 'im',
  'zu', 'zum', 'sur', 'sous', 'bin', 'ibn', 'bint', 'wa', "'s", '’s']);

const PARTICLES = hashSet(['al', 'el', 'de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'le',
  'la', 'bin', 'ibn', 'bint', 'dos', 'das', 'ter', 'ten', 'zu', 'y', 'ul', 'ur']);

/** The lower hashes of a few words in an open-addressing table (0 = empty) for `inSet`. */
function hashSet(words: string[]): Uint32Array {
  const table = new Uint32Array(256);
  for (const w of words) {
    const h = lowerHash(w, 0, w.length);
    let i = h & 255;
    while (table[i] !== 0 && table[i] !== h) i = (i + 1) & 255;
    table[i] = h;
  }
  return table;
}
function inSet(table: Uint32Array, h: number): boolean {
  for (let i = h & 255; ; i = (i + 1) & 255) {
    const x = table[i];
    if (x === h) return h !== 0;
    if (x === 0) return false;
  }
}

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

/** `lowerHash` of a short token, ASCII through a table. */
function shortLowerHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) c = ASCII_LOWER[c];
    else { c = lowerChar(c); if (c === 0x2019) c = 39; }
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h >>> 0;
}

/** Flags of a token from its tokenizer bits (TB_*). */
const FLAGS_OF_BITS = new Uint16Array(64);
for (let tb = 0; tb < 64; tb++) {
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
  FLAGS_OF_BITS[tb] = f;
}

/**
 * Per ASCII character: the character hashed for the exact word (digits folded to `0`), lower case, shape;
 * and the three in one number (bits 0-7, 8-15, 16-23).
 */
const ASCII_WORD = new Uint8Array(128), ASCII_LOWER = new Uint8Array(128), ASCII_SHAPE = new Uint8Array(128);
const ASCII_PACKED = new Uint32Array(128);
for (let c = 0; c < 128; c++) {
  const lower = c >= 97 && c <= 122, upper = c >= 65 && c <= 90, digit = c >= 48 && c <= 57;
  ASCII_WORD[c] = digit ? 48 : c;
  ASCII_LOWER[c] = digit ? 48 : upper ? c + 32 : c;
  ASCII_SHAPE[c] = lower ? 120 : upper ? 88 : digit ? 100 : c;
  ASCII_PACKED[c] = ASCII_WORD[c] | ASCII_LOWER[c] << 8 | ASCII_SHAPE[c] << 16;
}

/** Sizes - 1 of the direct-mapped caches in front of the gazetteer and the word lexicon. */
const GAZ_CACHE_MASK = 4095, WORD_CACHE_MASK = 4095;

/** Most context features of one token: 11 always, 14 gazetteer kinds, 4 of the capitalised run, 3 clusters. */
const MAX_CONTEXT = 32;

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
  /** The candidate tokens in order: `candList[0, candidates)`. */
  candList!: Int32Array;
  candidates = 0;

  /**
   * The last gazetteer look-ups by phrase hash (0 = empty): capitalised words recur, and the gazetteer's
   * table is megabytes. The lexicon must not change once the extractor has read text with it.
   */
  private readonly gazCacheKeys = new Uint32Array(GAZ_CACHE_MASK + 1);
  private readonly gazCacheValues = new Uint32Array(GAZ_CACHE_MASK + 1);
  /** The same for the word lexicon, by lower hash. */
  private readonly wordCacheKeys = new Uint32Array(WORD_CACHE_MASK + 1);
  private readonly wordCacheValues = new Uint32Array(WORD_CACHE_MASK + 1);

  // Sized for segments of up to 1K tokens from the start: a growth met first on a long segment of real
  // text makes the optimizing compiler throw `prepare`'s code away.
  constructor(private readonly lexicon: Lexicon) { this.grow(1024); }

  private grow(n: number): void {
    if (n <= this.cap) return;
    let cap = this.cap || 256;
    while (cap < n) cap *= 2;
    this.cap = cap;
    this.ww = new Uint32Array(cap); this.lw = new Uint32Array(cap);
    this.ss = new Uint32Array(cap); this.len = new Uint16Array(cap);
    this.flags = new Uint16Array(cap); this.gaz = new Uint32Array(cap); this.info = new Uint32Array(cap);
    this.cand = new Uint8Array(cap); this.need = new Uint8Array(cap); this.runStart = new Int32Array(cap); this.runEnd = new Int32Array(cap);
    this.candList = new Int32Array(cap);
  }

  /** Reads the tokens of one segment. Returns the number of candidate tokens. */
  prepare(text: string, spans: TokenSpans): number {
    const n = spans.count;
    this.n = n;
    this.grow(n + 1);
    const candidates = this.findCandidates(text, spans);
    this.candidates = candidates;
    if (candidates === 0) return 0;
    this.hashTokens(text, spans);
    this.text = text;
    this.spans = spans;
    this.readLexicon(text, spans);
    return candidates;
  }

  /**
   * 1-2. Flags of every token (from the tokenizer's character-kind bits) and the segment's mode; the
   * candidates, and the runs of capitalised tokens, in the same pass (flags are read two tokens ahead).
   * Returns the number of candidates.
   */
  private findCandidates(text: string, spans: TokenSpans): number {
    const n = this.n, flags = this.flags, len = this.len, cand = this.cand, runStart = this.runStart, runEnd = this.runEnd;
    const starts = spans.starts, ends = spans.ends, bits = spans.bits, candList = this.candList;
    let cased = 0, caps = 0, longWords = 0, titled = 0;
    let candidates = 0;
    let prevUpper = false, runFrom = -1;
    for (let k = -NEED; k < n; k++) {
      // Flags of token k + 2.
      const j = k + NEED;
      if (j < n) {
        const tb = bits[j];
        const L = ends[j] - starts[j];
        len[j] = L > 65535 ? 65535 : L;
        const f = FLAGS_OF_BITS[tb];
        flags[j] = f;
        if (tb & (TB_UPPER | TB_LOWER)) {
          cased++;
          if ((f & F_ALLCAP) !== 0 && L >= 2) caps++;
          if (L >= 4) { longWords++; if (f & F_INITCAP) titled++; }
        }
      }
      if (k < 0) continue;
      // Token k.
      let f = flags[k];
      let c = 0;
      if (f & F_HASUPPER) {
        c = 1;
        if (!prevUpper) runFrom = k;
        runStart[k] = runFrom;
        prevUpper = true;
      } else {
        if (prevUpper) for (let r = runFrom; r < k; r++) runEnd[r] = k - 1;
        runStart[k] = -1;
        runEnd[k] = -1;
        prevUpper = false;
        if (f & F_PUNCT) {
          // `&` between capitals (Procter & Gamble)
          c = k > 0 && k + 1 < n && (flags[k - 1] & F_HASUPPER) !== 0 && (flags[k + 1] & F_HASUPPER) !== 0 &&
            text.charCodeAt(starts[k]) === 38 ? 1 : 0;
        } else if ((f & (F_NOCASE | F_HASDIGIT)) === 0 && len[k] <= 5) {
          const before = (k > 0 && (flags[k - 1] & F_HASUPPER) !== 0) || (k > 1 && (flags[k - 2] & F_HASUPPER) !== 0 &&
            (flags[k - 1] & F_PUNCT) === 0);
          const after = k + 1 < n && (flags[k + 1] & F_HASUPPER) !== 0;
          if (after || before) {
            const h = shortLowerHash(text, starts[k], ends[k]);
            if (after && inSet(PARTICLES, h)) { f |= F_PARTICLE; flags[k] = f; c = 1; }                // de Gaulle
            else if (before && inSet(CONNECTORS, h) && (after || (k + 2 < n && (flags[k + 2] & F_HASUPPER) !== 0 &&
              (flags[k + 1] & F_PUNCT) === 0))) c = 1;                                            // Bank of (the) West
          }
        }
      }
      cand[k] = c;
      if (c !== 0) candList[candidates++] = k;
    }
    if (prevUpper) for (let r = runFrom; r < n; r++) runEnd[r] = n - 1;
    this.mode = cased > 0 && caps >= Math.max(1, 0.8 * cased) ? MODE_CAPS
      : longWords >= 3 && titled >= 0.75 * longWords ? MODE_TITLE : MODE_BODY;
    return candidates;
  }

  /**
   * 3. Hashes of the tokens within two of a candidate (the features' window): lower-case word and short
   *    shape, and for candidates the exact word. The rest of a candidate's own features is read from its
   *    text when needed (`intrinsic`).
   */
  private hashTokens(text: string, spans: TokenSpans): void {
    const n = this.n, cand = this.cand, starts = spans.starts, ends = spans.ends;
    const ww = this.ww, lw = this.lw, ss = this.ss, need = this.need;
    const candList = this.candList, candidates = this.candidates;
    need.fill(0, 0, n);
    this.gaz.fill(0, 0, n);
    this.info.fill(0, 0, n);
    // The tokens within NEED of a candidate, window after window (each once, in order).
    for (let q = 0, k = 0; q < candidates; q++) {
      const c = candList[q];
      if (k < c - NEED) k = c - NEED;
      const lastOfWindow = c + NEED < n ? c + NEED : n - 1;
      for (; k <= lastOfWindow; k++) {
        need[k] = 1;
        const s = starts[k], e = ends[k];
        let hl = FNV_OFFSET, hss = FNV_OFFSET, lastShape = -1;
        if (cand[k] === 0) {
          for (let i = s; i < e; i++) {
            const c = text.charCodeAt(i);
            let lc: number, shapeChar: number;
            if (c < 128) { const p = ASCII_PACKED[c]; lc = (p >>> 8) & 0xff; shapeChar = p >>> 16; }
            else { shapeChar = shapeOf(c); lc = lowerChar(c === 0x2019 ? 39 : c); }
            hl = Math.imul(hl ^ lc, FNV_PRIME);
            if (shapeChar !== lastShape) { hss = Math.imul(hss ^ shapeChar, FNV_PRIME); lastShape = shapeChar; }
          }
        } else {
          let hw = FNV_OFFSET;
          for (let i = s; i < e; i++) {
            let c = text.charCodeAt(i);
            let lc: number, shapeChar: number;
            if (c < 128) { const p = ASCII_PACKED[c]; c = p & 0xff; lc = (p >>> 8) & 0xff; shapeChar = p >>> 16; }
            else {
              shapeChar = shapeOf(c);
              if (c === 0x2019) c = 39;
              lc = lowerChar(c);
            }
            hw = Math.imul(hw ^ c, FNV_PRIME);
            hl = Math.imul(hl ^ lc, FNV_PRIME);
            if (shapeChar !== lastShape) { hss = Math.imul(hss ^ shapeChar, FNV_PRIME); lastShape = shapeChar; }
          }
          ww[k] = hw >>> 0;
        }
        lw[k] = hl >>> 0; ss[k] = hss >>> 0;
      }
    }
  }

  /** 4. Word information and gazetteer matches (phrases start at a capitalised token or a particle). */
  private readLexicon(text: string, spans: TokenSpans): void {
    const n = this.n, flags = this.flags, need = this.need, lw = this.lw, gaz = this.gaz, info = this.info;
    const starts = spans.starts, ends = spans.ends, cand = this.cand;
    const words = this.lexicon.words, table = this.lexicon.gazetteer, maxPhrase = this.lexicon.maxPhrase;
    const wKeys = words.keys, wValues = words.values, wMask = words.mask;
    const gKeys = table.keys, gValues = table.values, gMask = table.mask;
    const gazKeys = this.gazCacheKeys, gazValues = this.gazCacheValues;
    const wordKeys = this.wordCacheKeys, wordValues = this.wordCacheValues;
    const candList = this.candList, candidates = this.candidates;
    // The tokens within NEED of a candidate (need[k] = 1), in order, window after window.
    for (let q = 0, k = 0; q < candidates; q++) {
      const c = candList[q];
      if (k < c - NEED) k = c - NEED;
      const lastOfWindow = c + NEED < n ? c + NEED : n - 1;
      for (; k <= lastOfWindow; k++) {
        const f = flags[k];
        if (f & F_PUNCT) continue;
        // Word information, read by the features of the tokens next to it (so only next to a candidate):
        // words.get(lw[k]) through a small direct-mapped cache.
        if (cand[k] !== 0 || (k > 0 && cand[k - 1] !== 0) || (k + 1 < n && cand[k + 1] !== 0)) {
          const key = lw[k] === 0 ? 1 : lw[k], slot = (key >>> 3) & WORD_CACHE_MASK;
          if (wordKeys[slot] === key) info[k] = wordValues[slot];
          else {
            let value = 0;
            for (let i = mix(key) & wMask; ; i = (i + 1) & wMask) {
              const kk = wKeys[i];
              if (kk === key) { value = wValues[i]; break; }
              if (kk === 0) break;
            }
            info[k] = value;
            wordKeys[slot] = key; wordValues[slot] = value;
          }
        }
        if ((f & (F_HASUPPER | F_NOCASE | F_PARTICLE)) === 0) continue;
        let h = PHRASE_SEED;
        for (let m = 0; m < maxPhrase && k + m < n && need[k + m] !== 0; m++) {
          if (flags[k + m] & F_PUNCT && !(m > 0 && ends[k + m] - starts[k + m] === 1 &&
              (text.charCodeAt(starts[k + m]) === 46 || text.charCodeAt(starts[k + m]) === 38))) break;
          h = phraseStep(h, lw[k + m]);
          // table.get(h) through a small direct-mapped cache (phrase hashes are mixed: their low bits will do)
          const key = h === 0 ? 1 : h, slot = key & GAZ_CACHE_MASK;
          let kinds: number;
          if (gazKeys[slot] === key) kinds = gazValues[slot];
          else {
            kinds = 0;
            for (let i = mix(key) & gMask; ; i = (i + 1) & gMask) {
              const kk = gKeys[i];
              if (kk === key) { kinds = gValues[i]; break; }
              if (kk === 0) break;
            }
            gazKeys[slot] = key; gazValues[slot] = kinds;
          }
          if (kinds === 0) break;
          // Position codes per kind: 1 = begins, 2 = inside, 3 = whole (single token).
          for (let rest = kinds & GAZ_KIND_MASK; rest !== 0; rest &= rest - 1) {
            const t = 31 - Math.clz32(rest & -rest), sh = 2 * t;
            if (m === 0) { if (((gaz[k] >>> sh) & 3) === 0) gaz[k] |= 3 << sh; }
            else {
              const clear = ~(3 << sh);
              gaz[k] = (gaz[k] & clear) | (1 << sh);
              for (let j = 1; j <= m; j++) gaz[k + j] = (gaz[k + j] & clear) | (2 << sh);
            }
          }
          if ((kinds & GAZ_PREFIX) === 0) break;
        }
      }
    }
  }

  /** Key of the intrinsic features of token k (they depend on its text and the segment mode only). */
  intrinsicKey(k: number): number { return finish(S_BIAS ^ pair(this.ww[k], this.mode)); }

  /** Writes the features of token k into `out` from 0; returns how many. `out` must hold 96. */
  features(k: number, out: Uint32Array): number {
    const m = this.intrinsic(k, out, 0);
    return this.context(k, out, m);
  }

  /** Features of the token's own text: word, lower case, shape, affixes. */
  intrinsic(k: number, out: Uint32Array, m: number): number {
    const w = this.lw[k], text = this.text, from = m;
    const s = this.spans.starts[k], e = this.spans.ends[k];
    // Unmixed like contextUnmixed, finished at the end.
    out[m++] = S_BIAS ^ 0;
    out[m++] = S_WORD ^ this.ww[k];
    out[m++] = S_LOWER ^ w;
    out[m++] = S_LOWER_MODE ^ pair(w, this.mode);
    // Shape (runs of one kind cut at 4) and lower-case prefixes of 1-4 characters.
    let hs = FNV_OFFSET, hl = FNV_OFFSET, lastShape = -1, run = 0;
    for (let i = s; i < e; i++) {
      let c = text.charCodeAt(i);
      let shapeChar: number;
      if (c < 128) {
        shapeChar = ASCII_SHAPE[c];
        c = ASCII_WORD[c];
      } else {
        shapeChar = shapeOf(c);
        if (c === 0x2019) c = 39;
      }
      if (shapeChar === lastShape) run++; else { run = 1; lastShape = shapeChar; }
      if (run <= 4) hs = Math.imul(hs ^ shapeChar, FNV_PRIME);
      if (i - s < 4) {
        hl = Math.imul(hl ^ lowerChar(c), FNV_PRIME);
        out[m++] = S_PREFIX ^ pair(i - s, hl >>> 0);
      }
    }
    out[m++] = S_SHAPE ^ (hs >>> 0);
    // Lower-case suffixes of 1-4 characters.
    let hx = FNV_OFFSET;
    for (let j = 1; j <= 4 && j <= e - s; j++) {
      let c = text.charCodeAt(e - j);
      if (c >= 48 && c <= 57) c = 48; else c = lowerChar(c);
      if (c === 0x2019) c = 39;
      hx = Math.imul(hx ^ c, FNV_PRIME);
      out[m++] = S_SUFFIX ^ pair(j - 1, hx >>> 0);
    }
    finishFeatures(out, from, m);
    return m;
  }

  /**
   * Context features of every candidate token, one after another into `out` (grown as needed, returned);
   * `ends[i]` is where the features of the i-th candidate end, `tokens[i]` its token index.
   */
  contextAll(out: Uint32Array, ends: Int32Array, tokens: Int32Array): Uint32Array {
    const candList = this.candList, candidates = this.candidates;
    let m = 0;
    for (let i = 0; i < candidates; i++) {
      const k = candList[i];
      if (out.length < m + MAX_CONTEXT) {
        const bigger = new Uint32Array(Math.max(out.length * 2, m + MAX_CONTEXT));
        bigger.set(out.subarray(0, m));
        out = bigger;
      }
      m = this.contextUnmixed(k, out, m);
      ends[i] = m;
      tokens[i] = k;
    }
    finishFeatures(out, 0, m);
    return out;
  }

  /** Features of the token in its context (at most MAX_CONTEXT). */
  context(k: number, out: Uint32Array, m: number): number {
    const from = m;
    m = this.contextUnmixed(k, out, m);
    finishFeatures(out, from, m);
    return m;
  }

  /**
   * `context` up to the last step: writes each feature's template seed xor its value (`unmixed`), which
   * `finishFeatures` turns into the feature hash (`feature(template, value)`), all in one loop afterwards.
   */
  private contextUnmixed(k: number, out: Uint32Array, m: number): number {
    const lw = this.lw, ss = this.ss, flags = this.flags, gaz = this.gaz, info = this.info, mode = this.mode, n = this.n;
    const w = lw[k], s0 = ss[k];
    const wm1 = k >= 1 ? lw[k - 1] : BOS, wp1 = k + 1 < n ? lw[k + 1] : EOS;
    const sm1 = k >= 1 ? ss[k - 1] : BOS, sp1 = k + 1 < n ? ss[k + 1] : EOS;
    out[m++] = S_LOWER_M1 ^ wm1;
    out[m++] = S_LOWER_P1 ^ wp1;
    out[m++] = S_BIGRAM_M1 ^ pair(wm1, w);
    out[m++] = S_BIGRAM_P1 ^ pair(w, wp1);
    out[m++] = S_SHAPE3 ^ pair(pair(sm1, s0), sp1);
    out[m++] = S_SHORT_M2 ^ (k >= 2 ? ss[k - 2] : BOS);
    out[m++] = S_SHORT_P2 ^ (k + 2 < n ? ss[k + 2] : EOS);
    // Position: first token, or after opening punctuation (quotes, brackets, colons, dashes).
    const pos = k === 0 ? 1 : (flags[k - 1] & F_PUNCT) !== 0 ? 2 : 0;
    out[m++] = S_POSITION ^ pair(pair(pos, s0), mode);
    const ci = info[k] & 0xff;
    out[m++] = S_MODE_CASE ^ pair(pair(mode, ci), pair(s0, pos) >>> 0);
    out[m++] = S_CASE_M1 ^ pair(k >= 1 ? info[k - 1] & 0xff : 0xfffff, s0);
    out[m++] = S_CASE_P1 ^ pair(k + 1 < n ? info[k + 1] & 0xff : 0xfffff, s0);
    // Gazetteers.
    const g0 = gaz[k];
    if (g0 !== 0) {
      const fc = flags[k] & (F_INITCAP | F_ALLCAP);
      // Kinds in increasing order: the lowest set bit's pair each time.
      for (let g = g0; g !== 0;) {
        const t = (31 - Math.clz32(g & -g)) >> 1;
        out[m++] = S_GAZ ^ pair(pair(t, (g0 >>> (2 * t)) & 3), fc);
        g &= ~(3 << (2 * t));
      }
    }
    // The capitalised run this token is in: the words around it and where the token sits.
    const rs = this.runStart[k];
    if (rs >= 0) {
      const re = this.runEnd[k];
      out[m++] = S_RUN_BEFORE ^ (rs >= 1 ? lw[rs - 1] : BOS);
      out[m++] = S_RUN_AFTER ^ (re + 1 < n ? lw[re + 1] : EOS);
      const runLen = re - rs + 1;
      const where = runLen === 1 ? 0 : k === rs ? 1 : k === re ? 2 : 3;
      out[m++] = S_RUN_POS ^ pair(pair(runLen > 4 ? 4 : runLen, where), mode);
      // gazetteer kinds anywhere in the run
      let gr = 0;
      for (let j = rs; j <= re && j < rs + 6; j++) gr |= gaz[j];
      if (gr !== 0) out[m++] = S_GAZ_RUN ^ pair(gr, where);
    }
    // Word clusters.
    const cl = info[k] >>> 8;
    if (cl !== 0) out[m++] = S_CLUSTER ^ cl;
    const clm = k > 0 ? info[k - 1] >>> 8 : 0, clp = k + 1 < n ? info[k + 1] >>> 8 : 0;
    if (clm !== 0) out[m++] = S_CLUSTER_M1 ^ clm;
    if (clp !== 0) out[m++] = S_CLUSTER_P1 ^ clp;
    return m;
  }
}

/** `combine` without its final `>>> 0` (the bits are the same; callers only xor and multiply them). */
function pair(a: number, b: number): number {
  return Math.imul(a ^ 0x27d4eb2f, 0x9e3779b1) ^ b;
}

/** What `feature` xors a template's value with before mixing. */
function seed(template: number): number {
  return Math.imul(template + 0x3c6ef372, 0x9e3779b1);
}
const S_LOWER_M1 = seed(T.LowerM1), S_LOWER_P1 = seed(T.LowerP1), S_BIGRAM_M1 = seed(T.BigramM1),
  S_BIGRAM_P1 = seed(T.BigramP1), S_SHAPE3 = seed(T.Shape3), S_SHORT_M2 = seed(T.ShortM2), S_SHORT_P2 = seed(T.ShortP2),
  S_POSITION = seed(T.Position), S_MODE_CASE = seed(T.ModeCase), S_CASE_M1 = seed(T.CaseM1), S_CASE_P1 = seed(T.CaseP1),
  S_GAZ = seed(T.Gaz), S_RUN_BEFORE = seed(T.RunBefore), S_RUN_AFTER = seed(T.RunAfter), S_RUN_POS = seed(T.RunPos),
  S_GAZ_RUN = seed(T.GazRun), S_BIAS = seed(T.Bias), S_WORD = seed(T.Word), S_LOWER = seed(T.Lower),
  S_LOWER_MODE = seed(T.LowerMode), S_PREFIX = seed(T.Prefix), S_SHAPE = seed(T.Shape), S_SUFFIX = seed(T.Suffix), S_CLUSTER = seed(T.Cluster), S_CLUSTER_M1 = seed(T.ClusterM1), S_CLUSTER_P1 = seed(T.ClusterP1);

/** `feature`'s last step on an unmixed feature: murmur3's finalizer, and never 0. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h >>> 0;
}

/** Turns the unmixed features in `out[from, to)` into feature hashes: `feature`'s mixing and its never-0. */
function finishFeatures(out: Uint32Array, from: number, to: number): void {
  for (let j = from; j < to; j++) {
    let h = out[j];
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[j] = h === 0 ? 1 : h;
  }
}

/** Lower hash of a whole token (exported for building lexicons with the same keys). */
export function tokenLowerHash(text: string, start: number, end: number): number {
  return lowerHash(text, start, end);
}

export { mix };
