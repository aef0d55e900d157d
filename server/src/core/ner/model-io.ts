// The name tagger's model: weights, transitions, gazetteers and word lexicon in one binary file
// (`data/ner-model.bin`), loaded as typed-array views over the file's bytes (no parsing per entry).
//
// Layout (little-endian): 8 bytes magic `DLNER01\0`, uint32 header length, the header as JSON (format,
// feature version, scheme, quantization scale, section table, training metadata), padding to 8 bytes, then
// the sections in header order, each padded to 8 bytes:
//   featKeys  Uint32[cap]      feature hash per slot of an open-addressing table (0 = empty)
//   featW     Int16[cap * L]   quantized emission weights (times `scale`)
//   trans     Float32[L * L]   transition scores (from, to)
//   start     Float32[L]       scores of the first label
//   gazKeys, gazValues  Uint32 phrase hash -> gazetteer kind bits
//   wordKeys, wordValues Uint32 lower-case word hash -> case bucket, frequency, cluster

import * as fs from 'fs';
import * as path from 'path';
import type { KnowledgeProvider } from '../knowledge/knowledge';
import { FEATURE_VERSION, Lexicon } from './features';
import { HashTable } from './hash';
import { makeScheme, Scheme } from './perceptron';

const MAGIC = 'DLNER01\0';
export const MODEL_FILE = 'ner-model.bin';

type SectionType = 'u32' | 'i16' | 'f32';
interface SectionInfo { name: string; type: SectionType; length: number }

export interface ModelHeader {
  format: 1;
  featureVersion: number;
  scheme: 'BIO' | 'BILOU';
  scale: number;
  maxPhrase: number;
  sections: SectionInfo[];
  /** Training facts: corpus, epochs, seed, sources of the gazetteers. */
  meta: Record<string, unknown>;
}

export interface ModelParts {
  scheme: Scheme;
  /** Open-addressing table of feature hashes (power-of-two length), placed as a premixed HashTable. */
  featKeys: Uint32Array;
  featW: Int16Array;
  scale: number;
  trans: Float32Array;
  start: Float32Array;
  lexicon: Lexicon;
  meta: Record<string, unknown>;
}

export class NerModel {
  readonly L: number;
  /**
   * The feature table rebuilt at load time for lookups (the file's layout is unchanged): one slot per
   * power-of-two `stride` int16s holding the key (two int16s, read through `slotKeys`) then the L weights,
   * so a feature found costs one cache line (a slot is 32 bytes for BIO); the same number of slots as the
   * file's table. `fingerprints` holds the key's top bits per slot (0 = empty) in 64 KB that stays in the
   * cache, so an absent feature, a fifth of all, is mostly turned away without touching the big table.
   */
  private readonly slots: Int16Array;
  private readonly slotKeys: Uint32Array;
  private readonly fingerprints: Uint8Array;
  private readonly stride: number;
  private readonly mask: number;
  private readonly acc: Float64Array;
  private readonly scale: number;
  constructor(readonly parts: ModelParts) {
    const L = parts.scheme.L, fk = parts.featKeys, fw = parts.featW, cap = fk.length;
    this.L = L;
    this.scale = parts.scale;
    this.acc = new Float64Array(L);
    let stride = 4;
    while (stride < L + 2) stride *= 2;
    const mask = cap - 1;
    const slots = new Int16Array(cap * stride), slotKeys = new Uint32Array(slots.buffer), fingerprints = new Uint8Array(cap);
    const keyAt = stride >> 1;
    for (let i = 0; i < cap; i++) {
      const key = fk[i];
      if (key === 0) continue;
      let s = key & mask; // feature hashes are mixed already (HashTable premixed)
      while (fingerprints[s] !== 0) s = (s + 1) & mask;
      fingerprints[s] = (key >>> 24) | 1;
      slotKeys[s * keyAt] = key;
      for (let l = 0; l < L; l++) slots[s * stride + 2 + l] = fw[i * L + l];
    }
    this.slots = slots; this.slotKeys = slotKeys; this.fingerprints = fingerprints;
    this.stride = stride; this.mask = mask;
  }
  get scheme(): Scheme { return this.parts.scheme; }
  get lexicon(): Lexicon { return this.parts.lexicon; }
  get trans(): Float32Array { return this.parts.trans; }
  get start(): Float32Array { return this.parts.start; }

