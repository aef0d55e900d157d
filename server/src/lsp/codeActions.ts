// Quick fixes: one code action per Fix of a finding that touches the requested range, with the diagnostic it
// fixes attached (the client's own copy when it sent one) and `isPreferred` from the core.
import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding } from '../core';
import type { DiagnosticsPublisher } from './diagnostics';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { Analysed } from './documents';

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character &&
    a.end.line === b.end.line && a.end.character === b.end.character;
}

export function codeActionsFor(
  analysed: Analysed, params: CodeActionParams, diagnostics: DiagnosticsPublisher, documentChanges: boolean,
): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some(k => CodeActionKind.QuickFix === k || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === CodeActionKind.Empty)) {
    return [];
  }
  const snap = analysed.snapshot;
  const from = snap.offset(params.range.start);
  const to = snap.offset(params.range.end);
  const touches = (f: Finding) => f.start <= to && f.end >= from;
  const actions: CodeAction[] = [];
  for (const f of analysed.result.findings) {
    if (!f.fixes?.length || !touches(f)) continue;
    const own = diagnostics.toDiagnostic(f, snap);
    const theirs = params.context.diagnostics.find(d =>
      d.source === DIAGNOSTIC_SOURCE && d.code === f.code && sameRange(d.range, own.range));
    for (const fix of f.fixes) {
      const edits: TextEdit[] = fix.edits.map(e => ({ range: snap.range(e.start, e.end), newText: e.newText }));
      const edit: WorkspaceEdit = documentChanges
        ? { documentChanges: [{ textDocument: { uri: analysed.uri, version: analysed.version }, edits }] }
        : { changes: { [analysed.uri]: edits } };
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [theirs ?? own],
        isPreferred: fix.preferred === true,
        edit,
      });
    }
  }
  // A place name the gazetteer could not put on the map (unknown, or ambiguous): let the analyst add it to the
  // workspace gazetteer (the client's command asks for coordinates and kind, and appends one CSV row).
  const seen = new Set<string>();
  for (const a of analysed.result.annotations) {
    if (a.start > to) break;
    if (a.end < from || a.category !== 'place' || !a.unresolved || seen.has(a.text)) continue;
    seen.add(a.text);
    const title = `Add "${a.text}" to workspace gazetteer…`;
    actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: ADD_TO_GAZETTEER, arguments: [a.text, analysed.uri] } });
  }
  return actions;
}

/** The client's command that appends a place to the workspace gazetteer. */
export const ADD_TO_GAZETTEER = 'dateline.addToGazetteer';
