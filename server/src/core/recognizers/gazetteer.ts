// Place candidates from the gazetteer: capitalised token sequences (with name particles: al-, de, of...)
// whose strict or transliteration key is in the index, longest match first. The recognizer only proposes:
// it records the candidates and what it saw around the name (geo/evidence.ts); the place refiner
// (refiners/places.ts) decides with the whole document which are places and where.

import type { SegmentRecognizer } from '../api';
import { gazetteerProvider, Gazetteer } from '../geo/gazetteer';
import {
  EV_ALLCAPS, EV_COMMA_AFTER, EV_COMMA_BEFORE, EV_DATELINE, EV_DIRECTION, EV_INITIAL, EV_MULTI, EV_OF_BEFORE, EV_ORG_AFTER,
  EV_PREP, EV_RUN_AFTER, EV_RUN_BEFORE, EV_STOPWORD, EV_TITLE, GazetteerData, packCandidate,
} from '../geo/evidence';
import { POST_ABBREV } from '../geo/format';
import { finishWords, foldRaw } from '../geo/keys';
import { withoutCapsTowns } from '../geo/shortCaps';
import { segmentSpans, segmentTokenId, tokenTable } from '../geo/tokens';
import { charClass, TB_INITUPPER, TB_UPPER, UPPER } from '../text/tokenize';
import type { Mention } from '../types';

/** Lower-case words that may stand inside a name (Bosnia and Herzegovina, Rostov-on-Don, Deir ez Zor). */
const PARTICLES = new Set(['of', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'el', 'al',
  'ad', 'ar', 'as', 'az', 'ash', 'ath', 'ez', 'es', 'ed', 'en', 'an', 'bin', 'ibn', 'bint', 'ben', 'upon', 'on', 'and', 'y', 'am', 'an der', 'im', 'sur', 'the', "d'", 'van', 'von', 'der', 'den', 'i']);
/** Lower-case words that may end a name (`Aleppo province`, `Tishreen dam`). */
const FEATURE_WORDS = new Set(['province', 'governorate', 'region', 'district', 'county', 'state', 'oblast', 'prefecture', 'department',
  'dam', 'crossing', 'border', 'camp', 'base', 'airbase', 'air', 'airport', 'airfield', 'field', 'oilfield', 'oil', 'gas', 'plant',
  'power', 'nuclear', 'npp', 'valley', 'mountains', 'mountain', 'desert', 'bridge', 'strait', 'peninsula', 'garrison', 'refugee',
  'terminal', 'reservoir', 'hydroelectric', 'heights', 'countryside', 'plains', 'city', 'town']);
/** Words before a place: in Aleppo, east of Deir ez-Zor, from Kharkiv. */
const PREPS = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'outside', 'inside', 'toward', 'towards', 'across', 'around',
  'through', 'via', 'throughout', 'between', 'within', 'onto', 'across', 'about', 'beyond', 'along', 'reach', 'reached', 'entered',
  'captured', 'seized', 'recaptured', 'shelled', 'struck', 'bombed', 'visited', 'visit', 'left', 'fled', 'north', 'south', 'east',
  'seizing', 'capturing', 'recapturing', 'retook', 'retaking', 'entering', 'shelling', 'besieged', 'besieging', 'encircled',
  'encircling', 'overran', 'overrunning', 'liberated', 'liberating',
  'west', 'northeast', 'northwest', 'southeast', 'southwest', 'outskirts', 'province', 'city', 'town', 'village', 'capital',
  'residents', 'resident', 'native', 'born', 'based', 'headquartered', 'stationed', 'deployed', 'moved', 'returned', 'travelled',
  'traveled', 'flew', 'drove', 'arrived', 'live', 'lives', 'lived', 'living', 'state', 'county', 'near', 'of']);
