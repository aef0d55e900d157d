// The custom part of the Dateline protocol, as the client sees it. The server (server/src/lsp/) implements
// it; the two sides share only these method names and shapes, never code.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageclient/node';

export interface ExportFormat {
  id: string;
  label: string;
  /** File name extension, without the dot. */
  extension: string;
}

export interface ExportParams {
  uris: string[];
  format: string;
}

export interface ExportResult {
  text: string;
  extension: string;
}

export interface SetReferenceDateParams {
  uri: string;
  /** `YYYY-MM-DD`, or null to drop the analyst's date (the article's own header/dateline applies again). */
  date: string | null;
}

export interface AnalysisInfoParams {
  uri: string;
}

export interface AnalysisInfo {
  /** The document version the numbers describe. */
  version: number;
  referenceDate: string | null;
  annotationCount: number;
  findingCount: number;
}

/**
 * After every analysis of an open document (after its diagnostics, which the server publishes only when they
 * changed: `diagnosticsPublished`).
 */
export interface AnalysedParams extends AnalysisInfo {
  uri: string;
  diagnosticsPublished: boolean;
}

export interface InitializationOptions {
  referenceDates: Record<string, string>;
}

export const ExportFormatsRequest = new RequestType0<ExportFormat[], void>('dateline/exportFormats');
export const ExportRequest = new RequestType<ExportParams, ExportResult, void>('dateline/export');
export const AnalysisInfoRequest = new RequestType<AnalysisInfoParams, AnalysisInfo | null, void>('dateline/analysisInfo');
export const AnalysedNotification = new NotificationType<AnalysedParams>('dateline/analysed');
export const SetReferenceDateNotification = new NotificationType<SetReferenceDateParams>('dateline/setReferenceDate');
