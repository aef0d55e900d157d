// Names of people, organizations, places and other names (nationalities, events, products) in running
// text: the statistical tagger of core/ner (an averaged perceptron trained on CoNLL-2003, see docs/ner.md).
// Place and organization mentions are linked to the gazetteer and the actor catalogue by refiners.
import type { SegmentRecognizer } from '../api';
import type { Knowledge } from '../knowledge/knowledge';
import { nerModelProvider } from '../ner/model-io';
import { Tagger, taggerFor } from '../ner/tagger';
import type { Category, Mention } from '../types';

const CATEGORY: readonly Category[] = ['person', 'place', 'organization', 'misc']; // by TYPES index
const LABEL = ['PER', 'LOC', 'ORG', 'MISC'];

let lastKnowledge: Knowledge | undefined;
let lastTagger: Tagger | undefined;

export const names: SegmentRecognizer = {
  id: 'ner',
  categories: ['person', 'organization', 'place', 'misc'],
  priority: 30,
  recognize(segment, ctx) {
    const c = ctx.settings.categories;
    if (!c.person && !c.organization && !c.place && !c.misc) return [];
    if (ctx.knowledge !== lastKnowledge) {
      const model = ctx.knowledge.get(nerModelProvider);
      lastTagger = model && taggerFor(model);
      lastKnowledge = ctx.knowledge;
    }
    const tagger = lastTagger;
    if (!tagger) return [];
    const text = segment.text;
    const n = tagger.run(text);
    if (n === 0) return [];
    const out: Mention[] = [];
    for (let i = 0; i < n; i++) {
      const t = tagger.types[i], category = CATEGORY[t];
      if (!c[category]) continue;
      const start = tagger.starts[i], end = tagger.ends[i];
      out.push({
        category, start, end, text: text.slice(start, end), source: 'ner',
        data: { ner: LABEL[t], confidence: Math.round(tagger.confidences[i] * 100) / 100 },
      });
    }
    return out;
  },
};