  /** Adds the emission scores of `m` features into `out[off, off + L)`. */
  score(feats: Uint32Array, m: number, out: Float32Array, off: number): void {
    if (this.L === 9) { this.score9(feats, 0, m, out, off); return; }
    const T = this.slots, K = this.slotKeys, fp = this.fingerprints, mask = this.mask, L = this.L, acc = this.acc;
    const stride = this.stride, keyAt = stride >> 1;
    for (let l = 0; l < L; l++) acc[l] = 0;
    for (let j = 0; j < m; j++) {
      const key = feats[j], f = (key >>> 24) | 1;
      let s = key & mask;
      for (;;) {
        const g = fp[s];
        if (g === 0) break;
        if (g === f && K[s * keyAt] === key) {
          const b = s * stride + 2;
          for (let l = 0; l < L; l++) acc[l] += T[b + l];
          break;
        }
        s = (s + 1) & mask;
      }
    }
    // Sums of int16 weights are exact integers: the order of the additions does not matter.
    const scale = this.scale;
    for (let l = 0; l < L; l++) out[off + l] += acc[l] * scale;
  }

  /**
   * `score` for many tokens at once: the features of token `tokens[i]` are `feats[ends[i - 1], ends[i])`
   * (from 0 for i = 0); their scores are added into `out` at row `tokens[i] * L`.
   */
  scoreAll(feats: Uint32Array, ends: Int32Array, tokens: Int32Array, count: number, out: Float32Array): void {
    const L = this.L;
    for (let i = 0, from = 0; i < count; i++) {
      const to = ends[i];
      if (L === 9) this.score9(feats, from, to, out, tokens[i] * 9);
      else this.score(feats.subarray(from, to), to - from, out, tokens[i] * L);
      from = to;
    }
  }

  /** `score` of `feats[from, to)` for the BIO scheme's nine labels, the sums in locals. */
  private score9(feats: Uint32Array, from: number, to: number, out: Float32Array, off: number): void {
    const T = this.slots, K = this.slotKeys, fp = this.fingerprints, mask = this.mask;
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
    for (let j = from; j < to; j++) {
      const key = feats[j], f = (key >>> 24) | 1;
      let s = key & mask;
      for (;;) {
        const g = fp[s];
        if (g === 0) break;
        if (g === f && K[s << 3] === key) {
          const b = (s << 4) + 2;
          a0 += T[b]; a1 += T[b + 1]; a2 += T[b + 2]; a3 += T[b + 3]; a4 += T[b + 4];
          a5 += T[b + 5]; a6 += T[b + 6]; a7 += T[b + 7]; a8 += T[b + 8];
          break;
        }
        s = (s + 1) & mask;
      }
    }
    const scale = this.scale;
    out[off] += a0 * scale; out[off + 1] += a1 * scale; out[off + 2] += a2 * scale;
    out[off + 3] += a3 * scale; out[off + 4] += a4 * scale; out[off + 5] += a5 * scale;
    out[off + 6] += a6 * scale; out[off + 7] += a7 * scale; out[off + 8] += a8 * scale;
  }
}

function align8(n: number): number { return (n + 7) & ~7; }

export function serializeModel(parts: ModelParts): Buffer {
  const sections: [string, Uint32Array | Int16Array | Float32Array][] = [
    ['featKeys', parts.featKeys], ['featW', parts.featW], ['trans', parts.trans], ['start', parts.start],
    ['gazKeys', parts.lexicon.gazetteer.keys], ['gazValues', parts.lexicon.gazetteer.values],
    ['wordKeys', parts.lexicon.words.keys], ['wordValues', parts.lexicon.words.values],
  ];
  const typeOf = (a: Uint32Array | Int16Array | Float32Array): SectionType =>
    a instanceof Uint32Array ? 'u32' : a instanceof Int16Array ? 'i16' : 'f32';
  const header: ModelHeader = {
    format: 1, featureVersion: FEATURE_VERSION, scheme: parts.scheme.name, scale: parts.scale,
    maxPhrase: parts.lexicon.maxPhrase,
    sections: sections.map(([name, a]) => ({ name, type: typeOf(a), length: a.length })),
    meta: parts.meta,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  let size = align8(12 + json.length);
  for (const [, a] of sections) size += align8(a.byteLength);
  const buf = Buffer.alloc(size);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(json.length, 8);
  json.copy(buf, 12);
  let off = align8(12 + json.length);
  for (const [, a] of sections) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(buf, off);
    off += align8(a.byteLength);
  }
  return buf;
}

