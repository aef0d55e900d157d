// Measure statements: a figure stated as the size of a named thing — `Lake Tana covers 3,000 square
// kilometres`, `Lake Tana, which covers 2,000 km²`, `the 610-square-kilometre Lake X`, `the Nile is 6,650 km
// long`, `Homs, a city of 800,000 people`, `the death toll from the earthquake stood at 120`. Shared by
// DL104 inconsistent-measure (the same measure of the same thing, two values) and DL108
// implausible-for-place (the stated area of a country vs. the map). Not a check; memoised per analysis.
//
// The subject is the name right before the connecting words: an annotation (a place links by its
// gazetteer id, so `Deir ez-Zor` and `DEIR EZ-ZOR` are one subject) or else a run of capitalised words
// (`Lake X`, when the name recognizer missed it). Pronouns and bare common words are never subjects.

import type { DocumentContext } from '../api';
import type { Annotation } from '../types';
import { readNumber } from '../text/numbers';
import type { FigureValue } from '../types';
import { AnnotationIndex, annotationIndex, figure, hedgeStartBefore, HEDGE_SOURCE, positionsOf, select } from './support';
import { memoize } from '../memo';

export type MeasureKind = 'area' | 'length' | 'population' | 'death toll';

export interface Statement {
  kind: MeasureKind;
  /** Identity of the subject (`place:geonames:170794`, `name:lake tana`, `death toll:earthquake`). */
  key: string;
  /** The subject as written, for messages. */
  subject: string;
  subjectStart: number;
  subjectEnd: number;
  /** The subject's annotation, when there is one. */
  subjectAnnotation?: Annotation;
  figure: Annotation;
}

const HEDGE = `(?:${HEDGE_SOURCE}[ \\u00a0]+)?`;
const S = '[ \\u00a0]+';
/** Capitalised words (up to four) and name particles: the subject when no annotation ends there. */
const NAME_RUN = `((?:\\p{Lu}[\\p{L}\\p{M}'’-]*(?:${S}(?:of|the|al|el|de|du|la|le)(?=${S}\\p{Lu}))?${S}){0,3}\\p{Lu}[\\p{L}\\p{M}'’-]*)`;
/** A common noun after the name that names its kind (`the Selka river`, `the Orvana dam`): not part of the key. */
const FEATURE = `(?:${S}(?:river|lake|reservoir|dam|canal|wall|road|highway|pipeline|tunnel|bridge|border|frontier|island|desert|forest|park|reserve|basin|valley|field|oilfield|gasfield|mountains|range|corridor|zone|camp|city|town|village|province|region|district))?`;
const RELATIVE = `${FEATURE}(?:,?${S}(?:which|that)${S}|${S})`;
const ADVERB = `(?:(?:now|still|only|currently|also|once|then|roughly|today)${S})?`;

const AREA_VERB = `(?:covers|covered|covering|spans|spanned|spanning|occupies|occupied|occupying|measures|measured|measuring|` +
  `(?:extends|extended|stretches|stretched|stretching|extending)${S}over|has${S}an${S}area${S}of|had${S}an${S}area${S}of|` +
  `has${S}a${S}(?:total${S})?(?:surface${S})?area${S}of|had${S}a${S}(?:total${S})?(?:surface${S})?area${S}of|with${S}an${S}area${S}of|` +
  `is|was)${S}(?:an${S}area${S}of${S}|a${S}total${S}of${S}|about${S})?`;
const AREA_POSSESSIVE = `['’]s${S}(?:total${S})?(?:surface${S})?area${S}(?:is${S}|was${S}|of${S}|stands${S}at${S})`;
const LENGTH_VERB = `(?:is|was|runs|ran|stretches|stretched|extends|extended|measures|measured|stretching|running|extending|measuring)${S}(?:for${S})?`;
const POP_VERB = `(?:(?:is|was)${S}home${S}to|home${S}to|has${S}a${S}population${S}of|had${S}a${S}population${S}of|with${S}a${S}population${S}of|` +
  `has|had|with)${S}`;
const POP_APPOSITION = `,${S}(?:a|an|the)${S}(?:[\\p{Ll}-]+${S}){0,2}?(?:city|town|village|country|nation|region|province|district|governorate|state|island|camp|capital|port|enclave|territory)${S}of${S}`;
const POP_POSSESSIVE = `['’]s${S}population${S}(?:is${S}|was${S}|of${S}|stands${S}at${S}|stood${S}at${S})`;

