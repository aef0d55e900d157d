// FIGURES (issue 2): distances, areas, counts and percentages, with their values in SI units.
//
// The recognizer scans a segment once, left to right, jumping from one possible number start to the next
// (`NUMBER_CANDIDATE`). At each it reads a number (text/numbers.ts) and what follows it: a unit of length
// or area (units.ts), a percent sign or word, or a counted noun from an explicit list. Ranges (`20-25 km`,
// `20 to 25 km`, `between 20 and 25 km`) give [low, high] values.
//
// Span contract: the span starts at the number and ends after the unit or noun. Hedges before the number
// (`some`, `about`, `up to`, `~`) are not part of the span; they set `approximate` and `qualifier`. In a
// hyphenated modifier the span stops after the unit (`a 300-metre tunnel` → `300-metre`).
//
// Not figures: years (`in 2017`), labels (`Route 66`, `Resolution 2254`, `Flight 17`, `3rd Division`),
// dates (`March 14`), times (`10:30`), codes and phone numbers, model names (`F-16`, `T-72`), money
// (`$5 million`, `£5m`), rates (`50 km/h`, `12 people per km²`), calibres (`155mm`: millimetres are not
// read), `percentage points`.
//
// Every regular expression is sticky (anchored at the offset) or a bounded look-back, so the scan is linear
// in the segment length; nothing throws on any input.

import type { SegmentRecognizer } from '../api';
import { DigitsRead, NUMBER_CANDIDATE, readNumber, readDigits, scale } from '../text/numbers';
import type { FigureValue, Mention } from '../types';
import { MalformedKind, UNIT_SPELLINGS, UNITS, UnitLabel, siUnitOf, toSI, MALFORMED_REASONS } from '../units';

// ---------------------------------------------------------------------------------------------------------
// Word lists.

/** What news counts. Participles and adjectives used as nouns (`12 dead`) are weak: a following noun wins. */
const COUNT_NOUNS = new Set([
  // people
  'people', 'person', 'persons', 'civilian', 'civilians', 'soldier', 'soldiers', 'fighter', 'fighters',
  'troops', 'militant', 'militants', 'militiamen', 'militiaman', 'insurgent', 'insurgents', 'rebel', 'rebels',
  'jihadist', 'jihadists', 'gunman', 'gunmen', 'policeman', 'policemen', 'officer', 'officers', 'police',
  'personnel', 'guard', 'guards', 'commander', 'commanders', 'recruit', 'recruits', 'volunteer', 'volunteers',
  'family', 'families', 'household', 'households', 'child', 'children', 'kid', 'kids', 'minor', 'minors',
  'woman', 'women', 'man', 'men', 'boy', 'boys', 'girl', 'girls', 'baby', 'babies', 'infant', 'infants',
  'student', 'students', 'pupil', 'pupils', 'teacher', 'teachers', 'worker', 'workers', 'employee', 'employees',
  'resident', 'residents', 'inhabitant', 'inhabitants', 'villager', 'villagers', 'citizen', 'citizens',
  'refugee', 'refugees', 'migrant', 'migrants', 'asylum-seekers', 'evacuee', 'evacuees', 'returnee', 'returnees',
  'casualty', 'casualties', 'fatality', 'fatalities', 'death', 'deaths', 'victim', 'victims', 'body', 'bodies',
  'survivor', 'survivors', 'hostage', 'hostages', 'prisoner', 'prisoners', 'detainee', 'detainees',
  'captive', 'captives', 'journalist', 'journalists', 'reporter', 'reporters', 'doctor', 'doctors',
  'nurse', 'nurses', 'medic', 'medics', 'paramedic', 'paramedics', 'patient', 'patients',
  'protester', 'protesters', 'protestor', 'protestors', 'demonstrator', 'demonstrators', 'pilgrim', 'pilgrims',
  'passenger', 'passengers', 'crew', 'sailor', 'sailors', 'diplomat', 'diplomats', 'observer', 'observers',
  'peacekeeper', 'peacekeepers', 'suspect', 'suspects', 'member', 'members', 'leader', 'leaders',
  'foreigner', 'foreigners', 'national', 'nationals', 'expatriate', 'expatriates', 'tourist', 'tourists',
  'visitor', 'visitors', 'delegate', 'delegates', 'staff', 'staffers', 'contractor', 'contractors',
  // places and structures
  'village', 'villages', 'town', 'towns', 'city', 'cities', 'district', 'districts', 'province', 'provinces',
  'neighbourhood', 'neighbourhoods', 'neighborhood', 'neighborhoods', 'camp', 'camps', 'settlement', 'settlements',
  'home', 'homes', 'house', 'houses', 'building', 'buildings', 'apartment', 'apartments', 'school', 'schools',
  'hospital', 'hospitals', 'clinic', 'clinics', 'mosque', 'mosques', 'church', 'churches', 'bridge', 'bridges',
  'tent', 'tents', 'shelter', 'shelters', 'checkpoint', 'checkpoints', 'base', 'bases', 'position', 'positions',
  'outpost', 'outposts', 'well', 'wells', 'crossing', 'crossings', 'tunnel', 'tunnels', 'site', 'sites',
  'grave', 'graves',
  // equipment and munitions
  'vehicle', 'vehicles', 'truck', 'trucks', 'lorry', 'lorries', 'car', 'cars', 'bus', 'buses', 'convoy', 'convoys',
  'tank', 'tanks', 'aircraft', 'plane', 'planes', 'jet', 'jets', 'warplane', 'warplanes', 'helicopter', 'helicopters',
  'drone', 'drones', 'ship', 'ships', 'boat', 'boats', 'vessel', 'vessels', 'warship', 'warships',
  'rocket', 'rockets', 'missile', 'missiles', 'shell', 'shells', 'mortar', 'mortars', 'bomb', 'bombs',
  'grenade', 'grenades', 'mine', 'mines', 'landmine', 'landmines', 'round', 'rounds', 'weapon', 'weapons',
  'gun', 'guns', 'rifle', 'rifles', 'launcher', 'launchers',
  // events
  'airstrike', 'airstrikes', 'air-strike', 'air-strikes', 'strike', 'strikes', 'raid', 'raids', 'attack', 'attacks',
  'explosion', 'explosions', 'blast', 'blasts', 'sortie', 'sorties', 'clash', 'clashes', 'incident', 'incidents',
  'arrest', 'arrests', 'violation', 'violations',
  // `killed 12 and wounded 30 others`
  'others',
]);

