// Links every place mention (the gazetteer recognizer's and the NER's) to the best gazetteer entry with
// document-level disambiguation (geo/linker.ts), sets `place`, marks `unresolved` where no entry fits, drops
// the gazetteer's proposals that the document does not bear out, and settles disagreements with the NER:
// - a gazetteer name inside a longer NER person/organization/misc name goes (Syrian in Syrian Democratic Forces);
// - the same span as a NER person or misc: a country, state or region with a locative cue stays a place
//   (in Jordan), anything else is left to the NER (Jordan said, for a person);
// - the same span as a NER organization stays both (a country or capital acting: the actors refiner adds the actor);
// - overlapping place spans: the one that links wins, the longer between two that link.
// Cost: one gazetteer look-up per distinct NER place name (memoised per knowledge), linking over distinct names.

import type { Refiner } from '../api';
import { actingTest } from '../actors/acting';
import { candEntry, candFlag, candStrict, EV_DATELINE, EV_DIRECTION, EV_MULTI, EV_PREP, EV_TITLE, GazetteerData, packCandidate } from '../geo/evidence';
import { CLS_ADMIN1, CLS_COUNTRY, CLS_FEATURE, CLS_REGION, POST_DEMONYM } from '../geo/format';
import { Gazetteer, gazetteerProvider } from '../geo/gazetteer';
import { foldWords, looseKeyOfWords, looseTailKey } from '../geo/keys';
import { linkPlaces, LinkInput, LinkOutput } from '../geo/linker';
import type { Annotation, PlaceRef } from '../types';

/** Keys of a name as written, memoised: the same names recur on every edit. */
const keyMemo = new Map<string, { strict: string; loose: string; tail: string | undefined }>();
function keysOf(text: string): { strict: string; loose: string; tail: string | undefined } {
  let k = keyMemo.get(text);
  if (!k) {
    const words = foldWords(text);
    k = { strict: words.join(''), loose: words.length ? looseKeyOfWords(words) : '', tail: looseTailKey(text) };
    if (keyMemo.size > 50000) keyMemo.clear();
    keyMemo.set(text, k);
  }
  return k;
}

const lookupMemo = new WeakMap<Gazetteer, Map<string, number[]>>();
function lookupPacked(gz: Gazetteer, text: string): number[] {
  let memo = lookupMemo.get(gz);
  if (!memo) lookupMemo.set(gz, memo = new Map());
  let r = memo.get(text);
  if (!r) {
    r = gz.lookup(text, 24).map(c => packCandidate(c.entry, c.flag, c.strict));
    if (memo.size > 20000) memo.clear();
    memo.set(text, r);
  }
  return r;
}

/** Below this score margin over a rival more than 161 km away, a name is left ambiguous. */
const AMBIGUITY_MARGIN = 1.6;

const BIG = new Set([CLS_COUNTRY, CLS_ADMIN1, CLS_REGION]);
/**
 * The linker's result depends on the names, their evidence and which names stand as `This, That`, not on
 * their offsets: an edit that changes no place name (most edits) reuses the last result.
 */
const linkMemo = new WeakMap<Gazetteer, { sig: string; out: LinkOutput[] }>();
function linkCached(inputs: LinkInput[], gz: Gazetteer, text: string): LinkOutput[] {
  const parts: string[] = [];
  let prevEnd = -1;
  for (const m of [...inputs].sort((a, b) => a.start - b.start)) {
    const comma = prevEnd >= 0 && m.start - prevEnd <= 4 && /^\s*,\s*$/.test(text.slice(prevEnd, m.start)) ? ',' : '';
    parts.push(`${comma}${m.key}|${m.ev}|${m.confirmed ? 1 : 0}${m.modifier ? 1 : 0}${m.acting ? 1 : 0}|${m.cands.length ? m.cands[0] : ''}`);
    prevEnd = m.end;
  }
  // Inputs come in a fixed order (gazetteer mentions, then NER places, each by position): the order is part of the key.
  const sig = parts.join('\n') + '#' + inputs.map(m => m.key).join('\n');
  const hit = linkMemo.get(gz);
  if (hit && hit.sig === sig) return hit.out;
  const out = linkPlaces(inputs, gz, text);
  linkMemo.set(gz, { sig, out });
  return out;
}

