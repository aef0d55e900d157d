// Reads CoNLL-2003 files and turns each document back into running text (the way a news article is
// written: no space before `,` `.` `'s` `n't`, quotes hugging what they quote), with every gold name as a
// character span of that text. Training and evaluation both go through this, so the tagger learns and is
// measured on text it tokenizes itself, not on the corpus's own tokens.

import * as fs from 'fs';
import * as path from 'path';

export interface GoldSpan { start: number; end: number; type: string }
export interface ConllDoc { text: string; spans: GoldSpan[]; tokens: number }

export const CORPORA = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpora');
export const CONLL_DIR = path.join(CORPORA, 'conll2003');

/** Exits with a clear message when a corpus file is absent (a fresh clone has no ../shared). */
export function requireCorpusFile(file: string): string {
  if (!fs.existsSync(file)) {
    console.error(`${path.relative(process.cwd(), file)} not found: the CoNLL-2003 corpus lives in ../shared/corpora/conll2003 ` +
      `next to the project (see docs/ner.md). Nothing was done.`);
    process.exit(1);
  }
  return file;
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", "'S", "n't", "N'T", "'re", "'RE",
  "'ve", "'VE", "'ll", "'LL", "'d", "'D", "'m", "'M", '...', '..', '....']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$']);

/** Joins one sentence's tokens; returns the text and each token's start offset. */
export function detokenize(tokens: readonly string[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  let quoteOpen = false;
  let glueNext = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    let space = i > 0 && !glueNext;
    glueNext = false;
    if (tok === '"') {
      if (quoteOpen) space = false; else glueNext = true;
      quoteOpen = !quoteOpen;
    } else if (NO_SPACE_BEFORE.has(tok)) {
      space = false;
    } else if (tok === "'" && i > 0 && /s$/i.test(tokens[i - 1])) {
      space = false;                                                   // Workers' Party
    }
    if (NO_SPACE_AFTER.has(tok)) glueNext = true;
    if (space) text += ' ';
    starts.push(text.length);
    text += tok;
  }
  return { text, starts };
}

/** The documents of a CoNLL-2003 file, sentences joined by newlines. */
export function readConll(file: string): ConllDoc[] {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const docs: ConllDoc[] = [];
  let sentences: { tokens: string[]; tags: string[] }[] = [];
  let cur: { tokens: string[]; tags: string[] } = { tokens: [], tags: [] };
  const flushSentence = () => { if (cur.tokens.length) sentences.push(cur); cur = { tokens: [], tags: [] }; };
  const flushDoc = () => {
    flushSentence();
    if (!sentences.length) return;
    let text = '';
    const spans: GoldSpan[] = [];
    let tokens = 0;
    for (const s of sentences) {
      if (text) text += '\n';
      const base = text.length;
      const { text: line, starts } = detokenize(s.tokens);
      text += line;
      tokens += s.tokens.length;
      let open = -1, type = '';
      for (let i = 0; i <= s.tags.length; i++) {
        const tag = i < s.tags.length ? s.tags[i] : 'O';
        const begins = tag.startsWith('B-') || (tag.startsWith('I-') && tag.slice(2) !== type);
        if (open >= 0 && (tag === 'O' || begins)) {
          spans.push({ start: base + starts[open], end: base + starts[i - 1] + s.tokens[i - 1].length, type });
          open = -1; type = '';
        }
        if (begins) { open = i; type = tag.slice(2); }
      }
    }
    docs.push({ text, spans, tokens });
    sentences = [];
  };
  for (const line of lines) {
    if (line.startsWith('-DOCSTART-')) { flushDoc(); continue; }
    if (line.trim() === '') { flushSentence(); continue; }
    const parts = line.split(' ');
    cur.tokens.push(parts[0]);
    cur.tags.push(parts[parts.length - 1]);
  }
  flushDoc();
  return docs;
}
