// Speed and memory of the place and actor modules: the two recognizers alone over ~2 MB of varied generated
// news text (best of 5 passes: the machine is shared), the places + actors refiners and the DL110 check over a
// 200 KB document (median and p95 of 20 runs), and the gazetteer's load time and memory.
//   node -r ts-node/register/transpile-only scripts/bench-geo.ts
import { Knowledge } from '../server/src/core';
import { actorsProvider } from '../server/src/core/actors/catalog';
import { spellingVariant } from '../server/src/core/checks/spellingVariant';
import { gazetteerProvider } from '../server/src/core/geo/gazetteer';
import { recognizeActors } from '../server/src/core/recognizers/actors';
import { recognizePlaces } from '../server/src/core/recognizers/gazetteer';
import { actorsRefiner } from '../server/src/core/refiners/actors';
import { places } from '../server/src/core/refiners/places';
import { defaultSettings } from '../server/src/core/settings';
import { segment } from '../server/src/core/text/segment';
import type { Annotation } from '../server/src/core/types';
import { NewsGenerator } from '../test/helpers/newsText';

const rss0 = process.memoryUsage().rss, heap0 = process.memoryUsage().heapUsed;
const k = new Knowledge();
let t = performance.now();
const gz = k.get(gazetteerProvider);
const loadMs = performance.now() - t;
const rss1 = process.memoryUsage().rss, heap1 = process.memoryUsage().heapUsed;
t = performance.now();
const cat = k.get(actorsProvider);
const actorsMs = performance.now() - t;
console.log(`gazetteer: ${gz.size} entries, load ${loadMs.toFixed(0)} ms, RSS +${((rss1 - rss0) / 1048576).toFixed(0)} MB, heap +${((heap1 - heap0) / 1048576).toFixed(1)} MB; actors: ${cat.actors.length}, load ${actorsMs.toFixed(0)} ms`);

const text = new NewsGenerator(3).text(2 * 1024 * 1024);
const segs = segment(text);
const mb = text.length / 1048576;
function best(f: () => number): { ms: number; n: number } {
  let ms = Infinity, n = 0;
  for (let r = 0; r < 5; r++) { const t0 = performance.now(); n = f(); ms = Math.min(ms, performance.now() - t0); }
  return { ms, n };
}
const g = best(() => { let n = 0; for (const s of segs) n += recognizePlaces(s.text, gz).length; return n; });
console.log(`gazetteer recognizer: ${g.n} candidates, ${(mb / (g.ms / 1000)).toFixed(1)} MB/s`);
const a = best(() => { let n = 0; for (const s of segs) n += recognizeActors(s.text, cat).length; return n; });
console.log(`actors recognizer: ${a.n} mentions, ${(mb / (a.ms / 1000)).toFixed(1)} MB/s`);

const doc200 = text.slice(0, 200 * 1024);
const doc = { text: doc200, segments: segment(doc200), knowledge: k, settings: defaultSettings(), memo: new Map<string, unknown>() };
const raw: Annotation[] = [];
for (const s of doc.segments) {
  for (const m of [...recognizePlaces(s.text, gz), ...recognizeActors(s.text, cat)]) raw.push({ ...m, id: '', start: m.start + s.start, end: m.end + s.start });
}
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  const x = places.refine(raw, doc);
  const y = actorsRefiner.refine(x, doc);
  spellingVariant.run(y, doc);
  times.push(performance.now() - t0);
}
times.sort((p, q) => p - q);
console.log(`places + actors refiners + DL110 on 200 KB (${raw.length} mentions): median ${times[10].toFixed(1)} ms, p95 ${times[18].toFixed(1)} ms`);
console.log(`RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
