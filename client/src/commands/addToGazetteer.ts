// "Add to workspace gazetteer…": the code action the server offers on a place name it could not put on the map.
// Asks the analyst for the coordinates (from their own source) and the kind, then appends one CSV row to the
// workspace gazetteer (.dateline/gazetteer.csv) and makes sure `dateline.gazetteers` lists it. The server
// watches that file and re-analyses, so the name resolves. The file is only ever appended to.
import * as vscode from 'vscode';

export const WORKSPACE_GAZETTEER = '.dateline/gazetteer.csv';
const HEADER = 'name,lat,lon,aliases,kind\n';
const KINDS = ['town', 'village', 'city', 'border crossing', 'dam', 'hill', 'military base', 'power plant',
  'oil field', 'camp', 'desert', 'region', 'river', 'other'];

/** A place the analyst adds; `lat`/`lon` in decimal degrees (WGS 84). */
export interface GazetteerEntry { lat: number; lon: number; kind: string; aliases?: string[] }

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Parses `35.33, 40.14` (also with a space or semicolon); undefined when it is no coordinate pair. */
export function parseLatLon(text: string): { lat: number; lon: number } | undefined {
  const m = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return undefined;
  const lat = Number(m[1]), lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : undefined;
}

/**
 * Arguments, all optional: `(name?: string, documentUri?: string, entry?: GazetteerEntry)`; the code action
 * passes the first two, tests pass all three. Returns the gazetteer file's Uri, or undefined when cancelled.
 */
export async function addToGazetteer(arg1?: unknown, arg2?: unknown, arg3?: unknown): Promise<vscode.Uri | undefined> {
  const docUri = typeof arg2 === 'string' ? vscode.Uri.parse(arg2) : vscode.window.activeTextEditor?.document.uri;
  const folder = (docUri && vscode.workspace.getWorkspaceFolder(docUri)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Dateline: open a folder first: the workspace gazetteer lives in it (.dateline/gazetteer.csv).');
    return undefined;
  }
  let name = typeof arg1 === 'string' ? arg1.trim() : '';
  if (!name) {
    const editor = vscode.window.activeTextEditor;
    const selected = editor ? editor.document.getText(editor.selection).trim() : '';
    const answer = await vscode.window.showInputBox({ title: 'Dateline: Add to Workspace Gazetteer', prompt: 'Place name', value: selected });
    if (!answer?.trim()) return undefined;
    name = answer.trim();
  }
  let entry = arg3 as GazetteerEntry | undefined;
  if (!entry) {
    const coords = await vscode.window.showInputBox({
      title: `Dateline: where is ${name}?`,
      prompt: 'Latitude, longitude in decimal degrees (WGS 84), from a source you trust, e.g. 34.98, 38.73',
      placeHolder: 'lat, lon',
      validateInput: v => (parseLatLon(v) ? undefined : 'Two numbers: latitude (-90..90), longitude (-180..180)'),
    });
    const ll = coords === undefined ? undefined : parseLatLon(coords);
    if (!ll) return undefined;
    const kind = await vscode.window.showQuickPick(KINDS, { title: `Dateline: what is ${name}?` });
    if (!kind) return undefined;
    const aliases = await vscode.window.showInputBox({
      title: `Dateline: other spellings of ${name} (optional)`, prompt: 'Separated by ;', placeHolder: 'al-Tanf; Al Tanf; Tanf',
    });
    if (aliases === undefined) return undefined;
    entry = { ...ll, kind, aliases: aliases.split(';').map(s => s.trim()).filter(Boolean) };
  }
  if (!Number.isFinite(entry.lat) || !Number.isFinite(entry.lon) || Math.abs(entry.lat) > 90 || Math.abs(entry.lon) > 180) {
    void vscode.window.showErrorMessage('Dateline: latitude must be within -90..90 and longitude within -180..180.');
    return undefined;
  }

  const file = vscode.Uri.joinPath(folder.uri, WORKSPACE_GAZETTEER);
  let existing = '';
  try { existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(file)); } catch { /* a new file */ }
  const row = [name, String(entry.lat), String(entry.lon), (entry.aliases ?? []).join(';'), entry.kind].map(csvCell).join(',') + '\n';
  const text = (existing === '' ? HEADER : existing.endsWith('\n') ? existing : existing + '\n') + row;
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.dateline'));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));

  const config = vscode.workspace.getConfiguration('dateline', folder.uri);
  const listed = config.get<string[]>('gazetteers') ?? [];
  if (!listed.some(p => p.replace(/\\/g, '/').replace(/^\.\//, '') === WORKSPACE_GAZETTEER || p === file.fsPath)) {
    await config.update('gazetteers', [...listed, WORKSPACE_GAZETTEER], vscode.ConfigurationTarget.Workspace);
  }
  vscode.window.setStatusBarMessage(`Dateline: added ${name} to ${WORKSPACE_GAZETTEER}`, 4000);
  return file;
}
