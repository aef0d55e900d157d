// Shared helpers of the end-to-end tests (they run inside the extension host).
import * as assert from 'assert';
import * as vscode from 'vscode';
export { report } from './result';

export const EXTENSION_ID = 'dateline.dateline';

/** What the extension's activate() returns (client/src/extension.ts, DatelineApi). */
export interface DatelineApi {
  ready(): Promise<void>;
  statusText(): string;
  refreshStatus(): Promise<void>;
  analysisInfo(uri: vscode.Uri): Promise<{ version: number; referenceDate: string | null; annotationCount: number; findingCount: number } | null>;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function open(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(doc);
  return doc;
}

export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Thenable<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) { last = e; }
    if (Date.now() > until) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(100);
  }
}

/**
 * Reverts a document to its saved text, waiting until it is. The command acts on the active editor, and on a
 * loaded machine the document may still be dirty when the command returns: then it is shown and reverted again.
 */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  await waitFor(`${doc.uri.path} to be reverted`, async () => {
    if (!doc.isDirty) return true;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    return !doc.isDirty;
  });
}

export async function api(): Promise<DatelineApi> {
  const ext = vscode.extensions.getExtension<DatelineApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const datelineApi = ext.isActive ? ext.exports : await ext.activate();
  await datelineApi.ready();
  return datelineApi;
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return c === undefined ? undefined : typeof c === 'object' ? String(c.value) : String(c);
}

export function datelineDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'dateline');
}

export interface DecodedToken { line: number; character: number; length: number; text: string; type: string; modifiers: string[] }

/** Decodes LSP/VS Code semantic tokens (5 integers per token, positions relative to the previous token). */
export function decodeTokens(doc: vscode.TextDocument, legend: vscode.SemanticTokensLegend, tokens: vscode.SemanticTokens): DecodedToken[] {
  const out: DecodedToken[] = [];
  const d = tokens.data;
  let line = 0, character = 0;
  for (let i = 0; i + 4 < d.length; i += 5) {
    line += d[i];
    character = d[i] === 0 ? character + d[i + 1] : d[i + 1];
    const length = d[i + 2];
    const modifiers = legend.tokenModifiers.filter((_, bit) => (d[i + 4] & (1 << bit)) !== 0);
    const range = new vscode.Range(line, character, line, character + length);
    out.push({ line, character, length, text: doc.getText(range), type: legend.tokenTypes[d[i + 3]], modifiers });
  }
  return out;
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap(h => h.contents)
    .map(c => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** The position of the first occurrence of `needle` in the document, plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in ${doc.uri.path}`);
  return doc.positionAt(at + offset);
}

export function rangeOf(doc: vscode.TextDocument, needle: string): vscode.Range {
  const start = positionOf(doc, needle);
  return new vscode.Range(start, start.translate(0, needle.length));
}
