// Links actors: organisation names the NER found that the catalogue knows get their `actor`; a country or a
// capital that acts (Russia brokered, Washington has declared, Moscow and Tehran backed) keeps its place and
// gets the government as its actor. Order 60: after the places are linked, before overlaps are settled.
// Catalogue look-ups are memoised per name across runs (this runs on every edit; names repeat).
import type { DocumentContext, Refiner } from '../api';
import { Actor, ActorCatalog, actorsProvider, isAcronym } from '../actors/catalog';
import { actingTest } from '../actors/acting';
import { CLS_CAPITAL } from '../geo/format';
import { Gazetteer, gazetteerProvider } from '../geo/gazetteer';
import type { Annotation, PlaceRef } from '../types';

interface NameMemo {
  /** Actors named so (a leading `the` aside). */
  byName: Map<string, Actor[]>;
  /** The government a capital's name stands for (null: none). */
  capitals: Map<string, Actor | null>;
}
const memos = new WeakMap<ActorCatalog, NameMemo>();
function memoOf(cat: ActorCatalog): NameMemo {
  let m = memos.get(cat);
  if (!m) memos.set(cat, m = { byName: new Map(), capitals: new Map() });
  if (m.byName.size > 50000) m.byName.clear();
  if (m.capitals.size > 50000) m.capitals.clear();
  return m;
}

// One run's state (module level: refine does not re-enter); the per-annotation work is a small function,
// which V8 compiles early in the first run.
let CAT: ActorCatalog;
let MEMO: NameMemo;
let DOC: DocumentContext;
let GZ: Gazetteer | undefined;
let ACTS: (a: Annotation, i: number) => boolean;

function lookup(t: string): Actor[] {
  let r = MEMO.byName.get(t);
  if (!r) {
    r = CAT.lookup(t.replace(/^the\s+/i, ''));
    // An acronym the tagger found as a name (`M23`, `TPLF`), as written.
    if (r.length === 0 && isAcronym(t)) r = CAT.lookupAcronym(t);
    MEMO.byName.set(t, r);
  }
  return r;
}
function capitalOf(t: string): Actor | undefined {
  let r = MEMO.capitals.get(t);
  if (r === undefined) MEMO.capitals.set(t, r = CAT.capital(t) ?? null);
  return r ?? undefined;
}

function refineOne(a: Annotation, i: number): Annotation {
  if (a.actor) return a;
  const cat = CAT;
  const category = a.category;
  if (category === 'organization' || category === 'misc') {
    const found = lookup(a.text);
    if (found.length === 0) return a;
    // A name the tagger called misc that is a catalogue actor's own (`CSP-PSD`, `Syrian Army`) is that organisation;
    // a nationality that points at its country (`Iraqi`: its place is the whole name) stays misc.
    const demonym = a.place !== undefined && a.data?.placeSpan === undefined;
    return category === 'misc' && !demonym ? { ...a, category: 'organization', actor: cat.ref(found[0]) } : { ...a, actor: cat.ref(found[0]) };
  }
  if (category !== 'place') return a;
  if (!a.place && a.data?.ambiguous) {
    const abroad = capitalAbroad(a);
    if (abroad) return abroad;
  }
  const capital = capitalOf(a.text);
  if (!(a.place && (a.place.kind === 'country' || a.place.kind === 'capital') || capital)) return a;
  if (!ACTS(a, i)) return a;
  const g = GZ ??= DOC.knowledge.get(gazetteerProvider);
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

/** First-level regions (the kinds the gazetteer gives them). */
const REGION_KINDS = new Set(['state', 'province', 'governorate', 'region', 'oblast', 'county', 'district', 'territory',
  'department', 'prefecture', 'emirate', 'canton', 'municipality']);

/**
 * A name left ambiguous between a national capital and a region of the same country (`forces allied to
 * Washington`: Washington, D.C. or the state), in an article that links no other place of that country (the
 * country's own name aside), is the capital: news from abroad names a capital for its government. An article
 * about places in that country (U.S. local news) leaves it ambiguous.
 */
function capitalAbroad(a: Annotation): Annotation | undefined {
  const alts = a.data!.ambiguous as PlaceRef[];
  if (alts.length !== 2) return undefined;
  const cap = alts[0].kind === 'capital' ? alts[0] : alts[1].kind === 'capital' ? alts[1] : undefined;
  const other = cap === alts[0] ? alts[1] : alts[0];
  if (!cap || other.country !== cap.country || !REGION_KINDS.has(other.kind)) return undefined;
  if (placeCountries().has(cap.country)) return undefined;
  const data: Record<string, unknown> = {};
  for (const k of Object.keys(a.data!)) if (k !== 'ambiguous' && k !== 'countryNames') data[k] = a.data![k];
  data.settledAbroad = `${cap.name} rather than ${other.name} (${other.kind}): the article names no other place in the country`;
  return { ...a, place: cap, unresolved: undefined, data };
}

/** The countries of the places the article links, countries themselves and regions of the world aside (once per run). */
function placeCountries(): Set<string> {
  if (COUNTRIES) return COUNTRIES;
  const out = new Set<string>();
  for (const x of ANNOTATIONS) {
    const p = x.place;
    if (p && p.kind !== 'country' && p.country) out.add(p.country);
  }
  return COUNTRIES = out;
}
let COUNTRIES: Set<string> | undefined;
let ANNOTATIONS: readonly Annotation[] = [];

export const actorsRefiner: Refiner = {
  id: 'actors',
  order: 60,
  refine(annotations, doc) {
    CAT = doc.knowledge.get(actorsProvider);
    MEMO = memoOf(CAT);
    DOC = doc;
    GZ = undefined;
    COUNTRIES = undefined;
    ANNOTATIONS = annotations;
    ACTS = actingTest(doc.text, annotations, a => !!a.place || a.category === 'place');
    const n = annotations.length;
    const result: Annotation[] = new Array(n);
    for (let i = 0; i < n; i++) result[i] = refineOne(annotations[i], i);
    DOC = undefined as unknown as DocumentContext;
    ACTS = () => false;
    ANNOTATIONS = [];
    COUNTRIES = undefined;
    return result;
  },
};
