// DL103 distance-vs-map: a stated distance between two places the article names that contradicts their
// geodesic distance on the map — `Palmyra lies 40 km from Homs` (Tadmur and Homs are 150 km apart).
//
// Patterns (one sentence, both places linked to settlements of the gazetteer — cities, towns, villages;
// countries and regions have no single point):
//   P1, [a town] D [direction] of|from|outside P2     `Hajin, about 100 km southeast of Deir ez-Zor`
//   P1 lies|is|sits [located] D … from P2             `Palmyra lies 40 km from Homs`
//   P1 (D … of P2)                                    `Hajin (100 km south of Deir ez-Zor)`
//   P1 and P2 are D apart                             `Homs and Hama are 45 km apart`
//   D between P1 and P2 / D … from P1 to P2           `the 45 km between Homs and Hama` (a route)
// A bracketed conversion after D is skipped (`35 kilometers (22 miles) south of Homs`).
//
// Tolerance: the map distance g is between the two points; the places have an extent (radius r from the
// population, placeRadiusKm), and stated distances are often by road. The check is silent when
//   g - max(25% of g, 2 × (r1 + r2), 10 km)  ≤  D  ≤  g + max(50% of g, 2 × (r1 + r2), 10 km)
// A route — `by road`, `drive`, `from P1 to P2`, `between` — may wind: it is only checked for being too short.
// A hedge widens both sides by
// another 10% of g (`about`, `some`); `more than D` is only checked for being too long, `less than`/`up to`/
// `nearly` for being too short. Ranges: the low end for the upper test, the high end for the lower test.
//
// No fix: the right distance depends on the route the writer meant.
import type { Check } from '../api';
import { CLS_CAPITAL, distanceKm, Gazetteer, gazetteerProvider } from '../geo/gazetteer';
import { ObjectMemo } from '../memo';
import type { Annotation, FigureValue, Finding } from '../types';
import { annotationIndex, approxNumber, CATEGORY_CODE, positionsOf, bounds, display, examined, figure, hedgeOf, hedgeStartBefore, isPointPlace, placeLabel, placeRadiusKm } from './support';

const S = '[ \\u00a0]+';
/** `text.slice(lo, end)` without a hedge (and the spaces after it) at its end. */
function withoutHedge(text: string, lo: number, end: number): string {
  if (end <= lo) return '';
  const h = hedgeStartBefore(text, lo, end, 0);
  return text.slice(lo, h >= 0 ? h : end);
}
const KIND_NOUN = '(?:city|town|village|hamlet|settlement|camp|base|crossing|port|outpost|district|suburb|neighbourhood|neighborhood|area|site|oasis|locality|community|municipality|capital|stronghold)';
/** Between P1 and D (the hedge before D removed). */
const P1_TO_D = new RegExp(
  `^(?:,${S}(?:(?:a|an|the)${S}(?:[\\p{L}-]+${S}){0,3}?${KIND_NOUN}${S}(?:(?:that|which)${S}(?:is|lies|sits)${S}|located${S}|situated${S}|lying${S})?)?` +
  `(?:(?:which|that)${S}(?:is|lies|sits)${S}|located${S}|situated${S}|lying${S})?` +
  `|${S}\\(` +
  `|${S}(?:(?:which|that)${S})?(?:is|lies|lay|sits|sat|was|are|were)(?:${S}(?:located|situated|only|just))?${S}` +
  `|${S}(?:located|situated|lying|sitting)${S})$`, 'u');
const DIRECTION = `(?:(?:to${S}the${S})?(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?|due${S}(?:north|south|east|west))`;
/** Between D and P2. */
const D_TO_P2 = new RegExp(
  `^(?:${S}?\\([^()]{0,40}\\))?${S}(?:(by${S}road|by${S}car|drive|'s${S}drive|by${S}air|as${S}the${S}crow${S}flies)${S})?` +
  `(?:${DIRECTION}${S}(?:of|from)|(?:away${S})?from|outside(?:${S}of)?|off|of)${S}` +
  `(?:the${S}(?:(?:[\\p{Ll}-]+${S})?${KIND_NOUN}${S}of${S})?)?$`, 'iu');
const APART = new RegExp(`^${S}and${S}$`, 'u');
const ARE = new RegExp(`^${S}(?:are|were|lie|lay|sit|are${S}located|are${S}situated)${S}(?:only${S}|just${S})?$`, 'u');
const AFTER_APART = /^[ \u00a0]+apart\b/;
const BETWEEN = new RegExp(`^(?:${S}?\\([^()]{0,40}\\))?${S}(?:[\\p{L}-]+${S}){0,3}?between${S}$`, 'u');
const FROM_TO_HEAD = new RegExp(`^(?:${S}?\\([^()]{0,40}\\))?${S}(?:[\\p{L}-]+${S}){0,3}?from${S}$`, 'u');
const TO = new RegExp(`^${S}to${S}$`, 'u');

