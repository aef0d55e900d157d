// Toponym resolution on LGL and GeoVirus through the real pipeline (`analyze()`).
//
//   npm run eval:geo [-- --limit N] [-- --corpus lgl|geovirus] [-- --errors FILE [--spurious]]
//   (--spurious: the errors file also lists the predicted places that overlap no gold toponym)
//
// Reads ../shared/corpora/geo/lgl.xml (offsets 0-based) and GeoVirus.xml (offsets 1-based) at run time.
// Gold = the toponyms with coordinates. A gold toponym is FOUND when an annotation with a `place` (an
// unresolved name does not count) overlaps its span by at least one character (the one overlapping most is
// taken), and PLACED when that place lies within 161 km (100 miles) of the gold point.
//   recall@161 = placed / gold;  acc@161 = placed / found;  errors in km over the found ones.
// Also: the gazetteer's load time and the process's resident memory after loading and after the run.

import * as fs from 'fs';
import * as path from 'path';
import { analyze, Knowledge } from '../server/src/core';
import { gazetteerProvider, distanceKm } from '../server/src/core/geo/gazetteer';

const ROOT = path.resolve(__dirname, '..');
const CORPORA = path.resolve(ROOT, '..', 'shared', 'corpora', 'geo');

interface Gold { start: number; end: number; phrase: string; lat: number; lon: number }
interface Doc { id: string; text: string; gold: Gold[] }

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'"
      : e[1] === 'x' || e[1] === 'X' ? String.fromCodePoint(parseInt(e.slice(2), 16)) : String.fromCodePoint(Number(e.slice(1))));
}
function inner(block: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(block);
  if (!m) return undefined;
  const v = m[1];
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(v);
  return cdata ? cdata[1] : unescapeXml(v);
}

/** Code-point offsets (as the corpora count) to UTF-16 offsets. */
function cpToUtf16(text: string): (cp: number) => number {
  if (!/[\ud800-\udfff]/.test(text)) return cp => cp;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) { map.push(u); u += ch.length; }
  map.push(u);
  return cp => map[Math.min(cp, map.length - 1)];
}

function readLgl(file: string): Doc[] {
  const xml = fs.readFileSync(file, 'utf8');
  const docs: Doc[] = [];
  for (const m of xml.matchAll(/<article docid="([^"]*)">([\s\S]*?)<\/article>/g)) {
    const text = inner(m[2], 'text') ?? '';
    const conv = cpToUtf16(text);
    const gold: Gold[] = [];
    for (const t of m[2].matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const lat = inner(t[1], 'lat'), lon = inner(t[1], 'lon');
      if (lat === undefined || lon === undefined) continue;
      gold.push({ start: conv(Number(inner(t[1], 'start'))), end: conv(Number(inner(t[1], 'end'))), phrase: inner(t[1], 'phrase') ?? '', lat: Number(lat), lon: Number(lon) });
    }
    docs.push({ id: m[1], text, gold });
  }
  return docs;
}

function readGeoVirus(file: string): Doc[] {
  const xml = fs.readFileSync(file, 'utf8');
  const docs: Doc[] = [];
  let n = 0;
  for (const m of xml.matchAll(/<article>([\s\S]*?)<\/article>/g)) {
    const text = inner(m[1], 'text') ?? '';
    const conv = cpToUtf16(text);
    const gold: Gold[] = [];
    for (const t of m[1].matchAll(/<location>([\s\S]*?)<\/location>/g)) {
      const lat = inner(t[1], 'lat'), lon = inner(t[1], 'lon');
      if (lat === undefined || lon === undefined) continue;
      // 1-based offsets: text[start-1 : end-1] is the name.
      gold.push({ start: conv(Number(inner(t[1], 'start')) - 1), end: conv(Number(inner(t[1], 'end')) - 1), phrase: inner(t[1], 'name') ?? '', lat: Number(lat), lon: Number(lon) });
    }
    docs.push({ id: `geovirus-${++n}`, text, gold });
  }
  return docs;
}

interface Stats { gold: number; found: number; placed: number; errors: number[]; predicted: number; spurious: number; offsetMismatch: number; ms: number; chars: number }

