// The article dates an analyst sets by hand, remembered per file in the workspace state.
import * as vscode from 'vscode';

const KEY = 'dateline.referenceDates';

export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not a usable `YYYY-MM-DD` date, or undefined when it is. */
export function dateProblem(value: string): string | undefined {
  const m = DATE_PATTERN.exec(value);
  if (!m) return 'Write the date as YYYY-MM-DD (e.g. 2017-06-09), or leave it empty to clear it.';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return `${value} is not a date in the calendar.`;
  }
  return undefined;
}

export class ReferenceDates {
  constructor(private readonly state: vscode.Memento) {}

  all(): Record<string, string> {
    const v = this.state.get<Record<string, string>>(KEY);
    return v && typeof v === 'object' ? { ...v } : {};
  }

  get(uri: vscode.Uri): string | undefined {
    return this.all()[uri.toString()];
  }

  async set(uri: vscode.Uri, date: string | null): Promise<void> {
    const all = this.all();
    if (date === null) delete all[uri.toString()];
    else all[uri.toString()] = date;
    await this.state.update(KEY, all);
  }
}
