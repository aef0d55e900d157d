// Speed of the name recognizer alone on a few MB of varied news text read from ../shared/corpora (a local
// timing only: nothing is copied) plus the project's samples.
//   npm run bench:ner [-- --mb 4]
import * as fs from 'fs';
import * as path from 'path';
import { Knowledge } from '../server/src/core/knowledge/knowledge';
import { nerModelProvider } from '../server/src/core/ner/model-io';
import { names } from '../server/src/core/recognizers/names';
import { taggerFor } from '../server/src/core/ner/tagger';
import { defaultSettings } from '../server/src/core/settings';
import { segment, Segment } from '../server/src/core/text/segment';
import { tokenSpans, TokenSpans } from '../server/src/core/text/tokenize';
import { CONLL_DIR, CORPORA, readConll, requireCorpusFile } from './ner/conll';

const ROOT = path.resolve(__dirname, '..');
const i = process.argv.indexOf('--mb');
const targetMB = i >= 0 ? Number(process.argv[i + 1]) : 4;

// Varied news text: Reuters 1996 (CoNLL, heavy in capitalised tables), AP/NYT 1998 (TimeML), US local
// news 2009 (LGL), WikiNews (GeoVirus), and the project's sample. Interleaved so each chunk mixes them.
const sources: string[][] = [];
sources.push(readConll(requireCorpusFile(path.join(CONLL_DIR, 'train.txt'))).map(d => d.text));
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const timeml = path.join(CORPORA, 'timeml');
if (fs.existsSync(timeml)) {
  const docs: string[] = [];
  for (const dir of fs.readdirSync(timeml)) for (const f of fs.readdirSync(path.join(timeml, dir))) {
    const m = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(fs.readFileSync(path.join(timeml, dir, f), 'utf8'));
    if (m) docs.push(unescape(m[1].replace(/<[^>]+>/g, '')));
  }
  sources.push(docs);
}
for (const f of ['lgl.xml', 'GeoVirus.xml']) {
  const file = path.join(CORPORA, 'geo', f);
  if (!fs.existsSync(file)) continue;
  const docs: string[] = [];
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/<text>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/text>/g)) docs.push(unescape(m[1]));
  sources.push(docs);
}
const samples = path.join(ROOT, 'samples');
if (fs.existsSync(samples)) sources.push(fs.readdirSync(samples).map(f => fs.readFileSync(path.join(samples, f), 'utf8')));
const texts: string[] = [];
for (let i = 0, more = true; more; i++) {
  more = false;
  for (const src of sources) if (i < src.length) { texts.push(src[i]); more = true; }
}
console.log(`text from ${sources.map(s => s.length).join(' + ')} documents`);
const segs: Segment[] = [];
let chars = 0;
outer: for (;;) for (const t of texts) {
  for (const s of segment(t)) { segs.push(s); chars += s.text.length; }
  if (chars >= targetMB * 1e6) break outer;
}

const t0 = process.hrtime.bigint();
const knowledge = new Knowledge();
knowledge.get(nerModelProvider);
const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
const settings = defaultSettings();
const ctx = { knowledge, settings };

/**
 * Times `fn` over chunks of about 100 KB, each run `reps` times, in CPU time of this process (the machine is
 * shared: wall time counts other jobs' turns); the sum of each chunk's best time is the figure.
 */
function time(label: string, fn: (from: number, to: number) => number, reps = 7): void {
  const chunks: [number, number][] = [];
  for (let a = 0, size = 0, k = 0; k <= segs.length; k++) {
    if (k === segs.length || size >= 100_000) { if (k > a) chunks.push([a, k]); a = k; size = 0; }
    if (k < segs.length) size += segs[k].text.length;
  }
  fn(0, segs.length); // warm-up
  let total = 0, found = 0;
  for (const [a, b] of chunks) {
    let best = Infinity;
    for (let r = 0; r < reps; r++) {
      const t = process.cpuUsage();
      const n = fn(a, b);
      const d = process.cpuUsage(t);
      best = Math.min(best, (d.user + d.system) / 1e6);
      if (r === 0) found += n;
    }
    total += best;
  }
  console.log(`${label.padEnd(28)} ${(chars / 1e6 / total).toFixed(1).padStart(6)} MB/s  (${(total * 1000).toFixed(0)} ms for ${(chars / 1e6).toFixed(2)} MB, ${found} results)`);
}
console.log(`model load ${loadMs.toFixed(0)} ms; ${segs.length} segments, ${(chars / 1e6).toFixed(2)} MB`);
const spans = new TokenSpans(1024);
time('tokenizer (tokenSpans)', (a, b) => { let n = 0; for (let k = a; k < b; k++) n += tokenSpans(segs[k].text, spans).count; return n; });
const tagger = taggerFor(knowledge.get(nerModelProvider)!);
time('tagger (Tagger.tag)', (a, b) => { let n = 0; for (let k = a; k < b; k++) n += tagger.tag(segs[k].text).length; return n; });
time('name recognizer', (a, b) => { let n = 0; for (let k = a; k < b; k++) n += names.recognize(segs[k], ctx).length; return n; });
