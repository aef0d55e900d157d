// Starts, restarts and stops the language client. The server is `server/out/server.js`, a Node module
// spoken to over IPC; everything about the analysis happens there.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { documentSelector, knowledgeFiles } from './config';
import type { InitializationOptions } from './protocol';
import type { ReferenceDates } from './referenceDates';

export class DatelineClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private watchers: vscode.FileSystemWatcher[] = [];
  private starting: Promise<LanguageClient> | undefined;
  private readonly changed = new vscode.EventEmitter<LanguageClient>();
  /** Fires with each client once it has started (first start and restarts). */
  readonly onDidStart = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
    private readonly referenceDates: ReferenceDates,
  ) {}

  /** The running client, starting one when there is none. */
  ready(): Promise<LanguageClient> {
    if (this.client?.isRunning()) return Promise.resolve(this.client);
    return this.start();
  }

  current(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  start(): Promise<LanguageClient> {
    if (!this.starting) {
      this.starting = this.create().finally(() => { this.starting = undefined; });
    }
    return this.starting;
  }

  async restart(): Promise<LanguageClient> {
    if (this.starting) await this.starting.catch(() => undefined);
    await this.stop();
    return this.start();
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    if (c) {
      try { await c.stop(); } catch (e) { this.output.appendLine(`[client] stopping the server: ${String(e)}`); }
    }
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }

  private async create(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath(path.join('server', 'out', 'server.js'));
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    this.watchers = knowledgeFiles().map(file =>
      vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file))));
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(),
      outputChannel: this.output,
      // Settings: the server pulls them (workspace/configuration) and registers for their changes itself.
      // Files: the analyst's gazetteer and actor files at start; the server also registers watchers for the
      // files named later, and ignores events for files it no longer uses.
      synchronize: { fileEvents: this.watchers },
      // A function: every (re)start sends the dates the analyst has set so far.
      initializationOptions: (): InitializationOptions => ({ referenceDates: this.referenceDates.all() }),
    };
    const client = new LanguageClient('dateline', 'Dateline', serverOptions, clientOptions);
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      // A server that cannot even initialize is not retried behind the user's back: the next command or
      // opened article (or "Dateline: Restart Language Server") tries again.
      if (this.client === client) this.client = undefined;
      for (const w of this.watchers) w.dispose();
      this.watchers = [];
      await client.dispose().catch(() => undefined);
      throw error;
    }
    this.changed.fire(client);
    return client;
  }
}
