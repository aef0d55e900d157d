// Hover card for figures (distance, area, count, percent): the value in SI units, the usual conversions,
// the unit as written, the hedge, the range.
import type { HoverCard } from '../api';
import type { Annotation, FigureValue } from '../types';
import { convertRange, formatNumber, formatQuantity, formatSI, isUnitLabel, UNITS, UnitLabel } from '../units';

const LABELS: Record<string, string> = { distance: 'Distance', area: 'Area', count: 'Count', percent: 'Percentage' };
const APPROX = { significant: 3 };

function isFigureValue(v: unknown): v is FigureValue {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  const num = (x: unknown) => typeof x === 'number' || (Array.isArray(x) && x.length === 2 && x.every(n => typeof n === 'number'));
  return num(f.amount) && num(f.si) && typeof f.siUnit === 'string' && typeof f.unit === 'string';
}

/** Escapes text for Markdown inline code. */
function code(s: string): string {
  const t = s.replace(/[\r\n]+/g, ' ');
  return t.includes('`') ? `\`\` ${t} \`\`` : `\`${t}\``;
}

function amountText(amount: number | [number, number]): string {
  return typeof amount === 'number' ? formatNumber(amount) : `${formatNumber(amount[0])}–${formatNumber(amount[1])}`;
}

/** `1.5 million` for big counts. */
function inWords(n: number): string | undefined {
  const a = Math.abs(n);
  if (a >= 1e9) return `${formatNumber(n / 1e9, { maxDecimals: 2 })} billion`;
  if (a >= 1e6) return `${formatNumber(n / 1e6, { maxDecimals: 2 })} million`;
  return undefined;
}

function top(x: number | [number, number]): number { return typeof x === 'number' ? Math.abs(x) : Math.max(Math.abs(x[0]), Math.abs(x[1])); }

/** The conversions worth showing for a unit, readable units first, the written unit left out. */
function conversionTargets(unit: UnitLabel, si: number | [number, number]): UnitLabel[] {
  const def = UNITS[unit];
  const size = top(si);
  let targets: UnitLabel[];
  if (def.dimension === 'length') {
    if (def.system === 'metric') targets = size >= 1000 ? ['mi'] : size >= 1 ? ['ft'] : ['in'];
    else if (def.system === 'nautical') targets = ['km', 'mi'];
    else targets = size >= 1000 ? ['km'] : ['m'];
  } else {
    const big = size >= 1e6;
    if (def.system === 'imperial') targets = big ? ['km2', 'ha'] : ['m2', 'ha'];
    else targets = big ? ['mi2', 'ha'] : ['acre', 'ha'];
  }
  return targets.filter(t => t !== unit);
}

export const figureCard: HoverCard = {
  categories: ['distance', 'area', 'count', 'percent'],
  render(annotation: Annotation) {
    const label = LABELS[annotation.category] ?? annotation.category;
    const v = annotation.value;
    if (!isFigureValue(v)) return `**${label}** — ${code(annotation.text)}`;
    const hedge = v.qualifier ? `${v.qualifier} ` : '';
    const lines: string[] = [];
    const isRange = Array.isArray(v.amount);

    if (annotation.category === 'count') {
      const noun = v.noun ? ` ${v.noun}` : '';
      let head = `**${label}** — ${hedge}${amountText(v.amount)}${noun}`;
      const words = typeof v.amount === 'number' ? inWords(v.amount) : undefined;
      if (words) head += ` (${words})`;
      lines.push(head);
      if (v.noun) lines.push(`- Counted: ${v.noun}`);
    } else if (annotation.category === 'percent') {
      lines.push(`**${label}** — ${hedge}${amountText(v.amount)}%`);
      const frac = typeof v.amount === 'number' ? formatNumber(v.amount / 100, { maxDecimals: 6 })
        : `${formatNumber(v.amount[0] / 100, { maxDecimals: 6 })}–${formatNumber(v.amount[1] / 100, { maxDecimals: 6 })}`;
      lines.push(`- As a fraction: ${frac}`);
    } else {
      const unit = v.unit;
      const written = isUnitLabel(unit) ? formatQuantity(v.amount, unit) : `${amountText(v.amount)} ${unit}`;
      lines.push(`**${label}** — ${hedge}${written}`);
      const siUnitText = v.siUnit === 'm' ? 'm' : 'm²';
      const exact = `${amountText(v.si)} ${siUnitText}`;
      const readable = formatSI(v.si, v.siUnit, { maxDecimals: 3 });
      lines.push(`- SI: ${exact}${readable !== exact ? ` (${readable})` : ''}`);
      if (isUnitLabel(unit)) {
        const conv: string[] = [];
        for (const t of conversionTargets(unit, v.si)) {
          const c = convertRange(v.amount, unit, t);
          if (c === undefined) continue;
          const rounded = formatQuantity(c, t, APPROX);
          conv.push(`${rounded === formatQuantity(c, t) ? '=' : '≈'} ${rounded}`);
        }
        if (conv.length) lines.push(`- ${conv.join(' · ')}`);
      }
    }
    if (isRange) {
      const [lo, hi] = v.si as [number, number];
      const mid = (lo + hi) / 2;
      const midText = v.siUnit === 'm' || v.siUnit === 'm2' ? formatSI(mid, v.siUnit, { maxDecimals: 3 })
        : v.siUnit === '%' ? `${formatNumber(mid)}%` : formatNumber(mid);
      lines.push(`- Range; midpoint ${midText}`);
    }
    if (v.approximate) lines.push(`- Approximate${v.qualifier ? `: “${v.qualifier}”` : ''}`);
    lines.push(`- As written: ${code(annotation.text)}${v.unit && v.unit !== '%' ? ` (unit ${code(v.unit)})` : ''}`);
    const d = annotation.data;
    if (d && typeof d.malformedUnit === 'string') {
      lines.push(`- ⚠ Unit ${code(d.malformedUnit)} read as ${typeof d.canonicalUnit === 'string' ? d.canonicalUnit : v.unit}` +
        `; write ${typeof d.canonical === 'string' ? code(d.canonical) : 'the canonical form'} (DL101 unit-malformed)`);
    }
    return lines.join('\n');
  },
};
