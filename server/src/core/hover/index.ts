// Hover cards, one module per kind of annotation. Adding one: write a module exporting a HoverCard, add it here.
import type { AnalysisResult, HoverCard } from '../api';
import type { Annotation } from '../types';
import { actorCard } from './actor';
import { dateCard } from './date';
import { figureCard } from './figure';
import { placeCard } from './place';

export const hoverCards: readonly HoverCard[] = [
  figureCard,
  placeCard,
  actorCard,
  dateCard,
];

/** The annotation at a UTF-16 offset (binary search over the sorted, non-overlapping annotations). */
export function annotationAt(result: AnalysisResult, offset: number): Annotation | undefined {
  const list = result.annotations;
  let lo = 0, hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const a = list[mid];
    if (offset < a.start) hi = mid - 1;
    else if (offset >= a.end) lo = mid + 1;
    else return a;
  }
  // The end of a word also hovers it (the cursor sits just after the last character).
  const before = list[lo - 1];
  return before && before.end === offset ? before : undefined;
}

/** Markdown for the annotation and the findings at an offset, or undefined. */
export function hoverMarkdown(result: AnalysisResult, offset: number): { markdown: string; start: number; end: number } | undefined {
  const a = annotationAt(result, offset);
  if (!a) return undefined;
  const parts: string[] = [];
  for (const card of hoverCards) if (card.categories.includes(a.category)) parts.push(card.render(a, result));
  if (parts.length === 0) parts.push(`**${a.text}** — ${a.category}`);
  return { markdown: parts.join('\n\n---\n\n'), start: a.start, end: a.end };
}
