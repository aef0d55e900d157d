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
  private readonly mask: number;
  /** Keys and weights interleaved, one row of L + 2 int16 per slot (key low, key high, weights): one cache miss per feature. */
  private readonly rows: Int16Array;
  private readonly acc: Float32Array;
  private readonly scale: number;
  constructor(readonly parts: ModelParts) {
    const L = parts.scheme.L, cap = parts.featKeys.length, S = L + 2;
    this.L = L;
    this.mask = cap - 1;
    this.rows = new Int16Array(cap * S);
    this.acc = new Float32Array(L);
    this.scale = parts.scale;
    for (let i = 0; i < cap; i++) {
      const key = parts.featKeys[i];
      this.rows[i * S] = key & 0xffff;
      this.rows[i * S + 1] = key >>> 16;
      for (let l = 0; l < L; l++) this.rows[i * S + 2 + l] = parts.featW[i * L + l];
    }
  }
  get scheme(): Scheme { return this.parts.scheme; }
  get lexicon(): Lexicon { return this.parts.lexicon; }
  get trans(): Float32Array { return this.parts.trans; }
  get start(): Float32Array { return this.parts.start; }

  /** Adds the emission scores of `m` features into `out[off, off + L)`. */
  score(feats: Uint32Array, m: number, out: Float32Array, off: number): void {
    const t = this.rows, mask = this.mask, L = this.L, S = L + 2, acc = this.acc;
    for (let l = 0; l < L; l++) acc[l] = 0;
    for (let j = 0; j < m; j++) {
      const key = feats[j];
      const lo = (key << 16) >> 16, hi = key >> 16;
      let i = key & mask; // feature hashes are mixed already (HashTable premixed)
      for (;;) {
        const base = i * S;
        const klo = t[base], khi = t[base + 1];
        if (klo === lo && khi === hi) {
          for (let l = 0; l < L; l++) acc[l] += t[base + 2 + l];
          break;
        }
        if (klo === 0 && khi === 0) break;
        i = (i + 1) & mask;
      }
    }
    const scale = this.scale;
    for (let l = 0; l < L; l++) out[off + l] += acc[l] * scale;
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
