// Numeric hashing for the name tagger: 32-bit hashes of words and features, built without allocating
// strings, and an open-addressing table from 32-bit keys to small values stored in typed arrays.

const FNV_OFFSET = 0x811c9dc5;
export { FNV_OFFSET };
const FNV_PRIME = 0x01000193;
export { FNV_PRIME };

/** One FNV-1a step. */
export function fnv(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

/** Murmur3's finalizer: a well-mixed unsigned 32-bit value. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a pair (order matters); cheap, meant to be mixed by `feature`. */
export function combine(a: number, b: number): number {
  return (Math.imul(a ^ 0x27d4eb2f, 0x9e3779b1) ^ b) >>> 0;
}

/** Feature hash of a template and a value; never 0 (0 marks an empty slot). */
export function feature(template: number, value: number): number {
  const h = mix(Math.imul(template + 0x3c6ef372, 0x9e3779b1) ^ value);
  return h === 0 ? 1 : h;
}
export function feature2(template: number, a: number, b: number): number {
  return feature(template, combine(a, b));
}
export function feature3(template: number, a: number, b: number, c: number): number {
  return feature(template, combine(combine(a, b), c));
}

/** Lower-case of a UTF-16 code unit, cached for the BMP. */
const LOWER = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) LOWER[c] = c;
for (let c = 65; c <= 90; c++) LOWER[c] = c + 32;
const LOWER_KNOWN = new Uint8Array(65536);
LOWER_KNOWN.fill(1, 0, 128);
export function lowerChar(c: number): number {
  if (LOWER_KNOWN[c] === 0) {
    const l = String.fromCharCode(c).toLowerCase();
    LOWER[c] = l.length === 1 ? l.charCodeAt(0) : c;
    LOWER_KNOWN[c] = 1;
  }
  return LOWER[c];
}

/** Hash of `text[start, end)` lower-cased, digits folded to `0` (the form the lexicons are keyed by). */
export function lowerHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) c = 48; else c = lowerChar(c);
    if (c === 0x2019) c = 39; // ’ = '
    h = fnv(h, c);
  }
  return h >>> 0;
}

/** Hash of a phrase from the lower hashes of its tokens. */
export function phraseStep(h: number, tokenHash: number): number {
  return mix(combine(h, tokenHash));
}
const PHRASE_SEED = 0x6a09e667;
export { PHRASE_SEED };

/**
 * Open-addressing table: uint32 keys (0 = empty) to uint32 values, capacity a power of two, linear probing.
 * Built once at training time and loaded as typed arrays.
 */
export class HashTable {
  readonly mask: number;
  /**
   * `premixed`: the keys are well-mixed hashes already (feature hashes), so their low bits are the slot;
   * otherwise (word and phrase hashes) they are mixed first.
   */
  constructor(readonly keys: Uint32Array, readonly values: Uint32Array, readonly premixed = false) {
    this.mask = keys.length - 1;
  }

  static withCapacity(n: number, load = 0.5, premixed = false): HashTable {
    let cap = 16;
    while (cap * load < n) cap *= 2;
    return new HashTable(new Uint32Array(cap), new Uint32Array(cap), premixed);
  }

  /** First slot to probe for `key`. */
  home(key: number): number { return (this.premixed ? key : mix(key)) & this.mask; }

  /** Slot of `key`, or -1. */
  find(key: number): number {
    const keys = this.keys, mask = this.mask;
    let i = this.home(key);
    for (;;) {
      const k = keys[i];
      if (k === key) return i;
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  get(key: number): number {
    const i = this.find(key === 0 ? 1 : key);
    return i < 0 ? 0 : this.values[i];
  }

  /** Sets (`or` = true: ORs into) the value of `key`. */
  set(key: number, value: number, or = false): void {
    if (key === 0) key = 1;
    const keys = this.keys, mask = this.mask;
    let i = this.home(key);
    while (keys[i] !== 0 && keys[i] !== key) i = (i + 1) & mask;
    if (keys[i] === 0) keys[i] = key;
    this.values[i] = or ? (this.values[i] | value) >>> 0 : value;
  }

  get size(): number {
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) n++;
    return n;
  }
}
