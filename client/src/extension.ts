// The Dateline extension: a thin client. It starts the language server (server/out/server.js), which finds
// and checks everything; the client contributes commands, remembers article dates and shows a status.
import * as vscode from 'vscode';
import { DatelineClient } from './client';
import { addToGazetteer } from './commands/addToGazetteer';
import { annotateFile } from './commands/annotateFile';
import { exportAnnotations, ExportOptions } from './commands/exportAnnotations';
import { setArticleDate } from './commands/setArticleDate';
import { isDatelineDocument, RESTART_SETTINGS } from './config';
import { AnalysisInfo, AnalysisInfoRequest } from './protocol';
import { ReferenceDates } from './referenceDates';
import { StatusBar } from './statusBar';

/** What `activate` returns: lets the end-to-end tests wait for the server. */
export interface DatelineApi {
  /** Resolves once the language server has started. */
  ready(): Promise<void>;
  /** The status bar text for the active editor ('' when hidden). */
  statusText(): string;
  /** Recomputes the status bar now. */
  refreshStatus(): Promise<void>;
  /** The server's `dateline/analysisInfo` for an open article. */
  analysisInfo(uri: vscode.Uri): Promise<AnalysisInfo | null>;
}

let datelineClient: DatelineClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<DatelineApi> {
  const output = vscode.window.createOutputChannel('Dateline');
  const dates = new ReferenceDates(context.workspaceState);
  const client = new DatelineClient(context, output, dates);
  datelineClient = client;
  const status = new StatusBar(client, output);
  context.subscriptions.push(output, client, status);

  context.subscriptions.push(
    vscode.commands.registerCommand('dateline.annotateFile', (resource?: vscode.Uri) => annotateFile(resource)),
    vscode.commands.registerCommand('dateline.exportAnnotations',
      (target?: unknown, format?: unknown, options?: ExportOptions) => exportAnnotations(client, target, format, options)),
    vscode.commands.registerCommand('dateline.setArticleDate',
      (date?: unknown, resource?: unknown) => setArticleDate(dates, client, date, resource)),
    vscode.commands.registerCommand('dateline.addToGazetteer',
      (name?: unknown, uri?: unknown, entry?: unknown) => addToGazetteer(name, uri, entry)),
    vscode.commands.registerCommand('dateline.restartServer', async () => { await client.restart(); startFailed = false; }),
    vscode.commands.registerCommand('dateline.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (client.current() && RESTART_SETTINGS.some(s => e.affectsConfiguration(s))) {
        output.appendLine('[client] dateline.files changed: restarting the server with the new document selector');
        client.restart().catch(err => output.appendLine(`[client] restart failed: ${String(err)}`));
      }
    }),
  );

  // The server starts with the first article opened: activating on plain text (for `dateline.files`)
  // must not start a server for every .txt file.
  // After a failed start, only the user (a command, "Restart Language Server") tries again: no error message
  // for every file opened.
  let startFailed = false;
  const startIfNeeded = () => {
    if (startFailed || client.current() || !vscode.workspace.textDocuments.some(isDatelineDocument)) return;
    client.start().catch(err => {
      startFailed = true;
      output.appendLine(`[client] the Dateline server did not start: ${String(err)}`);
      void vscode.window.showErrorMessage('Dateline: the language server did not start (see the "Dateline" output).');
    });
  };
  const updateContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'dateline.activeEditorIsArticle', !!doc && isDatelineDocument(doc));
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(() => { startIfNeeded(); updateContext(); }),
    vscode.window.onDidChangeActiveTextEditor(() => updateContext()),
    vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('dateline.files')) { updateContext(); startIfNeeded(); } }),
  );
  updateContext();
  startIfNeeded();
  return {
    ready: () => client.ready().then(() => undefined),
    statusText: () => status.text,
    refreshStatus: () => status.refresh(),
    analysisInfo: async uri => {
      const c = await client.ready();
      return c.sendRequest(AnalysisInfoRequest, { uri: c.code2ProtocolConverter.asUri(uri) });
    },
  };
}

export async function deactivate(): Promise<void> {
  await datelineClient?.stop();
  datelineClient = undefined;
}
