import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/core/pipeline';
import { Knowledge } from '../../server/src/core/knowledge/knowledge';
import { defaultSettings } from '../../server/src/core/settings';
import { segment } from '../../server/src/core/text/segment';
import { tokenSpans } from '../../server/src/core/text/tokenize';
import { FeatureExtractor, GAZ, Lexicon, MODE_CAPS, MODE_BODY, phraseHash } from '../../server/src/core/ner/features';
import { HashTable, lowerHash } from '../../server/src/core/ner/hash';
import { decodeSpans, encode, makeScheme, Viterbi } from '../../server/src/core/ner/perceptron';
import { loadModelFile, MODEL_FILE, nerModelProvider, NerModel, parseModel, serializeModel } from '../../server/src/core/ner/model-io';
import { Tagger } from '../../server/src/core/ner/tagger';
import { names } from '../../server/src/core/recognizers/names';
import { nameConsistency } from '../../server/src/core/refiners/nameConsistency';
import type { Annotation } from '../../server/src/core/types';

const ROOT = path.resolve(__dirname, '..', '..');
const BIO = makeScheme('BIO');
const label = (s: string) => BIO.labels.indexOf(s);

function emptyLexicon(): Lexicon {
  return { gazetteer: HashTable.withCapacity(4), maxPhrase: 3, words: HashTable.withCapacity(4) };
}

describe('name tagger: decoder', () => {
  it('encodes and decodes names in BIO and BILOU', () => {
    for (const name of ['BIO', 'BILOU'] as const) {
      const s = makeScheme(name);
      const spans = [{ start: 0, end: 2, type: 0 }, { start: 3, end: 4, type: 1 }, { start: 4, end: 7, type: 2 }];
      assert.deepStrictEqual(decodeSpans(s, encode(s, 8, spans), 8), spans);
    }
  });

  it('finds the best sequence and never puts I-X after O', () => {
    const n = 4, L = BIO.L;
    const em = new Float32Array(n * L);
    // token 1 would like I-PER alone, which cannot follow O; token 0 mildly prefers O.
    em[0 * L + label('O')] = 1; em[0 * L + label('B-PER')] = 0.5;
    em[1 * L + label('I-PER')] = 3; em[1 * L + label('O')] = 0;
    em[2 * L + label('B-LOC')] = 2;
    em[3 * L + label('B-ORG')] = 5; // but token 3 is no candidate
    const cand = Uint8Array.from([1, 1, 1, 0]);
    const out = new Uint8Array(n);
    new Viterbi().decode(BIO, n, em, cand, new Float32Array(L * L), new Float32Array(L), out);
    assert.deepStrictEqual(Array.from(out).map(l => BIO.labels[l]), ['B-PER', 'I-PER', 'B-LOC', 'O']);
  });

  it('follows transition scores', () => {
    const n = 2, L = BIO.L;
    const em = new Float32Array(n * L);
    em[label('B-ORG')] = 1; em[L + label('B-ORG')] = 1; em[L + label('I-ORG')] = 0.9;
    const trans = new Float32Array(L * L);
    const out = new Uint8Array(n);
    const v = new Viterbi();
    v.decode(BIO, n, em, Uint8Array.from([1, 1]), trans, new Float32Array(L), out);
    assert.deepStrictEqual(Array.from(out).map(l => BIO.labels[l]), ['B-ORG', 'B-ORG']);
    trans[label('B-ORG') * L + label('I-ORG')] = 0.5;
    v.decode(BIO, n, em, Uint8Array.from([1, 1]), trans, new Float32Array(L), out);
    assert.deepStrictEqual(Array.from(out).map(l => BIO.labels[l]), ['B-ORG', 'I-ORG']);
  });
});

