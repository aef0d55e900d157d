// The registered recognizers. Adding one: write a module exporting a SegmentRecognizer, add it here.
import type { SegmentRecognizer } from '../api';
import { figures } from './figures';

export const recognizers: readonly SegmentRecognizer[] = [
  figures,
];
