// Analysts' own gazetteers (setting `dateline.gazetteers`): GeoNames dump files (the tab-separated XX.txt
// country dumps, all feature classes), GeoJSON point features, and CSV (`name,lat,lon,aliases,kind`).
// A malformed line is reported with file and line and skipped; the rest of the file still loads.

import * as fs from 'fs';
import * as path from 'path';
import type { KnowledgeProblem } from '../knowledge/knowledge';
import { CLS_ADMIN1, CLS_ADMIN2, CLS_CAPITAL, CLS_COUNTRY, CLS_FEATURE, CLS_PLACE, CLS_REGION, CLS_SEAT1, CLS_SEAT2, CLS_SECTION } from './format';

export interface AnalystEntry {
  id: string;
  name: string;
  aliases: string[];
  lat: number;
  lon: number;
  population: number;
  kind: string;
  cls: number;
  country: string;
  region?: string;
  adminKey?: string;
  source: string;
}

type Report = (p: KnowledgeProblem) => void;

export function loadAnalystGazetteer(file: string, report: Report): AnalystEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    report({ file, message: `cannot read the gazetteer: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return [];
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.geojson' || ext === '.json') return parseGeoJson(file, text, report);
  if (ext === '.csv') return parseCsv(file, text, report);
  if (ext === '.txt' || ext === '.tsv') return parseGeoNames(file, text, report);
  // Unknown extension: guess by content.
  const head = text.trimStart();
  if (head.startsWith('{')) return parseGeoJson(file, text, report);
  if (/^[^\n]*\t/.test(head)) return parseGeoNames(file, text, report);
  return parseCsv(file, text, report);
}

const SOURCE = (file: string) => `analyst gazetteer ${path.basename(file)}`;

function validLatLon(lat: number, lon: number): string | undefined {
  if (!isFinite(lat) || !isFinite(lon)) return 'latitude and longitude must be numbers';
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside -90..90`;
  if (lon < -180 || lon > 180) return `longitude ${lon} is outside -180..180`;
  return undefined;
}

/** Class of an analyst's free-text kind. */
export function classOfKind(kind: string): number {
  const k = kind.toLowerCase();
  if (k === 'country') return CLS_COUNTRY;
  if (k === 'capital') return CLS_CAPITAL;
  if (/^(state|province|governorate|oblast|region|admin1)$/.test(k)) return CLS_ADMIN1;
  if (/^(county|district|parish|admin2|municipality)$/.test(k)) return CLS_ADMIN2;
  if (/^(continent|large region)$/.test(k)) return CLS_REGION;
  if (/^(city|town|village|populated place|settlement|hamlet|neighbourhood|neighborhood|camp)$/.test(k) || k === '') return CLS_PLACE;
  return CLS_FEATURE;
}

// ---------------------------------------------------------------- GeoNames dumps

/** Display names of the GeoNames feature codes analysts meet most in conflict work. */
const FCODES: Record<string, string> = {
  PPL: 'populated place', PPLA: 'seat of a first-order division', PPLA2: 'seat of a second-order division', PPLC: 'capital',
  PPLX: 'section of populated place', PPLL: 'populated locality', PPLQ: 'abandoned populated place', PPLW: 'destroyed populated place',
  ADM1: 'first-order administrative division', ADM2: 'second-order administrative division', ADM3: 'third-order administrative division',
  PCLI: 'country', RGN: 'region', AREA: 'area', DSRT: 'desert', MT: 'mountain', MTS: 'mountains', HLL: 'hill', HLLS: 'hills',
  PK: 'peak', VAL: 'valley', WAD: 'wadi', PLAT: 'plateau', STM: 'stream', LK: 'lake', RSV: 'reservoir', DAM: 'dam',
  BDG: 'bridge', RD: 'road', RDJCT: 'road junction', PSTB: 'border post', CSTM: 'customs house', MILB: 'military base',
  INSM: 'military installation', AIRB: 'airbase', AIRP: 'airport', AIRF: 'airfield', CMP: 'camp', CMPRF: 'refugee camp',
  OILF: 'oil field', GASF: 'gas field', PS: 'power station', PSN: 'nuclear power station', OILR: 'oil refinery', PRT: 'port',
  ISL: 'island', CAPE: 'cape', BAY: 'bay', STRT: 'strait', CHN: 'channel', GULF: 'gulf', SEA: 'sea', OAS: 'oasis', WLL: 'well',
  ANS: 'archaeological site', RUIN: 'ruin', MSQE: 'mosque', CH: 'church', HSP: 'hospital', SCH: 'school', UNIV: 'university',
  PRN: 'prison', FT: 'fort', CSTL: 'castle', TOWR: 'tower', STDM: 'stadium', MKT: 'market', FCL: 'facility',
};

function classOfFcode(fclass: string, fcode: string, pop: number): [number, string] {
  if (fclass === 'P') {
    if (fcode === 'PPLC') return [CLS_CAPITAL, 'capital'];
    if (fcode === 'PPLA') return [CLS_SEAT1, pop >= 100000 ? 'city' : 'town'];
    if (/^PPLA[2-5]$|^PPLG$/.test(fcode)) return [CLS_SEAT2, pop >= 100000 ? 'city' : pop >= 5000 ? 'town' : 'village'];
    if (/^PPL[XHQW]$/.test(fcode)) return [CLS_SECTION, FCODES[fcode] ?? 'populated place'];
    return [CLS_PLACE, pop >= 100000 ? 'city' : pop >= 5000 ? 'town' : 'village'];
  }
  if (fclass === 'A') {
    if (fcode.startsWith('PCL')) return [CLS_COUNTRY, 'country'];
    if (fcode === 'ADM1') return [CLS_ADMIN1, 'region'];
    if (fcode === 'ADM2') return [CLS_ADMIN2, 'district'];
    return [CLS_ADMIN2, FCODES[fcode] ?? 'administrative division'];
  }
  if (fclass === 'L' && (fcode === 'RGN' || fcode === 'AREA')) return [CLS_FEATURE, FCODES[fcode]];
  return [CLS_FEATURE, FCODES[fcode] ?? (fcode ? `GeoNames ${fclass}.${fcode}` : 'feature')];
}

export function parseGeoNames(file: string, text: string, report: Report): AnalystEntry[] {
  const out: AnalystEntry[] = [];
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    const at = { file, line: n + 1 };
    if (f.length < 15) { report({ ...at, message: `expected the 19 tab-separated GeoNames columns, found ${f.length}` }); continue; }
    const id = f[0].trim();
    if (!/^\d+$/.test(id)) { report({ ...at, message: `geonameid "${f[0]}" is not a number` }); continue; }
    const name = f[1].trim();
    if (!name) { report({ ...at, message: 'empty name' }); continue; }
    const lat = Number(f[4]), lon = Number(f[5]);
    const bad = f[4].trim() === '' || f[5].trim() === '' ? 'latitude and longitude must be numbers' : validLatLon(lat, lon);
    if (bad) { report({ ...at, message: bad }); continue; }
    const pop = Number(f[14]) || 0;
    const [cls, kind] = classOfFcode(f[6], f[7], pop);
    const aliases = new Set<string>();
    if (f[2] && f[2] !== name) aliases.add(f[2]);
    for (const a of (f[3] ?? '').split(',')) if (a && a !== name && a.length >= 3) aliases.add(a);
    out.push({
      id: `geonames:${id}`, name, aliases: [...aliases], lat, lon, population: pop, kind, cls, country: f[8] ?? '',
      adminKey: f[10] ? `${f[8]}.${f[10]}` : undefined, source: `${SOURCE(file)} (GeoNames ${id})`,
    });
  }
  return out;
}

