// Speed and memory against the budgets: `npm run bench` (builds first).
//  (a) core throughput on generated news-like text (fresh Analyzer: the segment cache cannot help);
//  (a') core throughput on real news when ../shared/corpora is there: joined into one document, and article by
//       article (in a child process, so that no cache has seen the texts);
//  (b) the built language server, over Node IPC (the extension's transport: client/src/client.ts) and over stdio
//      (other editors'): cold start to first diagnostics, opening a 200 KB document, edit -> diagnostics, hover,
//      semantic tokens, peak resident memory (VmHWM).
// Generated text comes from test/helpers/newsText.ts (the project's own templates); corpora texts are read at run
// time and never stored.
import * as childProcess from 'child_process';
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import type { Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { analyze, Analyzer } from '../server/src/core';
import { hoverAt } from '../server/src/lsp/hover';
import { Snapshot } from '../server/src/lsp/snapshot';
import { assertServerBuilt, decodeTokens, fileUri, Lines, LspClient, percentile } from '../test/helpers/lspClient';
import { NewsGenerator, rng } from '../test/helpers/newsText';
import { applyCharEdit, charEdit } from './charEdits';
import { realNewsArticles, warmUpOnOtherNews } from './realNews';

interface Row { metric: string; value: number; unit: string; budget?: number; higherIsBetter?: boolean; note?: string }
const rows: Row[] = [];
const MB = 1e6;
/** Caps that keep the whole bench near two minutes even when the analysis is slow. */
const CORE_CAP_MS = 15000;
const EDITS = 200, EDITS_CAP_MS = 40000;
const HOVERS = 1000, HOVERS_CAP_MS = 15000;

function ms(t0: number): number { return performance.now() - t0; }

function coreThroughput(): void {
  // Load the knowledge (gazetteer, models...) first, on a text of its own: loading is counted by the cold start.
  const t0 = performance.now();
  analyze(new NewsGenerator(999).article());
  const warm = ms(t0);
  // Steady state, as in a running server: one unmeasured pass lets V8 optimise the hot code first.
  const t1 = performance.now();
  new Analyzer().analyze(new NewsGenerator(998).text(1.2 * 1024 * 1024));
  const jit = ms(t1);
  const rates: number[] = [];
  let size = 0;
  const started = performance.now();
  for (const seed of [1, 2, 3]) {
    if (rates.length > 0 && ms(started) > CORE_CAP_MS) break; // a slow core: fewer texts, the bench stays bounded
    const text = new NewsGenerator(seed).text(1.2 * 1024 * 1024);
    size = Buffer.byteLength(text, 'utf8');
    const analyzer = new Analyzer();
    const t = performance.now();
    const result = analyzer.analyze(text);
    const s = ms(t) / 1000;
    rates.push(size / MB / s);
    if (seed === 1) console.log(`core: ${(size / MB).toFixed(2)} MB, ${result.annotations.length} annotations, ${result.findings.length} findings, ${(s * 1000).toFixed(0)} ms`);
  }
  rates.sort((a, b) => a - b);
  console.log(`core: knowledge warm-up ${warm.toFixed(0)} ms, first (unmeasured) 1.2 MB pass ${jit.toFixed(0)} ms; MB/s over ${rates.length} texts: ${rates.map(r => r.toFixed(2)).join(', ')}`);
  rows.push({
    metric: `core throughput (median of ${rates.length} × ${(size / MB).toFixed(1)} MB)`,
    value: rates[Math.floor(rates.length / 2)], unit: 'MB/s', budget: 5, higherIsBetter: true,
  });
}

function realNewsThroughput(): void {
  const articles = realNewsArticles();
  if (!articles) {
    console.log('core on real news: skipped (../shared/corpora not found)');
    return;
  }
  const warm = warmUpOnOtherNews();
  if (warm) {
    console.log(`core warm-up on other real news (CoNLL-2003 train, ${warm.count} articles, ${warm.mb.toFixed(2)} MB): ${warm.rate.toFixed(2)} MB/s`);
    rows.push({ metric: 'first real news of a process (JIT and caches cold)', value: warm.rate, unit: 'MB/s', note: 'CoNLL train articles, not in budget' });
  }
  realNewsJoined(articles.join('\n\n'));
  // Article by article in a process of its own: the caches of this one have seen these texts now.
  const out = childProcess.execFileSync(process.execPath, [...process.execArgv, __filename, BY_ARTICLE], { encoding: 'utf8' });
  const { count, rates } = JSON.parse(out.trim().split('\n').pop()!) as { count: number; rates: number[] };
  console.log(`core on real news, article by article (3 disjoint thirds of ${count} articles): MB/s: ${rates.map(r => r.toFixed(2)).join(', ')}`);
  rows.push({ metric: `core throughput, real news article by article (median of 3 × ${count})`, value: rates[1], unit: 'MB/s', budget: 5, higherIsBetter: true });
}
const BY_ARTICLE = '--real-news-by-article';

/** The articles joined into one long document, cut in three parts. */
function realNewsJoined(text: string): void {
  // Three disjoint thirds, each analysed once: no pass reads a text an earlier pass (and its caches) has seen.
  const rates: number[] = [];
  let size = 0;
  for (let i = 0; i < 3; i++) {
    const part = text.slice(Math.floor(i * text.length / 3), Math.floor((i + 1) * text.length / 3));
    size = Buffer.byteLength(part, 'utf8');
    const t = performance.now();
    new Analyzer().analyze(part);
    rates.push(size / MB / (ms(t) / 1000));
  }
  rates.sort((a, b) => a - b);
  console.log(`core on real news (corpora texts, 3 disjoint parts of ${(size / MB).toFixed(2)} MB): MB/s: ${rates.map(r => r.toFixed(2)).join(', ')}`);
  rows.push({ metric: `core throughput, real news (median of 3 × ${(size / MB).toFixed(2)} MB)`, value: rates[1], unit: 'MB/s', budget: 5, higherIsBetter: true });
}

/**
 * The articles one by one, each a document of its own analysed by a fresh Analyzer, as the CLI and the editor see
 * them (per-document work such as place linking runs once per article). Three disjoint thirds of the articles.
 */
function realNewsByArticle(articles: string[]): { count: number; rates: number[] } {
  analyze(new NewsGenerator(999).article());
  new Analyzer().analyze(new NewsGenerator(998).text(1.2 * 1024 * 1024));
  warmUpOnOtherNews();
  const rates: number[] = [];
  let count = 0;
  for (let i = 0; i < 3; i++) {
    const third = articles.slice(Math.floor(i * articles.length / 3), Math.floor((i + 1) * articles.length / 3));
    const size = third.reduce((s, a) => s + Buffer.byteLength(a, 'utf8'), 0);
    count = third.length;
    const t = performance.now();
    for (const a of third) new Analyzer().analyze(a);
    rates.push(size / MB / (ms(t) / 1000));
  }
  rates.sort((a, b) => a - b);
  return { count, rates };
}

/** A memory figure of a process from /proc/PID/status, in MB (NaN where there is no /proc). */
function vmStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}
function vmHWM(pid: number): number { return vmStatus(pid, 'VmHWM'); }

