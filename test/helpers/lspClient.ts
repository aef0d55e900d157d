// A minimal LSP client over real JSON-RPC on stdio, for the protocol tests and the benchmark: it spawns the
// BUILT server (server/out/server.js; run `npm run build` first), answers the server's requests
// (workspace/configuration, client/registerCapability...) and records what the server sends.
import { fork, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities, InitializeResult, Position, PublishDiagnosticsParams, Range, SemanticTokensEdit,
  ShowMessageParams, TextDocumentContentChangeEvent, LogMessageParams,
} from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'server', 'out', 'server.js');

/** Fails clearly when the server has not been built (the tests build nothing themselves). */
export function assertServerBuilt(): void {
  if (!fs.existsSync(SERVER)) {
    throw new Error(`${path.relative(ROOT, SERVER)} is missing: run "npm run build" before the protocol tests`);
  }
}

export function fileUri(name: string): string {
  return pathToFileURL(path.join(ROOT, 'test', 'fixtures', 'virtual', name)).href;
}

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    workspaceEdit: { documentChanges: true },
    semanticTokens: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    semanticTokens: {
      requests: { full: { delta: true }, range: true },
      tokenTypes: [], tokenModifiers: [], formats: ['relative'],
    },
  },
  window: { showMessage: {} },
};

export interface ClientOptions {
  /** The `dateline` section the client answers `workspace/configuration` with (can change during a test). */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Extra arguments (default `--stdio`, or `--node-ipc` with `transport: 'ipc'`). */
  args?: string[];
  /**
   * `stdio` (default): JSON-RPC over the server's stdin and stdout. `ipc`: over Node's IPC channel, as the
   * extension's client starts the server (TransportKind.ipc in client/src/client.ts).
   */
  transport?: 'stdio' | 'ipc';
  /**
   * How many publishDiagnostics messages `published` keeps (default: all, for tests that count them). The bench
   * keeps a few, as an editor keeps only the latest per document: hundreds of 200 KB payloads held by the client
   * would make its own garbage collections part of the measured latency.
   */
  keepPublished?: number;
}

/** `dateline/analysed` (server/src/lsp/protocol.ts), sent after every analysis of an open document. */
export interface AnalysedParams {
  uri: string;
  version: number;
  referenceDate: string | null;
  annotationCount: number;
  findingCount: number;
  diagnosticsPublished: boolean;
}

interface DiagnosticsWaiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

interface Waiter<M> { accept: (m: M) => boolean; resolve: (m: M) => void }

/** The waiters that `m` does not satisfy; the others are resolved with it. */
function settle<M>(waiters: Waiter<M>[], m: M): Waiter<M>[] {
  return waiters.filter(w => {
    if (!w.accept(m)) return true;
    w.resolve(m);
    return false;
  });
}

