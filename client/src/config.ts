// Reading the `dateline.*` settings the client itself needs (the server reads the rest).
import * as path from 'path';
import * as vscode from 'vscode';

export const SECTION = 'dateline';
export const NEWS_LANGUAGE = 'news';

/** Settings whose change needs a new client: the document selector. (The server itself follows changes to
 * the other settings, gazetteer and actor files included.) */
export const RESTART_SETTINGS = [`${SECTION}.files`];

function stringList(key: string): string[] {
  const v = vscode.workspace.getConfiguration(SECTION).get<unknown>(key);
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

/**
 * `dateline.files` as document-selector globs. VS Code matches a glob string against the whole file path,
 * so a relative glob (`articles/*.txt`) is anchored anywhere with `**\/` the way `files.exclude` reads it.
 */
export function fileGlobs(): string[] {
  return stringList('files').map(g => (g.startsWith('/') || g.startsWith('**') ? g : `**/${g.replace(/^\.\//, '')}`));
}

/** The analyst's gazetteer and actor files, resolved against the first workspace folder when relative. */
export function knowledgeFiles(): string[] {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const files = [...stringList('gazetteers'), ...stringList('actors')];
  return files.map(f => (path.isAbsolute(f) || !base ? f : path.join(base, f)));
}

/** Fits both VS Code's and the language client's document selector types. */
export type Filter = { language: string } | { scheme: string; pattern: string };

export function documentSelector(): Filter[] {
  return [
    { language: NEWS_LANGUAGE },
    ...fileGlobs().map((pattern): Filter => ({ scheme: 'file', pattern })),
  ];
}

/** Is this a document the Dateline server analyses? */
export function isDatelineDocument(doc: vscode.TextDocument): boolean {
  return vscode.languages.match(documentSelector(), doc) > 0;
}