const AREA_BEFORE = new RegExp(`${NAME_RUN}(?:${RELATIVE}${ADVERB}${AREA_VERB}|${AREA_POSSESSIVE})${HEDGE}$`, 'u');
const LENGTH_BEFORE = new RegExp(`${NAME_RUN}(?:${RELATIVE}${ADVERB}${LENGTH_VERB}|['’]s${S}length${S}(?:is${S}|was${S}|of${S}))${HEDGE}$`, 'u');
const LENGTH_AFTER = /^[ \u00a0]+(?:long|in length)\b/;
/**
 * `LENGTH_AFTER.test(text.slice(end, end + 16))`, with the slice made only when its first word can be `long`
 * or `in` (spaces, then an `l` or an `i`, inside the 16 characters): most distances are followed by neither.
 */
export function lengthAfter(text: string, end: number): boolean {
  const limit = Math.min(text.length, end + 16);
  let j = end;
  while (j < limit && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0xa0)) j++;
  if (j === end || j >= limit) return false;
  const c = text.charCodeAt(j);
  return (c === 108 || c === 105) && LENGTH_AFTER.test(text.slice(end, end + 16));
}
const POP_BEFORE = new RegExp(`${NAME_RUN}(?:${RELATIVE}${ADVERB}${POP_VERB}|${POP_APPOSITION}|${POP_POSSESSIVE})${HEDGE}$`, 'u');
const POP_NOUNS = new Set(['people', 'residents', 'inhabitants', 'persons', 'citizens', 'souls']);
/** A population is a bare count of people (`800,000 people`), not of some of them (`150,000 displaced persons`). */
function isPopulationFigure(a: Annotation): boolean {
  const n = readNumber(a.text, 0);
  return !!n && /^[ \u00a0]+(?:people|residents|inhabitants|persons|citizens|souls)$/.test(a.text.slice(n.end));
}
/** What may follow the name after a figure used as its modifier: the name phrase has ended. */
const NAME_ENDED = /^(?:[ \u00a0]*(?:[,.;:)!?]|$)|[ \u00a0]+(?:is|was|are|were|has|had|have|lies|lay|sits|sat|covers|covered|spans|stretches|runs|remains|remained|will|would|could|can|may|might|now|still|also|which|that|who|in|on|at|of|near|along|and|or|but|to|from|with|by|as)\b)/;
/** `the 610-square-kilometre Lake X`, `the 6,650-km-long Nile`: a hyphenated figure right before the name. */
const MODIFIER_AFTER = /^(?:-long)?[ \u00a0]+(?=\p{Lu})/u;
/** After `death toll`: the event, the verb, a hedge, then the number (`from the earthquake stood at some 120`). */
const TOLL_AFTER = new RegExp(`^(?:${S}(?:from|in|of)${S}(?:the${S}|this${S}|last${S}|[\\p{Ll}]+['’]s${S})?([\\p{L}-]+))?` +
  `((?:${S}(?:is|was|stands|stood|remains|remained|of|at|to|reached|hit|rose|risen|climbed|jumped|increased|has|had|been|now|officially))+)${S}` +
  `(${HEDGE_SOURCE}${S})?(?=\\d)`, 'iu');
/** A toll given as an update is not a contradiction of the earlier one. */
const TOLL_UPDATE = /\b(?:rose|risen|climbed|jumped|increased|reached|hit|now)\b/i;
const TOLL_CONTEXT_UPDATE = /\b(?:revised|updated|new|latest|initial|earlier|preliminary|first|final|provisional|official|officially|unofficial|independent|estimated|estimate|according|current|currently|so far|raised|raising|confirmed|total|overall|put|puts|putting|placed|place|places|said|says|claimed|claims)\b/i;
const NAME_RUN_START = new RegExp(`^${NAME_RUN}`, 'u');
/**
 * A connector pattern's match over the line before a figure (where it starts, the name run), kept by that
 * text across analyses: an edit leaves nearly every line as it was, and these patterns are the costly part.
 */
type BeforeMatch = { index: number; run: string } | null;
function memoBefore(pattern: RegExp): (s: string) => BeforeMatch {
  return memoize(4096, (s: string): BeforeMatch => {
    const m = pattern.exec(s);
    return m ? { index: m.index, run: m[1] } : null;
  });
}
const AREA_MATCH = memoBefore(AREA_BEFORE), LENGTH_MATCH = memoBefore(LENGTH_BEFORE), POP_MATCH = memoBefore(POP_BEFORE);
/**
 * The last word a connector can end with, per measure (the hedge before the number set aside): a cheap
 * test that spares the full patterns for most figures.
 */
