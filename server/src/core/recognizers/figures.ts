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
import { MalformedKind, UNIT_SPELLINGS, UNITS, UnitLabel, UnitSpelling, siUnitOf, toSI, MALFORMED_REASONS } from '../units';

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
/** Demonyms and months all start with A-Z: a word that does not is none of them, without a look-up. */
const LISTED_CAPITALS = [...DEMONYMS, ...MONTHS].every(w => /^[A-Z]/.test(w));

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

/**
 * The hashes of the label words (wordHash), to rule out most words without a look-up; usable while the
 * label words are all ASCII (another word is then no label either).
 */
const LABEL_HASHES = new Set([...LABEL_WORDS].map(w => wordHash(w)));
const LABELS_ASCII = [...LABEL_WORDS].every(w => /^[\x00-\x7f]*$/.test(w));

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

/**
 * A unit after a number is what the sticky pattern `(?:UNIT_SEP)?(?:(spelling 1)|(spelling 2)|…)(?![\\p{L}\\p{N}_])`
 * matches there (the spellings of UNIT_SPELLINGS, in order, each a group); readUnit runs it split by the
 * unit's first character (UNIT_BY_FIRST).
 */
const UNIT_SEP = '[ \\u00a0\\u202f\\t]|[-\\u2010\\u2011]';
const PERCENT_SEP = '[ \\u00a0\\u202f-]';
const PERCENT_ALTERNATIVES = '(?:%|٪|(?:percent(?!age)|Percent|PERCENT|per[ \\u00a0-]cent|Per[ \\u00a0-]cent|PER CENT|pct|pc)(?![\\p{L}\\p{N}_]))';
const PERCENT_RE = new RegExp(`${PERCENT_SEP}?${PERCENT_ALTERNATIVES}`, 'uy');
/** After a unit: a rate (`km/h`, `m/s`, `km per hour`), not a distance. */
const RATE_AFTER = /(?:[ \u00a0]?\/[ \u00a0]?\p{L}|[ \u00a0]+(?:per|an|a)[ \u00a0]+(?:hour|second|minute|day|week|month|year|hr|h|sec)\b|[ \u00a0]+per[ \u00a0])/uy;
/** `nm` as nanometres: chips and lasers, not sea distances. */
const NANOMETRE_CONTEXT = /^[^.;]{0,40}?\b(?:chips?|process|node|transistors?|semiconductors?|wafers?|lithograph\w*|lasers?|wavelengths?|nanomet)/i;
const RANGE_SEP = /[ \u00a0]*[-\u2010\u2011\u2012\u2013\u2014][ \u00a0]*|[ \u00a0]+(to|and|or|through)[ \u00a0]+/uy;
/** RANGE_SEP needs a dash after the spaces at `pos`, or `to`, `th(rough)`, `an(d)` or `or` after at least one space. */
function mayBeRangeSep(text: string, pos: number): boolean {
  let j = pos;
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 0xa0)) j++;
  const c = unitAt(text, j);
  if (c === 45 || (c >= 0x2010 && c <= 0x2014)) return true;
  if (j === pos) return false;
  const d = unitAt(text, j + 1);
  return (c === 116 && (d === 111 || d === 104)) || (c === 97 && d === 110) || (c === 111 && d === 114);
}
/** After a counted noun: a rate (`12 people per km²`, `3 deaths/100,000`), looked at within 6 characters. */
const COUNT_RATE = /^(?:[ \u00a0]+per[ \u00a0]|[ \u00a0]?\/[ \u00a0]?\p{L})/u;
/** COUNT_RATE needs `p` after one or two spaces, or `/` after at most one. */
function mayBeRate(text: string, pos: number): boolean {
  let j = pos;
  while (j < pos + 2 && (unitAt(text, j) === 32 || unitAt(text, j) === 0xa0)) j++;
  const c = unitAt(text, j);
  return (c === 112 && j > pos) || (c === 47 && j <= pos + 1);
}
const TWO_CAPITALS = /\p{Lu}{2}/u;
/** `/\p{Lu}{2}/u.test(s)`: two capitals in a row; read by hand when `s` is ASCII. */
function twoCapitals(s: string): boolean {
  let prevUpper = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128) return TWO_CAPITALS.test(s);
    const upper = c >= 65 && c <= 90;
    if (upper && prevUpper) return true;
    prevUpper = upper;
  }
  return false;
}
const WORD_RE = /\p{L}[\p{L}\p{M}'’-]*/uy;
const QUALIFIER_RE = /(?:^|[^\p{L}\p{N}])(an[ \u00a0]+estimated|estimated|as[ \u00a0]+many[ \u00a0]+as|as[ \u00a0]+much[ \u00a0]+as|upwards[ \u00a0]+of|in[ \u00a0]+excess[ \u00a0]+of|more[ \u00a0]+than|less[ \u00a0]+than|fewer[ \u00a0]+than|at[ \u00a0]+least|at[ \u00a0]+most|up[ \u00a0]+to|close[ \u00a0]+to|just[ \u00a0]+over|just[ \u00a0]+under|well[ \u00a0]+over|nearly|almost|about|around|roughly|approximately|approx\.|some|over|circa|ca\.|c\.)[ \u00a0]+$/iu;
/** `/~[ \u00a0]?$/.test(text.slice(lo, end))`, read in place. */
function tildeBefore(text: string, lo: number, end: number): boolean {
  if (end - lo >= 1 && text.charCodeAt(end - 1) === 126) return true;
  if (end - lo < 2) return false;
  const c = text.charCodeAt(end - 1);
  return (c === 32 || c === 0xa0) && text.charCodeAt(end - 2) === 126;
}
/** A day number right before a four-digit number: `March 12, 2023`, `12 March 2023`. */
const AFTER_DAY = /\d[ \u00a0]*,?[ \u00a0]+$|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?[ \u00a0]+$/;
const PROPORTION = /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))[ \u00a0]+(?:in|out[ \u00a0]+of|of[ \u00a0]+every)[ \u00a0]+$/i;
const BETWEEN_RE = /(?:^|[^\p{L}])between[ \u00a0]+$/iu;
const FROM_RE = /(?:^|[^\p{L}])from[ \u00a0]+$/iu;
const FIRST_LETTER = /\p{L}/u;
/** How far back hedges and `between` are looked for. */
const LOOK_BACK = 32;

