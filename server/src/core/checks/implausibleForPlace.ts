// DL108 implausible-for-place: a figure the place it is about cannot hold.
//
// 1. An area inside a country or region larger than the whole of it: `500,000 km² of Syria` (Syria:
//    185,180 km²), `5,000 hectares of farmland in northern Syria`. Pattern: the area, then `of`, `in`,
//    `across`, `inside`, `within` (after at most two lower-case words: `of farmland in`), a direction
//    (`northern`), the place. Flagged when the area exceeds the place's area by more than 10%.
// 2. The area of a country or region itself, stated (`Syria covers 1.85 million km²`; statements.ts),
//    off from the map's area by more than 25%.
// 3. A distance inside a place longer than the place can hold: `advanced 3,000 km into Syria`,
//    `a 40 km tunnel inside Damascus`. Pattern: the distance, then `into`, `inside`, `within`, `across`,
//    `deep into` the place. The longest distance inside a country or region is taken as 5 × √area (a
//    compact country's diagonal is about 1.5 × √area; long or scattered ones reach 5: Chile, Japan); inside a
//    city, 4 × its radius from the population (placeRadiusKm), at least 20 km.
// Areas come with the gazetteer (world-countries for countries; regions summed from their countries).
// A lower-bound hedge is still checked (`more than 500,000 km² of Syria`); an upper bound (`up to`) is not.
//
// No fix: the figure or the place may be the wrong one.
import type { Check } from '../api';
import type { Annotation, Finding, PlaceRef } from '../types';
import { annotationIndex, approxNumber, bounds, CATEGORY_CODE, display, examined, figure, hedgeOf, isPointPlace, placeLabel, placeRadiusKm, positionsOf } from './support';
import { statements } from './statements';

