import { loadModelFile } from '../../server/src/core/ner/model-io';
import { FeatureExtractor } from '../../server/src/core/ner/features';
import { Tagger } from '../../server/src/core/ner/tagger';
import { segment } from '../../server/src/core/text/segment';
import { tokenSpans, TokenSpans } from '../../server/src/core/text/tokenize';
import { readConll } from './conll';
const model = loadModelFile(process.argv[2] ?? '/work/main/data/ner-model.bin');
const segs: string[] = [];
for (const d of readConll('/work/shared/corpora/conll2003/train.txt')) for (const s of segment(d.text)) segs.push(s.text);
let chars = 0; for (const s of segs) chars += s.length;
const fx = new FeatureExtractor(model.lexicon); const spans = new TokenSpans(); const feats = new Uint32Array(128);
const tagger = new Tagger(model);
function pass(level: number): number {
  const a = process.cpuUsage();
  let x = 0;
  for (const s of segs) {
    if (level === 4) { x += tagger.tag(s).length; continue; }
    tokenSpans(s, spans); if (level < 2) continue;
    const c = fx.prepare(s, spans); if (level < 3 || c === 0) continue;
    const n = spans.count;
    for (let k = 0; k < n; k++) if (fx.cand[k]) { x += fx.features(k, feats); }
  }
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
}
for (let rep = 0; rep < 3; rep++) {
  const t = [0, 1, 2, 3, 4].map(l => l === 0 ? 0 : Math.min(pass(l), pass(l), pass(l), pass(l), pass(l)));
  console.log(`${(chars / 1e6).toFixed(2)} MB cpu ms: tok ${t[1].toFixed(0)} prep ${(t[2] - t[1]).toFixed(0)} feat ${(t[3] - t[2]).toFixed(0)} score+dec ${(t[4] - t[3]).toFixed(0)} total ${t[4].toFixed(0)} => ${(chars / 1e3 / t[4]).toFixed(1)} MB/s`);
}
