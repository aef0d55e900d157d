// Runs every check (DL1xx) through the real pipeline (`analyze()`) over real articles and prints each
// warning with its article, code, message and sentence, then totals per code and per article.
//
//   npm run eval:checks [-- --corpus conll|lgl|geovirus|conll-train|timeml] [-- --wide] [-- --limit N] [-- --quiet]
//
// Articles, read at run time from ../shared/corpora (never copied into the project):
//   CoNLL-2003 valid documents (conll2003/valid.txt), detokenized with scripts/ner/conll.ts;
//   LGL (geo/lgl.xml) and GeoVirus (geo/GeoVirus.xml) article texts.
// With --wide, also the CoNLL-2003 training documents and the TimeML (TimeBank + AQUAINT) articles, the
// latter with their document date (DCT) as the reference date: more text to find stray warnings in.
// Clean news text should raise (almost) no warnings: every one printed here is read and judged by hand
// (docs/checks.md lists the ones left and why).
//
// Also measures the checks alone: all registered checks re-run over each article's final annotations
// (per check, the faster of two runs; total time, and the slowest article).

import * as fs from 'fs';
import * as path from 'path';
import { analyze, checks } from '../server/src/core';
import type { DocumentContext } from '../server/src/core/api';
import { defaultKnowledge } from '../server/src/core/pipeline';
import { defaultSettings } from '../server/src/core/settings';
import { segment } from '../server/src/core/text/segment';
import { readConll } from './ner/conll';

const ROOT = path.resolve(__dirname, '..');
const CORPORA = path.resolve(ROOT, '..', 'shared', 'corpora');

interface Article { corpus: string; id: string; text: string; referenceDate?: string }

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'"
      : e[1] === 'x' || e[1] === 'X' ? String.fromCodePoint(parseInt(e.slice(2), 16)) : String.fromCodePoint(Number(e.slice(1))));
}
function textOf(block: string): string {
  const m = /<text(?:\s[^>]*)?>([\s\S]*?)<\/text>/.exec(block);
  if (!m) return '';
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(m[1]);
  return cdata ? cdata[1] : unescapeXml(m[1]);
}