/**
 * Plural demonyms and group names counted as people (`12 Palestinians`); capitalised, so listed apart. Forms
 * that are also adjectives (`Lebanese`, `Chinese`) are left out: `3 Lebanese banks` counts no Lebanese.
 */
const DEMONYMS = new Set(['Palestinians', 'Israelis', 'Syrians', 'Iraqis', 'Kurds', 'Iranians', 'Afghans', 'Americans',
  'Russians', 'Ukrainians', 'Turks', 'Yemenis', 'Saudis', 'Egyptians', 'Libyans', 'Jordanians', 'Somalis', 'Ethiopians', 'Eritreans', 'Pakistanis', 'Indians', 'Bangladeshis', 'Britons', 'Europeans',
  'Africans', 'Germans', 'Italians', 'Canadians', 'Australians', 'Nigerians', 'Malians', 'Chadians', 'Tunisians',
  'Algerians', 'Moroccans', 'Emiratis', 'Qataris', 'Kuwaitis', 'Bahrainis', 'Omanis', 'Armenians', 'Azerbaijanis',
  'Georgians', 'Chechens', 'Uyghurs', 'Uighurs', 'Yazidis', 'Christians', 'Muslims', 'Shiites', 'Sunnis', 'Alawites',
  'Rohingya', 'Filipinos', 'Koreans', 'Westerners']);

/** Singular nouns (`bus`, `family`): after a number other than one they modify a following noun. */
const SINGULAR_NOUNS = new Set([...COUNT_NOUNS].filter(w =>
  COUNT_NOUNS.has(w + 's') || COUNT_NOUNS.has(w + 'es') || (w.endsWith('y') && COUNT_NOUNS.has(w.slice(0, -1) + 'ies')) ||
  (w.endsWith('man') && COUNT_NOUNS.has(w.replace(/man$/, 'men'))) || w === 'person' || w === 'child'));
/** Invariant nouns that also modify a following counted noun (`six crew members`, `12 police officers`). */
const MODIFYING_NOUNS = new Set(['crew', 'police']);

/** Participles and adjectives read as nouns (`12 dead`, `30 wounded`): a following counted noun wins. */
const WEAK_NOUNS = new Set(['dead', 'wounded', 'injured', 'killed', 'missing', 'displaced', 'homeless', 'arrested',
  'detained', 'abducted', 'kidnapped', 'captured', 'executed', 'evacuated']);

