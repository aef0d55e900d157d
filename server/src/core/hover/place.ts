// Hover card for places (see placeSection.ts). A country or capital that acts also shows its actor; a part of a
// place (`Southern Syria`, refiners/compassNames.ts) says so above the card of the place it is part of.
import type { HoverCard } from '../api';
import { actorSection } from './actorSection';
import { esc } from './markdown';
import { placeSection } from './placeSection';

export const placeCard: HoverCard = {
  categories: ['place'],
  render(a, result) {
    const parts: string[] = [];
    if (a.place && a.data?.placeSpan) parts.push(`**${esc(a.text)}** — a part of ${esc(a.place.name)}`);
    parts.push(placeSection(a, result));
    if (a.actor) parts.push(actorSection(a, result));
    return parts.join('\n\n');
  },
};