const AREA_LAST = new Set(['covers', 'covered', 'covering', 'spans', 'spanned', 'spanning', 'occupies', 'occupied', 'occupying',
  'measures', 'measured', 'measuring', 'over', 'of', 'is', 'was', 'at']);
const LENGTH_LAST = new Set(['is', 'was', 'runs', 'ran', 'stretches', 'stretched', 'extends', 'extended', 'measures', 'measured',
  'stretching', 'running', 'extending', 'measuring', 'for', 'of']);
const POP_LAST = new Set(['to', 'of', 'has', 'had', 'with', 'at', 'is', 'was']);

/**
 * The last word of `text[lo, end)` (lower case, up to 20 ASCII letters), skipping trailing spaces, once a
 * hedge (`about`, `more than`) followed by spaces at its very end is set aside — the hedge looked for within
 * the last 40 characters only. Read in place, without slicing the text.
 */
function lastWordBefore(text: string, lo: number, end: number): string {
  const h = hedgeStartBefore(text, lo + Math.max(0, end - lo - 40), end, 1);
  let e = h >= 0 ? h : end;
  while (e > lo && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 0xa0)) e--;
  let s = e;
  while (s > lo && s > e - 20) {
    const c = text.charCodeAt(s - 1) | 32;
    if (c < 97 || c > 122) break;
    s--;
  }
  return s === e ? '' : text.slice(s, e).toLowerCase();
}

const HYPHEN_WORD_END = /[-\u2010\u2011]\p{L}+$/u;
/** `/[-\u2010\u2011]\p{L}+$/u.test(t)`, read backwards over the last characters. */
function endsWithHyphenWord(t: string): boolean {
  let i = t.length;
  while (i > 0) {
    const c = t.charCodeAt(i - 1);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) { i--; continue; }
    if (c >= 128) return HYPHEN_WORD_END.test(t); // letters beyond ASCII (and surrogate pairs): the regex decides
    break;
  }
  if (i === t.length || i === 0) return false;
  const h = t.charCodeAt(i - 1);
  return h === 45 || h === 0x2010 || h === 0x2011;
}

/** Words that never name a subject, capitalised or not. */
const NOT_SUBJECT = new Set(['the', 'a', 'an', 'it', 'its', 'this', 'that', 'these', 'those', 'they', 'their', 'there', 'he',
  'she', 'his', 'her', 'we', 'our', 'which', 'what', 'and', 'but', 'or', 'in', 'on', 'at', 'of', 'for', 'from', 'to', 'by',
  'with', 'officials', 'authorities', 'police', 'area', 'region', 'city', 'town', 'village', 'country', 'lake', 'river',
  'zone', 'camp', 'park', 'site', 'total', 'each', 'all', 'some', 'about', 'nearly', 'almost', 'today', 'now', 'then',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'you', 'one']);
const LEADING = /^(?:(?:The|A|An|In|On|At|Of|For|From|To|By|With|And|But|Or|When|While|Meanwhile|Today|Now|Then|Both|All|Its|Their|His|Her|This|That|These|Those|Although|Though|Because|Since|As|If|Whereas|Yesterday)[ \u00a0]+)+/u;

/** A subject's key: letters and digits, lower case, accents and a possessive `'s` dropped; kept by text across analyses. */
const fold = memoize(4096, (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]s$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim());

/** The subject that ends at `end`: an annotation ending there, or the capitalised run `run`. */
function subjectAt(run: string, runStart: number, end: number, byEnd: (end: number) => Annotation | undefined):
  { key: string; subject: string; start: number; end: number; annotation?: Annotation } | undefined {
  const a = byEnd(end);
  if (a && a.category !== 'person' && a.category !== 'date' && a.category !== 'time') {
    if (a.place && !a.unresolved) return { key: `place:${a.place.id}`, subject: a.text, start: a.start, end: a.end, annotation: a };
    const k = fold(a.text.replace(LEADING, ''));
    if (k && !NOT_SUBJECT.has(k)) return { key: `name:${k}`, subject: a.text, start: a.start, end: a.end, annotation: a };
  }
  const trimmed = run.replace(LEADING, '');
  const k = fold(trimmed);
  if (!k || NOT_SUBJECT.has(k) || k.split(' ').every(w => NOT_SUBJECT.has(w))) return undefined;
  const start = runStart + (run.length - trimmed.length);
  return { key: `name:${k}`, subject: trimmed, start, end };
}

