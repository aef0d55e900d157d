// Hover card for actors (organization mentions the actor catalogue knows, and countries or capitals that
// act): type (ACLED), country, affiliation, aliases, CAMEO code, how often the article names the actor.
// An organisation whose name holds a place (Texas Department of..., Syrian army) also shows that place.
import type { AnalysisResult, HoverCard } from '../api';
import type { Annotation } from '../types';
import { articleIndex } from './articleIndex';
import { placeSection } from './place';

function esc(s: string): string { return s.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1'); }

export function actorSection(a: Annotation, result: AnalysisResult): string {
  const r = a.actor!;
  const lines = [`**${esc(r.name)}** — actor: ${esc(r.type)}${r.country ? ` · ${esc(r.country)}` : ''}`];
  if (r.affiliation.length) lines.push(`Affiliation: ${r.affiliation.map(esc).join(', ')}`);
  if (r.aliases.length) lines.push(`Also: ${r.aliases.slice(0, 8).map(esc).join(', ')}`);
  const mentions = articleIndex(result).actors.get(r.id);
  const forms = mentions ? [...mentions.forms.keys()] : [];
  lines.push(`Mentions in this article: ${mentions?.count ?? 0}${forms.length > 1 ? ` (${forms.map(f => `“${esc(f)}”`).join(', ')})` : ''}`);
  const ids = [r.cameo ? `CAMEO \`${r.cameo}\`` : '', `\`${r.id}\``].filter(Boolean);
  lines.push(ids.join(' · '));
  return lines.join('\n\n');
}

export const actorCard: HoverCard = {
  categories: ['organization'],
  render(a, result) {
    const parts: string[] = [];
    if (a.actor) parts.push(actorSection(a, result));
    else parts.push(`**${esc(a.text)}** — organization`);
    if (a.place) parts.push(placeSection(a, result));
    return parts.join('\n\n');
  },
};
