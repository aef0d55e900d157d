// "Dateline: 12 annotations · 1 warning" for the active news document.
import * as vscode from 'vscode';
import type { DatelineClient } from './client';
import { isDatelineDocument } from './config';
import { AnalysedNotification, AnalysedParams, AnalysisInfo, AnalysisInfoRequest } from './protocol';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function describe(info: AnalysisInfo | null, diagnostics: readonly vscode.Diagnostic[]): string {
  const count = (s: vscode.DiagnosticSeverity) => diagnostics.filter(d => d.severity === s).length;
  const parts: string[] = [];
  if (info) parts.push(plural(info.annotationCount, 'annotation'));
  const errors = count(vscode.DiagnosticSeverity.Error);
  const warnings = count(vscode.DiagnosticSeverity.Warning);
  const notes = count(vscode.DiagnosticSeverity.Information) + count(vscode.DiagnosticSeverity.Hint);
  if (errors) parts.push(plural(errors, 'error'));
  if (warnings) parts.push(plural(warnings, 'warning'));
  if (notes) parts.push(plural(notes, 'note'));
  if (!errors && !warnings && !notes) parts.push('no findings');
  return `Dateline: ${parts.join(' · ')}`;
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dateline.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private warned = false;

  constructor(private readonly client: DatelineClient, private readonly output: vscode.OutputChannel) {
    this.item.name = 'Dateline';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics(e => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some(u => u.toString() === uri)) this.schedule(50);
      }),
      vscode.workspace.onDidOpenTextDocument(d => { if (d === vscode.window.activeTextEditor?.document) this.schedule(0); }),
      client.onDidStart(c => {
        // Each analysis says what it found: the text shows it without asking (diagnostics are published only
        // when they changed, and the annotation count can change without them).
        this.disposables.push(c.onNotification(AnalysedNotification, params => this.analysed(params)));
        this.schedule(0);
      }),
    );
    this.schedule(0);
  }

  private shown = false;

  /** The text shown now, '' when hidden (for tests). */
  get text(): string { return this.shown ? this.item.text : ''; }

  schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { void this.refresh(); }, delayMs);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    const c = this.client.current();
    if (!doc || !isDatelineDocument(doc) || !c) { this.hide(); return; }
    let info: AnalysisInfo | null = null;
    try {
      info = await c.sendRequest(AnalysisInfoRequest, { uri: c.code2ProtocolConverter.asUri(doc.uri) });
    } catch (e) {
      if (!this.warned) { this.warned = true; this.output.appendLine(`[client] dateline/analysisInfo failed: ${String(e)}`); }
    }
    if (generation !== this.generation) return; // a newer refresh is under way
    this.show(doc, info);
  }

  /** An analysis finished: shown at once when it is of the active document. */
  private analysed(params: AnalysedParams): void {
    const doc = vscode.window.activeTextEditor?.document;
    const c = this.client.current();
    if (!doc || !c || !isDatelineDocument(doc) || c.code2ProtocolConverter.asUri(doc.uri) !== params.uri) return;
    if (this.timer) clearTimeout(this.timer);
    ++this.generation; // a refresh still waiting for its answer would show older numbers
    this.show(doc, params);
  }

  private show(doc: vscode.TextDocument, info: AnalysisInfo | null): void {
    const diagnostics = vscode.languages.getDiagnostics(doc.uri).filter(d => d.source === 'dateline');
    this.item.text = `$(note) ${describe(info, diagnostics)}`;
    this.item.tooltip = info?.referenceDate
      ? `Article date ${info.referenceDate}: relative dates resolve against it. Click for the Problems view.`
      : 'No article date: relative dates stay unresolved ("Dateline: Set Article Date"). Click for the Problems view.';
    this.shown = true;
    this.item.show();
  }

  private hide(): void {
    this.shown = false;
    this.item.hide();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
