// Hover card for dates, times, durations and sets: the value in words and in TIMEX3 (ISO 8601), the
// granularity, the weekday, the modifier, how the value was resolved (its anchor) and, when it could not
// be resolved, how to give the article a date.
import type { AnalysisResult, HoverCard } from '../api';
import { weekday } from '../time/calendar';
import { WEEKDAY_NAMES } from '../time/lexicon';
import { granularityWords, MOD_WORDS, timexWords } from '../time/words';
import type { Annotation, TimexValue } from '../types';
import { esc } from './markdown';

const LABELS: Record<string, string> = { date: 'Date', time: 'Time', duration: 'Duration', set: 'Recurrence' };

function isTimexValue(v: unknown): v is TimexValue {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  return typeof t.timex === 'string' && typeof t.type === 'string';
}

function code(s: string): string {
  const t = s.replace(/[\r\n]+/g, ' ');
  return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
}

export const HOW_TO_SET_DATE = 'Give the article a date to resolve it: the command **Dateline: Set Article Date**, ' +
  'a header line `Date: YYYY-MM-DD` at the top of the file, or the CLI option `--reference-date YYYY-MM-DD`.';

export const dateCard: HoverCard = {
  categories: ['date', 'time', 'duration', 'set'],
  render(annotation: Annotation, result: AnalysisResult) {
    const label = LABELS[annotation.category] ?? annotation.category;
    const v = annotation.value;
    if (!isTimexValue(v)) return `**${label}** — ${code(annotation.text)}`;
    const data = annotation.data ?? {};
    const freq = typeof data.freq === 'string' ? data.freq : undefined;
    const quant = typeof data.quant === 'string' ? data.quant : undefined;
    const { words, gran, cal } = timexWords(v.timex, v.type, freq);
    const mod = v.mod ? MOD_WORDS[v.mod] ?? v.mod.toLowerCase() : undefined;
    const lines: string[] = [];
    const shown = mod && (v.type === 'DATE' || v.type === 'TIME') ? `${mod} ${words}` : mod ? `${mod} ${words}` : words;
    lines.push(`**${label}** — ${shown}${v.approximate && v.mod !== 'APPROX' ? ' (approximately)' : ''}`);
    const iso = [`TIMEX3 ${code(v.timex)}`, `type ${v.type}`];
    if (v.mod) iso.push(`mod ${v.mod}`);
    if (freq) iso.push(`freq ${freq}`);
    if (quant) iso.push(`quant ${quant}`);
    lines.push(iso.join(' · '));
    const facts: string[] = [];
    if (gran) facts.push(`Granularity: ${granularityWords(gran)}`);
    if (cal && cal.d !== undefined && cal.m !== undefined) facts.push(`Weekday: ${WEEKDAY_NAMES[weekday({ y: cal.y, m: cal.m, d: cal.d }) - 1]}`);
    if (facts.length) lines.push(facts.join(' · '));
    if (v.anchor) lines.push(`Resolved: ${v.anchor}`);
    if (v.unresolved) {
      lines.push(`*Relative to the article's date, which is not known.* ${HOW_TO_SET_DATE}`);
    } else if (result.referenceDate && v.type !== 'DURATION' && v.type !== 'SET') {
      const r = result.referenceDate;
      lines.push(`Article date: ${r.value} (from ${r.source === 'option' ? 'the command line' : r.source === 'analyst' ? 'the analyst (Set Article Date)' : `the ${r.source}`}${r.yearFrom ? `, the year from ${esc(r.yearFrom)}` : ''})`);
    }
    return lines.join('  \n');
  },
};
