// The news agency in a dateline: `DAMASCUS, June 9 (Reuters) -`, `WASHINGTON (AP) —`. The name in parentheses
// between the dateline's place (or date) and its dash is the agency that filed the story: an organisation, whatever
// the tagger or the gazetteer made of it (`(AP)` a place, an agency of one's own a person). Where nothing was found
// there, it is added as an organisation. Only the first lines are read, and only one dateline.
import type { Refiner } from '../api';
import type { Annotation } from '../types';

/** Only the top of the file holds the dateline. */
const HEAD_CHARS = 3000;
/**
 * A dateline with an agency: upper-case place words, then anything but parentheses on the same line (a region, a
 * date), then the agency in parentheses and a dash. Group 1: the agency.
 */
const DATELINE_AGENCY = /^[ \t]*[A-Z][A-Z'’.\- ]*[A-Z.](?:,[^\n()]{0,80}?)?[ \t]*\(([^()\n]{2,40})\)[ \t]*(?:-{1,2}|—|–|_)/m;

/** The agency's span in the text, if the text opens with a dateline that names one. */
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

export const datelineAgencyRefiner: Refiner = {
  id: 'dateline-agency',
  order: 58,
  refine(annotations, doc) {
    if (!doc.settings.categories.organization) return annotations;
    const span = datelineAgency(doc.text);
    if (!span) return annotations;
    let covered = false;
    let changed: Annotation[] | undefined;
    for (let i = 0; i < annotations.length; i++) {
      const a = annotations[i];
      if (a.start >= span.end) {
        // Most annotations start after the dateline: the list is mostly in order, so stop at the first far one.
        if (a.start > span.end + HEAD_CHARS) break;
        continue;
      }
      if (a.end <= span.start) continue;
      covered = true;
      if (a.category === 'organization' || a.start < span.start || a.end > span.end) continue;
      (changed ??= annotations.slice())[i] = { ...a, category: 'organization', place: undefined, unresolved: undefined, data: { ...a.data, agency: true } };
    }
    if (covered) return changed ?? annotations;
    const text = doc.text.slice(span.start, span.end);
    const agency: Annotation = {
      id: '', category: 'organization', start: span.start, end: span.end, text, source: 'dateline',
      value: undefined, place: undefined, actor: undefined, unresolved: undefined, data: { agency: true },
    };
    return [agency, ...annotations];
  },
};
