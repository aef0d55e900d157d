// Measures the name tagger on CoNLL-2003 valid.txt (or --file), on running text: each document is
// detokenized (sentences joined by newlines), analysed, and predicted names are compared with the gold
// names as character spans (exact match).
//   npm run eval:ner                    the full pipeline (`analyze`, all recognizers and refiners)
//   npm run eval:ner -- --ner-only      the name recognizer alone (segments + recognizer)
//   npm run eval:ner -- --ner-only --consistency   ... plus the name-consistency refiner
//   npm run eval:ner -- --model FILE    another model file
//   npm run eval:ner -- --errors N      print N errors
import * as path from 'path';
import { analyze } from '../server/src/core/pipeline';
import { Knowledge } from '../server/src/core/knowledge/knowledge';
import { defaultSettings } from '../server/src/core/settings';
import { segment } from '../server/src/core/text/segment';
import { names } from '../server/src/core/recognizers/names';
import { loadModelFile, nerModelProvider } from '../server/src/core/ner/model-io';
import { CONLL_DIR, GoldSpan, readConll, requireCorpusFile } from './ner/conll';
import { nameConsistency } from '../server/src/core/refiners/nameConsistency';
import type { Annotation } from '../server/src/core/types';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const ROOT = path.resolve(__dirname, '..');
const file = requireCorpusFile(path.resolve(arg('file', path.join(CONLL_DIR, 'valid.txt'))));
const nerOnly = process.argv.includes('--ner-only');
const consistency = process.argv.includes('--consistency');
const showErrors = Number(arg('errors', '0'));
const modelFile = arg('model', '');

const TYPE_OF: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC', misc: 'MISC' };
const knowledge = new Knowledge();
if (modelFile) {
  const m = loadModelFile(path.resolve(modelFile));
  // Preload the provider's slot with the given model.
  (knowledge as unknown as { loaded: Map<string, unknown> }).loaded.set(nerModelProvider.id, m);
}
const settings = defaultSettings();

const docs = readConll(file);
const stats = new Map<string, { tp: number; fp: number; fn: number }>();
const stat = (t: string) => { let s = stats.get(t); if (!s) { s = { tp: 0, fp: 0, fn: 0 }; stats.set(t, s); } return s; };
const errors: string[] = [];
const bySource = new Map<string, { tp: number; fp: number }>();
let chars = 0;
const t0 = process.hrtime.bigint();
for (const doc of docs) {
  chars += doc.text.length;
  let pred: (GoldSpan & { source?: string })[] = [];
  if (nerOnly) {
    let anns: Annotation[] = [];
    for (const seg of segment(doc.text)) {
      for (const m of names.recognize(seg, { knowledge, settings })) anns.push({ ...m, id: '', start: m.start + seg.start, end: m.end + seg.start });
    }
    if (consistency) anns = nameConsistency.refine(anns, { text: doc.text, segments: [], knowledge, settings, memo: new Map() });
    pred = anns.map(a => ({ start: a.start, end: a.end, type: TYPE_OF[a.category] }));
  } else {
    const result = analyze(doc.text, { knowledge, settings });
    pred = result.annotations.filter(a => TYPE_OF[a.category])
      .map(a => ({ start: a.start, end: a.end, type: TYPE_OF[a.category], source: a.source }));
  }
  const key = (s: GoldSpan) => `${s.start}:${s.end}:${s.type}`;
  const gold = new Set(doc.spans.map(key));
  const got = new Set(pred.map(key));
  for (const s of pred) {
    const src = bySource.get(`${s.source ?? 'ner'} ${s.type}`) ?? { tp: 0, fp: 0 };
    bySource.set(`${s.source ?? 'ner'} ${s.type}`, src);
    if (gold.has(key(s))) src.tp++; else src.fp++;
    if (gold.has(key(s))) stat(s.type).tp++;
    else { stat(s.type).fp++; if (errors.length < showErrors) errors.push(`FP ${s.type} "${doc.text.slice(s.start, s.end)}"  | ${context(doc.text, s)}`); }
  }
  for (const s of doc.spans) {
    if (!got.has(key(s))) { stat(s.type).fn++; if (errors.length < showErrors) errors.push(`FN ${s.type} "${doc.text.slice(s.start, s.end)}"  | ${context(doc.text, s)}`); }
  }
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;

function context(text: string, s: GoldSpan): string {
  const a = Math.max(0, s.start - 40), b = Math.min(text.length, s.end + 40);
  return text.slice(a, s.start).replace(/\n/g, ' / ') + '[' + text.slice(s.start, s.end) + ']' + text.slice(s.end, b).replace(/\n/g, ' / ');
}
function prf(s: { tp: number; fp: number; fn: number }) {
  const p = s.tp / Math.max(1, s.tp + s.fp), r = s.tp / Math.max(1, s.tp + s.fn);
  return { p, r, f: p + r > 0 ? 2 * p * r / (p + r) : 0 };
}
const fmt = (x: number) => (100 * x).toFixed(2).padStart(6);
const sum = (types: string[]) => types.reduce((a, t) => { const s = stat(t); return { tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }; }, { tp: 0, fp: 0, fn: 0 });
console.log(`${path.relative(ROOT, file)}: ${docs.length} documents, ${(chars / 1e3).toFixed(0)} k chars, ` +
  `${nerOnly ? 'name recognizer only' : 'full pipeline (analyze)'}, ${seconds.toFixed(2)} s`);
console.log('type          P      R      F1    gold');
for (const [label, types] of [['PER', ['PER']], ['LOC', ['LOC']], ['ORG', ['ORG']], ['MISC', ['MISC']],
  ['PER+LOC+ORG', ['PER', 'LOC', 'ORG']], ['all four', ['PER', 'LOC', 'ORG', 'MISC']]] as [string, string[]][]) {
  const s = sum(types), v = prf(s);
  console.log(`${label.padEnd(12)} ${fmt(v.p)} ${fmt(v.r)} ${fmt(v.f)}  ${String(s.tp + s.fn).padStart(5)}`);
}
if (!nerOnly) {
  console.log('predicted names by recognizer: ' + [...bySource].sort().map(([k, v]) => `${k} ${v.tp} right, ${v.fp} wrong`).join('; '));
}
for (const e of errors) console.log(e);