/**
 * The server over one transport. Rows of the stdio run are marked `[stdio]`; the in-process hover figures are
 * measured once, in the IPC run.
 */
async function server(transport: 'ipc' | 'stdio'): Promise<void> {
  const push = (row: Row): void => { rows.push(transport === 'ipc' ? row : { ...row, metric: `${row.metric} [stdio]` }); };
  assertServerBuilt();
  const gen = new NewsGenerator(42);
  const small = gen.article();

  // Cold start: spawn -> initialize -> didOpen -> first publishDiagnostics.
  const t0 = performance.now();
  const client = new LspClient({ keepPublished: 8, transport });
  try {
    const init = await client.initialize();
    const legend = init.capabilities.semanticTokensProvider!.legend;
    const smallUri = fileUri('bench-small.news');
    await client.open(smallUri, small, 1);
    await client.diagnosticsFor(smallUri, 1, 30000);
    push({ metric: 'cold start to first diagnostics', value: ms(t0), unit: 'ms', budget: 600 });
    // Let the warm-up finish: the knowledge, then the rehearsal of the edit path in quiet moments (as when an
    // analyst reads an article for a few seconds before typing).
    const rehearsed = await client.log(m => m.message.startsWith('dateline: edit path rehearsed'), 20000);
    const busy = /in (\d+) ms/.exec(rehearsed.message);
    push({ metric: 'start-up rehearsal of the edit path (idle time)', value: busy ? Number(busy[1]) : NaN, unit: 'ms', note: 'after first diagnostics' });
    push({ metric: 'server RSS after start (knowledge loaded)', value: vmHWM(client.pid), unit: 'MB', note: 'VmHWM so far' });

    // Open a 200 KB document.
    const big = new NewsGenerator(43).text(200 * 1024);
    const uri = fileUri('bench-200k.news');
    let t = performance.now();
    await client.open(uri, big, 1);
    const first = await client.diagnosticsFor(uri, 1, 60000);
    push({ metric: `open ${(big.length / 1024).toFixed(0)} KB doc to diagnostics`, value: ms(t), unit: 'ms', note: `${first.diagnostics.length} diagnostics` });

    // Random single-character edits, each waited for: until the client holds the diagnostics of the new version,
    // which the server either publishes (they changed) or confirms unchanged (dateline/analysed).
    const r = rng(5);
    let text = big;
    let version = 1;
    const editTimes: number[] = [];
    const publishedTimes: number[] = [];
    const editsStarted = performance.now();
    for (let i = 0; i < EDITS && ms(editsStarted) < EDITS_CAP_MS; i++) {
      const lines = new Lines(text);
      const e = charEdit(text, i, r);
      if (!e) { i--; continue; }
      const pos = lines.position(e.offset);
      const change = { range: { start: pos, end: { line: pos.line, character: pos.character + e.remove } }, text: e.insert };
      text = applyCharEdit(text, e);
      t = performance.now();
      await client.change(uri, ++version, [change]);
      const held = await client.diagnosticsFor(uri, version, 30000);
      editTimes.push(ms(t));
      if (held === client.published[client.published.length - 1]) publishedTimes.push(editTimes[editTimes.length - 1]);
    }
    editTimes.sort((a, b) => a - b);
    publishedTimes.sort((a, b) => a - b);
    const publishedNote = `${publishedTimes.length} of ${editTimes.length} changed the diagnostics (published)`;
    push({ metric: `edit -> diagnostics p50 (${editTimes.length} edits)`, value: percentile(editTimes, 50), unit: 'ms', note: publishedNote });
    push({ metric: `edit -> diagnostics p95 (${editTimes.length} edits)`, value: percentile(editTimes, 95), unit: 'ms', budget: 30, note: publishedNote });
    push({ metric: `edit -> diagnostics p95, edits that published (${publishedTimes.length})`, value: percentile(publishedTimes, 95), unit: 'ms', note: 'the new diagnostics sent' });

    // Semantic tokens (full) on the current text.
    const tokenTimes: number[] = [];
    let tokens: SemanticTokens = { data: [] };
    for (let i = 0; i < 10; i++) {
      t = performance.now();
      tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      tokenTimes.push(ms(t));
    }
    tokenTimes.sort((a, b) => a - b);
    const decoded = decodeTokens(tokens.data, legend);
    push({ metric: 'semantic tokens full, 200 KB (median of 10)', value: percentile(tokenTimes, 50), unit: 'ms', note: `${decoded.length} tokens` });

    // Hovers: half on tokens, half anywhere.
    const lines = new Lines(text);
    const hoverTimes: number[] = [];
    let hits = 0;
    const hoversStarted = performance.now();
    for (let i = 0; i < HOVERS && ms(hoversStarted) < HOVERS_CAP_MS; i++) {
      const tok = decoded[Math.floor(r() * decoded.length)];
      const position = i % 2 === 0 && tok
        ? { line: tok.line, character: tok.character + Math.floor(r() * tok.length) }
        : lines.position(Math.floor(r() * text.length));
      t = performance.now();
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
      hoverTimes.push(ms(t));
      if (h) hits++;
    }
    hoverTimes.sort((a, b) => a - b);
    push({ metric: `hover p50 (${hoverTimes.length} hovers)`, value: percentile(hoverTimes, 50), unit: 'ms', note: `${hits} with a card` });
    push({ metric: `hover p99 (${hoverTimes.length} hovers)`, value: percentile(hoverTimes, 99), unit: 'ms', budget: 2, note: `round trip over ${transport === 'ipc' ? 'Node IPC' : 'stdio'}` });

    if (transport === 'ipc') inProcessHovers(text, uri, version, lines, r);

    push({ metric: 'server peak RSS (VmHWM)', value: vmHWM(client.pid), unit: 'MB', budget: 250 });
    await new Promise(resolve => setTimeout(resolve, 2000));
    push({ metric: 'server RSS after 2 s idle (VmRSS)', value: vmStatus(client.pid, 'VmRSS'), unit: 'MB' });
    if (client.errors().length) console.log(`server logged errors:\n${client.errors().join('\n')}`);
  } finally {
    await client.stop();
  }
}