describe('name tagger: features', () => {
  it('marks candidates, headline mode and gazetteer matches', () => {
    const lex = emptyLexicon();
    const h = (w: string) => lowerHash(w, 0, w.length);
    lex.gazetteer.set(phraseHash([h('abu'), h('kamal')]), 1 << GAZ.city);
    lex.gazetteer.set(phraseHash([h('abu')]), 1 << 30); // prefix of a longer phrase
    const fx = new FeatureExtractor(lex);
    const text = 'troops moved on Abu Kamal, near the Bank of the West and with de Gaulle';
    const spans = tokenSpans(text);
    fx.prepare(text, spans);
    const cand = Array.from(fx.cand.slice(0, spans.count));
    const tok = (i: number) => text.slice(spans.starts[i], spans.ends[i]);
    assert.deepStrictEqual(cand.map((c, i) => c ? tok(i) : '').filter(Boolean),
      ['Abu', 'Kamal', 'Bank', 'of', 'the', 'West', 'de', 'Gaulle']);
    assert.strictEqual(fx.mode, MODE_BODY);
    assert.strictEqual((fx.gaz[3] >> (2 * GAZ.city)) & 3, 1);
    assert.strictEqual((fx.gaz[4] >> (2 * GAZ.city)) & 3, 2);
    fx.prepare('SYRIAN ARMY TAKES ABU KAMAL', tokenSpans('SYRIAN ARMY TAKES ABU KAMAL'));
    assert.strictEqual(fx.mode, MODE_CAPS);
    assert.strictEqual((fx.gaz[3] >> (2 * GAZ.city)) & 3, 1);
  });

  it('gives the same features to the same token in the same context', () => {
    const fx = new FeatureExtractor(emptyLexicon());
    const featuresOf = (text: string, k: number) => {
      const out = new Uint32Array(128);
      fx.prepare(text, tokenSpans(text));
      return new Set(out.slice(0, fx.features(k, out)));
    };
    const a = featuresOf('He met Faisal Mekdad in Damascus.', 2);
    const b = featuresOf('She met Faisal Mekdad in Damascus yesterday.', 2);
    const c = featuresOf('He saw Faisal Mekdad in Damascus.', 2);
    assert.deepStrictEqual([...a].sort(), [...b].sort());
    const differ = [...a].filter(f => !c.has(f)).length;
    assert.ok(differ >= 2, `differ ${differ}`);
  });
});

/** A hand-made model: the word `Paris` is a place, `Acme` begins an organization, `Corp` continues one. */
function tinyModel(): NerModel {
  const lex = emptyLexicon();
  const fx = new FeatureExtractor(lex);
  const L = BIO.L;
  const table = HashTable.withCapacity(8, 0.5, true);
  const weights = new Map<number, Float32Array>();
  const wordFeature = (text: string, k: number) => {
    fx.prepare(text, tokenSpans(text));
    const out = new Uint32Array(128);
    fx.intrinsic(k, out, 0);
    return out[1]; // the Word template
  };
  const set = (f: number, l: string, w: number) => {
    const row = weights.get(f) ?? new Float32Array(L);
    row[label(l)] = w; weights.set(f, row);
  };
  set(wordFeature('to Paris', 1), 'B-LOC', 10);
  set(wordFeature('Acme Corp', 0), 'B-ORG', 10);
  set(wordFeature('Acme Corp', 1), 'I-ORG', 10);
  for (const f of weights.keys()) table.set(f, 1);
  const featW = new Int16Array(table.keys.length * L);
  for (const [f, row] of weights) {
    const slot = table.find(f);
    for (let l = 0; l < L; l++) featW[slot * L + l] = Math.round(row[l] * 100);
  }
  return new NerModel({
    scheme: BIO, featKeys: table.keys, featW, scale: 0.01, trans: new Float32Array(L * L), start: new Float32Array(L),
    lexicon: lex, meta: { test: true },
  });
}

describe('name tagger: model', () => {
  it('tags with a hand-made model, also after a round trip through the binary format', () => {
    const model = tinyModel();
    const want = [{ start: 8, end: 13, type: 'LOC' }, { start: 18, end: 27, type: 'ORG' }];
    const got = (m: NerModel) => new Tagger(m).tag('Flights Paris and Acme Corp today.').map(s => ({ start: s.start, end: s.end, type: s.type }));
    assert.deepStrictEqual(got(model), want);
    const again = parseModel(serializeModel(model.parts));
    assert.deepStrictEqual(got(again), want);
    assert.deepStrictEqual(again.parts.meta, { test: true });
  });

  it('refuses a file that is not a model, and reports a missing one as a problem', () => {
    assert.throws(() => parseModel(Buffer.from('not a model at all')), /bad magic/);
    const k = new Knowledge({ dataDir: path.join(ROOT, 'test', 'no-such-dir') });
    assert.strictEqual(k.get(nerModelProvider), undefined);
    assert.match(k.problems[0].message, /train:ner/);
  });
});

