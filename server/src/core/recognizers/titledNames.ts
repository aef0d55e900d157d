// People named after a title: `President Bashar al-Assad`, `Defence Minister Sergei Shoigu`, `Sheikh Tamim bin
// Hamad`, `UN envoy Staffan de Mistura`. The name tagger misses some of them (it found nothing in `Syrian President
// Bashar al-Assad met...`, and the gazetteer then offered `Bashar` as a place); a title before capitalised words is
// strong evidence of a person. The name is one to four capitalised words, with the particles of names between them
// (`bin`, `de`, `al`) and glued ones (`al-Assad`); a name with a word of an institution or a structure in it
// (`King Abdulaziz University`, `King Fahd Causeway`) is none. Above the tagger in priority: where both find a
// person, the span with the title's evidence stands (the tagger sometimes stops at `Bashar`).
import type { SegmentRecognizer } from '../api';
import { segmentSpans } from '../geo/tokens';
import { TB_INITUPPER } from '../text/tokenize';
import type { Mention } from '../types';

/** Titles and roles written before a name (capitalised, or the lower-case roles of news: `envoy`, `leader`). */
const TITLES = new Set([
  'President', 'Vice-President', 'Minister', 'Premier', 'Chancellor', 'King', 'Queen', 'Prince', 'Princess', 'Crown',
  'Sheikh', 'Emir', 'Sultan', 'Ayatollah', 'Pope', 'Cardinal', 'Archbishop', 'Imam', 'Gen.', 'Lt.', 'Col.', 'Maj.',
  'Brig.', 'Capt.', 'Cmdr.', 'Adm.', 'Sgt.', 'Marshal', 'Colonel', 'Lieutenant', 'Brigadier', 'Commander', 'Governor',
  'Gov.', 'Senator', 'Sen.', 'Rep.', 'Mayor', 'Ambassador', 'Envoy', 'Speaker', 'Mr.', 'Mrs.', 'Ms.', 'Dr.',
  'Secretary', 'Secretary-General', 'Leader', 'Chairman', 'Chairwoman', 'Director', 'Justice', 'Rabbi', 'Bishop',
  'Patriarch', 'envoy', 'leader', 'spokesman', 'spokeswoman', 'commander', 'chief',
]);
/** The departments of a `Secretary of ...` (`Secretary of State Antony Blinken`), skipped before the name. */
const DEPARTMENTS = new Set(['State', 'Defense', 'Defence', 'War', 'Homeland', 'Security', 'Health', 'Human', 'Services',
  'Energy', 'Commerce', 'Labor', 'Transportation', 'Agriculture', 'Education', 'Interior', 'Veterans', 'Affairs',
  'Housing', 'Treasury', 'Navy', 'Army', 'Air', 'Force', 'the']);
/** Lower-case particles between the words of a name. */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'wa', 'de', 'del', 'della', 'da', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le']);
/** Words that make a title and capitalised words a place or an institution, not a person. */
const NOT_PERSON = new Set(['University', 'College', 'School', 'Institute', 'Hospital', 'Airport', 'Air', 'Base', 'Bridge',
  'Causeway', 'Street', 'Road', 'Avenue', 'Square', 'Mosque', 'Church', 'Cathedral', 'Palace', 'Foundation', 'Center',
  'Centre', 'Stadium', 'Hotel', 'Park', 'Dam', 'Highway', 'Port', 'Canal', 'Fund', 'Prize', 'Award', 'Cup', 'Council', 'Ministry', 'Office', 'Party', 'Forces', 'Army', 'Group', 'Corporation', 'Company', 'Bank', 'City', 'Province']);
/** Capitalised words that end a name or are none (`Foreign Minister Jose Miguel Insulza Monday`, `Prime Minister`). */
const NOT_NAME = new Set(['The', 'A', 'An', 'Of', 'And', 'In', 'On', 'At', 'For', 'To', 'Monday', 'Tuesday', 'Wednesday',
  'Thursday', 'Friday', 'Saturday', 'Sunday', 'Minister', 'President', 'General', 'Secretary', 'Foreign', 'Defence',
  'Defense', 'Interior', 'Prime', 'Deputy', 'Vice', 'Elect', 'Emeritus', 'January', 'February', 'March', 'August',
  'September', 'October', 'November', 'December']);
const MAX_WORDS = 4;

/** Quick test: the segment holds a title at all. */
const ANY_TITLE = new RegExp(`\\b(?:${[...TITLES].map(t => t.replace(/[.-]/g, m => `\\${m}`)).join('|')})`);

export const titledNames: SegmentRecognizer = {
  id: 'titles',
  categories: ['person'],
  priority: 32,
  recognize(segment, ctx) {
    if (!ctx.settings.categories.person) return [];
    const text = segment.text;
    if (!ANY_TITLE.test(text)) return [];
    const spans = segmentSpans(text);
    const n = spans.count, starts = spans.starts, ends = spans.ends, bits = spans.bits;
    const out: Mention[] = [];
    for (let k = 0; k < n - 1; k++) {
      const title = text.slice(starts[k], ends[k]);
      if (!TITLES.has(title)) continue;
      // The name: capitalised words, particles between them; stops at anything else.
      let last = -1, words = 0, j = k + 1;
      if (title === 'Secretary' && j < n && text.slice(starts[j], ends[j]) === 'of') {
        let d = j + 1;
        while (d < n && DEPARTMENTS.has(text.slice(starts[d], ends[d])) && d - j <= 3) d++;
        if (d === j + 1) continue;
        j = d;
      }
      const nameStart = j;
      while (j < n && words < MAX_WORDS) {
        const w = text.slice(starts[j], ends[j]);
        if (starts[j] > ends[j - 1] + 1) break; // more than one space: no name run
        if ((bits[j] & TB_INITUPPER) || /^[a-z]{1,3}-\p{Lu}/u.test(w)) {
          if (NOT_NAME.has(w)) break;
          if (NOT_PERSON.has(w) || TITLES.has(w)) { last = -2; break; }
          last = j; words++; j++;
          continue;
        }
        if (words > 0 && PARTICLES.has(w)) { j++; continue; }
        break;
      }
      if (last < 0) continue;
      // A name of one word: at least three letters and not all capitals (`Mr. X`, `President NATO`).
      const start = starts[nameStart], end = ends[last];
      const name = text.slice(start, end);
      if (words === 1 && (name.length < 3 || name === name.toUpperCase())) continue;
      out.push({ category: 'person', start, end, text: name, source: 'titles', data: { title } });
      k = last;
    }
    return out;
  },
};
