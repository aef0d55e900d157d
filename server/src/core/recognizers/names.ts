// Names of people, organizations, places and other names (nationalities, events, products) in running
// text: the statistical tagger of core/ner (an averaged perceptron trained on CoNLL-2003, see docs/ner.md).
// Place and organization mentions are linked to the gazetteer and the actor catalogue by refiners.
import type { SegmentRecognizer } from '../api';
import { nerModelProvider } from '../ner/model-io';
import { taggerFor } from '../ner/tagger';
import type { Category, Mention } from '../types';

const CATEGORY: Record<string, Category> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'misc' };

export const names: SegmentRecognizer = {
  id: 'ner',
  categories: ['person', 'organization', 'place', 'misc'],
  priority: 10,
  recognize(segment, ctx) {
    const c = ctx.settings.categories;
    if (!c.person && !c.organization && !c.place && !c.misc) return [];
    const model = ctx.knowledge.get(nerModelProvider);
    if (!model) return [];
    const text = segment.text;
    const out: Mention[] = [];
    for (const s of taggerFor(model).tag(text)) {
      const category = CATEGORY[s.type];
      if (!c[category]) continue;
      out.push({
        category, start: s.start, end: s.end, text: text.slice(s.start, s.end), source: 'ner',
        data: { ner: s.type, confidence: s.confidence },
      });
    }
    return out;
  },
};
