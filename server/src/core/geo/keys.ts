// Name keys for the gazetteer: the same function runs at build time (scripts/build-knowledge.ts) and at run
// time, so a name in the text and a name in the index meet on equal keys.
//
// - `strictKey`: case, diacritics, punctuation and spacing folded (`Deir ez-Zor` = `deir ez zor` = `DEIR EZ-ZOR`
//   -> `deirezzor`), abbreviations expanded (`St.` = `Saint`, `Mt.` = `Mount`, `Ft.` = `Fort`), a leading `the`
//   dropped.
// - `looseKey`: transliteration-aware, for Arabic, Persian, Ukrainian/Russian romanizations. Arabic articles
//   (`al-`, `el-`, `ad-`, `ar-`, `as-`, `az-`, `ash-`, `ez-`...) and their assimilated forms (`Ezzur` = `ez-Zur`)
//   are dropped; every run of vowels (with `y`/`w` next to vowels) becomes one `a`; doubled letters collapse;
//   `q`=`k`, `dh`=`z`, `th`=`t`, `ph`=`f`, `dj`/`dzh`=`j`, `ck`=`k`; a final `h` after a vowel goes. The
//   consonants and the places of the vowels stay, so `Deir Ezzur` = `Dayr az Zawr` = `Deir ez-Zor` but
//   `Deir Hafer` differs. Loose keys join different names (`Iraq` ~ `Arak`): the index marks which key matched
//   and disambiguation prefers strict matches of primary names.
// Keys are ASCII; loose keys are stored with a leading `~` so both kinds live in one table.
import { memoize } from '../memo';

const SPECIAL: Record<string, string> = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ħ': 'h',
  'ŧ': 't', 'ŋ': 'ng', 'ĸ': 'k', 'ſ': 's', 'ə': 'e', 'ɛ': 'e', 'ɔ': 'o', 'ƒ': 'f',
};

const ABBREV: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort', pt: 'point', mtn: 'mountain' };

/** Arabic definite articles as separate words (after hyphen splitting). */
export const ARTICLES = new Set(['al', 'el', 'il', 'ul', 'ad', 'ed', 'ar', 'er', 'as', 'es', 'az', 'ez', 'at', 'et', 'an', 'en',
  'ash', 'esh', 'ath', 'eth', 'adh', 'edh', 'ud', 'ur', 'us', 'uz', 'un']);

const APOSTROPHES = /['’‘`´ʻʼʾʿ′]/g;
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Lower-case Latin words of a name: diacritics removed, apostrophes dropped, other punctuation splits. */
export function foldWords(name: string): string[] {
  return finishWords(foldRaw(name));
}

/** The folded words of a piece of text, before `finishWords` (recognizers fold each token once). */
export function foldRaw(text: string): string[] {
  const fast = foldAscii(text);
  if (fast) return fast;
  let s = /^[\x20-\x7e]*$/.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(MARKS, '').toLowerCase();
  s = s.replace(APOSTROPHES, '');
  if (/[^\x00-\x7f]/.test(s)) s = s.replace(/[^\x00-\x7f]/g, ch => SPECIAL[ch] ?? ' ');
  return s.split(/[^a-z0-9]+/).filter(w => w.length > 0);
}

/**
 * `foldRaw` of printable ASCII text without building regex results: lower case, `'` and backquote dropped,
 * any other character outside [a-z0-9] ends a word. Undefined for other text (the general path folds it).
 */
function foldAscii(text: string): string[] | undefined {
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return undefined;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) { word += String.fromCharCode(c); continue; }
    if (c === 39 || c === 96) continue; // apostrophes are dropped, not separators
    if (word) { out.push(word); word = ''; }
  }
  if (word) out.push(word);
  return out;
}

/** Expands abbreviations before a following word (`St. Louis`) and drops a leading `the`. Returns a new array. */
export function finishWords(raw: string[]): string[] {
  const words = raw.slice();
  for (let i = 0; i < words.length - 1; i++) {
    const e = ABBREV[words[i]];
    if (e) words[i] = e;
  }
  if (words.length > 1 && words[0] === 'the') words.shift();
  return words;
}

/** A folded word as `finishWords` writes it when another word follows (`st` -> `saint`). */
export function expandAbbrev(w: string): string {
  return ABBREV[w] ?? w;
}