/** Words that may stand between a number and its noun (`12 Syrian soldiers`) are any words but these. */
const COUNT_STOP = new Set([
  'of', 'the', 'a', 'an', 'and', 'or', 'but', 'nor', 'in', 'on', 'at', 'to', 'from', 'by', 'for', 'with', 'without',
  'into', 'onto', 'over', 'under', 'per', 'than', 'as', 'that', 'which', 'who', 'whom', 'whose', 'this', 'these',
  'those', 'it', 'its', 'they', 'them', 'their', 'he', 'she', 'his', 'her', 'we', 'our', 'you', 'your', 'i',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would',
  'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'not', 'no', 'times', 'out', 'off', 'up', 'down',
  'after', 'before', 'since', 'during', 'until', 'ago', 'later', 'earlier', 'each', 'every', 'all', 'both',
  'am', 'pm', 'gmt', 'utc', 'hours', 'hour', 'minutes', 'days', 'day', 'weeks', 'week', 'months', 'month',
  'years', 'year', 'percent', 'if', 'when', 'where', 'while', 'because', 'so', 'said', 'says', 'say',
  'behind', 'near', 'across', 'along', 'around', 'against', 'among', 'between', 'beyond', 'toward', 'towards',
  'through', 'via', 'within', 'inside', 'outside', 'above', 'below', 'except', 'including', 'like', 'unlike',
  'upon', 'about', 'points',
  // units of other dimensions and calibres (`120 mm mortars` counts no 120 mortars)
  'mm', 'cm', 'km', 'm', 'kg', 'g', 'lb', 'lbs', 't', 'tonne', 'tonnes', 'ton', 'tons', 'kilo', 'kilos',
  'kilogram', 'kilograms', 'pound', 'pounds', 'litre', 'litres', 'liter', 'liters', 'gallon', 'gallons',
  'barrel', 'barrels', 'calibre', 'caliber', 'millimetre', 'millimetres', 'millimeter', 'millimeters', 'there', 'here', 'then', 'also', 'too', 'only', 'just', 'even', 'still', 'yet', 'again',
]);

const MONTHS = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov',
  'Dec']);
const WEEKDAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

/** A number right after one of these is a label, not a figure (`Route 66`, `Resolution 2254`, `per 100,000`). */
const LABEL_WORDS = new Set([
  'route', 'highway', 'road', 'motorway', 'interstate', 'street', 'avenue', 'resolution', 'resolutions', 'flight',
  'page', 'pages', 'p', 'pp', 'no', 'nos', 'number', 'num', 'chapter', 'article', 'articles', 'section', 'paragraph',
  'para', 'clause', 'room', 'gate', 'platform', 'line', 'bus', 'division', 'brigade', 'regiment', 'battalion',
  'squadron', 'corps', 'unit', 'apartment', 'block', 'district', 'zone', 'sector', 'level', 'stage', 'phase',
  'version', 'exit', 'junction', 'camp', 'checkpoint', 'hill', 'point', 'building', 'floor', 'lot', 'plot', 'ward',
  'terminal', 'pier', 'berth', 'tower', 'grade', 'class', 'item', 'table', 'figure', 'fig', 'appendix', 'vol',
  'volume', 'issue', 'episode', 'season', 'part', 'step', 'round', 'protocol', 'law', 'decree', 'order', 'bill',
  'channel', 'category', 'type', 'model', 'mark', 'mk', 'amendment', 'km', 'kilometre', 'kilometer', 'mile',
  'per', 'every', 'gmt', 'utc', 'code', 'box', 'ext', 'tel', 'phone', 'fax', 'id', 'aged', 'age', 'ages', 'top',
  'score', 'scored', 'pc', 'group', 'team', 'seat', 'row', 'verse', 'act', 'x',
]);

/** Label words written abbreviated with a period (`No. 5`, `p. 12`, `Vol. 3`). */
const LABEL_ABBREVIATIONS = new Set(['no', 'nos', 'num', 'p', 'pp', 'fig', 'vol', 'para', 'ext', 'tel', 'mk', 'art', 'sec']);

/** A four-digit number after these is a year (`in 2017 people...`, `since 1990`). */
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'until', 'till', 'by', 'during', 'before', 'after', 'from',
  'through', 'circa', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter', 'year']);

/** Capitalised words that do not make the next number a label (`On Tuesday 12 people...`, `Some 12 km`). */
const CAPITALISED_OK = new Set(['About', 'Around', 'Some', 'Nearly', 'Almost', 'Roughly', 'Approximately', 'Over',
  'Than', 'Least', 'To', 'Only', 'Just', 'And', 'But', 'Or', 'Of', 'The', 'All', 'Another', 'Those', 'These',
  'Estimated', 'Killing', 'Killed', 'Wounding', 'Wounded', 'Injuring', 'Injured', 'Including']);