// ---------------------------------------------------------------- GeoJSON

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function parseGeoJson(file: string, text: string, report: Report): AnalystEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    report({ file, line: m ? lineAt(text, Number(m[1])) : undefined, message: `not valid JSON: ${(e as Error).message}` });
    return [];
  }
  const d = doc as { type?: string; features?: unknown[] };
  const features = d?.type === 'FeatureCollection' && Array.isArray(d.features) ? d.features : d?.type === 'Feature' ? [d] : undefined;
  if (!features) { report({ file, line: 1, message: 'expected a GeoJSON FeatureCollection of Point features' }); return []; }
  // Where each feature starts, for messages: the n-th `"type": "Feature"` in the text.
  const starts: number[] = [];
  const re = /"type"\s*:\s*"Feature"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index);
  const out: AnalystEntry[] = [];
  features.forEach((raw, k) => {
    const line = starts[k] !== undefined ? lineAt(text, starts[k]) : undefined;
    const f = raw as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown>; id?: unknown };
    const p = f?.properties ?? {};
    const name = typeof p.name === 'string' ? p.name.trim() : '';
    if (!name) { report({ file, line, message: `feature ${k + 1} has no "name" property` }); return; }
    if (f.geometry?.type !== 'Point' || !Array.isArray(f.geometry.coordinates)) {
      report({ file, line, message: `feature "${name}": only Point geometries are read (found ${f.geometry?.type ?? 'none'})` }); return;
    }
    const [lon, lat] = f.geometry.coordinates as number[];
    const bad = typeof lon !== 'number' || typeof lat !== 'number' ? 'coordinates must be [longitude, latitude] numbers' : validLatLon(lat, lon);
    if (bad) { report({ file, line, message: `feature "${name}": ${bad}` }); return; }
    const aliases = Array.isArray(p.aliases) ? p.aliases.filter((a): a is string => typeof a === 'string')
      : typeof p.aliases === 'string' ? p.aliases.split(/[;|]/).map(s => s.trim()).filter(Boolean) : [];
    const kind = typeof p.kind === 'string' ? p.kind : 'place';
    out.push({
      id: `analyst:${path.basename(file)}:${typeof f.id === 'string' || typeof f.id === 'number' ? f.id : k + 1}`,
      name, aliases, lat, lon, population: typeof p.population === 'number' ? p.population : 0, kind, cls: classOfKind(kind),
      country: typeof p.country === 'string' ? p.country.toUpperCase() : '', region: typeof p.region === 'string' ? p.region : undefined,
      source: SOURCE(file),
    });
  });
  return out;
}

