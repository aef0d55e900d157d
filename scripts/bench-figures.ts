// Speed of the figures recognizer alone, in MB/s of text (UTF-16 length / 1e6 per second).
//
//   node -r ts-node/register/transpile-only scripts/bench-figures.ts
//
// News text: the TimeML (TimeBank + AQUAINT) article texts and the CoNLL-2003 sentences, read at run time
// from ../shared/corpora (never copied into the project). Without them it says so and measures the
// project's own sample article instead. It also times two hostile inputs (1 MB of digits and commas,
// 1 MB of spaces) to show that the scan stays linear.
import * as fs from 'fs';
import * as path from 'path';
import { figures } from '../server/src/core/recognizers/figures';
import { segment, Segment } from '../server/src/core/text/segment';

const root = path.resolve(__dirname, '..');
const corpora = path.resolve(root, '..', 'shared', 'corpora');

function corpusText(): { name: string; text: string } | undefined {
  const parts: string[] = [];
  const timeml = path.join(corpora, 'timeml');
  for (const sub of ['TimeBank', 'AQUAINT']) {
    const dir = path.join(timeml, sub);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir)) {
      const xml = fs.readFileSync(path.join(dir, f), 'utf8');
      const body = xml.split('<TEXT>')[1]?.split('</TEXT>')[0];
      if (body) parts.push(body.replace(/<[^>]+>/g, ''));
    }
  }
  const conll = path.join(corpora, 'conll2003', 'train.txt');
  if (fs.existsSync(conll)) {
    let sentence: string[] = [];
    for (const line of fs.readFileSync(conll, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('-DOCSTART-')) {
        if (sentence.length) parts.push(sentence.join(' '));
        sentence = [];
      } else sentence.push(line.split(' ')[0]);
    }
  }
  return parts.length ? { name: 'TimeML + CoNLL-2003 text', text: parts.join('\n\n') } : undefined;
}

/**
 * Runs the recognizer over all segments repeatedly. Reports MB/s by CPU time (process.cpuUsage, fair on a
 * shared machine) and by wall-clock time, for the median round and the best round.
 */
function time(segments: readonly Segment[], minMs = 2000): { cpu: number; wallMedian: number; wallBest: number; mentions: number } {
  const chars = segments.reduce((n, s) => n + s.text.length, 0);
  const wall: number[] = [], cpu: number[] = [];
  let mentions = 0;
  const start = Date.now();
  do {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    mentions = 0;
    for (const s of segments) mentions += figures.recognize(s, undefined as never).length;
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  } while (Date.now() - start < minMs || wall.length < 5);
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mb = chars / 1e6;
  const rate = (ms: number) => mb / (Math.max(ms, 0.001) / 1000);
  return { cpu: rate(cpu[cpu.length >> 1]), wallMedian: rate(wall[wall.length >> 1]), wallBest: rate(wall[0]), mentions };
}

let source = corpusText();
if (!source) {
  console.log(`Corpora not found at ${corpora}: measuring the project's sample article instead.`);
  const sample = fs.readFileSync(path.join(root, 'samples', 'river-crossing.news'), 'utf8');
  source = { name: 'samples/river-crossing.news ×200', text: Array(200).fill(sample).join('\n\n') };
}
const segs = segment(source.text);
// Warm up the regular expressions and the JIT.
time(segs, 300);
const news = time(segs);
console.log(`${source.name}: ${(source.text.length / 1e6).toFixed(2)} M chars, ${segs.length} segments, ` +
  `${news.mentions} figures; ${news.cpu.toFixed(1)} MB/s of CPU time (median round); wall clock: median ` +
  `${news.wallMedian.toFixed(1)} MB/s, best ${news.wallBest.toFixed(1)} MB/s`);

for (const [name, text] of [
  ['1 MB of digits and commas', '1,2'.repeat(350000)],
  ['1 MB of spaces', ' '.repeat(1_000_000)],
  ['1 MB of "12 km, "', '12 km, '.repeat(145000)],
] as const) {
  const seg = [{ start: 0, end: text.length, text }];
  const t0 = process.hrtime.bigint();
  const n = figures.recognize(seg[0], undefined as never).length;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`${name} as one segment: ${ms.toFixed(1)} ms, ${n} figures`);
}
