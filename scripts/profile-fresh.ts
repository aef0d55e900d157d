// Where the time goes on news the process has not seen: the real-news articles (read at run time from
// ../shared/corpora, never stored) joined and cut in three disjoint parts, each analysed once by a fresh Analyzer
// after a warm-up on generated text (and, with --warm-news, on CoNLL-2003 train articles, as `npm run bench` does).
// Per part: wall and CPU ms, each recognizer's ms and each later stage's ms (Analyzer's `timings` option).
//   node -r ts-node/register/transpile-only scripts/profile-fresh.ts [--warm-news] [--order 012]
import { performance } from 'perf_hooks';
import { analyze, Analyzer } from '../server/src/core';
import { recognizers } from '../server/src/core/recognizers';
import { NewsGenerator } from '../test/helpers/newsText';
import { realNewsArticles, warmUpOnOtherNews } from './realNews';

const articles = realNewsArticles();
if (!articles) {
  console.error('../shared/corpora not found: this script measures on the corpora texts, read at run time. Nothing was done.');
  process.exit(1);
}
const text = articles.join('\n\n');
const arg = (name: string) => { const i = process.argv.indexOf(name); return i < 0 ? undefined : process.argv[i + 1] ?? ''; };

// Each recognizer's time, summed over the segments it is asked about.
const byRecognizer = new Map<string, number>();
for (const r of recognizers) {
  const recognize = r.recognize.bind(r);
  r.recognize = (s, c) => {
    const t = performance.now();
    const out = recognize(s, c);
    byRecognizer.set(r.id, (byRecognizer.get(r.id) ?? 0) + performance.now() - t);
    return out;
  };
}
analyze(new NewsGenerator(999).article());
new Analyzer().analyze(new NewsGenerator(998).text(1.2 * 1024 * 1024));
if (process.argv.includes('--warm-news')) warmUpOnOtherNews();
let totalCpu = 0, totalMb = 0;
for (const i of (arg('--order') ?? '012').split('').map(Number)) {
  byRecognizer.clear();
  const part = text.slice(Math.floor(i * text.length / 3), Math.floor((i + 1) * text.length / 3));
  const mb = Buffer.byteLength(part, 'utf8') / 1e6;
  const timings = new Map<string, number>();
  const c0 = process.cpuUsage();
  const t = performance.now();
  new Analyzer().analyze(part, { timings });
  const wall = performance.now() - t;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1000;
  totalCpu += cpu;
  totalMb += mb;
  console.log(`part ${i}: ${mb.toFixed(2)} MB, wall ${wall.toFixed(0)} ms (${(mb / (wall / 1000)).toFixed(2)} MB/s), CPU ${cpu.toFixed(0)} ms (with V8's compiler and GC threads)`);
  console.log('   recognizers: ' + [...byRecognizer].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  console.log('   later stages: ' + [...timings].filter(([k, v]) => k !== 'recognizers' && v >= 1)
    .map(([k, v]) => `${k.replace('refiner ', 'R:').replace('check ', 'C:')} ${v.toFixed(0)}`).join(', '));
}
console.log(`overall ${(totalMb / (totalCpu / 1000)).toFixed(2)} MB per CPU second`);
