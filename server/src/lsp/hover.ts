// Hover: the core's card for the annotation under the cursor, its range = the annotation. Cards are memoised
// per analysis and annotation: the editor asks again for every mouse move within a word.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { annotationAt, hoverMarkdown } from '../core';
import type { Analysed } from './documents';

const memo = new WeakMap<Analysed, Map<number, Hover | null>>();

export function hoverAt(analysed: Analysed, position: Position): Hover | null {
  const offset = analysed.snapshot.offset(position);
  const a = annotationAt(analysed.result, offset);
  if (!a) return null;
  let cards = memo.get(analysed);
  if (!cards) memo.set(analysed, cards = new Map());
  const known = cards.get(a.start);
  if (known !== undefined) return known;
  const card = hoverMarkdown(analysed.result, a.start);
  const hover: Hover | null = card ? {
    contents: { kind: MarkupKind.Markdown, value: card.markdown },
    range: analysed.snapshot.range(card.start, card.end),
  } : null;
  cards.set(a.start, hover);
  return hover;
}
