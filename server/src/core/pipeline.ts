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
import { resegment, Resegmentation, Segment, Segmentation, segmentation } from './text/segment';
import type { Annotation, Finding, Mention, Severity } from './types';

export interface AnalyzeOptions {
  knowledge?: Knowledge;
  settings?: Settings;
  /** The reference date given from outside (the CLI's --reference-date): wins over the text's own. */
  referenceDate?: string;
  /** The analyst's per-file date (command "Set Article Date"): used when the text gives none. */
  fallbackReferenceDate?: string;
  /**
   * The article's file name or path, when it has one: a year in it (`2017-06-09-damascus.txt`, `wires/2017/...`)
   * gives a dateline without a year (`DAMASCUS, June 9 (Reuters) -`) its year, when the text has none.
   */
  fileName?: string;
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

/** Where a segment is looked for among the last run's, from the expected place. */
const NEAR = [0, 1, -1, 2];

/** How long a slice of `analyzeAsync` may run before yielding to the event loop. */
const SLICE_MS = 8;

export class Analyzer {
  /**
   * Mentions per segment text, for the knowledge generation they were made with. After a finished run it holds
   * no text the document does not have (most of those it has: a text also in a segment that went may be missing).
   */
  private cache = new Map<string, Mention[]>();
  /** Texts recognized (and cached) by the runs since the last finished one. */
  private added: string[] = [];
  private cacheGeneration = -1;
  /**
   * The segmentation of the last completed run and its segments' mentions, in order. The next run segments
   * only around the edit and takes the mentions of the segments before and after it by index; a segment it
   * scanned is compared first with the last run's at the same place (or a place or two on), then looked up.
   */
  private last: Segmentation | undefined;
  private lastMentions: Mention[][] = [];

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
      this.added = [];
      this.last = undefined;
      this.lastMentions = [];
      this.cacheGeneration = knowledge.generation;
    }
    const lap = new Lap(options.timings);
    // Segmented from the last run's segmentation: only around the edit (the segments before it are the last
    // run's, those after it the last run's moved).
    const seg = this.last ? resegment(this.last, text) : segmentation(text);
    const segments = seg.segments;
    lap.end('segment');
    const ctx: SegmentContext = { knowledge, settings };
    const cache = this.cache;
    const annotations: Annotation[] = [];
    const lastSegments = this.last ? this.last.segments : [], lastMentions = this.lastMentions;
    const segmentMentions: Mention[][] = new Array(segments.length);
    const kept = seg.kept, moved = seg.moved, indexDelta = seg.indexDelta;
    /** The segments between those kept and those moved (scanned again): their texts and mentions. */
    const scanned = new Map<string, Mention[]>();
    let expected = kept; // where the next scanned segment is looked for among the last run's
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      let mentions: Mention[] | undefined;
      if (i < kept) mentions = lastMentions[i];
      else if (i >= moved) mentions = lastMentions[i - indexDelta];
      else {
        // The last run's segment at the expected place, else one on or one back (an edit merged or split
        // segments), else two on; an equal text has equal mentions (recognizers are pure functions of it).
        for (let c = 0; c < 4; c++) {
          const k = expected + NEAR[c];
          if (k < 0 || k >= lastSegments.length || lastSegments[k].text !== s.text) continue;
          mentions = lastMentions[k];
          expected = k + 1;
          break;
        }
        if (!mentions) {
          expected++;
          mentions = cache.get(s.text);
        }
        if (!mentions) {
          mentions = recognizeSegment(s, ctx);
          // Cached at once, so that a run cancelled later still leaves its work to the next one.
          cache.set(s.text, mentions);
          this.added.push(s.text);
          lap.end('recognizers');
          yield;
          lap.restart();
        }
        scanned.set(s.text, mentions);
      }
      segmentMentions[i] = mentions;
      placeAll(annotations, mentions, s.start);
    }
    this.keep(seg, segmentMentions, scanned);
    lap.end('recognizers');
    return refineAndCheck(text, segments, annotations, knowledge, settings, options, lap);
  }

  /**
   * After a finished run: the cache keeps only texts the document still has. Those of the segments it no longer
   * has (the last run's between those kept and those moved) and those recognized by runs since the last finished
   * one go, unless a scanned segment has them; the scanned segments' come in.
   */
  private keep(seg: Resegmentation, segmentMentions: Mention[][], scanned: Map<string, Mention[]>): void {
    const cache = this.cache;
    const lastSegments = this.last ? this.last.segments : [];
    const lastMoved = seg.moved - seg.indexDelta;
    for (let k = seg.kept; k < lastMoved && k < lastSegments.length; k++) {
      const t = lastSegments[k].text;
      if (!scanned.has(t)) cache.delete(t);
    }
    for (const t of this.added) if (!scanned.has(t)) cache.delete(t);
    this.added = [];
    for (const [t, m] of scanned) cache.set(t, m);
    this.last = seg;
    this.lastMentions = segmentMentions;
  }
}

