// The analysis core's data model. Pure TypeScript: nothing here knows about LSP or VS Code.
//
// Offsets inside the core are JavaScript string indexes (UTF-16 code units), end exclusive.
// Exporters convert them to Unicode code points (see text/offsets.ts); the LSP layer converts them
// to line/character positions.

export type Category =
  | 'person' | 'organization' | 'place' | 'misc'
  | 'date' | 'time' | 'duration' | 'set'
  | 'distance' | 'area' | 'count' | 'percent';

export const ALL_CATEGORIES: readonly Category[] = [
  'person', 'organization', 'place', 'misc',
  'date', 'time', 'duration', 'set',
  'distance', 'area', 'count', 'percent',
];

/** A measured figure: distances (m), areas (m2), counts and percentages. */
export interface FigureValue {
  /** The amount as written, in the unit as written; a range is [low, high]. */
  amount: number | [number, number];
  /** The unit as written, normalised to a short label (`km`, `mi`, `km2`, `mi2`, `ha`...); '' for counts and percentages. */
  unit: string;
  /** The amount in SI units; a range is [low, high]. */
  si: number | [number, number];
  siUnit: 'm' | 'm2' | '1' | '%';
  /** Hedged by `some`, `about`, `nearly`, `up to`... */
  approximate: boolean;
  /** The hedge word itself when there is one (`about`, `up to`). */
  qualifier?: string;
  /** What is counted, for counts (`people`, `soldiers`). */
  noun?: string;
}

/** A TIMEX3 value (issue 5). */
export interface TimexValue {
  timex: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  mod?: string;
  approximate: boolean;
  /** How the value was obtained (`reference date 2017-06-09, -1 day`). */
  anchor?: string;
  /** Set when the expression is relative and there was no reference date to resolve it. */
  unresolved?: boolean;
  /** For sets (TIMEX3 `freq`, `quant`): `three times a week` is P1W with freq 3X; `every day` has quant EVERY. */
  freq?: string;
  quant?: string;
}

export interface PlaceRef {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  kind: string;
  source: string;
  /** First-level region (state, governorate), when known. */
  region?: string;
  population?: number;
  /** Area in km2 where known (countries, regions). */
  areaKm2?: number;
}

export interface ActorRef {
  id: string;
  name: string;
  type: string;
  country: string;
  affiliation: string[];
  aliases: string[];
  cameo?: string;
}

export interface Annotation {
  /** Stable within one analysis: category prefix + ordinal (`distance-3`). Assigned by the pipeline. */
  id: string;
  category: Category;
  start: number;
  end: number;
  text: string;
  /** Which recognizer produced it. */
  source: string;
  value?: FigureValue | TimexValue;
  place?: PlaceRef;
  actor?: ActorRef;
  /** Unresolved place name: a name the recognizer saw as a place, with no gazetteer entry. */
  unresolved?: boolean;
  /** Free-form extra data a recognizer wants its hover or checks to see (not exported). */
  data?: Record<string, unknown>;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit { start: number; end: number; newText: string }

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply by default (`Fix all`, LSP `isPreferred`). */
  preferred?: boolean;
}

export interface Finding {
  code: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  /** Other spans the message talks about. */
  related?: { start: number; end: number; message: string }[];
  /** Annotation ids involved. */
  annotations?: string[];
}

/** A mention a recognizer emits, with offsets relative to the segment it was given. */
export type Mention = Omit<Annotation, 'id'>;