const DIRECTIONS = new Set(['northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern',
  'southwestern', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater', 'rural', 'downtown', 'upstate', 'coastal', 'occupied']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'sen', 'rep', 'gov', 'rev', 'president',
  'minister', 'general', 'senator', 'governor', 'mayor', 'judge', 'justice', 'sheikh', 'sheik', 'imam', 'king', 'queen', 'prince',
  'princess', 'pope', 'saint', 'lord', 'lady', 'sir', 'officer', 'detective', 'sheriff', 'chief', 'coach', 'brother', 'sister',
  'father', 'uncle', 'aunt', 'son', 'daughter', 'wife', 'husband', 'spokesman', 'spokeswoman', 'commander', 'emir', 'ayatollah']);
const ORG_WORDS = new Set(['army', 'navy', 'police', 'university', 'college', 'school', 'hospital', 'church', 'times', 'post', 'news',
  'herald', 'tribune', 'journal', 'gazette', 'company', 'corp', 'inc', 'bank', 'council', 'committee', 'party', 'department', 'ministry',
  'government', 'forces', 'force', 'guard', 'club', 'fc', 'united', 'city', 'airlines', 'airways', 'senate', 'house', 'assembly',
  'parliament', 'court', 'office', 'agency', 'institute', 'foundation', 'museum', 'centre', 'center', 'high', 'academy', 'association',
  'federation', 'union', 'league', 'board', 'commission', 'authority', 'county', 'today', 'tv', 'radio', 'street', 'st', 'road', 'avenue',
  'boulevard', 'square', 'hall', 'park', 'mall', 'hotel', 'airport', 'stadium', 'bridge', 'river', 'lake', 'mountain', 'mountains']);
/** Capitalised words that are names of places somewhere but far more often something else. */
const STOPWORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'its',
  'my', 'your', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'to', 'of', 'and', 'but', 'or', 'as', 'if', 'when', 'while', 'after',
  'before', 'since', 'until', 'during', 'there', 'here', 'what', 'who', 'why', 'how', 'where', 'which', 'all', 'some', 'many', 'more',
  'most', 'no', 'not', 'one', 'two', 'three', 'first', 'last', 'new', 'old', 'good', 'best', 'great', 'big', 'little', 'also', 'so',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'mr', 'mrs', 'ms', 'dr', 'president', 'prime', 'minister', 'general', 'gen', 'sen', 'rep', 'gov',
  'governor', 'mayor', 'police', 'sheriff', 'officer', 'chief', 'judge', 'court', 'department', 'office', 'university', 'college',
  'school', 'church', 'hospital', 'company', 'city', 'county', 'state', 'street', 'road', 'avenue', 'north', 'south', 'east', 'west',
  'central', 'western', 'eastern', 'northern', 'southern', 'northeast', 'northwest', 'southeast', 'southwest', 'metro',
  'saint', 'god', 'christmas', 'easter', 'ramadan', 'islam', 'muslim', 'christian', 'army', 'navy', 'air', 'force', 'forces',
  'government', 'ministry', 'council', 'committee', 'party', 'republican', 'republicans', 'democrat', 'democrats', 'democratic',
  'republic', 'union', 'nations', 'united', 'kingdom', 'internet', 'news', 'times', 'post', 'press', 'tv', 'radio', 'will', 'hope',
  'faith', 'grace', 'joy', 'liberty', 'independence', 'freedom', 'friendship', 'unity', 'victory', 'justice', 'peace', 'love', 'home',
  'center', 'centre', 'guard', 'national', 'federal', 'international', 'world', 'global', 'day', 'week', 'year', 'today', 'tonight',
  'yesterday', 'tomorrow', 'morning', 'evening', 'please', 'thanks', 'yes', 'okay', 'ok', 'said', 'says', 'according', 'however',
  'meanwhile', 'although', 'because', 'both', 'each', 'every', 'other', 'another', 'such', 'only', 'just', 'even', 'still', 'then',
  'now', 'later', 'again', 'once', 'about', 'over', 'under', 'up', 'down', 'out', 'off', 'again', 'further', 'high', 'low', 'long',
  'date', 'source', 'subject', 'mount', 'lake', 'river', 'bay', 'island', 'beach', 'park', 'valley', 'hill', 'hills', 'springs', 'falls', 'fort', 'port', 'point',
  'spring', 'summer', 'fall', 'winter', 'man', 'woman', 'men', 'women', 'people', 'family', 'life', 'death', 'time', 'game', 'games',
  'team', 'club', 'market', 'health', 'energy', 'power', 'water', 'fire', 'security', 'defense', 'defence', 'service', 'services',
  'program', 'project', 'report', 'bill', 'act', 'law', 'case', 'trial', 'election', 'campaign', 'senate', 'house', 'congress',
  'parliament', 'assembly', 'cabinet', 'embassy', 'agency', 'bureau', 'commission', 'authority', 'board', 'institute', 'museum',
  'library', 'hall', 'center', 'plaza', 'mall', 'hotel', 'airport', 'station', 'bridge', 'highway', 'route', 'interstate', 'avenue',
  'boulevard', 'lane', 'drive', 'court', 'place', 'square', 'english', 'french', 'german', 'spanish', 'arabic', 'latin', 'olympic',
  'olympics', 'cup', 'league', 'super', 'bowl', 'star', 'stars', 'sun', 'moon', 'earth', 'ocean', 'sea', 'gulf', 'coast', 'cape',
  'victoria', 'alexander', 'charlotte', 'elizabeth', 'florence', 'georgetown', 'jackson', 'lincoln', 'madison', 'marion', 'franklin',
  'clinton', 'warren', 'henry', 'douglas', 'stanley', 'milton', 'chester', 'mobile', 'reading', 'bath', 'nice', 'split', 'orange',
  'phoenix', 'temple', 'providence', 'eagle', 'golden', 'beaver', 'buffalo', 'deer', 'bear', 'wolf', 'fox', 'jordan', 'chad',
]);
/** Of these, the ones that are countries: a stop word only without a locative cue (`Jordan said`, `in Jordan`). */
const COUNTRY_STOPWORDS = new Set(['jordan', 'chad']);

