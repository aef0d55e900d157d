// The registered recognizers. Adding one: write a module exporting a SegmentRecognizer, add it here.
import type { SegmentRecognizer } from '../api';
import { actorsRecognizer } from './actors';
import { figures } from './figures';
import { gazetteerRecognizer } from './gazetteer';
import { names } from './names';
import { timex } from './timex';
import { titledNames } from './titledNames';

export const recognizers: readonly SegmentRecognizer[] = [
  figures,
  actorsRecognizer,
  gazetteerRecognizer,
  names,
  titledNames,
  timex,
];
