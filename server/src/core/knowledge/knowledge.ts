// Knowledge the recognizers consult: the built indexes in data/ (gazetteer, actors, models) and the
// analyst's own files. Each component is a provider loaded lazily, once per Knowledge instance; a new
// instance (new settings, a changed file) means fresh caches everywhere.

import * as path from 'path';

export interface KnowledgeProblem {
  file: string;
  /** 1-based line, when the problem is in one line. */
  line?: number;
  message: string;
}

export interface KnowledgeOptions {
  /** Folder of the built indexes. Defaults to the project's data/. */
  dataDir?: string;
  /** Analysts' gazetteer files (GeoNames dumps, GeoJSON, CSV). */
  gazetteers?: string[];
  /** Analysts' actor files. */
  actors?: string[];
}

export interface KnowledgeProvider<T> {
  id: string;
  load(options: Required<KnowledgeOptions>, report: (problem: KnowledgeProblem) => void): T;
}

export const DEFAULT_DATA_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'data');

let generation = 0;

export class Knowledge {
  readonly options: Required<KnowledgeOptions>;
  readonly problems: KnowledgeProblem[] = [];
  /** Changes whenever any cached analysis made with another Knowledge must be dropped. */
  readonly generation = ++generation;
  private readonly loaded = new Map<string, unknown>();

  constructor(options: KnowledgeOptions = {}) {
    this.options = {
      dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
      gazetteers: options.gazetteers ?? [],
      actors: options.actors ?? [],
    };
  }

  get<T>(provider: KnowledgeProvider<T>): T {
    if (this.loaded.has(provider.id)) return this.loaded.get(provider.id) as T;
    const value = provider.load(this.options, p => this.problems.push(p));
    this.loaded.set(provider.id, value);
    return value;
  }
}