/** Words that are never the first word of a place name in English text. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'as', 'at', 'in', 'on', 'by', 'for', 'with', 'from', 'to', 'of', 'and', 'but', 'or',
  'if', 'when', 'while', 'after', 'before', 'since', 'until', 'during', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they',
  'we', 'i', 'you', 'his', 'her', 'their', 'our', 'its', 'my', 'your', 'there', 'here', 'what', 'who', 'why', 'how', 'where', 'which',
  'mr', 'mrs', 'ms', 'dr', 'mr.', 'mrs.', 'ms.', 'dr.']);
/** Words that make no name on their own. */
const GENERIC = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast',
  'northwest', 'southeast', 'southwest', 'upper', 'lower', 'greater', 'side', 'shore', 'end', 'new', 'old', 'great', 'little', 'big',
  'middle', 'inner', 'outer', 'near', 'far', 'mid', 'metro', 'downtown', 'uptown', 'midtown', 'city', 'county', 'state', 'coast', 'bank']);
const MAX_WORDS = 7;
const MAX_CANDIDATES = 24;

// ---- what the recognizer knows about a token text, by interned id (geo/tokens.ts)
const T_DONE = 1, T_STOP = 2, T_FUNC = 4, T_PARTICLE = 8, T_FEATURE = 16, T_GENERIC = 32, T_DIRECTION = 64, T_PREP = 128,
  T_THE = 256, T_TITLE_ND = 512, T_ORG_ND = 1024, T_STOP_ND = 2048, T_CSTOP_ND = 4096, T_EMPTY = 8192, T_COMMA = 1 << 14,
  T_COLON = 1 << 15, T_PAREN = 1 << 16, T_QUOTE = 1 << 17, T_DSEP = 1 << 18, T_OF = 1 << 19, T_HYPHENATED = 1 << 20;
/** T_STOP and a function word and no hyphen: never the first word of a window. */
const T_NO_START = 1 << 21;
/** A number in digits (`25`, `1,500`) and a unit of distance (`km`, `miles`): `Sake, 25 km west of Goma`. */
const T_NUMBER = 1 << 22, T_DISTANCE = 1 << 23;
const DISTANCE_UNITS = new Set(['km', 'kms', 'kilometers', 'kilometres', 'kilometer', 'kilometre', 'miles', 'mile', 'mi']);

