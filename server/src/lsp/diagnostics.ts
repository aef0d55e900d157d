// Findings -> LSP diagnostics: source `dateline`, the stable code, a link to the check's section of the README,
// and the other spans a finding talks about as related information.
//
// Published only when they differ from the last ones published for the document. Most edits change no
// diagnostic: a character typed in a line moves only the positions after it in that line, and most lines of an
// article hold none. Re-sending a 200 KB article's hundreds of diagnostics (~200 KB of JSON) for nothing would
// cost the server and the editor a few milliseconds on each keystroke. After every analysis the client gets
// `dateline/analysed`, which says whether diagnostics were published; when they were not, the ones it holds
// are those of the new version, because they are equal.
import { Diagnostic, DiagnosticSeverity, type Connection, type Range } from 'vscode-languageserver';
import { checks, type Finding, type Severity } from '../core';
import type { Analysed } from './documents';
import { AnalysedNotification, type AnalysisInfo } from './protocol';
import type { Snapshot } from './snapshot';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'dateline';

export class DiagnosticsPublisher {
  /**
   * The link to each check's section of the README, by code: one object per check, shared by its
   * diagnostics (they are sent, never changed), rather than a new string and object per diagnostic and edit.
   */
  private readonly descriptions: Map<string, { href: string }>;
  /** The diagnostics last published, by document URI (until the document is closed). */
  private readonly published = new Map<string, Diagnostic[]>();

  /** @param readmeUri `file:` URI of the extension's README; each check has a section named after it. */
  constructor(private readonly connection: Connection, readmeUri: string) {
    this.descriptions = new Map(checks.map(c => [c.code, Object.freeze({ href: `${readmeUri}#${c.name}` })]));
  }

  toDiagnostic(finding: Finding, snapshot: Snapshot): Diagnostic {
    const d: Diagnostic = {
      range: snapshot.range(finding.start, finding.end),
      severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: finding.code,
      message: finding.message,
    };
    const description = this.descriptions.get(finding.code);
    if (description) d.codeDescription = description;
    if (finding.related?.length) {
      d.relatedInformation = finding.related.map(r => ({
        location: { uri: snapshot.uri, range: snapshot.range(r.start, r.end) },
        message: r.message,
      }));
    }
    return d;
  }

  diagnosticsOf(analysed: Analysed): Diagnostic[] {
    return analysed.result.findings.map(f => this.toDiagnostic(f, analysed.snapshot));
  }

  /**
   * Publishes the diagnostics of an analysis unless they equal the last ones published for the document, then
   * sends `dateline/analysed`. Returns whether it published.
   */
  publish(analysed: Analysed): boolean {
    const diagnostics = this.diagnosticsOf(analysed);
    const last = this.published.get(analysed.uri);
    const changed = last === undefined || !sameDiagnostics(last, diagnostics);
    if (changed) {
      this.published.set(analysed.uri, diagnostics);
      void this.connection.sendDiagnostics({ uri: analysed.uri, version: analysed.version, diagnostics });
    }
    void this.connection.sendNotification(AnalysedNotification, {
      uri: analysed.uri, ...analysisInfo(analysed), diagnosticsPublished: changed,
    });
    return changed;
  }

  /** The document is closed: its diagnostics go (and the next open publishes afresh). */
  clear(uri: string): void {
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}

/** The numbers of `dateline/analysisInfo` and `dateline/analysed`. */
export function analysisInfo(analysed: Analysed): AnalysisInfo {
  const result = analysed.result;
  return {
    version: analysed.version,
    referenceDate: result.referenceDate?.value ?? null,
    annotationCount: result.annotations.length,
    findingCount: result.findings.length,
  };
}

/**
 * Whether two lists of diagnostics would show the same in the editor: the same ranges, severities, codes,
 * messages, links and related information, in the same order. (The URI of related information is always the
 * document's own.)
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i], y = b[i];
    if (!sameRange(x.range, y.range) || x.severity !== y.severity || x.code !== y.code || x.message !== y.message ||
      x.source !== y.source || x.codeDescription?.href !== y.codeDescription?.href) return false;
    const rx = x.relatedInformation, ry = y.relatedInformation;
    if (rx === undefined || ry === undefined) {
      if (rx !== ry) return false;
      continue;
    }
    if (rx.length !== ry.length) return false;
    for (let k = 0; k < rx.length; k++) {
      if (rx[k].message !== ry[k].message || rx[k].location.uri !== ry[k].location.uri ||
        !sameRange(rx[k].location.range, ry[k].location.range)) return false;
    }
  }
  return true;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character &&
    a.end.line === b.end.line && a.end.character === b.end.character;
}