// The document-level stages, in functions of their own rather than in the generator: V8 compiles (and, when a
// rare path is first taken, deoptimises and compiles again) each function as a whole, and small ones are cheap to
// compile again.

/** Each stage's milliseconds, summed into `timings` when given. */
class Lap {
  private start: number;
  constructor(private readonly timings: Map<string, number> | undefined) {
    this.start = timings ? performance.now() : 0;
  }

  /** The stage that ends now. */
  end(stage: string): void {
    const timings = this.timings;
    if (!timings) return;
    const now = performance.now();
    timings.set(stage, (timings.get(stage) ?? 0) + now - this.start);
    this.start = now;
  }

  /** The time since the last stage ended is not counted (a run yielded). */
  restart(): void {
    if (this.timings) this.start = performance.now();
  }
}

/** The segment's mentions as this analysis's annotations, at their document offsets. */
function placeAll(annotations: Annotation[], mentions: readonly Mention[], offset: number): void {
  for (let m = 0; m < mentions.length; m++) annotations.push(placed(mentions[m], offset));
}

function refineAndCheck(
  text: string, segments: readonly Segment[], annotations: Annotation[], knowledge: Knowledge, settings: Settings,
  options: AnalyzeOptions, lap: Lap,
): AnalysisResult {
  const doc: DocumentContext = {
    text, segments, knowledge, settings, memo: new Map(),
    referenceDate: referenceDateOf(text, options),
  };
  let result = annotations;
  lap.end('reference date');
  for (const refiner of refiners) {
    result = refiner.refine(result, doc);
    lap.end(`refiner ${refiner.id}`);
  }
  result = finish(result, settings);
  lap.end('sort and ids');
  const findings = runChecks(result, doc, settings, lap);
  return { text, referenceDate: doc.referenceDate, annotations: result, findings, problems: knowledge.problems };
}

function runChecks(annotations: Annotation[], doc: DocumentContext, settings: Settings, lap: Lap): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    const setting = settings.checks[check.name];
    if (setting === false) continue;
    const severity: Severity = typeof setting === 'string' ? setting : check.defaultSeverity;
    for (const f of check.run(annotations, doc)) findings.push({ ...f, severity: typeof setting === 'string' ? severity : f.severity });
    lap.end(`check ${check.name}`);
  }
  // Codes are ASCII (`DL103`): compared by code unit, without the locale machinery.
  findings.sort((a, b) => a.start - b.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  lap.end('sort findings');
  return findings;
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
  return findReferenceDate(text, options.fileName) ??
    (options.fallbackReferenceDate ? { value: options.fallbackReferenceDate, source: 'analyst' } : undefined);
}

/**
 * The annotations of the categories switched on, in order, with their ids. Most runs switch no category off,
 * and the refiners leave the annotations in order (overlaps, the last, returns them by start): then neither
 * the filter nor the sort has anything to do, and each would still walk (the filter: copy) every annotation
 * of the document on every edit.
 */
function finish(annotations: Annotation[], settings: Settings): Annotation[] {
  let result = annotations;
  if (Object.values(settings.categories).includes(false)) result = result.filter(a => settings.categories[a.category] !== false);
  if (!inOrder(result)) result.sort(byStartThenLongest);
  assignIds(result);
  return result;
}

function byStartThenLongest(a: Annotation, b: Annotation): number {
  return a.start - b.start || b.end - a.end;
}

/** Whether the annotations are already as `byStartThenLongest` sorts them (the sort is stable). */
function inOrder(annotations: readonly Annotation[]): boolean {
  for (let i = 1; i < annotations.length; i++) {
    if (byStartThenLongest(annotations[i - 1], annotations[i]) > 0) return false;
  }
  return true;
}

/** Id strings by category and number, made once: every run of every document asks for the same ones. */
const idStrings = new Map<string, string[]>();

interface IdCounter { category: string; n: number; ids: string[] }

function assignIds(annotations: Annotation[]): void {
  // This run's counter and the id table of each category, in a short list (a dozen categories at most: a
  // look-up by comparing the interned names is cheaper than a Map's); categories come in runs (a place, a
  // place...), so the one of the previous annotation is tried first.
  const counters: IdCounter[] = [];
  let c: IdCounter | undefined;
  for (let i = 0; i < annotations.length; i++) {
    const a = annotations[i];
    const category = a.category;
    if (c === undefined || c.category !== category) {
      c = undefined;
      for (let k = 0; k < counters.length; k++) if (counters[k].category === category) { c = counters[k]; break; }
      if (c === undefined) {
        let ids = idStrings.get(category);
        if (!ids) idStrings.set(category, ids = []);
        counters.push(c = { category, n: 0, ids });
      }
    }
    const n = ++c.n;
    // Bounded: beyond 100,000 per category (a document of several MB) ids are made as they come.
    a.id = c.ids[n] ?? (n <= 100_000 ? (c.ids[n] = `${category}-${n}`) : `${category}-${n}`);
  }
}

/** One-shot analysis with a throwaway cache (CLI, evaluations, tests). */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return new Analyzer().analyze(text, options);
}
