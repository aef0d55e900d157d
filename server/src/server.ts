// The Dateline language server: `node server/out/server.js --stdio` (or `--node-ipc`, `--socket=N`).
// An adapter only: every analysis comes from the core (./core); the modules in ./lsp translate its results
// (UTF-16 offsets, the same unit as LSP positions) into the protocol's shapes.
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { pathToFileURL } from 'url';
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type Diagnostic, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type AnalysisResult, type AnalyzeOptions } from './core';
import { codeActionsFor } from './lsp/codeActions';
import { analysisInfo, DiagnosticsPublisher, sameDiagnostics } from './lsp/diagnostics';
import { DocumentManager } from './lsp/documents';
import { exportDocuments, exportFormats } from './lsp/exporting';
import { describe, guardNotification, guardRequest, guardStrict, warnUser } from './lsp/guard';
import { hoverAt } from './lsp/hover';
import { KnowledgeManager, uriToPath } from './lsp/knowledge';
import {
  AnalysisInfoRequest, ExportFormatsRequest, ExportRequest, SetReferenceDateNotification,
  type InitializationOptions,
} from './lsp/protocol';
import { ReferenceDates } from './lsp/referenceDates';
import { rehearse } from './lsp/rehearsal';
import { encodeTokens, legend, TokenCache } from './lsp/semanticTokens';
import { SettingsManager } from './lsp/settings';
import { Snapshot } from './lsp/snapshot';
import { documentSymbols } from './lsp/symbols';

// Memory: every edit re-runs the document-level stages, whose short-lived results V8 promotes to the old
// generation; by default V8 then lets the old generation grow to four times its live size before collecting,
// which put a server editing a 200 KB article at ~300 MB resident (live heap ~50 MB). A growth of 75% per
// collection keeps it near 220 MB (`npm run bench`, server peak RSS). It bounds no allocation: a 10 MB
// document still gets all the heap it needs. The heap controller reads this flag at each collection.
v8.setFlagsFromString('--heap-growing-percent=75');

const connection = createConnection(ProposedFeatures.all);
const log = connection.console;

// Nothing may take the server down: log and carry on.
process.on('uncaughtException', error => log.error(`dateline: uncaught: ${describe(error)}`));
process.on('unhandledRejection', error => log.error(`dateline: unhandled rejection: ${describe(error)}`));

/** The extension's README (server/out -> the extension root): diagnostics link to their check's section. */
// vsce stores the README as `readme.md` inside a VSIX; a checkout has `README.md`.
const README_URI = pathToFileURL(['README.md', 'readme.md'].map(n => path.resolve(__dirname, '..', '..', n))
  .find(p => fs.existsSync(p)) ?? path.resolve(__dirname, '..', '..', 'README.md')).href;
/** A few sentences touching every recognizer, to load the knowledge they need. */
const WARM_UP_TEXT = 'Date: 2020-01-02\n\nPARIS, Jan. 2 (Dateline) - Officials of the United Nations said on Monday that ' +
  'some 1,200 people had walked 12 km (7.5 miles) from Aleppo to Idlib, where 40% of a 550 sq km camp was flooded.\n';
/** Hover cards made per version in the rehearsal (of annotations spread over the document). */
const REHEARSAL_HOVERS = 24;
/** The rehearsal's document: never open in the editor, never sent. */
const REHEARSAL_URI = 'dateline-rehearsal:/samples.news';
/** The project's sample articles (shipped in the VSIX): the start-up rehearsal of the edit path edits copies of them. */
const REHEARSAL_ARTICLES = ['river-crossing.news', 'field-report.news'].map(f => path.resolve(__dirname, '..', '..', 'samples', f));
/** How long the first analyses wait for the client's settings before going ahead with the defaults. */
const SETTINGS_WAIT_MS = 1500;

const documents = new TextDocuments(TextDocument);
const referenceDates = new ReferenceDates();
const diagnostics = new DiagnosticsPublisher(connection, README_URI);
const tokens = new TokenCache();
let settings = new SettingsManager(connection, log, false);
let knowledge = new KnowledgeManager(connection, log, () => [], { dynamicRegistration: false, relativePatternSupport: false });
let roots: string[] = [];
let canRefreshTokens = false;
let canRegisterConfiguration = false;
let documentChanges = false;