const QUOTES = '"\'“‘([', DASH_SEPS = ',—–-';

function tokenFlags(id: number): number {
  const lower = tokenTable.lower(id);
  const nd = lower.endsWith('.') ? lower.slice(0, -1) : lower; // lower.replace(/\.$/, '')
  let f = T_DONE;
  if (STOPWORDS.has(lower)) f |= T_STOP;
  if (FUNCTION_WORDS.has(lower)) f |= T_FUNC;
  if (PARTICLES.has(lower)) f |= T_PARTICLE;
  if (FEATURE_WORDS.has(lower)) f |= T_FEATURE;
  if (GENERIC.has(lower)) f |= T_GENERIC;
  if (DIRECTIONS.has(lower)) f |= T_DIRECTION;
  if (PREPS.has(lower)) f |= T_PREP;
  if (lower === 'the') f |= T_THE;
  if (lower === 'of') f |= T_OF;
  if (TITLES.has(nd)) f |= T_TITLE_ND;
  if (ORG_WORDS.has(nd)) f |= T_ORG_ND;
  if (STOPWORDS.has(nd)) f |= T_STOP_ND;
  if (COUNTRY_STOPWORDS.has(nd)) f |= T_CSTOP_ND;
  if (tokenTable.raw(id).length === 0) f |= T_EMPTY;
  if (lower === ',') f |= T_COMMA;
  if (lower === ':') f |= T_COLON;
  if (lower === '(') f |= T_PAREN;
  if (lower.length === 1) {
    if (QUOTES.includes(lower)) f |= T_QUOTE; // /^["'“‘(\[]$/
    if (DASH_SEPS.includes(lower)) f |= T_DSEP; // /^[,—–-]$/
  }
  if (lower.includes('-')) f |= T_HYPHENATED;
  if (/^\d[\d,.]*$/.test(lower)) f |= T_NUMBER;
  if (DISTANCE_UNITS.has(nd)) f |= T_DISTANCE;
  if ((f & T_STOP) && !(f & T_HYPHENATED) && (f & T_FUNC)) f |= T_NO_START;
  return f;
}

/** A window's look-up, by the token ids it is made of: candidates packed (all, and without abbreviations). */
interface WindowHit {
  all: number[];
  plain: number[];
  /** More than one folded word (EV_MULTI). */
  multi: boolean;
}
const NO_HIT: WindowHit = { all: [], plain: [], multi: false };

/** The capitalised parts of a hyphenated token (Georgian-controlled), by token id. */
interface HyphenPart { off: number; len: number; text: string; c: number[] }

const MAX_WINDOWS = 1 << 18;

/** Per-gazetteer memory of the recognizer: token flags, window look-ups, hyphen parts, by interned ids. */
class State {
  generation = -1;
  gz: Gazetteer | undefined;
  flags = new Int32Array(1024);
  hyphen: (HyphenPart[] | undefined)[] = [];
  // Windows as chains of (previous window id, token id) -> window id, in an open-addressing table.
  private wPrev = new Int32Array(1024);
  private wTok = new Int32Array(1024);
  private wTable = new Int32Array(2048);
  windows = 1; // id 0: none (a two-word window's previous id is -1 - the first token's id)
  hits: (WindowHit | undefined)[] = [undefined];
  /** One-word windows, by token id. */
  hits1: (WindowHit | undefined)[] = new Array(1024).fill(undefined);

  reset(gz: Gazetteer): void {
    this.gz = gz;
    this.generation = tokenTable.generation;
    this.flags.fill(0);
    this.hyphen = [];
    this.wTable = new Int32Array(2048);
    this.windows = 1;
    this.hits = [undefined];
    this.hits1 = new Array(1024).fill(undefined);
  }

  flag(id: number): number {
    if (id >= this.flags.length) {
      const f = new Int32Array(Math.max(id + 1, this.flags.length * 2)); f.set(this.flags); this.flags = f;
    }
    let f = this.flags[id];
    if (f === 0) this.flags[id] = f = tokenFlags(id);
    return f;
  }