/** Ordinary first words of a sentence before a number (lower case). */
const SENTENCE_START_OK = new Set(['in', 'on', 'at', 'by', 'for', 'with', 'without', 'of', 'after', 'before', 'since',
  'during', 'from', 'to', 'about', 'around', 'over', 'under', 'some', 'only', 'all', 'another', 'just', 'the', 'a',
  'an', 'and', 'but', 'or', 'so', 'yet', 'more', 'less', 'fewer', 'up', 'least', 'than', 'estimated', 'these',
  'those', 'killing', 'including', 'among', 'between', 'when', 'while', 'as', 'if', 'every', 'each', 'other',
  'many', 'then', 'now', 'today', 'yesterday', 'still', 'also', 'even', 'perhaps', 'maybe', 'almost', 'nearly',
  'roughly', 'exactly', 'precisely', 'barely', 'fully', 'officially', 'reportedly', 'approximately', 'within',
  'across', 'near', 'beyond', 'like', 'unlike', 'another', 'both', 'all', 'here', 'there', 'what', 'where', 'why',
  'how', 'that', 'this', 'its', 'their', 'his', 'her', 'our', 'another', 'further', 'additionally', 'overall',
  'altogether', 'total', 'last', 'next', 'first', 'meanwhile', 'earlier', 'later', 'separately', 'elsewhere',
  'circa', 'approx', 'ca', 'c', 'killed', 'wounded', 'injured', 'arrested', 'seized', 'captured', 'destroyed',
  'displaced', 'evacuated', 'nearly', 'just', 'well', 'upwards', 'abroad', 'inside', 'outside', 'until', 'till']);

const CURRENCY_CODES = new Set(['usd', 'us', 'eur', 'gbp', 'rs', 'inr', 'syp', 'iqd', 'ils', 'nis', 'aed', 'sar',
  'jod', 'egp', 'lbp', 'try', 'rub', 'cny', 'rmb', 'jpy', 'chf', 'irr', 'pkr', 'afn', 'yer', 'qar', 'kwd', 'omr',
  'bhd', 'lyd', 'tnd', 'mad', 'dzd', 'sdg', 'ngn', 'kes', 'zar', 'etb', 'uah', 'cad', 'aud']);
const CURRENCY_SYMBOLS = '$£€¥₪₹₽₺﷼₦₴';
const CURRENCY_AFTER = /[ \u00a0]+(?:dollars?|euros?|pounds?|sterling|dinars?|riyals?|rials?|liras?|lire|shekels?|rupees?|yuan|renminbi|yen|roubles?|rubles?|francs?|dirhams?|afghanis?|hryvnias?|nairas?|usd|eur|gbp)\b/iy;

// ---------------------------------------------------------------------------------------------------------
// Compiled patterns.

const UNIT_RE = new RegExp(
  `(?:[ \\u00a0\\u202f\\t]|[-\\u2010\\u2011])?(?:${UNIT_SPELLINGS.map(s => `(${s.pattern})`).join('|')})(?![\\p{L}\\p{N}_])`,
  'uy');
const PERCENT_RE = /[ \u00a0\u202f-]?(?:%|٪|(?:percent(?!age)|Percent|PERCENT|per[ \u00a0-]cent|Per[ \u00a0-]cent|PER CENT|pct|pc)(?![\p{L}\p{N}_]))/uy;
/** After a unit: a rate (`km/h`, `m/s`, `km per hour`), not a distance. */
const RATE_AFTER = /(?:[ \u00a0]?\/[ \u00a0]?\p{L}|[ \u00a0]+(?:per|an|a)[ \u00a0]+(?:hour|second|minute|day|week|month|year|hr|h|sec)\b|[ \u00a0]+per[ \u00a0])/uy;
/** `nm` as nanometres: chips and lasers, not sea distances. */
const NANOMETRE_CONTEXT = /^[^.;]{0,40}?\b(?:chips?|process|node|transistors?|semiconductors?|wafers?|lithograph\w*|lasers?|wavelengths?|nanomet)/i;
const RANGE_SEP = /[ \u00a0]*[-\u2010\u2011\u2012\u2013\u2014][ \u00a0]*|[ \u00a0]+(to|and|or|through)[ \u00a0]+/uy;
const WORD_RE = /\p{L}[\p{L}\p{M}'’-]*/uy;
const QUALIFIER_RE = /(?:^|[^\p{L}\p{N}])(an[ \u00a0]+estimated|estimated|as[ \u00a0]+many[ \u00a0]+as|as[ \u00a0]+much[ \u00a0]+as|upwards[ \u00a0]+of|in[ \u00a0]+excess[ \u00a0]+of|more[ \u00a0]+than|less[ \u00a0]+than|fewer[ \u00a0]+than|at[ \u00a0]+least|at[ \u00a0]+most|up[ \u00a0]+to|close[ \u00a0]+to|just[ \u00a0]+over|just[ \u00a0]+under|well[ \u00a0]+over|nearly|almost|about|around|roughly|approximately|approx\.|some|over|circa|ca\.|c\.)[ \u00a0]+$/iu;
const TILDE_RE = /~[ \u00a0]?$/;
/** A day number right before a four-digit number: `March 12, 2023`, `12 March 2023`. */
const AFTER_DAY = /\d[ \u00a0]*,?[ \u00a0]+$|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?[ \u00a0]+$/;
const PROPORTION = /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))[ \u00a0]+(?:in|out[ \u00a0]+of|of[ \u00a0]+every)[ \u00a0]+$/i;
const BETWEEN_RE = /(?:^|[^\p{L}])between[ \u00a0]+$/iu;
const FROM_RE = /(?:^|[^\p{L}])from[ \u00a0]+$/iu;
const FIRST_LETTER = /\p{L}/u;
/** How far back hedges and `between` are looked for. */
const LOOK_BACK = 32;

