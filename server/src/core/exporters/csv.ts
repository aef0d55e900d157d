// CSV (RFC 4180): one row per annotation, all documents under one header.
import type { ExportAnnotation, Exporter } from './document';

const COLUMNS = ['file', 'id', 'category', 'start', 'end', 'text', 'amount', 'unit', 'si', 'si_unit', 'approximate',
  'timex', 'timex_type', 'timex_mod', 'place_id', 'place_name', 'lat', 'lon', 'country', 'place_kind',
  'actor_id', 'actor_name', 'actor_type'] as const;

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  let s = Array.isArray(v) ? v.join('-') : String(v);
  // Spreadsheets run cells that start with these as formulas: keep them text.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function row(file: string, a: ExportAnnotation): string {
  const v = a.value as Record<string, unknown> | undefined;
  const values: Record<(typeof COLUMNS)[number], unknown> = {
    file, id: a.id, category: a.category, start: a.start, end: a.end, text: a.text,
    amount: v?.amount, unit: v?.unit, si: v?.si, si_unit: v?.siUnit, approximate: v?.approximate,
    timex: v?.timex, timex_type: v?.type, timex_mod: v?.mod,
    place_id: a.place?.id, place_name: a.place?.name, lat: a.place?.lat, lon: a.place?.lon,
    country: a.place?.country ?? a.actor?.country, place_kind: a.place?.kind,
    actor_id: a.actor?.id, actor_name: a.actor?.name, actor_type: a.actor?.type,
  };
  return COLUMNS.map(c => cell(values[c])).join(',');
}

export const csvExporter: Exporter = {
  id: 'csv',
  label: 'CSV (one row per annotation)',
  extension: 'csv',
  render(docs) {
    const lines = [COLUMNS.join(',')];
    for (const d of docs) for (const a of d.annotations) lines.push(row(d.file, a));
    return lines.join('\r\n') + '\r\n';
  },
};