  /** The id of the window `prev` extended by token `tok`. */
  window(prev: number, tok: number): number {
    let table = this.wTable;
    let h = Math.imul(prev, 0x9e3779b1) ^ Math.imul(tok, 0x85ebca6b);
    h ^= h >>> 15;
    let mask = table.length - 1;
    let p = h & mask;
    for (;;) {
      const v = table[p];
      if (v === 0) break;
      if (this.wPrev[v] === prev && this.wTok[v] === tok) return v;
      p = (p + 1) & mask;
    }
    const id = this.windows++;
    if (id >= this.wPrev.length) {
      const a = new Int32Array(this.wPrev.length * 2); a.set(this.wPrev); this.wPrev = a;
      const b = new Int32Array(this.wTok.length * 2); b.set(this.wTok); this.wTok = b;
    }
    this.wPrev[id] = prev; this.wTok[id] = tok;
    this.hits.push(undefined);
    table[p] = id;
    if (this.windows * 2 > table.length) {
      table = this.wTable = new Int32Array(table.length * 2);
      mask = table.length - 1;
      for (let w = 1; w < this.windows; w++) {
        let g = Math.imul(this.wPrev[w], 0x9e3779b1) ^ Math.imul(this.wTok[w], 0x85ebca6b);
        g ^= g >>> 15;
        let q = g & mask;
        while (table[q] !== 0) q = (q + 1) & mask;
        table[q] = w;
      }
    }
    return id;
  }
}
const state = new State();

function lookupWindow(gz: Gazetteer, text: string, window: Int32Array, len: number): WindowHit {
  const words: string[] = [];
  for (let q = 0; q < len; q++) for (const w of tokenTable.raw(segmentTokenId(text, window[q]))) words.push(w);
  // (Across a possessive, whose `s` is a one-letter word, the gazetteer matches only names as spelt: `People's
  // Republic of China`, never `Burma's Suu` by transliteration.)
  let cands = gz.lookupUncached(finishWords(words), MAX_CANDIDATES);
  if (len === 1) cands = withoutCapsTowns(gz, tokenTable.text(segmentTokenId(text, window[0])), cands);
  if (cands.length === 0) return NO_HIT;
  const all = cands.map(c => packCandidate(c.entry, c.flag, c.strict));
  const plain = all.length === cands.length && cands.every(c => c.flag !== POST_ABBREV) ? all
    : cands.filter(c => c.flag !== POST_ABBREV).map(c => packCandidate(c.entry, c.flag, c.strict));
  return { all, plain, multi: words.length > 1 };
}

function hyphenPartsOf(gz: Gazetteer, tokenText: string): HyphenPart[] {
  const out: HyphenPart[] = [];
  let off = 0;
  for (const part of tokenText.split('-')) {
    const o = off;
    off += part.length + 1;
    if (part.length < 2 || charClass(part.charCodeAt(0)) !== UPPER) continue;
    const cands = gz.lookupWords(finishWords(foldRaw(part)), MAX_CANDIDATES).filter(c => c.flag !== POST_ABBREV || /^(US|UK|UAE)$/.test(part));
    if (cands.length === 0) continue;
    out.push({ off: o, len: part.length, text: part, c: cands.map(c => packCandidate(c.entry, c.flag, c.strict)) });
  }
  return out;
}

/** Whether text[s, e) is `'s` (or `’s`, `'S`). */
function isPossessive(text: string, s: number, e: number): boolean {
  if (e - s !== 2) return false;
  const a = text.charCodeAt(s), b = text.charCodeAt(s + 1);
  return (a === 39 || a === 0x2019) && (b === 115 || b === 83);
}

function isAllCaps(text: string, s: number, e: number): boolean {
  let letters = 0;
  for (let i = s; i < e; i++) {
    const k = charClass(text.charCodeAt(i));
    if (k === UPPER) letters++;
    else if (k === 1 /* LOWER */) return false;
  }
  return letters >= 2;
}

// Scratch of one call (grown as needed; recognizePlaces does not re-enter).
let capScratch = new Uint8Array(512);
const windowScratch = new Int32Array(MAX_WORDS);
const windowIds = new Int32Array(MAX_WORDS);

