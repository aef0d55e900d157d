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

interface Cand {
  entry: number; flag: number; strict: boolean; cls: number; base: number;
  /** The score of the last round (-Infinity: not needed there, see the rounds), and its focus part. */
  score: number; part: number;
  // The entry's facts, read once (they are asked for in every round).
  cc: string; adm: string; unresolved: boolean; lat: number; lon: number;
  /** cos(lat), and the country and first-level region as small numbers (-1: none). */
  cosLat: number; ci: number; ai: number;
  pop: number;
  /** cls is one of POINT_CLASSES. */
  point: boolean;
}

/** What the linker reads of an entry, read once per entry (the same places recur on every edit). */
interface EntryFacts {
  cls: number; prior: number; unresolved: boolean; cc: string; adm: string; lat: number; lon: number; cosLat: number;
  ci: number; ai: number; pop: number; point: boolean;
}
/**
 * Per gazetteer: entry facts, and countries and first-level regions as small numbers (the focus weights are
 * arrays, not maps, in the rounds below). The facts of the compiled entries are found through a typed array
 * indexed by entry (a look-up per candidate: cheaper than a large Map); the analyst's entries through a Map.
 */
class FactMemo {
  readonly ids = new Map<string, number>();
  /** Facts by slot; `slotOf[entry]` is slot + 1 (0: not made yet). */
  readonly list: EntryFacts[] = [];
  private readonly slotOf: Int32Array;
  private readonly extra = new Map<number, EntryFacts>();
  constructor(private readonly gz: Gazetteer) { this.slotOf = new Int32Array(gz.baseCount); }
  get size(): number { return this.list.length + this.extra.size; }
  private intern(k: string): number {
    if (!k) return -1;
    let v = this.ids.get(k);
    if (v === undefined) this.ids.set(k, v = this.ids.size);
    return v;
  }
  of(entry: number): EntryFacts {
    const slotOf = this.slotOf;
    if (entry < slotOf.length) {
      const k = slotOf[entry];
      if (k !== 0) return this.list[k - 1];
      const f = this.make(entry);
      this.list.push(f);
      slotOf[entry] = this.list.length;
      return f;
    }
    let f = this.extra.get(entry);
    if (!f) this.extra.set(entry, f = this.make(entry));
    return f;
  }
  private make(entry: number): EntryFacts {
    const gz = this.gz;
    const cc = gz.country(entry), adm = gz.adminKey(entry), lat = gz.lat(entry), cls = gz.cls(entry);
    return { cls, prior: gz.prior(entry), unresolved: gz.unresolved(entry), cc, adm, lat, lon: gz.lon(entry),
      cosLat: Math.cos(lat * RAD), ci: this.intern(cc), ai: this.intern(adm), pop: gz.population(entry), point: POINT_CLASSES.has(cls) };
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
  cands: Cand[];
  choice: number; // index into cands, -1 none
  margin: number;
  ev: number;      // OR of members' evidence
  confirmed: boolean;
  /** Groups of names written right after this one as `This, That`. */
  next: number[];
  prev: number[];
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
 */
export const linkerOptions = { prune: true, reuse: true };
/** How many runs reused the last run's choices, and how many ran the rounds (for tests and benchmarks). */
export const linkerStats = { reused: 0, full: 0 };

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
      groups.push({ key: m.key, cands: [], choice: -1, margin: 0, ev: 0, confirmed: false, next: [], prev: [], count: 0, acting: true, supportCut: -Infinity, src: undefined, srcActing: false });
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
    if (!groups[ga].next.includes(gb)) groups[ga].next.push(gb);
    if (!groups[gb].prev.includes(ga)) groups[gb].prev.push(ga);
  }

  // ---- the document-level choice: the last run's when every group's summary is the same (see sameGroups:
  // all the rounds read), else the rounds.
  let far: { m: number; rival: number }[];
  const last = linkerOptions.reuse ? lastRuns.get(gz) : undefined;
  if (last && last.facts === facts && sameGroups(last.groups, groups)) {
    groups = last.groups;
    far = last.far;
    linkerStats.reused++;
  } else {
    for (const G of groups) makeCands(G, facts, gz);
    far = chooseAll(groups, gz, facts);
    if (linkerOptions.reuse) lastRuns.set(gz, { facts, groups, far });
    linkerStats.full++;
  }

