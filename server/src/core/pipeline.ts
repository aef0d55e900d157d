// The analysis pipeline: segments -> recognizers (cached per segment text) -> refiners -> checks.
//
// `Analyzer` keeps the results of the previous run, so re-analysing an edited document only runs the
// recognizers on the segments whose text changed. `analyzeAsync` does the same work in slices, yielding
// to the event loop between them, and stops as soon as its cancellation token says so.

import type { AnalysisResult, DocumentContext, ReferenceDate, SegmentContext } from './api';
import { checks } from './checks';
import { Knowledge } from './knowledge/knowledge';
import { findReferenceDate } from './referenceDate/index';
import { refiners } from './refiners';
import { recognizers } from './recognizers';
import { defaultSettings, Settings } from './settings';
import { segment, Segment } from './text/segment';
import type { Annotation, Finding, Mention, Severity } from './types';

export interface AnalyzeOptions {
  knowledge?: Knowledge;
  settings?: Settings;
  /** The reference date given from outside (the CLI's --reference-date): wins over the text's own. */
  referenceDate?: string;
  /** The analyst's per-file date (command "Set Article Date"): used when the text gives none. */
  fallbackReferenceDate?: string;
  /** When given, receives the milliseconds each stage took (summed over runs): benchmarks and profiling. */
  timings?: Map<string, number>;
}

export interface CancellationToken { readonly isCancellationRequested: boolean }

export class CancelledError extends Error {
  constructor() { super('analysis cancelled'); }
}

let sharedKnowledge: Knowledge | undefined;
/** The knowledge of the shipped data alone, shared by every caller that brings none. */
export function defaultKnowledge(): Knowledge {
  return sharedKnowledge ??= new Knowledge();
}

/** How long a slice of `analyzeAsync` may run before yielding to the event loop. */
const SLICE_MS = 8;

export class Analyzer {
  /** Mentions per segment text, for the knowledge generation they were made with. */
  private cache = new Map<string, Mention[]>();
  private cacheGeneration = -1;

  analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
    const it = this.run(text, options);
    let step = it.next();
    while (!step.done) step = it.next();
    return step.value;
  }

  async analyzeAsync(text: string, options: AnalyzeOptions, token: CancellationToken): Promise<AnalysisResult> {
    const it = this.run(text, options);
    let step = it.next();
    let sliceStart = Date.now();
    while (!step.done) {
      if (Date.now() - sliceStart >= SLICE_MS) {
        await new Promise(resolve => setImmediate(resolve));
        if (token.isCancellationRequested) throw new CancelledError();
        sliceStart = Date.now();
      }
      step = it.next();
    }
    return step.value;
  }

  /** The work, as a generator that yields after each segment so that callers can slice it. */
  private *run(text: string, options: AnalyzeOptions): Generator<void, AnalysisResult, void> {
    const knowledge = options.knowledge ?? defaultKnowledge();
    const settings = options.settings ?? defaultSettings();
    if (knowledge.generation !== this.cacheGeneration) {
      this.cache = new Map();
      this.cacheGeneration = knowledge.generation;
    }
    const timings = options.timings;
    let lapStart = timings ? performance.now() : 0;
    const lap = (stage: string) => {
      if (!timings) return;
      const now = performance.now();
      timings.set(stage, (timings.get(stage) ?? 0) + now - lapStart);
      lapStart = now;
    };
    const segments = segment(text);
    lap('segment');
    const ctx: SegmentContext = { knowledge, settings };
    const used = new Map<string, Mention[]>();
    const annotations: Annotation[] = [];
    for (const seg of segments) {
      let mentions = used.get(seg.text) ?? this.cache.get(seg.text);
      if (!mentions) {
        mentions = recognizeSegment(seg, ctx);
        // Cached at once, so that a run cancelled later still leaves its work to the next one.
        this.cache.set(seg.text, mentions);
        lap('recognizers');
        yield;
        if (timings) lapStart = performance.now();
      }
      used.set(seg.text, mentions);
      for (const m of mentions) {
        annotations.push(placed(m, seg.start));
      }
    }
    // A finished run keeps only the segments the document still has.
    this.cache = used;
    lap('recognizers');

    const doc: DocumentContext = {
      text, segments, knowledge, settings, memo: new Map(),
      referenceDate: referenceDateOf(text, options),
    };
    let result = annotations;
    lap('reference date');
    for (const refiner of refiners) {
      result = refiner.refine(result, doc);
      lap(`refiner ${refiner.id}`);
    }
    result = result.filter(a => settings.categories[a.category] !== false);
    result.sort((a, b) => a.start - b.start || b.end - a.end);
    assignIds(result);
    lap('sort and ids');

    const findings: Finding[] = [];
    for (const check of checks) {
      const setting = settings.checks[check.name];
      if (setting === false) continue;
      const severity: Severity = typeof setting === 'string' ? setting : check.defaultSeverity;
      for (const f of check.run(result, doc)) findings.push({ ...f, severity: typeof setting === 'string' ? severity : f.severity });
      lap(`check ${check.name}`);
    }
    findings.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
    lap('sort findings');
    return { text, referenceDate: doc.referenceDate, annotations: result, findings, problems: knowledge.problems };
  }
}

/**
 * This analysis's own copy of a cached mention, at its document offset. Every annotation gets the same keys in
 * the same order (one object shape for V8, which makes every later step faster); absent ones are undefined.
 */
export function placed(m: Mention, offset: number): Annotation {
  return {
    id: '', category: m.category, start: m.start + offset, end: m.end + offset, text: m.text, source: m.source,
    value: m.value, place: m.place, actor: m.actor, unresolved: m.unresolved, data: m.data,
  };
}

function recognizeSegment(seg: Segment, ctx: SegmentContext): Mention[] {
  const out: Mention[] = [];
  for (const r of recognizers) {
    for (const m of r.recognize(seg, ctx)) {
      if (m.start < 0 || m.end > seg.text.length || m.end <= m.start) continue; // never trust a range blindly
      out.push(m);
    }
  }
  return out;
}

function referenceDateOf(text: string, options: AnalyzeOptions): ReferenceDate | undefined {
  if (options.referenceDate) return { value: options.referenceDate, source: 'option' };
  return findReferenceDate(text) ??
    (options.fallbackReferenceDate ? { value: options.fallbackReferenceDate, source: 'analyst' } : undefined);
}

/** Id strings by category and number, made once: every run of every document asks for the same ones. */
const idStrings = new Map<string, string[]>();

function assignIds(annotations: Annotation[]): void {
  const counters = new Map<string, number>();
  for (const a of annotations) {
    const n = (counters.get(a.category) ?? 0) + 1;
    counters.set(a.category, n);
    let ids = idStrings.get(a.category);
    if (!ids) idStrings.set(a.category, ids = []);
    // Bounded: beyond 100,000 per category (a document of several MB) ids are made as they come.
    a.id = ids[n] ?? (n <= 100_000 ? (ids[n] = `${a.category}-${n}`) : `${a.category}-${n}`);
  }
}

/** One-shot analysis with a throwaway cache (CLI, evaluations, tests). */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return new Analyzer().analyze(text, options);
}