export function parseModel(bytes: Uint8Array): NerModel {
  if (bytes.length < 12 || Buffer.from(bytes.buffer, bytes.byteOffset, 8).toString('latin1') !== MAGIC) {
    throw new Error('not a Dateline NER model (bad magic)');
  }
  // Typed-array views need aligned offsets: copy when the bytes are not 8-aligned.
  if (bytes.byteOffset % 8 !== 0) bytes = new Uint8Array(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLen = view.getUint32(8, true);
  const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 12, jsonLen).toString('utf8')) as ModelHeader;
  if (header.format !== 1) throw new Error(`unsupported NER model format ${header.format}`);
  if (header.featureVersion !== FEATURE_VERSION) {
    throw new Error(`NER model made for feature version ${header.featureVersion}, this code has ${FEATURE_VERSION}: retrain with npm run train:ner`);
  }
  let off = align8(12 + jsonLen);
  const got = new Map<string, Uint32Array | Int16Array | Float32Array>();
  for (const s of header.sections) {
    const width = s.type === 'i16' ? 2 : 4;
    const bytesLen = s.length * width;
    if (off + bytesLen > bytes.byteLength) throw new Error(`NER model truncated in section ${s.name}`);
    const at = bytes.byteOffset + off;
    got.set(s.name, s.type === 'u32' ? new Uint32Array(bytes.buffer, at, s.length)
      : s.type === 'i16' ? new Int16Array(bytes.buffer, at, s.length) : new Float32Array(bytes.buffer, at, s.length));
    off += align8(bytesLen);
  }
  const need = <A>(name: string): A => {
    const a = got.get(name);
    if (!a) throw new Error(`NER model lacks section ${name}`);
    return a as unknown as A;
  };
  const scheme = makeScheme(header.scheme);
  const featKeys = need<Uint32Array>('featKeys');
  if ((featKeys.length & (featKeys.length - 1)) !== 0) throw new Error('NER model: feature table size is not a power of two');
  const featW = need<Int16Array>('featW');
  if (featW.length !== featKeys.length * scheme.L) throw new Error('NER model: weight table does not match its keys');
  const trans = need<Float32Array>('trans'), start = need<Float32Array>('start');
  if (trans.length !== scheme.L * scheme.L || start.length !== scheme.L) throw new Error('NER model: transition table size');
  const lexicon: Lexicon = {
    gazetteer: new HashTable(need<Uint32Array>('gazKeys'), need<Uint32Array>('gazValues')),
    words: new HashTable(need<Uint32Array>('wordKeys'), need<Uint32Array>('wordValues')),
    maxPhrase: header.maxPhrase,
  };
  return new NerModel({ scheme, featKeys, featW, scale: header.scale, trans, start, lexicon, meta: header.meta });
}

export function loadModelFile(file: string): NerModel {
  return parseModel(fs.readFileSync(file));
}

/** The shipped model, loaded once per Knowledge; undefined (and a problem reported) when it is missing or bad. */
export const nerModelProvider: KnowledgeProvider<NerModel | undefined> = {
  id: 'ner-model',
  load(options, report) {
    const file = path.join(options.dataDir, MODEL_FILE);
    if (!fs.existsSync(file)) {
      report({ file, message: 'name tagger model missing: run `npm run train:ner` (people, organizations, places and misc names are off)' });
      return undefined;
    }
    try {
      return loadModelFile(file);
    } catch (e) {
      report({ file, message: `name tagger model unreadable: ${(e as Error).message}` });
      return undefined;
    }
  },
};
