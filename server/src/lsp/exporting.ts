// `dateline/exportFormats` and `dateline/export`: the core's exporters over the current analyses of the
// documents (waiting for analyses in flight). A URI that is not open is read from disk and analysed once.
import { promises as fs } from 'fs';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { Analyzer, exporterFor, exporters, toExportDocument, type AnalyzeOptions, type ExportDocument } from '../core';
import type { DocumentManager } from './documents';
import { uriToPath } from './knowledge';
import type { ExportFormat, ExportParams, ExportResult } from './protocol';

export function exportFormats(): ExportFormat[] {
  return exporters.map(e => ({ id: e.id, label: e.label, extension: e.extension }));
}

export async function exportDocuments(
  params: ExportParams, docs: DocumentManager, optionsFor: (uri: string) => AnalyzeOptions, token?: CancellationToken,
): Promise<ExportResult> {
  const exporter = exporterFor(params?.format);
  if (!exporter) {
    throw new ResponseError(ErrorCodes.InvalidParams,
      `unknown export format ${JSON.stringify(params?.format)}; known: ${exporters.map(e => e.id).join(', ')}`);
  }
  if (!Array.isArray(params.uris) || !params.uris.every(u => typeof u === 'string')) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'uris: expected a list of document URIs');
  }
  const out: ExportDocument[] = [];
  for (const uri of params.uris) {
    const file = uriToPath(uri) ?? uri;
    if (docs.get(uri)) {
      const analysed = await docs.whenCurrent(uri, token);
      if (!analysed) throw new ResponseError(LSPErrorCodes.RequestCancelled, `export cancelled: ${uri} changed or closed`);
      out.push(toExportDocument(file, analysed.result));
      continue;
    }
    const p = uriToPath(uri);
    if (p === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is neither open nor a file`);
    let text: string;
    try {
      text = await fs.readFile(p, 'utf8');
    } catch (error) {
      throw new ResponseError(ErrorCodes.InvalidParams, `cannot read ${p}: ${(error as Error).message}`);
    }
    const never = { isCancellationRequested: false };
    const cancel = token ? { get isCancellationRequested() { return token.isCancellationRequested; } } : never;
    out.push(toExportDocument(file, await new Analyzer().analyzeAsync(text, optionsFor(uri), cancel)));
  }
  return { text: exporter.render(out), extension: exporter.extension };
}
