// A header line near the top of the article: `Date: 2017-06-09`, `Published: 2017-06-09`.
import type { ReferenceDateSource } from '../api';
import { isValidDate } from '../time/calendar';

const HEADER = /^[ \t]*(?:date|published|dated|posted|updated)[ \t]*:[ \t]*(\d{4})-(\d{2})-(\d{2})\b/im;
/** Only the top of the file holds headers. */
const HEAD_CHARS = 2000;

export const headerLine: ReferenceDateSource = {
  id: 'header',
  order: 10,
  find(text) {
    const head = text.slice(0, HEAD_CHARS);
    const m = HEADER.exec(head);
    if (!m) return undefined;
    if (!isValidDate(+m[1], +m[2], +m[3])) return undefined;
    const start = m.index + m[0].indexOf(m[1]);
    return { value: `${m[1]}-${m[2]}-${m[3]}`, source: 'header', start, end: start + 10 };
  },
};
