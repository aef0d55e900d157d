// Document-level place linking: which gazetteer entry each place name means, and whether a name the
// gazetteer recognizer proposed is a place at all.
//
// One sense per discourse: all mentions of one spelling get one entry. Scores start from the entry's prior
// (population, kind), a strict-spelling bonus and the kind of name that matched (primary, alternate,
// demonym), then add what the document says: its country focus and first-level-region focus (shares of the
// other names' choices), closeness to the other places named (anchors), and `Place, Region` containment
// (Alexandria, Va.; Paris, Texas). Two rounds of re-scoring after the first choice.
//
// After an edit, the last run's document-level choice is reused when the groups the rounds read are the same
// (sameGroups): only the per-mention acceptance runs again. `linkerOptions.reuse = false` turns that off.

import {
  CLS_ADMIN1, CLS_ADMIN2, CLS_CAPITAL, CLS_COUNTRY, CLS_FEATURE, CLS_PLACE, CLS_REGION, CLS_SEAT1, CLS_SEAT2, CLS_SECTION,
  POST_ABBREV, POST_ALT, POST_DEMONYM, POST_PRIMARY,
} from './format';
import { distanceKm, Gazetteer } from './gazetteer';
import {
  candEntry, candFlag, candStrict, EV_COMMA_AFTER, EV_COMMA_BEFORE, EV_DATELINE, EV_DIRECTION, EV_INITIAL, EV_MULTI,
  EV_OF_BEFORE, EV_ORG_AFTER, EV_PREP, EV_RUN_AFTER, EV_RUN_BEFORE, EV_STOPWORD, EV_TITLE,
} from './evidence';

export interface LinkInput {
  start: number;
  end: number;
  /** Strict key of the name (groups the mentions of one spelling). */
  key: string;
  /** Packed candidates (evidence.ts). */
  cands: number[];
  /** Evidence bits from the gazetteer recognizer (0 for names from other recognizers). */
  ev: number;
  /** Another recognizer (NER) says this is a place. */
  confirmed: boolean;
  /** The name modifies a longer name the NER found (Texas Department of..., Georgian Interior Ministry). */
  modifier?: boolean;
  /** The name is the subject of a verb (Washington has declared, Moscow denied): a government that acts. */
  acting?: boolean;
  /**
   * The name is written in capitals: longer than two characters, no white space or lower-case letter (read
   * only for names not confirmed). Tested on `text` when not given.
   */
  caps?: boolean;
}

export interface LinkOutput {
  /** The chosen entry, or -1. */
  entry: number;
  /** Whether the mention is a place (always true for confirmed mentions). */
  accept: boolean;
  score: number;
  /** Score margin over the runner-up (confidence). */
  margin: number;
  /** Score margin over the best candidate more than 161 km away from the chosen one (Infinity: none). */
  farMargin: number;
  /** That candidate, or -1. */
  rival: number;
}

/**
 * The candidates of one run, as columns indexed by candidate (a group's candidates are the range
 * [c0, c0 + cn)): one buffer per run instead of an object (and boxed numbers) per candidate.
 */
class Cands {
  readonly entry: Int32Array; readonly cls: Int32Array;
  /** Country and first-level region as small numbers (-1: none; see FactMemo.intern). */
  readonly ci: Int32Array; readonly ai: Int32Array;
  readonly base: Float64Array;
  /** The score of the last round (-Infinity: not needed there, see the rounds), and its focus part. */
  readonly score: Float64Array; readonly part: Float64Array;
  readonly lat: Float64Array; readonly lon: Float64Array; readonly cosLat: Float64Array; readonly pop: Float64Array;
  readonly flag: Uint8Array; readonly strict: Uint8Array; readonly unresolved: Uint8Array;
  /** cls is one of POINT_CLASSES. */
  readonly point: Uint8Array;
  /**
   * The support sum (finishScore) and the anchors' version it was computed with (0: none): the anchors of a
   * round are most often those of the round before, and the sum depends only on them and the candidate.
   */
  readonly support: Float64Array; readonly supportV: Int32Array;
  /** `This, That` containment (finishScore), made once: 1 known, | 2 inside a next group's region, | 4 contains a previous group's place. */
  readonly contain: Uint8Array;
  /** How many candidates fit. */
  readonly capacity: number;
  constructor(n: number) {
    this.capacity = n;
    const buf = new ArrayBuffer(n * (8 * 8 + 5 * 4 + 5));
    let at = 0;
    const f64 = () => { const a = new Float64Array(buf, at, n); at += n * 8; return a; };
    const i32 = () => { const a = new Int32Array(buf, at, n); at += n * 4; return a; };
    const u8 = () => { const a = new Uint8Array(buf, at, n); at += n; return a; };
    this.base = f64(); this.score = f64(); this.part = f64(); this.lat = f64(); this.lon = f64(); this.cosLat = f64(); this.pop = f64();
    this.support = f64();
    this.entry = i32(); this.cls = i32(); this.ci = i32(); this.ai = i32(); this.supportV = i32();
    this.flag = u8(); this.strict = u8(); this.unresolved = u8(); this.point = u8(); this.contain = u8();
  }
}

/**
 * What the linker reads of an entry, read once per entry (the same places recur on every edit), as columns by
 * slot; and countries and first-level regions as small numbers (the focus weights are arrays, not maps, in the
 * rounds below). The slot of a compiled entry is found through a typed array indexed by entry (a look-up per
 * candidate: cheaper than a large Map); the analyst's entries through a Map.
 */
