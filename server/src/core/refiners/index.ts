// The registered document-level refiners, run in `order`.
import type { Refiner } from '../api';
import { actorsRefiner } from './actors';
import { overlaps } from './overlaps';
import { places } from './places';
import { timexRefiner } from './timex';

export const refiners: readonly Refiner[] = [
  overlaps,
  places,
  actorsRefiner,
  timexRefiner,
].sort((a, b) => a.order - b.order);