const NAME_CATEGORIES = new Set(['person', 'organization', 'misc']);

export const places: Refiner = {
  id: 'places',
  order: 50,
  refine(annotations, doc) {
    const gz = doc.knowledge.get(gazetteerProvider);
    const isGz = (a: Annotation) => a.source === 'gazetteer' && a.category === 'place' && !!a.data?.gz;
    const gzList: Annotation[] = [], nerPlaces: Annotation[] = [], names: Annotation[] = [];
    for (const a of annotations) {
      if (isGz(a)) gzList.push(a);
      else if (a.category === 'place' && !a.place) nerPlaces.push(a);
      else if (NAME_CATEGORIES.has(a.category)) names.push(a);
    }
    if (gzList.length === 0 && nerPlaces.length === 0) return annotations;
    const drop = new Set<Annotation>();
    // One PlaceRef per entry, copied for each mention (one sense per discourse: names repeat).
    const refs = new Map<number, PlaceRef>();
    const placeRef = (e: number): PlaceRef => {
      let r = refs.get(e);
      if (!r) refs.set(e, r = gz.placeRef(e));
      return { ...r };
    };

    // Settle overlaps with the NER's names.
    const others = [...names, ...nerPlaces].sort((a, b) => a.start - b.start);
    const sameSpanName = new Map<Annotation, Annotation>();
    const modifierOf = new Map<Annotation, Annotation>();
    const nerConfirmed = new Set<Annotation>();
    for (const g of gzList) {
      for (const o of overlapping(others, g)) {
        if (o.category === 'place') {
          if (o.start === g.start && o.end === g.end) { drop.add(o); nerConfirmed.add(g); continue; } // the same name: keep the one with candidates, confirmed by the NER
          const gInsideO = o.start <= g.start && o.end >= g.end;
          const oInsideG = g.start <= o.start && g.end >= o.end;
          if (oInsideG) { drop.add(o); continue; }
          const oLinks = nameLike(o.text) && lookupPacked(gz, o.text).some(candStrict);
          if (gInsideO && oLinks) { drop.add(g); continue; }
          // Only a loose match inside the NER's longer place name (Ossetia in South Ossetia): the NER's name stands.
          if (gInsideO && nameLike(o.text) && !(g.data!.gz as GazetteerData).c.some(candStrict)) { drop.add(g); continue; }
          if (gInsideO) { drop.add(o); continue; }
          if (oLinks) drop.add(g); else drop.add(o);
          continue;
        }
        if (o.start === g.start && o.end === g.end) {
          if (o.category === 'organization') continue; // both: the place that acts
          sameSpanName.set(g, o);
          continue;
        }
        // A longer place name than the NER's place or misc name (the al-Tanf garrison, Tishreen dam): the longer one.
        if (g.start <= o.start && g.end >= o.end) { if (o.category === 'misc') drop.add(o); continue; }
        // Inside or across a NER name: the NER's name wins when it looks like one name; a span joining two
        // names or running over lower-case words (Moscow and Tehran, Abu Kamal near the) is the NER's slip and
        // the gazetteer's name stays. A place inside an organisation's or event's name (Texas Department of
        // ..., Dublin City Council, University of Alexandria, Georgian Interior Ministry) is linked and the
        // organisation carries it as its `place`.
        if (o.source !== 'actors' && !nameLike(o.text)) { if (o.source === 'ner') drop.add(o); continue; }
        if (o.category !== 'person' && g.start >= o.start && g.end <= o.end) { modifierOf.set(g, o); continue; }
        drop.add(g);
      }
    }

    // Link.
    const inputs: LinkInput[] = [];
    const subjects: Annotation[] = [];
    for (const g of gzList) {
      if (drop.has(g)) continue;
      const d = g.data!.gz as GazetteerData;
      inputs.push({ start: g.start, end: g.end, key: keysOf(g.text).strict, cands: d.c, ev: d.ev, confirmed: nerConfirmed.has(g), modifier: modifierOf.has(g) });
      subjects.push(g);
    }
    for (const p of nerPlaces) {
      if (drop.has(p)) continue;
      inputs.push({ start: p.start, end: p.end, key: keysOf(p.text).strict, cands: lookupPacked(gz, p.text), ev: 0, confirmed: true });
      subjects.push(p);
    }
    let subjectIndex: Map<Annotation, number> | undefined;
    // A NER name made of nothing but place names (Egyptian-US, Syria-Turkey) is those places, not one name.
    const hostParts = new Map<Annotation, Annotation[]>();
    for (const [g, host] of modifierOf) { const l = hostParts.get(host); if (l) l.push(g); else hostParts.set(host, [g]); }
    for (const [host, parts] of hostParts) {
      if (parts.length < 2 || host.source === 'actors') continue;
      const rest = host.text.split('');
      for (const g of parts) for (let i = g.start; i < g.end; i++) rest[i - host.start] = ' ';
      if (/^[\s\-–/,&]*(and)?[\s\-–/,&]*$/.test(rest.join(''))) {
        drop.add(host);
        subjectIndex ??= new Map(subjects.map((a, i) => [a, i]));
        for (const g of parts) { modifierOf.delete(g); const k = subjectIndex.get(g); if (k !== undefined) inputs[k].modifier = false; }
      }
    }
    const acts = actingTest(doc.text, subjects, () => true);
    subjects.forEach((a, i) => { inputs[i].acting = acts(a); });
    const out = linkCached(inputs, gz, doc.text);

    const changed = new Map<Annotation, Annotation>();
    for (let i = 0; i < subjects.length; i++) {
      const a = subjects[i], r = out[i], inp = inputs[i];
      if (!r.accept) { drop.add(a); continue; }
      const host = modifierOf.get(a);
      if (host) {
        drop.add(a);
        if (r.entry < 0 || gz.unresolved(r.entry)) continue;
        // Several places in one name (Paris-Henry County Arts Council): the best linked one.
        const h = changed.get(host) ?? { ...host };
        const prevScore = (h.data?.placeScore as number | undefined) ?? -Infinity;
        if (!h.place || r.score > prevScore) {
          h.place = placeRef(r.entry);
          h.data = { ...h.data, placeSpan: { start: a.start, end: a.end, text: a.text }, placeEntry: r.entry, placeScore: r.score, countryName: gz.countryName(h.place.country) };
          changed.set(host, h);
        }
        continue;
      }
      const other = sameSpanName.get(a);
      if (other) {
        // The NER calls it a person: only a country, state or region after a locative word stays a place.
        // It calls it misc (a nationality, an event): a demonym, a feature or a cued name stays a place.
        const cls = r.entry >= 0 ? gz.cls(r.entry) : -1;
        const cand = inp.cands.find(c => candEntry(c) === r.entry);
        const strict = cand !== undefined && candStrict(cand);
        const big = cls === CLS_COUNTRY || cls === CLS_ADMIN1 || cls === CLS_REGION;
        const cue = (inp.ev & (EV_PREP | EV_DIRECTION)) !== 0;
        const pop = r.entry >= 0 ? gz.population(r.entry) : 0;
        const titled = (inp.ev & EV_TITLE) !== 0;
        const strong = other.category === 'person'
          ? !titled && (strict ? big || (cue && pop >= 1000) || (inp.ev & EV_DATELINE) !== 0
            : cue && (inp.ev & EV_MULTI) !== 0 && (big || pop >= 100000))
          : strict && (big || cue || cls === CLS_FEATURE || (cand !== undefined && candFlag(cand) === POST_DEMONYM));
        if (strong) drop.add(other); else { drop.add(a); continue; }
      }
      const { gz: _gz, ...restData } = (a.data ?? {}) as Record<string, unknown>;
      void _gz;
      // `a` is this analysis's own copy (the pipeline copies every cached mention): update it in place; only
      // its `data` object is shared with the recognizer cache, so that is replaced, never changed.
      const b: Annotation = a;
      b.data = restData;
      let entry = r.entry;
      // A name the NER found that matches only loosely a small place nobody else supports stays unresolved.
      if (entry >= 0 && inp.confirmed && !inp.cands.some(c => candEntry(c) === entry && candStrict(c)) &&
        gz.population(entry) < 10000 && !BIG.has(gz.cls(entry))) entry = -1;
      // The document does not settle between two far-apart places of this name: say so rather than guess.
      if (entry >= 0 && r.farMargin < AMBIGUITY_MARGIN) {
        b.unresolved = true;
        b.place = undefined;
        b.data = { ...b.data, ambiguous: [placeRef(entry), placeRef(r.rival)], countryNames: [gz.countryName(gz.country(entry)), gz.countryName(gz.country(r.rival))] };
      } else if (entry >= 0 && gz.unresolved(entry)) {
        b.unresolved = true;
        b.place = undefined;
        b.data = { ...b.data, knownFeature: { id: gz.id(entry), name: gz.name(entry), kind: gz.kind(entry), country: gz.country(entry), countryName: gz.countryName(gz.country(entry)), note: gz.note(entry) } };
      } else if (entry >= 0) {
        b.place = placeRef(entry);
        b.unresolved = undefined;
        b.data = { ...b.data, placeEntry: entry, countryName: gz.countryName(b.place.country), placeNote: gz.note(entry), aliases: gz.aliases(entry).slice(0, 8) };
        // A nationality (Iraqi, Syrians) is a misc name that points at its country, not a place name.
        if (inp.cands.some(c => candEntry(c) === entry && candFlag(c) === POST_DEMONYM) &&
          !inp.cands.some(c => candEntry(c) === entry && candFlag(c) !== POST_DEMONYM)) b.category = 'misc';
      } else {
        b.unresolved = true;
      }
      changed.set(a, b);
    }
    // Names the NER calls misc that spell a place of this article another way (Deir Ezzur after Deir ez-Zor,
    // al-Dakou after Tal al-Dekou) are that place.
    const byLoose = new Map<string, Annotation>();
    for (const b of changed.values()) {
      if (b.category !== 'place' || (!b.place && !b.data?.knownFeature)) continue;
      const { loose: lk, tail } = keysOf(b.text);
      if (lk.length > 4 && !byLoose.has(lk)) byLoose.set(lk, b);
      if (tail && tail.length > 4 && !byLoose.has(tail)) byLoose.set(tail, b);
    }
    if (byLoose.size > 0) {
      for (const a of annotations) {
        if (a.category !== 'misc' || drop.has(a) || changed.has(a) || a.actor) continue;
        const lk = keysOf(a.text).loose;
        if (!lk) continue;
        const b = byLoose.get(lk);
        if (!b) continue;
        changed.set(a, { ...a, category: 'place', place: b.place, unresolved: b.unresolved, data: { ...a.data, ...b.data, coreferent: b.text } });
      }
    }
    const result: Annotation[] = [];
    for (const a of annotations) {
      if (drop.has(a)) continue;
      result.push(changed.get(a) ?? a);
    }
    return result;
  },
};

