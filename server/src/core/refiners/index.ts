// The registered document-level refiners, run in `order`.
import type { Refiner } from '../api';
import { actorsRefiner } from './actors';
import { compassNames } from './compassNames';
import { datelineAgencyRefiner } from './datelineAgency';
import { nameConsistency } from './nameConsistency';
import { overlaps } from './overlaps';
import { placeCues } from './placeCues';
import { places } from './places';
import { timexRefiner } from './timex';

export const refiners: readonly Refiner[] = [
  overlaps,
  nameConsistency,
  places,
  placeCues,
  compassNames,
  datelineAgencyRefiner,
  actorsRefiner,
  timexRefiner,
].sort((a, b) => a.order - b.order);