/** The bench's hovers computed in this process (core card + LSP adapter), and the first rendering of each kind of card. */
function inProcessHovers(text: string, uri: string, version: number, lines: Lines, r: () => number): void {
  let t: number;
  // The same hovers computed in this process (core card + LSP adapter), without transport or scheduling noise.
  const result = new Analyzer().analyze(text);
  const analysed = { uri, version, result, snapshot: new Snapshot(uri, version, text), elapsedMs: 0 };
  const compute: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const position = lines.position(Math.floor(r() * text.length));
    t = performance.now();
    hoverAt(analysed, position);
    compute.push(ms(t));
  }
  compute.sort((a, b) => a - b);
  // Which hover cards cost the time: the first (unmemoised) card of each annotation, by kind.
  const byKind = new Map<string, number[]>();
  const fresh = { ...analysed };
  for (const a of result.annotations.slice(0, 3000)) {
    t = performance.now();
    hoverAt(fresh, fresh.snapshot.position(a.start));
    const kind = a.category + (a.place ? '+place' : '') + (a.actor ? '+actor' : '');
    (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(ms(t));
  }
  console.log('hover cards, first rendering, by kind (ms): ' + [...byKind.entries()].map(([k, v]) => {
    v.sort((a, b) => a - b);
    return `${k} p50 ${percentile(v, 50).toFixed(2)} p99 ${percentile(v, 99).toFixed(2)} (n=${v.length})`;
  }).join('; '));
  rows.push({ metric: 'hover compute p99 (in process)', value: percentile(compute, 99), unit: 'ms', note: 'core card + adapter only' });
}

