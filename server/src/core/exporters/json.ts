// JSON: one document, pretty-printed; several: JSON Lines, one document a line, in input order.
import type { Exporter } from './document';

export const jsonExporter: Exporter = {
  id: 'json',
  label: 'JSON (annotations and diagnostics)',
  extension: 'json',
  render(docs) {
    if (docs.length === 1) return JSON.stringify(docs[0], null, 2) + '\n';
    return docs.map(d => JSON.stringify(d)).join('\n') + '\n';
  },
};