// ---------------------------------------------------------------------------------------------------------
// Cheap tests that spare the patterns above where they cannot match (each derived from its pattern).

/**
 * The characters a match of a regular-expression source can start with (code units), or undefined when
 * that is not a short list (`.`, `\p{L}`, a negated class...). Reads the subset of the syntax the
 * patterns here use: literals, escapes, classes, groups, lookarounds (which add nothing), alternation and
 * quantifiers. Case-sensitive patterns only.
 */
function firstChars(src: string): Set<number> | undefined {
  let i = 0;
  type First = [Set<number> | undefined, boolean]; // the characters, and whether the part can match empty
  const union = (a: Set<number> | undefined, b: Set<number> | undefined) => {
    if (!a || !b) return undefined;
    for (const c of b) a.add(c);
    return a;
  };
  const escape = (): Set<number> | undefined | 'empty' => {
    const e = src[i + 1];
    i += 2;
    if (e === 'u') {
      if (src[i] === '{') { const close = src.indexOf('}', i); const cp = parseInt(src.slice(i + 1, close), 16); i = close + 1; return new Set([String.fromCodePoint(cp).charCodeAt(0)]); }
      const cp = parseInt(src.slice(i, i + 4), 16); i += 4; return new Set([cp]);
    }
    if (e === 'd') return new Set([48, 49, 50, 51, 52, 53, 54, 55, 56, 57]);
    if (e === 'b' || e === 'B') return 'empty';
    if (e === 't') return new Set([9]);
    if (e === 'n') return new Set([10]);
    if (e === 'r') return new Set([13]);
    if (/[A-Za-z]/.test(e)) return undefined; // \p{..}, \w, \s...: many characters
    return new Set([e.charCodeAt(0)]);
  };
  const cls = (): Set<number> | undefined => {
    i++; // [
    if (src[i] === '^') { while (src[i] !== ']') i += src[i] === '\\' ? 2 : 1; i++; return undefined; }
    let set: Set<number> | undefined = new Set();
    let prev = -1;
    while (src[i] !== ']') {
      if (src[i] === '-' && prev >= 0 && src[i + 1] !== ']') {
        i++;
        let hiSet: Set<number> | undefined | 'empty';
        if (src[i] === '\\') hiSet = escape(); else { hiSet = new Set([src.charCodeAt(i)]); i++; }
        if (!hiSet || hiSet === 'empty' || hiSet.size !== 1) return undefined;
        const hi = [...hiSet][0];
        if (hi - prev > 512) return undefined;
        for (let c = prev; c <= hi; c++) set?.add(c);
        prev = -1;
        continue;
      }
      let one: Set<number> | undefined | 'empty';
      if (src[i] === '\\') one = escape(); else { one = new Set([src.charCodeAt(i)]); i++; }
      if (one === 'empty') continue;
      set = union(set, one);
      prev = one && one.size === 1 ? [...one][0] : -1;
    }
    i++; // ]
    return set;
  };
  const atom = (): First => {
    const c = src[i];
    if (c === '(') {
      i++;
      let look = false;
      if (src[i] === '?') {
        if (src[i + 1] === ':') i += 2;
        else if (src[i + 1] === '=' || src[i + 1] === '!') { i += 2; look = true; }
        else if (src[i + 1] === '<' && (src[i + 2] === '=' || src[i + 2] === '!')) { i += 3; look = true; }
        else if (src[i + 1] === '<') i = src.indexOf('>', i) + 1;
      }
      const r = alternation();
      i++; // )
      return look ? [new Set(), true] : r;
    }
    if (c === '[') return [cls(), false];
    if (c === '\\') { const e = escape(); return e === 'empty' ? [new Set(), true] : [e, false]; }
    if (c === '^' || c === '$') { i++; return [new Set(), true]; }
    if (c === '.') { i++; return [undefined, false]; }
    i++;
    return [new Set([c.charCodeAt(0)]), false];
  };
  const sequence = (): First => {
    let set: Set<number> | undefined = new Set();
    let nullable = true;
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const [first, empty] = atom();
      let canBeEmpty = empty;
      const q = src[i];
      let quantified = true;
      if (q === '?' || q === '*') { canBeEmpty = true; i++; }
      else if (q === '+') i++;
      else if (q === '{' && /^\{\d+(?:,\d*)?\}/.test(src.slice(i))) {
        const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(i))!;
        if (Number(m[1]) === 0) canBeEmpty = true;
        i += m[0].length;
      } else quantified = false;
      if (quantified && src[i] === '?') i++; // lazy
      if (nullable) { set = union(set, first); nullable = canBeEmpty; }
    }
    return [set, nullable];
  };
  const alternation = (): First => {
    let set: Set<number> | undefined = new Set();
    let nullable = false;
    for (;;) {
      const [first, empty] = sequence();
      set = union(set, first);
      nullable ||= empty;
      if (src[i] !== '|') return [set, nullable];
      i++;
    }
  };
  try {
    const [set, nullable] = alternation();
    return nullable || i !== src.length ? undefined : set;
  } catch {
    return undefined;
  }
}