// ---------------------------------------------------------------------------------------------------------

interface Quantity {
  kind: 'length' | 'area' | 'percent' | 'count';
  end: number;
  unit: UnitLabel | '%' | '';
  noun?: string;
  malformed?: { kind: MalformedKind; start: number; end: number };
  /** A lone `m` read as `million` before a counted noun (`5m people`). */
  millions?: boolean;
}

/** The word right before an offset (letters only), with what separates it from the offset. */
interface WordBefore { word: string; start: number; dotted: boolean }

class SegmentScan {
  private titleCase?: boolean;
  private upper?: boolean;
  private first?: number;

  constructor(readonly text: string) {}

  /** Offset of the segment's first letter (computed when a capitalised word before a number needs it). */
  get firstLetter(): number {
    if (this.first === undefined) {
      const m = FIRST_LETTER.exec(this.text);
      this.first = m ? m.index : this.text.length;
    }
    return this.first;
  }

  /** Headlines in Title Case capitalise every word: no capitalised word is a label there. */
  isTitleCase(): boolean {
    if (this.titleCase === undefined) {
      const words = this.text.slice(0, 600).match(/\p{L}+/gu) ?? [];
      let caps = 0, long = 0;
      for (const w of words) {
        if (w.length < 4) continue;
        long++;
        if (/^\p{Lu}/u.test(w)) caps++;
      }
      this.titleCase = long >= 3 && caps / long >= 0.7;
    }
    return this.titleCase;
  }

  /** Headlines and tables in capitals. */
  isUpperCase(): boolean {
    if (this.upper === undefined) {
      const head = this.text.slice(0, 600);
      const letters = head.match(/\p{L}/gu)?.length ?? 0;
      const upper = head.match(/\p{Lu}/gu)?.length ?? 0;
      this.upper = letters >= 8 && upper / letters >= 0.8;
    }
    return this.upper;
  }

  wordBefore(pos: number): WordBefore | undefined {
    const t = this.text;
    let i = pos - 1;
    let spaces = 0;
    while (i >= 0 && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 0xa0) && spaces < 3) { i--; spaces++; }
    let dotted = false;
    if (i >= 0 && t[i] === '.' && spaces > 0) { dotted = true; i--; }
    const end = i + 1;
    let n = 0;
    while (i >= 0 && n < 40 && isWordChar(t.charCodeAt(i))) { i--; n++; }
    if (end - (i + 1) === 0) return undefined;
    if (spaces === 0 && !dotted) return undefined; // letters glued to the number: handled by the caller
    return { word: t.slice(i + 1, end), start: i + 1, dotted };
  }
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
const LETTER = /[\p{L}\p{M}_]/u;
function isLetterChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return LETTER.test(ch);
}

/** Why a digit can't start a figure here, looking at the characters glued before it. */
function badBefore(text: string, pos: number): boolean {
  if (pos === 0) return false;
  const p = text[pos - 1];
  if (isLetterChar(p)) return true;                                    // A320, MH17
  if ('#+/:@№\\_'.includes(p)) return true;                            // #5, +44, 3/4, 10:30
  if (CURRENCY_SYMBOLS.includes(p)) return true;                       // $5
  if (p === '.' || p === ',') return pos >= 2 && (isDigit(text.charCodeAt(pos - 2)) || isLetterChar(text[pos - 2])); // v.5, 1.2.3
  if (p === '-' || p === '\u2010' || p === '\u2011' || p === '\u2013' || p === '\u2014') {
    const q = text[pos - 2];
    return q !== undefined && (isDigit(text.charCodeAt(pos - 2)) || isLetterChar(q)); // 555-1234, F-16, COVID-19
  }
  if (p === ' ' || p === '\u00a0') {
    const q = text[pos - 2];
    if (q !== undefined && CURRENCY_SYMBOLS.includes(q)) return true;  // $ 5
  }
  return false;
}

