// The `dateline.*` configuration, pulled from the client (`workspace/configuration`) at start and on every
// `workspace/didChangeConfiguration`. The core's part (categories, checks) is normalised by the core; the
// server's own keys are checked here. A malformed value is reported ONCE, naming the setting, and the
// default is used in its place: the server never stops working over a setting.
import type { Connection } from 'vscode-languageserver';
import { normalizeSettings, type Settings } from '../core';
import { describe, warnUser, type Logger } from './guard';

export interface ServerSettings {
  core: Settings;
  /** Analysts' gazetteer files (absolute, or relative to the first workspace folder). */
  gazetteers: string[];
  /** Analysts' actor files. */
  actors: string[];
  /** Quiet time after an edit before analysis starts; further edits within it are coalesced. */
  debounceMs: number;
}

/** Small: an edit on a 200 KB document must reach its diagnostics within 30 ms (p95). */
export const DEFAULT_DEBOUNCE_MS = 4;
export const MAX_DEBOUNCE_MS = 5000;

export function defaultServerSettings(): ServerSettings {
  return { core: normalizeSettings(undefined), gazetteers: [], actors: [], debounceMs: DEFAULT_DEBOUNCE_MS };
}

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every(v => typeof v === 'string')) return value.filter(v => v.trim() !== '');
  problems.push(`dateline.${name}: expected a list of file paths`);
  return [];
}

/** Reads the raw `dateline` section. Every problem names the setting (`dateline.checks.unit-malformed: ...`). */
export function parseServerSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const settings = defaultServerSettings();
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('dateline: expected an object of settings');
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;
  const coreProblems: string[] = [];
  settings.core = normalizeSettings({ categories: r.categories, checks: r.checks }, coreProblems);
  for (const p of coreProblems) problems.push(`dateline.${p}`);
  settings.gazetteers = stringList(r.gazetteers, 'gazetteers', problems);
  settings.actors = stringList(r.actors, 'actors', problems);
  if (r.debounceMs !== undefined && r.debounceMs !== null) {
    const d = r.debounceMs;
    if (typeof d === 'number' && Number.isFinite(d) && d >= 0 && d <= MAX_DEBOUNCE_MS) settings.debounceMs = d;
    else problems.push(`dateline.debounceMs: expected a number of milliseconds from 0 to ${MAX_DEBOUNCE_MS}`);
  }
  // `dateline.files` (which files the extension treats as articles) is the client's business; the server
  // only makes sure a wrong type is reported rather than silently ignored.
  if (r.files !== undefined && r.files !== null) {
    const f = r.files;
    const ok = typeof f === 'string' || (Array.isArray(f) && f.every(v => typeof v === 'string')) ||
      (typeof f === 'object' && !Array.isArray(f));
    if (!ok) problems.push('dateline.files: expected a list of glob patterns');
  }
  return { settings, problems };
}

export class SettingsManager {
  current: ServerSettings = defaultServerSettings();
  /** The last warning shown, so that the same problems are not reported again on every pull. */
  private lastWarning = '';

  constructor(private readonly connection: Connection, private readonly log: Logger, private readonly canPull: boolean) {}

  /**
   * Reads the settings again: from the client when it supports `workspace/configuration`, else from the
   * pushed `didChangeConfiguration` payload. Returns whether anything changed.
   */
  async refresh(pushed?: unknown): Promise<boolean> {
    let raw: unknown;
    if (this.canPull) {
      try {
        raw = await this.connection.workspace.getConfiguration({ section: 'dateline' });
      } catch (error) {
        this.log.warn(`dateline: could not read the settings, keeping the current ones: ${describe(error)}`);
        return false;
      }
    } else {
      const p = pushed as { settings?: { dateline?: unknown } } | undefined;
      if (!p || p.settings === undefined) return false;
      raw = p.settings?.dateline;
    }
    return this.apply(raw);
  }

  apply(raw: unknown): boolean {
    const { settings, problems } = parseServerSettings(raw);
    const warning = problems.length === 0 ? '' :
      `Dateline: ${problems.length === 1 ? 'a setting is' : `${problems.length} settings are`} malformed and ` +
      `${problems.length === 1 ? 'its default is' : 'their defaults are'} used instead: ${problems.join('; ')}.`;
    if (warning && warning !== this.lastWarning) {
      warnUser(this.connection, warning);
    }
    this.lastWarning = warning;
    const changed = JSON.stringify(settings) !== JSON.stringify(this.current);
    this.current = settings;
    return changed;
  }
}
