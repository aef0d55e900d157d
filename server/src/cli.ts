// The command-line interface over the analysis core (the README's "CLI contract").
//
//   dateline annotate [--format json|csv|geojson] [--reference-date YYYY-MM-DD] [--out DIR] FILE...
//   dateline check [--reference-date YYYY-MM-DD] FILE...
//   dateline demo [--out DIR]
//
// Common options: --gazetteer FILE (repeatable), --actors FILE (repeatable).

import * as fs from 'fs';
import * as path from 'path';
import {
  analyze, AnalysisResult, CodePointMapper, exporterFor, exporters, Knowledge, toExportDocument, ExportDocument,
} from './core/index';
import type { FigureValue } from './core/index';
import { formatSI } from './core/units';
import { isValidDate } from './core/time/calendar';

const USAGE = `Usage:
  dateline annotate [--format ${exporters.map(e => e.id).join('|')}] [--reference-date YYYY-MM-DD] [--out DIR] FILE...
  dateline check [--reference-date YYYY-MM-DD] FILE...
  dateline demo [--out DIR]
Options:
  --gazetteer FILE   an analyst's gazetteer (GeoNames dump, GeoJSON, CSV); repeatable
  --actors FILE      an analyst's actor catalog (JSON); repeatable
  --help, --version`;

class UsageError extends Error {}

interface Options {
  command: string;
  format: string;
  referenceDate?: string;
  out?: string;
  gazetteers: string[];
  actors: string[];
  files: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { command: argv[0] ?? '', format: 'json', gazetteers: [], actors: [], files: [] };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--format': o.format = take(); break;
      case '--reference-date': o.referenceDate = take(); break;
      case '--out': o.out = take(); break;
      case '--gazetteer': o.gazetteers.push(take()); break;
      case '--actors': o.actors.push(take()); break;
      case '--': o.files.push(...argv.slice(i + 1)); i = argv.length; break;
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        o.files.push(a);
    }
  }
  if (!exporterFor(o.format)) throw new UsageError(`unknown format '${o.format}' (${exporters.map(e => e.id).join(', ')})`);
  if (o.referenceDate !== undefined && !isIsoDate(o.referenceDate)) {
    throw new UsageError(`--reference-date must be a calendar date YYYY-MM-DD, not '${o.referenceDate}'`);
  }
  return o;
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isValidDate(+m[1], +m[2], +m[3]);
}

/** Reads a text file, or explains why it is not one. UTF-8 (BOM stripped) and UTF-16 with a BOM are accepted. */
export function readText(file: string): string {
  let buf: Buffer;
  try {
    if (fs.statSync(file).isDirectory()) throw new Error('is a directory');
    buf = fs.readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' ? 'permission denied' : err.message);
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const nul = buf.subarray(0, 8000).indexOf(0);
  if (nul >= 0) throw new Error(`looks like a binary file (NUL byte at offset ${nul}), not a text article`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    // Find the first bad byte for the message.
    let bad = 0;
    for (let step = 1 << 16; step >= 1; step >>= 1) {
      while (bad + step <= buf.length && isUtf8(buf.subarray(0, bad + step))) bad += step;
    }
    throw new Error(`is not valid UTF-8 (first bad byte near offset ${bad}); save it as UTF-8 and try again`);
  }
}

function isUtf8(b: Buffer): boolean {
  try { new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true }); return true; } catch { return false; }
}

interface Analysed { file: string; result: AnalysisResult }

function analyseFiles(o: Options, knowledge: Knowledge, onError: (file: string, why: string) => void): Analysed[] {
  const out: Analysed[] = [];
  for (const file of o.files) {
    let text: string;
    try { text = readText(file); } catch (e) { onError(file, (e as Error).message); continue; }
    out.push({ file, result: analyze(text, { knowledge, referenceDate: o.referenceDate, fileName: file }) });
  }
  return out;
}

