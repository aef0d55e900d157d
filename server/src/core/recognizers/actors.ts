// Actors by name: the catalogue's names and aliases (data/actors, the analyst's `dateline.actors` files) in
// running text, longest match first; acronyms only as written in capitals (SDF, HTS, IRGC). Emits
// organization mentions carrying `actor`. Priority 25: an actor's name wins over a place inside it
// (Syrian Democratic Forces, not Syrian); the place refiner still hangs the place on it (actor.country aside).
import type { SegmentRecognizer } from '../api';
import { Actor, actorsProvider, ActorCatalog, isAcronym } from '../actors/catalog';
import { expandAbbrev, finishWords } from '../geo/keys';
import { segmentSpans, segmentTokenId, tokenTable } from '../geo/tokens';
import { charClass, TB_DIGIT, TB_INITUPPER, TB_LOWER, TB_UNCASED, TB_UPPER, UPPER } from '../text/tokenize';
import type { Mention } from '../types';

function capitalized(text: string, s: number): boolean { return charClass(text.charCodeAt(s)) === UPPER; }

// What the recognizer knows about a token text for one catalogue, by interned id (geo/tokens.ts).
const A_DONE = 1, A_START = 2, A_ACRONYM = 4, A_WORDY = 8;

/** Token bits (TB_*) that only letters and digits give: a token with one of them is `[\p{L}\p{N}]`-wordy. */
const TB_WORDY = TB_UPPER | TB_LOWER | TB_DIGIT | TB_UNCASED;

/** `/^the$/i.test(t)`. */
function isThe(t: string): boolean {
  return t.length === 3 && (t.charCodeAt(0) | 32) === 116 && (t.charCodeAt(1) | 32) === 104 && (t.charCodeAt(2) | 32) === 101;
}

/** `al`, `el`, or `al-`/`el-` and a capital: an Arabic article written in lower case. */
function articleLed(t: string): boolean {
  return (t.charCodeAt(0) === 97 || t.charCodeAt(0) === 101) && t.charCodeAt(1) === 108 &&
    (t.length === 2 || (t.charCodeAt(2) === 45 && t.length > 3 && capitalized(t, 3)));
}
/** Token k is an Arabic article in lower case that starts a name: `al-Qaeda`, or `al` before a capitalised token. */
function articleStart(text: string, k: number, starts: Int32Array, ends: Int32Array, n: number): boolean {
  const s = starts[k];
  // Most lower-case tokens fail on their first two letters, before anything is sliced.
  const c0 = text.charCodeAt(s);
  if ((c0 !== 97 && c0 !== 101) || text.charCodeAt(s + 1) !== 108 || !articleLed(text.slice(s, ends[k]))) return false;
  return ends[k] - s > 2 || (k + 1 < n && starts[k + 1] === ends[k] + 1 && capitalized(text, starts[k + 1]));
}

/** The flags of a token text; `bits` are its tokenizer bits (TB_*). */
function actorFlags(id: number, bits: number, cat: ActorCatalog): number {
  const t = tokenTable.text(id);
  let f = A_DONE;
  const acronym = isAcronym(t);
  if (acronym) f |= A_ACRONYM;
  if ((bits & TB_WORDY) !== 0 || /[\p{L}\p{N}]/u.test(t)) f |= A_WORDY;
  // A window starts on a capitalised word other than `the` that is a known acronym or the first word of a name,
  // or on an Arabic article written in lower case (`al Qaeda`, `al-Shabaab`; the loop checks the capital after it).
  if ((capitalized(t, 0) || articleLed(t)) && !isThe(t)) {
    if (acronym && cat.lookupAcronym(t).length > 0) f |= A_START;
    else {
      const fw = tokenTable.raw(id);
      if (fw.length > 0 && cat.firstWords.has(fw[0] === 'the' && fw.length > 1 ? fw[1] : fw[0])) f |= A_START;
    }
  }
  return f;
}

/**
 * Token flags per catalogue, reset when the token table starts afresh. Room from the start for more ids than
 * the token table holds (1 << 17, plus a segment's): a growth met first on real text would make the
 * optimizing compiler throw the recognizer's code away.
 */
const flagState = { cat: undefined as ActorCatalog | undefined, generation: -1, flags: new Uint8Array(1 << 18), pairs: new Uint8Array(0) as Uint8Array };

/**
 * The first two letters (lower case a-z) that a window's first token can begin with: those of the names' first
 * words and of the acronyms. A token beginning with two other ASCII letters starts no window (tokens that
 * begin otherwise, or with `th` for a leading `the`, are looked at in full).
 */
function letterPairs(cat: ActorCatalog): Uint8Array {
  const pairs = new Uint8Array(26 * 26);
  const add = (w: string) => {
    const a = (w.charCodeAt(0) | 32) - 97, b = (w.charCodeAt(1) | 32) - 97;
    if (w.length >= 2 && a >= 0 && a < 26 && b >= 0 && b < 26) pairs[a * 26 + b] = 1;
  };
  for (const w of cat.firstWords) add(w);
  for (const a of cat.acronyms()) add(a);
  pairs[('t'.charCodeAt(0) - 97) * 26 + ('h'.charCodeAt(0) - 97)] = 1;
  return pairs;
}

