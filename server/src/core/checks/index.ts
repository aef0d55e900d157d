// The registered checks. Adding one: write a module exporting a Check, add it here, document its code
// in the README's "Checks" section (the diagnostic links there by the check's name).
import type { Check } from '../api';
import { unitMalformed } from './unitMalformed';

export const checks: readonly Check[] = [
  unitMalformed,
];
