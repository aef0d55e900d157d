// Evaluates the temporal expressions of the REAL pipeline on the TempEval-3 training data (TimeBank +
// AQUAINT, inline TimeML) in ../shared/corpora/timeml, scored like TempEval-3:
//   strict extent P/R/F1 (same span), relaxed extent P/R/F1 (overlapping spans, one-to-one),
//   value F1 (relaxed matches whose TIMEX3 value equals the gold value).
// Each document's DCT is its reference date. Also times the timex recognizer alone and the full pipeline.
//
//   npm run eval:timex [-- --corpus DIR] [--errors N] [--show-errors strict|relaxed|value] [--context]

import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../server/src/core/pipeline';
import { recognizeTimex } from '../server/src/core/time/recognize';
import { segment } from '../server/src/core/text/segment';
import type { TimexValue } from '../server/src/core/types';

interface Gold { start: number; end: number; type: string; value: string; text: string }
interface Doc { file: string; dct: string; text: string; gold: Gold[] }

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const root = path.resolve(__dirname, '..');
const corpusDir = path.resolve(opt('--corpus') ?? path.join(root, '..', 'shared', 'corpora', 'timeml'));
const errorsToShow = Number(opt('--errors') ?? 0);
const errorKind = opt('--show-errors') ?? 'relaxed';
/** `--context`: value errors with the text around them, as the other kinds have. */
const withContext = args.includes('--context');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };
function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}
function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/(\w+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

/** Inline TimeML: the text of <TEXT> with tags stripped, and its TIMEX3 spans. */
function parseTml(file: string): Doc | undefined {
  const xml = fs.readFileSync(file, 'utf8');
  const dctM = /<DCT>\s*<TIMEX3([^>]*)>/.exec(xml);
  const a = xml.indexOf('<TEXT>'), b = xml.indexOf('</TEXT>');
  if (!dctM || a < 0 || b < 0) return undefined;
  const dct = attrs(dctM[1]).value?.slice(0, 10);
  if (!dct || !/^\d{4}-\d{2}-\d{2}$/.test(dct)) return undefined;
  const body = xml.slice(a + 6, b);
  let text = '';
  const gold: Gold[] = [];
  const open: { start: number; a: Record<string, string> }[] = [];
  for (const m of body.matchAll(/<(\/?)(\w+)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) { text += unescape(m[4]); continue; }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1]) {
      const o = open.pop();
      if (o) gold.push({ start: o.start, end: text.length, type: o.a.type, value: o.a.value, text: text.slice(o.start, text.length) });
    } else open.push({ start: text.length, a: attrs(m[3]) });
  }
  return { file: path.relative(corpusDir, file), dct, text, gold };
}

function listTml(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTml(p));
    else if (e.name.endsWith('.tml')) out.push(p);
  }
  return out.sort();
}

if (!fs.existsSync(corpusDir)) {
  console.error(`eval:timex: the TimeML corpus is not at ${corpusDir}.`);
  console.error('It is the TempEval-3 training data (TimeBank + AQUAINT, .tml files); put it there or pass --corpus DIR.');
  process.exit(2);
}
const docs = listTml(corpusDir).map(parseTml).filter((d): d is Doc => d !== undefined);
if (docs.length === 0) {
  console.error(`eval:timex: no .tml documents with a DCT under ${corpusDir}.`);
  process.exit(2);
}

const CATS = new Set(['date', 'time', 'duration', 'set']);
interface Sys { start: number; end: number; type: string; value: string; text: string }

/**
 * The same value written two ways in the gold data: `2000-W7`/`2000-W07`, decades `199`/`199X`, centuries
 * `19XX`/`19`, `1989-11-06T17`/`…T17:00`, years `1949-XX`/`1949`. Only for the secondary line of the table.
 */
