// The analysis core's public surface: text (a reference date, settings, knowledge) in; annotations and
// findings out. Nothing here imports LSP or VS Code.
export * from './types';
export type { AnalysisResult, ReferenceDate } from './api';
export { Analyzer, analyze, defaultKnowledge, CancelledError } from './pipeline';
export type { AnalyzeOptions, CancellationToken } from './pipeline';
export { Knowledge } from './knowledge/knowledge';
export type { KnowledgeProblem, KnowledgeOptions } from './knowledge/knowledge';
export { defaultSettings, normalizeSettings } from './settings';
export type { Settings } from './settings';
export { hoverMarkdown, annotationAt } from './hover/index';
export { checks } from './checks/index';
export { exporters, exporterFor } from './exporters/index';
export { toExportDocument } from './exporters/document';
export type { ExportDocument, Exporter } from './exporters/document';
export { CodePointMapper } from './text/offsets';