/** Whether a name is written in Latin letters (other scripts are not indexed: the texts are English). */
export function isLatinName(name: string): boolean {
  const s = name.normalize('NFD').replace(MARKS, '');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (SPECIAL[s[i].toLowerCase()] !== undefined) continue;
    if (c >= 0x2018 && c <= 0x2019) continue;
    if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || c === 0x2bb || c === 0x2bc || c === 0x2be || c === 0x2bf) continue;
    return false;
  }
  return /[A-Za-z]/.test(s);
}

export function strictKey(name: string): string {
  return foldWords(name).join('');
}

const VOWEL = new Uint8Array(128);
for (const v of 'aeiouy') VOWEL[v.charCodeAt(0)] = 1;

/** The loose key of one word (already folded), memoised (news repeats its words). */
const looseWord = memoize(50000, (w: string) => looseWordUncached(w));

function looseWordUncached(w: string): string {
  // Assimilated article glued on: ezzur, assuwayda, arraqqa, ettadamon (a vowel + a doubled sun letter).
  if (w.length >= 5 && (w[0] === 'a' || w[0] === 'e') && w[1] === w[2] && 'tdrszn'.includes(w[1]) && VOWEL[w.charCodeAt(3)] === 1) {
    w = w.slice(2);
  }
  w = w.replace(/dzh/g, 'j').replace(/dj/g, 'j').replace(/dh/g, 'z').replace(/th/g, 't').replace(/ph/g, 'f')
    .replace(/ck/g, 'k').replace(/q/g, 'k');
  let out = '';
  let prev = '';
  let inVowel = false;
  for (let i = 0; i < w.length; i++) {
    let ch = w[i];
    const code = w.charCodeAt(i);
    let vowel = VOWEL[code] === 1;
    // y/w: a consonant at the start of the word before a vowel and between two vowels... but `y` after a
    // consonant (Syria) or next to a vowel (Mayadin, Dayr, Zawr) is vocalic; `w` after a vowel is vocalic.
    if (ch === 'y') vowel = !(i === 0 && i + 1 < w.length && VOWEL[w.charCodeAt(i + 1)] === 1);
    else if (ch === 'w') vowel = inVowel;
    if (vowel) {
      if (!inVowel) out += 'a';
      inVowel = true;
      prev = 'a';
      continue;
    }
    inVowel = false;
    if (ch === prev) continue; // doubled letters
    out += ch;
    prev = ch;
  }
  // A final h after a vowel (Raqqah, Badiyeh) is silent in these romanizations.
  if (out.length > 2 && out.endsWith('ah')) out = out.slice(0, -1);
  return out;
}

export function looseKey(name: string): string {
  return looseKeyOfWords(foldWords(name));
}

export function looseKeyOfWords(words: string[]): string {
  let ws = words;
  if (ws.length > 1) {
    const kept: string[] = [];
    for (let i = 0; i < ws.length; i++) {
      // An article is dropped when a word follows it (`al Mayadin`, `Deir ez Zor`), never at the end.
      if (ARTICLES.has(ws[i]) && i < ws.length - 1) continue;
      kept.push(ws[i]);
    }
    ws = kept;
  }
  let out = '';
  let last = '';
  for (const w of ws) {
    const k = looseWord(w);
    // Letters doubled across a word boundary (`Tall Lahm`) collapse like inside a word.
    out += k.length > 0 && last.length > 0 && k[0] === last[last.length - 1] ? k.slice(1) : k;
    last = k;
  }
  return '~' + out;
}

/** 32-bit FNV-1a over the char codes of an ASCII key. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Leading words of feature names that a later mention may drop (Tal al-Dekou ... al-Dakou). */
export const FEATURE_PREFIX = new Set(['tal', 'tall', 'tel', 'tell', 'jabal', 'jebel', 'jabel', 'djebel', 'deir', 'dayr', 'dair', 'ain',
  'ayn', 'bir', 'kafr', 'kfar', 'khirbet', 'khirbat', 'ras', 'wadi', 'nahr', 'jisr', 'qasr', 'mount', 'hill', 'camp']);

/** The loose key of a name without its leading feature words (`Tal al-Dekou` -> key of `al-Dekou`), or undefined. */
export function looseTailKey(name: string): string | undefined {
  const words = name.split(/\s+/).filter(Boolean);
  for (let k = 1; k < words.length; k++) {
    const lead = foldWords(words.slice(0, k).join(' '));
    if (lead.length === 0 || !lead.every(w => FEATURE_PREFIX.has(w) || w === 'al' || w === 'el')) break;
    return looseKeyOfWords(foldWords(words.slice(k).join(' ')));
  }
  return undefined;
}
