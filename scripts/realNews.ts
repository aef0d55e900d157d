// Real news for the speed measurements (bench, profile-fresh), read at run time from ../shared/corpora and
// never stored in the project: the articles measured, and other articles to warm a process up on.
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Analyzer } from '../server/src/core';
import { CONLL_DIR, readConll } from './ner/conll';

/**
 * Real news, when the shared corpora sit beside the project: the article texts of LGL and GeoVirus and the TEXT of
 * every TimeML document (about 1,080 articles, 2 MB), read at run time. Never stored in the project.
 */
export function realNewsArticles(): string[] | undefined {
  const root = path.resolve(__dirname, '..', '..', 'shared', 'corpora');
  const parts: string[] = [];
  try {
    for (const f of ['lgl.xml', 'GeoVirus.xml']) {
      const xml = fs.readFileSync(path.join(root, 'geo', f), 'utf8');
      for (const m of xml.matchAll(/<text>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/text>/g)) parts.push(m[1]);
    }
    for (const dir of ['TimeBank', 'AQUAINT']) {
      const d = path.join(root, 'timeml', dir);
      for (const f of fs.readdirSync(d)) {
        const m = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(fs.readFileSync(path.join(d, f), 'utf8'));
        if (m) parts.push(m[1].replace(/<[^>]+>/g, ''));
      }
    }
  } catch {
    return undefined;
  }
  return parts.length ? parts : undefined;
}

/**
 * A running server or a CLI run over a folder has seen other news before: V8 has compiled the paths that real text
 * takes (generated text misses many: curly quotes, non-ASCII names, odd numbers), and common words are cached. This
 * pass gives the real-news rows that state, on other articles than the measured ones (CoNLL-2003 train, 1996
 * Reuters, detokenized), and is itself timed as the cold case.
 */
export function warmUpOnOtherNews(): { count: number; mb: number; rate: number } | undefined {
  let docs: string[];
  try {
    docs = readConll(path.join(CONLL_DIR, 'train.txt')).map(d => d.text);
  } catch {
    return undefined;
  }
  let size = 0, count = 0;
  const t = performance.now();
  for (const d of docs) {
    if (size > 1.2e6) break;
    new Analyzer().analyze(d);
    size += Buffer.byteLength(d, 'utf8');
    count++;
  }
  return { count, mb: size / 1e6, rate: size / 1e3 / (performance.now() - t) };
}
