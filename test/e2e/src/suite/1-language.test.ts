// The language features of a .news article, through VS Code's own command API (what the editor shows).
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  api, codeOf, datelineDiagnostics, decodeTokens, EXTENSION_ID, hoverText, open, positionOf, rangeOf, report, revert, waitFor,
} from './helpers';

const CATEGORIES = ['person', 'organization', 'place', 'misc', 'date', 'time', 'duration', 'set',
  'distance', 'area', 'count', 'percent'];

describe('a .news article', function () {
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await open('convoy.news');
  });

  it('is the news language and activates the extension, which starts the server', async () => {
    assert.strictEqual(doc.languageId, 'news');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is loaded');
    // Opening the article is what activates it (onLanguage:news): nothing here calls activate().
    await waitFor('the extension to activate on opening a .news file', () => ext.isActive);
    await (await api()).ready();
    report(`      VS Code ${vscode.version}, remote ${vscode.env.remoteName ?? 'none'}`);
  });

  it('gets semantic tokens: the 12 categories in the legend, a distance token on "28 miles"', async () => {
    const legend = await waitFor('the semantic tokens legend', () =>
      vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', doc.uri));
    for (const c of CATEGORIES) assert.ok(legend.tokenTypes.includes(c), `legend has ${c}: ${legend.tokenTypes.join(',')}`);
    assert.ok(legend.tokenModifiers.includes('approximate') && legend.tokenModifiers.includes('unresolved'), legend.tokenModifiers.join(','));
    const tokens = await waitFor('semantic tokens', async () => {
      const t = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
      return t && t.data.length > 0 ? t : undefined;
    });
    const decoded = decodeTokens(doc, legend, tokens);
    const distance = decoded.find(t => t.type === 'distance');
    assert.ok(distance, `a distance token among ${JSON.stringify(decoded.map(t => `${t.type}:${t.text}`))}`);
    assert.strictEqual(distance.text, '28 miles');
    const line = doc.lineAt(distance.line).text;
    assert.ok(line.includes('journey of 28 miles'), 'the token sits where the text says 28 miles');
    const area = decoded.find(t => t.type === 'area');
    assert.ok(area && area.text.includes('550'), `an area token on 550sq/km: ${JSON.stringify(area)}`);
  });

  it('shows the SI value of a figure on hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, '28 miles', 1));
    const text = hoverText(hovers);
    report(`      hover: ${JSON.stringify(text.slice(0, 300))}`);
    // 28 international miles = 28 × 1609.344 m = 45,061.632 m (≈ 45.06 km).
    assert.match(text, /45[,\u2009 ]?061\.632\s*m\b/);
  });

  it('flags 550sq/km (DL101), and its quick fix writes 550 km²', async () => {
    const dl101 = await waitFor('the DL101 diagnostic', () => datelineDiagnostics(doc.uri).find(d => codeOf(d) === 'DL101'));
    assert.strictEqual(doc.getText(dl101.range), '550sq/km');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', doc.uri, dl101.range);
    const titles = actions.map(a => a.title);
    const fix = actions.find((a): a is vscode.CodeAction => a.title === 'Write 550 km²' && 'edit' in a);
    assert.ok(fix?.edit, `a "Write 550 km²" quick fix among ${JSON.stringify(titles)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    try {
      assert.ok(doc.getText().includes('the camp was 550 km² and'), doc.getText());
      assert.ok(!doc.getText().includes('550sq/km'));
      await waitFor('DL101 to go away after the fix', () => !datelineDiagnostics(doc.uri).some(d => codeOf(d) === 'DL101'));
    } finally {
      await revert(doc);
    }
    assert.ok(doc.getText().includes('550sq/km'), 'reverted for the next tests');
    await waitFor('DL101 back after the revert', () => datelineDiagnostics(doc.uri).some(d => codeOf(d) === 'DL101'));
  });

  it('lists the annotations in the Outline, by category', async () => {
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    });
    const names = symbols.map(s => s.name);
    const distance = symbols.find(s => s.name === 'distance');
    assert.ok(distance, `a distance group among ${names.join(', ')}`);
    assert.ok(distance.children.some(c => c.name === '28 miles'), JSON.stringify(distance.children.map(c => c.name)));
    const area = symbols.find(s => s.name === 'area');
    assert.ok(area?.children.some(c => c.name === '550sq/km'), JSON.stringify(area?.children.map(c => c.name)));
    // Each child's range is where the text says it.
    const child = distance.children.find(c => c.name === '28 miles')!;
    assert.ok(child.range.isEqual(rangeOf(doc, '28 miles')), JSON.stringify(child.range));
  });

  it('shows "Dateline: N annotations · 1 warning" in the status bar', async () => {
    const dateline = await api();
    const text = await waitFor('the status bar text', async () => {
      await dateline.refreshStatus();
      const t = dateline.statusText();
      return /Dateline: \d+ annotations? · .*warning/.test(t) ? t : undefined;
    });
    const info = await dateline.analysisInfo(doc.uri);
    assert.ok(info && info.annotationCount > 0);
    assert.ok(text.includes(`${info.annotationCount} annotation`), `${text} vs ${JSON.stringify(info)}`);
  });

  it('updates the status bar after an edit that changes no diagnostic (dateline/analysed)', async () => {
    const dateline = await api();
    const before = dateline.statusText();
    const count = Number(/(\d+) annotations?/.exec(before)?.[1]);
    const diagnostics = JSON.stringify(datelineDiagnostics(doc.uri));
    const editor = await vscode.window.showTextDocument(doc);
    // A date typed at the end of the headline: one more annotation, the same diagnostics (none is on that line).
    assert.ok(await editor.edit(e => e.insert(doc.lineAt(0).range.end, ' on Friday')));
    try {
      // Not refreshStatus(): the server's notification alone must bring the new count.
      const after = await waitFor('the status bar to count the new date', () =>
        dateline.statusText().includes(`${count + 1} annotations`) ? dateline.statusText() : undefined);
      assert.ok(after.includes('warning'), after);
      assert.strictEqual(JSON.stringify(datelineDiagnostics(doc.uri)), diagnostics);
    } finally {
      await revert(doc);
    }
    await waitFor('the status bar back to its count', () => dateline.statusText() === before);
  });
});
