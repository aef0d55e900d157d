// The server must survive anything an editor can open: binary junk, huge documents, a 1 MB line, RTL text,
// astral characters, CRLF, NUL and lone surrogates; and every range it returns must lie inside the document
// and inside its line, in UTF-16 units. The same texts are also checked at the core level: exports count
// code points.
import * as assert from 'assert';
import type { Diagnostic, DocumentSymbol, Hover, InitializeResult, SemanticTokens } from 'vscode-languageserver-protocol';
import { analyze, toExportDocument } from '../../server/src/core';
import { assertServerBuilt, decodeTokens, fileUri, Lines, LspClient } from '../helpers/lspClient';
import { rng } from '../helpers/newsText';
import { NewsGenerator } from '../helpers/newsText';

function binaryJunk(bytes: number, seed: number): string {
  const r = rng(seed);
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = Math.floor(r() * 256);
  // What an editor shows for a binary file: UTF-8 decoding with replacement characters, control characters,
  // NULs; and some raw UTF-16 code units, lone surrogates included.
  let s = buf.toString('utf8');
  const units: string[] = [];
  for (let i = 0; i < 2000; i++) units.push(String.fromCharCode(Math.floor(r() * 0x10000)));
  s += units.join('') + ' 12 km \ud800 550sq/km';
  return s;
}

/** Texts up to this size are also analysed in this process, to compare with what the server says. */
const CORE_COMPARE_MAX = 300 * 1024;

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / (unit.length + 2))).slice(0, chars);
}

const news = new NewsGenerator(7);
const CASES: { name: string; text: () => string; timeoutMs?: number }[] = [
  { name: 'binary junk', text: () => binaryJunk(200_000, 3) },
  // Size, not recognizer speed, is the point here (scripts/bench.ts measures speed on unique text): 250 KB of
  // articles repeated to 10 MB, so that the segment cache keeps this test cheap on a shared machine.
  { name: 'a 10 MB document', text: () => repeatTo(new NewsGenerator(11).text(250 * 1024), 10 * 1024 * 1024), timeoutMs: 120_000 },
  {
    name: 'a single 1 MB line',
    text: () => { let s = ''; while (s.length < 64 * 1024) s += news.sentence() + ' '; return repeatTo(s, 1024 * 1024); },
    timeoutMs: 120_000,
  },
  {
    name: 'Arabic (RTL) text around figures',
    text: () => 'قال مسؤولون إن مساحة المخيم الجديد 550sq/km.\n\u202bتقدم الجيش 12 km شرق المدينة\u202c يوم الثلاثاء.\n' +
      'وقالت الأمم المتحدة إن 60% من النازحين يعيشون في خيام، على بعد 45 كيلومترا (28 miles).\n',
  },
  {
    name: 'astral emoji before, inside and after figures',
    text: () => '😀👍🏽🇸🇾 The army advanced 12 km 😀 east.\n𝔘𝔫𝔦𝔠𝔬𝔡𝔢 550sq/km 🏳️‍🌈 and 12😀km and 😀45 kilometers (28 miles)😀\n',
  },
  { name: 'CRLF and lone CR line breaks', text: () => news.article().replace(/\n/g, '\r\n') + '\r\nThe camp was 550sq/km.\rAnd 12 km\r\n' },
  { name: 'NUL characters', text: () => '\u0000The camp was 550sq/km\u0000 wide.\u0000\n12\u0000km and 12 km\u0000\u0000\n' + news.sentence().replace(/ /g, '\u0000 ') },
  {
    name: 'lone surrogates',
    text: () => '\ud800 12 km \udfff 550sq/km \ud83d\n\udc00\udc00 45 kilometers \ud83d\ude00\ud83d end \ud800',
  },
];

/** Every range inside the document and within its line. */
function checkDiagnostics(lines: Lines, diags: Diagnostic[], what: string): void {
  for (const d of diags) {
    lines.checkRange(d.range, `${what}: diagnostic ${d.code}`);
    for (const r of d.relatedInformation ?? []) lines.checkRange(r.location.range, `${what}: related`);
  }
}

