// Hover card for organizations and actors (see actorSection.ts). An organisation whose name holds a place
// (Texas Department of..., Syrian army) also shows that place.
import type { HoverCard } from '../api';
import { actorSection } from './actorSection';
import { esc } from './markdown';
import { placeSection } from './placeSection';

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