/**
 * The names (places, organizations, misc) a subject can be, found by their end (the last one in list order
 * ending there) or their start (the first one starting there): binary searches over the index when the
 * names come in order of starts and of ends (the pipeline's, where they never overlap), maps otherwise.
 */
class Names {
  private readonly pos: number[];
  private readonly sorted: boolean;
  private endMap?: Map<number, Annotation>;
  private startMap?: Map<number, Annotation>;

  constructor(private readonly ix: AnnotationIndex) {
    this.pos = positionsOf(ix, ['place', 'organization', 'misc']);
    const { starts, ends } = ix;
    let sorted = true;
    for (let k = 1; k < this.pos.length && sorted; k++) {
      const p = this.pos[k - 1], q = this.pos[k];
      sorted = starts[p] <= starts[q] && ends[p] <= ends[q];
    }
    this.sorted = sorted;
    if (!sorted) {
      this.endMap = new Map(); this.startMap = new Map();
      for (const i of this.pos) {
        const a = ix.list[i];
        this.endMap.set(a.end, a);
        if (!this.startMap.has(a.start)) this.startMap.set(a.start, a);
      }
    }
  }

  byEnd(end: number): Annotation | undefined {
    if (!this.sorted) return this.endMap!.get(end);
    // The last position whose end is <= `end`.
    const { pos } = this, ends = this.ix.ends;
    let lo = 0, hi = pos.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ends[pos[mid]] <= end) lo = mid + 1; else hi = mid; }
    return lo > 0 && ends[pos[lo - 1]] === end ? this.ix.list[pos[lo - 1]] : undefined;
  }

  byStart(start: number): Annotation | undefined {
    if (!this.sorted) return this.startMap!.get(start);
    // The first position whose start is >= `start`.
    const { pos } = this, starts = this.ix.starts;
    let lo = 0, hi = pos.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[pos[mid]] < start) lo = mid + 1; else hi = mid; }
    return lo < pos.length && starts[pos[lo]] === start ? this.ix.list[pos[lo]] : undefined;
  }
}

/** Every measure statement of the document, in text order; memoised per analysis. */
export function statements(annotations: readonly Annotation[], doc: DocumentContext): Statement[] {
  const hit = doc.memo.get('checks:statements') as { list: readonly Annotation[]; out: Statement[] } | undefined;
  if (hit && hit.list === annotations) return hit.out;
  const out: Statement[] = [];
  const text = doc.text;
  const ix = annotationIndex(annotations, doc);
  let names: Names | undefined;
  const byEnd = (end: number) => (names ??= new Names(ix)).byEnd(end);
  // The last word before a figure (one function for all of them: a closure per figure was most of what this
  // walk allocated on every edit).
  const lastWordOf = (f: Annotation) => lastWordBefore(text, Math.max(0, f.start - 120), f.start);
  for (const f of select(ix, ['area', 'distance', 'count'])) {
    const v = figure(f);
    if (!v) continue;
    // The last word before the figure, a hedge set aside, read in place: the look-back stops at the line's
    // start by itself (a newline is neither a space nor a letter), so the line's start is only looked for
    // when a connector may end there.
    // (Read only when the cheaper tests of a length or a population pass: most figures are neither.)
    // The connector of the figure's measure, if its last word may end one: its pattern over the line before.
    let kind: MeasureKind | undefined, pattern: ((s: string) => BeforeMatch) | undefined;
    if (f.category === 'area') {
      if (AREA_LAST.has(lastWordOf(f))) { kind = 'area'; pattern = AREA_MATCH; }
    } else if (f.category === 'distance') {
      if (lengthAfter(text, f.end) && LENGTH_LAST.has(lastWordOf(f))) { kind = 'length'; pattern = LENGTH_MATCH; }
    } else if (f.category === 'count') {
      if (v.noun && POP_NOUNS.has(v.noun) && POP_LAST.has(lastWordOf(f)) && isPopulationFigure(f)) { kind = 'population'; pattern = POP_MATCH; }
    }
    if (kind && pattern) {
      const lineStart = Math.max(text.lastIndexOf('\n', f.start - 1) + 1, f.start - 120);
      const m = pattern(text.slice(lineStart, f.start));
      if (m) {
        const runStart = lineStart + m.index;
        const s = subjectAt(m.run, runStart, runStart + m.run.length, byEnd);
        if (s) out.push({ kind, key: s.key, subject: s.subject, subjectStart: s.start, subjectEnd: s.end, subjectAnnotation: s.annotation, figure: f });
        continue;
      }
    }
    // A hyphenated figure right before the name: `the 610-square-kilometre Lake X`, `the 6,650-km-long Nile`.
    if ((f.category === 'area' || f.category === 'distance') && endsWithHyphenWord(f.text)) {
      const after = text.slice(f.end, f.end + 80);
      const mm = MODIFIER_AFTER.exec(after);
      if (!mm || (f.category === 'distance' && !after.startsWith('-long'))) continue;
      const start = f.end + mm[0].length;
      const a = (names ??= new Names(ix)).byStart(start);
      let s: ReturnType<typeof subjectAt>;
      if (a) s = subjectAt(a.text, a.start, a.end, e => (e === a.end ? a : undefined));
      else {
        const run = NAME_RUN_START.exec(text.slice(start, start + 80));
        if (run) s = subjectAt(run[1], start, start + run[1].length, byEnd);
      }
      if (s && NAME_ENDED.test(text.slice(s.end, s.end + 20))) out.push({ kind: f.category === 'area' ? 'area' : 'length', key: s.key, subject: s.subject, subjectStart: s.start, subjectEnd: s.end, subjectAnnotation: s.annotation, figure: f });
    }
  }
  if (doc.settings.categories.count !== false) tolls(text, annotations, out);
  out.sort((a, b) => a.figure.start - b.figure.start);
  doc.memo.set('checks:statements', { list: annotations, out });
  return out;
}