class FactMemo {
  readonly ids = new Map<string, number>();
  /** Slots made. */
  size = 0;
  cls = new Int32Array(1024); ci = new Int32Array(1024); ai = new Int32Array(1024);
  prior = new Float64Array(1024); lat = new Float64Array(1024); lon = new Float64Array(1024);
  cosLat = new Float64Array(1024); pop = new Float64Array(1024);
  unresolved = new Uint8Array(1024); point = new Uint8Array(1024);
  /** `slotOf[entry]` is slot + 1 (0: not made yet). */
  private readonly slotOf: Int32Array;
  private readonly extra = new Map<number, number>();
  constructor(private readonly gz: Gazetteer) { this.slotOf = new Int32Array(gz.baseCount); }
  private intern(k: string): number {
    if (!k) return -1;
    let v = this.ids.get(k);
    if (v === undefined) this.ids.set(k, v = this.ids.size);
    return v;
  }
  /** The slot of an entry's facts. */
  of(entry: number): number {
    const slotOf = this.slotOf;
    if (entry < slotOf.length) {
      const k = slotOf[entry];
      if (k !== 0) return k - 1;
      const f = this.make(entry);
      slotOf[entry] = f + 1;
      return f;
    }
    let f = this.extra.get(entry);
    if (f === undefined) this.extra.set(entry, f = this.make(entry));
    return f;
  }
  private make(entry: number): number {
    const gz = this.gz;
    const f = this.size++;
    if (f === this.cls.length) this.grow();
    const cc = gz.country(entry), adm = gz.adminKey(entry), lat = gz.lat(entry), cls = gz.cls(entry);
    this.cls[f] = cls; this.prior[f] = gz.prior(entry); this.unresolved[f] = gz.unresolved(entry) ? 1 : 0;
    this.lat[f] = lat; this.lon[f] = gz.lon(entry); this.cosLat[f] = Math.cos(lat * RAD);
    this.ci[f] = this.intern(cc); this.ai[f] = this.intern(adm); this.pop[f] = gz.population(entry); this.point[f] = POINT_CLASSES.has(cls) ? 1 : 0;
    return f;
  }
  private grow(): void {
    const n = this.cls.length * 2;
    const g = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T => { b.set(a); return b; };
    this.cls = g(this.cls, new Int32Array(n)); this.ci = g(this.ci, new Int32Array(n)); this.ai = g(this.ai, new Int32Array(n));
    this.prior = g(this.prior, new Float64Array(n)); this.lat = g(this.lat, new Float64Array(n)); this.lon = g(this.lon, new Float64Array(n));
    this.cosLat = g(this.cosLat, new Float64Array(n)); this.pop = g(this.pop, new Float64Array(n));
    this.unresolved = g(this.unresolved, new Uint8Array(n)); this.point = g(this.point, new Uint8Array(n));
  }
}
const factMemos = new WeakMap<Gazetteer, FactMemo>();
function factsOf(gz: Gazetteer): FactMemo {
  let m = factMemos.get(gz);
  // Started afresh before a run when large (never during one: the small numbers must hold for the run).
  if (!m || m.size > 200000) factMemos.set(gz, m = new FactMemo(gz));
  return m;
}
interface Group {
  key: string;
  /** The group's candidates: [c0, c0 + cn) in the run's Cands. */
  c0: number; cn: number;
  choice: number; // index into the run's Cands, -1 none
  margin: number;
  ev: number;      // OR of members' evidence
  confirmed: boolean;
  /** Groups of names written right after this one as `This, That`. */
  next: readonly number[];
  prev: readonly number[];
  count: number;
  acting: boolean;
  /** The SUPPORT_CANDIDATES-th best base score (only the better candidates compete for support). */
  supportCut: number;
  /** The packed candidates of the group's first mention that has some, and whether that mention acts. */
  src: number[] | undefined;
  srcActing: boolean;
}

/**
 * `prune`: skip, in each round, the full score of candidates that can be neither a name's choice nor its
 * runner-up (the results are the same; tests turn it off to compare). `reuse`: take the last run's choices when
 * the groups the rounds read are the same (sameGroups; the results are the same; tests turn it off to compare).
 * `memo`: within a run, keep a candidate's support sum while the anchors stay those of the round before, its
 * `This, That` containment, and a name's vote while its choice and confidence stay the same (the results are
 * the same; tests turn it off to compare).
 */
export const linkerOptions = { prune: true, reuse: true, memo: true };
/**
 * How many runs reused the last run's choices, and how many ran the rounds; how many rounds after the first kept
 * the anchors of the round before and how many had new ones (for tests and benchmarks).
 */
export const linkerStats = { reused: 0, full: 0, anchorsKept: 0, anchorsChanged: 0 };

const COUNTRY_FOCUS = 5;
const MAX_ROUNDS = 5;
const SUPPORT = 1.5;
const CENTRE = 1;
const RAD = Math.PI / 180;
/** Weight of the prior (population, kind) against the document's evidence. */
const POP_SCALE = 0.85;
const MAX_ANCHOR_GROUPS = 40;
const ANCHOR_CANDIDATES = 6;
const SUPPORT_CANDIDATES = 10;
/** Support counts nothing beyond 400 km: the anchors' latitude window in degrees. */
const LAT_WINDOW = 400 / 111.2 + 0.01;
/** How much a name's own evidence weighs as an anchor for the others. */
function weightOf(G: Group): number {
  return (G.confirmed ? 2 : 0) + ((G.ev & CUES) ? 1 : 0) + ((G.ev & EV_MULTI) ? 1 : 0) + Math.min(G.count, 3) * 0.3 + Math.min(G.margin, 3) * 0.2;
}
const ADMIN_FOCUS = 3;
const POINT_CLASSES = new Set([CLS_PLACE, CLS_SEAT2, CLS_SEAT1, CLS_CAPITAL, CLS_ADMIN2, CLS_FEATURE, CLS_SECTION]);
const CUES = EV_PREP | EV_DIRECTION | EV_DATELINE | EV_COMMA_AFTER | EV_COMMA_BEFORE;

function isCityClass(cls: number): boolean { return cls === CLS_PLACE || cls === CLS_SEAT1 || cls === CLS_SEAT2 || cls === CLS_CAPITAL || cls === CLS_SECTION; }

/**
 * Links the inputs. `order`, when given, is the inputs' order by start (a stable sort: ties in input order),
 * which the caller may have at hand.
 */