/** A table of code units (0..0xffff) from a set; all ones when the set is unknown. */
function table(set: Set<number> | undefined): Uint8Array {
  const t = new Uint8Array(0x10000);
  if (!set) t.fill(1);
  else for (const c of set) t[c] = 1;
  return t;
}
const UNIT_SEP_CHARS = table(firstChars(UNIT_SEP));

/**
 * The unit pattern split by the first character of the unit: for each character, the spellings that can
 * start with it, in their order, as one sticky pattern (built when first needed). Trying the one pattern of
 * the character after a separator, then the one of the character at the position, is what the whole
 * pattern does (the other spellings fail on their first character); a failed look-up costs a table read.
 */
interface UnitPattern { re: RegExp; spellings: UnitSpelling[] }
const UNIT_FIRSTS = UNIT_SPELLINGS.map(sp => firstChars(`(?:${sp.pattern})`));
const UNIT_FIRST = new Uint8Array(0x10000);
for (const f of UNIT_FIRSTS) { if (!f) UNIT_FIRST.fill(1); else for (const c of f) UNIT_FIRST[c] = 1; }
/** (A map: an array written at scattered char codes changes its layout, and code reading it is thrown away.) */
const UNIT_BY_FIRST = new Map<number, UnitPattern>();
function unitPattern(c: number): UnitPattern | undefined {
  if (UNIT_FIRST[c] !== 1) return undefined;
  let p = UNIT_BY_FIRST.get(c);
  if (!p) {
    const spellings = UNIT_SPELLINGS.filter((_, k) => !UNIT_FIRSTS[k] || UNIT_FIRSTS[k]!.has(c));
    const re = new RegExp(`(?:${spellings.map(sp => `(${sp.pattern})`).join('|')})(?![\\p{L}\\p{N}_])`, 'uy');
    p = { re, spellings };
    UNIT_BY_FIRST.set(c, p);
  }
  return p;
}
const PERCENT_FIRST = table(firstChars(PERCENT_ALTERNATIVES));
const PERCENT_SEP_CHARS = table(firstChars(PERCENT_SEP));
/** Whether a pattern `(?:sep)?alternatives` can match at `pos` (its first character, or the one after a separator). */
function mayStart(text: string, pos: number, first: Uint8Array, sep: Uint8Array): boolean {
  if (pos >= text.length) return false;
  const c = text.charCodeAt(pos);
  return first[c] === 1 || (sep[c] === 1 && pos + 1 < text.length && first[text.charCodeAt(pos + 1)] === 1);
}

/**
 * The hedges of QUALIFIER_RE as lists of words (lower case; the last may end with a period), read from the
 * pattern; undefined when the pattern is not such a list (qualifierAt then runs the pattern itself).
 */
const QUALIFIER_HEDGES: readonly string[][] | undefined = (() => {
  const src = QUALIFIER_RE.source;
  const prefix = '(?:^|[^\\p{L}\\p{N}])(', suffix = ')[ \\u00a0]+$';
  if (!src.startsWith(prefix) || !src.endsWith(suffix) || QUALIFIER_RE.flags !== 'iu') return undefined;
  const hedges: string[][] = [];
  for (const alt of src.slice(prefix.length, src.length - suffix.length).split('|')) {
    const words = alt.split('[ \\u00a0]+').map(w => w.replace(/\\\./g, '.'));
    if (!words.every(w => /^[a-z]+\.?$/.test(w))) return undefined;
    hedges.push(words);
  }
  return hedges;
})();
/** The hedges by their last word, and those last words by length: a hedge is only tried when its last word is there. */
const HEDGES_BY_LAST = new Map<string, string[][]>();
const LAST_WORDS_BY_LENGTH: string[][] = [];
for (const words of QUALIFIER_HEDGES ?? []) {
  const last = words[words.length - 1];
  const l = HEDGES_BY_LAST.get(last);
  if (l) l.push(words);
  else {
    HEDGES_BY_LAST.set(last, [words]);
    (LAST_WORDS_BY_LENGTH[last.length] ??= []).push(last);
  }
}

/** `[\p{L}\p{N}]` for one code point, answered once per code point. */
const WORD_POINTS = new Map<number, boolean>();
const P_LN = /^[\p{L}\p{N}]$/u;
function isLetterOrNumberPoint(cp: number): boolean {
  let r = WORD_POINTS.get(cp);
  if (r === undefined) { r = P_LN.test(String.fromCodePoint(cp)); WORD_POINTS.set(cp, r); }
  return r;
}