  // ---- acceptance (the keys accepted: by group, one group per key)
  const acceptedGroups = new Uint8Array(groups.length);
  const decide = (i: number): boolean => {
    const m = inputs[i];
    const G = groups[groupOf[i]];
    if (m.confirmed) return true;
    if (G.choice < 0) return false;
    const c = G.cands[G.choice];
    const ev = m.ev;
    if (ev & EV_TITLE) return false;
    const cue = (ev & CUES) !== 0;
    const big = c.cls === CLS_COUNTRY || c.cls === CLS_ADMIN1 || c.cls === CLS_REGION;
    // A single word in capitals that the name tagger did not take for a place (CRICKET, TENNIS in a headline):
    // only a country, region or state, a dateline, or a cued name.
    if (!big && !cue && !(ev & EV_DATELINE) && (m.caps ?? (m.end - m.start > 2 && !/[\s\p{Ll}]/u.test(text.slice(m.start, m.end))))) return false;
    const pop = c.pop;
    if (ev & EV_STOPWORD) return cue && c.strict && (big || pop >= 10000);
    if (c.flag === POST_ABBREV) return true;
    // A place naming an organisation or event (Texas Department of..., Dublin City Council, Georgian Interior
    // Ministry): a place when the name is spelled as in the gazetteer and not a mere village.
    if (m.modifier || (ev & EV_ORG_AFTER)) {
      return c.strict && c.flag !== POST_ALT && (big || c.cls === CLS_ADMIN2 || c.cls === CLS_FEATURE || c.cls === CLS_CAPITAL ||
        c.cls === CLS_SEAT1 || c.flag === POST_DEMONYM || pop >= 20000);
    }
    if (ev & (EV_RUN_BEFORE | EV_RUN_AFTER)) {
      // Part of a longer capitalised name: only a country, a region or a state stands out of it; other names
      // only when the document names them as places elsewhere (second pass).
      return big && c.strict && c.flag !== POST_DEMONYM;
    }
    if (!c.strict) {
      return (ev & (EV_MULTI | CUES)) !== 0 && (pop >= 10000 || big) && c.cls !== CLS_SECTION;
    }
    if (big || c.cls === CLS_ADMIN2 || c.cls === CLS_FEATURE) return true;
    if (c.cls === CLS_CAPITAL || pop >= 100000) return true;
    if (c.cls === CLS_SECTION && !cue) return false;
    if ((ev & EV_INITIAL) && !cue) return pop >= 50000 || c.cls === CLS_SEAT1;
    if (cue) return true;
    if ((ev & EV_MULTI) && (pop >= 1000 || c.cls === CLS_SEAT1 || c.cls === CLS_SEAT2)) return true;
    if (ev & EV_OF_BEFORE) return false;
    return G.margin >= 1 && c.score - c.base >= 1.5 && pop >= 1000;
  };
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
    if (G.choice >= 0) {
      const c = G.cands[G.choice];
      entry[i] = c.entry; score[i] = c.score; if (margin) margin[i] = G.margin; farMargin[i] = far[g].m; rival[i] = far[g].rival;
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
interface LastRun { facts: FactMemo; groups: Group[]; far: { m: number; rival: number }[] }
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

/** The group's candidates with their base scores, from its first mention that has candidates. */
function makeCands(G: Group, facts: FactMemo, gz: Gazetteer): void {
  const src = G.src;
  if (!src) return;
  const anyStrict = src.some(candStrict);
  for (const c of src) {
    const entry = candEntry(c), flag = candFlag(c), strict = candStrict(c);
    const f = facts.of(entry);
    const cls = f.cls;
    let base = POP_SCALE * f.prior + (strict ? 2 : anyStrict ? -6 : 0) +
      (flag === POST_PRIMARY ? 1 : flag === POST_DEMONYM ? 1 : flag === POST_ABBREV ? 1 : 0);
    const unresolved = f.unresolved;
    if (unresolved) base -= 0.5;
    // The analyst's own entries (dateline.gazetteers) are what they want this name to mean.
    if (entry >= gz.baseCount) base += 5;
    // A capital that acts is the capital (Moscow denied: not Moscow, Idaho).
    if (G.srcActing && (cls === CLS_CAPITAL || cls === CLS_COUNTRY)) base += 3;
    G.cands.push({ entry, flag, strict, cls, base, score: base, part: base, cc: f.cc, adm: f.adm, unresolved, lat: f.lat, lon: f.lon, cosLat: f.cosLat, ci: f.ci, ai: f.ai, pop: f.pop, point: f.point });
  }
  // A first-level region named after its own chief city (Aleppo, Baghdad, Damascus governorates) is the city.
  for (const c of G.cands) {
    if (c.cls !== CLS_ADMIN1) continue;
    const ak = c.adm;
    if (ak && G.cands.some(o => isCityClass(o.cls) && (o.strict || !c.strict) && o.adm === ak && o.pop >= 20000)) c.base -= 6;
  }
  if (G.cands.length > SUPPORT_CANDIDATES) G.supportCut = G.cands.map(c => c.base).sort((a, b) => b - a)[SUPPORT_CANDIDATES - 1];
}

/** The rounds: each group's choice and margin, and its margin over its best far-away rival. */
function chooseAll(groups: Group[], gz: Gazetteer, facts: FactMemo): { m: number; rival: number }[] {
  // ---- initial choice by prior
  for (const G of groups) choose(G, false);
  const nIds = facts.ids.size;

  // Each name's vote for the document's focus (country, first-level region, centre), kept current as choices
  // change: names are re-scored one after another (most confident first), each seeing the others' latest
  // choices, so that two names that fit together settle together instead of flipping in turn.
  const run = new Rounds(groups, gz, nIds);
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

  return groups.map((_, gi) => run.far(gi));
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
  private anchorGi: number[] = [];
  readonly R: RoundState;

  constructor(private readonly groups: Group[], private readonly gz: Gazetteer, nIds: number) {
    const n = groups.length;
    this.countryW = new Float64Array(nIds); this.adminW = new Float64Array(nIds);
    this.vC = new Int32Array(n); this.vA = new Int32Array(n);
    this.vW = new Float64Array(n); this.vX = new Float64Array(n); this.vY = new Float64Array(n); this.vZ = new Float64Array(n);
    this.gHas = new Uint8Array(n); this.gLat = new Float64Array(n); this.gLon = new Float64Array(n); this.gCos = new Float64Array(n);
    this.gSelf = new Int32Array(n); this.selfOf = new Int32Array(n).fill(-1); this.full = new Uint8Array(n);
    this.R = {
      aLat: new Float64Array(0), aLon: new Float64Array(0), aCos: new Float64Array(0), aK: new Int32Array(0), nAnchors: 0,
      latWindow: LAT_WINDOW, dminOf: new Float64Array(MAX_ANCHOR_GROUPS).fill(Infinity), touched: new Int32Array(MAX_ANCHOR_GROUPS + 1),
    };
  }

  voteOf(gi: number): void {
    const G = this.groups[gi];
    const vC = this.vC, vA = this.vA, vW = this.vW, vX = this.vX, vY = this.vY, vZ = this.vZ;
    if (G.choice < 0) { vC[gi] = -1; vA[gi] = -1; vW[gi] = 0; vX[gi] = 0; vY[gi] = 0; vZ[gi] = 0; return; }
    const c = G.cands[G.choice];
    const conf = 0.3 + 0.7 * Math.min(1, G.margin / 3);
    // A village's vote counts little: a stray match (a surname that is also a hamlet) must not swing the focus.
    const plausibility = Math.max(0.15, Math.min(1, (this.gz.prior(c.entry) - 3) / 4));
    // A government acting through its capital or country says little about where the story happens.
    const w = (G.acting ? 0.3 : 1) * conf * plausibility * Math.sqrt(Math.min(G.count, 4)) * (c.cls === CLS_COUNTRY ? 1.5 : 1) *
      (G.confirmed || (G.ev & (CUES | EV_MULTI)) ? 1 : 0.6);
    let x = 0, y = 0, z = 0;
    if (!c.unresolved && c.cls !== CLS_REGION) {
      const la = c.lat * RAD, lo = c.lon * RAD;
      x = w * Math.cos(la) * Math.cos(lo); y = w * Math.cos(la) * Math.sin(lo); z = w * Math.sin(la);
    }
    vC[gi] = c.ci; vA[gi] = c.cls === CLS_COUNTRY || c.cls === CLS_REGION ? -1 : c.ai;
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
    const groups = this.groups, R = this.R;
    for (const gi of this.anchorGi) this.selfOf[gi] = -1;
    const anchorGi: number[] = this.anchorGi = [];
    const pts: { lat: number; lon: number; cos: number; k: number }[] = [];
    for (const gi of anchorGroups) {
      const best = [...groups[gi].cands].sort((a, b) => b.score - a.score).slice(0, ANCHOR_CANDIDATES)
        .filter(c => POINT_CLASSES.has(c.cls) && !c.unresolved);
      if (best.length === 0) continue;
      const k = anchorGi.length;
      this.selfOf[gi] = k;
      anchorGi.push(gi);
      for (const c of best) pts.push({ lat: c.lat, lon: c.lon, cos: Math.cos(c.lat * RAD), k });
    }
    pts.sort((a, b) => a.lat - b.lat);
    const aLat = R.aLat = new Float64Array(pts.length), aLon = R.aLon = new Float64Array(pts.length);
    const aCos = R.aCos = new Float64Array(pts.length), aK = R.aK = new Int32Array(pts.length);
    for (let q = 0; q < pts.length; q++) { const p = pts[q]; aLat[q] = p.lat; aLon[q] = p.lon; aCos[q] = p.cos; aK[q] = p.k; }
    R.nAnchors = anchorGi.length;
  }

  /** Re-scores group gi and updates its vote. Returns whether its choice changed. */
  scoreGroup(gi: number): boolean {
    const G = this.groups[gi];
    const cands = G.cands;
    if (cands.length === 0) return false;
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
    for (let q = 0; q < cands.length; q++) {
      const c = cands[q];
      let s = c.base;
      const ci = c.ci;
      if (rest > 1e-9 && ci >= 0) s += COUNTRY_FOCUS * Math.max(0, countryW[ci] - (oC === ci ? oW : 0)) / rest;
      const ai = c.ai;
      if (rest > 1e-9 && ai >= 0 && c.cls !== CLS_COUNTRY) s += ADMIN_FOCUS * Math.max(0, adminW[ai] - (oA === ai ? oW : 0)) / rest;
      c.part = s;
      if (s > p1) { p2 = p1; p1 = s; } else if (s > p2) p2 = s;
    }
    // The other terms only add (at most restBound in all), and every score is at least its focus part: a
    // candidate whose bound stays below the second best part can be neither the choice nor the runner-up
    // (margin), so its full score is not needed now (skipped: -Infinity; completed by `far` when asked).
    const cut = this.full[gi] || !linkerOptions.prune ? -Infinity : p2;
    const R = this.R, nAnchors = R.nAnchors;
    for (let q = 0; q < cands.length; q++) {
      const c = cands[q];
      if (cut !== -Infinity && restBound(c, G, nAnchors, hasCentre, cLat) < cut) { c.score = -Infinity; continue; }
      c.score = finishScore(c, G, this.groups, R, self, hasCentre, cLat, cLon, cCos);
    }
    const before = G.choice;
    choose(G, true);
    // Keep the focus current for the names after this one.
    this.apply(gi, -1);
    this.voteOf(gi);
    this.apply(gi, 1);
    return G.choice !== before;
  }

  /** The margin of group gi's choice over its best candidate more than 161 km away, and that candidate. */
  far(gi: number): { m: number; rival: number } {
    const G = this.groups[gi];
    if (G.choice < 0) return { m: Infinity, rival: -1 };
    const c = G.cands[G.choice];
    if (c.unresolved) return { m: Infinity, rival: -1 };
    const la = c.lat, lo = c.lon;
    // Candidates skipped in the last round: completed when far away and possibly better than the best far
    // one already scored (the others cannot be the best far candidate).
    let skipped = false, known = -Infinity;
    for (const o of G.cands) {
      if (o.score === -Infinity) { skipped = true; continue; }
      if (o === c || o.score <= known || o.unresolved) continue;
      if (distanceKm(la, lo, o.lat, o.lon) > 161) known = o.score;
    }
    if (skipped) {
      const hasCentre = this.gHas[gi] === 1;
      for (const o of G.cands) {
        if (o.score !== -Infinity || o.unresolved) continue;
        if (restBound(o, G, this.R.nAnchors, hasCentre, this.gLat[gi]) < known) continue;
        if (distanceKm(la, lo, o.lat, o.lon) > 161) o.score = finishScore(o, G, this.groups, this.R, this.gSelf[gi], hasCentre, this.gLat[gi], this.gLon[gi], this.gCos[gi]);
      }
    }
    let best = -Infinity, rival = -1;
    for (const o of G.cands) {
      if (o === c || o.score <= best || o.unresolved) continue;
      if (distanceKm(la, lo, o.lat, o.lon) > 161) { best = o.score; rival = o.entry; }
    }
    return { m: c.score - best, rival };
  }
}


interface RoundState {
  /** Anchor points by latitude: latitude, longitude, cos(latitude), anchor number. */
  aLat: Float64Array; aLon: Float64Array; aCos: Float64Array; aK: Int32Array;
  nAnchors: number;
  latWindow: number;
  /** Scratch: nearest squared distance per anchor (Infinity between uses), and the anchors touched. */
  dminOf: Float64Array;
  touched: Int32Array;
}

/**
 * An upper bound (with room for rounding) of what `finishScore` adds to a candidate's focus part `c.part`:
 * support, centre and containment each add at most their full weight.
 */
function restBound(c: Cand, G: Group, nAnchors: number, hasCentre: boolean, cLat: number): number {
  let b = c.part + 1e-6;
  if (c.base >= G.supportCut && c.point && nAnchors > 0 && !c.unresolved) b += SUPPORT * 2.5;
  if (hasCentre && !c.unresolved && Math.abs(c.lat - cLat) < 36) b += CENTRE;
  if (G.next.length > 0) b += 5;
  if (G.prev.length > 0) b += 5;
  return b;
}

/** A candidate's score: its focus part plus support by the anchors, closeness to the centre and containment. */
function finishScore(c: Cand, G: Group, groups: Group[], R: RoundState, self: number, hasCentre: boolean, cLat: number, cLon: number, cCos: number): number {
  let s = c.part;
  const nAnchors = R.nAnchors;
  // Only the better candidates compete for support (the rest cannot win on it).
  if (c.base >= G.supportCut && c.point && nAnchors > 0 && !c.unresolved) {
    const aLat = R.aLat, aLon = R.aLon, aCos = R.aCos, aK = R.aK, dminOf = R.dminOf, touched = R.touched;
    const la = c.lat, lo = c.lon;
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
    s += SUPPORT * Math.min(support, 2.5);
  }
  // (36 degrees of latitude apart are more than 4000 km: the term is 0 without the trigonometry.)
  if (hasCentre && !c.unresolved && Math.abs(c.lat - cLat) < 36) {
    const d = distanceCos(c.lat, c.lon, c.cosLat, cLat, cLon, cCos);
    s += CENTRE * Math.max(0, 1 - d / 4000);
  }
  // `This, That`: this inside that, that containing this.
  for (let q = 0; q < G.next.length; q++) if (containedIn(c, groups[G.next[q]])) { s += 5; break; }
  for (let q = 0; q < G.prev.length; q++) if (contains(c, groups[G.prev[q]])) { s += 5; break; }
  return s;
}

function choose(G: Group, byScore: boolean): void {
  let best = -1, bs = -Infinity, second = -Infinity;
  for (let k = 0; k < G.cands.length; k++) {
    const s = byScore ? G.cands[k].score : G.cands[k].base;
    if (s > bs) { second = bs; bs = s; best = k; } else if (s > second) second = s;
  }
  G.choice = best;
  G.margin = best < 0 ? 0 : second === -Infinity ? 5 : bs - second;
}

/** Whether `c` lies in one of the region-like candidates of group H. */
function containedIn(c: Cand, H: Group): boolean {
  for (const d of H.cands) {
    if (regionContains(d, c)) return true;
  }
  return false;
}
/** Whether `c` (a region-like candidate) contains one of the candidates of group H. */
function contains(c: Cand, H: Group): boolean {
  for (const d of H.cands) {
    if (regionContains(c, d)) return true;
  }
  return false;
}
function regionContains(region: Cand, place: Cand): boolean {
  if (region.entry === place.entry) return false;
  if (region.cls === CLS_COUNTRY) return place.cls !== CLS_COUNTRY && place.cc === region.cc;
  if (region.cls === CLS_ADMIN1) {
    if (place.cls === CLS_COUNTRY || place.cls === CLS_ADMIN1 || place.cls === CLS_REGION) return false;
    const ak = region.adm;
    if (ak) return place.adm === ak;
    return place.cc === region.cc &&
      distanceKm(region.lat, region.lon, place.lat, place.lon) < 250;
  }
  if (region.cls === CLS_ADMIN2) {
    return isCityClass(place.cls) && place.adm === region.adm &&
      distanceKm(region.lat, region.lon, place.lat, place.lon) < 60;
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
