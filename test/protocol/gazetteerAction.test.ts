// The "Add to workspace gazetteer…" code action on a place name the gazetteer cannot place; and the row the
// client's command appends (name,lat,lon,aliases,kind) makes the name resolve.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { assertServerBuilt, LspClient } from '../helpers/lspClient';
import { analyze, Knowledge } from '../../server/src/core';

describe('language server: adding an unknown place to the workspace gazetteer', function () {
  this.timeout(30000);
  let client: LspClient;
  let dir: string;
  before(async () => {
    assertServerBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-gz-'));
    client = new LspClient();
    await client.initialize();
  });
  after(async () => { await client?.stop(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('offers the command on an unresolved place and not elsewhere', async () => {
    const uri = pathToFileURL(path.join(dir, 'a.news')).href;
    const text = 'Syrian troops reached al-Tanf on Monday, near the border with Iraq.\n';
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1);
    const at = text.indexOf('al-Tanf');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: at + 2 }, end: { line: 0, character: at + 2 } },
      context: { diagnostics: [] },
    });
    const add = actions.find(a => a.command?.command === 'dateline.addToGazetteer');
    assert.ok(add, JSON.stringify(actions));
    assert.strictEqual(add!.title, 'Add "al-Tanf" to workspace gazetteer…');
    assert.deepStrictEqual(add!.command!.arguments, ['al-Tanf', uri]);
    const iraq = text.indexOf('Iraq');
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: iraq }, end: { line: 0, character: iraq + 2 } },
      context: { diagnostics: [] },
    });
    assert.ok(!none.some(a => a.command?.command === 'dateline.addToGazetteer'), 'Iraq is on the map already');
  });

  it('resolves the name once the workspace gazetteer has its row', () => {
    const csv = path.join(dir, 'gazetteer.csv');
    // Coordinates invented for the test: the point is that the analyst's row is used, not where al-Tanf is.
    fs.writeFileSync(csv, 'name,lat,lon,aliases,kind\nal-Tanf,10.5,20.25,Al Tanf;Tanf,border crossing\n');
    const text = 'Syrian troops reached al-Tanf on Monday, near the border with Iraq.\n';
    const before = analyze(text).annotations.find(a => a.text === 'al-Tanf');
    assert.ok(before?.unresolved, 'unresolved without the row');
    const knowledge = new Knowledge({ gazetteers: [csv] });
    const after = analyze(text, { knowledge }).annotations.find(a => a.text === 'al-Tanf');
    assert.deepStrictEqual(knowledge.problems, []);
    assert.ok(after?.place, JSON.stringify(after));
    assert.strictEqual(after!.place!.lat, 10.5);
    assert.strictEqual(after!.place!.lon, 20.25);
  });
});