const PARTICLE = /^(of|de|del|la|le|du|des|da|do|al|el|ad|ar|as|az|ez|ash|bin|ibn|the|and|on|upon|van|von|der|y)$/;
/** Whether a span looks like one name: capitalised words and name particles, no lists or clauses. */
function nameLike(text: string): boolean {
  if (/,|;| and | & /.test(text)) return false;
  const words = text.split(/\s+/);
  for (const w of words) {
    if (!w) continue;
    if (/^[\p{Lu}\p{N}"'“(]/u.test(w) || /^[a-z]{1,3}-\p{Lu}/u.test(w)) continue;
    if (PARTICLE.test(w)) continue;
    return false;
  }
  return true;
}

/** The annotations of a start-sorted list that overlap `g` (a short scan: lists are small per document). */
function overlapping(sorted: Annotation[], g: Annotation): Annotation[] {
  const out: Annotation[] = [];
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (sorted[mid].start < g.start) lo = mid + 1; else hi = mid; }
  // Walk back over earlier starts that may still reach into g (names are short).
  let i = lo;
  while (i > 0 && g.start - sorted[i - 1].start < 200) i--;
  for (; i < sorted.length && sorted[i].start < g.end; i++) {
    const o = sorted[i];
    if (o.end > g.start && o.start < g.end) out.push(o);
  }
  return out;
}
