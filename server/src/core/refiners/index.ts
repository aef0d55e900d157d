// The registered document-level refiners, run in `order`.
import type { Refiner } from '../api';
import { overlaps } from './overlaps';

export const refiners: readonly Refiner[] = [
  overlaps,
].sort((a, b) => a.order - b.order);