/** Whether `text[s, s + w.length)` is the hedge word `w` under QUALIFIER_RE's `iu` case folding. */
function hedgeWordAt(text: string, s: number, w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    let c = text.charCodeAt(s + k);
    if (c >= 65 && c <= 90) c += 32; else if (c === 0x17f) c = 115; else if (c === 0x212a) c = 107;
    if (c !== w.charCodeAt(k)) return false;
  }
  return true;
}

const NO_WORDS: string[] = [];

/** Hedge words joined by single spaces, per hedge (its written form once lower-cased). */
const HEDGE_TEXT = new Map<string[], string>();
/**
 * The qualifier of a hedge: its text in lower case, runs of spaces made one space. For a hedge of ASCII
 * letters that is its words joined by spaces (`ſ`, which stays `ſ` in lower case, is read by hand).
 */
function qualifierText(text: string, h: Hedge): string {
  let ascii = !!h.words;
  for (let k = h.start; k < h.end && ascii; k++) ascii = text.charCodeAt(k) < 128;
  if (!ascii) return text.slice(h.start, h.end).toLowerCase().replace(/[ \u00a0]+/g, ' ');
  let t = HEDGE_TEXT.get(h.words!);
  if (t === undefined) HEDGE_TEXT.set(h.words!, t = h.words!.join(' '));
  return t;
}

/**
 * A hedge before a number: its span, where the pattern's match starts (the character before it, if any),
 * and its words (undefined when found by the pattern itself).
 */
interface Hedge { start: number; end: number; matchStart: number; words?: string[] }

/**
 * What QUALIFIER_RE finds in `text.slice(lo, end)` (the hedge, group 1, and the match), read in place: a hedge
 * ends where the spaces at the end begin; its words are separated by runs of spaces; it starts at `lo` or
 * after a character that is no letter and no number; of several, the one that starts first (the pattern's
 * leftmost match). Null when there is none.
 */
function qualifierAt(text: string, lo: number, end: number): Hedge | null {
  if (!QUALIFIER_HEDGES) {
    const m = QUALIFIER_RE.exec(text.slice(lo, end));
    if (!m) return null;
    const matchStart = lo + m.index;
    const hedgeStart = matchStart + m[0].length - (m[0].length - m[0].trimEnd().length) - m[1].length;
    return { start: hedgeStart, end: hedgeStart + m[1].length, matchStart };
  }
  let j = end;
  while (j > lo && (text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 0xa0)) j--;
  if (j === end || j === lo) return null;
  // The last word: the run of letters before the spaces (and a period), within `lo`. A hedge's last word is
  // all of that run (a letter before it would be no space and no boundary), so only hedges ending in a word
  // of its length and letters are tried.
  let e0 = j;
  if (text.charCodeAt(e0 - 1) === 46) e0--;
  let s0 = e0;
  while (s0 > lo && s0 > e0 - 16) {
    const c = text.charCodeAt(s0 - 1);
    if (!isAsciiLetter(c) && c !== 0x17f && c !== 0x212a) break;
    s0--;
  }
  if (s0 === e0 || (s0 > lo && s0 === e0 - 16)) return null;
  let candidates: string[][] | undefined;
  for (const w of LAST_WORDS_BY_LENGTH[j - s0] ?? NO_WORDS) if (hedgeWordAt(text, s0, w)) { candidates = HEDGES_BY_LAST.get(w); break; }
  if (!candidates) return null;
  let best: Hedge | null = null;
  for (const words of candidates) {
    let e = j, ok = true;
    for (let w = words.length - 1; w >= 0 && ok; w--) {
      const s = e - words[w].length;
      if (s < lo || !hedgeWordAt(text, s, words[w])) { ok = false; break; }
      e = s;
      if (w > 0) {
        let k = e;
        while (k > lo && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 0xa0)) k--;
        if (k === e) ok = false;
        e = k;
      }
    }
    if (!ok) continue;
    let matchStart = e;
    if (e > lo) {
      // The code point before the hedge (a surrogate pair counts as one) must be no letter and no number.
      let cpStart = e - 1, cp = text.charCodeAt(e - 1);
      if (cp >= 0xdc00 && cp <= 0xdfff && e - 2 >= lo) {
        const h = text.charCodeAt(e - 2);
        if (h >= 0xd800 && h <= 0xdbff) { cpStart = e - 2; cp = (h - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000; }
      }
      if (isLetterOrNumberPoint(cp)) continue;
      matchStart = cpStart;
    }
    if (!best || matchStart < best.matchStart) best = { start: e, end: j, matchStart, words };
  }
  return best;
}

/** The last letters of the words before the second number of a proportion (`in`, `out of`, `of every`). */
const PROPORTION_LAST = table(new Set([...'nNfFyY'].map(c => c.charCodeAt(0))));

/**
 * Whether `text[lo, end)` ends with spaces (at least one; space or no-break space) after a character that
 * `last` accepts: what the end-anchored hedge and proportion patterns need before anything else.
 */
function endsWithWordAndSpace(text: string, lo: number, end: number, last: Uint8Array): boolean {
  let j = end;
  while (j > lo) {
    const c = text.charCodeAt(j - 1);
    if (c !== 32 && c !== 0xa0) break;
    j--;
  }
  return j < end && j > lo && last[text.charCodeAt(j - 1)] === 1;
}

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