/** The options of a document's analysis (the rehearsal's too: one object shape for V8). */
const analyzeOptions = (uri: string): AnalyzeOptions => ({
  knowledge: knowledge.knowledge,
  settings: settings.current.core,
  fallbackReferenceDate: referenceDates.get(uri),
  fileName: uriToPath(uri),
});

const docs = new DocumentManager(documents, {
  log,
  analyzeOptions,
  debounceMs: () => settings.current.debounceMs,
  onAnalysed: analysed => {
    diagnostics.publish(analysed);
    knowledge.report(analysed.result.problems);
  },
  onClosed: uri => {
    diagnostics.clear(uri);
    tokens.forget(uri);
  },
});

function refreshTokens(): void {
  if (canRefreshTokens) connection.languages.semanticTokens.refresh();
}

/** Settings or knowledge changed: everything open is analysed again and highlighted again. */
function reanalyseAll(): void {
  docs.reanalyseAll();
  refreshTokens();
}

async function pullSettings(pushed?: unknown): Promise<void> {
  const changed = await settings.refresh(pushed);
  if (!changed) return;
  knowledge.configure(settings.current.gazetteers, settings.current.actors);
  reanalyseAll();
}

connection.onInitialize(params => {
  const caps = params.capabilities;
  const canPull = caps.workspace?.configuration === true;
  canRegisterConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canRefreshTokens = caps.workspace?.semanticTokens?.refreshSupport === true;
  documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
  roots = (params.workspaceFolders ?? []).map(f => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  if (roots.length === 0 && params.rootUri) {
    const p = uriToPath(params.rootUri);
    if (p) roots.push(p);
  }
  settings = new SettingsManager(connection, log, canPull);
  knowledge = new KnowledgeManager(connection, log, () => roots, {
    dynamicRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    relativePatternSupport: caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
  });
  const init = (params.initializationOptions ?? {}) as InitializationOptions;
  const ignored = referenceDates.load(init.referenceDates);
  if (ignored.length) log.warn(`dateline: ignored article dates that are not YYYY-MM-DD: ${ignored.join('; ')}`);
  if (!canPull) docs.start();

  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      semanticTokensProvider: { legend, full: { delta: true }, range: true },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      documentSymbolProvider: { label: 'Dateline' },
    },
    serverInfo: { name: 'dateline', version: '0.1.0' },
  };
  return result;
});

connection.onInitialized(guardNotification(log, 'initialized', async () => {
  if (canRegisterConfiguration) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: 'dateline' })
      .then(undefined, error => log.warn(`dateline: could not register for configuration changes: ${describe(error)}`));
  }
  const timeout = setTimeout(() => docs.start(), SETTINGS_WAIT_MS);
  try {
    await settings.refresh();
    knowledge.configure(settings.current.gazetteers, settings.current.actors);
  } finally {
    clearTimeout(timeout);
    docs.start();
  }
  // Load the knowledge (gazetteer, models) now, while the editor is still busy starting, rather than
  // when the analyst opens the first article. Documents already open are analysed first.
  // Then, in quiet moments, rehearse the edit path (lsp/rehearsal.ts) so that the first keystrokes are not
  // the ones V8 compiles it on.
  setTimeout(guardNotification(log, 'warm-up', async () => {
    new Analyzer().analyze(WARM_UP_TEXT, analyzeOptions(REHEARSAL_URI));
    let articles: string[];
    try {
      articles = REHEARSAL_ARTICLES.map(f => fs.readFileSync(f, 'utf8'));
    } catch (error) {
      log.info(`dateline: no rehearsal of the edit path (${describe(error)})`);
      return;
    }
    // Each version adapted as a document's would be (its diagnostics compared with the last, its tokens
    // encoded, hover cards of a few of its annotations), and thrown away: nothing is sent.
    let last: Diagnostic[] = [];
    const afterAnalysis = (text: string, result: AnalysisResult, step: number) => {
      const analysed = { uri: REHEARSAL_URI, version: step, result, snapshot: new Snapshot(REHEARSAL_URI, step, text), elapsedMs: 0 };
      const now = diagnostics.diagnosticsOf(analysed);
      if (!sameDiagnostics(last, now)) last = now;
      encodeTokens(analysed);
      const annotations = result.annotations, stride = Math.max(1, Math.floor(annotations.length / REHEARSAL_HOVERS));
      for (let i = step % stride; i < annotations.length; i += stride) hoverAt(analysed, analysed.snapshot.position(annotations[i].start));
    };
    const report = await rehearse({ articles, analyzeOptions: () => analyzeOptions(REHEARSAL_URI), afterAnalysis, quietMs: () => docs.quietMs() });
    log.info(`dateline: edit path rehearsed: ${report.edits} edits of a ${(report.chars / 1024).toFixed(0)} KB article ` +
      `in ${report.busyMs.toFixed(0)} ms${report.gaveUp ? ' (stopped: the documents were never quiet for long)' : ''}`);
  }), 0);
}));

