// Links actors: organisation names the NER found that the catalogue knows get their `actor`; a country or a
// capital that acts (Russia brokered, Washington has declared, Moscow and Tehran backed) keeps its place and
// gets the government as its actor. Order 60: after the places are linked, before overlaps are settled.
import type { Refiner } from '../api';
import { actorsProvider } from '../actors/catalog';
import { actingTest } from '../actors/acting';
import { CLS_CAPITAL } from '../geo/format';
import { Gazetteer, gazetteerProvider } from '../geo/gazetteer';
import type { Annotation, PlaceRef } from '../types';

export const actorsRefiner: Refiner = {
  id: 'actors',
  order: 60,
  refine(annotations, doc) {
    const cat = doc.knowledge.get(actorsProvider);
    let gz: Gazetteer | undefined;
    const acts = actingTest(doc.text, annotations, a => !!a.place || a.category === 'place');
    // Catalogue look-ups per distinct name (names repeat through an article).
    const byName = new Map<string, ReturnType<typeof cat.lookup>>();
    const lookup = (t: string) => { let r = byName.get(t); if (!r) byName.set(t, r = cat.lookup(t.replace(/^the\s+/i, ''))); return r; };
    const capitals = new Map<string, ReturnType<typeof cat.capital>>();
    const capitalOf = (t: string) => { if (capitals.has(t)) return capitals.get(t); const r = cat.capital(t); capitals.set(t, r); return r; };
    return annotations.map(a => {
      if (a.actor) return a;
      if (a.category === 'organization' || a.category === 'misc') {
        const found = lookup(a.text);
        if (found.length === 0) return a;
        return { ...a, actor: cat.ref(found[0]) };
      }
      if (a.category !== 'place') return a;
      const capital = capitalOf(a.text);
      if (a.place && (a.place.kind === 'country' || a.place.kind === 'capital') || capital) {
        if (!acts(a)) return a;
        const g = gz ??= doc.knowledge.get(gazetteerProvider);
        const cc = capital?.country || a.place?.country;
        const actor = capital ?? (cc ? cat.government(cc, g.countryName(cc)) : undefined);
        if (!actor) return a;
        const b: Annotation = { ...a, actor: cat.ref(actor) };
        // The capital of the government that acts, not a namesake (Moscow, Idaho).
        if (capital && (!a.place || a.place.country !== actor.country || a.place.kind !== 'capital')) {
          const hit = g.lookup(a.text).find(c => g.cls(c.entry) === CLS_CAPITAL && g.country(c.entry) === actor.country);
          if (hit) { b.place = g.placeRef(hit.entry); b.unresolved = undefined; return b; }
        }
        // A capital standing for its government settles an ambiguous name: Washington is the U.S. capital.
        const alts = a.data?.ambiguous as PlaceRef[] | undefined;
        const cap = !a.place && alts ? alts.find(p => p.kind === 'capital' && p.country === actor.country) : undefined;
        if (cap) { b.place = cap; b.unresolved = undefined; }
        return b;
      }
      return a;
    });
  },
};