describe('language server robustness', function () {
  this.timeout(60000);
  let client: LspClient;
  let init: InitializeResult;

  before(async () => {
    assertServerBuilt();
    client = new LspClient();
    init = await client.initialize();
  });
  after(async () => { await client?.stop(); });

  for (const c of CASES) {
    it(`survives ${c.name}`, async function () {
      if (c.timeoutMs) this.timeout(c.timeoutMs);
      const text = c.text();
      const uri = fileUri(`robust-${c.name.replace(/\W+/g, '-')}.news`);
      const lines = new Lines(text);
      const legend = init.capabilities.semanticTokensProvider!.legend;

      await client.open(uri, text, 1);
      const p = await client.diagnosticsFor(uri, 1, c.timeoutMs ?? 30000);
      checkDiagnostics(lines, p.diagnostics, c.name);

      // Semantic tokens: inside their lines, and exactly where the core puts the annotations (UTF-16).
      const full = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      const tokens = decodeTokens(full.data, legend);
      let prev = { line: 0, end: 0 };
      for (const t of tokens) {
        assert.ok(t.length > 0, `empty token ${JSON.stringify(t)}`);
        lines.checkPosition({ line: t.line, character: t.character + t.length }, `${c.name}: token end`);
        assert.ok(t.line > prev.line || t.character >= prev.end, `overlapping tokens at ${t.line}:${t.character}`);
        prev = { line: t.line, end: t.character + t.length };
        assert.ok(legend.tokenTypes.includes(t.type));
      }
      // Against the core's own offsets (in this process: skipped for the big texts, whose positions the line
      // model above checks, to keep the suite cheap).
      if (text.length <= CORE_COMPARE_MAX) {
        const core = analyze(text);
        const starts = new Set(tokens.map(t => `${t.line}:${t.character}`));
        for (const a of core.annotations) {
          const pos = lines.position(a.start);
          assert.ok(starts.has(`${pos.line}:${pos.character}`), `${c.name}: no token at ${a.text} (${pos.line}:${pos.character})`);
        }
        assert.strictEqual(p.diagnostics.length, core.findings.length);
        for (const [i, f] of core.findings.entries()) {
          assert.deepStrictEqual(p.diagnostics[i].range, { start: lines.position(f.start), end: lines.position(f.end) },
            `${c.name}: diagnostic ${f.code} at the core's UTF-16 offsets`);
        }
      }

      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      for (const s of symbols) {
        lines.checkRange(s.range, `${c.name}: symbol`);
        for (const ch of s.children ?? []) {
          lines.checkRange(ch.range, `${c.name}: child symbol`);
          lines.checkRange(ch.selectionRange, `${c.name}: child selection`);
          assert.ok(ch.name.trim().length > 0);
        }
      }

      // Hovers on tokens and at random places, including beyond the end of lines and of the document.
      const r = rng(text.length);
      const probes = tokens.slice(0, 20).map(t => ({ line: t.line, character: t.character }));
      for (let i = 0; i < 20; i++) probes.push({ line: Math.floor(r() * lines.count), character: Math.floor(r() * 300) });
      probes.push({ line: lines.count + 5, character: 0 }, { line: 0, character: 1e9 });
      for (const pos of probes) {
        const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos });
        if (h?.range) lines.checkRange(h.range, `${c.name}: hover`);
      }
      for (const t of tokens.slice(0, 5)) {
        const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: t.line, character: t.character } });
        assert.ok(h, `${c.name}: no hover on a token`);
      }

      // Edits that split a surrogate pair or a CRLF, and one at the very end.
      let edited = text;
      let version = 1;
      const edits = [
        { offset: Math.min(1, text.length), insert: '\ud83d' },
        { offset: Math.floor(text.length / 2), insert: '\r' },
        { offset: text.length, insert: ' 7 km\n' },
      ];
      for (const e of edits) {
        const l = new Lines(edited);
        const pos = l.position(Math.min(e.offset, edited.length));
        await client.change(uri, ++version, [{ range: { start: pos, end: pos }, text: e.insert }]);
        edited = edited.slice(0, l.offset(pos)) + e.insert + edited.slice(l.offset(pos));
      }
      const after = await client.diagnosticsFor(uri, version, c.timeoutMs ?? 30000);
      checkDiagnostics(new Lines(edited), after.diagnostics, `${c.name} (edited)`);
      const info = await client.request<{ version: number }>('dateline/analysisInfo', { uri });
      assert.strictEqual(info.version, version);

      await client.close(uri);
      assert.ok(client.alive(), `server exited: ${client.stderr}`);
      assert.deepStrictEqual(client.errors(), []);
    });
  }

  it('exports these texts with offsets in code points (core)', () => {
    for (const c of CASES) {
      const text = c.text();
      if (text.length > CORE_COMPARE_MAX) continue; // the 10 MB text and the 1 MB line: covered above over the protocol
      const doc = toExportDocument('x.news', analyze(text));
      const cps = Array.from(text);
      for (const a of doc.annotations) {
        assert.strictEqual(cps.slice(a.start, a.end).join(''), a.text, `${c.name}: ${a.id}`);
      }
      for (const d of doc.diagnostics) assert.ok(d.start >= 0 && d.start <= d.end && d.end <= cps.length, `${c.name}: ${d.code}`);
    }
  });

  it('exports over the protocol with offsets in code points for astral and Arabic text', async () => {
    const text = CASES.find(c => c.name.startsWith('astral'))!.text() + CASES.find(c => c.name.startsWith('Arabic'))!.text();
    const uri = fileUri('robust-export.news');
    await client.open(uri, text, 1);
    const res = await client.request<{ text: string }>('dateline/export', { uris: [uri], format: 'json' });
    const doc = JSON.parse(res.text);
    const cps = Array.from(text);
    assert.ok(doc.annotations.length > 0);
    for (const a of doc.annotations) assert.strictEqual(cps.slice(a.start, a.end).join(''), a.text);
    await client.close(uri);
  });
});