export function linkPlaces(inputs: readonly LinkInput[], gz: Gazetteer, text: string, order?: ArrayLike<number>): LinkOutput[] {
  const n = inputs.length;
  const out: LinkArrays = {
    accept: new Uint8Array(n), entry: new Int32Array(n), score: new Float64Array(n), margin: new Float64Array(n),
    farMargin: new Float64Array(n), rival: new Int32Array(n),
  };
  linkPlacesInto(inputs, gz, text, out, order);
  const result: LinkOutput[] = new Array(n);
  for (let i = 0; i < n; i++) {
    result[i] = { entry: out.entry[i], accept: out.accept[i] === 1, score: out.score[i], margin: out.margin![i], farMargin: out.farMargin[i], rival: out.rival[i] };
  }
  return result;
}

/** The linker's outputs as arrays by input (LinkOutput's fields; `margin` when wanted). */
export interface LinkArrays {
  accept: Uint8Array; entry: Int32Array; score: Float64Array; margin?: Float64Array; farMargin: Float64Array; rival: Int32Array;
}

/**
 * The `next` and `prev` of a group without `This, That` links (most): one shared empty list, never changed
 * (replaced by a new list when a link comes; not frozen: the lists keep one elements kind for V8).
 */
const NO_GROUPS: readonly number[] = [];

/** `linkPlaces` writing into arrays (at least as long as the inputs): no object per input. */
export function linkPlacesInto(inputs: readonly LinkInput[], gz: Gazetteer, text: string, out: LinkArrays, order?: ArrayLike<number>): void {
  // ---- groups (their candidates are made only when the rounds run, see below)
  let groups: Group[] = [];
  const byKey = new Map<string, number>();
  const groupOf = new Int32Array(inputs.length);
  const facts = factsOf(gz);
  for (let i = 0; i < inputs.length; i++) {
    const m = inputs[i];
    let g = byKey.get(m.key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(m.key, g);
      groups.push({ key: m.key, c0: 0, cn: 0, choice: -1, margin: 0, ev: 0, confirmed: false, next: NO_GROUPS, prev: NO_GROUPS, count: 0, acting: true, supportCut: -Infinity, src: undefined, srcActing: false });
    }
    const G = groups[g];
    G.ev |= m.ev;
    G.confirmed ||= m.confirmed;
    G.acting &&= !!m.acting;
    G.count++;
    if (G.src === undefined && m.cands.length > 0) { G.src = m.cands; G.srcActing = !!m.acting; }
    groupOf[i] = g;
  }
  // `This, That` pairs (Alexandria, Va.).
  order ??= inputs.map((_, i) => i).sort((a, b) => inputs[a].start - inputs[b].start);
  for (let q = 0; q + 1 < inputs.length; q++) {
    const a = inputs[order[q]], b = inputs[order[q + 1]];
    if (b.start - a.end > 4 || b.start <= a.end) continue;
    if (!/^\s*,\s*$/.test(text.slice(a.end, b.start))) continue;
    const ga = groupOf[order[q]], gb = groupOf[order[q + 1]];
    if (ga === gb) continue;
    const A = groups[ga], B = groups[gb];
    if (!A.next.includes(gb)) A.next = A.next === NO_GROUPS ? [gb] : [...A.next, gb];
    if (!B.prev.includes(ga)) B.prev = B.prev === NO_GROUPS ? [ga] : [...B.prev, ga];
  }

  // ---- the document-level choice: the last run's when every group's summary is the same (see sameGroups:
  // all the rounds read), else the rounds.
  let K: Cands, farM: Float64Array, farRival: Int32Array;
  const last = linkerOptions.reuse ? lastRuns.get(gz) : undefined;
  if (last && last.facts === facts && sameGroups(last.groups, groups)) {
    groups = last.groups;
    K = last.K; farM = last.farM; farRival = last.farRival;
    linkerStats.reused++;
  } else {
    let total = 0;
    for (const G of groups) if (G.src) total += G.src.length;
    // The last run's columns when they are large enough (no one reads them once this run starts), else new ones.
    if (last && last.K.capacity >= total) {
      K = last.K;
      K.supportV.fill(0, 0, total); K.contain.fill(0, 0, total);
    } else K = new Cands(Math.max(total, last ? Math.floor(last.K.capacity * 1.5) : 0, 256));
    let at = 0;
    for (const G of groups) at = makeCands(G, K, at, facts, gz);
    farM = new Float64Array(groups.length); farRival = new Int32Array(groups.length);
    chooseAll(groups, K, gz, facts, farM, farRival);
    if (linkerOptions.reuse) lastRuns.set(gz, { facts, groups, K, farM, farRival });
    linkerStats.full++;
  }

  // ---- acceptance (the keys accepted: by group, one group per key)
  const acceptedGroups = new Uint8Array(groups.length);
  const decide = (i: number): boolean => {
    const m = inputs[i];
    const G = groups[groupOf[i]];
    if (m.confirmed) return true;
    if (G.choice < 0) return false;
    const c = G.choice;
    const ev = m.ev;
    if (ev & EV_TITLE) return false;
    const cue = (ev & CUES) !== 0;
    const big = K.cls[c] === CLS_COUNTRY || K.cls[c] === CLS_ADMIN1 || K.cls[c] === CLS_REGION;
    // A single word in capitals that the name tagger did not take for a place (CRICKET, TENNIS in a headline):
    // only a country, region or state, a dateline, or a cued name.
    if (!big && !cue && !(ev & EV_DATELINE) && (m.caps ?? (m.end - m.start > 2 && !/[\s\p{Ll}]/u.test(text.slice(m.start, m.end))))) return false;
    const pop = K.pop[c];
    if (ev & EV_STOPWORD) return cue && (K.strict[c] === 1) && (big || pop >= 10000);
    if (K.flag[c] === POST_ABBREV) return true;
    // A place naming an organisation or event (Texas Department of..., Dublin City Council, Georgian Interior
    // Ministry): a place when the name is spelled as in the gazetteer and not a mere village.
    if (m.modifier || (ev & EV_ORG_AFTER)) {
      return (K.strict[c] === 1) && K.flag[c] !== POST_ALT && (big || K.cls[c] === CLS_ADMIN2 || K.cls[c] === CLS_FEATURE || K.cls[c] === CLS_CAPITAL ||
        K.cls[c] === CLS_SEAT1 || K.flag[c] === POST_DEMONYM || pop >= 20000);
    }
    if (ev & (EV_RUN_BEFORE | EV_RUN_AFTER)) {
      // Part of a longer capitalised name: only a country, a region or a state stands out of it; other names
      // only when the document names them as places elsewhere (second pass).
      return big && (K.strict[c] === 1) && K.flag[c] !== POST_DEMONYM;
    }
    if (!(K.strict[c] === 1)) {
      return (ev & (EV_MULTI | CUES)) !== 0 && (pop >= 10000 || big) && K.cls[c] !== CLS_SECTION && looseSupported(c);
    }
    if (big || K.cls[c] === CLS_ADMIN2 || K.cls[c] === CLS_FEATURE) return true;
    if (K.cls[c] === CLS_CAPITAL || pop >= 100000) return true;
    if (K.cls[c] === CLS_SECTION && !cue) return false;
    if ((ev & EV_INITIAL) && !cue) return pop >= 50000 || K.cls[c] === CLS_SEAT1;
    if (cue) return true;
    if ((ev & EV_MULTI) && (pop >= 1000 || K.cls[c] === CLS_SEAT1 || K.cls[c] === CLS_SEAT2)) return true;
    if (ev & EV_OF_BEFORE) return false;
    return G.margin >= 1 && K.score[c] - K.base[c] >= 1.5 && pop >= 1000;
  };
  /**
   * Whether a choice matched only by transliteration has support from the rest of the article (its score above its
   * base: places around it, the article's countries). Without it, a far namesake (`Ras Isa` in Yemen ~ Cyangugu,
   * Rwanda) is no link. Measured with and without it (2026-11-25): CoNLL valid LOC precision 88.95 -> 89.69
   * (PER+LOC+ORG 90.42 -> 90.57); LGL recall@161 0.673 either way, its places overlapping no gold toponym 871 -> 854;
   * GeoVirus acc@161 0.831 -> 0.833, recall 0.744 either way.
   */
  const looseSupported = (c: number): boolean => K.strict[c] === 1 || K.score[c] - K.base[c] >= 1;
  // Two passes: names accepted on their own first, then repeats of accepted names.
  const { accept, entry, score, margin, farMargin, rival } = out;
  for (let i = 0; i < inputs.length; i++) {
    const g = groupOf[i];
    const G = groups[g];
    const m = inputs[i];
    if (decide(i)) {
      accept[i] = 1;
      if (!(m.ev & (EV_INITIAL | EV_STOPWORD | EV_RUN_BEFORE | EV_RUN_AFTER)) || m.confirmed) acceptedGroups[g] = 1;
    } else accept[i] = 0;
    // A place the tagger confirms whose only match is another spelling with nothing around it for it (`Ras Isa`,
    // a Yemeni port, and Cyangugu in Rwanda): a place, left unlinked.
    if (G.choice >= 0 && !(m.confirmed && !looseSupported(G.choice))) {
      const c = G.choice;
      entry[i] = K.entry[c]; score[i] = K.score[c]; if (margin) margin[i] = G.margin; farMargin[i] = farM[g]; rival[i] = farRival[g];
    } else {
      entry[i] = -1; score[i] = 0; if (margin) margin[i] = 0; farMargin[i] = Infinity; rival[i] = -1;
    }
  }
  for (let i = 0; i < inputs.length; i++) {
    if (accept[i] || !acceptedGroups[groupOf[i]]) continue;
    const ev = inputs[i].ev;
    if (ev & EV_TITLE) continue;
    if ((ev & EV_STOPWORD) && !(ev & CUES)) continue;
    accept[i] = 1;
  }
}