/** After P2: the distance is to something of P2's (`40 km from the Homs border`), not to P2 itself. */
const NOT_THE_PLACE_AFTER = /^(?:['’]s[ \u00a0]|[ \u00a0]+(?:border|borders|frontier|road|highway|motorway|airport|airbase|province|governorate|countryside|region|district|area|junction|crossing|checkpoint|base|river|dam|line|front|outskirts|suburbs|city limits|coast)\b)/;

interface Claim { d: Annotation; p1: Annotation; p2: Annotation; route: boolean }

function isPoint(a: Annotation | undefined): a is Annotation {
  return !!a && isPlaceMention(a) && !!a.place && !a.unresolved && isPointPlace(a.place);
}

export const distanceVsMap: Check = {
  code: 'DL103',
  name: 'distance-vs-map',
  title: 'Distance contradicts the map',
  defaultSeverity: 'warning',
  run(annotations, doc) {
    const out: Finding[] = [];
    const text = doc.text;
    // Places and distances in text order, with their neighbours; other annotations are transparent
    // only where the patterns allow (a bracketed conversion). Besides places, the other names the
    // gazetteer placed (the index keeps those apart); categories are read from the index.
    const ix = annotationIndex(annotations, doc);
    const pos = positionsOf(ix, ['place', 'distance'], ix.withPlace.filter(i => isPlaceMention(annotations[i])));
    const list = pos.map(i => annotations[i]);
    const { cats, starts } = ix;
    const DISTANCE = CATEGORY_CODE.distance;
    const claims: Claim[] = [];
    for (let i = 0; i < list.length; i++) {
      if (cats[pos[i]] !== DISTANCE) continue;
      const d = list[i];
      if (!figure(d)) continue;
      // The conversion in brackets right after a distance is part of it.
      let j = i + 1;
      while (j < list.length && cats[pos[j]] === DISTANCE && starts[pos[j]] - d.end < 12 && /^[ \u00a0]*[([]/.test(text.slice(d.end, list[j].start))) j++;
      const next = list[j], after = list[j + 1];
      const prev = list[i - 1], prev2 = list[i - 2];
      const gapAfter = next ? text.slice(d.end, next.start) : '';

      // P1 … D … of/from P2
      if (isPoint(prev) && isPoint(next) && D_TO_P2.test(gapAfter)) {
        const between = withoutHedge(text, prev.end, d.start);
        if (between.length <= 80 && P1_TO_D.test(between)) {
          const route = /by\s+road|by\s+car|drive/i.test(gapAfter);
          claims.push({ d, p1: prev, p2: next, route });
          continue;
        }
      }
      // P1 and P2 are D apart
      if (isPoint(prev) && isPoint(prev2) && APART.test(text.slice(prev2.end, prev.start)) &&
          ARE.test(withoutHedge(text, prev.end, d.start)) && AFTER_APART.test(text.slice(d.end, d.end + 8))) {
        claims.push({ d, p1: prev2, p2: prev, route: false });
        continue;
      }
      // D … between P1 and P2 / D … from P1 to P2
      if (isPoint(next) && isPoint(after)) {
        if (BETWEEN.test(gapAfter) && APART.test(text.slice(next.end, after.start))) {
          claims.push({ d, p1: next, p2: after, route: true });
          continue;
        }
        if (FROM_TO_HEAD.test(gapAfter) && TO.test(text.slice(next.end, after.start))) {
          claims.push({ d, p1: next, p2: after, route: true });
          continue;
        }
      }
    }

    examined(doc, 'DL103', claims.length);
    const gz = doc.knowledge.get(gazetteerProvider);
    for (const c of claims) {
      const p1 = c.p1.place!, p2 = c.p2.place!;
      if (p1.id === p2.id) continue;
      // The claim's verdict and its messages are a function of the inputs below (the place references are
      // rebuilt by the places refiner on every run, so their fields are compared, not the objects): kept per
      // distance value across analyses and placed at the current offsets.
      const v = figure(c.d)!;
      const inputs = [gz, c.d.text, c.route, text.slice(c.p2.end, c.p2.end + 20),
        c.p1.text, p1.id, p1.name, p1.country, p1.lat, p1.lon, p1.source, p1.areaKm2, p1.population,
        c.p2.text, p2.id, p2.name, p2.country, p2.lat, p2.lon, p2.source, p2.areaKm2, p2.population];
      const verdict = VERDICTS.get(v, inputs, () => judge(gz, c, v, text));
      if (!verdict) continue;
      out.push({
        code: 'DL103',
        severity: 'warning',
        start: c.d.start,
        end: c.d.end,
        message: verdict.message,
        related: [
          { start: c.p1.start, end: c.p1.end, message: verdict.related1 },
          { start: c.p2.start, end: c.p2.end, message: verdict.related2 },
        ],
        annotations: [c.d.id, c.p1.id, c.p2.id],
      });
    }
    return out;
  },
};

/** A claim's messages when the map contradicts it (offsets are the caller's). */
interface Verdict { message: string; related1: string; related2: string }
/** Keyed by the distance's value (the recognizer's object, shared across analyses by its cache). */
const VERDICTS = new ObjectMemo<FigureValue, Verdict | null>();

/** Whether the map contradicts a claim (two different places), and the messages when it does. */
function judge(gz: Gazetteer, c: Claim, v: FigureValue, text: string): Verdict | null {
  const p1 = c.p1.place!, p2 = c.p2.place!;
  if (NOT_THE_PLACE_AFTER.test(text.slice(c.p2.end, c.p2.end + 20))) return null;
  const [lo, hi] = bounds(v.si);
  const statedLoKm = lo / 1000, statedHiKm = hi / 1000;
  const g = distanceKm(p1.lat, p1.lon, p2.lat, p2.lon);
  const h = hedgeOf(v);
  const { below, above } = limits(g, placeRadiusKm(p1), placeRadiusKm(p2), h);
  const tooShort = h !== 'lower' && statedHiKm < g - below;
  // A route (by road, from P1 to P2, between them) winds: it can be any length above the straight line.
  const tooLong = !c.route && h !== 'upper' && statedLoKm > g + above;
  if (!tooShort && !tooLong) return null;
  // The names may belong to other places (a small town linked to a namesake city far away): when any pair of
  // settlements of these names fits the stated distance, the text is not contradicted, the link may be.
  if (otherPairFits(gz, c, lo / 1000, hi / 1000, h, c.route)) return null;
  const l1 = placeLabel(c.p1), l2 = placeLabel(c.p2);
  const stated = display(c.d);
  return {
    message: `${stated} between ${l1} and ${l2}, but the map puts them ${approxNumber(g)} km apart in a straight line ` +
      `(the check allows ${c.route ? `at least ${approxNumber(Math.max(0, g - below))} km for a route` :
        `${approxNumber(Math.max(0, g - below))}–${approxNumber(g + above)} km`}).`,
    related1: `${l1}: ${p1.lat.toFixed(3)}, ${p1.lon.toFixed(3)} (${p1.source})`,
    related2: `${l2}: ${p2.lat.toFixed(3)}, ${p2.lon.toFixed(3)} (${p2.source})`,
  };
}

/** How far below and above the map distance g a stated distance may be (see the header). */
function limits(g: number, r1: number, r2: number, h: ReturnType<typeof hedgeOf>): { below: number; above: number } {
  const extent = 2 * (r1 + r2);
  const widen = h === 'exact' ? 0 : 0.1 * g;
  return { below: Math.max(0.25 * g, extent, 10) + widen, above: Math.max(0.5 * g, extent, 10) + widen };
}

function fits(g: number, r1: number, r2: number, loKm: number, hiKm: number, h: ReturnType<typeof hedgeOf>, route: boolean): boolean {
  const { below, above } = limits(g, r1, r2, h);
  const tooShort = h !== 'lower' && hiKm < g - below;
  const tooLong = !route && h !== 'upper' && loKm > g + above;
  return !tooShort && !tooLong;
}

const pairMemo = new WeakMap<Gazetteer, Map<string, boolean>>();

/** Whether some other pair of settlements with the two names (strict matches) fits the stated distance. */
function otherPairFits(gz: Gazetteer, c: Claim, loKm: number, hiKm: number, h: ReturnType<typeof hedgeOf>, route: boolean): boolean {
  let memo = pairMemo.get(gz);
  if (!memo) pairMemo.set(gz, memo = new Map());
  const key = `${c.p1.text}\u0000${c.p2.text}\u0000${loKm}\u0000${hiKm}\u0000${h}\u0000${route}`;
  let r = memo.get(key);
  if (r === undefined) {
    r = anyPairFits(gz, c, loKm, hiKm, h, route);
    if (memo.size > 5000) memo.clear();
    memo.set(key, r);
  }
  return r;
}

function anyPairFits(gz: Gazetteer, c: Claim, loKm: number, hiKm: number, h: ReturnType<typeof hedgeOf>, route: boolean): boolean {
  const settlements = (name: string) => gz.lookup(name, 24).filter(x => x.strict && gz.cls(x.entry) <= CLS_CAPITAL && !gz.unresolved(x.entry))
    .map(x => ({ lat: gz.lat(x.entry), lon: gz.lon(x.entry), r: placeRadiusKm(gz.placeRef(x.entry)) }));
  const a = settlements(c.p1.text), b = settlements(c.p2.text);
  for (const x of a) for (const y of b) {
    if (fits(distanceKm(x.lat, x.lon, y.lat, y.lon), x.r, y.r, loKm, hiKm, h, route)) return true;
  }
  return false;
}

/**
 * A mention that names a place as a whole: a place, or another name the gazetteer placed on its whole span
 * (the tagger may call a sentence-initial town an organization; a place inside a longer name does not count).
 */
function isPlaceMention(a: Annotation): boolean {
  return a.category === 'place' || (!!a.place && a.category !== 'misc' && !a.data?.placeSpan);
}
