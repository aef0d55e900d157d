// The actor catalogue: data/actors/*.json (curated) plus the analyst's files (setting `dateline.actors`,
// a JSON array of actors). Problems are reported with file and line and the rest still loads.

import * as fs from 'fs';
import * as path from 'path';
import type { KnowledgeProblem, KnowledgeProvider } from '../knowledge/knowledge';
import type { ActorRef } from '../types';
import { foldWords } from '../geo/keys';

/** ACLED's eight actor types. */
export const ACTOR_TYPES = ['State Forces', 'Rebel Groups', 'Political Militias', 'Identity Militias', 'Rioters', 'Protesters',
  'Civilians', 'External/Other Forces'] as const;

export interface Actor extends ActorRef {
  /** Capital cities whose name stands for this actor (a government): `Washington has declared`. */
  capitals?: string[];
  /** Where the entry comes from (file). */
  file: string;
}

export class ActorCatalog {
  readonly actors: Actor[] = [];
  private readonly byId = new Map<string, Actor>();
  /** strict key of a name or alias (not an acronym) -> actors */
  private readonly byKey = new Map<string, Actor[]>();
  /** acronyms, case-sensitive, as written (`SDF`, `U.N.` is stored as `U.N.` and `UN`) */
  private readonly byAcronym = new Map<string, Actor[]>();
  private readonly byCapital = new Map<string, Actor>();
  private readonly governmentOf = new Map<string, Actor>();
  /** Longest alias in words, to bound the recognizer's windows. */
  maxWords = 1;
  /** First folded words of the names (after a leading `the`): a window starting elsewhere is skipped at once. */
  readonly firstWords = new Set<string>();
  /** Proper word prefixes of the names' keys (`syrian`, `syrian democratic`): a longer window that does not
   *  start with one cannot match, so the recognizer stops extending it. */
  readonly namePrefixes = new Set<string>();

  add(a: Actor): void {
    const prev = this.byId.get(a.id);
    if (prev) {
      // An analyst's entry with a known id replaces the curated one.
      const i = this.actors.indexOf(prev);
      this.actors.splice(i, 1);
      for (const m of [this.byKey, this.byAcronym]) for (const [k, l] of m) m.set(k, l.filter(x => x !== prev));
    }
    this.actors.push(a);
    this.byId.set(a.id, a);
    for (const name of [a.name, ...a.aliases]) {
      if (isAcronym(name)) {
        for (const form of new Set([name, name.replace(/\./g, '')])) push(this.byAcronym, form, a);
        continue;
      }
      const words = foldWords(name);
      if (words.length === 0) continue;
      this.maxWords = Math.max(this.maxWords, words.length + 1);
      this.firstWords.add(words[0]);
      for (let i = 1; i < words.length; i++) this.namePrefixes.add(words.slice(0, i).join(' '));
      push(this.byKey, words.join(' '), a);
    }
    for (const c of a.capitals ?? []) this.byCapital.set(foldWords(c).join(' '), a);
    if (a.type === 'State Forces' && a.id.startsWith('actor:government-') && a.country) this.governmentOf.set(a.country, a);
  }

  get(id: string): Actor | undefined { return this.byId.get(id); }

  /** Actors named exactly so (case-insensitive for names, exact for acronyms). */
  lookup(text: string): Actor[] {
    const t = text.trim();
    const ac = this.byAcronym.get(t) ?? this.byAcronym.get(t.replace(/\./g, ''));
    if (ac && ac.length && /^[A-Z][A-Z.&-]*$/.test(t)) return ac;
    const words = foldWords(t);
    if (words.length === 0) return [];
    return this.byKey.get(words.join(' ')) ?? [];
  }
  lookupWords(words: string[]): Actor[] { return this.byKey.get(words.join(' ')) ?? []; }
  lookupAcronym(text: string): Actor[] { return this.byAcronym.get(text) ?? []; }
  /** The acronyms known, as written. */
  acronyms(): IterableIterator<string> { return this.byAcronym.keys(); }

  /** The government a capital's name stands for. */
  capital(name: string): Actor | undefined { return this.byCapital.get(foldWords(name).join(' ')); }

  /** The government of a country (curated, or made up from the country's name when the catalogue has none). */
  government(cc: string, countryName: string): Actor {
    let g = this.governmentOf.get(cc);
    if (!g) {
      g = { id: `actor:government-${cc.toLowerCase()}`, name: `Government of ${countryName}`, type: 'State Forces', country: cc,
        affiliation: [], aliases: [], file: '(derived from the country)' };
      this.governmentOf.set(cc, g);
    }
    return g;
  }

  ref(a: Actor): ActorRef {
    const r: ActorRef = { id: a.id, name: a.name, type: a.type, country: a.country, affiliation: a.affiliation.map(x => this.byId.get(x)?.name ?? x), aliases: a.aliases };
    if (a.cameo) r.cameo = a.cameo;
    return r;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) { if (!l.includes(v)) l.push(v); } else m.set(k, [v]);
}

