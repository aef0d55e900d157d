// Actors by name: the catalogue's names and aliases (data/actors, the analyst's `dateline.actors` files) in
// running text, longest match first; acronyms only as written in capitals (SDF, HTS, IRGC). Emits
// organization mentions carrying `actor`. Priority 25: an actor's name wins over a place inside it
// (Syrian Democratic Forces, not Syrian); the place refiner still hangs the place on it (actor.country aside).
import type { SegmentRecognizer } from '../api';
import { actorsProvider, ActorCatalog, isAcronym } from '../actors/catalog';
import { expandAbbrev, finishWords, foldRaw } from '../geo/keys';
import { segmentSpans } from '../geo/tokens';
import { charClass, UPPER } from '../text/tokenize';
import type { Mention } from '../types';

function capitalized(text: string, s: number): boolean { return charClass(text.charCodeAt(s)) === UPPER; }

export function recognizeActors(text: string, cat: ActorCatalog): Mention[] {
  const spans = segmentSpans(text);
  const n = spans.count;
  // The scratch's own arrays (valid below n; nothing here tokenizes again before we are done).
  const starts = spans.starts, ends = spans.ends;
  const tok = (k: number) => text.slice(starts[k], ends[k]);
  const allCaps = !/\p{Ll}/u.test(text);
  const out: Mention[] = [];
  let k = 0;
  while (k < n) {
    if (!capitalized(text, starts[k]) || /^the$/i.test(tok(k))) { k++; continue; }
    const first = tok(k);
    if (!(isAcronym(first) && cat.lookupAcronym(first).length > 0)) {
      const fw = foldRaw(first);
      if (fw.length === 0 || !cat.firstWords.has(fw[0] === 'the' && fw.length > 1 ? fw[1] : fw[0])) { k++; continue; }
    }
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
      const t = tok(k + len - 1);
      if (!/[\p{L}\p{N}]/u.test(t)) break;
      const w = foldRaw(t);
      if (len === 1 && w[0] === 'the') bounded = false; // finishWords drops a leading `the`: no bound
      if (bounded && len > 1 && w.length > 0 && !cat.namePrefixes.has(prefix)) break;
      words.push(w);
      for (const x of w) prefix = prefix ? prefix + ' ' + expandAbbrev(x) : expandAbbrev(x);
    }
    for (let len = words.length; len >= 1 && !matched; len--) {
      const flat = finishWords(([] as string[]).concat(...words.slice(0, len)));
      if (flat.length === 0) continue;
      let found = len === 1 && isAcronym(tok(k)) ? (allCaps ? [] : cat.lookupAcronym(tok(k))) : [];
      if (found.length === 0 && !(len === 1 && isAcronym(tok(k)))) found = cat.lookupWords(flat);
      if (found.length === 0) continue;
      const last = k + len - 1;
      if (len === 1 && !isAcronym(tok(k))) {
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