function reportProblems(knowledge: Knowledge, err: (s: string) => void): void {
  for (const p of knowledge.problems) err(`dateline: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Runs the CLI; returns the exit code (0 fine, 1 findings for `check`, 2 usage or input errors). */
export function main(argv: string[], io: Io = { out: s => process.stdout.write(s), err: s => process.stderr.write(s + '\n') }): number {
  let o: Options;
  try {
    if (argv[0] === '--version') { io.out(require('../../package.json').version + '\n'); return 0; }
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') { io.out(USAGE + '\n'); return argv.length ? 0 : 2; }
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { io.err(`dateline: ${e.message}\n${USAGE}`); return 2; }
    throw e;
  }
  let failed = false;
  const onError = (file: string, why: string) => { failed = true; io.err(`dateline: ${file}: ${why}`); };
  const knowledge = new Knowledge({ gazetteers: o.gazetteers, actors: o.actors });

  switch (o.command) {
    case 'annotate': {
      if (!o.files.length) { io.err(`dateline: annotate needs at least one FILE\n${USAGE}`); return 2; }
      const exporter = exporterFor(o.format)!;
      const done = analyseFiles(o, knowledge, onError);
      reportProblems(knowledge, io.err);
      const docs = done.map(d => toExportDocument(d.file, d.result));
      if (o.out) writeEach(o.out, docs, exporter.id, io, onError);
      else if (docs.length) io.out(exporter.render(docs));
      return failed ? 2 : 0;
    }
    case 'check': {
      if (!o.files.length) { io.err(`dateline: check needs at least one FILE\n${USAGE}`); return 2; }
      const done = analyseFiles(o, knowledge, onError);
      reportProblems(knowledge, io.err);
      let findings = 0;
      for (const { file, result } of done) {
        const map = new CodePointMapper(result.text);
        for (const f of result.findings) {
          const { line, col } = map.lineCol(f.start);
          io.out(`${file}:${line}:${col}: ${f.severity} ${f.code}: ${f.message}\n`);
          if (f.severity === 'warning' || f.severity === 'error') findings++;
        }
      }
      return findings ? 1 : failed ? 2 : 0;
    }
    case 'demo':
      return demo(o, knowledge, io);
    default:
      io.err(`dateline: unknown command '${o.command}'\n${USAGE}`);
      return 2;
  }
}

function writeEach(dir: string, docs: ExportDocument[], format: string, io: Io, onError: (f: string, w: string) => void): void {
  const exporter = exporterFor(format)!;
  fs.mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  for (const doc of docs) {
    const base = path.basename(doc.file).replace(/\.[^.]*$/, '') || 'article';
    let name = `${base}.${exporter.extension}`;
    for (let i = 2; used.has(name); i++) name = `${base}-${i}.${exporter.extension}`;
    used.add(name);
    const target = path.join(dir, name);
    try { fs.writeFileSync(target, exporter.render([doc])); io.err(`dateline: wrote ${target}`); }
    catch (e) { onError(target, (e as Error).message); }
  }
}

const DEMO_FILE = path.resolve(__dirname, '..', '..', 'samples', 'river-crossing.news');

/** Annotates the bundled sample article: a readable summary on stdout, JSON/CSV/GeoJSON in out/demo. */
function demo(o: Options, knowledge: Knowledge, io: Io): number {
  const file = o.files[0] ?? DEMO_FILE;
  const text = readText(file);
  const t0 = process.hrtime.bigint();
  const result = analyze(text, { knowledge, referenceDate: o.referenceDate, fileName: file });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rel = path.relative(process.cwd(), file) || file;
  const map = new CodePointMapper(text);
  io.out(`Dateline demo: ${rel} (${text.length} characters, analysed in ${ms.toFixed(0)} ms)\n`);
  io.out(`Reference date: ${result.referenceDate ? `${result.referenceDate.value} (from ${result.referenceDate.source})` : 'none'}\n\n`);
  const byCategory = new Map<string, AnalysisResult['annotations']>();
  for (const a of result.annotations) byCategory.set(a.category, [...(byCategory.get(a.category) ?? []), a]);
  for (const [category, list] of byCategory) {
    io.out(`${category} (${list.length})\n`);
    for (const a of list) io.out(`  ${a.text.padEnd(34)} ${summary(a)}\n`);
  }
  io.out(`\nFindings (${result.findings.length})\n`);
  for (const f of result.findings) {
    const { line, col } = map.lineCol(f.start);
    io.out(`  ${line}:${col} ${f.severity} ${f.code}: ${f.message}\n`);
  }
  const dir = o.out ?? path.join(process.cwd(), 'out', 'demo');
  fs.mkdirSync(dir, { recursive: true });
  const doc = toExportDocument(rel, result);
  const base = path.basename(file).replace(/\.[^.]*$/, '');
  io.out('\n');
  for (const e of exporters) {
    const target = path.join(dir, `${base}.${e.extension}`);
    fs.writeFileSync(target, e.render([doc]));
    io.out(`Wrote ${path.relative(process.cwd(), target)}\n`);
  }
  for (const p of knowledge.problems) io.err(`dateline: ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  return 0;
}

function summary(a: AnalysisResult['annotations'][number]): string {
  const parts: string[] = [];
  const v = a.value as Record<string, unknown> | undefined;
  if (v && 'si' in v) {
    const f = v as unknown as FigureValue;
    parts.push(`${f.approximate ? '≈ ' : ''}${formatSI(f.si, f.siUnit, { maxDecimals: 2 })}${f.qualifier ? ` (${f.qualifier})` : ''}`);
  }
  if (v && 'timex' in v) parts.push(`${v.timex}${v.mod ? ` (${v.mod})` : ''}${v.unresolved ? ' unresolved' : ''}`);
  if (a.place) parts.push(`${a.place.name}, ${a.place.country} (${a.place.lat.toFixed(3)}, ${a.place.lon.toFixed(3)})`);
  else if (a.unresolved) {
    const rivals = a.data?.ambiguous as { name: string; country: string }[] | undefined;
    parts.push(rivals ? `ambiguous: ${rivals.map(r => `${r.name}, ${r.country}`).join(' or ')}` : 'not placed (no gazetteer entry with coordinates)');
  }
  if (a.actor) parts.push(`actor: ${a.actor.name} [${a.actor.type}]`);
  return parts.join('  ');
}
