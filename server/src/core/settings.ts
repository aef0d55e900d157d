// The analyst's settings, as the core sees them (the `dateline.*` configuration of the extension).

import { ALL_CATEGORIES, Category, Severity } from './types';

export interface Settings {
  /** Categories to report; a category turned off is neither highlighted nor exported nor checked. */
  categories: Record<Category, boolean>;
  /** Checks by name (`unit-malformed`): false turns one off, a severity overrides its default. */
  checks: Record<string, boolean | Severity>;
}

export function defaultSettings(): Settings {
  const categories = {} as Record<Category, boolean>;
  for (const c of ALL_CATEGORIES) categories[c] = true;
  return { categories, checks: {} };
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/**
 * Merges untrusted settings (from a client or a file) over the defaults. Unknown keys are ignored and
 * wrongly typed values are reported, never thrown.
 */
export function normalizeSettings(raw: unknown, problems: string[] = []): Settings {
  const s = defaultSettings();
  if (raw === null || raw === undefined) return s;
  if (typeof raw !== 'object') { problems.push('settings: expected an object'); return s; }
  const r = raw as Record<string, unknown>;
  if (r.categories !== undefined) {
    if (typeof r.categories !== 'object' || r.categories === null) problems.push('categories: expected an object');
    else for (const [k, v] of Object.entries(r.categories)) {
      if (!(ALL_CATEGORIES as readonly string[]).includes(k)) problems.push(`categories.${k}: unknown category`);
      else if (typeof v !== 'boolean') problems.push(`categories.${k}: expected true or false`);
      else s.categories[k as Category] = v;
    }
  }
  if (r.checks !== undefined) {
    if (typeof r.checks !== 'object' || r.checks === null) problems.push('checks: expected an object');
    else for (const [k, v] of Object.entries(r.checks)) {
      if (typeof v === 'boolean' || (typeof v === 'string' && SEVERITIES.has(v))) s.checks[k] = v as boolean | Severity;
      else problems.push(`checks.${k}: expected true, false or a severity`);
    }
  }
  return s;
}
