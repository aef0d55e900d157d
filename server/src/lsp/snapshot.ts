// The text an analysis was made of, frozen, with its line index: the live TextDocument moves on with every
// edit, so positions of a result are always computed against the snapshot of the same version.
// Core offsets are UTF-16 string indexes, the same unit as LSP's default position encoding.
import type { Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface LinePiece { line: number; character: number; length: number }

export class Snapshot {
  readonly doc: TextDocument;

  constructor(readonly uri: string, readonly version: number, readonly text: string) {
    this.doc = TextDocument.create(uri, 'dateline', version, text);
  }

  /** Position of an offset, clamped to the document and to the end of its line (never inside a CRLF). */
  position(offset: number): Position { return this.doc.positionAt(offset); }

  range(start: number, end: number): Range {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return { start: s, end: e };
  }

  offset(position: Position): number { return this.doc.offsetAt(position); }

  get lineCount(): number { return this.doc.lineCount; }

  /** Length of a line without its line break. */
  lineLength(line: number): number {
    const start = this.doc.offsetAt({ line, character: 0 });
    const end = this.doc.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
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
