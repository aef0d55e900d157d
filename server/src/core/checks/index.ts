// The registered checks. Adding one: write a module exporting a Check, add it here, document its code
// in the README's "Checks" section (the diagnostic links there by the check's name).
import type { Check } from '../api';
import { conversionMismatch } from './conversionMismatch';
import { distanceVsMap } from './distanceVsMap';
import { implausibleForPlace } from './implausibleForPlace';
import { inconsistentMeasure } from './inconsistentMeasure';
import { partsExceedTotal } from './partsExceedTotal';
import { percentOver100 } from './percentOver100';
import { spellingVariant } from './spellingVariant';
import { unitMalformed } from './unitMalformed';
import { weekdayMismatch } from './weekdayMismatch';

export const checks: readonly Check[] = [
  unitMalformed,
  spellingVariant,
  conversionMismatch,
  distanceVsMap,
  inconsistentMeasure,
  partsExceedTotal,
  percentOver100,
  weekdayMismatch,
  implausibleForPlace,
];