/** The segment being read: its text, tokens and the facts evidence() asks for. */
let T = '';
let N = 0;
let S: Int32Array = new Int32Array(0), E: Int32Array = new Int32Array(0);
let CAP: Uint8Array = capScratch;
let segAllCaps = -1; // -1: not computed yet

/** Flags of the segment's tokens by position, 0 where not asked yet. */
let PF = new Int32Array(512);

function flagAt(k: number): number {
  let f = PF[k];
  if (f === 0) PF[k] = f = state.flag(segmentTokenId(T, k));
  return f;
}

export function recognizePlaces(text: string, gz: Gazetteer): Mention[] {
  const spans = segmentSpans(text);
  const n = spans.count;
  if (state.gz !== gz || state.generation !== tokenTable.generation || state.windows > MAX_WINDOWS) state.reset(gz);
  // The scratch's own arrays (valid below n; nothing here tokenizes again before we are done).
  const starts = spans.starts, ends = spans.ends;
  if (capScratch.length < n) capScratch = new Uint8Array(spans.starts.length);
  const cap = capScratch;
  let anyCap = false;
  const bits = spans.bits;
  for (let k = 0; k < n; k++) {
    const b = bits[k];
    if (!(b & (TB_INITUPPER | TB_UPPER))) { cap[k] = 0; continue; }
    const s = starts[k];
    const c = text.charCodeAt(s);
    let v = 0;
    // TB_INITUPPER: the first code point is upper case (a surrogate half is no capital to charClass).
    if ((b & TB_INITUPPER) && (c < 0xd800 || c > 0xdbff)) v = 1;
    else if ((b & TB_UPPER) && ends[k] - s >= 3 && c !== 45) {
      // al-Mayadin, ez-Zor, d'Ivoire: a lower-case particle glued to a capitalised word (the first hyphen or
      // apostrophe after the start, within three characters, not the token's last character).
      const e = ends[k];
      for (let d = s + 1; d <= s + 3; d++) {
        const h = text.charCodeAt(d);
        if (h !== 45 && h !== 39 && h !== 0x2019) continue;
        if (d < e - 1 && charClass(text.charCodeAt(d + 1)) === UPPER) v = 1;
        break;
      }
    }
    cap[k] = v;
    if (v) anyCap = true;
  }
  const out: Mention[] = [];
  if (!anyCap) return out;
  T = text; N = n; S = starts; E = ends; CAP = cap; segAllCaps = -1;
  if (PF.length < n) PF = new Int32Array(spans.starts.length);
  PF.fill(0, 0, n);
  const window = windowScratch;
  let k = 0;
  while (k < n) {
    // A window never starts on a function word (`As Harding`, `In Paris`, `The Hague` is found as `Hague`).
    if (!cap[k]) { k++; continue; }
    const f0 = flagAt(k);
    if ((f0 & T_EMPTY) || (f0 & T_NO_START)) { k++; continue; }
    // Collect the longest window of name tokens from k.
    let wl = 0;
    let j = k;
    while (j < n && wl < MAX_WORDS) {
      if (cap[j]) {
        if (!(flagAt(j) & T_EMPTY)) { window[wl++] = j; j++; continue; }
      } else if (wl > 0) {
        const fj = flagAt(j);
        if ((fj & (T_PARTICLE | T_FEATURE)) && !(fj & T_EMPTY)) { window[wl++] = j; j++; continue; }
      }
      // A possessive inside a name (People's Republic of China, Martha's Vineyard): glued to the word before,
      // a capitalised word after. (Never at a name's end: `Adam's` is no `Adams`.)
      if (wl > 0 && isPossessive(text, starts[j], ends[j]) && ends[j - 1] === starts[j] && j + 1 < n && cap[j + 1]) {
        window[wl++] = j; j++; continue;
      }
      // A hyphen or period token inside a name (Winston-Salem split oddly, St. Louis).
      if (wl > 0 && ends[j] - starts[j] === 1 && (text.charCodeAt(starts[j]) === 45 || text.charCodeAt(starts[j]) === 46) &&
        j + 1 < n && cap[j + 1] && ends[j - 1] === starts[j]) { window[wl++] = j; j++; continue; }
      break;
    }
    // The windows' ids, prefix by prefix, from two words on (one word: its token id), made when first needed.
    let chained = 0;
    let matched = false;
    for (let len = wl; len >= 1; len--) {
      const last = window[len - 1];
      // A name ends on a capitalised word or on a feature word; never on a particle.
      if (!cap[last] && !(flagAt(last) & T_FEATURE)) continue;
      if (!cap[last] && len === 1) continue;
      // Directions alone are no name (Western Pennsylvania, North East Texas, North Side): the rest is tried.
      let allGeneric = true;
      for (let q = 0; q < len; q++) if (!(flagAt(window[q]) & T_GENERIC)) { allGeneric = false; break; }
      if (allGeneric) continue;
      let hit: WindowHit | undefined;
      if (len === 1) {
        const id = segmentTokenId(text, k);
        // (A dense array, grown by doubling: holes would turn it into a dictionary.)
        let h1 = state.hits1;
        if (id >= h1.length) { const g = h1.concat(new Array(Math.max(id + 1 - h1.length, h1.length)).fill(undefined)); state.hits1 = h1 = g; }
        hit = h1[id];
        if (hit === undefined) h1[id] = hit = lookupWindow(gz, text, window, 1);
      } else {
        if (chained === 0) {
          let wid = -1 - segmentTokenId(text, k);
          for (let q = 1; q < wl; q++) windowIds[q] = wid = state.window(wid, segmentTokenId(text, window[q]));
          chained = 1;
        }
        const w = windowIds[len - 1];
        hit = state.hits[w];
        if (hit === undefined) state.hits[w] = hit = lookupWindow(gz, text, window, len);
      }
      if (hit === NO_HIT) continue;
      const s = starts[k], e = ends[last];
      const ev = evidence(k, last, len) | (hit.multi ? EV_MULTI : 0);
      let usable = hit.plain;
      if (usable !== hit.all) {
        // Abbreviations (La., Va., TX) only after `Place, `; spelled-out ones with periods (N.C., W.Va., U.S.) anywhere.
        const surface = text.slice(s, e);
        const abbrevOk = (ev & EV_COMMA_BEFORE) !== 0 || /^[A-Z]\.[A-Z]\.?([A-Z]\.?)?$/.test(surface) || /^[A-Z]\.\s?[A-Z][a-z]\.$/.test(surface) ||
          /^(US|USA|UK|UAE|DRC|DPRK)$/.test(surface);
        if (abbrevOk) usable = hit.all;
      }
      if (usable.length === 0) continue;
      // The packed candidates are shared by every mention of this window (nobody changes them).
      const data: GazetteerData = { c: usable, ev };
      out.push({ category: 'place', start: s, end: e, text: text.slice(s, e), source: 'gazetteer', data: { gz: data } });
      k = last + 1;
      matched = true;
      break;
    }
    if (!matched && wl >= 1) matched = hyphenParts(text, k, gz, out);
    if (!matched) k++;
    else if (out.length > 0 && out[out.length - 1].end <= ends[k]) k++;
  }
  T = '';
  return out;
}