/** `spuriousOut`: where the places overlapping no gold toponym are listed (`--spurious`), if anywhere. */
function evaluate(name: string, docs: Doc[], knowledge: Knowledge, errorsOut?: string[], spuriousOut?: string[]): Stats {
  const st: Stats = { gold: 0, found: 0, placed: 0, errors: [], predicted: 0, spurious: 0, offsetMismatch: 0, ms: 0, chars: 0 };
  for (const d of docs) {
    const t0 = performance.now();
    const r = analyze(d.text, { knowledge });
    st.ms += performance.now() - t0;
    st.chars += d.text.length;
    const placed = r.annotations.filter(a => a.place && !a.unresolved);
    st.predicted += placed.length;
    for (const a of placed) if (!d.gold.some(g => g.start < a.end && a.start < g.end)) { st.spurious++; spuriousOut?.push(`${name}\t${d.id}\tSPURIOUS\t${a.text}\t${a.category}\t-> ${a.place!.name} (${a.place!.country})\t${context(d.text, a.start, a.end)}`); }
    for (const g of d.gold) {
      st.gold++;
      if (d.text.slice(g.start, g.end) !== g.phrase) st.offsetMismatch++;
      let best: typeof placed[0] | undefined, bo = 0;
      for (const a of placed) {
        const o = Math.min(a.end, g.end) - Math.max(a.start, g.start);
        if (o > bo) { bo = o; best = a; }
      }
      if (!best) { errorsOut?.push(`${name}\t${d.id}\tMISSED\t${g.phrase}\t${g.lat},${g.lon}\t${context(d.text, g.start, g.end)}`); continue; }
      st.found++;
      const km = distanceKm(g.lat, g.lon, best.place!.lat, best.place!.lon);
      st.errors.push(km);
      if (km <= 161) st.placed++;
      else errorsOut?.push(`${name}\t${d.id}\tWRONG ${Math.round(km)} km\t${g.phrase}\t${g.lat},${g.lon}\t-> ${best.place!.name} (${best.place!.country}, ${best.place!.kind}, ${best.place!.id})\t${context(d.text, g.start, g.end)}`);
    }
  }
  return st;
}

function context(text: string, s: number, e: number): string {
  return (text.slice(Math.max(0, s - 50), s) + '[' + text.slice(s, e) + ']' + text.slice(e, e + 50)).replace(/\s+/g, ' ');
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function main(): void {
  const args = process.argv.slice(2);
  const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;
  const only = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : undefined;
  const errorsFile = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : undefined;
  const listSpurious = args.includes('--spurious');
  const lgl = path.join(CORPORA, 'lgl.xml'), gv = path.join(CORPORA, 'GeoVirus.xml');
  if (!fs.existsSync(lgl) && !fs.existsSync(gv)) {
    console.error(`eval:geo: the corpora are not here (${CORPORA}); they live in ../shared/corpora/geo beside the project. Nothing to evaluate.`);
    process.exit(2);
  }
  const rss0 = process.memoryUsage().rss;
  const knowledge = new Knowledge();
  const t0 = performance.now();
  const gz = knowledge.get(gazetteerProvider);
  const loadMs = performance.now() - t0;
  const rss1 = process.memoryUsage().rss;
  if (knowledge.problems.length) console.log('problems:', knowledge.problems);
  console.log(`gazetteer: ${gz.size} entries, loaded in ${loadMs.toFixed(0)} ms (file read and views ${gz.loadMs.toFixed(0)} ms); RSS ${(rss0 / 1048576).toFixed(0)} MB -> ${(rss1 / 1048576).toFixed(0)} MB`);
  const errors: string[] = [];
  const corpora: [string, string, (f: string) => Doc[]][] = [['LGL', lgl, readLgl], ['GeoVirus', gv, readGeoVirus]];
  for (const [name, file, read] of corpora) {
    if (only && only.toLowerCase() !== name.toLowerCase()) continue;
    if (!fs.existsSync(file)) { console.log(`${name}: ${file} not found, skipped`); continue; }
    const docs = read(file).slice(0, limit);
    const st = evaluate(name, docs, knowledge, errorsFile ? errors : undefined, errorsFile && listSpurious ? errors : undefined);
    const mean = st.errors.reduce((a, b) => a + b, 0) / Math.max(1, st.errors.length);
    console.log(`${name}: ${docs.length} documents, ${st.gold} gold toponyms with coordinates` + (st.offsetMismatch ? ` (${st.offsetMismatch} whose span text differs from the phrase)` : ''));
    console.log(`  found ${st.found}, placed within 161 km ${st.placed}`);
    console.log(`  recall@161 ${(st.placed / st.gold).toFixed(3)}   acc@161 ${(st.placed / Math.max(1, st.found)).toFixed(3)}   found/gold ${(st.found / st.gold).toFixed(3)}`);
    console.log(`  error km: median ${median(st.errors).toFixed(1)}, mean ${mean.toFixed(1)}`);
    console.log(`  predicted places ${st.predicted}, of which overlapping no gold toponym ${st.spurious}`);
    console.log(`  analysis time ${(st.ms / 1000).toFixed(1)} s for ${(st.chars / 1e6).toFixed(2)} M chars (${(st.chars / 1048576 / (st.ms / 1000)).toFixed(2)} MB/s, whole pipeline, fresh cache per document)`);
  }
  console.log(`RSS after the run: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB; heap used ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
  if (errorsFile) { fs.writeFileSync(errorsFile, errors.join('\n') + '\n'); console.log(`errors written to ${errorsFile}`); }
}

main();
