// What the hover cards need to know about the whole article, indexed once per analysis result: a card
// then costs the size of its own entity, not a scan of every annotation of a long document.
import type { AnalysisResult } from '../api';
import type { Annotation, PlaceRef } from '../types';

export interface EntityMentions {
  count: number;
  /** Each surface form and how often it occurs, in order of first occurrence. */
  forms: Map<string, number>;
}

export interface ArticleIndex {
  /** Mentions per place id. */
  places: Map<string, EntityMentions>;
  /** Mentions per actor id. */
  actors: Map<string, EntityMentions>;
  /** The article's distinct places, in order of first mention. */
  distinctPlaces: PlaceRef[];
}

const indexes = new WeakMap<AnalysisResult, ArticleIndex>();

function add(map: Map<string, EntityMentions>, id: string, a: Annotation): void {
  let e = map.get(id);
  if (!e) map.set(id, e = { count: 0, forms: new Map() });
  e.count++;
  e.forms.set(a.text, (e.forms.get(a.text) ?? 0) + 1);
}

export function articleIndex(result: AnalysisResult): ArticleIndex {
  let index = indexes.get(result);
  if (index) return index;
  index = { places: new Map(), actors: new Map(), distinctPlaces: [] };
  for (const a of result.annotations) {
    if (a.place) {
      if (!index.places.has(a.place.id)) index.distinctPlaces.push(a.place);
      add(index.places, a.place.id, a);
    }
    if (a.actor) add(index.actors, a.actor.id, a);
  }
  indexes.set(result, index);
  return index;
}
