// Names that the words around them make places, though no gazetteer knows them: the tagger's person, misc or
// organisation right before a lower-case word for a kind of place (`al-Zarfa crossroad`, `Tal Abyad countryside`,
// `Jaliqam junction`), or before a distance and a direction (`Khebreh al-Shahmeh 4km away from al-Tanf`, `Sake, 25
// km west of the city`). Conflict reports name hamlets, crossroads and hills no gazetteer lists; the tagger, which
// has not seen them, guesses. They become places, unlinked (their card says they are not on the map).
// Catalogue actors and names already carrying a place are left alone, and so is a misc name of one word (`the Kurdish
// town of`, `a Moslem village`: adjectives). Order 52: after the places refiner has
// linked what it could, before the compass names.
import type { Refiner } from '../api';
import type { Annotation } from '../types';

/** Lower-case words for a kind of place that follow its name. */
const PLACE_NOUNS = new Set(['crossroad', 'crossroads', 'junction', 'checkpoint', 'roundabout', 'village', 'town', 'district',
  'neighbourhood', 'neighborhood', 'suburb', 'countryside', 'valley', 'hill', 'highway']);
/** A distance after a name: a number and a unit, apart or together (`25 km`, `4km`), then a direction or `from`. */
const DISTANCE_AFTER = /^,?[ \u00a0]+\d[\d,.]*[ \u00a0]?(?:km|kms|kilometers|kilometres|miles|mi)[ \u00a0]+(?:away|from|north|south|east|west|northeast|northwest|southeast|southwest|outside|to[ \u00a0]+the)\b/;

/** The lower-case word right after `end`, if one space stands between. */
function wordAfter(text: string, end: number): string {
  if (text.charCodeAt(end) !== 32) return '';
  let e = end + 1;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (c < 97 || c > 122) break;
    e++;
  }
  return text.slice(end + 1, e);
}

function placeCue(a: Annotation, text: string): boolean {
  if (PLACE_NOUNS.has(wordAfter(text, a.end))) return true;
  const c = text.charCodeAt(a.end);
  return (c === 32 || c === 44) && DISTANCE_AFTER.test(text.slice(a.end, a.end + 40));
}

export const placeCues: Refiner = {
  id: 'place-cues',
  order: 52,
  refine(annotations, doc) {
    if (!doc.settings.categories.place) return annotations;
    const text = doc.text;
    let out: Annotation[] | undefined;
    for (let i = 0; i < annotations.length; i++) {
      const a = annotations[i];
      if (a.source !== 'ner' || a.place || a.actor) continue;
      const cat = a.category;
      if (cat !== 'person' && cat !== 'misc' && cat !== 'organization') continue;
      // A misc name of one word before `town` is an adjective (`the Kurdish town of Arbil`, `a Moslem village`).
      if (cat === 'misc' && !/[ \-]/.test(a.text)) continue;
      // The cheap test first: a space or comma after the name.
      const c = text.charCodeAt(a.end);
      if (c !== 32 && c !== 44) continue;
      if (!placeCue(a, text)) continue;
      (out ??= annotations.slice())[i] = { ...a, category: 'place', unresolved: true, data: { ...a.data, placeCue: true } };
    }
    return out ?? annotations;
  },
};
