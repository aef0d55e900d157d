// The prior weight of a gazetteer entry before any document evidence: how likely a news text naming it
// means this entry. Used at build time to order each key's postings, and at run time as the base score.
import { CLS_ADMIN1, CLS_ADMIN2, CLS_CAPITAL, CLS_COUNTRY, CLS_FEATURE, CLS_PLACE, CLS_REGION, CLS_SEAT1, CLS_SEAT2, CLS_SECTION } from './format';

const CLASS_BASE: number[] = [];
CLASS_BASE[CLS_PLACE] = 0;
CLASS_BASE[CLS_SEAT2] = 0.6;
CLASS_BASE[CLS_SEAT1] = 1.4;
CLASS_BASE[CLS_CAPITAL] = 2.5;
CLASS_BASE[CLS_COUNTRY] = 5;
CLASS_BASE[CLS_ADMIN1] = 3;
CLASS_BASE[CLS_ADMIN2] = 3.2;
CLASS_BASE[CLS_REGION] = 6;
CLASS_BASE[CLS_FEATURE] = 2.5;
CLASS_BASE[CLS_SECTION] = -1.5;

/**
 * log10(population) plus a bonus by class: a capital of 100,000 outranks a village of 150,000 elsewhere. For
 * first-level regions `population` is the population of their GeoNames places (build time).
 */
export function prior(cls: number, population: number): number {
  const popScore = population > 0 ? Math.log10(population + 1) : (cls === CLS_COUNTRY || cls === CLS_ADMIN1 || cls === CLS_REGION ? 5 : 2.2);
  return (CLASS_BASE[cls] ?? 0) + popScore;
}