/** All-capital short names (`SDF`, `HTS`, `U.N.`, `IRGC-QF`) match only as written. */
export function isAcronym(name: string): boolean {
  // Both patterns need 2-10 characters, A-Z first and one of A-Z 0-9 . & - second: most words are ruled
  // out by these without running a pattern.
  const n = name.length;
  if (n < 2 || n > 10) return false;
  const a = name.charCodeAt(0), b = name.charCodeAt(1);
  if (a < 65 || a > 90 || !((b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b === 46 || b === 38 || b === 45)) return false;
  return /^[A-Z][A-Z0-9.&-]{1,9}$/.test(name) && /[A-Z0-9].*[A-Z0-9]/.test(name.slice(1)) || /^[A-Z][A-Z.&-]{1,9}$/.test(name) && /[A-Z].*[A-Z]/.test(name);
}

// ---------------------------------------------------------------- loading

type Report = (p: KnowledgeProblem) => void;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Start offsets of the top-level elements of a JSON array (or of the array under `key` in an object). */
function elementStarts(text: string, arrayStart: number): number[] {
  const out: number[] = [];
  let depth = 0, inStr = false;
  for (let i = arrayStart; i < text.length; i++) {
    const c = text[i];
    if (inStr) { if (c === '\\') i++; else if (c === '"') inStr = false; continue; }
    if (c === '"') { inStr = true; if (depth === 1) out.push(i); continue; }
    if (c === '{' || c === '[') { if (depth === 1) out.push(i); depth++; continue; }
    if (c === '}' || c === ']') { depth--; if (depth === 0) break; continue; }
  }
  return out;
}

export function validateActor(raw: unknown, file: string): { actor?: Actor; error?: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'expected an actor object' };
  const r = raw as Record<string, unknown>;
  const name = typeof r.name === 'string' ? r.name.trim() : '';
  if (!name) return { error: 'actor without a "name"' };
  const type = typeof r.type === 'string' ? r.type : '';
  if (!(ACTOR_TYPES as readonly string[]).includes(type)) return { error: `"${name}": type must be one of ${ACTOR_TYPES.join(', ')}` };
  const country = typeof r.country === 'string' ? r.country.toUpperCase() : '';
  if (country && !/^[A-Z]{2}$/.test(country)) return { error: `"${name}": country must be an ISO 3166-1 alpha-2 code` };
  const strings = (v: unknown, what: string): string[] | string => {
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some(x => typeof x !== 'string')) return `"${name}": ${what} must be an array of strings`;
    return v as string[];
  };
  const aliases = strings(r.aliases, 'aliases'); if (typeof aliases === 'string') return { error: aliases };
  const affiliation = strings(r.affiliation, 'affiliation'); if (typeof affiliation === 'string') return { error: affiliation };
  const capitals = strings(r.capitals, 'capitals'); if (typeof capitals === 'string') return { error: capitals };
  const id = typeof r.id === 'string' && r.id ? r.id : `actor:${path.basename(file)}:${foldWords(name).join('-')}`;
  const actor: Actor = { id, name, type, country, affiliation, aliases, file };
  if (capitals.length) actor.capitals = capitals;
  if (typeof r.cameo === 'string') actor.cameo = r.cameo;
  return { actor };
}

/** Loads one file: a curated `{ actors: [...] }` or an analyst's plain array. */
export function loadActorFile(file: string, report: Report): Actor[] {
  let text: string;
  try { text = fs.readFileSync(file, 'utf8'); } catch (e) {
    report({ file, message: `cannot read the actor file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return [];
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let doc: unknown;
  try { doc = JSON.parse(text); } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    report({ file, line: m ? lineAt(text, Number(m[1])) : undefined, message: `not valid JSON: ${(e as Error).message}` });
    return [];
  }
  let list: unknown[];
  let arrayStart: number;
  if (Array.isArray(doc)) { list = doc; arrayStart = text.indexOf('['); }
  else if (doc && typeof doc === 'object' && Array.isArray((doc as { actors?: unknown }).actors)) {
    list = (doc as { actors: unknown[] }).actors;
    const k = /"actors"\s*:\s*\[/.exec(text);
    arrayStart = k ? k.index + k[0].length - 1 : 0;
  } else {
    report({ file, line: 1, message: 'expected a JSON array of actors' });
    return [];
  }
  const starts = elementStarts(text, arrayStart);
  const out: Actor[] = [];
  list.forEach((raw, k) => {
    const { actor, error } = validateActor(raw, file);
    if (error) report({ file, line: starts[k] !== undefined ? lineAt(text, starts[k]) : undefined, message: error });
    else out.push(actor!);
  });
  return out;
}

export const actorsProvider: KnowledgeProvider<ActorCatalog> = {
  id: 'actors',
  load(options, report) {
    const cat = new ActorCatalog();
    const dir = path.join(options.dataDir, 'actors');
    let files: string[] = [];
    try { files = fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort().map(f => path.join(dir, f)); } catch {
      report({ file: dir, message: 'actor catalogue folder missing' });
    }
    for (const f of files) for (const a of loadActorFile(f, report)) cat.add(a);
    for (const f of options.actors) for (const a of loadActorFile(f, report)) cat.add(a);
    return cat;
  },
};
