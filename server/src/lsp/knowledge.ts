// The knowledge the analyses use: the shipped data plus the analyst's gazetteer and actor files named in the
// settings. A new Knowledge (and so fresh caches in every Analyzer) is built when those settings change or
// when `workspace/didChangeWatchedFiles` names one of the files. Problems in the files (file + line) are
// shown once per set of problems.
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  Connection, DidChangeWatchedFilesNotification, Disposable, FileSystemWatcher,
} from 'vscode-languageserver';
import { Knowledge, type KnowledgeProblem } from '../core';
import { describe, warnUser, type Logger } from './guard';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

/** Same file, whatever the spelling of its URI or path (case-insensitive file systems aside). */
function samePathKey(p: string): string {
  const n = path.normalize(p);
  return process.platform === 'win32' || process.platform === 'darwin' ? n.toLowerCase() : n;
}

export interface WatchCapabilities { dynamicRegistration: boolean; relativePatternSupport: boolean }

export class KnowledgeManager {
  knowledge = new Knowledge();
  private key = JSON.stringify([[], []]);
  private files = new Set<string>();
  /** How many of a Knowledge's problems have been shown already. */
  private reported = new WeakMap<Knowledge, number>();
  private registration: Promise<Disposable> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly log: Logger,
    private readonly roots: () => string[],
    private readonly watch: WatchCapabilities,
  ) {}

  resolve(file: string): string {
    if (path.isAbsolute(file)) return path.normalize(file);
    const root = this.roots()[0] ?? process.cwd();
    return path.resolve(root, file);
  }

  /** Uses these analyst files from now on. Returns whether the knowledge was rebuilt. */
  configure(gazetteers: string[], actors: string[]): boolean {
    const g = gazetteers.map(f => this.resolve(f));
    const a = actors.map(f => this.resolve(f));
    const key = JSON.stringify([g, a]);
    if (key === this.key) return false;
    this.key = key;
    this.files = new Set([...g, ...a].map(samePathKey));
    this.knowledge = new Knowledge({ gazetteers: g, actors: a });
    this.registerWatchers([...g, ...a]);
    return true;
  }

  /** Whether a changed file (by URI) is one the knowledge was built from. */
  isKnowledgeFile(uri: string): boolean {
    const p = uriToPath(uri);
    return p !== undefined && this.files.has(samePathKey(p));
  }

  /** A fresh Knowledge from the same files (one of them changed on disk). */
  rebuild(): void {
    const o = this.knowledge.options;
    this.knowledge = new Knowledge({ gazetteers: o.gazetteers, actors: o.actors });
  }

  /** Shows the problems of the current knowledge that have not been shown yet, in one message. */
  report(problems: readonly KnowledgeProblem[]): void {
    const k = this.knowledge;
    if (problems !== k.problems) return; // a result made with an older knowledge
    const done = this.reported.get(k) ?? 0;
    if (problems.length <= done) return;
    this.reported.set(k, problems.length);
    const fresh = problems.slice(done);
    const shown = fresh.slice(0, 5).map(p => `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`);
    const more = fresh.length > shown.length ? ` (and ${fresh.length - shown.length} more, see the Dateline output)` : '';
    const message = `Dateline: problems in knowledge files: ${shown.join('; ')}${more}`;
    for (const p of fresh) this.log.warn(`dateline: ${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`);
    warnUser(this.connection, message);
  }

  /** Asks the client to watch the analyst's files (when it lets servers register watchers). */
  private registerWatchers(files: string[]): void {
    if (!this.watch.dynamicRegistration) return;
    const previous = this.registration;
    this.registration = undefined;
    if (previous) previous.then(d => d.dispose(), () => undefined);
    if (files.length === 0) return;
    const watchers: FileSystemWatcher[] = files.map(f => ({
      globPattern: this.watch.relativePatternSupport
        ? { baseUri: pathToFileURL(path.dirname(f)).href, pattern: path.basename(f) }
        : `**/${path.basename(f)}`,
    }));
    this.registration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    this.registration.catch(error => this.log.warn(`dateline: could not watch knowledge files: ${describe(error)}`));
  }
}
