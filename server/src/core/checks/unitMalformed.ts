// DL101 unit-malformed: a unit written in a form that is wrong or ambiguous about what it measures —
// `550sq/km` and `550 km/sq` (read like a density, "per km"), `30 sq.kms` and `20 kms2` (a plural "s"
// inside an area symbol), `10 km sq` (a square 10 km on a side, or 10 km²?). The figures recognizer still
// reads these as areas and marks them (`data.malformedUnit`, `data.canonical`); this check reports them and
// offers to write the canonical form (`550 km²`).
//
// Not flagged: `km2`, `km^2`, `sq km`, `sq. km`, `sqkm`, `Km`, and the informal plural `kms` of a distance,
// which are common and unambiguous.
import type { Check } from '../api';
import type { Finding } from '../types';
import { annotationIndex, select } from './support';

export const unitMalformed: Check = {
  code: 'DL101',
  name: 'unit-malformed',
  title: 'Malformed unit',
  defaultSeverity: 'warning',
  run(annotations, doc) {
    const out: Finding[] = [];
    for (const a of select(annotationIndex(annotations, doc), ['area', 'distance'])) {
      const d = a.data;
      if (!d || typeof d.malformedUnit !== 'string' || typeof d.canonical !== 'string') continue;
      const reason = typeof d.malformedReason === 'string' ? ` ${d.malformedReason}` : '';
      const unit = typeof d.canonicalUnit === 'string' ? d.canonicalUnit : '';
      out.push({
        code: 'DL101',
        severity: 'warning',
        start: a.start,
        end: a.end,
        message: `Malformed unit in "${a.text}": "${d.malformedUnit}"${reason}. ` +
          `Write ${d.canonical}${unit === 'km²' ? ' (square kilometres)' : unit === 'm²' ? ' (square metres)' : unit === 'sq mi' ? ' (square miles)' : ''}.`,
        fixes: [{
          title: `Write ${d.canonical}`,
          edits: [{ start: a.start, end: a.end, newText: d.canonical }],
          preferred: true,
        }],
        annotations: [a.id],
      });
    }
    return out;
  },
};
