// Findings -> LSP diagnostics: source `dateline`, the stable code, a link to the check's section of the README,
// and the other spans a finding talks about as related information.
import { Diagnostic, DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { checks, type Finding, type Severity } from '../core';
import type { Analysed } from './documents';
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

  publish(analysed: Analysed): void {
    const diagnostics = analysed.result.findings.map(f => this.toDiagnostic(f, analysed.snapshot));
    void this.connection.sendDiagnostics({ uri: analysed.uri, version: analysed.version, diagnostics });
  }

  clear(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