// ---------------------------------------------------------------- CSV

/** Splits one CSV line (RFC 4180 quoting within the line). */
export function splitCsvLine(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0, field = '';
  let quoted = false;
  while (i <= line.length) {
    const c = line[i];
    if (quoted) {
      if (c === undefined) return undefined; // unterminated quote
      if (c === '"') { if (line[i + 1] === '"') { field += '"'; i += 2; continue; } quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === undefined || c === ',') { out.push(field); field = ''; i++; continue; }
    if (c === '"' && field.trim() === '') { quoted = true; field = ''; i++; continue; }
    field += c; i++;
  }
  return out;
}

export function parseCsv(file: string, text: string, report: Report): AnalystEntry[] {
  const out: AnalystEntry[] = [];
  const lines = text.split(/\r?\n/);
  let cols = { name: 0, lat: 1, lon: 2, aliases: 3, kind: 4, country: -1 };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const f = splitCsvLine(line);
    const at = { file, line: n + 1 };
    if (!f) { report({ ...at, message: 'unterminated quoted field' }); continue; }
    if (n === 0 || (out.length === 0 && /^\s*name\s*$/i.test(f[0]))) {
      const lower = f.map(s => s.trim().toLowerCase());
      if (lower.includes('name') && lower.includes('lat')) {
        cols = { name: lower.indexOf('name'), lat: lower.indexOf('lat'), lon: lower.indexOf('lon'), aliases: lower.indexOf('aliases'), kind: lower.indexOf('kind'), country: lower.indexOf('country') };
        if (cols.lon < 0) cols.lon = lower.indexOf('lng');
        continue;
      }
    }
    const get = (k: number) => (k >= 0 && k < f.length ? f[k].trim() : '');
    const name = get(cols.name);
    if (!name) { report({ ...at, message: 'empty name' }); continue; }
    const latS = get(cols.lat), lonS = get(cols.lon);
    if (!latS || !lonS) { report({ ...at, message: `"${name}": missing latitude or longitude (expected name,lat,lon,aliases,kind)` }); continue; }
    const lat = Number(latS), lon = Number(lonS);
    const bad = validLatLon(lat, lon);
    if (bad) { report({ ...at, message: `"${name}": ${bad}` }); continue; }
    const kind = get(cols.kind) || 'place';
    out.push({
      id: `analyst:${path.basename(file)}:${n + 1}`, name,
      aliases: get(cols.aliases).split(/[;|]/).map(s => s.trim()).filter(Boolean),
      lat, lon, population: 0, kind, cls: classOfKind(kind), country: get(cols.country).toUpperCase(), source: SOURCE(file),
    });
  }
  return out;
}

export { CLS_REGION, CLS_PLACE };
