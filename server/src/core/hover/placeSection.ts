// The place part of a hover card: canonical name and the article's other spellings of it, kind, region and country,
// coordinates with an OpenStreetMap link, distances to the article's other places, population and area,
// the source of the coordinates. Unresolved names say why they are not on the map (not in the gazetteer, a
// known feature without sourced coordinates, or two far-apart places the article does not choose between).
import type { AnalysisResult } from '../api';
import { distanceKm } from '../geo/gazetteer';
import type { Annotation, PlaceRef } from '../types';
import { articleIndex } from './articleIndex';
import { esc } from './markdown';

function fmt(n: number, digits = 5): string { return String(Math.round(n * 10 ** digits) / 10 ** digits); }

const ZOOM: Record<string, number> = { country: 5, continent: 3, region: 5, state: 6, province: 7, governorate: 7 };

export function osmLink(p: { lat: number; lon: number; kind?: string }): string {
  const z = ZOOM[p.kind ?? ''] ?? 10;
  const lat = fmt(p.lat), lon = fmt(p.lon);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=${z}/${lat}/${lon}`;
}

function where(p: PlaceRef, countryName: string | undefined): string {
  const parts = [p.kind];
  const geo = [p.region, countryName ?? p.country].filter(Boolean).join(', ');
  return geo ? `${parts.join('')} · ${geo}` : parts.join('');
}

export function placeSection(a: Annotation, result: AnalysisResult): string {
  const lines: string[] = [];
  const d = a.data ?? {};
  const p = a.place;
  if (!p) {
    const known = d.knownFeature as { name: string; kind: string; countryName?: string; country: string; note?: string } | undefined;
    const ambiguous = d.ambiguous as PlaceRef[] | undefined;
    if (known) {
      const country = known.countryName || known.country;
      lines.push(`**${esc(known.name)}** — ${esc(known.kind)}${country ? `, ${esc(country)}` : ''}`);
      lines.push(`Known to Dateline, but no source at hand gives its coordinates: not on the map.${known.note ? ` (${esc(known.note)})` : ''}`);
    } else if (ambiguous && ambiguous.length) {
      const names = (d.countryNames as string[] | undefined) ?? [];
      lines.push(`**${esc(a.text)}** — place, ambiguous`);
      lines.push(`The article does not say which: ${ambiguous.map((x, i) => `${esc(x.name)} (${esc(where(x, names[i]))}, [map](${osmLink(x)}))`).join(' or ')}.`);
    } else {
      lines.push(`**${esc(a.text)}** — place, unresolved`);
      lines.push('Not in the gazetteer (GeoNames cities500, countries, regions, the supplement, your `dateline.gazetteers`): not on the map.');
    }
    return lines.join('\n\n');
  }
  lines.push(`**${esc(p.name)}** — ${esc(where(p, d.countryName as string | undefined))}`);
  // Spellings of this place in the article.
  const index = articleIndex(result);
  const forms = index.places.get(p.id)?.forms ?? new Map<string, number>();
  const variants = [...forms.keys()].filter(f => f !== p.name);
  if (variants.length) lines.push(`In this article: ${variants.map(v => `“${esc(v)}”${forms.get(v)! > 1 ? ` (${forms.get(v)}×)` : ''}`).join(', ')}`);
  const aliases = (d.aliases as string[] | undefined)?.filter(x => !forms.has(x) && x !== p.name) ?? [];
  if (aliases.length) lines.push(`Also known as: ${aliases.slice(0, 6).map(esc).join(', ')}`);
  const facts = [`${fmt(p.lat)}, ${fmt(p.lon)} — [OpenStreetMap](${osmLink(p)})`];
  if (p.population) facts.push(`population ${p.population.toLocaleString('en-US')}`);
  if (p.areaKm2) facts.push(`area ${Math.round(p.areaKm2).toLocaleString('en-US')} km²`);
  lines.push(facts.join(' · '));
  // Distances to the article's other places (nearest first, at most six).
  const others: { name: string; km: number }[] = [];
  for (const q of index.distinctPlaces) {
    if (q.id === p.id || q.kind === 'country' || q.kind === 'continent' || q.kind === 'region') continue;
    others.push({ name: q.name, km: distanceKm(p.lat, p.lon, q.lat, q.lon) });
  }
  others.sort((x, y) => x.km - y.km);
  if (others.length && p.kind !== 'country' && p.kind !== 'continent') {
    lines.push(`Distances: ${others.slice(0, 6).map(o => `${esc(o.name)} ${o.km < 10 ? o.km.toFixed(1) : Math.round(o.km)} km`).join(' · ')}`);
  }
  // How a name the map alone left open was settled (refiners/actors.ts, refiners/places.ts).
  const settled = d.settledAbroad as string | undefined;
  if (settled) lines.push(`Settled: ${esc(settled)}.`);
  const coreferent = d.coreferent as string | undefined;
  if (coreferent && coreferent !== a.text) lines.push(`The same place as “${esc(coreferent)}” elsewhere in the article.`);
  const note = d.placeNote as string | undefined;
  lines.push(`Source: ${esc(p.source)} (\`${p.id}\`)${note ? ` — ${esc(note)}` : ''}`);
  return lines.join('\n\n');
}
