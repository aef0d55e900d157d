// Speed of the name recognizer alone on a few MB of news text: CoNLL-2003 documents detokenized (a local
// timing only; the corpus is read from ../shared, nothing is copied) plus the project's samples.
//   npm run bench:ner [-- --mb 4]
import * as fs from 'fs';
import * as path from 'path';
import { Knowledge } from '../server/src/core/knowledge/knowledge';
import { nerModelProvider } from '../server/src/core/ner/model-io';
import { names } from '../server/src/core/recognizers/names';
import { defaultSettings } from '../server/src/core/settings';
import { segment, Segment } from '../server/src/core/text/segment';
import { tokenSpans, TokenSpans } from '../server/src/core/text/tokenize';
import { CONLL_DIR, readConll, requireCorpusFile } from './ner/conll';

const ROOT = path.resolve(__dirname, '..');
const i = process.argv.indexOf('--mb');
const targetMB = i >= 0 ? Number(process.argv[i + 1]) : 4;

const texts: string[] = [];
for (const f of ['train.txt', 'valid.txt']) for (const d of readConll(requireCorpusFile(path.join(CONLL_DIR, f)))) texts.push(d.text);
const samples = path.join(ROOT, 'samples');
if (fs.existsSync(samples)) for (const f of fs.readdirSync(samples)) texts.push(fs.readFileSync(path.join(samples, f), 'utf8'));
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

function time(label: string, fn: () => number): void {
  fn(); // warm-up
  const runs: number[] = [];
  let found = 0;
  for (let r = 0; r < 3; r++) {
    const a = process.hrtime.bigint();
    found = fn();
    runs.push(Number(process.hrtime.bigint() - a) / 1e9);
  }
  const best = Math.min(...runs);
  console.log(`${label.padEnd(28)} ${(chars / 1e6 / best).toFixed(1).padStart(6)} MB/s  (${(best * 1000).toFixed(0)} ms for ${(chars / 1e6).toFixed(2)} MB, ${found} results)`);
}
console.log(`model load ${loadMs.toFixed(0)} ms; ${segs.length} segments, ${(chars / 1e6).toFixed(2)} MB`);
const spans = new TokenSpans(1024);
time('tokenizer (tokenSpans)', () => { let n = 0; for (const s of segs) n += tokenSpans(s.text, spans).count; return n; });
time('name recognizer', () => { let n = 0; for (const s of segs) n += names.recognize(s, ctx).length; return n; });