/** Why nothing glued after the number can be a figure: a time, a date, a fraction, an ordinal. */
function badAfter(text: string, end: number): boolean {
  const c = text[end];
  if (c === ':' || c === '/') return isDigit(text.charCodeAt(end + 1));
  if (c === undefined || !isLetterChar(c)) return false;
  if (c === 's' && !isLetterChar(text[end + 1])) return true;           // 1990s
  const pair = text.slice(end, end + 2).toLowerCase();
  return (pair === 'st' || pair === 'nd' || pair === 'rd' || pair === 'th') && !isLetterChar(text[end + 2]);
}

function readUnit(scan: SegmentScan, pos: number, amount: number): Quantity | 'rate' | undefined {
  const text = scan.text;
  UNIT_RE.lastIndex = pos;
  const m = UNIT_RE.exec(text);
  if (!m) return undefined;
  let index = 1;
  while (index < m.length && m[index] === undefined) index++;
  const spelling = UNIT_SPELLINGS[index - 1];
  if (!spelling) return undefined;
  const end = UNIT_RE.lastIndex;
  const raw = m[index];
  const unitStart = end - raw.length;
  const def = UNITS[spelling.unit];
  if (def.dimension === 'length' || spelling.malformed === undefined) {
    RATE_AFTER.lastIndex = end;
    if (RATE_AFTER.test(text)) return 'rate';
  }
  if (raw === 'nm' && NANOMETRE_CONTEXT.test(text.slice(end, end + 60))) return undefined;
  if (raw === 'm') {
    // `5m people` is five million people; `£5m`, `5m euros` is money.
    CURRENCY_AFTER.lastIndex = end;
    if (CURRENCY_AFTER.test(text)) return 'rate';
    const noun = readCount(scan, end, scale(amount, 1e6));
    if (noun) return { ...noun, millions: true };
  }
  return {
    kind: def.dimension, end, unit: spelling.unit,
    malformed: spelling.malformed ? { kind: spelling.malformed, start: unitStart, end } : undefined,
  };
}

function readPercent(text: string, pos: number): Quantity | undefined {
  PERCENT_RE.lastIndex = pos;
  if (!PERCENT_RE.test(text)) return undefined;
  return { kind: 'percent', end: PERCENT_RE.lastIndex, unit: '%' };
}

/** A counted noun after a number, perhaps behind up to two modifiers (`4,000 displaced families`). */
function readCount(scan: SegmentScan, pos: number, amount: number): Quantity | undefined {
  const text = scan.text;
  let i = pos;
  let found: Quantity | undefined;
  let foundRaw = '';
  let weak = false;
  let modifiers = 0;
  for (let k = 0; k < 4; k++) {
    const sep = text.charCodeAt(i);
    if (sep !== 32 && sep !== 0xa0) break;
    WORD_RE.lastIndex = i + 1;
    const m = WORD_RE.exec(text);
    if (!m) break;
    const raw = m[0].replace(/(?:['’]s|['’]+)$/, '');
    const w = raw.toLowerCase();
    const wordStart = i + 1;
    if (DEMONYMS.has(raw) && !found && k === 0) {
      found = { kind: 'count', end: wordStart + raw.length, unit: '', noun: w };
      foundRaw = '';
      weak = false;
      // `12 Syrian soldiers` reads on: a demonym followed by a counted noun is a modifier.
      i = wordStart + m[0].length;
      continue;
    }
    if (COUNT_NOUNS.has(w)) {
      // `two bomb attacks`, `six crew members`: a singular or modifying noun gives way to the next noun.
      if (found && !weak && !SINGULAR_NOUNS.has(found.noun!) && !MODIFYING_NOUNS.has(found.noun!) && foundRaw !== '') break;
      found = { kind: 'count', end: wordStart + raw.length, unit: '', noun: w };
      foundRaw = raw;
      weak = false;
      i = wordStart + m[0].length;
      if (SINGULAR_NOUNS.has(w) || MODIFYING_NOUNS.has(w)) continue;
      break;
    }
    if (found && !weak) break;
    if (WEAK_NOUNS.has(w)) {
      if (found) break;
      found = { kind: 'count', end: wordStart + raw.length, unit: '', noun: w };
      foundRaw = raw;
      weak = true;
      i = wordStart + m[0].length;
      continue;
    }
    if (found) break;
    if (modifiers === 2 || COUNT_STOP.has(w) || w.length > 24 || MONTHS.has(raw) || WEEKDAYS.has(raw) || m[0].endsWith('-')) break;
    modifiers++;
    i = wordStart + m[0].length;
  }
  if (!found) return undefined;
  // `32 death claims`: a singular noun after a number other than one is a modifier of something else.
  if (amount !== 1 && SINGULAR_NOUNS.has(found.noun!)) return undefined;
  // `Detroit 10 KANSAS CITY 3`, `Aarau 1 Young Boys 0`: capitals in running text make a name.
  if (/^\p{Lu}/u.test(foundRaw) && !scan.isTitleCase()) return undefined;
  const counted = text.slice(pos, found.end);
  if (/\p{Lu}{2}/u.test(counted) && !scan.isUpperCase()) return undefined;
  // `12 people per km²`, `3 deaths per 100,000`: a rate, not a count.
  if (/^(?:[ \u00a0]+per[ \u00a0]|[ \u00a0]?\/[ \u00a0]?\p{L})/u.test(text.slice(found.end, found.end + 6))) return undefined;
  return found;
}

