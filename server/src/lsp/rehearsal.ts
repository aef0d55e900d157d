// A rehearsal of the edit path, run once while the server is idle after start.
//
// Opening a document runs every stage from scratch; an edit then takes other paths (cached segments, reused
// link results and verdicts), which V8 has not compiled yet: the first edits of a session cost 2-5 times the
// later ones (`npm run bench`, docs/server.md). Rehearsing a few dozen edits on an article of the project's own
// lets V8 compile those paths before the analyst types. The articles are the project's samples: one like most news,
// one where every check has something to flag (a check's paths to a finding and its message, and the adapter's to
// a diagnostic, are compiled only when there are findings). The rehearsal never delays real work: each of its
// analyses starts only after the documents have been quiet for a while, and stops at its next slice when a
// document changes. Its results are thrown away.
import { Analyzer, type AnalysisResult, type AnalyzeOptions } from '../core';

export interface RehearsalOptions {
  /** The articles to edit (the project's samples); copies of them with shifted numbers make a longer document. */
  articles: string[];
  analyzeOptions(): AnalyzeOptions;
  /** Called with each version and its result: the server adapts it to LSP, as it would a document's. */
  afterAnalysis?(text: string, result: AnalysisResult, step: number): void;
  /** Milliseconds since a document last changed or finished analysing; 0 while any analysis is pending. */
  quietMs(): number;
  /** Defaults: 10 copies, 40 edits, 250 ms of quiet before each analysis, give up after 60 s. */
  copies?: number;
  edits?: number;
  quietNeededMs?: number;
  deadlineMs?: number;
}

export interface RehearsalReport { edits: number; chars: number; busyMs: number; gaveUp: boolean }

/**
 * The document of the rehearsal: the first article's date line, then the articles' bodies `copies` times, each
 * copy's numbers shifted (by the copy's number, days of the month by at most 6, so that they stay days; `4,000`
 * stays one number), so that the sentences with a figure differ from copy to copy, as the sentences of a long
 * article do.
 */
export function rehearsalText(articles: readonly string[], copies: number): string {
  const dateLine = (a: string) => /^Date:.*\r?\n/.exec(a)?.[0] ?? '';
  const bodies = articles.map(a => a.slice(dateLine(a).length));
  const parts: string[] = [];
  for (let k = 0; k < copies; k++) {
    for (const body of bodies) parts.push(body.replace(/\d+(?:,\d{3})*/g, d => shifted(d, k)));
  }
  return dateLine(articles[0] ?? '') + parts.join('\n');
}

/** A number as written (`12`, `4,000`) shifted for copy `k`, written the same way. */
function shifted(written: string, k: number): string {
  const n = Number(written.replace(/,/g, ''));
  const m = n + (n <= 31 ? k % 7 : k);
  return written.includes(',') ? m.toLocaleString('en-US') : String(m);
}

/**
 * The edits: one character typed or deleted at spread-out places, as an analyst's keystrokes, alternating.
 * A fixed stride keeps the rehearsal the same from run to run.
 */
export function rehearsalEdit(text: string, k: number): string {
  const at = (k * 7919 + 104729) % Math.max(1, text.length);
  return k % 2 === 0 ? text.slice(0, at) + 'a1 .,'[(k >> 1) % 5] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
}

export async function rehearse(options: RehearsalOptions): Promise<RehearsalReport> {
  const copies = options.copies ?? 10, edits = options.edits ?? 40;
  const quietNeeded = options.quietNeededMs ?? 250, deadline = performance.now() + (options.deadlineMs ?? 60_000);
  const analyzer = new Analyzer();
  let text = rehearsalText(options.articles, copies);
  let done = -1; // -1: the document not analysed yet
  let busyMs = 0;
  const token = { get isCancellationRequested() { return options.quietMs() < quietNeeded; } };
  while (done < edits) {
    // A turn of the event loop first (a timer: the poll phase comes before it), so that a change the client
    // sent during the last step is read and counted before the next step starts. An edit's analysis yields
    // to the event loop only while it recognizes segments, not in the document-level stages.
    await new Promise(resolve => setTimeout(resolve, 1));
    if (performance.now() > deadline) return { edits: Math.max(0, done), chars: text.length, busyMs, gaveUp: true };
    const quiet = options.quietMs();
    if (quiet < quietNeeded) {
      await new Promise(resolve => setTimeout(resolve, quietNeeded - Math.max(0, quiet)));
      continue;
    }
    const next = done < 0 ? text : rehearsalEdit(text, done);
    const t0 = performance.now();
    try {
      const result = await analyzer.analyzeAsync(next, options.analyzeOptions(), token);
      options.afterAnalysis?.(next, result, done + 1);
    } catch (error) {
      busyMs += performance.now() - t0;
      if (token.isCancellationRequested) continue; // a document changed: try this step again later
      throw error;
    }
    busyMs += performance.now() - t0;
    text = next;
    done++;
  }
  return { edits, chars: text.length, busyMs, gaveUp: false };
}