/**
 * Death tolls (`the death toll from the earthquake stood at 120`): read from the text, since a bare number
 * is no count annotation. A toll given as an update (`rose to`, `now`, `new`, `latest`, `according to`) is
 * left out: a later toll that differs is news, not a contradiction.
 */
function tolls(text: string, annotations: readonly Annotation[], out: Statement[]): void {
  // The matches of /\bdeath[ \u00a0]+toll\b/gi, found by their `toll` (a cheaper scan than the whole pattern
  // tried at every word of the text): each `toll` has one possible `death` before it.
  const re = /toll/gi;
  let m: RegExpExecArray | null;
  let counts: Map<number, Annotation> | undefined;
  while ((m = re.exec(text)) !== null) {
    const tl = m.index;
    if (tl + 4 < text.length && isWordChar(text.charCodeAt(tl + 4))) continue;
    let j = tl;
    while (j > 0 && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 0xa0)) j--;
    const start = j - 5;
    if (j === tl || start < 0 || !isDeath(text, start) || (start > 0 && isWordChar(text.charCodeAt(start - 1)))) continue;
    const end = tl + 4;
    const after = text.slice(end, end + 100);
    const t = TOLL_AFTER.exec(after);
    if (!t || TOLL_UPDATE.test(t[2])) continue;
    const lineStart = Math.max(text.lastIndexOf('\n', start) + 1, start - 60);
    if (TOLL_CONTEXT_UPDATE.test(text.slice(lineStart, start)) || TOLL_CONTEXT_UPDATE.test(after.slice(0, t[0].length + 40))) continue;
    const at = end + t[0].length;
    const n = readNumber(text, at);
    if (!n || n.yearLike || /^[ \u00a0]*(?:%|per|percent)/.test(text.slice(n.end, n.end + 8))) continue;
    counts ??= new Map(annotations.filter(a => a.category === 'count').map(a => [a.start, a]));
    let fig = counts.get(at);
    if (!fig) {
      const value: FigureValue = { amount: n.value, unit: '', si: n.value, siUnit: '1', approximate: !!t[3] };
      if (t[3]) value.qualifier = t[3].trim().toLowerCase();
      fig = { id: '', category: 'count', start: at, end: n.end, text: text.slice(at, n.end), source: 'checks', value };
    }
    const event = t[1] ? fold(t[1]) : '';
    out.push({ kind: 'death toll', key: `death toll:${event}`, subject: event ? `the ${event}` : 'the death toll',
      subjectStart: start, subjectEnd: end + (t[1] ? after.indexOf(t[1]) + t[1].length : 0), figure: fig });
  }
}

/** A word character of `\b` without the `u` flag: [A-Za-z0-9_]. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
/** `death` at `i`, in any case (ASCII letters only, as a pattern's `i` flag without `u` reads them). */
function isDeath(text: string, i: number): boolean {
  return (text.charCodeAt(i) | 32) === 100 && (text.charCodeAt(i + 1) | 32) === 101 && (text.charCodeAt(i + 2) | 32) === 97 &&
    (text.charCodeAt(i + 3) | 32) === 116 && (text.charCodeAt(i + 4) | 32) === 104;
}
