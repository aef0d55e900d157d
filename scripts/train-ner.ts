// Trains the name tagger on CoNLL-2003 train.txt and writes data/ner-model.bin.
//   npm run train:ner [-- --epochs 12 --seed 1 --scheme BIO --max-features 45000 --title-case 0.15 --out data/ner-model.bin]
import * as fs from 'fs';
import * as path from 'path';
import { FeatureExtractor, FEATURE_VERSION, Lexicon } from '../server/src/core/ner/features';
import { makeScheme } from '../server/src/core/ner/perceptron';
import { serializeModel } from '../server/src/core/ner/model-io';
import { CONLL_DIR, readConll, requireCorpusFile } from './ner/conll';
import { buildGazetteer } from './ner/lexicon';
import { AveragedPerceptron, buildWordLexicon, packModel, prepare } from './ner/trainer';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const ROOT = path.resolve(__dirname, '..');
const epochs = Number(arg('epochs', '12'));
const seed = Number(arg('seed', '1'));
const schemeName = arg('scheme', 'BIO') as 'BIO' | 'BILOU';
const maxFeatures = Number(arg('max-features', '45000'));
const titleShare = Number(arg('title-case', '0.15'));
const out = path.resolve(ROOT, arg('out', 'data/ner-model.bin'));

const t0 = Date.now();
const trainFile = requireCorpusFile(path.join(CONLL_DIR, 'train.txt'));
const docs = readConll(trainFile);
console.log(`read ${docs.length} documents, ${docs.reduce((a, d) => a + d.tokens, 0)} tokens, ` +
  `${docs.reduce((a, d) => a + d.spans.length, 0)} names from ${path.relative(ROOT, trainFile)}`);

const gaz = buildGazetteer(4);
console.log(`gazetteer: ${gaz.table.size} phrases (${Object.entries(gaz.counts).map(([k, v]) => `${k} ${v}`).join(', ')})`);
const words = buildWordLexicon(docs);
console.log(`word lexicon: ${words.size} lower-case forms`);
const lexicon: Lexicon = { gazetteer: gaz.table, maxPhrase: gaz.maxPhrase, words };

const scheme = makeScheme(schemeName);
const fx = new FeatureExtractor(lexicon);
const rowIds = new Map<number, number>();
const keys: number[] = [];
const prepared = prepare(docs, fx, scheme, f => {
  let r = rowIds.get(f);
  if (r === undefined) { r = keys.length; rowIds.set(f, r); keys.push(f); }
  return r;
}, { titleCase: titleShare, seed });
console.log(`${prepared.sentences.length} segments, ${keys.length} features; ${prepared.lostNames} of ${prepared.goldNames} ` +
  `names not representable by the tokenizer/candidate rule (${(100 * prepared.lostNames / prepared.goldNames).toFixed(2)}%)`);
if (process.argv.includes('--show-lost')) for (const e of prepared.lostExamples) console.log('  lost: ' + e);

const model = new AveragedPerceptron(keys.length, scheme);
model.train(prepared.sentences, { epochs, seed, log: s => console.log(s) });
const avg = model.averaged();
const meta: Record<string, unknown> = {
  corpus: 'CoNLL-2003 train.txt (eng.train)', epochs, seed, scheme: schemeName, featureVersion: FEATURE_VERSION,
  titleCaseShare: titleShare,
  features: keys.length, gazetteers: gaz.sources,
};
const { parts, kept } = packModel(scheme, Uint32Array.from(keys), avg, lexicon, maxFeatures, meta);
meta.kept = kept;
const bytes = serializeModel(parts);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, bytes);
console.log(`kept ${kept} of ${keys.length} features; wrote ${path.relative(ROOT, out)} ` +
  `(${(bytes.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
