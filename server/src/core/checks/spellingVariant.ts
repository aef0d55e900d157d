// DL110 spelling-variant (information): one place spelled several ways in one article — `Deir ez-Zor` and
// `Deir Ezzur`, `Tal al-Dekou` and later `al-Dakou`, `Kharkov` and `Kharkiv`. Two place names are variants
// when their transliteration keys are equal (geo/keys.ts) but their spellings differ beyond case, when one
// is the other without a leading feature word (Tal, Tell, Jabal, Deir, Wadi...) spelled differently, or when
// they link to the same gazetteer entry with spellings one or two letters apart (Abu Kamal, Albu Kamal).
// A demonym or a short form spelled the same (Syria/Syrian, Tal al-Dekou/al-Dekou) is not a variant.
// One finding per mention that differs from the article's most frequent form; a fix per form rewrites the
// other forms ("Use 'Tal al-Dekou' throughout"; a short form gets only its tail rewritten: al-Dakou -> al-Dekou).
import type { Check } from '../api';
import { FEATURE_PREFIX, foldWords, looseKeyOfWords } from '../geo/keys';
import type { Annotation, Finding, Fix, TextEdit } from '../types';
import { annotationIndex, select } from './support';
import { memoize } from '../memo';

interface Form { text: string; strict: string; loose: string; looseWords: readonly string[]; mentions: Annotation[] }

function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Whether `short` is `long` without leading feature words, in loose terms, spelled differently. */
function tailVariant(short: Form, long: Form): boolean {
  const k = short.looseWords.length, n = long.looseWords.length;
  if (k === 0 || n <= k) return false;
  for (let i = 0; i < k; i++) if (short.looseWords[i] !== long.looseWords[n - k + i]) return false;
  const raw = foldWords(long.text);
  const lead = raw.slice(0, raw.length - foldWords(short.text).length);
  if (lead.length === 0 || !lead.every(w => FEATURE_PREFIX.has(w) || w === 'al' || w === 'el')) return false;
  // Spelled the same as the long form's tail: a short form, not a variant.
  return !raw.join('').endsWith(short.strict);
}

/** Loose words of a name: each whitespace-separated word's loose key, articles dropped as in keys.ts. */
function looseWordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).map(w => looseKeyOfWords(foldWords(w)).slice(1)).filter(Boolean);
}

function replacementFor(chosen: Form, m: Annotation): string {
  const mw = m.text.split(/\s+/).filter(Boolean);
  const cw = chosen.text.split(/\s+/).filter(Boolean);
  if (mw.length < cw.length) return cw.slice(cw.length - mw.length).join(' ');
  if (mw.length > cw.length && tailVariantWords(mw, cw)) return [...mw.slice(0, mw.length - cw.length), ...cw].join(' ');
  return chosen.text;
}

/** Whether the chosen form is a short form of the mention (its leading words dropped). */
function tailVariantWords(long: string[], short: string[]): boolean {
  const lead = foldWords(long.slice(0, long.length - short.length).join(' '));
  return lead.length > 0 && lead.every(w => FEATURE_PREFIX.has(w) || w === 'al' || w === 'el');
}

/** The keys of a spelling (pure functions of its text), kept across analyses: names recur on every edit. */
interface Keys { strict: string; loose: string; looseWords: readonly string[] }
const keysOf = memoize(20000, (text: string): Keys | null => {
  const words = foldWords(text);
  return words.length === 0 ? null : { strict: words.join(''), loose: looseKeyOfWords(words), looseWords: looseWordsOf(text) };
});

