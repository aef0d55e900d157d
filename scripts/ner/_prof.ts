import { loadModelFile } from '../../server/src/core/ner/model-io';
import { FeatureExtractor } from '../../server/src/core/ner/features';
import { Viterbi } from '../../server/src/core/ner/perceptron';
import { segment } from '../../server/src/core/text/segment';
import { tokenSpans, TokenSpans } from '../../server/src/core/text/tokenize';
import { readConll } from './conll';
const model = loadModelFile(process.argv[2] ?? '/work/main/data/ner-model.bin');
const segs: string[] = [];
for (const d of readConll('/work/shared/corpora/conll2003/train.txt')) for (const s of segment(d.text)) segs.push(s.text);
let chars = 0; for (const s of segs) chars += s.length;
const fx = new FeatureExtractor(model.lexicon); const spans = new TokenSpans(); const feats = new Uint32Array(128);
const em = new Float32Array(100000); const lab = new Uint8Array(10000); const vit = new Viterbi();
function pass(level: number): number {
  const a = process.cpuUsage();
  for (const s of segs) {
    tokenSpans(s, spans); if (level < 2) continue;
    const c = fx.prepare(s, spans); if (level < 3 || c === 0) continue;
    const n = spans.count;
    em.fill(0, 0, n * 9);
    for (let k = 0; k < n; k++) if (fx.cand[k]) { const m = fx.features(k, feats); if (level >= 4) model.score(feats, m, em, k * 9); }
    if (level >= 5) vit.decode(model.scheme, n, em, fx.cand, model.trans, model.start, lab);
  }
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
}
for (let rep = 0; rep < 3; rep++) {
  const t = [0, 1, 2, 3, 4, 5].map(l => l === 0 ? 0 : Math.min(pass(l), pass(l), pass(l), pass(l), pass(l)));
  console.log(`${(chars / 1e6).toFixed(2)} MB cpu ms: tok ${t[1].toFixed(0)} prep ${(t[2] - t[1]).toFixed(0)} feat ${(t[3] - t[2]).toFixed(0)} score ${(t[4] - t[3]).toFixed(0)} dec ${(t[5] - t[4]).toFixed(0)} total ${t[5].toFixed(0)} => ${(chars / 1e3 / t[5]).toFixed(1)} MB/s`);
}
