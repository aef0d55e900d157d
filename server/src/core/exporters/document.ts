// The exported form of one analysed file: the CLI's JSON contract (schema/annotations.schema.json).
// Offsets count Unicode code points, end exclusive.
import type { AnalysisResult } from '../api';
import { CodePointMapper } from '../text/offsets';
import type { ActorRef, Category, FigureValue, PlaceRef, Severity, TimexValue } from '../types';

export interface ExportAnnotation {
  id: string;
  category: Category;
  start: number;
  end: number;
  text: string;
  value?: FigureValue | TimexValue;
  place?: PlaceRef;
  actor?: ActorRef;
  unresolved?: boolean;
}

export interface ExportDiagnostic {
  code: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
}

export interface ExportDocument {
  file: string;
  referenceDate: string | null;
  annotations: ExportAnnotation[];
  diagnostics: ExportDiagnostic[];
}

export interface Exporter {
  id: string;
  label: string;
  /** File name extension, without the dot. */
  extension: string;
  /** The text of one output holding these documents (several documents: the format's way of listing them). */
  render(docs: readonly ExportDocument[]): string;
}

export function toExportDocument(file: string, result: AnalysisResult): ExportDocument {
  const map = new CodePointMapper(result.text);
  return {
    file,
    referenceDate: result.referenceDate?.value ?? null,
    annotations: result.annotations.map(a => {
      const out: ExportAnnotation = {
        id: a.id, category: a.category,
        start: map.toCodePoint(a.start), end: map.toCodePoint(a.end), text: a.text,
      };
      if (a.value) out.value = a.value;
      if (a.place) out.place = a.place;
      if (a.actor) out.actor = a.actor;
      if (a.unresolved) out.unresolved = true;
      return out;
    }),
    diagnostics: result.findings.map(f => ({
      code: f.code, severity: f.severity,
      start: map.toCodePoint(f.start), end: map.toCodePoint(f.end), message: f.message,
    })),
  };
}
