// Open documents and their analyses. One core Analyzer per document (it caches recognition per segment, so
// re-analysis after an edit only recognizes the segments that changed).
//
// Scheduling: every change (a text edit, new settings, new knowledge, a new reference date) bumps the
// document's sequence number, cancels the analysis in flight and starts a new one after `debounceMs`
// (edits arriving within it are coalesced into one run). An edit after a quiet spell (no analysis
// scheduled or running, no change for `debounceMs`) starts its analysis at once: the quiet time is only
// waited for within a burst of changes, so a single keystroke does not pay for it. Runs use `analyzeAsync`,
// which yields to the event loop every few milliseconds, so requests are answered while a long document is
// analysed. A result is "current" when it was made for the latest sequence number; requests that need the
// current text (`whenCurrent`) wait for it, or give up when the client cancels them. They are answered after
// the result's diagnostics are on their way.
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, CancelledError, type AnalysisResult, type AnalyzeOptions } from '../core';
import { describe, type Logger } from './guard';
import { Snapshot } from './snapshot';

export interface Analysed {
  uri: string;
  version: number;
  result: AnalysisResult;
  /** The analysed text with its line index: positions of this result come from here. */
  snapshot: Snapshot;
  /** Milliseconds from the start of the run to its result. */
  elapsedMs: number;
}

interface Run { seq: number; cancelled: boolean; done: Promise<void> }

interface DocState {
  analyzer: Analyzer;
  /** Bumped by anything that makes the latest result stale. */
  seq: number;
  latest?: Analysed & { seq: number };
  /** The document version when the last analysis was scheduled. */
  scheduledVersion?: number;
  /** Waiting for the debounce to end (or for the next turn of the event loop): cancels the wait. */
  timer?: () => void;
  /** When the last change was scheduled (performance.now()). */
  lastScheduled?: number;
  /** Debounce over, waiting for the first settings. */
  queued?: number;
  running?: Run;
  waiters: Set<(a: Analysed | undefined) => void>;
}

export interface DocumentManagerOptions {
  log: Logger;
  /** The options of an analysis of this document (settings, knowledge, the analyst's reference date). */
  analyzeOptions(uri: string): AnalyzeOptions;
  debounceMs(): number;
  /** Called with each current result (publish diagnostics, report knowledge problems). */
  onAnalysed(analysed: Analysed): void;
  /** Called when a document closes. */
  onClosed(uri: string): void;
}

export class DocumentManager {
  private readonly states = new Map<string, DocState>();
  /** Gate opened once the first settings are in: analysing with the wrong settings first would flash. */
  private ready: Promise<void>;
  private openGate!: () => void;
  /** When a document last changed, finished analysing or was asked about (performance.now()). */
  private lastActivity = performance.now();

  constructor(readonly documents: TextDocuments<TextDocument>, private readonly options: DocumentManagerOptions) {
    this.ready = new Promise(resolve => { this.openGate = resolve; });
    // Fires for the open and for every change; the version tells them apart from a repeated event.
    documents.onDidChangeContent(e => this.guard('change', () => {
      const doc = e.document;
      const s = this.states.get(doc.uri);
      if (s?.scheduledVersion === doc.version) return;
      this.schedule(doc.uri, s ? this.options.debounceMs() : 0);
    }));
    documents.onDidClose(e => this.guard('close', () => this.close(e.document.uri)));
  }

  /** Lets analyses start (after the first settings arrived, or the client could not give any). */
  start(): void { this.openGate(); }

  listen(connection: Connection): void { this.documents.listen(connection); }

  get(uri: string): TextDocument | undefined { return this.documents.get(uri); }
  uris(): string[] { return this.documents.keys(); }

  /** The latest result if it is current, without waiting. */
  current(uri: string): Analysed | undefined {
    const s = this.states.get(uri);
    const doc = this.documents.get(uri);
    if (!s?.latest || !doc || s.latest.seq !== s.seq || s.latest.version !== doc.version) return undefined;
    return s.latest;
  }

  /**
   * Milliseconds since a document last changed, finished analysing or was asked about by a request; 0 while an
   * analysis is scheduled or running. Background work (the start-up rehearsal) waits for quiet.
   */
  quietMs(): number {
    for (const s of this.states.values()) if (s.timer || s.running || s.queued !== undefined) return 0;
    return performance.now() - this.lastActivity;
  }

  /** The current result, waiting for the analysis in flight; undefined if the document closes or the request is cancelled. */
  whenCurrent(uri: string, token?: CancellationToken): Promise<Analysed | undefined> {
    this.lastActivity = performance.now();
    const now = this.current(uri);
    if (now) return Promise.resolve(now);
    const s = this.states.get(uri);
    if (!s || !this.documents.get(uri)) return Promise.resolve(undefined);
    if (!s.timer && !s.running && s.queued === undefined) this.schedule(uri, 0);
    return new Promise(resolve => {
      let sub: { dispose(): void } | undefined;
      const waiter = (a: Analysed | undefined) => { sub?.dispose(); resolve(a); };
      s.waiters.add(waiter);
      if (token) {
        sub = token.onCancellationRequested(() => { s.waiters.delete(waiter); resolve(undefined); });
      }
    });
  }

