// The gazetteer at run time: the compiled index in data/gazetteer.bin (typed-array views over one Buffer,
// no per-entry objects) plus the analyst's own files as a small overlay. Entry ids below `baseCount` are the
// compiled entries, ids from `baseCount` on are the analyst's.

import * as fs from 'fs';
import * as path from 'path';
import type { KnowledgeProblem, KnowledgeProvider } from '../knowledge/knowledge';
import type { PlaceRef } from '../types';
import {
  CLS_ADMIN1, CLS_ADMIN2, CLS_CAPITAL, CLS_COUNTRY, CLS_FEATURE, CLS_PLACE, CLS_REGION, CLS_SEAT1,
  GazetteerHeader, GazetteerRecord, MAGIC, NONE16, POST_PRIMARY, REF_RECORD,
} from './format';
import { foldWords, hashKey, looseKeyOfWords } from './keys';
import { prior } from './prior';
import { loadAnalystGazetteer, AnalystEntry } from './analystFiles';

export const GAZETTEER_FILE = 'gazetteer.bin';

export interface Candidate {
  entry: number;
  /** POST_* flag of the name that matched. */
  flag: number;
  /** Matched on the strict key (spelling as written, case and accents aside), not only the loose key. */
  strict: boolean;
}

const EMPTY = new Uint32Array(0);

/** The compiled index, shared by every Knowledge that reads the same file (it never changes under us). */
class BaseIndex {
  readonly header: GazetteerHeader;
  readonly lat: Float32Array; readonly lon: Float32Array; readonly pop: Uint32Array; readonly prior: Float32Array; readonly ref: Uint32Array;
  readonly kind: Uint8Array; readonly cc: Uint16Array; readonly adm: Uint16Array; readonly src: Uint8Array;
  readonly nameOff: Uint32Array; readonly nameBlob: Uint8Array;
  readonly keyOff: Uint32Array; readonly keyBlob: Uint8Array;
  readonly postOff: Uint32Array; readonly post: Uint32Array; readonly table: Uint32Array;
  readonly clsOfKind: Uint8Array;
  readonly loadMs: number;

  constructor(file: string) {
    const t0 = performance.now();
    let buf = fs.readFileSync(file);
    if (buf.toString('latin1', 0, 8) !== MAGIC) throw new Error(`${file}: not a Dateline gazetteer (rebuild with npm run build:data)`);
    if (buf.byteOffset % 8 !== 0) buf = Buffer.from(buf); // typed-array views need aligned offsets
    const hl = buf.readUInt32LE(8);
    this.header = JSON.parse(buf.toString('utf8', 12, 12 + hl));
    const body = buf.byteOffset + 12 + hl;
    const views: Record<string, ArrayBufferView> = {};
    for (const s of this.header.sections) {
      const off = body + s.offset;
      views[s.name] = s.type === 'f32' ? new Float32Array(buf.buffer, off, s.length)
        : s.type === 'u32' ? new Uint32Array(buf.buffer, off, s.length)
        : s.type === 'u16' ? new Uint16Array(buf.buffer, off, s.length)
        : new Uint8Array(buf.buffer, off, s.length);
    }
    const v = <T>(n: string) => { if (!views[n]) throw new Error(`${file}: section ${n} missing`); return views[n] as unknown as T; };
    this.lat = v('lat'); this.lon = v('lon'); this.pop = v('pop'); this.prior = v('prior'); this.ref = v('ref'); this.kind = v('kind');
    this.cc = v('cc'); this.adm = v('adm'); this.src = v('src'); this.nameOff = v('nameOff'); this.nameBlob = v('nameBlob');
    this.keyOff = v('keyOff'); this.keyBlob = v('keyBlob'); this.postOff = v('postOff'); this.post = v('post'); this.table = v('table');
    this.clsOfKind = Uint8Array.from(this.header.kinds.map(k => k.cls));
    this.loadMs = performance.now() - t0;
  }

  /** Postings of an exact key (see keys.ts), best first. */
  postings(key: string): Uint32Array {
    const ki = this.keyIndex(key);
    return ki < 0 ? EMPTY : this.post.subarray(this.postOff[ki], this.postOff[ki + 1]);
  }