const S = '[ \\u00a0]+';
const REGION_WORDS = `(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest|rural|greater|mainland)${S})?`;
const AREA_OF = new RegExp(`^(?:${S}?\\([^()]{0,40}\\))?${S}(?:of${S}(?:[\\p{Ll}-]+${S}){0,2}?(?:(?:of|in|across|inside|within)${S})?|in${S}|across${S}|inside${S}|within${S})(?:the${S})?${REGION_WORDS}$`, 'u');
const DIST_IN = new RegExp(`^(?:${S}?\\([^()]{0,40}\\))?${S}(?:deep${S})?(?:into|inside|within|across)${S}(?:the${S})?${REGION_WORDS}(?:(?:city${S}of|town${S}of)${S})?$`, 'u');
/** After the place: what turns `into Syria` into something else (`into Syria's neighbours`, `into Syria from Turkey`). */
const PLACE_AFTER_BAD = /^(?:['’]s\b|[ \u00a0]+(?:border|borders|frontier|airspace|waters|coast|neighbours|neighbors)\b)/;

const AREA_SLACK = 1.1;
const STATED_AREA_TOLERANCE = 0.25;
const COUNTRY_EXTENT_FACTOR = 5;

function areaOf(p: PlaceRef): number | undefined {
  return p.areaKm2 && p.areaKm2 > 0 ? p.areaKm2 : undefined;
}

export const implausibleForPlace: Check = {
  code: 'DL108',
  name: 'implausible-for-place',
  title: 'Figure implausible for its place',
  defaultSeverity: 'warning',
  run(annotations, doc) {
    const out: Finding[] = [];
    const text = doc.text;
    // Places, distances and areas in list order; categories and starts are read from the index.
    const ix = annotationIndex(annotations, doc);
    const pos = positionsOf(ix, ['place', 'distance', 'area']);
    const { cats, starts } = ix;
    const PLACE = CATEGORY_CODE.place;
    const flagged = new Set<Annotation>();
    for (let i = 0; i < pos.length; i++) {
      if (cats[pos[i]] === PLACE) continue;
      const f = annotations[pos[i]];
      const v = figure(f);
      if (!v || hedgeOf(v) === 'upper') continue;
      // The next place, skipping a bracketed conversion.
      let j = i + 1;
      while (j < pos.length && cats[pos[j]] !== PLACE && /^[ \u00a0]*[([]/.test(text.slice(f.end, starts[pos[j]]))) j++;
      if (j >= pos.length || cats[pos[j]] !== PLACE || starts[pos[j]] - f.end > 80) continue;
      const p = annotations[pos[j]];
      if (!p.place || p.unresolved) continue;
      const gap = text.slice(f.end, p.start);
      if (PLACE_AFTER_BAD.test(text.slice(p.end, p.end + 12))) continue;
      const lo = bounds(v.si)[0];
      if (f.category === 'area') {
        const area = areaOf(p.place);
        if (!area || !AREA_OF.test(gap)) continue;
        examined(doc, 'DL108');
        const km2 = lo / 1e6;
        if (km2 <= area * AREA_SLACK) continue;
        flagged.add(f);
        out.push({
          code: 'DL108', severity: 'warning', start: f.start, end: f.end,
          message: `${display(f)} is more than the whole of ${placeLabel(p)}, which covers ${approxNumber(area)} km² ` +
            `(${(km2 / area).toFixed(km2 / area >= 10 ? 0 : 1)} times as much).`,
          related: [{ start: p.start, end: p.end, message: `${p.place.name}: ${approxNumber(area)} km² (${p.place.source})` }],
          annotations: [f.id, p.id],
        });
      } else {
        if (!DIST_IN.test(gap)) continue;
        examined(doc, 'DL108');
        const km = lo / 1000;
        const area = areaOf(p.place);
        let limit: number, how: string;
        if (area && !isPointPlace(p.place)) {
          limit = COUNTRY_EXTENT_FACTOR * Math.sqrt(area);
          how = `${p.place.name} covers ${approxNumber(area)} km²; no distance inside it is likely to exceed about ${approxNumber(limit)} km`;
        } else if (isPointPlace(p.place) && p.place.population) {
          const r = placeRadiusKm(p.place);
          limit = Math.max(20, 4 * r);
          how = `${p.place.name} (population ${approxNumber(p.place.population)}) is about ${approxNumber(2 * r)} km across; the check allows ${approxNumber(limit)} km`;
        } else continue;
        if (km <= limit) continue;
        out.push({
          code: 'DL108', severity: 'warning', start: f.start, end: f.end,
          message: `${display(f)} inside ${placeLabel(p)} is longer than the place can hold: ${how}.`,
          related: [{ start: p.start, end: p.end, message: `${p.place.name} (${p.place.kind}, ${p.place.source})` }],
          annotations: [f.id, p.id],
        });
      }
    }
    // The stated area of a country or region itself.
    for (const s of statements(annotations, doc)) {
      const p = s.subjectAnnotation;
      if (s.kind !== 'area' || !p?.place || p.unresolved || isPointPlace(p.place) || flagged.has(s.figure)) continue;
      const area = areaOf(p.place);
      const v = figure(s.figure);
      if (!area || !v) continue;
      examined(doc, 'DL108');
      const [lo, hi] = bounds(v.si).map(x => x / 1e6);
      const h = hedgeOf(v);
      const tol = STATED_AREA_TOLERANCE + (h === 'approx' ? 0.1 : 0);
      const tooBig = h !== 'upper' && lo > area * (1 + tol);
      const tooSmall = h !== 'lower' && hi < area * (1 - tol);
      if (!tooBig && !tooSmall) continue;
      out.push({
        code: 'DL108', severity: 'warning', start: s.figure.start, end: s.figure.end,
        message: `${placeLabel(p)} covers ${approxNumber(area)} km² on the map, not ${display(s.figure)} ` +
          `(${tooBig ? 'more' : 'less'} than the ${Math.round(tol * 100)}% the check allows).`,
        related: [{ start: p.start, end: p.end, message: `${p.place.name}: ${approxNumber(area)} km² (${p.place.source})` }],
        annotations: [s.figure.id, p.id],
      });
    }
    return out;
  },
};

