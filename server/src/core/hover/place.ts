// Hover card for places (see placeSection.ts). A country or capital that acts also shows its actor.
import type { HoverCard } from '../api';
import { actorSection } from './actorSection';
import { placeSection } from './placeSection';

export const placeCard: HoverCard = {
  categories: ['place'],
  render(a, result) {
    const parts = [placeSection(a, result)];
    if (a.actor) parts.push(actorSection(a, result));
    return parts.join('\n\n');
  },
};
