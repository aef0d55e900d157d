// Where an edit's time goes, in process: the edits `npm run bench` makes to its 200 KB generated document (the
// same seeded sequence, scripts/charEdits.ts), each analysed by the document's Analyzer, after the server's own
// start-up rehearsal of the edit path (lsp/rehearsal.ts; `--no-rehearsal` leaves it out).
// Prints the total per edit (p50, p95, max) and each stage's mean and p95 in ms (Analyzer's `timings` option).
//   node -r ts-node/register/transpile-only scripts/profile-edits.ts [--no-rehearsal] [--edits N]
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { analyze, Analyzer } from '../server/src/core';
import { rehearse } from '../server/src/lsp/rehearsal';
import { NewsGenerator, rng } from '../test/helpers/newsText';
import { applyCharEdit, charEdit } from './charEdits';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i < 0 ? undefined : process.argv[i + 1]; };
const EDITS = Number(arg('--edits') ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p / 100))];
}

async function main(): Promise<void> {
  analyze(new NewsGenerator(42).article()); // the knowledge, as the server's warm-up loads it
  if (!process.argv.includes('--no-rehearsal')) {
    const articles = ['river-crossing.news', 'field-report.news'].map(f => fs.readFileSync(path.join(__dirname, '..', 'samples', f), 'utf8'));
    const report = await rehearse({ articles, analyzeOptions: () => ({}), quietMs: () => Infinity });
    console.log(`rehearsal: ${report.edits} edits in ${report.busyMs.toFixed(0)} ms`);
  }
  let text = new NewsGenerator(43).text(200 * 1024);
  const analyzer = new Analyzer();
  analyzer.analyze(text);
  const r = rng(5);
  const totals: number[] = [];
  const stages = new Map<string, number[]>();
  for (let i = 0; i < EDITS; i++) {
    const e = charEdit(text, i, r);
    if (!e) { i--; continue; }
    text = applyCharEdit(text, e);
    const timings = new Map<string, number>();
    const t = performance.now();
    analyzer.analyze(text, { timings });
    totals.push(performance.now() - t);
    for (const [stage, ms] of timings) {
      let list = stages.get(stage);
      if (!list) stages.set(stage, list = []);
      list.push(ms);
    }
  }
  const sorted = [...totals].sort((a, b) => a - b);
  console.log(`${totals.length} edits of a ${(text.length / 1024).toFixed(0)} KB document: p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
    `p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / totals.length;
  for (const [stage, v] of [...stages].sort((a, b) => mean(b[1]) - mean(a[1]))) {
    const s = [...v].sort((a, b) => a - b);
    console.log(`  ${stage.padEnd(36)} mean ${mean(v).toFixed(2).padStart(6)}  p95 ${percentile(s, 95).toFixed(2).padStart(6)}`);
  }
}

main().catch(error => { console.error(error); process.exitCode = 1; });