/** The first of `seen` that `accept`s, else the next one to come (a waiter), within `timeoutMs`. */
function waitFor<M>(what: string, seen: M[], waiters: Waiter<M>[], accept: (m: M) => boolean, timeoutMs: number): Promise<M> {
  const found = seen.find(accept);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no such ${what} within ${timeoutMs} ms; got ${JSON.stringify(seen)}`)), timeoutMs);
    waiters.push({ accept, resolve: m => { clearTimeout(timer); resolve(m); } });
  });
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  settings: unknown;
  /**
   * Every publishDiagnostics, in order. The server publishes only diagnostics that differ from the last ones it
   * published for the document; `analysed` has one entry per analysis.
   */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every `dateline/analysed`, in order. */
  readonly analysed: AnalysedParams[] = [];
  /** The last publishDiagnostics per URI: the diagnostics this client holds. */
  private readonly holds = new Map<string, PublishDiagnosticsParams>();
  /** What the client held after each analysis (a publish, or the last one for an unchanged analysis), in order. */
  private readonly views: PublishDiagnosticsParams[] = [];
  /** window/showMessage notifications and window/showMessageRequest requests. */
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  configurationRequests = 0;
  registrations: { method: string; registerOptions?: unknown }[] = [];
  refreshRequests = 0;
  stderr = '';
  exitCode: number | null | undefined;
  private diagnosticsWaiters: DiagnosticsWaiter[] = [];
  private messageWaiters: Waiter<ShowMessageParams>[] = [];
  private logWaiters: Waiter<LogMessageParams>[] = [];
  private analysedWaiters: Waiter<AnalysedParams>[] = [];
  private diagnosticsListeners: ((p: PublishDiagnosticsParams) => void)[] = [];

  constructor(private readonly options: ClientOptions = {}) {
    assertServerBuilt();
    this.settings = options.settings ?? {};
    if (options.transport === 'ipc') {
      // execArgv: not this process's (fork passes them on by default: ts-node in the tests and the bench).
      this.proc = fork(SERVER, options.args ?? ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
      this.conn = createMessageConnection(new IPCMessageReader(this.proc), new IPCMessageWriter(this.proc));
    } else {
      this.proc = spawn(process.execPath, [SERVER, ...(options.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
      this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    }
    this.proc.stderr!.on('data', d => { this.stderr += String(d); });
    this.proc.on('exit', code => { this.exitCode = code; });
    this.conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      return params.items.map(i => (i.section === 'dateline' ? this.settings : null));
    });
    this.conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/semanticTokens/refresh', () => { this.refreshRequests++; return null; });
    this.conn.onRequest('window/showMessageRequest', (m: ShowMessageParams) => { this.gotMessage(m); return null; });
    this.conn.onNotification('window/showMessage', (m: ShowMessageParams) => this.gotMessage(m));
    this.conn.onNotification('window/logMessage', (m: LogMessageParams) => {
      this.logs.push(m);
      this.logWaiters = settle(this.logWaiters, m);
    });
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      if (this.options.keepPublished !== undefined && this.published.length > this.options.keepPublished) this.published.shift();
      this.holds.set(p.uri, p);
      for (const l of this.diagnosticsListeners) l(p);
      this.view(p);
    });
    this.conn.onNotification('dateline/analysed', (a: AnalysedParams) => {
      this.analysed.push(a);
      if (this.options.keepPublished !== undefined && this.analysed.length > this.options.keepPublished) this.analysed.shift();
      this.analysedWaiters = settle(this.analysedWaiters, a);
      // Not published because unchanged: the diagnostics held are those of this version.
      if (!a.diagnosticsPublished) this.view(this.held(a));
    });
    this.conn.listen();
  }

  get pid(): number { return this.proc.pid!; }

  private view(p: PublishDiagnosticsParams): void {
    this.views.push(p);
    if (this.options.keepPublished !== undefined && this.views.length > this.options.keepPublished) this.views.shift();
    this.diagnosticsWaiters = this.diagnosticsWaiters.filter(w => {
      if (w.uri !== p.uri || !w.accept(p)) return true;
      w.resolve(p);
      return false;
    });
  }

  /** The diagnostics held for an analysis that published none (the last published, now of its version). */
  private held(a: AnalysedParams): PublishDiagnosticsParams {
    const last = this.holds.get(a.uri);
    if (!last) throw new Error(`dateline/analysed for ${a.uri} v${a.version} says unchanged, but nothing was published for it`);
    return { uri: a.uri, version: a.version, diagnostics: last.diagnostics };
  }

  private gotMessage(m: ShowMessageParams): void {
    this.messages.push(m);
    this.messageWaiters = settle(this.messageWaiters, m);
  }


  async initialize(extra: { rootUri?: string | null } = {}): Promise<InitializeResult> {
    const result = await this.conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: extra.rootUri ?? pathToFileURL(ROOT).href,
      workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'dateline' }],
      capabilities: CLIENT_CAPABILITIES,
      initializationOptions: this.options.initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1, languageId = 'news'): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return params === undefined ? this.conn.sendRequest<R>(method) : this.conn.sendRequest<R>(method, params);
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /**
   * Resolves with the diagnostics the client holds after the next analysis of `uri` that `accept`s them (not one
   * received before the call): a publishDiagnostics, or the last one published when `dateline/analysed` says an
   * analysis left them unchanged (then with the analysis's version).
   */
  nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.diagnosticsWaiters = this.diagnosticsWaiters.filter(w => w !== waiter);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms (server stderr: ${this.stderr.slice(-500)})`));
      }, timeoutMs);
      const waiter: DiagnosticsWaiter = { uri, accept, resolve: p => { clearTimeout(timer); resolve(p); } };
      this.diagnosticsWaiters.push(waiter);
    });
  }

  /**
   * The diagnostics the client holds for this exact document version (already received or still to come): those
   * published for it, or, when its analysis left them unchanged, the last ones published (with its version).
   */
  diagnosticsFor(uri: string, version: number, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    for (let i = this.views.length - 1; i >= 0; i--) {
      const p = this.views[i];
      if (p.uri === uri && p.version === version) return Promise.resolve(p);
    }
    return this.nextDiagnostics(uri, p => p.version === version, timeoutMs);
  }

  /** The next (or an already received) `dateline/analysed` that `accept`s. */
  analysedWhere(accept: (a: AnalysedParams) => boolean, timeoutMs = 15000): Promise<AnalysedParams> {
    return waitFor('dateline/analysed', this.analysed, this.analysedWaiters, accept, timeoutMs);
  }

  onDiagnostics(listener: (p: PublishDiagnosticsParams) => void): void { this.diagnosticsListeners.push(listener); }

  /** The next (or an already received) message that `accept`s. */
  message(accept: (m: ShowMessageParams) => boolean, timeoutMs = 10000): Promise<ShowMessageParams> {
    return waitFor('message', this.messages, this.messageWaiters, accept, timeoutMs);
  }

  /** The next (or an already received) log message (window/logMessage) that `accept`s. */
  log(accept: (m: LogMessageParams) => boolean, timeoutMs = 10000): Promise<LogMessageParams> {
    return waitFor('log message', this.logs, this.logWaiters, accept, timeoutMs);
  }

  /** Error-level log messages (a handler that threw logs one). */
  errors(): string[] { return this.logs.filter(l => l.type === 1).map(l => l.message); }

  alive(): boolean { return this.exitCode === undefined && this.proc.exitCode === null; }

  async stop(): Promise<void> {
    if (this.alive()) {
      try {
        await Promise.race([this.conn.sendRequest('shutdown'), new Promise(r => setTimeout(r, 2000))]);
        await this.conn.sendNotification('exit');
      } catch { /* already gone */ }
    }
    await new Promise<void>(resolve => {
      if (!this.alive()) return resolve();
      const t = setTimeout(() => { this.proc.kill(); resolve(); }, 2000);
      this.proc.once('exit', () => { clearTimeout(t); resolve(); });
    });
    this.conn.dispose();
  }
}

