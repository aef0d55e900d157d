// DL105 parts-exceed-total: a count broken down into parts that add up to more than the count —
// `12 people were killed, including 7 soldiers and 8 civilians` (7 + 8 = 15 > 12).
//
// A breakdown is a count (the total), then in the same sentence `including`, `among them`, `among whom`,
// `of whom`, `of them` or a colon, then a list of counts joined only by commas, `and`, `as well as` or
// `plus` (`including 7 soldiers, 3 police officers and 8 civilians`); or the other way round, a list of
// counts followed by `among the` total (`7 soldiers and 8 civilians were among the 12 people killed`).
// The parts must count the same kind of thing as the total: people with people (`soldiers`, `children`,
// `women` within `people`, `dead`, `casualties`), things with things.
//
// Hedges: a total that is a lower bound (`at least 12`, `more than 12`) or parts that are upper bounds
// (`up to 7`) cannot be exceeded and are skipped; an approximate total (`about 12`) is exceeded only by
// more than 10% (and at least 1). Ranges: the total's high end against the parts' low ends.
//
// No fix: which figure is wrong cannot be told from the text.
import type { Check } from '../api';
import type { Annotation, FigureValue, Finding } from '../types';
import { annotationIndex, bounds, examined, figure, HEDGE_SOURCE, hedgeOf, select } from './support';
import { memoize } from '../memo';

/** Nouns that count people (and participles used for them: `12 dead`). */
const PEOPLE = new Set(['people', 'person', 'persons', 'civilian', 'civilians', 'soldier', 'soldiers', 'fighter', 'fighters',
  'troops', 'militant', 'militants', 'militiamen', 'militiaman', 'insurgent', 'insurgents', 'rebel', 'rebels', 'jihadist',
  'jihadists', 'gunman', 'gunmen', 'policeman', 'policemen', 'officer', 'officers', 'police', 'personnel', 'guard', 'guards',
  'commander', 'commanders', 'recruit', 'recruits', 'volunteer', 'volunteers', 'child', 'children', 'kid', 'kids', 'minor',
  'minors', 'woman', 'women', 'man', 'men', 'boy', 'boys', 'girl', 'girls', 'baby', 'babies', 'infant', 'infants', 'student',
  'students', 'pupil', 'pupils', 'teacher', 'teachers', 'worker', 'workers', 'employee', 'employees', 'resident', 'residents',
  'inhabitant', 'inhabitants', 'villager', 'villagers', 'citizen', 'citizens', 'refugee', 'refugees', 'migrant', 'migrants',
  'evacuee', 'evacuees', 'casualty', 'casualties', 'fatality', 'fatalities', 'death', 'deaths', 'victim', 'victims', 'body',
  'bodies', 'survivor', 'survivors', 'hostage', 'hostages', 'prisoner', 'prisoners', 'detainee', 'detainees', 'captive',
  'captives', 'journalist', 'journalists', 'reporter', 'reporters', 'doctor', 'doctors', 'nurse', 'nurses', 'medic', 'medics',
  'paramedic', 'paramedics', 'patient', 'patients', 'protester', 'protesters', 'protestor', 'protestors', 'demonstrator',
  'demonstrators', 'pilgrim', 'pilgrims', 'passenger', 'passengers', 'crew', 'sailor', 'sailors', 'diplomat', 'diplomats',
  'observer', 'observers', 'peacekeeper', 'peacekeepers', 'suspect', 'suspects', 'member', 'members', 'leader', 'leaders',
  'foreigner', 'foreigners', 'national', 'nationals', 'expatriate', 'expatriates', 'tourist', 'tourists', 'visitor',
  'visitors', 'staff', 'contractor', 'contractors', 'others', 'dead', 'wounded', 'injured', 'killed', 'missing', 'displaced',
  'arrested', 'detained', 'abducted', 'kidnapped', 'captured', 'executed', 'evacuated', 'homeless']);

/**
 * Counts that do not name a subset: `others` is the complement (`including two children, and 30 others were
 * wounded`), a participle another outcome (`including 7 soldiers, and 30 wounded`). They end a list of parts.
 */
const NOT_A_PART = new Set(['others', 'dead', 'wounded', 'injured', 'killed', 'missing', 'displaced', 'arrested', 'detained',
  'abducted', 'kidnapped', 'captured', 'executed', 'evacuated', 'homeless']);

const HEDGE = `(?:${HEDGE_SOURCE}[ \\u00a0]+)?`;
/** Between the total and the first part. */
const INTRODUCER = new RegExp(`(?:,|;|\\(|—|–|-)?[ \\u00a0]*(?:including|included|among (?:them|whom|those|the dead|the victims|the casualties)|of whom|of them|:)[ \\u00a0]+${HEDGE}$`, 'i');
/** INTRODUCER's test of a gap, kept by its text across analyses (the pattern, end-anchored only, is tried at every character). */
const introduces = memoize(4096, (gap: string): boolean => INTRODUCER.test(gap));
/** Between two parts. */
export const JOINER = new RegExp(`^(?:[ \\u00a0]*,[ \\u00a0]*(?:and[ \\u00a0]+)?|[ \\u00a0]+(?:and|as well as|plus)[ \\u00a0]+)${HEDGE}$`, 'i');
/**
 * `JOINER.test(text.slice(from, to))`, sliced and matched only when the gap can join: after its leading spaces
 * it must go on with a comma, `and`/`as well as` or `plus` (most gaps between two counts are a clause).
 */