function table(): boolean {
  let ok = true;
  const lines = rows.map(r => {
    const pass = r.budget === undefined ? '' : (r.higherIsBetter ? r.value >= r.budget : r.value <= r.budget) ? 'PASS' : 'FAIL';
    if (pass === 'FAIL') ok = false;
    const budget = r.budget === undefined ? '' : `${r.higherIsBetter ? '>=' : '<='} ${r.budget} ${r.unit}`;
    return [r.metric, `${r.value.toFixed(r.value < 10 ? 2 : 1)} ${r.unit}`, budget, pass, r.note ?? ''];
  });
  const head = ['measure', 'value', 'budget', 'result', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map(l => l[i].length)));
  const fmt = (l: string[]) => l.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log('\n' + fmt(head) + '\n' + widths.map(w => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  return ok;
}

async function main(): Promise<void> {
  if (process.argv.includes(BY_ARTICLE)) {
    // The child of realNewsThroughput: warm-up as above, then the articles; one JSON line out.
    console.log(JSON.stringify(realNewsByArticle(realNewsArticles() ?? [])));
    return;
  }
  const t0 = performance.now();
  coreThroughput();
  realNewsThroughput();
  await server('ipc');
  await server('stdio');
  const ok = table();
  const os = require('os') as typeof import('os');
  console.log(`\nbench took ${(ms(t0) / 1000).toFixed(1)} s on ${process.version}, ${os.cpus().length} CPUs, ` +
    `load average ${os.loadavg().map(l => l.toFixed(2)).join(' ')} (other processes skew the round trips)`);
  process.exitCode = ok ? 0 : 1;
}

main().catch(error => { console.error(error); process.exitCode = 2; });