  /** Re-analyses every open document (settings, knowledge changed). */
  reanalyseAll(): void {
    for (const uri of this.documents.keys()) this.schedule(uri, 0);
  }

  /** Re-analyses one open document now (its reference date changed). */
  reanalyse(uri: string): void {
    if (this.documents.get(uri)) this.schedule(uri, 0);
  }

  private state(uri: string): DocState {
    let s = this.states.get(uri);
    if (!s) {
      s = { analyzer: new Analyzer(), seq: 0, waiters: new Set() };
      this.states.set(uri, s);
    }
    return s;
  }

  private schedule(uri: string, delay = this.options.debounceMs()): void {
    const s = this.state(uri);
    s.seq++;
    s.scheduledVersion = this.documents.get(uri)?.version;
    // A newer version cancels the run in flight, except a document's first run: cancelling it would throw
    // away the segments it has recognized so far (the Analyzer keeps its cache only from completed runs),
    // and on a long document that keeps being edited no run would ever complete. Its result is dropped as
    // stale, but its cache makes the next run incremental.
    const now = performance.now();
    this.lastActivity = now;
    const quiet = !s.timer && !s.running && s.queued === undefined &&
      (s.lastScheduled === undefined || now - s.lastScheduled >= delay);
    s.lastScheduled = now;
    if (quiet) delay = 0;
    if (s.running && s.latest) s.running.cancelled = true;
    s.timer?.();
    const seq = s.seq;
    const fire = () => {
      if (s.seq !== seq) return;
      s.timer = undefined;
      s.queued = seq;
      // One run at a time per Analyzer: wait for the one in flight to finish or notice its cancellation.
      Promise.all([this.ready, s.running?.done])
        .then(() => this.run(uri, s, seq))
        .catch(error => this.options.log.error(`dateline: analysis failed: ${describe(error)}`));
    };
    // No delay: the next turn of the event loop (a timer of 0 ms waits at least 1 ms).
    if (delay > 0) {
      const timer = setTimeout(fire, delay);
      s.timer = () => clearTimeout(timer);
    } else {
      const immediate = setImmediate(fire);
      s.timer = () => clearImmediate(immediate);
    }
  }

  private async run(uri: string, s: DocState, seq: number): Promise<void> {
    if (s.queued === seq) s.queued = undefined;
    if (s.seq !== seq || this.states.get(uri) !== s) return;
    const doc = this.documents.get(uri);
    if (!doc) return;
    let finish!: () => void;
    const run: Run = { seq, cancelled: false, done: new Promise<void>(resolve => { finish = resolve; }) };
    s.running = run;
    const token = { get isCancellationRequested() { return run.cancelled; } };
    const text = doc.getText();
    const version = doc.version;
    const t0 = performance.now();
    let result: AnalysisResult;
    try {
      result = await s.analyzer.analyzeAsync(text, this.options.analyzeOptions(uri), token);
    } catch (error) {
      if (error instanceof CancelledError || run.cancelled) return;
      // A bug in a recognizer or check: log it, and answer with an empty analysis rather than hang.
      this.options.log.error(`dateline: analysis of ${uri} failed: ${describe(error)}`);
      s.analyzer = new Analyzer();
      result = { text, annotations: [], findings: [], problems: [] };
    } finally {
      if (s.running === run) s.running = undefined;
      this.lastActivity = performance.now();
      finish();
    }
    if (run.cancelled || s.seq !== seq || this.states.get(uri) !== s) return;
    const analysed = { uri, version, result, snapshot: new Snapshot(uri, version, text), elapsedMs: performance.now() - t0, seq };
    s.latest = analysed;
    // The diagnostics first. vscode-jsonrpc encodes and writes a message from a setImmediate, and requests
    // waiting for this result (the editor asks for semantic tokens and symbols after every edit) would
    // otherwise do their work before it, as promise continuations. So they are answered one turn later,
    // if this is still the current result then (else they wait for the next one, as they would have).
    try {
      this.options.onAnalysed(analysed);
    } finally {
      setImmediate(() => this.release(uri, s, analysed));
    }
  }

  /** Answers the requests waiting for a result, if it is still the current one. */
  private release(uri: string, s: DocState, analysed: Analysed & { seq: number }): void {
    if (this.states.get(uri) !== s || s.latest !== analysed || s.seq !== analysed.seq || s.waiters.size === 0) return;
    const doc = this.documents.get(uri);
    if (!doc || doc.version !== analysed.version) return;
    const waiters = [...s.waiters];
    s.waiters.clear();
    for (const w of waiters) w(analysed);
  }

  private close(uri: string): void {
    const s = this.states.get(uri);
    if (!s) return;
    if (s.running) s.running.cancelled = true;
    s.timer?.();
    this.states.delete(uri);
    for (const w of s.waiters) w(undefined);
    s.waiters.clear();
    this.options.onClosed(uri);
  }

  private guard(what: string, fn: () => void): void {
    try { fn(); } catch (error) { this.options.log.error(`dateline: document ${what} failed: ${describe(error)}`); }
  }
}