describe('name tagger: shipped model', () => {
  const file = path.join(ROOT, 'data', MODEL_FILE);

  it('is in data/, at most 15 MB, and loads within 300 ms', () => {
    assert.ok(fs.existsSync(file), `${file} missing: npm run train:ner`);
    assert.ok(fs.statSync(file).size <= 15e6);
    const t0 = process.hrtime.bigint();
    const model = loadModelFile(file);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(ms < 300, `loaded in ${ms.toFixed(0)} ms`);
    assert.ok(model.parts.featKeys.length > 1000);
  });

  it('finds the names of the sample article through analyze', () => {
    const text = fs.readFileSync(path.join(ROOT, 'samples', 'river-crossing.news'), 'utf8');
    const result = analyze(text);
    const has = (category: string, name: string) =>
      assert.ok(result.annotations.some(a => a.category === category && a.text === name), `${category} ${name}`);
    has('place', 'Deir ez-Zor');
    has('place', 'al-Mayadin');
    has('place', 'Damascus');
    has('organization', 'Syrian Democratic Forces');
    has('person', 'Faisal Mekdad');
  });

  it('finds them with the name recognizer alone, with its label and confidence', () => {
    const text = fs.readFileSync(path.join(ROOT, 'samples', 'river-crossing.news'), 'utf8');
    const ctx = { knowledge: new Knowledge(), settings: defaultSettings() };
    const found = new Map<string, { category: string; data?: Record<string, unknown> }>();
    for (const seg of segment(text)) for (const m of names.recognize(seg, ctx)) found.set(m.text, m);
    for (const [name, category, ner] of [['Deir ez-Zor', 'place', 'LOC'], ['al-Mayadin', 'place', 'LOC'],
      ['Syrian Democratic Forces', 'organization', 'ORG'], ['Faisal Mekdad', 'person', 'PER'],
      ['DEIR EZ-ZOR', 'place', 'LOC'], ['Damascus', 'place', 'LOC']]) {
      const m = found.get(name);
      assert.ok(m, `${name} not found`);
      assert.strictEqual(m.category, category, name);
      assert.strictEqual(m.data?.ner, ner);
      const c = m.data?.confidence as number;
      assert.ok(c >= 0 && c <= 1);
    }
  });

  it('reads a Reuters dateline and an all-caps headline', () => {
    const ctx = { knowledge: new Knowledge(), settings: defaultSettings() };
    const run = (text: string) => names.recognize({ start: 0, end: text.length, text }, ctx).map(m => `${m.category}:${m.text}`);
    const dateline = run('DAMASCUS, June 9 (Reuters) - Syrian troops advanced on Sunday, the army said.');
    assert.ok(dateline.includes('place:DAMASCUS'), dateline.join(' '));
    assert.ok(dateline.includes('organization:Reuters'), dateline.join(' '));
    const headline = run('RUSSIA AND TURKEY AGREE ON IDLIB TRUCE');
    assert.ok(headline.includes('place:RUSSIA') && headline.includes('place:TURKEY'), headline.join(' '));
  });

  it('honours the category settings', () => {
    const settings = defaultSettings();
    settings.categories.person = false;
    const ctx = { knowledge: new Knowledge(), settings };
    const text = 'Foreign Minister Faisal Mekdad flew to Moscow.';
    const got = names.recognize({ start: 0, end: text.length, text }, ctx).map(m => m.category);
    assert.ok(!got.includes('person') && got.includes('place'), got.join(' '));
  });
});

describe('name consistency refiner', () => {
  const ann = (text: string, start: number, ner: string, source = 'ner'): Annotation => ({
    id: '', text, start, end: start + text.length, source, data: { ner },
    category: ({ PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'misc' } as const)[ner as 'PER'],
  });
  const doc = { text: '', segments: [], knowledge: new Knowledge(), settings: defaultSettings(), memo: new Map() };

  it('makes a lone surname the person of the full name elsewhere in the document', () => {
    const anns = [ann('Phil Simmons', 0, 'PER'), ann('Simmons', 40, 'ORG'), ann('Leicester', 60, 'ORG'), ann('Simmons', 80, 'LOC', 'gazetteer')];
    const out = nameConsistency.refine(anns, doc);
    assert.deepStrictEqual(out.map(a => `${a.category}:${a.data?.ner}`), ['person:PER', 'person:PER', 'organization:ORG', 'place:LOC']);
    assert.strictEqual(out[1].data?.was, 'ORG');
  });

  it('leaves documents without full person names alone', () => {
    const anns = [ann('Simmons', 0, 'ORG'), ann('Simmons', 20, 'PER')];
    assert.deepStrictEqual(nameConsistency.refine(anns, doc).map(a => a.category), ['organization', 'person']);
  });
});
