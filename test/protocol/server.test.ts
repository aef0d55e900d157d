// The language server over real JSON-RPC on stdio (server/out/server.js: run `npm run build` first).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type {
  CodeAction, Diagnostic, DocumentSymbol, Hover, InitializeResult, SemanticTokens, SemanticTokensDelta, TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  applyTokenEdits, assertServerBuilt, decodeTokens, fileUri, Lines, LspClient, ROOT,
} from '../helpers/lspClient';

const CATEGORIES = ['person', 'organization', 'place', 'misc', 'date', 'time', 'duration', 'set',
  'distance', 'area', 'count', 'percent'];

const ARTICLE = [
  'Date: 2023-03-14',
  '',
  'Army reaches the river',
  '',
  'The army advanced 12 km east of the town on Tuesday, a source said.',
  '',
  'Officials said the area of the new camp was 550sq/km, larger than the town itself.',
  '',
].join('\n');

function dl101(diags: Diagnostic[]): Diagnostic[] { return diags.filter(d => d.code === 'DL101'); }

/** Applies LSP edits to a text (the client's side of a code action). */
function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x:/t', 'news', 1, text), edits);
}

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: LspClient;
  let init: InitializeResult;
  const uri = fileUri('article.news');
  let legend: { tokenTypes: string[]; tokenModifiers: string[] };

  before(async () => {
    assertServerBuilt();
    client = new LspClient();
    init = await client.initialize();
    legend = init.capabilities.semanticTokensProvider!.legend;
  });
  after(async () => { await client?.stop(); });

  it('announces its capabilities and the legend of the twelve categories', () => {
    const c = init.capabilities;
    const sync = c.textDocumentSync as { change: number; openClose: boolean };
    assert.strictEqual(sync.change, 2, 'incremental sync');
    assert.strictEqual(sync.openClose, true);
    const st = c.semanticTokensProvider!;
    assert.deepStrictEqual(st.legend.tokenTypes, CATEGORIES);
    assert.deepStrictEqual(st.legend.tokenModifiers, ['approximate', 'unresolved']);
    assert.deepStrictEqual(st.full, { delta: true });
    assert.strictEqual(st.range, true);
    assert.ok(c.hoverProvider);
    assert.deepStrictEqual((c.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix']);
    assert.ok(c.documentSymbolProvider);
  });

  it('publishes DL101 on 550sq/km with its README link, after didOpen', async () => {
    await client.open(uri, ARTICLE, 1);
    const p = await client.diagnosticsFor(uri, 1);
    const lines = new Lines(ARTICLE);
    const found = dl101(p.diagnostics);
    assert.strictEqual(found.length, 1, JSON.stringify(p.diagnostics));
    const d = found[0];
    assert.ok(lines.slice(d.range).includes('sq/km'), `range covers ${JSON.stringify(lines.slice(d.range))}`);
    assert.strictEqual(d.range.start.line, 6);
    assert.strictEqual(d.source, 'dateline');
    assert.strictEqual(d.severity, 2);
    const href = d.codeDescription!.href;
    assert.ok(href.startsWith('file://'), href);
    const [file, fragment] = href.split('#');
    assert.strictEqual(fileURLToPath(file), path.join(ROOT, 'README.md'));
    assert.strictEqual(fragment, 'unit-malformed');
  });

  it('pulled the dateline settings with workspace/configuration before analysing', () => {
    assert.ok(client.configurationRequests >= 1);
    assert.ok(client.registrations.some(r => r.method === 'workspace/didChangeConfiguration'));
  });

  it('reports the analysis of the current version (dateline/analysisInfo)', async () => {
    const info = await client.request<{ version: number; referenceDate: string | null; annotationCount: number; findingCount: number }>(
      'dateline/analysisInfo', { uri });
    assert.strictEqual(info.version, 1);
    assert.strictEqual(info.referenceDate, '2023-03-14');
    assert.ok(info.annotationCount >= 2, JSON.stringify(info));
    assert.ok(info.findingCount >= 1);
  });

  let full: SemanticTokens;
  it('highlights figures with semantic tokens (full)', async () => {
    full = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(full.resultId);
    const tokens = decodeTokens(full.data, legend);
    const lines = new Lines(ARTICLE);
    const at = lines.position(ARTICLE.indexOf('12 km'));
    const t = tokens.find(x => x.line === at.line && x.character === at.character);
    assert.ok(t, `no token at ${JSON.stringify(at)}: ${JSON.stringify(tokens)}`);
    assert.strictEqual(t.type, 'distance');
    assert.strictEqual(t.length, '12 km'.length);
    const area = lines.position(ARTICLE.indexOf('550'));
    assert.ok(tokens.some(x => x.line === area.line && x.character === area.character && x.type === 'area'),
      JSON.stringify(tokens));
    for (const x of tokens) assert.ok(x.character + x.length <= lines.lengths[x.line], `token beyond its line: ${JSON.stringify(x)}`);
  });

  it('answers a hover on a figure with its SI value, over the figure\'s range', async () => {
    const lines = new Lines(ARTICLE);
    const offset = ARTICLE.indexOf('12 km') + 1;
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: lines.position(offset) });
    assert.ok(h, 'no hover');
    const md = (h.contents as { kind: string; value: string });
    assert.strictEqual(md.kind, 'markdown');
    assert.match(md.value, /12[,\u202f\u00a0 ]?000\s*m\b/, md.value);
    assert.strictEqual(lines.slice(h.range!), '12 km');
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 1 } });
    assert.strictEqual(none, null);
  });

  it('lists the annotations in the Outline, one parent per category', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols.map(s => s.name);
    assert.ok(names.includes('distance') && names.includes('area'), JSON.stringify(names));
    assert.deepStrictEqual(names, CATEGORIES.filter(c => names.includes(c)), 'parents in legend order');
    const distance = symbols.find(s => s.name === 'distance')!;
    const km = distance.children!.find(c => c.name === '12 km');
    assert.ok(km, JSON.stringify(distance.children));
    assert.match(km.detail ?? '', /12[,]?000 m/);
    const lines = new Lines(ARTICLE);
    for (const s of symbols) {
      for (const c of s.children ?? []) {
        assert.ok(lines.offset(c.range.start) >= lines.offset(s.range.start) && lines.offset(c.range.end) <= lines.offset(s.range.end),
          'child inside its parent');
      }
    }
  });

  let text = ARTICLE;
  let version = 1;
  it('re-analyses after an incremental edit: new diagnostics at the right place', async () => {
    const lines = new Lines(text);
    const insertAt = lines.position(text.indexOf('The army'));
    const inserted = 'A second camp of 20sq/km opened. ';
    await client.change(uri, ++version, [{ range: { start: insertAt, end: insertAt }, text: inserted }]);
    text = text.replace('The army', `${inserted}The army`);
    const p = await client.diagnosticsFor(uri, version);
    const found = dl101(p.diagnostics);
    assert.strictEqual(found.length, 2, JSON.stringify(p.diagnostics));
    const now = new Lines(text);
    assert.ok(now.slice(found[0].range).includes('20sq/km') || now.slice(found[0].range).includes('sq/km'));
    assert.strictEqual(found[0].range.start.line, 4);
    assert.strictEqual(found[1].range.start.line, 6);
  });

  it('answers semantic tokens as a delta against the previous result, and by range', async () => {
    const delta = await client.request<SemanticTokensDelta | SemanticTokens>('textDocument/semanticTokens/full/delta',
      { textDocument: { uri }, previousResultId: full.resultId });
    assert.ok('edits' in delta, 'a delta, not a full result');
    const patched = applyTokenEdits(full.data, (delta as SemanticTokensDelta).edits);
    const fresh = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepStrictEqual(patched, fresh.data, 'the delta applied to the old tokens gives the new ones');
    const tokens = decodeTokens(fresh.data, legend);
    const lines = new Lines(text);
    const shifted = lines.position(text.indexOf('12 km'));
    assert.ok(tokens.some(t => t.line === shifted.line && t.character === shifted.character && t.type === 'distance'));
    // A stale previousResultId gets a full result.
    const stale = await client.request<SemanticTokens>('textDocument/semanticTokens/full/delta',
      { textDocument: { uri }, previousResultId: 'nonsense' });
    assert.ok('data' in stale);
    // Range: only line 6 (the camp sentence).
    const range = { start: { line: 6, character: 0 }, end: { line: 6, character: lines.lengths[6] } };
    const ranged = await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range });
    const rt = decodeTokens(ranged.data, legend);
    assert.ok(rt.length >= 1 && rt.length < tokens.length, JSON.stringify(rt));
    assert.ok(rt.every(t => t.line === 6));
    assert.ok(rt.some(t => t.type === 'area'));
  });

  it('offers the preferred quick fix for DL101; applying it clears the diagnostic', async () => {
    const p = await client.diagnosticsFor(uri, version);
    const d = dl101(p.diagnostics)[1];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
    });
    assert.ok(actions.length >= 1, 'no code action');
    const fix = actions.find(a => a.isPreferred) ?? actions[0];
    assert.strictEqual(fix.kind, 'quickfix');
    assert.deepStrictEqual(fix.diagnostics, [d]);
    assert.ok(actions.some(a => a.isPreferred), 'one fix is preferred');
    const change = fix.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
    assert.strictEqual(change.textDocument.uri, uri);
    assert.strictEqual(change.textDocument.version, version);
    text = applyEdits(text, change.edits);
    assert.ok(!text.includes('550sq/km'), text);
    await client.change(uri, ++version, change.edits.map(e => ({ range: e.range, text: e.newText })));
    const after = await client.diagnosticsFor(uri, version);
    assert.strictEqual(dl101(after.diagnostics).length, 1, JSON.stringify(after.diagnostics));
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
      context: { diagnostics: [] },
    });
    assert.deepStrictEqual(none, []);
  });

  it('publishes only ever newer versions when edits come faster than analyses', async () => {
    const seen: number[] = [];
    client.onDiagnostics(p => { if (p.uri === uri) seen.push(p.version!); });
    for (let i = 0; i < 10; i++) {
      await client.change(uri, ++version, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'x' }]);
      text = text.replace('A second camp', 'xA second camp');
    }
    const last = await client.diagnosticsFor(uri, version);
    assert.strictEqual(last.version, version);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] > seen[i - 1], `versions ${seen.join(',')}`);
    const lines = new Lines(text);
    const first = dl101(last.diagnostics)[0];
    assert.strictEqual(first.range.start.line, 4);
    assert.ok(lines.slice(first.range).includes('sq/km'), `the range follows the edits: ${lines.slice(first.range)}`);
    assert.ok(seen.length <= 10);
  });

  it('publishes diagnostics only when they change, and says after every analysis (dateline/analysed)', async () => {
    const held = await client.diagnosticsFor(uri, version);
    assert.ok(held.diagnostics.length >= 1);
    const info = await client.request<{ annotationCount: number }>('dateline/analysisInfo', { uri });
    const published = client.published.length;
    // A word typed at the end of the headline: a new date, no diagnostic changes (none is on that line).
    const headline = 'Army reaches the river';
    await client.change(uri, ++version, [{ range: { start: { line: 2, character: headline.length }, end: { line: 2, character: headline.length } }, text: ' today' }]);
    text = text.replace(headline, `${headline} today`);
    const quiet = await client.analysedWhere(a => a.uri === uri && a.version === version);
    assert.strictEqual(quiet.diagnosticsPublished, false);
    assert.strictEqual(quiet.annotationCount, info.annotationCount + 1, 'the new date is counted');
    assert.strictEqual(quiet.findingCount, held.diagnostics.length);
    assert.strictEqual(client.published.length, published, 'nothing published');
    const same = await client.diagnosticsFor(uri, version);
    assert.deepStrictEqual(same.diagnostics, held.diagnostics);
    // A word typed at the start of a line with a diagnostic: its range moves, so all are published again.
    const d = held.diagnostics[0];
    await client.change(uri, ++version, [{ range: { start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line, character: 0 } }, text: 'Then ' }]);
    const lines = new Lines(text);
    text = text.slice(0, lines.offset({ line: d.range.start.line, character: 0 })) + 'Then ' + text.slice(lines.offset({ line: d.range.start.line, character: 0 }));
    const moved = await client.diagnosticsFor(uri, version);
    const loud = await client.analysedWhere(a => a.uri === uri && a.version === version);
    assert.strictEqual(loud.diagnosticsPublished, true);
    assert.strictEqual(client.published.length, published + 1);
    assert.strictEqual(client.published[client.published.length - 1], moved);
    assert.strictEqual(moved.diagnostics[0].range.start.character, d.range.start.character + 5);
    assert.strictEqual(moved.diagnostics[0].message, d.message);
  });

  it('lists the export formats', async () => {
    const formats = await client.request<{ id: string; label: string; extension: string }[]>('dateline/exportFormats');
    assert.deepStrictEqual(formats.map(f => f.id).slice(0, 3), ['json', 'csv', 'geojson']);
    for (const f of formats) assert.ok(f.label && f.extension);
  });

  const UNICODE = 'مرحبا بالعالم 😀👍🏽 — the camp was 550sq/km and 12 km away.\n';
  it('exports JSON with offsets in code points (emoji and Arabic before a figure)', async () => {
    const u = fileUri('unicode.news');
    await client.open(u, UNICODE, 1);
    const res = await client.request<{ text: string; extension: string }>('dateline/export', { uris: [u], format: 'json' });
    assert.strictEqual(res.extension, 'json');
    const doc = JSON.parse(res.text);
    assert.strictEqual(doc.file, fileURLToPath(u));
    const cps = Array.from(UNICODE);
    const km = doc.annotations.find((a: { text: string }) => a.text === '12 km');
    assert.ok(km, res.text);
    for (const a of doc.annotations) assert.strictEqual(cps.slice(a.start, a.end).join(''), a.text);
    assert.strictEqual(km.start, Array.from(UNICODE.slice(0, UNICODE.indexOf('12 km'))).length);
    assert.ok(km.start < UNICODE.indexOf('12 km'), 'code points, not UTF-16 units');
    const d = doc.diagnostics.find((x: { code: string }) => x.code === 'DL101');
    assert.ok(d);
    assert.ok(cps.slice(d.start, d.end).join('').includes('sq/km'));
  });

  it('exports CSV of several documents, and refuses an unknown format', async () => {
    const u = fileUri('unicode.news');
    const res = await client.request<{ text: string; extension: string }>('dateline/export', { uris: [uri, u], format: 'csv' });
    assert.strictEqual(res.extension, 'csv');
    const rows = res.text.trimEnd().split('\r\n');
    const header = rows[0].split(',');
    assert.deepStrictEqual(header.slice(0, 6), ['file', 'id', 'category', 'start', 'end', 'text']);
    const km = rows.find(r => r.includes(fileURLToPath(u)) && r.includes(',12 km,'));
    assert.ok(km, res.text);
    const cells = km.split(',');
    assert.strictEqual(Number(cells[3]), Array.from(UNICODE.slice(0, UNICODE.indexOf('12 km'))).length);
    assert.ok(rows.some(r => r.startsWith(fileURLToPath(uri) + ',')));
    await assert.rejects(client.request('dateline/export', { uris: [uri], format: 'docx' }), /unknown export format/);
  });

  it('uses the analyst\'s article date (dateline/setReferenceDate, initializationOptions)', async () => {
    const u = fileUri('undated.news');
    await client.open(u, 'Troops moved 5 km on Friday.\n', 1);
    let info = await client.request<{ referenceDate: string | null; version: number }>('dateline/analysisInfo', { uri: u });
    assert.strictEqual(info.referenceDate, null);
    const before = client.analysed.length;
    await client.notify('dateline/setReferenceDate', { uri: u, date: '2021-06-04' });
    await client.analysedWhere(a => a.uri === u && client.analysed.length > before);
    info = await client.request('dateline/analysisInfo', { uri: u });
    assert.strictEqual(info.referenceDate, '2021-06-04');
    await client.notify('dateline/setReferenceDate', { uri: u, date: null });
    info = await client.request('dateline/analysisInfo', { uri: u });
    assert.strictEqual(info.referenceDate, null);
    // The text's own date wins over the analyst's.
    await client.notify('dateline/setReferenceDate', { uri, date: '1999-01-01' });
    info = await client.request('dateline/analysisInfo', { uri });
    assert.strictEqual(info.referenceDate, '2023-03-14');
    // A malformed date is refused with a message, and the server goes on.
    await client.notify('dateline/setReferenceDate', { uri: u, date: '4 June' });
    const m = await client.message(x => x.message.includes('YYYY-MM-DD'));
    assert.strictEqual(m.type, 2);
    info = await client.request('dateline/analysisInfo', { uri: u });
    assert.strictEqual(info.referenceDate, null);
    await client.close(u);
    const cleared = await client.nextDiagnostics(u, p => p.diagnostics.length === 0);
    assert.deepStrictEqual(cleared.diagnostics, []);
    assert.strictEqual(await client.request('dateline/analysisInfo', { uri: u }), null, 'null once closed');
  });

  it('gives a dateline without a year the year of its file name', async () => {
    const u = fileUri('reuters-20240207-goma.news');
    await client.open(u, 'GOMA, Democratic Republic of Congo, Feb 7 (Reuters) - Rebels advanced on Wednesday.\n', 1);
    const info = await client.request<{ referenceDate: string | null }>('dateline/analysisInfo', { uri: u });
    assert.strictEqual(info.referenceDate, '2024-02-07');
    const undated = fileUri('goma.news');
    await client.open(undated, 'GOMA, Democratic Republic of Congo, Feb 7 (Reuters) - Rebels advanced on Wednesday.\n', 1);
    const none = await client.request<{ referenceDate: string | null }>('dateline/analysisInfo', { uri: undated });
    assert.strictEqual(none.referenceDate, null);
    await client.close(u);
    await client.close(undated);
  });

  it('re-analyses open documents when a watched knowledge file changes, and only then', async () => {
    const before = client.analysed.filter(a => a.uri === uri).length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(ROOT, 'unrelated.csv')).href, type: 2 }] });
    const info = await client.request<{ version: number }>('dateline/analysisInfo', { uri });
    assert.strictEqual(info.version, version);
    assert.strictEqual(client.analysed.filter(a => a.uri === uri).length, before, 'no re-analysis for an unrelated file');
  });

  it('has logged no errors and is still running', () => {
    assert.deepStrictEqual(client.errors(), []);
    assert.ok(client.alive());
  });
});

