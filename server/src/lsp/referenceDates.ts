// The analyst's article date per file ("Set Article Date"): used when the text gives none
// (AnalyzeOptions.fallbackReferenceDate). Given at start in initializationOptions.referenceDates and later
// by the `dateline/setReferenceDate` notification.
import { uriToPath } from './knowledge';

/** `YYYY-MM-DD` naming a real calendar day. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** One key per file however its URI is spelled (`file:///c%3A/x` and `file:///c:/x`). */
function key(uri: string): string {
  const p = uriToPath(uri);
  return p !== undefined ? `file:${p}` : uri;
}

export class ReferenceDates {
  private dates = new Map<string, string>();

  /** Loads `initializationOptions.referenceDates`; returns the entries it ignored. */
  load(raw: unknown): string[] {
    const ignored: string[] = [];
    if (raw === undefined || raw === null) return ignored;
    if (typeof raw !== 'object' || Array.isArray(raw)) return ['referenceDates: expected an object'];
    for (const [uri, date] of Object.entries(raw as Record<string, unknown>)) {
      if (isIsoDate(date)) this.dates.set(key(uri), date);
      else ignored.push(`${uri}: ${JSON.stringify(date)}`);
    }
    return ignored;
  }

  /** Sets or (null) clears a file's date. Throws on a malformed date. */
  set(uri: string, date: string | null): void {
    if (date === null) { this.dates.delete(key(uri)); return; }
    if (!isIsoDate(date)) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
    this.dates.set(key(uri), date);
  }

  get(uri: string): string | undefined { return this.dates.get(key(uri)); }
}
