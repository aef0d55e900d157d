// The extension points of the core. A recognizer, refiner, check, hover card, reference-date source or
// exporter is one module that exports one of these objects; registering it is one line in the `index.ts`
// of its folder.

import type { Knowledge, KnowledgeProblem } from './knowledge/knowledge';
import type { Settings } from './settings';
import type { Segment } from './text/segment';
import type { Annotation, Category, Finding, Mention, Severity } from './types';

export interface SegmentContext {
  knowledge: Knowledge;
  settings: Settings;
}

/**
 * Finds mentions in one segment (a sentence or headline). Must be a pure function of the segment text,
 * the settings and the knowledge: its results are cached by segment text.
 * Offsets in the returned mentions are relative to `segment.text`.
 */
export interface SegmentRecognizer {
  id: string;
  categories: readonly Category[];
  /** Wins overlaps against lower priorities (figures and dates over names). */
  priority: number;
  recognize(segment: Segment, ctx: SegmentContext): Mention[];
}

export interface ReferenceDate {
  /** `YYYY-MM-DD`. */
  value: string;
  /** Where it came from: `option`, `header`, `dateline`, `analyst`... */
  source: string;
  /** The span of the text it was read from, if any. */
  start?: number;
  end?: number;
  /** Where a dateline without a year got the year: `a header line`, `a full date in the text`, `the file name …`. */
  yearFrom?: string;
}

export interface DocumentContext {
  text: string;
  segments: readonly Segment[];
  referenceDate?: ReferenceDate;
  knowledge: Knowledge;
  settings: Settings;
  /** Document-level caches shared by refiners and checks of one analysis. */
  memo: Map<string, unknown>;
}

/**
 * Document-level step over all mentions, in `order` (lower first): linking places, resolving dates against
 * the reference date, resolving overlaps (order 100). Refiners must be cheap: they run on every edit.
 */
export interface Refiner {
  id: string;
  order: number;
  refine(annotations: Annotation[], doc: DocumentContext): Annotation[];
}

export interface Check {
  /** Stable diagnostic code (`DL101`). */
  code: string;
  /** Setting key (`dateline.checks.<name>`), also the README anchor. */
  name: string;
  title: string;
  defaultSeverity: Severity;
  run(annotations: readonly Annotation[], doc: DocumentContext): Finding[];
}

/** Finds the article's own date in its text (a header line, a dateline). */
export interface ReferenceDateSource {
  id: string;
  order: number;
  /** `fileName`: the article's file name or path, when known (a dateline's year may come from it). */
  find(text: string, fileName?: string): ReferenceDate | undefined;
}

export interface HoverCard {
  categories: readonly Category[];
  /** Markdown. */
  render(annotation: Annotation, result: AnalysisResult): string;
}

export interface AnalysisResult {
  text: string;
  referenceDate?: ReferenceDate;
  annotations: Annotation[];
  findings: Finding[];
  /** Problems loading knowledge (malformed gazetteer files...), with file and line. */
  problems: KnowledgeProblem[];
}