export function recognizeActors(text: string, cat: ActorCatalog): Mention[] {
  const spans = segmentSpans(text);
  const n = spans.count;
  if (flagState.cat !== cat || flagState.generation !== tokenTable.generation) {
    if (flagState.cat !== cat) flagState.pairs = letterPairs(cat);
    flagState.cat = cat; flagState.generation = tokenTable.generation; flagState.flags.fill(0);
  }
  const pairs = flagState.pairs;
  // The scratch's own arrays (valid below n; nothing here tokenizes again before we are done).
  const starts = spans.starts, ends = spans.ends, bits = spans.bits;
  const tok = (k: number) => text.slice(starts[k], ends[k]);
  const flagOf = (k: number): number => {
    const id = segmentTokenId(text, k);
    let fl = flagState.flags;
    if (id >= fl.length) { const g = new Uint8Array(Math.max(id + 1, fl.length * 2)); g.set(fl); flagState.flags = fl = g; }
    let f = fl[id];
    if (f === 0) fl[id] = f = actorFlags(id, bits[k], cat);
    return f;
  };
  let allCaps: boolean | undefined;
  const out: Mention[] = [];
  let k = 0;
  while (k < n) {
    // Only a capitalised token can start a name (TB_INITUPPER: its first code point is upper case), or an Arabic
    // article in lower case before a capital (`al Qaeda`, `al-Shabaab`).
    if (!(bits[k] & TB_INITUPPER) && !articleStart(text, k, starts, ends, n)) { k++; continue; }
    if (ends[k] - starts[k] >= 2) {
      const a = text.charCodeAt(starts[k]) - 65, b = (text.charCodeAt(starts[k] + 1) | 32) - 97;
      if (a >= 0 && a < 26 && b >= 0 && b < 26 && !pairs[a * 26 + b]) { k++; continue; }
    }
    if (!(flagOf(k) & A_START)) { k++; continue; }
    let matched = 0;
    let actorId = '';
    // Longest alias first, over words of any case (Syrian army, US-led coalition), never across punctuation.
    const maxLen = Math.min(cat.maxWords, n - k);
    const words: string[][] = [];
    // The window stops growing once its words (abbreviations expanded, as before a further word) are no
    // prefix of any name: no longer window can match then (a token with no folded words adds nothing).
    let prefix = '';
    let bounded = true;
    for (let len = 1; len <= maxLen; len++) {
      const j = k + len - 1;
      if (!(flagOf(j) & A_WORDY)) break;
      const w = tokenTable.raw(segmentTokenId(text, j));
      if (len === 1 && w[0] === 'the') bounded = false; // finishWords drops a leading `the`: no bound
      if (bounded && len > 1 && w.length > 0 && !cat.namePrefixes.has(prefix)) break;
      words.push(w);
      for (const x of w) prefix = prefix ? prefix + ' ' + expandAbbrev(x) : expandAbbrev(x);
    }
    const acronym = (flagOf(k) & A_ACRONYM) !== 0;
    for (let len = words.length; len >= 1 && !matched; len--) {
      const flat = finishWords(([] as string[]).concat(...words.slice(0, len)));
      if (flat.length === 0) continue;
      let found: Actor[] = [];
      if (len === 1 && acronym) {
        allCaps ??= !/\p{Ll}/u.test(text);
        if (!allCaps) found = cat.lookupAcronym(tok(k));
      }
      if (found.length === 0 && !(len === 1 && acronym)) found = cat.lookupWords(flat);
      if (found.length === 0) continue;
      const last = k + len - 1;
      if (len === 1 && !acronym) {
        // One capitalised word inside a longer name is not this actor (Richard Wagner, Sea of Azov).
        const before = k > 0 && capitalized(text, starts[k - 1]) && ends[k - 1] + 1 >= starts[k] && k - 1 > 0;
        const after = last + 1 < n && capitalized(text, starts[last + 1]) && starts[last + 1] <= ends[last] + 1;
        const ofBefore = k >= 3 && tok(k - 1) === 'of' && capitalized(text, starts[k - 2]);
        if (before || after || ofBefore) continue;
      }
      matched = len;
      actorId = found[0].id;
    }
    if (!matched) { k++; continue; }
    const s = starts[k], e = ends[k + matched - 1];
    const actor = cat.get(actorId)!;
    out.push({ category: 'organization', start: s, end: e, text: text.slice(s, e), source: 'actors', actor: cat.ref(actor) });
    k += matched;
  }
  return out;
}

export const actorsRecognizer: SegmentRecognizer = {
  id: 'actors',
  categories: ['organization'],
  priority: 25,
  recognize(segment, ctx) {
    if (ctx.settings.categories.organization === false) return [];
    return recognizeActors(segment.text, ctx.knowledge.get(actorsProvider));
  },
};