/** What the last run chose, per gazetteer: reused while the groups' summaries stay the same. */
interface LastRun { facts: FactMemo; groups: Group[]; K: Cands; farM: Float64Array; farRival: Int32Array }
const lastRuns = new WeakMap<Gazetteer, LastRun>();
/** The evidence bits of a group that the rounds read (weightOf, voteOf). */
const GROUP_EV = CUES | EV_MULTI;

/**
 * Whether the rounds would see the same groups: the same keys in the same order, the same candidates from
 * the same first mention (and its `acting`, which the bases read), the evidence bits, `confirmed` and
 * `acting` the rounds read, the count as far as they read it (up to 4), and the same `This, That` links.
 * Offsets and each mention's own evidence are not read by the rounds (only by the acceptance, run each time).
 */
function sameGroups(a: Group[], b: Group[]): boolean {
  if (a.length !== b.length) return false;
  for (let gi = 0; gi < a.length; gi++) {
    const x = a[gi], y = b[gi];
    if (x.key !== y.key || (x.ev & GROUP_EV) !== (y.ev & GROUP_EV) || x.confirmed !== y.confirmed || x.acting !== y.acting ||
      Math.min(x.count, 4) !== Math.min(y.count, 4) || x.srcActing !== y.srcActing || !sameNumbers(x.src, y.src) ||
      !sameNumbers(x.next, y.next) || !sameNumbers(x.prev, y.prev)) return false;
  }
  return true;
}
function sameNumbers(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The group's candidates with their base scores, from its first mention that has candidates, written at `at`. Returns the end. */
function makeCands(G: Group, K: Cands, at: number, facts: FactMemo, gz: Gazetteer): number {
  const src = G.src;
  G.c0 = at; G.cn = 0;
  if (!src) return at;
  const anyStrict = src.some(candStrict);
  for (let q = 0; q < src.length; q++) {
    const c = src[q];
    const entry = candEntry(c), flag = candFlag(c), strict = candStrict(c);
    const f = facts.of(entry);
    const cls = facts.cls[f];
    let base = POP_SCALE * facts.prior[f] + (strict ? 2 : anyStrict ? -6 : 0) +
      (flag === POST_PRIMARY ? 1 : flag === POST_DEMONYM ? 1 : flag === POST_ABBREV ? 1 : 0);
    const unresolved = facts.unresolved[f];
    if (unresolved) base -= 0.5;
    // The analyst's own entries (dateline.gazetteers) are what they want this name to mean.
    if (entry >= gz.baseCount) base += 5;
    // A capital that acts is the capital (Moscow denied: not Moscow, Idaho).
    if (G.srcActing && (cls === CLS_CAPITAL || cls === CLS_COUNTRY)) base += 3;
    K.entry[at] = entry; K.flag[at] = flag; K.strict[at] = strict ? 1 : 0; K.cls[at] = cls;
    K.base[at] = base; K.score[at] = base; K.part[at] = base;
    K.unresolved[at] = unresolved; K.lat[at] = facts.lat[f]; K.lon[at] = facts.lon[f]; K.cosLat[at] = facts.cosLat[f];
    K.ci[at] = facts.ci[f]; K.ai[at] = facts.ai[f]; K.pop[at] = facts.pop[f]; K.point[at] = facts.point[f];
    at++;
  }
  const c0 = G.c0;
  G.cn = at - c0;
  // A first-level region named after its own chief city (Aleppo, Baghdad, Damascus governorates) is the city,
  // which keeps the region's standing: the region's English name may be the city's only as an alternate name
  // (the canton of Geneva and Genève), and the city is then no weaker than a namesake elsewhere.
  for (let c = c0; c < at; c++) {
    if (K.cls[c] !== CLS_ADMIN1) continue;
    const ak = K.ai[c];
    if (ak < 0) continue;
    for (let o = c0; o < at; o++) {
      if (isCityClass(K.cls[o]) && (K.strict[o] || !K.strict[c]) && K.ai[o] === ak && (K.pop[o] >= 20000 || K.cls[o] === CLS_SEAT1)) {
        if (K.base[o] < K.base[c]) K.base[o] = K.score[o] = K.part[o] = K.base[c];
        K.base[c] -= 6;
        break;
      }
    }
  }
  if (G.cn > SUPPORT_CANDIDATES) {
    if (baseScratch.length < G.cn) baseScratch = new Float64Array(G.cn * 2);
    for (let q = 0; q < G.cn; q++) baseScratch[q] = K.base[c0 + q];
    // The SUPPORT_CANDIDATES-th best base.
    G.supportCut = baseScratch.subarray(0, G.cn).sort()[G.cn - SUPPORT_CANDIDATES];
  }
  return at;
}
let baseScratch = new Float64Array(64);

/** The rounds: each group's choice and margin, and its margin over its best far-away rival. */
function chooseAll(groups: Group[], K: Cands, gz: Gazetteer, facts: FactMemo, farM: Float64Array, farRival: Int32Array): void {
  // ---- initial choice by prior
  for (const G of groups) choose(G, K, false);
  const nIds = facts.ids.size;

  // Each name's vote for the document's focus (country, first-level region, centre), kept current as choices
  // change: names are re-scored one after another (most confident first), each seeing the others' latest
  // choices, so that two names that fit together settle together instead of flipping in turn.
  const run = new Rounds(groups, K, gz, nIds);
  for (let gi = 0; gi < groups.length; gi++) run.voteOf(gi);
  for (let gi = 0; gi < groups.length; gi++) run.apply(gi, 1);
  const weights = new Float64Array(groups.length);
  for (let gi = 0; gi < groups.length; gi++) weights[gi] = weightOf(groups[gi]);
  const order2 = groups.map((_, gi) => gi).sort((a, b) => weights[b] - weights[a]);
  // The anchor names are scored in full (their best few candidates by score make the next round's anchors).
  const anchorGroups = order2.slice(0, MAX_ANCHOR_GROUPS);
  for (const gi of anchorGroups) run.full[gi] = 1;
  for (let round = 0, changed = true; round < MAX_ROUNDS && changed; round++) {
    changed = false;
    run.anchors(anchorGroups);
    for (const gi of order2) if (run.scoreGroup(gi)) changed = true;
  }

  for (let gi = 0; gi < groups.length; gi++) run.far(gi, farM, farRival);
}

/** The rounds of re-scoring: the focus votes, the anchors and each group's view of its last round. */
class Rounds {
  readonly countryW: Float64Array;
  readonly adminW: Float64Array;
  total = 0; sx = 0; sy = 0; sz = 0;
  /** Each group's current vote: country and region (-1 none), weight and its point on the unit sphere, weighted. */
  readonly vC: Int32Array; readonly vA: Int32Array;
  readonly vW: Float64Array; readonly vX: Float64Array; readonly vY: Float64Array; readonly vZ: Float64Array;
  /** Each group's centre of the last round it was scored in, and its anchor number (what completing a skipped candidate's score needs). */
  readonly gHas: Uint8Array; readonly gLat: Float64Array; readonly gLon: Float64Array; readonly gCos: Float64Array; readonly gSelf: Int32Array;
  /** Anchor number of each group this round (-1: none). */
  readonly selfOf: Int32Array;
  /** Groups scored in full. */
  readonly full: Uint8Array;
  /** The choice and confidence each group's vote was last made from (-2: none yet): the vote is a function of them. */
  readonly vChoice: Int32Array; readonly vConf: Float64Array;
  private anchorGi: number[] = [];
  readonly R: RoundState;

  constructor(private readonly groups: Group[], private readonly K: Cands, private readonly gz: Gazetteer, nIds: number) {
    const n = groups.length;
    this.countryW = new Float64Array(nIds); this.adminW = new Float64Array(nIds);
    this.vC = new Int32Array(n); this.vA = new Int32Array(n);
    this.vW = new Float64Array(n); this.vX = new Float64Array(n); this.vY = new Float64Array(n); this.vZ = new Float64Array(n);
    this.gHas = new Uint8Array(n); this.gLat = new Float64Array(n); this.gLon = new Float64Array(n); this.gCos = new Float64Array(n);
    this.gSelf = new Int32Array(n); this.selfOf = new Int32Array(n).fill(-1); this.full = new Uint8Array(n);
    this.vChoice = new Int32Array(n).fill(-2); this.vConf = new Float64Array(n);
    this.R = {
      aLat: new Float64Array(0), aLon: new Float64Array(0), aCos: new Float64Array(0), aK: new Int32Array(0), nAnchors: 0, version: 0,
      latWindow: LAT_WINDOW, dminOf: new Float64Array(MAX_ANCHOR_GROUPS).fill(Infinity), touched: new Int32Array(MAX_ANCHOR_GROUPS + 1),
    };
  }

  voteOf(gi: number): void {
    const G = this.groups[gi];
    const vC = this.vC, vA = this.vA, vW = this.vW, vX = this.vX, vY = this.vY, vZ = this.vZ;
    if (G.choice < 0) { vC[gi] = -1; vA[gi] = -1; vW[gi] = 0; vX[gi] = 0; vY[gi] = 0; vZ[gi] = 0; this.vChoice[gi] = -2; return; }
    const K = this.K, c = G.choice;
    const conf = 0.3 + 0.7 * Math.min(1, G.margin / 3);
    // The same choice and confidence as last time (a name far ahead of its rivals, or with one candidate): the same vote.
    if (this.vChoice[gi] === c && this.vConf[gi] === conf && linkerOptions.memo) return;
    this.vChoice[gi] = c; this.vConf[gi] = conf;
    const cls = K.cls[c];
    // A village's vote counts little: a stray match (a surname that is also a hamlet) must not swing the focus.
    const plausibility = Math.max(0.15, Math.min(1, (this.gz.prior(K.entry[c]) - 3) / 4));
    // A government acting through its capital or country says little about where the story happens.
    const w = (G.acting ? 0.3 : 1) * conf * plausibility * Math.sqrt(Math.min(G.count, 4)) * (cls === CLS_COUNTRY ? 1.5 : 1) *
      (G.confirmed || (G.ev & (CUES | EV_MULTI)) ? 1 : 0.6);
    let x = 0, y = 0, z = 0;
    if (!K.unresolved[c] && cls !== CLS_REGION) {
      const la = K.lat[c] * RAD, lo = K.lon[c] * RAD;
      x = w * Math.cos(la) * Math.cos(lo); y = w * Math.cos(la) * Math.sin(lo); z = w * Math.sin(la);
    }
    vC[gi] = K.ci[c]; vA[gi] = cls === CLS_COUNTRY || cls === CLS_REGION ? -1 : K.ai[c];
    vW[gi] = w; vX[gi] = x; vY[gi] = y; vZ[gi] = z;
  }

  apply(gi: number, sign: number): void {
    const w = this.vW[gi];
    if (this.vC[gi] >= 0) this.countryW[this.vC[gi]] += sign * w;
    if (this.vA[gi] >= 0) this.adminW[this.vA[gi]] += sign * w;
    this.total += sign * w; this.sx += sign * this.vX[gi]; this.sy += sign * this.vY[gi]; this.sz += sign * this.vZ[gi];
  }

  /**
   * Anchor points of the support term, sorted by latitude: a candidate looks only at the points less than
   * 400 km north or south of it (support counts nothing beyond), so the cost does not grow with the anchors.
   * Support: for each other name, its candidate closest to this one (among its best few), so that two names
   * that fit together (Paris and Henry County, Tennessee) find each other even when each first chose elsewhere.
   */
  anchors(anchorGroups: number[]): void {
    const groups = this.groups, R = this.R, K = this.K;
    const oldGi = this.anchorGi;
    for (const gi of oldGi) this.selfOf[gi] = -1;
    const anchorGi: number[] = this.anchorGi = [];
    const pts: { lat: number; lon: number; cos: number; k: number }[] = [];
    for (const gi of anchorGroups) {
      const G = groups[gi];
      const all: number[] = new Array(G.cn);
      for (let q = 0; q < G.cn; q++) all[q] = G.c0 + q;
      const score = K.score;
      const best = all.sort((a, b) => score[b] - score[a]).slice(0, ANCHOR_CANDIDATES)
        .filter(c => K.point[c] === 1 && !K.unresolved[c]);
      if (best.length === 0) continue;
      const k = anchorGi.length;
      this.selfOf[gi] = k;
      anchorGi.push(gi);
      for (const c of best) pts.push({ lat: K.lat[c], lon: K.lon[c], cos: Math.cos(K.lat[c] * RAD), k });
    }
    pts.sort((a, b) => a.lat - b.lat);
    // The same anchors as the last round's (most rounds): the support sums made then still hold.
    let same = R.version > 0 && pts.length === R.aLat.length && anchorGi.length === oldGi.length;
    for (let q = 0; same && q < anchorGi.length; q++) if (anchorGi[q] !== oldGi[q]) same = false;
    for (let q = 0; same && q < pts.length; q++) {
      const p = pts[q];
      if (p.lat !== R.aLat[q] || p.lon !== R.aLon[q] || p.cos !== R.aCos[q] || p.k !== R.aK[q]) same = false;
    }
    R.nAnchors = anchorGi.length;
    if (R.version > 0) { if (same) linkerStats.anchorsKept++; else linkerStats.anchorsChanged++; }
    if (same && linkerOptions.memo) return;
    R.version++;
    const aLat = R.aLat = new Float64Array(pts.length), aLon = R.aLon = new Float64Array(pts.length);
    const aCos = R.aCos = new Float64Array(pts.length), aK = R.aK = new Int32Array(pts.length);
    for (let q = 0; q < pts.length; q++) { const p = pts[q]; aLat[q] = p.lat; aLon[q] = p.lon; aCos[q] = p.cos; aK[q] = p.k; }
  }

  /** Re-scores group gi and updates its vote. Returns whether its choice changed. */
  scoreGroup(gi: number): boolean {
    const G = this.groups[gi];
    const c0 = G.c0, c1 = G.c0 + G.cn;
    if (c1 === c0) return false;
    const K = this.K;
    const oW = this.vW[gi], oC = this.vC[gi], oA = this.vA[gi];
    const rest = this.total - oW;
    // The document's centre without this name: nearer candidates get a little more (Geneva in a Syria story).
    let hasCentre = false, cLat = 0, cLon = 0, cCos = 0;
    {
      const x = this.sx - this.vX[gi], y = this.sy - this.vY[gi], z = this.sz - this.vZ[gi];
      const h = Math.sqrt(x * x + y * y);
      if (h + Math.abs(z) > 1e-6) { hasCentre = true; cLat = Math.atan2(z, h) / RAD; cLon = Math.atan2(y, x) / RAD; cCos = Math.cos(cLat * RAD); }
    }
    const self = this.selfOf[gi];
    this.gHas[gi] = hasCentre ? 1 : 0; this.gLat[gi] = cLat; this.gLon[gi] = cLon; this.gCos[gi] = cCos; this.gSelf[gi] = self;
    // The focus terms first (cheap), for every candidate.
    const countryW = this.countryW, adminW = this.adminW;
    let p1 = -Infinity, p2 = -Infinity;
    const kBase = K.base, kCi = K.ci, kAi = K.ai, kCls = K.cls, kPart = K.part;
    for (let c = c0; c < c1; c++) {
      let s = kBase[c];
      const ci = kCi[c];
      if (rest > 1e-9 && ci >= 0) s += COUNTRY_FOCUS * Math.max(0, countryW[ci] - (oC === ci ? oW : 0)) / rest;
      const ai = kAi[c];
      if (rest > 1e-9 && ai >= 0 && kCls[c] !== CLS_COUNTRY) s += ADMIN_FOCUS * Math.max(0, adminW[ai] - (oA === ai ? oW : 0)) / rest;
      kPart[c] = s;
      if (s > p1) { p2 = p1; p1 = s; } else if (s > p2) p2 = s;
    }
    // The other terms only add (at most what restBelow adds), and every score is at least its focus part: a
    // candidate whose bound stays below the second best part can be neither the choice nor the runner-up
    // (margin), so its full score is not needed now (skipped: -Infinity; completed by `far` when asked).
    const cut = this.full[gi] || !linkerOptions.prune ? -Infinity : p2;
    const R = this.R, nAnchors = R.nAnchors;
    const kScore = K.score;
    for (let c = c0; c < c1; c++) {
      if (cut !== -Infinity && restBelow(K, c, G, nAnchors, hasCentre, cLat, cut)) { kScore[c] = -Infinity; continue; }
      finishScore(K, c, G, this.groups, R, self, hasCentre, cLat, cLon, cCos);
    }
    const before = G.choice;
    choose(G, K, true);
    // Keep the focus current for the names after this one.
    this.apply(gi, -1);
    this.voteOf(gi);
    this.apply(gi, 1);
    return G.choice !== before;
  }

  /** The margin of group gi's choice over its best candidate more than 161 km away, and that candidate: into m[gi], rival[gi]. */
  far(gi: number, m: Float64Array, rival: Int32Array): void {
    const G = this.groups[gi], K = this.K;
    m[gi] = Infinity; rival[gi] = -1;
    if (G.choice < 0) return;
    const c = G.choice;
    if (K.unresolved[c]) return;
    const c0 = G.c0, c1 = G.c0 + G.cn;
    const la = K.lat[c], lo = K.lon[c];
    const score = K.score;
    // Candidates skipped in the last round: completed when far away and possibly better than the best far
    // one already scored (the others cannot be the best far candidate).
    let skipped = false, known = -Infinity;
    for (let o = c0; o < c1; o++) {
      if (score[o] === -Infinity) { skipped = true; continue; }
      if (o === c || score[o] <= known || K.unresolved[o]) continue;
      if (distanceKm(la, lo, K.lat[o], K.lon[o]) > 161) known = score[o];
    }
    if (skipped) {
      const hasCentre = this.gHas[gi] === 1;
      for (let o = c0; o < c1; o++) {
        if (score[o] !== -Infinity || K.unresolved[o]) continue;
        if (restBelow(K, o, G, this.R.nAnchors, hasCentre, this.gLat[gi], known)) continue;
        if (distanceKm(la, lo, K.lat[o], K.lon[o]) > 161) finishScore(K, o, G, this.groups, this.R, this.gSelf[gi], hasCentre, this.gLat[gi], this.gLon[gi], this.gCos[gi]);
      }
    }
    let best = -Infinity, r = -1;
    for (let o = c0; o < c1; o++) {
      if (o === c || score[o] <= best || K.unresolved[o]) continue;
      if (distanceKm(la, lo, K.lat[o], K.lon[o]) > 161) { best = score[o]; r = K.entry[o]; }
    }
    m[gi] = score[c] - best; rival[gi] = r;
  }
}


interface RoundState {
  /** Anchor points by latitude: latitude, longitude, cos(latitude), anchor number. */
  aLat: Float64Array; aLon: Float64Array; aCos: Float64Array; aK: Int32Array;
  nAnchors: number;
  /** Changes when the anchor points change (0: none made yet). */
  version: number;
  latWindow: number;
  /** Scratch: nearest squared distance per anchor (Infinity between uses), and the anchors touched. */
  dminOf: Float64Array;
  touched: Int32Array;
}

/**
 * Whether an upper bound (with room for rounding) of candidate c's score stays below `cut`: its focus part plus
 * what `finishScore` adds to it (support, centre and containment each at most their full weight). (A test, not
 * the bound: a number returned from a call that is not inlined is a new heap object.)
 */
function restBelow(K: Cands, c: number, G: Group, nAnchors: number, hasCentre: boolean, cLat: number, cut: number): boolean {
  let b = K.part[c] + 1e-6;
  const unresolved = K.unresolved[c] === 1;
  if (K.base[c] >= G.supportCut && K.point[c] && nAnchors > 0 && !unresolved) b += SUPPORT * 2.5;
  if (hasCentre && !unresolved && Math.abs(K.lat[c] - cLat) < 36) b += CENTRE;
  if (G.next.length > 0) b += 5;
  if (G.prev.length > 0) b += 5;
  return b < cut;
}

/**
 * A candidate's score, into K.score: its focus part plus support by the anchors, closeness to the centre and
 * containment. (Written, not returned: see restBelow.)
 */
function finishScore(K: Cands, c: number, G: Group, groups: Group[], R: RoundState, self: number, hasCentre: boolean, cLat: number, cLon: number, cCos: number): void {
  let s = K.part[c];
  const unresolved = K.unresolved[c] === 1;
  // Only the better candidates compete for support (the rest cannot win on it).
  if (K.base[c] >= G.supportCut && K.point[c] && R.nAnchors > 0 && !unresolved) {
    if (K.supportV[c] !== R.version || !linkerOptions.memo) { supportOf(K, c, R, self); K.supportV[c] = R.version; }
    const support = K.support[c];
    s += SUPPORT * Math.min(support, 2.5);
  }
  // (36 degrees of latitude apart are more than 4000 km: the term is 0 without the trigonometry.)
  const la = K.lat[c];
  if (hasCentre && !unresolved && Math.abs(la - cLat) < 36) {
    const d = distanceCos(la, K.lon[c], K.cosLat[c], cLat, cLon, cCos);
    s += CENTRE * Math.max(0, 1 - d / 4000);
  }
  // `This, That`: this inside that, that containing this (the same in every round: made once).
  if (G.next.length > 0 || G.prev.length > 0) {
    let f = K.contain[c];
    if (f === 0 || !linkerOptions.memo) {
      f = 1;
      for (let q = 0; q < G.next.length; q++) if (containedIn(K, c, groups[G.next[q]])) { f |= 2; break; }
      for (let q = 0; q < G.prev.length; q++) if (contains(K, c, groups[G.prev[q]])) { f |= 4; break; }
      K.contain[c] = f;
    }
    if (f & 2) s += 5;
    if (f & 4) s += 5;
  }
  K.score[c] = s;
}

/**
 * Support of candidate c's point by the anchors of the other names (not `self`), into K.support: for each
 * anchor name, its point nearest this one, within 400 km.
 */
function supportOf(K: Cands, c: number, R: RoundState, self: number): void {
  const la = K.lat[c], lo = K.lon[c];
  const aLat = R.aLat, aLon = R.aLon, aCos = R.aCos, aK = R.aK, dminOf = R.dminOf, touched = R.touched;
  // Nearest point of each other anchor name, over the points within the latitude window only.
  let lo_ = 0, hi_ = aLat.length;
  const from = la - R.latWindow, to = la + R.latWindow;
  while (lo_ < hi_) { const mid = (lo_ + hi_) >>> 1; if (aLat[mid] < from) lo_ = mid + 1; else hi_ = mid; }
  let nt = 0;
  for (let q = lo_; q < aLat.length && aLat[q] <= to; q++) {
    const k = aK[q];
    if (k === self) continue;
    // Squared equirectangular distance in km² (exact enough below 400 km).
    const dy = (la - aLat[q]) * 111.2;
    let dlon = Math.abs(lo - aLon[q]); if (dlon > 180) dlon = 360 - dlon;
    const dx = dlon * 111.2 * aCos[q];
    const d2 = dx * dx + dy * dy;
    if (d2 < dminOf[k]) { if (dminOf[k] === Infinity) touched[nt++] = k; dminOf[k] = d2; }
  }
  // Summed in anchor order, as the names rank.
  let support = 0;
  if (nt > 0) {
    for (let i = 1; i < nt; i++) { const k = touched[i]; let j = i; while (j > 0 && touched[j - 1] > k) { touched[j] = touched[j - 1]; j--; } touched[j] = k; }
    for (let i = 0; i < nt; i++) {
      const k = touched[i];
      const dmin = dminOf[k];
      dminOf[k] = Infinity;
      const add = dmin < 2500 ? 1 : dmin < 22500 ? 0.7 : dmin < 160000 ? 0.3 : 0;
      if (add) support += add;
    }
  }
  K.support[c] = support;
}

function choose(G: Group, K: Cands, byScore: boolean): void {
  let best = -1, bs = -Infinity, second = -Infinity;
  const v = byScore ? K.score : K.base;
  for (let k = G.c0, end = G.c0 + G.cn; k < end; k++) {
    const s = v[k];
    if (s > bs) { second = bs; bs = s; best = k; } else if (s > second) second = s;
  }
  G.choice = best;
  G.margin = best < 0 ? 0 : second === -Infinity ? 5 : bs - second;
}

/** Whether candidate `c` lies in one of the region-like candidates of group H. */
function containedIn(K: Cands, c: number, H: Group): boolean {
  for (let d = H.c0, end = H.c0 + H.cn; d < end; d++) {
    if (regionContains(K, d, c)) return true;
  }
  return false;
}
/** Whether candidate `c` (a region-like one) contains one of the candidates of group H. */
function contains(K: Cands, c: number, H: Group): boolean {
  for (let d = H.c0, end = H.c0 + H.cn; d < end; d++) {
    if (regionContains(K, c, d)) return true;
  }
  return false;
}
/** (Equal country or region numbers are equal codes: both are interned by one FactMemo, -1 for none.) */
function regionContains(K: Cands, region: number, place: number): boolean {
  if (K.entry[region] === K.entry[place]) return false;
  const rc = K.cls[region], pc = K.cls[place];
  if (rc === CLS_COUNTRY) return pc !== CLS_COUNTRY && K.ci[place] === K.ci[region];
  if (rc === CLS_ADMIN1) {
    if (pc === CLS_COUNTRY || pc === CLS_ADMIN1 || pc === CLS_REGION) return false;
    const ak = K.ai[region];
    if (ak >= 0) return K.ai[place] === ak;
    return K.ci[place] === K.ci[region] &&
      distanceKm(K.lat[region], K.lon[region], K.lat[place], K.lon[place]) < 250;
  }
  if (rc === CLS_ADMIN2) {
    return isCityClass(pc) && K.ai[place] === K.ai[region] &&
      distanceKm(K.lat[region], K.lon[region], K.lat[place], K.lon[place]) < 60;
  }
  return false;
}

/** `distanceKm` (geo/gazetteer.ts) with the cosines of the latitudes given: the same arithmetic, fewer calls. */
function distanceCos(lat1: number, lon1: number, cos1: number, lat2: number, lon2: number, cos2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + cos1 * cos2 * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}