function readArticles(which: Set<string>): { articles: Article[]; missing: string[] } {
  const articles: Article[] = [];
  const missing: string[] = [];
  const conll = path.join(CORPORA, 'conll2003', 'valid.txt');
  const lgl = path.join(CORPORA, 'geo', 'lgl.xml');
  const geovirus = path.join(CORPORA, 'geo', 'GeoVirus.xml');
  if (which.has('conll')) {
    if (!fs.existsSync(conll)) missing.push(conll);
    else readConll(conll).forEach((d, i) => articles.push({ corpus: 'conll', id: `conll-valid-${i + 1}`, text: d.text }));
  }
  if (which.has('lgl')) {
    if (!fs.existsSync(lgl)) missing.push(lgl);
    else for (const m of fs.readFileSync(lgl, 'utf8').matchAll(/<article docid="([^"]*)">([\s\S]*?)<\/article>/g)) {
      articles.push({ corpus: 'lgl', id: `lgl-${m[1]}`, text: textOf(m[2]) });
    }
  }
  if (which.has('geovirus')) {
    if (!fs.existsSync(geovirus)) missing.push(geovirus);
    else {
      let n = 0;
      for (const m of fs.readFileSync(geovirus, 'utf8').matchAll(/<article>([\s\S]*?)<\/article>/g)) {
        articles.push({ corpus: 'geovirus', id: `geovirus-${++n}`, text: textOf(m[1]) });
      }
    }
  }
  const train = path.join(CORPORA, 'conll2003', 'train.txt');
  if (which.has('conll-train')) {
    if (!fs.existsSync(train)) missing.push(train);
    else readConll(train).forEach((d, i) => articles.push({ corpus: 'conll-train', id: `conll-train-${i + 1}`, text: d.text }));
  }
  if (which.has('timeml')) {
    for (const sub of ['TimeBank', 'AQUAINT']) {
      const dir = path.join(CORPORA, 'timeml', sub);
      if (!fs.existsSync(dir)) { missing.push(dir); continue; }
      for (const f of fs.readdirSync(dir).filter(x => x.endsWith('.tml')).sort()) {
        const xml = fs.readFileSync(path.join(dir, f), 'utf8');
        const dct = /<DCT>[\s\S]*?value="(\d{4}-\d\d-\d\d)/.exec(xml)?.[1];
        const body = /<TEXT>([\s\S]*)<\/TEXT>/.exec(xml)?.[1] ?? '';
        articles.push({ corpus: 'timeml', id: f, text: unescapeXml(body.replace(/<[^>]+>/g, '')), referenceDate: dct });
      }
    }
  }
  return { articles, missing };
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const corpus = arg('--corpus');
  const limit = Number(arg('--limit') ?? Infinity);
  const quiet = args.includes('--quiet');
  const known = ['conll', 'lgl', 'geovirus', 'conll-train', 'timeml'];
  if (corpus && !known.includes(corpus)) {
    console.error(`Unknown corpus ${corpus}: one of ${known.join(', ')}.`);
    process.exitCode = 2;
    return;
  }
  const which = new Set(corpus ? [corpus] : ['conll', 'lgl', 'geovirus', ...(args.includes('--wide') ? ['conll-train', 'timeml'] : [])]);
  const { articles: all, missing } = readArticles(which);
  if (missing.length) {
    console.error(`Corpus files not found:\n${missing.map(m => '  ' + path.relative(process.cwd(), m)).join('\n')}\n` +
      'The evaluation reads real articles from ../shared/corpora next to the project (see docs/checks.md). ' +
      (all.length ? 'Going on with the corpora that are there.' : 'Nothing was done.'));
    if (!all.length) { process.exitCode = 2; return; }
  }
  const articles = all.slice(0, limit);
  const knowledge = defaultKnowledge();
  const perCode = new Map<string, number>();
  const perCorpus = new Map<string, { articles: number; warnings: number; chars: number }>();
  const perArticle = new Map<string, number>();
  let checkMs = 0, worstMs = 0, worstId = '';
  const perCheckMs = new Map<string, number>();
  const examinedPerCode = new Map<string, number>();
  const t0 = Date.now();
  for (const art of articles) {
    const r = analyze(art.text, { knowledge, referenceDate: art.referenceDate });
    const c = perCorpus.get(art.corpus) ?? { articles: 0, warnings: 0, chars: 0 };
    c.articles++; c.chars += art.text.length;
    perCorpus.set(art.corpus, c);
    // The checks alone, over the final annotations, in the pipeline's order with one memo per round; two
    // rounds, the faster run of each check kept, so that a garbage-collection pause is not charged to
    // whichever check was running.
    const segs = segment(art.text);
    const best = checks.map(() => Infinity);
    for (let k = 0; k < 2; k++) {
      const doc: DocumentContext = { text: art.text, segments: segs, knowledge, settings: defaultSettings(), memo: new Map(),
        referenceDate: r.referenceDate };
      checks.forEach((check, i) => {
        const c0 = performance.now();
        check.run(r.annotations, doc);
        best[i] = Math.min(best[i], performance.now() - c0);
      });
      if (k === 0) for (const [code, n] of (doc.memo.get('checks:examined') as Map<string, number> | undefined) ?? []) {
        examinedPerCode.set(code, (examinedPerCode.get(code) ?? 0) + n);
      }
    }
    checks.forEach((check, i) => perCheckMs.set(check.code, (perCheckMs.get(check.code) ?? 0) + best[i]));
    const ms = best.reduce((a, b) => a + b, 0);
    checkMs += ms;
    if (ms > worstMs) { worstMs = ms; worstId = art.id; }

    for (const f of r.findings) {
      if (f.severity !== 'warning' && f.severity !== 'error') continue;
      perCode.set(f.code, (perCode.get(f.code) ?? 0) + 1);
      perArticle.set(art.id, (perArticle.get(art.id) ?? 0) + 1);
      c.warnings++;
      if (quiet) continue;
      const seg = segment(art.text).find(s => s.start <= f.start && f.start < s.end);
      console.log(`${art.id}  ${f.code}  "${art.text.slice(f.start, f.end)}"  ${f.message}`);
      console.log(`    | ${(seg?.text ?? '').replace(/\s+/g, ' ').slice(0, 400)}`);
    }
  }
  const total = [...perCode.values()].reduce((a, b) => a + b, 0);
  console.log('\nWarnings per code (examined: candidates the check looked at; ms: the check alone, all articles):');
  for (const check of checks) {
    const ex = examinedPerCode.get(check.code);
    console.log(`  ${check.code} ${check.name.padEnd(22)} ${String(perCode.get(check.code) ?? 0).padStart(4)} warnings` +
      `${ex !== undefined ? `, ${ex} examined` : ''}, ${(perCheckMs.get(check.code) ?? 0).toFixed(1)} ms`);
  }
  console.log('\nPer corpus:');
  for (const [name, c] of perCorpus) {
    console.log(`  ${name.padEnd(9)} ${String(c.articles).padStart(4)} articles, ${(c.chars / 1e6).toFixed(2)} M chars, ` +
      `${c.warnings} warnings, ${(c.warnings / c.articles).toFixed(3)} per article`);
  }
  const withAny = perArticle.size;
  if (withAny) {
    console.log('\nArticles with warnings:');
    for (const [id, n] of [...perArticle].sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(24)} ${n}`);
  }
  console.log(`\nAll: ${articles.length} articles, ${total} warnings, ${(total / Math.max(1, articles.length)).toFixed(3)} per article; ` +
    `${withAny} articles with any warning`);
  console.log(`Checks alone: ${checkMs.toFixed(1)} ms over all articles (${(checkMs / Math.max(1, articles.length)).toFixed(3)} ms per article; ` +
    `slowest ${worstMs.toFixed(2)} ms, ${worstId}); whole run ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
