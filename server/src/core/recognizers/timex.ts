// Temporal expressions (TimeML TIMEX3): dates, times, durations, sets. The grammar is in ../time/;
// values are resolved against the reference date by refiners/timex.ts.
import type { SegmentRecognizer } from '../api';
import { recognizeTimex } from '../time/recognize';

export const timex: SegmentRecognizer = {
  id: 'timex',
  categories: ['date', 'time', 'duration', 'set'],
  priority: 40,
  recognize(segment) {
    return recognizeTimex(segment.text);
  },
};
