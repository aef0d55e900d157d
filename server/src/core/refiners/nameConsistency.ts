// Makes the name tagger's person labels agree across a document (the tagger sees one sentence at a time):
// a single word that is the last word of a person's full name elsewhere in the document is that person
// (`Simmons` after `Phil Simmons`, `Mekdad` after `Faisal Mekdad`), whatever the tagger said in its own
// sentence. (Voting across all repeated names was measured too, and lost: names do change roles.)
// Only mentions of the `ner` recognizer change; the cost is linear in their number.
import type { Refiner } from '../api';
import type { Annotation } from '../types';

export const nameConsistency: Refiner = {
  id: 'name-consistency',
  order: 40,
  refine(annotations) {
    let surnames: Set<string> | undefined;
    // One walk over all mentions; the second only over the tagger's other names.
    const others: Annotation[] = [];
    for (const a of annotations) {
      // People named after a title (recognizers/titledNames.ts) count as the tagger's people.
      if (a.source === 'ner') {
        if (a.data?.ner !== 'PER') { others.push(a); continue; }
      } else if (a.source !== 'titles') continue;
      const sp = a.text.lastIndexOf(' ');
      if (sp > 0) (surnames ??= new Set()).add(a.text.slice(sp + 1));
    }
    if (!surnames) return annotations;
    for (const a of others) {
      if (a.data?.ner === 'PER' || !surnames.has(a.text)) continue;
      a.category = 'person';
      a.data = { ...a.data, ner: 'PER', was: a.data?.ner };
    }
    return annotations;
  },
};
