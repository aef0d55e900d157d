// The text an analysis was made of, frozen, with its line index: the live TextDocument moves on with every
// edit, so positions of a result are always computed against the snapshot of the same version.
// Core offsets are UTF-16 string indexes, the same unit as LSP's default position encoding.
//
// The line index is this module's own (made once per analysed version, so on every edit): the starts of the
// lines, found with `indexOf` (a native scan) rather than a loop over every character, in an Int32Array.
// Positions follow vscode-languageserver-textdocument exactly: lines end at \r\n, \r or \n; an offset is
// clamped to the text and moved back before a line break it points into.
import type { Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface LinePiece { line: number; character: number; length: number }

/** Start offsets of the lines of `text` (the first is 0), as TextDocument computes them. */
export function lineStarts(text: string): Int32Array {
  let starts = new Int32Array(64);
  let n = 0;
  const push = (at: number) => {
    if (n === starts.length) { const grown = new Int32Array(n * 2); grown.set(starts); starts = grown; }
    starts[n++] = at;
  };
  push(0);
  if (text.indexOf('\r') < 0) {
    // The usual text: \n alone ends lines.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 || c === 10) {
        if (c === 13 && i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
        push(i + 1);
      }
    }
  }
  return starts.subarray(0, n);
}

export class Snapshot {
  private starts?: Int32Array;
  private textDocument?: TextDocument;

  constructor(readonly uri: string, readonly version: number, readonly text: string) {}

  /** The snapshot as a TextDocument (made on first use). */
  get doc(): TextDocument {
    return this.textDocument ??= TextDocument.create(this.uri, 'dateline', this.version, this.text);
  }

  private lines(): Int32Array {
    return this.starts ??= lineStarts(this.text);
  }

  /** Moves an offset back before the line break it points into (never before its line's start). */
  private beforeEol(offset: number, lineStart: number): number {
    const text = this.text;
    while (offset > lineStart) {
      const c = text.charCodeAt(offset - 1);
      if (c !== 13 && c !== 10) break;
      offset--;
    }
    return offset;
  }

  /** Position of an offset, clamped to the document and to the end of its line (never inside a CRLF). */
  position(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const starts = this.lines();
    // The last line starting at or before the offset.
    let low = 0, high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid] > offset) high = mid; else low = mid + 1;
    }
    const line = low - 1;
    const lineStart = starts[line];
    return { line, character: this.beforeEol(offset, lineStart) - lineStart };
  }

  range(start: number, end: number): Range {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return { start: s, end: e };
  }

  offset(position: Position): number {
    const starts = this.lines();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = starts[position.line];
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return this.beforeEol(Math.min(lineStart + position.character, next), lineStart);
  }

  get lineCount(): number { return this.lines().length; }

  /** Length of a line without its line break. */
  lineLength(line: number): number {
    const start = this.offset({ line, character: 0 });
    const end = this.offset({ line, character: Number.MAX_SAFE_INTEGER });
    return end - start;
  }

  /** The span [start, end) cut into one piece per line it covers (semantic tokens cannot span lines). */
  linePieces(start: number, end: number): LinePiece[] {
    const s = this.position(start);
    const e = this.position(end);
    if (s.line === e.line) {
      return e.character > s.character ? [{ line: s.line, character: s.character, length: e.character - s.character }] : [];
    }
    const out: LinePiece[] = [];
    const first = this.lineLength(s.line) - s.character;
    if (first > 0) out.push({ line: s.line, character: s.character, length: first });
    for (let l = s.line + 1; l < e.line; l++) {
      const len = this.lineLength(l);
      if (len > 0) out.push({ line: l, character: 0, length: len });
    }
    if (e.character > 0) out.push({ line: e.line, character: 0, length: e.character });
    return out;
  }
}