connection.onDidChangeConfiguration(guardNotification(log, 'didChangeConfiguration', params => pullSettings(params)));

/** The client and the server's own registration may both report one save: rebuild once for a burst. */
const KNOWLEDGE_REBUILD_DELAY_MS = 50;
let knowledgeRebuild: NodeJS.Timeout | undefined;
connection.onDidChangeWatchedFiles(guardNotification(log, 'didChangeWatchedFiles', params => {
  if (!params.changes.some(c => knowledge.isKnowledgeFile(c.uri))) return;
  if (knowledgeRebuild) clearTimeout(knowledgeRebuild);
  knowledgeRebuild = setTimeout(guardNotification(log, 'knowledge rebuild', () => {
    knowledgeRebuild = undefined;
    knowledge.rebuild();
    reanalyseAll();
  }), KNOWLEDGE_REBUILD_DELAY_MS);
}));

connection.onHover(guardRequest(log, 'hover', null, async (params, token) => {
  const analysed = await docs.whenCurrent(params.textDocument.uri, token);
  return analysed ? hoverAt(analysed, params.position) : null;
}));

connection.languages.semanticTokens.on(guardRequest(log, 'semanticTokens/full', { data: [] }, async (params, token) => {
  const analysed = await docs.whenCurrent(params.textDocument.uri, token);
  return analysed ? tokens.full(analysed) : { data: [] };
}));

connection.languages.semanticTokens.onDelta(guardRequest(log, 'semanticTokens/full/delta', { data: [] }, async (params, token) => {
  const analysed = await docs.whenCurrent(params.textDocument.uri, token);
  return analysed ? tokens.delta(analysed, params.previousResultId) : { data: [] };
}));

connection.languages.semanticTokens.onRange(guardRequest(log, 'semanticTokens/range', { data: [] }, async (params, token) => {
  const analysed = await docs.whenCurrent(params.textDocument.uri, token);
  if (!analysed) return { data: [] };
  const snap = analysed.snapshot;
  return { data: encodeTokens(analysed, snap.offset(params.range.start), snap.offset(params.range.end)) };
}));

connection.onCodeAction(guardRequest(log, 'codeAction', [], async (params, token) => {
  const analysed = await docs.whenCurrent(params.textDocument.uri, token);
  return analysed ? codeActionsFor(analysed, params, diagnostics, documentChanges) : [];
}));

connection.onDocumentSymbol(guardRequest(log, 'documentSymbol', [], async (params, token) => {
  const analysed = await docs.whenCurrent(params.textDocument.uri, token);
  return analysed ? documentSymbols(analysed) : [];
}));

connection.onRequest(ExportFormatsRequest, guardStrict(log, 'dateline/exportFormats', () => exportFormats()));

connection.onRequest(ExportRequest, guardStrict(log, 'dateline/export', (params, token) =>
  exportDocuments(params, docs, analyzeOptions, token)));

connection.onRequest(AnalysisInfoRequest, guardStrict(log, 'dateline/analysisInfo', async (params, token) => {
  // null for a document that is not open (yet): the client's status bar polls it while documents come and go.
  if (typeof params?.uri !== 'string' || !docs.get(params.uri)) return null;
  const analysed = await docs.whenCurrent(params.uri, token);
  return analysed ? analysisInfo(analysed) : null;
}));

connection.onNotification(SetReferenceDateNotification, guardNotification(log, 'dateline/setReferenceDate', params => {
  try {
    referenceDates.set(params.uri, params.date);
  } catch (error) {
    const message = `Dateline: the article date must be YYYY-MM-DD, got ${JSON.stringify(params.date)}.`;
    warnUser(connection, message);
    return;
  }
  docs.reanalyse(params.uri);
  refreshTokens();
}));

docs.listen(connection);
connection.listen();
