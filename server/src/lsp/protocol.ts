// The custom protocol between the Dateline client and server. The client (client/src/extension.ts) uses the
// same method names; change them in both places or not at all.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver';

export interface ExportFormat { id: string; label: string; extension: string }

export interface ExportParams {
  /** Documents to export (open ones are exported as they are in the editor). */
  uris: string[];
  /** An exporter id from `dateline/exportFormats` (`json`, `csv`, `geojson`). */
  format: string;
}
export interface ExportResult { text: string; extension: string }

export interface SetReferenceDateParams {
  uri: string;
  /** `YYYY-MM-DD`, or null to forget the analyst's date for this file. */
  date: string | null;
}

export interface AnalysisInfoParams { uri: string }
export interface AnalysisInfo {
  /** The document version the analysis was made for. */
  version: number;
  referenceDate: string | null;
  annotationCount: number;
  findingCount: number;
}

/**
 * Sent after every finished analysis of an open document, after its diagnostics. Diagnostics are published only
 * when they differ from the last ones published for the document (most edits leave them as they were, and a 200 KB
 * article has hundreds): `diagnosticsPublished` says whether this analysis published, and when it did not, the
 * client's diagnostics are already those of `version`.
 */
export interface AnalysedParams extends AnalysisInfo {
  uri: string;
  diagnosticsPublished: boolean;
}

/** What the client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** The analyst's article dates by document URI (`YYYY-MM-DD`). */
  referenceDates?: Record<string, string>;
}

export const ExportFormatsRequest = new RequestType0<ExportFormat[], void>('dateline/exportFormats');
export const ExportRequest = new RequestType<ExportParams, ExportResult, void>('dateline/export');
export const SetReferenceDateNotification = new NotificationType<SetReferenceDateParams>('dateline/setReferenceDate');
export const AnalysedNotification = new NotificationType<AnalysedParams>('dateline/analysed');
/** null when the document is not open. */
export const AnalysisInfoRequest = new RequestType<AnalysisInfoParams, AnalysisInfo | null, void>('dateline/analysisInfo');