/**
 * A hyphenated word that is no name as a whole: its capitalised parts (Georgian-controlled, Gainesville-area,
 * Syrian-Turkish). Returns whether any part was proposed.
 */
function hyphenParts(text: string, k: number, gz: Gazetteer, out: Mention[]): boolean {
  const id = segmentTokenId(text, k);
  if (!(state.flag(id) & T_HYPHENATED)) return false;
  const parts = state.hyphen[id] ??= hyphenPartsOf(gz, tokenTable.text(id));
  if (parts.length === 0) return false;
  const s0 = S[k], e0 = E[k];
  const ev0 = evidence(k, k, 1) & ~EV_MULTI;
  for (const p of parts) {
    const ps = s0 + p.off, pe = ps + p.len;
    let ev = ev0;
    if (pe < e0) ev &= ~(EV_RUN_AFTER | EV_ORG_AFTER | EV_COMMA_AFTER);
    if (ps > s0) ev &= ~(EV_RUN_BEFORE | EV_TITLE | EV_PREP | EV_DIRECTION | EV_COMMA_BEFORE | EV_INITIAL);
    const data: GazetteerData = { c: p.c, ev };
    out.push({ category: 'place', start: ps, end: pe, text: p.text, source: 'gazetteer', data: { gz: data } });
  }
  return true;
}

