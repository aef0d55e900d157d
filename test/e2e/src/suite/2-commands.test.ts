// The commands: Export Annotations, Annotate This File, Set Article Date, and the dateline.files setting.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { api, codeOf, datelineDiagnostics, open, sleep, waitFor, workspaceUri } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const SCRATCH = process.env.DATELINE_E2E_TMP ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-'));
/** How long a document that is not an article is watched for (wrong) diagnostics. */
const QUIET_MS = 1500;

interface Exported {
  file: string;
  annotations: { category: string; text: string; start: number; end: number; value?: { si?: number } }[];
  diagnostics: { code: string }[];
}

describe('Dateline: Export Annotations…', () => {
  it('writes JSON that validates against schema/annotations.schema.json, replacing a file when told to', async () => {
    const doc = await open('convoy.news');
    await (await api()).ready();
    const target = path.join(SCRATCH, 'convoy-annotations.json');
    fs.writeFileSync(target, 'stale content');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'dateline.exportAnnotations', target, 'json', { overwrite: true });
    assert.ok(written, 'the command returns the file it wrote');
    assert.strictEqual(written.fsPath, target);
    const exported: unknown = JSON.parse(fs.readFileSync(target, 'utf8'));

    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'annotations.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile<Exported>(schema);
    if (!validate(exported)) assert.fail(JSON.stringify(validate.errors, null, 2));

    const distance = exported.annotations.find(a => a.category === 'distance' && a.text === '28 miles');
    assert.ok(distance, 'the export holds the distance');
    assert.ok(Math.abs((distance.value?.si ?? NaN) - 45061.632) < 1e-6, JSON.stringify(distance.value));
    // Offsets are code points in the file's text (no astral characters here: the same as UTF-16 indexes).
    assert.strictEqual(doc.getText().slice(distance.start, distance.end), '28 miles');
    assert.ok(exported.diagnostics.some(d => d.code === 'DL101'), 'the export holds DL101');
  });

  it('offers the server\'s formats, and writes CSV', async () => {
    await open('convoy.news');
    const target = path.join(SCRATCH, 'convoy-annotations.csv');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'dateline.exportAnnotations', target, 'csv', { overwrite: true });
    assert.ok(written);
    const csv = fs.readFileSync(target, 'utf8');
    assert.match(csv.split('\r\n')[0], /^file,id,category,start,end,text,/);
    assert.ok(csv.split('\r\n').some(row => row.includes(',distance,') && row.includes('28 miles')), csv);
  });

  it('refuses an unknown format without writing anything', async () => {
    await open('convoy.news');
    const target = path.join(SCRATCH, 'never.txt');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'dateline.exportAnnotations', target, 'no-such-format', { overwrite: true });
    assert.strictEqual(written, undefined);
    assert.ok(!fs.existsSync(target));
  });
});

describe('Dateline: Annotate This File', () => {
  it('leaves a plain .txt alone, and analyses it once it is annotated', async () => {
    const doc = await open('notes.txt');
    assert.strictEqual(doc.languageId, 'plaintext');
    await sleep(QUIET_MS);
    assert.deepStrictEqual(datelineDiagnostics(doc.uri), [], 'no Dateline diagnostics on a plain .txt');
    const annotated = await vscode.commands.executeCommand<vscode.TextDocument>('dateline.annotateFile');
    assert.strictEqual(annotated?.languageId, 'news');
    assert.strictEqual(annotated.uri.toString(), doc.uri.toString());
    const dl101 = await waitFor('DL101 on the annotated .txt', () => datelineDiagnostics(doc.uri).find(d => codeOf(d) === 'DL101'));
    assert.strictEqual(annotated.getText(dl101.range), '550sq/km');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

describe('Dateline: Set Article Date', () => {
  const uri = () => workspaceUri('convoy.news');

  it('sets the date relative dates resolve against, keeps it across a server restart, and clears it', async () => {
    await open('convoy.news');
    const dateline = await api();
    // The article has no header date and its dateline no date.
    await waitFor('no article date at first', async () => (await dateline.analysisInfo(uri()))?.referenceDate === null);

    assert.strictEqual(await vscode.commands.executeCommand('dateline.setArticleDate', '2024-02-30'), undefined,
      'a date not in the calendar is refused');
    assert.strictEqual(await vscode.commands.executeCommand('dateline.setArticleDate', '2024-01-12'), '2024-01-12');
    await waitFor('the server to use 2024-01-12', async () => (await dateline.analysisInfo(uri()))?.referenceDate === '2024-01-12');

    // A new server gets the date from the client (initializationOptions).
    await vscode.commands.executeCommand('dateline.restartServer');
    await dateline.ready();
    await waitFor('the restarted server to know 2024-01-12', async () => (await dateline.analysisInfo(uri()))?.referenceDate === '2024-01-12');

    assert.strictEqual(await vscode.commands.executeCommand('dateline.setArticleDate', null), null);
    await waitFor('the date to be cleared', async () => (await dateline.analysisInfo(uri()))?.referenceDate === null);
  });
});

describe('the dateline.files setting', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('dateline').update('files', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('analyses the .txt files it names, after a restart with the new document selector', async () => {
    const doc = await open('wire/dispatch.txt');
    await sleep(QUIET_MS);
    assert.deepStrictEqual(datelineDiagnostics(doc.uri), [], 'not an article yet');
    await vscode.workspace.getConfiguration('dateline').update('files', ['wire/*.txt'], vscode.ConfigurationTarget.Workspace);
    const dl101 = await waitFor('DL101 on wire/dispatch.txt', () => datelineDiagnostics(doc.uri).find(d => codeOf(d) === 'DL101'));
    assert.strictEqual(doc.getText(dl101.range), '12sq/km');
    assert.strictEqual(doc.languageId, 'plaintext', 'the file keeps its language');

    await vscode.workspace.getConfiguration('dateline').update('files', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the diagnostics to go once the file is no longer an article', () => datelineDiagnostics(doc.uri).length === 0);
  });
});