/*
 * The word right before a number (letters only), with what separates it from the number: its text, its
 * start and whether a period stands between (`No. 5`); read by SegmentScan.wordBefore.
 */

class SegmentScan {
  /** The mention figureAt found at the current candidate, if any. */
  mention?: Mention = undefined;
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
      // The words (runs of letters) of the first 600 characters: how many have four characters or more, and
      // how many of those start with a capital — read in place, code point by code point.
      const t = this.text, n = Math.min(t.length, 600);
      let caps = 0, long = 0;
      let k = 0;
      while (k < n) {
        const kind = letterKind(t, k, n);
        if (kind === 0) { k += letterSize; continue; }
        const start = k, capital = kind === 2;
        k += letterSize;
        while (k < n && letterKind(t, k, n) !== 0) k += letterSize;
        if (k - start < 4) continue;
        long++;
        if (capital) caps++;
      }
      this.titleCase = long >= 3 && caps / long >= 0.7;
    }
    return this.titleCase;
  }

  /** Headlines and tables in capitals. */
  isUpperCase(): boolean {
    if (this.upper === undefined) {
      const t = this.text, n = Math.min(t.length, 600);
      let letters = 0, upper = 0;
      for (let k = 0; k < n; k += letterSize) {
        const kind = letterKind(t, k, n);
        if (kind !== 0) letters++;
        if (kind === 2) upper++;
      }
      this.upper = letters >= 8 && upper / letters >= 0.8;
    }
    return this.upper;
  }

  private backAt = -1;
  private backText = '';
  /** The LOOK_BACK characters before `pos` (kept for the candidate being read). */
  back(pos: number): string {
    if (this.backAt !== pos) { this.backAt = pos; this.backText = this.text.slice(Math.max(0, pos - LOOK_BACK), pos); }
    return this.backText;
  }

  /**
   * The last word read by wordBefore: its start, end and whether a period follows it; whether it is all
   * ASCII and the hash of its lower case (wordHash), which rule out most look-ups before the word is sliced.
   */
  prevStart = 0;
  prevEnd = 0;
  prevDotted = false;
  prevAscii = true;
  prevHash = 0;
  private prevText: string | undefined = undefined;
  /** The last word read by wordBefore, as a string. */
  prevWord(): string {
    return this.prevText ??= this.text.slice(this.prevStart, this.prevEnd);
  }

  /** Reads the word right before `pos` (see WordBefore) into prevWord, prevStart, prevDotted; false when there is none. */
  wordBefore(pos: number): boolean {
    const t = this.text;
    let i = pos - 1;
    let spaces = 0;
    while (i >= 0 && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 0xa0) && spaces < 3) { i--; spaces++; }
    let dotted = false;
    if (i >= 0 && t.charCodeAt(i) === 46 && spaces > 0) { dotted = true; i--; }
    const end = i + 1;
    let n = 0;
    while (i >= 0 && n < 40 && isWordChar(t.charCodeAt(i))) { i--; n++; }
    if (end - (i + 1) === 0) return false;
    if (spaces === 0 && !dotted) return false; // letters glued to the number: handled by the caller
    this.prevStart = i + 1;
    this.prevEnd = end;
    this.prevDotted = dotted;
    this.prevText = undefined;
    let h = 0, ascii = true;
    for (let k = i + 1; k < end; k++) {
      const c = t.charCodeAt(k);
      if (c >= 128) { ascii = false; break; }
      h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
    }
    this.prevAscii = ascii;
    this.prevHash = h;
    return true;
  }
}

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
/**
 * `text.charCodeAt(i)`, or -1 past the end (instead of NaN): reading past the end of a segment makes the
 * optimizing compiler throw its code away the first time it happens, on real text.
 */
function unitAt(text: string, i: number): number { return i < text.length ? text.charCodeAt(i) : -1; }
function isAsciiLetter(c: number): boolean { return (c >= 65 && c <= 90) || (c >= 97 && c <= 122); }
/**
 * Whether the word at `i` may be a demonym or a month (LISTED_CAPITALS) or a currency code in capitals:
 * it starts with A-Z.
 */
function startsAsciiCapital(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || !LISTED_CAPITALS;
}
/** The hash SegmentScan.wordBefore gives a word of ASCII letters (of its lower case). */
function wordHash(w: string): number {
  let h = 0;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    h = (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
  }
  return h;
}
const UPPER_START = /^\p{Lu}/u;
/** `/^\p{Lu}/u.test(w)`, without the pattern for an ASCII first character. */
function startsUpper(w: string): boolean {
  if (w.length === 0) return false;
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(w);
}
/**
 * The code point at `k` of `t` read as if `t` ended at `n`: 0 when it is no letter (`\p{L}`), 1 a letter,
 * 2 a capital (`\p{Lu}`); its length in code units is left in `letterSize`. A surrogate pair cut by `n` is
 * no letter (as in `t.slice(0, n)`). Characters beyond ASCII are asked of the patterns once.
 */