  /** The index of an exact key, or -1 (its postings are post[postOff[ki]..postOff[ki + 1]]). */
  keyIndex(key: string): number {
    const table = this.table, mask = table.length - 1;
    const hk = hashKey(key);
    // Most names asked for are not in the index: the filter says so without probing the table.
    const bloom = this.bloom ??= this.keyFilter();
    const bit = Math.imul(hk, 0x9e3779b1) >>> BLOOM_SHIFT;
    if ((bloom[bit >>> 5] & (1 << (bit & 31))) === 0) return -1;
    let h = hk & mask;
    for (;;) {
      const k = table[h];
      if (k === 0) return -1;
      const ki = k - 1;
      const s = this.keyOff[ki], e = this.keyOff[ki + 1];
      if (e - s === key.length) {
        let same = true;
        for (let i = 0; i < key.length; i++) if (this.keyBlob[s + i] !== key.charCodeAt(i)) { same = false; break; }
        if (same) return ki;
      }
      h = (h + 1) & mask;
    }
  }

  /**
   * A one-hash Bloom filter over the keys (2^23 bits, about 8% false positives for the compiled index),
   * made when first asked: `hashKey` over each key's bytes (keys are ASCII; a key that is not can match no
   * ASCII key anyway).
   */
  private bloom: Int32Array | undefined;
  private keyFilter(): Int32Array {
    const keyOff = this.keyOff, blob = this.keyBlob;
    const bloom = new Int32Array(1 << (32 - BLOOM_SHIFT - 5));
    const nk = keyOff.length - 1;
    for (let ki = 0; ki < nk; ki++) {
      let h = 0x811c9dc5;
      for (let i = keyOff[ki], e = keyOff[ki + 1]; i < e; i++) { h ^= blob[i]; h = Math.imul(h, 0x01000193); }
      const bit = Math.imul(h, 0x9e3779b1) >>> BLOOM_SHIFT;
      bloom[bit >>> 5] |= 1 << (bit & 31);
    }
    return bloom;
  }
}

/** The key filter has 2^(32 - BLOOM_SHIFT) bits. */
const BLOOM_SHIFT = 9;

const baseCache = new Map<string, { mtimeMs: number; index: BaseIndex }>();
function loadBase(file: string): BaseIndex {
  const st = fs.statSync(file);
  const hit = baseCache.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs) return hit.index;
  const index = new BaseIndex(file);
  baseCache.set(file, { mtimeMs: st.mtimeMs, index });
  return index;
}

const decoder = new TextDecoder();

export class Gazetteer {
  readonly baseCount: number;
  private readonly extra: AnalystEntry[] = [];
  private readonly extraKeys = new Map<string, number[]>();
  private readonly names = new Map<number, string>();
  /** Look-ups by words and limit, memoised (news repeats its names; a miss costs several probes of the table). */
  private readonly lookups = new Map<number, Map<string, Candidate[]>>();

  constructor(private readonly base: BaseIndex | undefined) {
    this.baseCount = base ? base.header.entries : 0;
  }

  get loadMs(): number { return this.base?.loadMs ?? 0; }
  get size(): number { return this.baseCount + this.extra.length; }

  /** Adds an analyst's entry (from dateline.gazetteers) with its names. */
  addExtra(e: AnalystEntry): void {
    const id = this.baseCount + this.extra.length;
    this.extra.push(e);
    this.lookups.clear();
    const seen = new Set<string>();
    for (const [name, flag] of [[e.name, POST_PRIMARY], ...e.aliases.map(a => [a, POST_PRIMARY] as const)] as [string, number][]) {
      const words = foldWords(name);
      if (words.length === 0) continue;
      for (const k of [words.join(''), looseKeyOfWords(words)]) {
        if (seen.has(k)) continue;
        seen.add(k);
        let l = this.extraKeys.get(k);
        if (!l) this.extraKeys.set(k, l = []);
        l.push(id << 2 | flag);
      }
    }
  }

  /** Candidates for a name as written, strict matches first, at most `limit`. */
  lookup(text: string, limit = 40): Candidate[] {
    return this.lookupWords(foldWords(text), limit);
  }

