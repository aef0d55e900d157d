// The dateline that opens a wire story: `DAMASCUS, June 9 (Reuters) -`, `LONDON, 9 June 2017 -`,
// `BEIRUT, Lebanon, Friday, June 9, 2017 (AP) —`. A dateline without a date (`WASHINGTON (AP) —`) gives none.
//
// The year: the dateline's own (`June 9, 2017`); otherwise a header line near the top that has one
// (`Published: Friday 9 June 2017`, `Date: June 9, 2017`, `Year: 2017`); otherwise a full date in the
// first lines that falls on the same month and day; otherwise the file's name, when the caller gives it: a date
// in the name (`2017-06-09-damascus.txt`, `20170609.txt`), a year in it (`reuters 2017.txt`), or a folder named
// by a year (`wires/2017/damascus.txt`). A dateline with no year anywhere gives no reference date, and the
// analyst's per-file date (command "Dateline: Set Article Date") or the CLI's --reference-date applies.
import type { ReferenceDateSource } from '../api';

/** Only the top of the file holds the dateline. */
const HEAD_CHARS = 3000;

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|' +
  'JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|' +
  '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';
const WEEKDAY = '(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\\.?,?[ \\t]+)?';
/** The place: upper-case words (`DEIR EZ-ZOR`, `ST. LOUIS`), optionally followed by `, Region` parts. */
const PLACE = '[A-Z][A-Z\'’.\\- ]*[A-Z.](?:,[ \\t]*[A-Z][\\p{L}\'’.\\- ]*?)*';
/** What closes a dateline: an agency in parentheses and/or a dash or colon. */
const CLOSE = '[ \\t]*(?:\\([^)\\n]{1,40}\\)[ \\t]*)?(?:-{1,2}|—|–|:|_|/[^/\\n]{1,30}/)';

const MONTH_DAY = new RegExp(`^[ \\t]*${PLACE},[ \\t]*${WEEKDAY}${MONTH}[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?:,?[ \\t]+(\\d{4}))?${CLOSE}`, 'mud');
const DAY_MONTH = new RegExp(`^[ \\t]*${PLACE},[ \\t]*${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+${MONTH}(?:,?[ \\t]+(\\d{4}))?${CLOSE}`, 'mud');

/** A header-like line with a year: `Published: Friday 9 June 2017`, `Date: June 9, 2017`, `Year: 2017`. */
const HEADER_YEAR = /^[ \t]*(?:date|published|dated|posted|updated|year|filed)[ \t]*:[^\n]*?\b((?:19|20)\d{2})\b/im;

function monthOf(name: string): number | undefined {
  return MONTHS[name.replace(/\.$/, '').toLowerCase()];
}

function valid(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(2000, m - 1, d));
  dt.setUTCFullYear(y);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A year for a dateline that has none, and where it came from: a header line, a full date with the same month and
 * day, the file's name.
 */
function yearFor(head: string, m: number, d: number, fileName: string | undefined): { year: number; from: string } | undefined {
  const h = HEADER_YEAR.exec(head);
  if (h) return { year: +h[1], from: 'a header line' };
  const full = new RegExp(`${MONTH}[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4})|(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+${MONTH},?[ \\t]+(\\d{4})`, 'g');
  for (const f of head.matchAll(full)) {
    const fm = monthOf(f[1] ?? f[5]), fd = +(f[2] ?? f[4]), fy = +(f[3] ?? f[6]);
    if (fm === m && fd === d) return { year: fy, from: 'a full date in the text' };
  }
  return fileName ? yearOfFile(fileName, m) : undefined;
}

/** A date in a file name: year, month, day run together or joined by `-`, `_` or `.`. */
const FILE_DATE = /(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/;
const FILE_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/;

/**
 * The year a file's name or folder gives a dateline of month `m`: the file name's date (a December dateline in a
 * file dated January is the year before, and the other way round), else a year in the file name, else the
 * nearest folder named by a year.
 */
function yearOfFile(fileName: string, m: number): { year: number; from: string } | undefined {
  const parts = fileName.split(/[\\/]/).filter(p => p.length > 0);
  const base = parts.pop();
  if (!base) return undefined;
  const full = FILE_DATE.exec(base);
  if (full) {
    const fy = +full[1], fm = +full[2];
    const year = fm === 1 && m === 12 ? fy - 1 : fm === 12 && m === 1 ? fy + 1 : fy;
    return { year, from: `the file name ${base}` };
  }
  const y = FILE_YEAR.exec(base);
  if (y) return { year: +y[1], from: `the file name ${base}` };
  for (let k = parts.length - 1; k >= 0; k--) {
    if (/^(?:19|20)\d{2}$/.test(parts[k])) return { year: +parts[k], from: `the folder ${parts[k]}` };
  }
  return undefined;
}

/**
 * A dateline with an agency, dated or not (`DAMASCUS, June 9 (Reuters) -`, `WASHINGTON (AP) —`): the place, then
 * anything but parentheses on the same line (a region, a date), then the agency in parentheses and a dash. Group 1:
 * the agency.
 */
const DATELINE_AGENCY = new RegExp(`^[ \\t]*${PLACE}(?:,[^\\n()]{0,80}?)?[ \\t]*\\(([^()\\n]{2,40})\\)[ \\t]*(?:-{1,2}|—|–|_)`, 'mu');

/** The span of the agency a dateline at the top of the text names (`Reuters`), if it names one. */
export function datelineAgency(text: string): { start: number; end: number } | undefined {
  const m = DATELINE_AGENCY.exec(text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text);
  if (!m) return undefined;
  const inner = m[1];
  const lead = inner.length - inner.trimStart().length;
  const name = inner.trim();
  if (!/^\p{Lu}/u.test(name)) return undefined;
  const start = m.index + m[0].indexOf(`(${inner})`) + 1 + lead;
  return { start, end: start + name.length };
}

export const dateline: ReferenceDateSource = {
  id: 'dateline',
  order: 20,
  find(text, fileName) {
    const head = text.slice(0, HEAD_CHARS);
    // month first (`June 9`) or day first (`9 June`): [month group, day group, year group]
    let m = MONTH_DAY.exec(head);
    let groups: [number, number, number];
    if (m) groups = [1, 2, 3];
    else {
      m = DAY_MONTH.exec(head);
      if (!m) return undefined;
      groups = [2, 1, 3];
    }
    const month = monthOf(m[groups[0]]);
    const day = +m[groups[1]];
    if (month === undefined || day < 1 || day > 31) return undefined;
    const found = m[groups[2]] ? { year: +m[groups[2]], from: undefined } : yearFor(head, month, day, fileName);
    if (found === undefined || !valid(found.year, month, day)) return undefined;
    const year = found.year;
    // The span: the date as written in the dateline.
    const idx = m.indices!;
    const spans = groups.map(g => idx[g]).filter((x): x is [number, number] => x !== undefined);
    const start = Math.min(...spans.map(x => x[0]));
    const end = Math.max(...spans.map(x => x[1]));
    const date = { value: `${year}-${pad(month)}-${pad(day)}`, source: 'dateline', start, end };
    return found.from ? { ...date, yearFrom: found.from } : date;
  },
};
