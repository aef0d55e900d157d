// The news agency in a dateline: `DAMASCUS, June 9 (Reuters) -`, `WASHINGTON (AP) —`. The name in parentheses
// between the dateline's place (or date) and its dash is the agency that filed the story: an organisation, whatever
// the tagger or the gazetteer made of it (`(AP)` a place, an agency of one's own a person). Where nothing was found
// there, it is added as an organisation. Only the first lines are read, and only one dateline.
import type { Refiner } from '../api';
import { datelineAgency } from '../referenceDate/dateline';
import type { Annotation } from '../types';

/** How far from the dateline the refiner looks for annotations in it (the list is mostly in order). */
const NEAR = 3000;

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
        if (a.start > span.end + NEAR) break;
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
