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
import { segmentSpans } from '../geo/tokens';
import { charClass, UPPER } from '../text/tokenize';
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

function isCapitalized(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  if (charClass(c) === UPPER) return true;
  // al-Mayadin, ez-Zor, d'Ivoire: a lower-case particle glued to a capitalised word.
  const dash = text.indexOf('-', s);
  if (dash > s && dash < e - 1 && dash - s <= 3 && charClass(text.charCodeAt(dash + 1)) === UPPER) return true;
  return false;
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

type Lower = (k: number) => string;

export function recognizePlaces(text: string, gz: Gazetteer): Mention[] {
  const spans = segmentSpans(text);
  const n = spans.count;
  // The scratch's own arrays (valid below n; nothing here tokenizes again before we are done).
  const starts = spans.starts, ends = spans.ends;
  const tok = (k: number) => text.slice(starts[k], ends[k]);
  // Lower-case forms and folded words only for the tokens looked at (most are not).
  const lowerCache: (string | undefined)[] = new Array(n);
  const rawCache: (string[] | undefined)[] = new Array(n);
  const lower: Lower = k => (lowerCache[k] ??= tok(k).toLowerCase());
  const raw = (k: number) => (rawCache[k] ??= foldRaw(tok(k)));
  const cap: boolean[] = new Array(n);
  for (let k = 0; k < n; k++) cap[k] = isCapitalized(text, starts[k], ends[k]);
  const segmentAllCaps = isAllCaps(text, 0, text.length);
  const out: Mention[] = [];
  let k = 0;
  while (k < n) {
    // A window never starts on a function word (`As Harding`, `In Paris`, `The Hague` is found as `Hague`).
    if (!cap[k] || raw(k).length === 0 || (STOPWORDS.has(lower(k)) && !lower(k).includes('-') && FUNCTION_WORDS.has(lower(k)))) { k++; continue; }
    // Collect the longest window of name tokens from k.
    const window: number[] = [];
    let j = k;
    while (j < n && window.length < MAX_WORDS) {
      if (cap[j] && raw(j).length > 0) { window.push(j); j++; continue; }
      if (window.length > 0 && (PARTICLES.has(lower(j)) || FEATURE_WORDS.has(lower(j))) && raw(j).length > 0) { window.push(j); j++; continue; }
      // A hyphen or period token inside a name (Winston-Salem split oddly, St. Louis).
      if (window.length > 0 && (tok(j) === '-' || tok(j) === '.') && j + 1 < n && cap[j + 1] && ends[j - 1] === starts[j]) { window.push(j); j++; continue; }
      break;
    }
    let matched = false;
    for (let len = window.length; len >= 1; len--) {
      const last = window[len - 1];
      // A name ends on a capitalised word or on a feature word; never on a particle.
      if (!cap[last] && !FEATURE_WORDS.has(lower(last))) continue;
      if (!cap[last] && len === 1) continue;
      // Directions alone are no name (Western Pennsylvania, North East Texas, North Side): the rest is tried.
      let allGeneric = true;
      for (let q = 0; q < len; q++) if (!GENERIC.has(lower(window[q]))) { allGeneric = false; break; }
      if (allGeneric) continue;
      const words: string[] = [];
      for (let q = 0; q < len; q++) for (const w of raw(window[q])) words.push(w);
      const cands = gz.lookupWords(finishWords(words), MAX_CANDIDATES);
      if (cands.length === 0) continue;
      const s = starts[k], e = ends[last];
      const ev = evidence(text, k, last, len, n, starts, ends, lower, cap, segmentAllCaps) | (words.length > 1 ? EV_MULTI : 0);
      // Abbreviations (La., Va., TX) only after `Place, `; spelled-out ones with periods (N.C., W.Va., U.S.) anywhere.
      const nonAbbrev = cands.filter(c => c.flag !== POST_ABBREV);
      const surface = text.slice(s, e);
      const abbrevOk = (ev & EV_COMMA_BEFORE) !== 0 || /^[A-Z]\.[A-Z]\.?([A-Z]\.?)?$/.test(surface) || /^[A-Z]\.\s?[A-Z][a-z]\.$/.test(surface) ||
        /^(US|USA|UK|UAE|DRC|DPRK)$/.test(surface);
      const usable = abbrevOk ? cands : nonAbbrev;
      if (usable.length === 0) continue;
      const data: GazetteerData = { c: usable.map(c => packCandidate(c.entry, c.flag, c.strict)), ev };
      out.push({ category: 'place', start: s, end: e, text: surface, source: 'gazetteer', data: { gz: data } });
      k = last + 1;
      matched = true;
      break;
    }
    if (!matched && window.length >= 1) matched = hyphenParts(text, k, n, starts, ends, lower, cap, segmentAllCaps, gz, out);
    if (!matched) k++;
    else if (out.length > 0 && out[out.length - 1].end <= ends[k]) k++;
  }
  return out;
}

/**
 * A hyphenated word that is no name as a whole: its capitalised parts (Georgian-controlled, Gainesville-area,
 * Syrian-Turkish). Returns whether any part was proposed.
 */
function hyphenParts(text: string, k: number, n: number, starts: Int32Array, ends: Int32Array, lower: Lower, cap: boolean[],
  segmentAllCaps: boolean, gz: Gazetteer, out: Mention[]): boolean {
  const s0 = starts[k], e0 = ends[k];
  const tokenText = text.slice(s0, e0);
  if (!tokenText.includes('-')) return false;
  let any = false;
  let off = 0;
  for (const part of tokenText.split('-')) {
    const ps = s0 + off, pe = ps + part.length;
    off += part.length + 1;
    if (part.length < 2 || charClass(part.charCodeAt(0)) !== UPPER) continue;
    const cands = gz.lookupWords(finishWords(foldRaw(part)), MAX_CANDIDATES).filter(c => c.flag !== POST_ABBREV || /^(US|UK|UAE)$/.test(part));
    if (cands.length === 0) continue;
    let ev = evidence(text, k, k, 1, n, starts, ends, lower, cap, segmentAllCaps) & ~EV_MULTI;
    if (pe < e0) ev &= ~(EV_RUN_AFTER | EV_ORG_AFTER | EV_COMMA_AFTER);
    if (ps > s0) ev &= ~(EV_RUN_BEFORE | EV_TITLE | EV_PREP | EV_DIRECTION | EV_COMMA_BEFORE | EV_INITIAL);
    const data: GazetteerData = { c: cands.map(c => packCandidate(c.entry, c.flag, c.strict)), ev };
    out.push({ category: 'place', start: ps, end: pe, text: part, source: 'gazetteer', data: { gz: data } });
    any = true;
  }
  return any;
}

function evidence(text: string, first: number, last: number, len: number, n: number, starts: Int32Array, ends: Int32Array,
  lower: Lower, cap: boolean[], segmentAllCaps: boolean): number {
  let ev = 0;
  if (first === 0 || (first === 1 && /^["'“‘(\[]$/.test(lower(0)))) ev |= EV_INITIAL;
  const surfaceAllCaps = isAllCaps(text, starts[first], ends[last]);
  if (surfaceAllCaps && (segmentAllCaps || ends[last] - starts[first] > 3)) ev |= EV_ALLCAPS;
  if (first === 0 && surfaceAllCaps && last + 1 < n && /^[,—–-]$/.test(lower(last + 1)) || (first === 0 && surfaceAllCaps && last + 1 < n && lower(last + 1) === '(')) ev |= EV_DATELINE;
  // Before the name: skip directions (northern Syria), then look for a locative word.
  let b = first - 1;
  if (b >= 0 && DIRECTIONS.has(lower(b))) { ev |= EV_DIRECTION; b--; if (b >= 0 && lower(b) === 'the') b--; }
  else if (b >= 0 && lower(b) === 'the') b--;
  if (b >= 0 && PREPS.has(lower(b)) && !cap[b]) ev |= EV_PREP;
  if (b >= 0 && lower(b) === 'of' && b - 1 >= 0 && cap[b - 1]) ev |= EV_OF_BEFORE;
  if (first - 1 >= 0 && cap[first - 1] && !(ev & EV_DIRECTION) && ends[first - 1] + 1 >= starts[first]) {
    const prev = lower(first - 1).replace(/\.$/, '');
    if (TITLES.has(prev)) ev |= EV_TITLE;
    else if (!(first - 1 === 0 && STOPWORDS.has(prev))) ev |= EV_RUN_BEFORE;
  }
  if (first - 1 >= 0 && TITLES.has(lower(first - 1).replace(/\.$/, ''))) ev |= EV_TITLE;
  if (first - 2 >= 0 && lower(first - 1) === ',' && cap[first - 2]) ev |= EV_COMMA_BEFORE;
  // After the name.
  const a = last + 1;
  if (a < n && cap[a]) {
    if (ORG_WORDS.has(lower(a).replace(/\.$/, ''))) ev |= EV_ORG_AFTER;
    ev |= EV_RUN_AFTER;
  }
  if (a + 1 < n && lower(a) === ',' && cap[a + 1]) ev |= EV_COMMA_AFTER;
  if (a < n && lower(a) === ':' && first === 0) ev |= EV_STOPWORD; // a header label (Date:, Source:)
  if (len === 1) {
    const w = lower(first).replace(/\.$/, '');
    if (STOPWORDS.has(w) && !(COUNTRY_STOPWORDS.has(w) && (ev & (EV_PREP | EV_DIRECTION)))) ev |= EV_STOPWORD;
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