describe('language server start-up', function () {
  this.timeout(30000);

  it('rehearses the edit path once the documents are quiet, and still answers edits at once', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      const uri = fileUri('rehearsal.news');
      await client.open(uri, ARTICLE, 1);
      await client.diagnosticsFor(uri, 1);
      const log = await client.log(m => m.message.startsWith('dateline: edit path rehearsed'), 20000);
      assert.match(log.message, /^dateline: edit path rehearsed: 40 edits of a \d+ KB article in \d+ ms$/);
      // The rehearsal touched nothing of the analyst's: the document's next edit is analysed as usual.
      await client.change(uri, 2, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'Some 3 km south. ' }]);
      const after = await client.diagnosticsFor(uri, 2);
      assert.deepStrictEqual(dl101(after.diagnostics).map(d => d.range.start.line), [6]);
      assert.deepStrictEqual(client.errors(), []);
    } finally {
      await client.stop();
    }
  });
});

describe('language server settings', function () {
  this.timeout(30000);

  it('turns a check off from workspace/configuration, and on again after didChangeConfiguration', async () => {
    const client = new LspClient({ settings: { checks: { 'unit-malformed': false } } });
    try {
      await client.initialize();
      const uri = fileUri('settings.news');
      await client.open(uri, ARTICLE, 1);
      const off = await client.diagnosticsFor(uri, 1);
      assert.deepStrictEqual(dl101(off.diagnostics), [], 'the first diagnostics already honour the settings');
      const pulls = client.configurationRequests;
      client.settings = { checks: { 'unit-malformed': 'error' } };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const on = await client.nextDiagnostics(uri, p => dl101(p.diagnostics).length > 0);
      assert.ok(client.configurationRequests > pulls, 'the server pulled the settings again');
      assert.strictEqual(dl101(on.diagnostics)[0].severity, 1, 'severity override');
      client.settings = { categories: { area: false } };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const noArea = await client.nextDiagnostics(uri, p => dl101(p.diagnostics).length === 0);
      assert.ok(noArea);
      const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      assert.ok(!decodeTokens(tokens.data, { tokenTypes: CATEGORIES, tokenModifiers: [] }).some(t => t.type === 'area'));
      assert.ok(client.refreshRequests >= 1, 'asked the client to refresh its semantic tokens');
      assert.deepStrictEqual(client.errors(), []);
    } finally {
      await client.stop();
    }
  });

  it('analyses an edit after a quiet spell at once, and waits for debounceMs within a burst of edits', async () => {
    const DEBOUNCE = 600;
    const client = new LspClient({ settings: { debounceMs: DEBOUNCE } });
    try {
      await client.initialize();
      const uri = fileUri('debounce.news');
      await client.open(uri, ARTICLE, 1);
      await client.diagnosticsFor(uri, 1);
      await new Promise(r => setTimeout(r, DEBOUNCE + 100));
      const at = { line: 4, character: 0 };
      const edit = (version: number) => client.change(uri, version, [{ range: { start: at, end: at }, text: 'x' }]);
      // A single edit after a quiet spell: not delayed by the debounce.
      let t = Date.now();
      await edit(2);
      await client.diagnosticsFor(uri, 2);
      assert.ok(Date.now() - t < DEBOUNCE - 150, `a quiet edit took ${Date.now() - t} ms`);
      // Two more right after it: coalesced into one analysis, started after the debounce.
      await client.analysedWhere(a => a.uri === uri && a.version === 2);
      const from = client.analysed.length;
      t = Date.now();
      await edit(3);
      await edit(4);
      await client.diagnosticsFor(uri, 4);
      assert.ok(Date.now() - t >= DEBOUNCE - 50, `a burst was analysed after ${Date.now() - t} ms`);
      await client.analysedWhere(a => a.uri === uri && a.version === 4);
      assert.deepStrictEqual(client.analysed.slice(from).map(a => a.version), [4]);
      assert.deepStrictEqual(client.errors(), []);
    } finally {
      await client.stop();
    }
  });

  it('warns once about a malformed setting, naming it, and keeps working with the default', async () => {
    const client = new LspClient({ settings: { checks: { 'unit-malformed': 'loud' }, debounceMs: 'soon', gazetteers: 'places.csv' } });
    try {
      await client.initialize();
      const m = await client.message(x => x.message.includes('dateline.checks.unit-malformed'));
      assert.strictEqual(m.type, 2, 'a warning');
      assert.match(m.message, /dateline\.debounceMs/);
      assert.match(m.message, /dateline\.gazetteers/);
      const uri = fileUri('malformed.news');
      await client.open(uri, ARTICLE, 1);
      const p = await client.diagnosticsFor(uri, 1);
      assert.strictEqual(dl101(p.diagnostics).length, 1, 'the check runs with its default');
      assert.strictEqual(dl101(p.diagnostics)[0].severity, 2);
      // The same malformed settings pulled again: no second message.
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.request('dateline/analysisInfo', { uri });
      await client.request('dateline/exportFormats');
      assert.strictEqual(client.messages.filter(x => x.message.includes('malformed')).length, 1, JSON.stringify(client.messages));
      assert.ok(client.alive());
    } finally {
      await client.stop();
    }
  });

  it('watches the analyst\'s knowledge files and re-analyses when one changes', async () => {
    const client = new LspClient({ settings: { gazetteers: ['test/fixtures/virtual/my-places.csv'], actors: [] } });
    try {
      await client.initialize();
      const uri = fileUri('knowledge.news');
      await client.open(uri, ARTICLE, 1);
      await client.analysedWhere(a => a.uri === uri && a.version === 1);
      const watch = client.registrations.find(r => r.method === 'workspace/didChangeWatchedFiles');
      assert.ok(watch, JSON.stringify(client.registrations));
      const watchers = (watch.registerOptions as { watchers: { globPattern: { baseUri: string; pattern: string } }[] }).watchers;
      assert.deepStrictEqual(watchers.map(w => w.globPattern.pattern), ['my-places.csv']);
      assert.strictEqual(fileURLToPath(watchers[0].globPattern.baseUri), path.join(ROOT, 'test', 'fixtures', 'virtual'));
      const before = client.analysed.filter(a => a.uri === uri).length;
      const published = client.published.length;
      const changed = pathToFileURL(path.join(ROOT, 'test', 'fixtures', 'virtual', 'my-places.csv')).href;
      // Two events for one save (the client's watcher and the server's): one re-analysis.
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: changed, type: 2 }] });
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: changed, type: 2 }] });
      const again = await client.analysedWhere(a => a.uri === uri && client.analysed.filter(x => x.uri === uri).length > before);
      assert.strictEqual(again.version, 1, 'same text, analysed again');
      await new Promise(r => setTimeout(r, 300));
      assert.strictEqual(client.analysed.filter(a => a.uri === uri).length, before + 1);
      // Same text, same file contents: the same diagnostics, so none are sent again.
      assert.strictEqual(again.diagnosticsPublished, false);
      assert.strictEqual(client.published.length, published);
      assert.deepStrictEqual(client.errors(), []);
    } finally {
      await client.stop();
    }
  });

  it('reports a malformed knowledge file once, naming file and line, and again after it changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-knowledge-'));
    const file = path.join(dir, 'my-places.csv');
    // Fictional names, deliberately invalid rows: only the error reporting is under test.
    fs.writeFileSync(file, 'name,lat,lon,aliases,kind\n# a comment\nNowhere Camp,123,20,,camp\n');
    const client = new LspClient({ settings: { gazetteers: [file] } });
    try {
      await client.initialize();
      const uri = fileUri('knowledge-problem.news');
      await client.open(uri, ARTICLE, 1);
      await client.diagnosticsFor(uri, 1);
      const m = await client.message(x => x.message.includes('my-places.csv'));
      assert.strictEqual(m.type, 2);
      assert.ok(m.message.includes(`${file}:3`), m.message);
      assert.match(m.message, /latitude/);
      // Another document, same knowledge: not reported again.
      const other = fileUri('knowledge-problem-2.news');
      await client.open(other, 'Troops moved 5 km.\n', 1);
      await client.diagnosticsFor(other, 1);
      assert.strictEqual(client.messages.filter(x => x.message.includes('my-places.csv')).length, 1);
      // The file changes: the knowledge is rebuilt and its new problem reported.
      fs.writeFileSync(file, 'name,lat,lon,aliases,kind\nElsewhere Camp,,,,camp\n');
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
      const m2 = await client.message(x => x.message.includes(`${file}:2`));
      assert.match(m2.message, /missing latitude or longitude/);
      assert.deepStrictEqual(client.errors(), []);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes article dates from initializationOptions', async () => {
    const uri = fileUri('dated-by-analyst.news');
    const client = new LspClient({ initializationOptions: { referenceDates: { [uri]: '2019-11-30', 'file:///x': 'soon' } } });
    try {
      await client.initialize();
      await client.open(uri, 'Troops moved 5 km on Friday.\n', 1);
      const info = await client.request<{ referenceDate: string | null }>('dateline/analysisInfo', { uri });
      assert.strictEqual(info.referenceDate, '2019-11-30');
    } finally {
      await client.stop();
    }
  });

  it('also speaks over --node-ipc', async () => {
    // Only checks that the transport flag is understood: the process starts and waits instead of exiting.
    const { fork } = await import('child_process');
    const child = fork(path.join(ROOT, 'server', 'out', 'server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    try {
      const init = await new Promise<{ result?: InitializeResult }>((resolve, reject) => {
        child.on('message', m => resolve(m as { result?: InitializeResult }));
        child.on('exit', code => reject(new Error(`exited ${code}`)));
        child.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
      });
      assert.ok(init.result?.capabilities.semanticTokensProvider);
    } finally {
      child.kill();
    }
  });
});
