// The registered document-level refiners, run in `order`.
import type { Refiner } from '../api';
import { actorsRefiner } from './actors';
import { nameConsistency } from './nameConsistency';
import { overlaps } from './overlaps';
import { places } from './places';
import { timexRefiner } from './timex';

export const refiners: readonly Refiner[] = [
  overlaps,
  nameConsistency,
  places,
  actorsRefiner,
  timexRefiner,
].sort((a, b) => a.order - b.order);
