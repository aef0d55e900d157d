// Names made with a compass adjective. `Southern Syria`, `Eastern Damascus`: the name tagger often calls them
// organisations or misc names, and the places refiner then links the place inside them as the name's `place`
// (as it does for `Dublin City Council`). A compass adjective and a place are a part of that place: a place. The
// adjective alone before a lower-case word (`the Northern part of`, `its Southern flank`), which the tagger
// sometimes takes for a name (and the gazetteer has regions called `Northern`), is no name at all.
// Runs after the places refiner (it reads the place links), before the actors refiner.
import type { Refiner } from '../api';
import type { Annotation } from '../types';

/** Northern ... Western, North-eastern, Northeastern ... (capitalised: a name's first word). */
export const COMPASS_WORD = '(?:North|South|East|West|North-?[Ee]ast|North-?[Ww]est|South-?[Ee]ast|South-?[Ww]est)ern';
const COMPASS = new RegExp(`^${COMPASS_WORD}$`);

interface Span { start: number; end: number }

/** Whether `a` is a compass adjective and a place linked inside the name: `Southern Syria`. */
function partOfPlace(a: Annotation): boolean {
  if ((a.category !== 'organization' && a.category !== 'misc') || !a.place) return false;
  const span = a.data?.placeSpan as Span | undefined;
  if (!span || span.end !== a.end || span.start <= a.start) return false;
  const head = a.text.slice(0, span.start - a.start);
  return head.endsWith(' ') && COMPASS.test(head.slice(0, -1));
}

/** Whether `a` is a compass adjective alone, followed by a lower-case word. */
function bareAdjective(a: Annotation, text: string): boolean {
  if (a.category === 'misc' || a.end - a.start < 7 || a.end - a.start > 14) return false;
  if (a.category !== 'place' && a.category !== 'organization' && a.category !== 'person') return false;
  if (!COMPASS.test(a.text)) return false;
  let i = a.end;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 0xa0)) i++;
  const c = text.charCodeAt(i);
  return i > a.end && c >= 97 && c <= 122;
}

export const compassNames: Refiner = {
  id: 'compass-names',
  order: 55,
  refine(annotations, doc) {
    let dropped: Set<Annotation> | undefined;
    for (let i = 0; i < annotations.length; i++) {
      const a = annotations[i];
      // Most annotations are neither: their length (7 letters at least: `Western`) and first letter (N, S, E, W)
      // are compared first.
      if (a.end - a.start < 7) continue;
      const c = a.text.charCodeAt(0);
      if (c !== 78 && c !== 83 && c !== 69 && c !== 87) continue;
      if (partOfPlace(a)) a.category = 'place';
      else if (bareAdjective(a, doc.text)) (dropped ??= new Set()).add(a);
    }
    return dropped ? annotations.filter(a => !dropped!.has(a)) : annotations;
  },
};
