// Hover: the core's card for the annotation under the cursor, its range = the annotation.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { hoverMarkdown } from '../core';
import type { Analysed } from './documents';

export function hoverAt(analysed: Analysed, position: Position): Hover | null {
  const offset = analysed.snapshot.offset(position);
  const card = hoverMarkdown(analysed.result, offset);
  if (!card) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: card.markdown },
    range: analysed.snapshot.range(card.start, card.end),
  };
}