function notation(v: string): string {
  return v
    .replace(/^(\d{4})-W(\d)(?!\d)/, '$1-W0$2')
    .replace(/^(\d{3})$/, '$1X')
    .replace(/^(\d{2})XX$/, '$1')
    .replace(/T(\d{2})$/, 'T$1:00')
    .replace(/^(\d{4})(?:-XX)+$/, '$1');
}

let nGold = 0, nSys = 0, strictTp = 0, relaxedSysTp = 0, relaxedGoldTp = 0, valueTp = 0, notationTp = 0;
const perType = new Map<string, { gold: number; strict: number; relaxed: number; value: number; sys: number }>();
const rowOf = (t: string) => { let r = perType.get(t); if (!r) perType.set(t, r = { gold: 0, strict: 0, relaxed: 0, value: 0, sys: 0 }); return r; };
const errors: string[] = [];
const t0 = process.hrtime.bigint();
let chars = 0;
for (const doc of docs) {
  const result = analyze(doc.text, { referenceDate: doc.dct });
  chars += doc.text.length;
  const sys: Sys[] = result.annotations.filter(a => CATS.has(a.category)).map(a => {
    const v = a.value as TimexValue | undefined;
    return { start: a.start, end: a.end, type: v?.type ?? a.category.toUpperCase(), value: v?.timex ?? '', text: a.text };
  });
  nGold += doc.gold.length;
  nSys += sys.length;
  for (const s of sys) rowOf(s.type).sys++;
  const goldUsed = new Set<number>();
  const sysMatch = new Map<number, number>();
  // strict first, then relaxed, one-to-one
  sys.forEach((s, si) => {
    const gi = doc.gold.findIndex((g, k) => !goldUsed.has(k) && g.start === s.start && g.end === s.end);
    if (gi >= 0) { goldUsed.add(gi); sysMatch.set(si, gi); strictTp++; rowOf(doc.gold[gi].type).strict++; }
  });
  sys.forEach((s, si) => {
    if (sysMatch.has(si)) return;
    const gi = doc.gold.findIndex((g, k) => !goldUsed.has(k) && g.start < s.end && s.start < g.end);
    if (gi >= 0) { goldUsed.add(gi); sysMatch.set(si, gi); }
  });
  relaxedSysTp += sysMatch.size;
  relaxedGoldTp += sysMatch.size;
  for (const [si, gi] of sysMatch) {
    const g = doc.gold[gi], s = sys[si];
    rowOf(g.type).relaxed++;
    if (g.value === s.value || notation(g.value) === notation(s.value)) notationTp++;
    if (g.value === s.value) { valueTp++; rowOf(g.type).value++; }
    else if (errorKind === 'value' && errors.length < errorsToShow) {
      errors.push(`VALUE  ${doc.file} dct=${doc.dct} "${s.text}" sys=${s.value} gold "${g.text}"=${g.value} (${g.type})` +
        (withContext ? ` | …${doc.text.slice(Math.max(0, g.start - 120), g.end + 60).replace(/\s+/g, ' ')}…` : ''));
    }
    if (errorKind === 'strict' && (g.start !== s.start || g.end !== s.end) && errors.length < errorsToShow) {
      errors.push(`EXTENT ${doc.file} sys "${s.text}" gold "${g.text}" | …${doc.text.slice(Math.max(0, g.start - 40), g.end + 30).replace(/\s+/g, ' ')}…`);
    }
  }
  for (const g of doc.gold) rowOf(g.type).gold++;
  if (errorKind === 'relaxed' && errors.length < errorsToShow) {
    doc.gold.forEach((g, k) => {
      if (!goldUsed.has(k)) errors.push(`MISS   ${doc.file} "${g.text}" ${g.type} ${g.value} | …${doc.text.slice(Math.max(0, g.start - 50), g.end + 30).replace(/\s+/g, ' ')}…`);
    });
    sys.forEach((s, si) => {
      if (!sysMatch.has(si)) errors.push(`FALSE  ${doc.file} "${s.text}" ${s.type} ${s.value} | …${doc.text.slice(Math.max(0, s.start - 50), s.end + 30).replace(/\s+/g, ' ')}…`);
    });
  }
}
const pipelineMs = Number(process.hrtime.bigint() - t0) / 1e6;