function evidence(first: number, last: number, len: number): number {
  const n = N, starts = S, ends = E, cap = CAP;
  let ev = 0;
  if (first === 0 || (first === 1 && (flagAt(0) & T_QUOTE))) ev |= EV_INITIAL;
  const surfaceAllCaps = isAllCaps(T, starts[first], ends[last]);
  if (surfaceAllCaps) {
    if (ends[last] - starts[first] > 3) ev |= EV_ALLCAPS;
    else {
      if (segAllCaps < 0) segAllCaps = isAllCaps(T, 0, T.length) ? 1 : 0;
      if (segAllCaps) ev |= EV_ALLCAPS;
    }
    if (first === 0 && last + 1 < n && (flagAt(last + 1) & (T_DSEP | T_PAREN))) ev |= EV_DATELINE;
  }
  // Before the name: skip directions (northern Syria), then look for a locative word.
  let b = first - 1;
  if (b >= 0) {
    const fb = flagAt(b);
    if (fb & T_DIRECTION) { ev |= EV_DIRECTION; b--; if (b >= 0 && (flagAt(b) & T_THE)) b--; }
    else if (fb & T_THE) b--;
  }
  if (b >= 0) {
    const fb = flagAt(b);
    if ((fb & T_PREP) && !cap[b]) ev |= EV_PREP;
    if ((fb & T_OF) && b - 1 >= 0 && cap[b - 1]) ev |= EV_OF_BEFORE;
  }
  if (first - 1 >= 0) {
    const fp = flagAt(first - 1);
    if (cap[first - 1] && !(ev & EV_DIRECTION) && ends[first - 1] + 1 >= starts[first]) {
      if (fp & T_TITLE_ND) ev |= EV_TITLE;
      else if (!(first - 1 === 0 && (fp & T_STOP_ND))) ev |= EV_RUN_BEFORE;
    }
    if (fp & T_TITLE_ND) ev |= EV_TITLE;
    if (first - 2 >= 0 && (fp & T_COMMA) && cap[first - 2]) ev |= EV_COMMA_BEFORE;
  }
  // After the name.
  const a = last + 1;
  if (a < n) {
    const fa = flagAt(a);
    if (cap[a]) {
      if (fa & T_ORG_ND) ev |= EV_ORG_AFTER;
      ev |= EV_RUN_AFTER;
    }
    if (a + 1 < n && (fa & T_COMMA) && cap[a + 1]) ev |= EV_COMMA_AFTER;
    // A distance and a direction or `from` after it (`Sake, 25 km west of the city`): a place, as after `in`.
    const d = (fa & T_COMMA) ? a + 1 : a;
    if (d + 2 < n && (flagAt(d) & T_NUMBER) && (flagAt(d + 1) & T_DISTANCE) &&
      ((flagAt(d + 2) & T_DIRECTION) || tokenTable.lower(segmentTokenId(T, d + 2)) === 'from')) ev |= EV_PREP;
    if ((fa & T_COLON) && first === 0) ev |= EV_STOPWORD; // a header label (Date:, Source:)
  }
  if (len === 1) {
    const f = flagAt(first);
    if ((f & T_STOP_ND) && !((f & T_CSTOP_ND) && (ev & (EV_PREP | EV_DIRECTION)))) ev |= EV_STOPWORD;
  }
  return ev;
}

export const gazetteerRecognizer: SegmentRecognizer = {
  id: 'gazetteer',
  categories: ['place'],
  priority: 20,
  recognize(segment, ctx) {
    return recognizePlaces(segment.text, ctx.knowledge.get(gazetteerProvider));
  },
};
