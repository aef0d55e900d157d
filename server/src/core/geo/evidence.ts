// What the gazetteer recognizer saw around a name, as bits, for the place refiner to weigh with the
// document's evidence. Stored in `Mention.data.gz` together with the candidates.

export const EV_INITIAL = 1;        // first word of the segment (capitalised anyway)
export const EV_PREP = 2;           // after a locative word (in, at, near, from, east of, seized...), or before a distance and a direction (`Sake, 25 km west of`)
export const EV_RUN_BEFORE = 4;     // a capitalised word right before, not part of the name (Raquel Henry)
export const EV_RUN_AFTER = 8;      // a capitalised word right after, not part of the name (Paris Hilton, Syrian Democratic Forces)
export const EV_ALLCAPS = 16;       // written in capitals (headline, dateline)
export const EV_DATELINE = 32;      // dateline: capitals at the start of a segment followed by a comma or dash
export const EV_COMMA_AFTER = 64;   // followed by `, ` and a capitalised word (Alexandria, Va.)
export const EV_COMMA_BEFORE = 128; // preceded by a capitalised word and `, ` (Alexandria, Va.)
export const EV_TITLE = 256;        // after a title or a person cue (Mr., President, Gen.)
export const EV_MULTI = 512;        // more than one word
export const EV_STOPWORD = 1024;    // a common capitalised word (The, May, President)
export const EV_OF_BEFORE = 2048;   // `University of X`, `Governor of X`
export const EV_DIRECTION = 4096;   // after a direction (northern Syria, East Jerusalem)
export const EV_ORG_AFTER = 8192;   // followed by an organisation word (Army, Police, University, Times)

/** Candidate packing: entry << 3 | flag << 1 | strict. */
export function packCandidate(entry: number, flag: number, strict: boolean): number { return entry * 8 + flag * 2 + (strict ? 1 : 0); }
export function candEntry(c: number): number { return Math.floor(c / 8); }
export function candFlag(c: number): number { return (c >> 1) & 3; }
export function candStrict(c: number): boolean { return (c & 1) === 1; }

export interface GazetteerData {
  /** Packed candidates, best prior first. */
  c: number[];
  ev: number;
}