const prf = (tpSys: number, tpGold: number) => {
  const p = nSys ? tpSys / nSys : 0, r = nGold ? tpGold / nGold : 0;
  return { p, r, f: p + r ? 2 * p * r / (p + r) : 0 };
};
const f3 = (x: number) => x.toFixed(3);
const strict = prf(strictTp, strictTp), relaxed = prf(relaxedSysTp, relaxedGoldTp), value = prf(valueTp, valueTp);
const valueN = prf(notationTp, notationTp);

console.log(`TimeML (TimeBank + AQUAINT): ${docs.length} documents, ${nGold} gold TIMEX3, ${nSys} system mentions (date/time/duration/set)`);
console.log('');
console.log('measure            P      R      F1');
console.log(`strict extent   ${f3(strict.p)}  ${f3(strict.r)}  ${f3(strict.f)}`);
console.log(`relaxed extent  ${f3(relaxed.p)}  ${f3(relaxed.r)}  ${f3(relaxed.f)}`);
console.log(`value           ${f3(value.p)}  ${f3(value.r)}  ${f3(value.f)}   (TempEval-3: relaxed match and the same TIMEX3 value)`);
console.log(`                (${valueTp} correct values of ${relaxedSysTp} relaxed matches; ${strictTp} strict matches)`);
console.log(`value, notation-insensitive ${f3(valueN.p)}  ${f3(valueN.r)}  ${f3(valueN.f)}   (W7=W07, 199=199X, 19XX=19, T17=T17:00, 1949-XX=1949)`);
console.log('');
console.log('gold type   gold  strict  relaxed  value   (system mentions of that type)');
for (const t of ['DATE', 'TIME', 'DURATION', 'SET']) {
  const r = rowOf(t);
  console.log(`${t.padEnd(9)} ${String(r.gold).padStart(6)} ${String(r.strict).padStart(7)} ${String(r.relaxed).padStart(8)} ${String(r.value).padStart(6)}   (${r.sys})`);
}

// Speed: the timex recognizer alone over the segments, and the whole pipeline.
const segs = docs.flatMap(d => segment(d.text).map(s => s.text));
const segChars = segs.reduce((n, s) => n + s.length, 0);
const rounds = Math.max(1, Math.ceil(8e6 / segChars));
// warm-up: the optimising compiler needs a few MB before the code runs at its steady speed (a server's case)
for (let r = 0; r < rounds; r++) for (const s of segs) recognizeTimex(s);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const t1 = process.hrtime.bigint(), c1 = cpu();
for (let r = 0; r < rounds; r++) for (const s of segs) recognizeTimex(s);
const recMs = Number(process.hrtime.bigint() - t1) / 1e6, recCpu = cpu() - c1;
// the whole pipeline again, warm (knowledge loaded, code compiled), without the per-segment cache
const t2 = process.hrtime.bigint(), c2 = cpu();
for (const doc of docs) analyze(doc.text, { referenceDate: doc.dct });
const warmMs = Number(process.hrtime.bigint() - t2) / 1e6, warmCpu = cpu() - c2;
const mbs = (n: number, ms: number) => (n / 1e6 / (ms / 1000)).toFixed(1);
console.log('');
console.log(`speed (${(segChars * rounds / 1e6).toFixed(1)} M chars of segment text): timex recognizer alone ` +
  `${mbs(segChars * rounds, recCpu)} MB/s of CPU time (${mbs(segChars * rounds, recMs)} MB/s wall clock)`);
console.log(`whole pipeline, all recognizers: ${mbs(chars, warmCpu)} MB/s of CPU time warm ` +
  `(${mbs(chars, warmMs)} MB/s wall); first, cold pass ${mbs(chars, pipelineMs)} MB/s wall`);
if (errors.length) { console.log(''); for (const e of errors) console.log(e); }
