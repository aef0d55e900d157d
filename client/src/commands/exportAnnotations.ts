// "Dateline: Export Annotations…": the server renders the annotations in a format it knows
// (`dateline/exportFormats`), the client asks where to put them and writes the file.
import * as path from 'path';
import * as vscode from 'vscode';
import type { DatelineClient } from '../client';
import { isDatelineDocument } from '../config';
import { ExportFormat, ExportFormatsRequest, ExportRequest } from '../protocol';

export interface ExportOptions {
  /** Replace an existing target passed as an argument without asking (tests, scripts). */
  overwrite?: boolean;
  /** Export all open news documents into one file instead of the active one. */
  all?: boolean;
}

/**
 * Arguments, all optional: `(target?: string, format?: string, options?: ExportOptions)`.
 * A menu passes the resource instead of a target; then that document is exported.
 * Returns the URI written, or undefined when cancelled.
 */
export async function exportAnnotations(
  client: DatelineClient, arg1?: unknown, format?: unknown, options?: ExportOptions,
): Promise<vscode.Uri | undefined> {
  const target = typeof arg1 === 'string' && arg1 !== '' ? arg1 : undefined;
  const resource = arg1 instanceof vscode.Uri ? arg1 : undefined;
  const active = resource
    ? await vscode.workspace.openTextDocument(resource)
    : vscode.window.activeTextEditor?.document;
  if (!active || !isDatelineDocument(active)) {
    void vscode.window.showWarningMessage('Dateline: open a news article (a .news file, or run "Dateline: Annotate This File") to export its annotations.');
    return undefined;
  }
  const c = await client.ready();
  const formats = await c.sendRequest(ExportFormatsRequest);
  if (!formats.length) throw new Error('The Dateline server offers no export format.');

  let chosen: ExportFormat | undefined;
  if (typeof format === 'string') {
    chosen = formats.find(f => f.id === format || f.extension === format);
    if (!chosen) {
      void vscode.window.showErrorMessage(`Dateline: unknown export format "${format}" (known: ${formats.map(f => f.id).join(', ')}).`);
      return undefined;
    }
  } else {
    const pick = await vscode.window.showQuickPick(
      formats.map(f => ({ label: f.label, description: `.${f.extension}`, format: f })),
      { title: 'Dateline: Export Annotations', placeHolder: 'Export format' });
    if (!pick) return undefined;
    chosen = pick.format;
  }

  let docs = [active];
  const open = vscode.workspace.textDocuments.filter(d => !d.isClosed && isDatelineDocument(d));
  if (options?.all) {
    docs = open;
  } else if (target === undefined && open.length > 1) {
    const scope = await vscode.window.showQuickPick([
      { label: `This article (${path.basename(active.uri.path)})`, all: false },
      { label: `All ${open.length} open articles`, all: true },
    ], { title: 'Dateline: Export Annotations', placeHolder: 'What to export' });
    if (!scope) return undefined;
    if (scope.all) docs = open;
  }

  let uri: vscode.Uri;
  if (target === undefined) {
    const base = path.basename(active.uri.path).replace(/\.[^.]*$/, '');
    const dir = active.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(active.uri, '..');
    const name = `${docs.length > 1 ? 'articles' : base}.${chosen.extension}`;
    const picked = await vscode.window.showSaveDialog({
      title: 'Dateline: Export Annotations',
      defaultUri: dir ? vscode.Uri.joinPath(dir, name) : undefined,
      filters: { [chosen.label]: [chosen.extension] },
      saveLabel: 'Export',
    });
    if (!picked) return undefined; // the save dialog has already asked about replacing an existing file
    uri = picked;
  } else {
    const folder = vscode.workspace.getWorkspaceFolder(active.uri) ?? vscode.workspace.workspaceFolders?.[0];
    uri = path.isAbsolute(target) || !folder ? vscode.Uri.file(path.resolve(target)) : vscode.Uri.joinPath(folder.uri, target);
    if (!options?.overwrite && await exists(uri)) {
      const answer = await vscode.window.showWarningMessage(
        `${uri.fsPath} already exists. Replace it?`, { modal: true }, 'Replace');
      if (answer !== 'Replace') return undefined;
    }
  }

  const result = await c.sendRequest(ExportRequest, {
    uris: docs.map(d => c.code2ProtocolConverter.asUri(d.uri)),
    format: chosen.id,
  });
  await vscode.workspace.fs.writeFile(uri, Buffer.from(result.text, 'utf8'));
  const shown = uri.scheme === 'file' ? uri.fsPath : uri.toString();
  void vscode.window.showInformationMessage(
    `Dateline: exported ${docs.length > 1 ? `${docs.length} articles` : path.basename(active.uri.path)} as ${chosen.id.toUpperCase()} to ${shown}`);
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try { await vscode.workspace.fs.stat(uri); return true; } catch { return false; }
}
