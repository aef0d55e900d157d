// The Outline: one parent symbol per category present, in the legend's order; its children are the
// annotations of that category, each with a one-line summary of its value as `detail`.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { ALL_CATEGORIES, type Annotation, type Category, type FigureValue, type TimexValue } from '../core';
import type { Analysed } from './documents';

const KIND: Record<Category, SymbolKind> = {
  person: SymbolKind.Object,
  organization: SymbolKind.Struct,
  place: SymbolKind.Namespace,
  misc: SymbolKind.Key,
  date: SymbolKind.Event,
  time: SymbolKind.Event,
  duration: SymbolKind.Number,
  set: SymbolKind.Array,
  distance: SymbolKind.Number,
  area: SymbolKind.Number,
  count: SymbolKind.Number,
  percent: SymbolKind.Number,
};

/** One formatter for all (`toLocaleString` with options builds a new one per call: 100 times slower). */
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

function num(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 1e15 || (n !== 0 && Math.abs(n) < 1e-6) ? n.toExponential(3) : NUMBER.format(n);
}
function amount(v: number | [number, number]): string {
  return Array.isArray(v) ? `${num(v[0])}–${num(v[1])}` : num(v);
}

function isFigure(v: unknown): v is FigureValue { return !!v && typeof v === 'object' && 'siUnit' in v; }
function isTimex(v: unknown): v is TimexValue { return !!v && typeof v === 'object' && 'timex' in v; }

/** One line saying what the annotation means (its SI value, its TIMEX3 value, the place or actor it is). */
export function valueSummary(a: Annotation): string {
  const parts: string[] = [];
  const v = a.value;
  if (isFigure(v)) {
    const si = v.siUnit === '1' ? amount(v.si) : v.siUnit === '%' ? `${amount(v.si)} %` : `${amount(v.si)} ${v.siUnit === 'm2' ? 'm²' : v.siUnit}`;
    const written = v.unit ? `${amount(v.amount)} ${v.unit}` : amount(v.amount);
    parts.push(written === si || v.siUnit === '1' || v.siUnit === '%' ? si : `${written} = ${si}`);
    if (v.noun) parts.push(v.noun);
    if (v.approximate) parts.push(v.qualifier ? `approximate (${v.qualifier})` : 'approximate');
  } else if (isTimex(v)) {
    parts.push(`${v.type} ${v.timex}${v.mod ? ` ${v.mod}` : ''}`);
    if (v.approximate) parts.push('approximate');
    if (v.unresolved) parts.push('unresolved: no reference date');
  }
  if (a.place) parts.push(`${a.place.name}, ${a.place.country} (${a.place.lat.toFixed(4)}, ${a.place.lon.toFixed(4)})`);
  else if (a.unresolved && !isTimex(v)) parts.push('not in the gazetteer');
  if (a.actor) parts.push(`${a.actor.name} (${a.actor.type})`);
  return parts.join(' · ');
}

function symbolName(text: string): string {
  const name = text.replace(/\s+/g, ' ').trim();
  return name.length === 0 ? '(blank)' : name.length > 120 ? `${name.slice(0, 119)}…` : name;
}

/** Children listed per category: an Outline of a huge document stays usable (and its message small). */
export const MAX_CHILDREN = 2000;

export function documentSymbols(analysed: Analysed): DocumentSymbol[] {
  const snap = analysed.snapshot;
  const byCategory = new Map<Category, DocumentSymbol[]>();
  const counts = new Map<Category, number>();
  for (const a of analysed.result.annotations) {
    const n = (counts.get(a.category) ?? 0) + 1;
    counts.set(a.category, n);
    if (n > MAX_CHILDREN) continue;
    const range = snap.range(a.start, a.end);
    const child: DocumentSymbol = {
      name: symbolName(a.text), detail: valueSummary(a), kind: KIND[a.category] ?? SymbolKind.Key,
      range, selectionRange: range,
    };
    let list = byCategory.get(a.category);
    if (!list) byCategory.set(a.category, list = []);
    list.push(child);
  }
  const out: DocumentSymbol[] = [];
  for (const c of ALL_CATEGORIES) {
    const children = byCategory.get(c);
    if (!children) continue;
    // The parent spans its children (children come sorted by position).
    const range = { start: children[0].range.start, end: children[children.length - 1].range.end };
    let end = range.end;
    for (const ch of children) {
      const e = ch.range.end;
      if (e.line > end.line || (e.line === end.line && e.character > end.character)) end = e;
    }
    range.end = end;
    const total = counts.get(c) ?? children.length;
    const detail = `${NUMBER.format(total)} ${total === 1 ? 'mention' : 'mentions'}` +
      (total > children.length ? ` (the first ${NUMBER.format(children.length)} listed)` : '');
    out.push({
      name: c, detail, kind: KIND[c],
      range, selectionRange: children[0].selectionRange, children,
    });
  }
  return out;
}