function readQuantity(scan: SegmentScan, pos: number, amount: number, allowCount: boolean): Quantity | 'rate' | undefined {
  const percent = readPercent(scan.text, pos);
  if (percent) return percent;
  const unit = readUnit(scan, pos, amount);
  if (unit) return unit;
  return allowCount ? readCount(scan, pos, amount) : undefined;
}

function sameUnit(a: Quantity, b: Quantity): boolean {
  return a.kind === b.kind && a.unit === b.unit && (a.kind !== 'count' || a.noun === b.noun);
}

interface Found { mention?: Mention; next: number }

function figureAt(scan: SegmentScan, start: number): Found {
  const text = scan.text;
  const first = text.charCodeAt(start);
  const isDigitStart = isDigit(first);
  let digits: DigitsRead | undefined;
  if (isDigitStart) {
    digits = readDigits(text, start);
    if (!digits) return { next: start + 1 };
    if (digits.value === undefined || badBefore(text, start) || badAfter(text, digits.end)) return { next: digits.end };
  }
  const n1 = readNumber(text, start, digits);
  if (!n1) return { next: start + 1 };
  if (!n1.multiplied && badAfter(text, n1.end)) return { next: n1.end };

  // What stands before the number.
  const prev = scan.wordBefore(start);
  let capitalisedLabel = false;
  if (prev) {
    const lower = prev.word.toLowerCase();
    // Labels: `Route 66`, `No. 5`, `per 100,000` (a lower-case `no` without a dot is the determiner).
    // After a period only abbreviations are labels (`No. 5`); `...the road. 12 people` ends a sentence.
    if (LABEL_WORDS.has(lower) && (prev.dotted ? LABEL_ABBREVIATIONS.has(lower) : prev.word !== 'no')) return { next: n1.end };
    if (MONTHS.has(prev.word)) return { next: n1.end };                                   // March 14
    if (prev.word === 'Rs' || (prev.word.length > 1 && prev.word === prev.word.toUpperCase() && CURRENCY_CODES.has(lower))) {
      return { next: n1.end };                                                             // USD 5 million
    }
    // A capitalised word names the number (Apollo 11 crew, Boeing 737 passengers, Camp 4 residents) unless
    // it is a sentence's ordinary first word (`Nearly 4,000`, `In 12 villages`) or the line is a Title Case
    // headline. A unit or percent after the number outweighs this (`Dacom 24 percent`, `Olympic 100 metres`).
    capitalisedLabel = isDigitStart && /^\p{Lu}/u.test(prev.word) && !prev.dotted && !scan.isTitleCase() &&
        !CAPITALISED_OK.has(prev.word) && !WEEKDAYS.has(prev.word) &&
        (prev.start > scan.firstLetter || (!SENTENCE_START_OK.has(lower) && !lower.endsWith('ly')));
  }

  let backText: string | undefined;
  const back = () => backText ??= text.slice(Math.max(0, start - LOOK_BACK), start);
  let q1 = readQuantity(scan, n1.end, n1.value, false);
  if (q1 === 'rate') return { next: n1.end };

  // A range: `20-25 km`, `20 km to 25 km`, `between 20 and 25 km`, `two or three villages`.
  let lo = n1.value, hi: number | undefined;
  let q: Quantity | undefined;
  let end = n1.end;
  RANGE_SEP.lastIndex = q1 ? q1.end : n1.end;
  const sep = q1?.millions ? null : RANGE_SEP.exec(text);
  if (sep && !FROM_RE.test(back()) && (sep[1]?.toLowerCase() !== 'and' || BETWEEN_RE.test(back()))) {
    const n2Start = RANGE_SEP.lastIndex;
    const n2 = readNumber(text, n2Start);
    if (n2 && !(n2.digits && badAfter(text, n2.end))) {
      const q2 = readQuantity(scan, n2.end, n2.value, q1 === undefined);
      if (q2 && q2 !== 'rate' && (!q1 || sameUnit(q1, q2))) {
        let low = n1.value, high = n2.value;
        const factor2 = q2.millions ? 1e6 : n2.factor;
        const base2 = q2.millions ? n2.value : n2.value / n2.factor;
        if (q2.millions) high = scale(high, 1e6);
        // `1.5-2 million people`: the multiplier of the second number applies to both.
        if (!n1.multiplied && factor2 > 1 && low <= base2) low = scale(low, factor2);
        if (low <= high) { lo = low; hi = high; q = q2; end = q2.end; }
      }
    }
  }
  if (!q) {
    if (!q1) {
      const c = readCount(scan, n1.end, n1.value);
      if (c) q1 = c;
    }
    if (!q1) return { next: n1.end };
    q = q1;
    end = q1.end;
    if (q1.millions) lo = scale(lo, 1e6);
  }

  // Years: `in 2017 people fled`, `since 1990 refugees`, `March 12, 2023 soldiers` (units are strong
  // enough to override).
  if (n1.yearLike && lo >= 1800 && lo <= 2100 && (q.kind === 'count' || q.kind === 'percent') &&
      ((prev && YEAR_PREPOSITIONS.has(prev.word.toLowerCase())) || AFTER_DAY.test(back()))) {
    return { next: n1.end };
  }
  if (capitalisedLabel && q.kind === 'count') return { next: end };
  // Proportions: `1 in 5 children`, `3 out of 10 people` count no children and no people.
  if (q.kind === 'count' && PROPORTION.test(back())) return { next: end };

  // Hedges before the number.
  let qualifier: string | undefined;
  const qm = QUALIFIER_RE.exec(back());
  // `c.` and `ca.` only in lower case and not as the end of an abbreviation (`Washington D.C. 5 km`).
  if (qm && !(/^c/i.test(qm[1]) && qm[1].endsWith('.') && (qm[1][0] === 'C' || qm[0].startsWith('.')))) {
    qualifier = qm[1].toLowerCase().replace(/[ \u00a0]+/g, ' ');
  }
  if (!qualifier && TILDE_RE.test(back())) qualifier = '~';

  const amount: number | [number, number] = hi === undefined ? lo : [lo, hi];
  let value: FigureValue;
  let category: Mention['category'];
  if (q.kind === 'length' || q.kind === 'area') {
    const unit = q.unit as UnitLabel;
    const si = typeof amount === 'number' ? toSI(amount, unit)! : [toSI(amount[0], unit)!, toSI(amount[1], unit)!] as [number, number];
    value = { amount, unit, si, siUnit: siUnitOf(UNITS[unit].dimension), approximate: qualifier !== undefined };
    category = q.kind === 'length' ? 'distance' : 'area';
  } else if (q.kind === 'percent') {
    value = { amount, unit: '%', si: amount, siUnit: '%', approximate: qualifier !== undefined };
    category = 'percent';
  } else {
    value = { amount, unit: '', si: amount, siUnit: '1', approximate: qualifier !== undefined, noun: q.noun };
    category = 'count';
  }
  if (qualifier) value.qualifier = qualifier;

  const mention: Mention = { category, start, end, text: text.slice(start, end), source: 'figures', value };
  if (q.malformed) {
    const written = text.slice(q.malformed.start, q.malformed.end).replace(/^[ \u00a0\u202f\t\-\u2010\u2011]/, '');
    const numberText = text.slice(start, q.malformed.start).replace(/[ \u00a0\u202f\t\-\u2010\u2011]+$/, '');
    const symbol = UNITS[q.unit as UnitLabel].symbol;
    mention.data = {
      malformedUnit: written,
      malformedKind: q.malformed.kind,
      malformedReason: MALFORMED_REASONS[q.malformed.kind],
      canonicalUnit: symbol,
      canonical: `${numberText} ${symbol}`,
    };
  }
  return { mention, next: end };
}

export const figures: SegmentRecognizer = {
  id: 'figures',
  categories: ['distance', 'area', 'count', 'percent'],
  priority: 50,
  recognize(segment) {
    const text = segment.text;
    const out: Mention[] = [];
    if (text.length === 0) return out;
    const scan = new SegmentScan(text);
    const re = NUMBER_CANDIDATE;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const start = m.index;
      const found = figureAt(scan, start);
      if (found.mention) out.push(found.mention);
      re.lastIndex = Math.max(found.next, start + 1);
    }
    return out;
  },
};

/** For tests and benchmarks: the recognizer over a bare string. */
export function recognizeFigures(text: string): Mention[] {
  return figures.recognize({ start: 0, end: text.length, text }, undefined as never);
}