  /** Candidates for the folded words of a name (the array is shared: read it, do not change it). */
  lookupWords(words: string[], limit = 40): Candidate[] {
    if (words.length === 0) return [];
    let memo = this.lookups.get(limit);
    if (!memo) this.lookups.set(limit, memo = new Map());
    const mk = words.length === 1 ? words[0] : words.join(' ');
    let r = memo.get(mk);
    if (r === undefined) {
      r = this.lookupUncached(words, limit);
      if (memo.size > 50000) memo.clear();
      memo.set(mk, r);
    }
    return r;
  }

  /**
   * `lookupWords` without the memo, for callers that keep their own (the gazetteer recognizer, by token
   * window): a name first seen costs no memo entry here.
   */
  lookupUncached(words: string[], limit = 40): Candidate[] {
    if (words.length === 0) return [];
    const strictKey = words.length === 1 ? words[0] : words.join('');
    if (strictKey.length < 2) return [];
    const out: Candidate[] = [];
    // Each entry is listed once under a key, so no de-duplication is needed within one key; the loose key
    // is only tried when the spelling itself is unknown (a strict match wins over any loose one anyway).
    const add = (postings: ArrayLike<number>, strict: boolean) => {
      for (let i = 0; i < postings.length && out.length < limit; i++) {
        const p = postings[i];
        out.push({ entry: p >>> 2, flag: p & 3, strict });
      }
    };
    // Analyst entries first: their own gazetteer wins ties.
    const extra = this.extraKeys.size > 0;
    const xs = extra ? this.extraKeys.get(strictKey) : undefined;
    if (xs) add(xs, true);
    if (this.base) this.addBase(out, strictKey, true, limit);
    if (out.length > 0) return out;
    // Initials (`U.S. Attorney`, `J.R.`) and the `s` of a possessive (`Burma's Suu`) are no transliteration: only
    // names spelt so match them (`U.S. Attorney` matched the French village Esternay loosely, `U.S. Sens` the
    // German town Esens).
    if (words.length > 1 && words.some(w => w.length === 1)) return out;
    const loose = looseKeyOfWords(words);
    if (loose.length > 3) {
      const xl = extra ? this.extraKeys.get(loose) : undefined;
      if (xl) add(xl, false);
      if (this.base) this.addBase(out, loose, false, limit);
      // Countries and large regions have their English spellings among their names: a transliteration match
      // to one is a coincidence of consonants (`Ras al-Ain` found Russia).
      for (let i = out.length - 1; i >= 0; i--) {
        const c = this.cls(out[i].entry);
        if (c === CLS_COUNTRY || c === CLS_REGION) out.splice(i, 1);
      }
    }
    return out;
  }

  private addBase(out: Candidate[], key: string, strict: boolean, limit: number): void {
    const b = this.base!;
    const ki = b.keyIndex(key);
    if (ki < 0) return;
    for (let i = b.postOff[ki], e = b.postOff[ki + 1]; i < e && out.length < limit; i++) {
      const p = b.post[i];
      out.push({ entry: p >>> 2, flag: p & 3, strict });
    }
  }