// ---- Decoding what the server sends ----

export interface DecodedToken { line: number; character: number; length: number; type: string; modifiers: string[] }

export function decodeTokens(data: readonly number[], legend: { tokenTypes: string[]; tokenModifiers: string[] }): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0, character = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const [dl, dc, length, type, mods] = data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    out.push({
      line, character, length, type: legend.tokenTypes[type],
      modifiers: legend.tokenModifiers.filter((_, b) => (mods & (1 << b)) !== 0),
    });
  }
  return out;
}

export function applyTokenEdits(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const out = [...data];
  // Edits refer to the original array: apply from the back.
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
}

// ---- An independent model of LSP positions (UTF-16, lines broken at \r\n, \r, \n) ----

export class Lines {
  readonly starts: number[] = [0];
  /** Length of each line without its line break. */
  readonly lengths: number[] = [];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 || c === 10) {
        this.lengths.push(i - this.starts[this.starts.length - 1]);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.lengths.push(text.length - this.starts[this.starts.length - 1]);
  }
  get count(): number { return this.starts.length; }
  offset(p: Position): number { return this.starts[p.line] + p.character; }
  position(offset: number): Position {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >>> 1; if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return { line: lo, character: offset - this.starts[lo] };
  }
  slice(r: Range): string { return this.text.slice(this.offset(r.start), this.offset(r.end)); }
  /** Throws unless the position is on a line of the document and within (or at the end of) that line. */
  checkPosition(p: Position, what: string): void {
    if (!Number.isInteger(p.line) || p.line < 0 || p.line >= this.count) throw new Error(`${what}: line ${p.line} outside 0..${this.count - 1}`);
    if (!Number.isInteger(p.character) || p.character < 0 || p.character > this.lengths[p.line]) {
      throw new Error(`${what}: character ${p.character} outside line ${p.line} of length ${this.lengths[p.line]}`);
    }
  }
  checkRange(r: Range, what: string): void {
    this.checkPosition(r.start, `${what} start`);
    this.checkPosition(r.end, `${what} end`);
    if (this.offset(r.end) < this.offset(r.start)) throw new Error(`${what}: end before start ${JSON.stringify(r)}`);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
