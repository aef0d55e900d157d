// Where the core's time goes: each recognizer, refiner and check timed alone, warm (the last of three passes),
// on generated news-like text or on a text file of your own.
//   node -r ts-node/register/transpile-only scripts/profile-core.ts [KB | FILE] [PASSES]
import type { Annotation } from '../server/src/core/types';
import type { DocumentContext } from '../server/src/core/api';
import { recognizers } from '../server/src/core/recognizers';
import { refiners } from '../server/src/core/refiners';
import { checks } from '../server/src/core/checks';
import { segment } from '../server/src/core/text/segment';
import { placed } from '../server/src/core/pipeline';
import { Knowledge } from '../server/src/core/knowledge/knowledge';
import { defaultSettings } from '../server/src/core/settings';
import { NewsGenerator } from '../test/helpers/newsText';

import * as fs from 'fs';
const arg = process.argv[2] ?? '1024';
const kb = Number(arg);
const knowledge = new Knowledge();
const settings = defaultSettings();
// Warm-up: load every knowledge provider on a small text.
const warm = segment(new NewsGenerator(7).text(20 * 1024));
for (const r of recognizers) for (const s of warm) r.recognize(s, { knowledge, settings });

const text = Number.isFinite(kb) ? new NewsGenerator(11).text(kb * 1024) : fs.readFileSync(arg, 'utf8');
const mb = Buffer.byteLength(text) / 1e6;
const passes = Number(process.argv[3] ?? 3);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
let rows: [string, number][] = [];
let count = 0, segCount = 0;
for (let pass = 0; pass < passes; pass++) {
  rows = [];
  let t = process.hrtime.bigint();
  const segs = segment(text);
  segCount = segs.length;
  rows.push(['segment', ms(t)]);
  let annotations: Annotation[] = [];
  for (const r of recognizers) {
    t = process.hrtime.bigint();
    for (const s of segs) for (const m of r.recognize(s, { knowledge, settings })) {
      annotations.push(placed(m, s.start));
    }
    rows.push([`recognizer ${r.id}`, ms(t)]);
  }
  const doc: DocumentContext = { text, segments: segs, knowledge, settings, memo: new Map(), referenceDate: { value: '2023-03-14', source: 'option' } };
  for (const r of refiners) { t = process.hrtime.bigint(); annotations = r.refine(annotations, doc); rows.push([`refiner ${r.id}`, ms(t)]); }
  annotations.sort((a, b) => a.start - b.start);
  annotations.forEach((a, i) => { a.id = `${a.category}-${i}`; });
  for (const c of checks) { t = process.hrtime.bigint(); c.run(annotations, doc); rows.push([`check ${c.name}`, ms(t)]); }
  count = annotations.length;
}
const total = rows.reduce((s, r) => s + r[1], 0);
console.log(`${mb.toFixed(2)} MB, ${segCount} segments, ${count} annotations; pass ${passes} of ${passes}`);
for (const [name, v] of rows) console.log(`${name.padEnd(34)} ${v.toFixed(1).padStart(9)} ms  ${(mb / (v / 1000)).toFixed(1).padStart(8)} MB/s`);
console.log(`${'total'.padEnd(34)} ${total.toFixed(1).padStart(9)} ms  ${(mb / (total / 1000)).toFixed(2).padStart(8)} MB/s`);