export const spellingVariant: Check = {
  code: 'DL110',
  name: 'spelling-variant',
  title: 'Spelling variants of one place',
  defaultSeverity: 'information',
  run(annotations, doc) {
    const forms = new Map<string, Form>();
    // The form of each distinct spelling, folded once (names repeat).
    const formOfText = new Map<string, Form | null>();
    for (const a of select(annotationIndex(annotations, doc), ['place'])) {
      if (!a.place && !a.unresolved) continue;
      let f = formOfText.get(a.text);
      if (f === undefined) {
        const keys = keysOf(a.text);
        if (!keys) f = null;
        else {
          f = forms.get(keys.strict);
          if (!f) forms.set(keys.strict, f = { text: a.text, strict: keys.strict, loose: keys.loose, looseWords: keys.looseWords, mentions: [] });
        }
        formOfText.set(a.text, f);
      }
      if (f) f.mentions.push(a);
    }
    const list = [...forms.values()];
    if (list.length < 2) return [];
    // Union-find over forms.
    const parent = list.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    const entryOf = (f: Form) => f.mentions[0].place?.id ?? (f.mentions[0].data?.knownFeature as { id?: string } | undefined)?.id;
    const union = (i: number, j: number) => { const a = find(i), b = find(j); if (a !== b) parent[a] = b; };
    // Only forms that can be variants are compared: equal loose keys, a form and the tails of the longer
    // ones, forms of one entry (bucketed; the groups do not depend on the order of the unions).
    const byLoose = new Map<string, number[]>(), byWords = new Map<string, number[]>(), byEntry = new Map<string, number[]>();
    const bucket = (m: Map<string, number[]>, k: string, i: number) => { const l = m.get(k); if (l) l.push(i); else m.set(k, [i]); };
    list.forEach((f, i) => {
      if (f.loose.length > 3) bucket(byLoose, f.loose, i);
      if (f.looseWords.length > 0) bucket(byWords, f.looseWords.join(' '), i);
      const e = entryOf(f);
      if (e && f.strict.length >= 5) bucket(byEntry, e, i);
    });
    for (const l of byLoose.values()) for (let q = 1; q < l.length; q++) union(l[0], l[q]);
    list.forEach((long, j) => {
      const n = long.looseWords.length;
      for (let k = 1; k < n; k++) {
        const shorts = byWords.get(long.looseWords.slice(n - k).join(' '));
        if (shorts) for (const i of shorts) if (tailVariant(list[i], long)) union(i, j);
      }
    });
    for (const l of byEntry.values()) {
      for (let x = 0; x < l.length; x++) {
        for (let y = x + 1; y < l.length; y++) {
          const a = list[l[x]], b = list[l[y]];
          if (!a.strict.startsWith(b.strict) && !b.strict.startsWith(a.strict) && levenshtein(a.strict, b.strict, 2) <= 2) union(l[x], l[y]);
        }
      }
    }
    const groups = new Map<number, Form[]>();
    list.forEach((f, i) => { const r = find(i); const g = groups.get(r); if (g) g.push(f); else groups.set(r, [f]); });
    const out: Finding[] = [];
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      // The article's own preferred form: the most frequent, then the first written; full names before short ones.
      g.sort((x, y) => y.mentions.length - x.mentions.length || y.looseWords.length - x.looseWords.length || x.mentions[0].start - y.mentions[0].start);
      const majority = g[0];
      const all = g.flatMap(f => f.mentions).sort((x, y) => x.start - y.start);
      const formOf = new Map<Annotation, Form>();
      for (const f of g) for (const m of f.mentions) if (!formOf.has(m)) formOf.set(m, f);
      const summary = g.map(f => `'${f.text}'${f.mentions.length > 1 ? ` (${f.mentions.length}×)` : ''}`).join(', ');
      const fixes: Fix[] = g.map(f => {
        const edits: TextEdit[] = [];
        for (const m of all) {
          if (formOf.get(m) === f) continue;
          const newText = replacementFor(f, m);
          if (newText !== m.text) edits.push({ start: m.start, end: m.end, newText });
        }
        return { title: `Use '${f.text}' throughout`, edits, preferred: f === majority };
      }).filter(fx => fx.edits.length > 0);
      // One list of the group's mentions and one of the majority's, shared by the group's findings (as the fixes are).
      const related = majority.mentions.slice(0, 3).map(o => ({ start: o.start, end: o.end, message: `'${o.text}'` }));
      const ids = all.map(o => o.id);
      for (const f of g) {
        if (f === majority) continue;
        for (const m of f.mentions) {
          out.push({
            code: 'DL110',
            severity: 'information',
            start: m.start,
            end: m.end,
            message: `'${m.text}' is spelled differently elsewhere in this article: ${summary}.`,
            fixes,
            related,
            annotations: ids,
          });
        }
      }
    }
    return out;
  },
};