export function joins(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k++;
  if (k >= to || k >= text.length) return false;
  const c = text.charCodeAt(k) | 32;
  return (c === 44 || c === 97 || c === 112) && JOINER.test(text.slice(from, to));
}
/** Between the last part of a list and the total that follows it: `… were among the 12 people killed`. */
const AMONG_THE = new RegExp(`^[ \\u00a0]+(?:were|are|was|is)?[ \\u00a0]*among[ \\u00a0]+(?:the[ \\u00a0]+)?${HEDGE}$`, 'i');
/** Words between the total and the introducer: a short clause (`people were killed`), no other figure. */
const MAX_GAP = 80;

function kind(v: FigureValue): 'people' | 'things' {
  return v.noun && PEOPLE.has(v.noun) ? 'people' : 'things';
}

/** No sentence end between two annotations. */
function sameSentence(text: string, a: Annotation, b: Annotation): boolean {
  return !/[.!?]["”’]?[ \u00a0]+[\p{Lu}"“]|\n/u.test(text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)));
}

export const partsExceedTotal: Check = {
  code: 'DL105',
  name: 'parts-exceed-total',
  title: 'Parts exceed their total',
  defaultSeverity: 'warning',
  run(annotations, doc) {
    const out: Finding[] = [];
    const text = doc.text;
    const counts = select(annotationIndex(annotations, doc), ['count']).filter(a => figure(a));
    for (let i = 0; i < counts.length; i++) {
      const total = counts[i];
      const next = counts[i + 1];
      if (!next) break;
      // Total first: `12 people were killed, including 7 soldiers and 8 civilians`.
      // (The gap is sliced only when it can be short enough: next.start - total.end is its length when positive.)
      const gap = next.start - total.end <= MAX_GAP ? text.slice(total.end, next.start) : undefined;
      if (gap !== undefined && gap.length <= MAX_GAP && introduces(gap) && sameSentence(text, total, next)) {
        const parts = [next];
        for (let k = i + 2; k < counts.length; k++) {
          const prev = parts[parts.length - 1];
          if (!joins(text, prev.end, counts[k].start)) break;
          parts.push(counts[k]);
        }
        const totalNoun = figure(total)?.noun;
        const cut = parts.findIndex(p => { const n = figure(p)?.noun; return !!n && NOT_A_PART.has(n) && n !== totalNoun; });
        if (cut >= 0) parts.length = cut;
        if (parts.length === 0) continue;
        examined(doc, 'DL105');
        const f = judge(total, parts);
        if (f) out.push(f);
        continue;
      }
    }
    // Parts first: `7 soldiers and 8 civilians were among the 12 people killed`.
    for (let i = 0; i < counts.length; i++) {
      const first = counts[i];
      if (i > 0 && joins(text, counts[i - 1].end, first.start)) continue; // not the start of a list
      const parts = [first];
      let k = i + 1;
      while (k < counts.length && joins(text, parts[parts.length - 1].end, counts[k].start)) parts.push(counts[k++]);
      const total = counts[k];
      if (!total || parts.length < 2) continue;
      // `7 soldiers and 8 civilians killed were among the 12`: one participle may follow the list.
      const tail = text.slice(parts[parts.length - 1].end, total.start).replace(/^[ \u00a0]+(?:killed|wounded|injured|dead)\b/i, '');
      if (!AMONG_THE.test(tail)) continue;
      examined(doc, 'DL105');
      const f = judge(total, parts);
      if (f) out.push(f);
    }
    return out;
  },
};

function judge(total: Annotation, parts: Annotation[]): Finding | undefined {
  const vt = figure(total)!;
  const k = kind(vt);
  const vps = parts.map(p => figure(p)!);
  if (vps.some(v => kind(v) !== k)) return undefined;
  const ht = hedgeOf(vt);
  if (ht === 'lower') return undefined;
  if (vps.some(v => hedgeOf(v) === 'upper')) return undefined;
  const totalHigh = bounds(vt.amount)[1];
  const sum = vps.reduce((s, v) => s + bounds(v.amount)[0], 0);
  const slack = ht === 'approx' ? Math.max(1, totalHigh * 0.1) : 0;
  if (sum <= totalHigh + slack) return undefined;
  const list = parts.map(p => p.text).join(' + ');
  return {
    code: 'DL105',
    severity: 'warning',
    start: total.start,
    end: total.end,
    message: `The parts add up to more than the total: ${list} = ${sum}, more than ${vt.qualifier ? vt.qualifier + ' ' : ''}${total.text}.`,
    related: parts.map(p => ({ start: p.start, end: p.end, message: `part: ${p.text}` })),
    annotations: [total.id, ...parts.map(p => p.id)],
  };
}
