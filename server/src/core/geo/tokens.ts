// Token spans of a segment shared by the actors and gazetteer recognizers: the pipeline runs the recognizers
// one after another on each segment, so the second one reuses the first one's tokens instead of scanning the
// segment again. The spans are valid until the next call with another text (no recognizer calls back into
// another one while it reads them).
//
// Tokens are also interned: `segmentTokenId` gives each distinct token text a small number without building a
// string (a hash over the char codes, checked against the stored text), so the recognizers keep what they
// learn about a word (folded form, word lists it is in, dictionary hits) in arrays indexed by that number.
// News repeats its words: most tokens are known after the first few kilobytes.
import { TokenSpans, tokenSpans } from '../text/tokenize';
import { foldRaw } from './keys';

/** Distinct token texts kept before the table starts afresh (a few MB at most). */
const MAX_TOKENS = 1 << 17;

/**
 * An interning table of token texts: (text, start, end) -> id, allocation-free for known tokens. Slots hold
 * the hash and the id side by side, and the texts' char codes sit in one array, so that a look-up touches
 * few cache lines.
 */
export class TokenTable {
  size = 0;
  /** Bumped when the table is cleared: ids of an older generation mean nothing any more. */
  generation = 0;
  private strs: string[] = [];
  /** Slot p: [hash, id + 1] at 2p, 2p + 1 (id + 1 = 0: empty). */
  private slots = new Int32Array(4096);
  /** Char codes of token id at chars[charOff[id], charOff[id + 1]). */
  private chars = new Uint16Array(16384);
  private charOff = new Int32Array(1024);
  private raws: (string[] | undefined)[] = [];
  private lowers: (string | undefined)[] = [];

  clear(): void {
    this.size = 0;
    this.generation++;
    this.strs = [];
    this.raws = [];
    this.lowers = [];
    this.slots = new Int32Array(4096);
    this.chars = new Uint16Array(16384);
    this.charOff = new Int32Array(1024);
  }

  /** The id of `text.slice(s, e)`, interned on first sight. */
  intern(text: string, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    const slots = this.slots, mask = (slots.length >> 1) - 1, len = e - s;
    let p = h & mask;
    for (;;) {
      const v = slots[2 * p + 1];
      if (v === 0) break;
      if (slots[2 * p] === h) {
        const id = v - 1;
        const o = this.charOff[id];
        if (this.charOff[id + 1] - o === len) {
          const chars = this.chars;
          let i = 0;
          while (i < len && chars[o + i] === text.charCodeAt(s + i)) i++;
          if (i === len) return id;
        }
      }
      p = (p + 1) & mask;
    }
    const id = this.size++;
    this.strs.push(text.slice(s, e));
    this.raws.push(undefined);
    this.lowers.push(undefined);
    if (id + 2 > this.charOff.length) { const a = new Int32Array(this.charOff.length * 2); a.set(this.charOff); this.charOff = a; }
    const o = this.charOff[id];
    if (o + len > this.chars.length) { const a = new Uint16Array(Math.max(this.chars.length * 2, o + len)); a.set(this.chars); this.chars = a; }
    for (let i = 0; i < len; i++) this.chars[o + i] = text.charCodeAt(s + i);
    this.charOff[id + 1] = o + len;
    slots[2 * p] = h;
    slots[2 * p + 1] = id + 1;
    if (this.size * 4 > slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2), mask = (slots.length >> 1) - 1;
    for (let q = 0; q < old.length; q += 2) {
      if (old[q + 1] === 0) continue;
      let p = old[q] & mask;
      while (slots[2 * p + 1] !== 0) p = (p + 1) & mask;
      slots[2 * p] = old[q];
      slots[2 * p + 1] = old[q + 1];
    }
    this.slots = slots;
  }

  text(id: number): string { return this.strs[id]; }
  /** `foldRaw` of the token (shared: read it, do not change it). */
  raw(id: number): string[] { return this.raws[id] ??= foldRaw(this.strs[id]); }
  lower(id: number): string { return this.lowers[id] ??= this.strs[id].toLowerCase(); }
}

export const tokenTable = new TokenTable();

const scratch = new TokenSpans(512);
let lastText: string | undefined;
/** Interned id of each token of the last segment, -1 where not asked yet. */
let ids = new Int32Array(512);

export function segmentSpans(text: string): TokenSpans {
  if (text !== lastText) {
    tokenSpans(text, scratch);
    lastText = text;
    // Cleared only between segments, so ids stay valid while a recognizer reads one segment.
    if (tokenTable.size > MAX_TOKENS) tokenTable.clear();
    if (ids.length < scratch.count) ids = new Int32Array(scratch.starts.length);
    ids.fill(-1, 0, scratch.count);
  }
  return scratch;
}

/** The interned id of token k of the segment last given to `segmentSpans` (which must be `text`). */
export function segmentTokenId(text: string, k: number): number {
  let id = ids[k];
  if (id < 0) ids[k] = id = tokenTable.intern(text, scratch.starts[k], scratch.ends[k]);
  return id;
}