let letterSize = 1;
const LETTER_KINDS = new Map<number, number>();
const P_L = /^\p{L}$/u, P_LU = /^\p{Lu}$/u;
function letterKind(t: string, k: number, n: number): number {
  const c = t.charCodeAt(k);
  letterSize = 1;
  if (c < 128) return c >= 65 && c <= 90 ? 2 : c >= 97 && c <= 122 ? 1 : 0;
  let cp = c;
  if (c >= 0xd800 && c <= 0xdbff && k + 1 < n) {
    const d = t.charCodeAt(k + 1);
    if (d >= 0xdc00 && d <= 0xdfff) { cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000; letterSize = 2; }
  }
  let kind = LETTER_KINDS.get(cp);
  if (kind === undefined) {
    const ch = String.fromCodePoint(cp);
    kind = P_LU.test(ch) ? 2 : P_L.test(ch) ? 1 : 0;
    LETTER_KINDS.set(cp, kind);
  }
  return kind;
}
const LETTER = /[\p{L}\p{M}_]/u;
/** LETTER over single code units, answered once per code unit (0: not asked yet, 1: a letter, 2: not). */
const LETTER_UNITS = new Uint8Array(0x10000);
/** `isLetterChar(text[i])`: a letter, a combining mark or `_`; false past the end. */
function isLetterAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  let k = LETTER_UNITS[c];
  if (k === 0) LETTER_UNITS[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** Characters glued before a number that make it no figure: `#5`, `+44`, `3/4`, `10:30`, `@2`, `№ 5`, `\\1`, `_1`. */
const BAD_BEFORE = table(new Set([...'#+/:@№\\_'].map(c => c.charCodeAt(0))));
const CURRENCY = table(new Set([...CURRENCY_SYMBOLS].map(c => c.charCodeAt(0))));

/** Why a digit can't start a figure here, looking at the characters glued before it. */
function badBefore(text: string, pos: number): boolean {
  if (pos === 0) return false;
  const p = text.charCodeAt(pos - 1);
  if (isLetterAt(text, pos - 1)) return true;                          // A320, MH17
  if (BAD_BEFORE[p] === 1) return true;                                // #5, +44, 3/4, 10:30
  if (CURRENCY[p] === 1) return true;                                  // $5
  if (p === 46 || p === 44) return pos >= 2 && (isDigit(text.charCodeAt(pos - 2)) || isLetterAt(text, pos - 2)); // v.5, 1.2.3
  if (p === 45 || p === 0x2010 || p === 0x2011 || p === 0x2013 || p === 0x2014) {
    return pos >= 2 && (isDigit(text.charCodeAt(pos - 2)) || isLetterAt(text, pos - 2)); // 555-1234, F-16, COVID-19
  }
  if (p === 32 || p === 0xa0) {
    if (pos >= 2 && CURRENCY[text.charCodeAt(pos - 2)] === 1) return true;  // $ 5
  }
  return false;
}

/** Why nothing glued after the number can be a figure: a time, a date, a fraction, an ordinal. */
function badAfter(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const c = text.charCodeAt(end);
  if (c === 58 || c === 47) return isDigit(unitAt(text, end + 1));
  if (!isLetterAt(text, end)) return false;
  if (c === 115 && !isLetterAt(text, end + 1)) return true;             // 1990s
  // `st`, `nd`, `rd`, `th` in any case (no other character lower-cases to these letters).
  if (end + 1 >= text.length) return false;
  const a = c | 32, b = text.charCodeAt(end + 1) | 32;
  return ((a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104)) &&
    (text.charCodeAt(end + 1) < 128 && c < 128) && !isLetterAt(text, end + 2);
}

/** A unit matched at a position: its spelling, and its end and start (after any separator) from that position. */
interface UnitMatch { spelling: UnitSpelling; end: number; start: number }

/** The unit pattern at `pos`, by the first character: after a separator first, then without it. */
function matchUnit(text: string, pos: number): UnitMatch | null {
  let m: RegExpExecArray | null = null;
  let p: UnitPattern | undefined;
  const c0 = text.charCodeAt(pos);
  if (UNIT_SEP_CHARS[c0] === 1 && pos + 1 < text.length && (p = unitPattern(text.charCodeAt(pos + 1)))) {
    p.re.lastIndex = pos + 1;
    m = p.re.exec(text);
  }
  if (!m && (p = unitPattern(c0))) {
    p.re.lastIndex = pos;
    m = p.re.exec(text);
  }
  if (!m || !p) return null;
  let index = 1;
  while (index < m.length && m[index] === undefined) index++;
  const spelling = p.spellings[index - 1];
  if (!spelling) return null;
  const end = p.re.lastIndex;
  return { spelling, end: end - pos, start: end - m[index].length - pos };
}

function readUnit(scan: SegmentScan, pos: number, amount: number): Quantity | 'rate' | undefined {
  const text = scan.text;
  if (pos >= text.length) return undefined;
  const c0 = text.charCodeAt(pos);
  if (UNIT_FIRST[c0] !== 1 && !(UNIT_SEP_CHARS[c0] === 1 && pos + 1 < text.length && UNIT_FIRST[text.charCodeAt(pos + 1)] === 1)) return undefined;
  const u = matchUnit(text, pos);
  if (!u) return undefined;
  const spelling = u.spelling;
  const end = pos + u.end;
  const unitStart = pos + u.start;
  // The unit as written is `nm` or `m` (compared in place).
  const isNm = end - unitStart === 2 && text.charCodeAt(unitStart) === 110 && text.charCodeAt(unitStart + 1) === 109;
  const isM = end - unitStart === 1 && text.charCodeAt(unitStart) === 109;
  const def = UNITS[spelling.unit];
  if (def.dimension === 'length' || spelling.malformed === undefined) {
    RATE_AFTER.lastIndex = end;
    if (RATE_AFTER.test(text)) return 'rate';
  }
  if (isNm && NANOMETRE_CONTEXT.test(text.slice(end, end + 60))) return undefined;
  if (isM) {
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
  if (!mayStart(text, pos, PERCENT_FIRST, PERCENT_SEP_CHARS)) return undefined;
  PERCENT_RE.lastIndex = pos;
  if (!PERCENT_RE.test(text)) return undefined;
  return { kind: 'percent', end: PERCENT_RE.lastIndex, unit: '%' };
}

/**
 * The end of a word without a possessive or closing quotes (`soldiers'`, `Syria's`): what
 * `word.replace(/(?:['’]s|['’]+)$/, '')` leaves of `text[start, end)`.
 */
function withoutPossessive(text: string, start: number, end: number): number {
  const isQuote = (c: number) => c === 39 || c === 0x2019;
  if (end - start >= 2 && text.charCodeAt(end - 1) === 115 && isQuote(text.charCodeAt(end - 2))) return end - 2;
  let e = end;
  while (e > start && isQuote(text.charCodeAt(e - 1))) e--;
  return e;
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
    const sep = unitAt(text, i);
    if (sep !== 32 && sep !== 0xa0) break;
    WORD_RE.lastIndex = i + 1;
    if (!WORD_RE.test(text)) break;
    const wordStart = i + 1, wordEnd = WORD_RE.lastIndex;
    const raw = text.slice(wordStart, withoutPossessive(text, wordStart, wordEnd));
    const w = raw.toLowerCase();
    if (!found && k === 0 && startsAsciiCapital(raw, 0) && DEMONYMS.has(raw)) {
      found = { kind: 'count', end: wordStart + raw.length, unit: '', noun: w };
      foundRaw = '';
      weak = false;
      // `12 Syrian soldiers` reads on: a demonym followed by a counted noun is a modifier.
      i = wordEnd;
      continue;
    }
    if (COUNT_NOUNS.has(w)) {
      // `two bomb attacks`, `six crew members`: a singular or modifying noun gives way to the next noun.
      if (found && !weak && !SINGULAR_NOUNS.has(found.noun!) && !MODIFYING_NOUNS.has(found.noun!) && foundRaw !== '') break;
      found = { kind: 'count', end: wordStart + raw.length, unit: '', noun: w };
      foundRaw = raw;
      weak = false;
      i = wordEnd;
      if (SINGULAR_NOUNS.has(w) || MODIFYING_NOUNS.has(w)) continue;
      break;
    }
    if (found && !weak) break;
    if (WEAK_NOUNS.has(w)) {
      if (found) break;
      found = { kind: 'count', end: wordStart + raw.length, unit: '', noun: w };
      foundRaw = raw;
      weak = true;
      i = wordEnd;
      continue;
    }
    if (found) break;
    if (modifiers === 2 || COUNT_STOP.has(w) || w.length > 24 || MONTHS.has(raw) || WEEKDAYS.has(raw) || text.charCodeAt(wordEnd - 1) === 45) break;
    modifiers++;
    i = wordEnd;
  }
  if (!found) return undefined;
  // `32 death claims`: a singular noun after a number other than one is a modifier of something else.
  if (amount !== 1 && SINGULAR_NOUNS.has(found.noun!)) return undefined;
  // `Detroit 10 KANSAS CITY 3`, `Aarau 1 Young Boys 0`: capitals in running text make a name.
  if (startsUpper(foundRaw) && !scan.isTitleCase()) return undefined;
  const counted = text.slice(pos, found.end);
  if (twoCapitals(counted) && !scan.isUpperCase()) return undefined;
  // `12 people per km²`, `3 deaths per 100,000`: a rate, not a count.
  if (mayBeRate(text, found.end) && COUNT_RATE.test(text.slice(found.end, found.end + 6))) return undefined;
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

/** Reads the figure at a candidate: sets `scan.mention` when there is one, returns where the scan goes on. */
function figureAt(scan: SegmentScan, start: number): number {
  const text = scan.text;
  const first = text.charCodeAt(start);
  const isDigitStart = isDigit(first);
  let digits: DigitsRead | undefined;
  if (isDigitStart) {
    digits = readDigits(text, start);
    if (!digits) return start + 1;
    if (digits.value === undefined || badBefore(text, start) || badAfter(text, digits.end)) return digits.end;
  }
  const n1 = readNumber(text, start, digits);
  if (!n1) return start + 1;
  if (!n1.multiplied && badAfter(text, n1.end)) return n1.end;

  // What stands before the number.
  const hasPrev = scan.wordBefore(start);
  const prevStart = scan.prevStart, prevDotted = scan.prevDotted;
  let capitalisedLabel = false;
  if (hasPrev) {
    // Labels: `Route 66`, `No. 5`, `per 100,000` (a lower-case `no` without a dot is the determiner).
    // After a period only abbreviations are labels (`No. 5`); `...the road. 12 people` ends a sentence.
    // (The label words are ASCII: a word that is not, or whose hash is none of theirs, is no label.)
    if (!LABELS_ASCII || (scan.prevAscii && LABEL_HASHES.has(scan.prevHash))) {
      const prevWord = scan.prevWord(), lower = prevWord.toLowerCase();
      if (LABEL_WORDS.has(lower) && (prevDotted ? LABEL_ABBREVIATIONS.has(lower) : prevWord !== 'no')) return n1.end;
    }
    const c0 = text.charCodeAt(prevStart);
    if (startsAsciiCapital(text, prevStart)) {
      const prevWord = scan.prevWord(), lower = prevWord.toLowerCase();
      if (MONTHS.has(prevWord)) return n1.end;                                           // March 14
      if (prevWord === 'Rs' || (prevWord.length > 1 && CURRENCY_CODES.has(lower) && prevWord === prevWord.toUpperCase())) {
        return n1.end;                                                                   // USD 5 million
      }
    }
    // A capitalised word names the number (Apollo 11 crew, Boeing 737 passengers, Camp 4 residents) unless
    // it is a sentence's ordinary first word (`Nearly 4,000`, `In 12 villages`) or the line is a Title Case
    // headline. A unit or percent after the number outweighs this (`Dacom 24 percent`, `Olympic 100 metres`).
    if (isDigitStart && (c0 < 128 ? c0 >= 65 && c0 <= 90 : startsUpper(scan.prevWord())) && !prevDotted && !scan.isTitleCase()) {
      const prevWord = scan.prevWord(), lower = prevWord.toLowerCase();
      capitalisedLabel = !CAPITALISED_OK.has(prevWord) && !WEEKDAYS.has(prevWord) &&
        (prevStart > scan.firstLetter || (!SENTENCE_START_OK.has(lower) && !lower.endsWith('ly')));
    }
  }

  // The text before the number that hedges and `between` are looked for in (scan.back caches it).
  let q1 = readQuantity(scan, n1.end, n1.value, false);
  if (q1 === 'rate') return n1.end;

  // A range: `20-25 km`, `20 km to 25 km`, `between 20 and 25 km`, `two or three villages`.
  let lo = n1.value, hi: number | undefined;
  let q: Quantity | undefined;
  let end = n1.end;
  RANGE_SEP.lastIndex = q1 ? q1.end : n1.end;
  const sep = q1?.millions || !mayBeRangeSep(text, RANGE_SEP.lastIndex) ? null : RANGE_SEP.exec(text);
  if (sep && !FROM_RE.test(scan.back(start)) && (sep[1]?.toLowerCase() !== 'and' || BETWEEN_RE.test(scan.back(start)))) {
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
    if (!q1) return n1.end;
    q = q1;
    end = q1.end;
    if (q1.millions) lo = scale(lo, 1e6);
  }

  // Years: `in 2017 people fled`, `since 1990 refugees`, `March 12, 2023 soldiers` (units are strong
  // enough to override).
  if (n1.yearLike && lo >= 1800 && lo <= 2100 && (q.kind === 'count' || q.kind === 'percent') &&
      ((hasPrev && YEAR_PREPOSITIONS.has(scan.prevWord().toLowerCase())) || AFTER_DAY.test(scan.back(start)))) {
    return n1.end;
  }
  if (capitalisedLabel && q.kind === 'count') return end;
  // Proportions: `1 in 5 children`, `3 out of 10 people` count no children and no people.
  const backStart = Math.max(0, start - LOOK_BACK);
  if (q.kind === 'count' && endsWithWordAndSpace(text, backStart, start, PROPORTION_LAST) && PROPORTION.test(scan.back(start))) return end;

  // Hedges before the number.
  let qualifier: string | undefined;
  const qm = qualifierAt(text, backStart, start);
  if (qm) {
    // `c.` and `ca.` only in lower case and not as the end of an abbreviation (`Washington D.C. 5 km`).
    const c0 = text.charCodeAt(qm.start);
    if (!((c0 === 99 || c0 === 67) && text.charCodeAt(qm.end - 1) === 46 &&
        (c0 === 67 || (qm.matchStart < qm.start && text.charCodeAt(qm.matchStart) === 46)))) {
      qualifier = qualifierText(text, qm);
    }
  }
  if (!qualifier && tildeBefore(text, backStart, start)) qualifier = '~';

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
  scan.mention = mention;
  return end;
}

export const figures: SegmentRecognizer = {
  id: 'figures',
  categories: ['distance', 'area', 'count', 'percent'],
  priority: 50,
  recognize(segment) {
    const text = segment.text;
    const out: Mention[] = [];
    if (text.length === 0) return out;
    const re = NUMBER_CANDIDATE;
    re.lastIndex = 0;
    // Most sentences hold no number: the scan state is made at the first candidate.
    let scan: SegmentScan | undefined;
    // `test` rather than `exec` (no match array per candidate): a candidate is one digit, or a number word
    // (letters only, after a word boundary) whose start is found back from the match's end.
    while (re.test(text)) {
      scan ??= new SegmentScan(text);
      let start = re.lastIndex - 1;
      if (!isDigit(text.charCodeAt(start))) while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
      scan.mention = undefined;
      const next = figureAt(scan, start);
      if (scan.mention) out.push(scan.mention);
      re.lastIndex = Math.max(next, start + 1);
    }
    return out;
  },
};

/** For tests and benchmarks: the recognizer over a bare string. */
export function recognizeFigures(text: string): Mention[] {
  return figures.recognize({ start: 0, end: text.length, text }, undefined as never);
}

