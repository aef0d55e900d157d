// Two or three capitals (US, IS, EU) are an abbreviation, never a town of that name (Us in France, Is in Russia,
// Eu in France), which they match once case is folded. Used by the gazetteer recognizer and by the places
// refiner's look-up of the name tagger's places (the tagger calls `IS` in `IS fighters` a place).
import type { Gazetteer } from './gazetteer';
import { CLS_CAPITAL, CLS_PLACE, CLS_SEAT1, CLS_SEAT2, CLS_SECTION, POST_ABBREV } from './format';

const SETTLEMENTS = new Set([CLS_PLACE, CLS_SEAT2, CLS_SEAT1, CLS_CAPITAL, CLS_SECTION]);

/** Two or three ASCII capitals. */
export function isShortCaps(t: string): boolean {
  if (t.length < 2 || t.length > 3) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** The candidates of `name` without the settlements it matches only by folding case, when it is short capitals. */
export function withoutCapsTowns<C extends { entry: number; flag: number }>(gz: Gazetteer, name: string, cands: C[]): C[] {
  return isShortCaps(name) ? cands.filter(c => c.flag === POST_ABBREV || !SETTLEMENTS.has(gz.cls(c.entry))) : cands;
}
