// The actor part of a hover card (organization mentions the actor catalogue knows, and countries or capitals that
// act): type (ACLED), country, affiliation, aliases, CAMEO code, how often the article names the actor.
import type { AnalysisResult } from '../api';
import type { Annotation } from '../types';
import { articleIndex } from './articleIndex';
import { esc } from './markdown';

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
