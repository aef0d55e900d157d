// Annotations -> semantic tokens. Token types are the twelve categories, by name; modifiers say whether a
// value is approximate (`some 12 km`) or unresolved (a relative date without a reference date, a place name
// the gazetteer does not know). A token never spans lines: an annotation over a line break is cut in pieces.
import type {
  SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend,
} from 'vscode-languageserver';
import { ALL_CATEGORIES, type Annotation } from '../core';
import type { Analysed } from './documents';

export const TOKEN_MODIFIERS = ['approximate', 'unresolved'] as const;

export const legend: SemanticTokensLegend = {
  tokenTypes: [...ALL_CATEGORIES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

const typeIndex = new Map<string, number>(ALL_CATEGORIES.map((c, i) => [c, i]));

export function modifiersOf(a: Annotation): number {
  let bits = 0;
  const v = a.value as { approximate?: boolean; unresolved?: boolean } | undefined;
  if (v?.approximate) bits |= 1 << 0;
  if (a.unresolved || v?.unresolved) bits |= 1 << 1;
  return bits;
}

/** Encodes the annotations whose span overlaps [from, to) (all by default) in LSP's relative format. */
export function encodeTokens(analysed: Analysed, from = 0, to = Number.POSITIVE_INFINITY): number[] {
  const data: number[] = [];
  const snap = analysed.snapshot;
  let prevLine = 0, prevChar = 0, lastEnd = 0;
  for (const a of analysed.result.annotations) {
    if (a.end <= from || a.start >= to) continue;
    if (a.start < lastEnd) continue; // never emit overlapping or out-of-order tokens
    const type = typeIndex.get(a.category);
    if (type === undefined) continue;
    lastEnd = a.end;
    const mods = modifiersOf(a);
    for (const p of snap.linePieces(a.start, a.end)) {
      const deltaLine = p.line - prevLine;
      data.push(deltaLine, deltaLine === 0 ? p.character - prevChar : p.character, p.length, type, mods);
      prevLine = p.line;
      prevChar = p.character;
    }
  }
  return data;
}

/** One edit replacing the part between the common prefix and the common suffix (tokens are 5 numbers). */
export function diffTokens(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  if (start === before.length && start === after.length) return [];
  let endBefore = before.length, endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) { endBefore--; endAfter--; }
  return [{ start, deleteCount: endBefore - start, data: after.slice(start, endAfter) }];
}

/** Remembers the last full result per document, to answer `full/delta` requests. */
export class TokenCache {
  private last = new Map<string, { resultId: string; data: number[] }>();
  private counter = 0;

  full(analysed: Analysed): SemanticTokens {
    const data = encodeTokens(analysed);
    const resultId = `${analysed.version}.${++this.counter}`;
    this.last.set(analysed.uri, { resultId, data });
    return { resultId, data };
  }

  delta(analysed: Analysed, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const previous = this.last.get(analysed.uri);
    if (!previous || previous.resultId !== previousResultId) return this.full(analysed);
    const data = encodeTokens(analysed);
    const resultId = `${analysed.version}.${++this.counter}`;
    this.last.set(analysed.uri, { resultId, data });
    return { resultId, edits: diffTokens(previous.data, data) };
  }

  forget(uri: string): void { this.last.delete(uri); }
}