  // ---- entry accessors
  private ex(i: number): AnalystEntry { return this.extra[i - this.baseCount]; }
  isExtra(i: number): boolean { return i >= this.baseCount; }
  lat(i: number): number { return i < this.baseCount ? this.base!.lat[i] : this.ex(i).lat; }
  lon(i: number): number { return i < this.baseCount ? this.base!.lon[i] : this.ex(i).lon; }
  population(i: number): number { return i < this.baseCount ? this.base!.pop[i] : this.ex(i).population; }
  cls(i: number): number { return i < this.baseCount ? this.base!.clsOfKind[this.base!.kind[i]] : this.ex(i).cls; }
  kind(i: number): string { return i < this.baseCount ? this.base!.header.kinds[this.base!.kind[i]].name : this.ex(i).kind; }
  country(i: number): string {
    if (i >= this.baseCount) return this.ex(i).country;
    const c = this.base!.cc[i];
    return c === NONE16 ? '' : this.base!.header.countries[c];
  }
  countryName(cc: string): string {
    if (!this.base || !cc) return cc;
    let byCode = this.countryNames;
    if (!byCode) {
      byCode = this.countryNames = new Map();
      const h = this.base.header;
      // The first of a code wins, as indexOf found it.
      for (let k = h.countries.length - 1; k >= 0; k--) byCode.set(h.countries[k], h.countryNames[k]);
    }
    return byCode.has(cc) ? byCode.get(cc)! : cc;
  }
  private countryNames: Map<string, string> | undefined;
  /** `CC.code` of the first-level region, or '' (for grouping places of one region). */
  adminKey(i: number): string {
    if (i >= this.baseCount) return this.ex(i).adminKey ?? '';
    const a = this.base!.adm[i];
    return a === NONE16 ? '' : this.base!.header.admins[a].key;
  }
  adminName(i: number): string {
    if (i >= this.baseCount) return this.ex(i).region ?? '';
    const a = this.base!.adm[i];
    return a === NONE16 ? '' : this.base!.header.admins[a].name;
  }
  name(i: number): string {
    if (i >= this.baseCount) return this.ex(i).name;
    let n = this.names.get(i);
    if (n === undefined) {
      n = decoder.decode(this.base!.nameBlob.subarray(this.base!.nameOff[i], this.base!.nameOff[i + 1]));
      if (this.names.size > 50000) this.names.clear();
      this.names.set(i, n);
    }
    return n;
  }
  record(i: number): GazetteerRecord | undefined {
    if (i >= this.baseCount) return undefined;
    const r = this.base!.ref[i];
    return r & REF_RECORD ? this.base!.header.records[r & ~REF_RECORD] : undefined;
  }
  id(i: number): string {
    if (i >= this.baseCount) return this.ex(i).id;
    const r = this.record(i);
    return r ? r.id : `geonames:${this.base!.ref[i]}`;
  }
  source(i: number): string {
    if (i >= this.baseCount) return this.ex(i).source;
    const s = this.base!.header.sources[this.base!.src[i]];
    return s;
  }
  /** Known name with no sourced coordinates. */
  unresolved(i: number): boolean {
    return i < this.baseCount ? !!this.record(i)?.unresolved || !isFinite(this.base!.lat[i]) : !isFinite(this.ex(i).lat);
  }
  areaKm2(i: number): number | undefined { return i < this.baseCount ? this.record(i)?.areaKm2 : undefined; }
  aliases(i: number): string[] { return i < this.baseCount ? this.record(i)?.aliases ?? [] : this.ex(i).aliases; }
  note(i: number): string | undefined { return i < this.baseCount ? this.record(i)?.note : undefined; }

  prior(i: number): number {
    return i < this.baseCount ? this.base!.prior[i] : prior(this.cls(i), this.population(i)) + 1;
  }

  placeRef(i: number): PlaceRef {
    const ref: PlaceRef = {
      id: this.id(i), name: this.name(i), lat: round5(this.lat(i)), lon: round5(this.lon(i)), country: this.country(i),
      kind: this.kind(i), source: this.source(i),
    };
    const region = this.adminName(i);
    if (region && this.cls(i) !== CLS_ADMIN1 && this.cls(i) !== CLS_COUNTRY) ref.region = region;
    const pop = this.population(i);
    if (pop > 0) ref.population = pop;
    const area = this.areaKm2(i);
    if (area) ref.areaKm2 = area;
    return ref;
  }
}

function round5(v: number): number { return Math.round(v * 1e5) / 1e5; }

/** Great-circle distance in km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export const gazetteerProvider: KnowledgeProvider<Gazetteer> = {
  id: 'gazetteer',
  load(options, report: (p: KnowledgeProblem) => void) {
    const file = path.join(options.dataDir, GAZETTEER_FILE);
    let base: BaseIndex | undefined;
    try {
      base = loadBase(file);
    } catch (e) {
      report({ file, message: `gazetteer not loaded (${(e as Error).message.replace(/^ENOENT.*/, 'file missing')}); run \`npm run build:data\`` });
    }
    const g = new Gazetteer(base);
    for (const f of options.gazetteers) {
      for (const e of loadAnalystGazetteer(f, report)) g.addExtra(e);
    }
    return g;
  },
};

export { CLS_ADMIN1, CLS_ADMIN2, CLS_CAPITAL, CLS_COUNTRY, CLS_FEATURE, CLS_PLACE, CLS_REGION, CLS_SEAT1 };
