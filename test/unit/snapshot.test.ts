// The server's own line index (lsp/snapshot.ts) against vscode-languageserver-textdocument, whose positions
// the protocol uses: every offset and position of texts mixing \n, \r\n, lone \r, empty lines and astral characters.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineStarts, Snapshot } from '../../server/src/lsp/snapshot';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const PIECES = ['a', 'bc', ' ', '\n', '\r\n', '\r', '\n\n', 'é', '\u{1F600}', 'Aleppo', '\r\r\n', '12 km'];

function texts(): string[] {
  const out = ['', '\n', '\r\n', '\r', 'abc', 'abc\n', '\nabc', 'a\r\nb\rc\nd', '\r\n\r\n'];
  const r = rng(7);
  for (let k = 0; k < 60; k++) {
    let t = '';
    const n = Math.floor(r() * 40);
    for (let i = 0; i < n; i++) t += PIECES[Math.floor(r() * PIECES.length)];
    out.push(t);
  }
  return out;
}

describe('lsp snapshot line index', () => {
  it('gives the line starts TextDocument gives', () => {
    for (const t of texts()) {
      const doc = TextDocument.create('file:///x', 'x', 1, t);
      const expected: number[] = [];
      for (let l = 0; l < doc.lineCount; l++) expected.push(doc.offsetAt({ line: l, character: 0 }));
      assert.deepStrictEqual([...lineStarts(t)], expected, JSON.stringify(t));
    }
  });

  it('converts offsets and positions exactly as TextDocument does', () => {
    for (const t of texts()) {
      const doc = TextDocument.create('file:///x', 'x', 1, t);
      const snap = new Snapshot('file:///x', 1, t);
      assert.strictEqual(snap.lineCount, doc.lineCount);
      for (let o = -2; o <= t.length + 2; o++) {
        assert.deepStrictEqual(snap.position(o), doc.positionAt(o), `${JSON.stringify(t)} @${o}`);
      }
      for (let line = -1; line <= doc.lineCount + 1; line++) {
        for (let character = -1; character <= 12; character++) {
          const p = { line, character };
          assert.strictEqual(snap.offset(p), doc.offsetAt(p), `${JSON.stringify(t)} ${line}:${character}`);
        }
        const p = { line, character: Number.MAX_SAFE_INTEGER };
        assert.strictEqual(snap.offset(p), doc.offsetAt(p));
      }
    }
  });

  it('cuts spans into line pieces without line breaks', () => {
    const t = 'ab\r\ncd\n\nef';
    const snap = new Snapshot('file:///x', 1, t);
    assert.deepStrictEqual(snap.linePieces(1, 10), [
      { line: 0, character: 1, length: 1 }, { line: 1, character: 0, length: 2 }, { line: 3, character: 0, length: 2 },
    ]);
    assert.strictEqual(snap.doc.getText(), t);
  });
});
