// DL106 percent-over-100: the percentages of one breakdown add up to more than 100% —
// `60% of the displaced live in tents, 35% in unfinished buildings and 15% with relatives` (110%).
//
// A breakdown is a run of percentages in one sentence, each after the first standing right after a comma,
// `and` or `with` (a hedge allowed), in the elided form of a breakdown: what follows each later share is a
// preposition and a lower-case phrase (`and 35% in unfinished buildings`), a word of a poll answer (`40% no`,
// `10% undecided`) or the end of the clause (`Republicans 45%, Democrats 40%`). Not a breakdown, so never
// summed:
//   - a later share with its own verb (`75% are in debt, and 52% work nights`): a different question,
//     and shares of different questions may add up to anything;
//   - shares of different places or times (`60% in Gaza and 45% in the West Bank`, `60% in 2012 and 55% in
//     2016`): rates, not parts;
//   - `while`, `whereas`, `but`, `or`, `respectively`, a nested share (`70% of whom`), two different wholes
//     (`60% of the men and 50% of the women`);
//   - percentages of change or rates (`rose 20%`, `by 5%`, `from 40% to 70%`, `a 20% increase`, `94%
//     sensitivity`), and any above 100% on its own.
//
// Tolerance: each figure may be rounded (half its last digit; 60% is 59.5–60.5), a hedged one (`about 60%`)
// by 2.5 points; `less than 40%` counts as 0 at least. No fix: which share is wrong cannot be told.
import type { Check } from '../api';
import { ObjectMemo } from '../memo';
import type { Annotation, FigureValue, Finding } from '../types';
import { annotationIndex, bounds, examined, figure, HEDGE_SOURCE, hedgeOf, precisionOf, numbersIn, select } from './support';

const HEDGE = `(?:${HEDGE_SOURCE}[ \\u00a0]+)?`;
/** What stands right before the second and later shares of a breakdown. */
const JOIN = new RegExp(`(?:,[ \\u00a0]*(?:and|with)?|[ \\u00a0](?:and|with))[ \\u00a0]+(?:only[ \\u00a0]+|just[ \\u00a0]+|another[ \\u00a0]+|a further[ \\u00a0]+|the remaining[ \\u00a0]+|the other[ \\u00a0]+)?${HEDGE}$`, 'i');
/** Words right before a share that make it a change or a rate, not a part. */
const CHANGE_BEFORE = /\b(?:by|from|to|rose|risen|rise|fell|fallen|fall|dropped|drop|declined|decline|increased|increase|decreased|decrease|grew|grow|gained|gain|lost|jumped|jump|climbed|climb|slipped|slid|plunged|plummeted|soared|surged|up|down|than|cut|raise|raised|lower|lowered|higher|at|of|vs|versus|compared with|against)[ \u00a0]+$/i;
/** Words right after a share that make it a change, a rate or an attribute. */
const CHANGE_AFTER = /^[ \u00a0-]*(?:rise|rises|increase|increases|drop|drops|fall|falls|decline|declines|growth|jump|gain|gains|cut|cuts|hike|hikes|reduction|higher|lower|more|less|up|down|stake|interest|rate|tariff|tax|discount|premium|annual|a year|per year|year-on-year|on the year|chance|probability|pay rise|return|margin|majority|turnout|of GDP|shares)\b/i;
/**
 * What may follow a later share of a breakdown: the end of the clause, a preposition with a lower-case
 * phrase (not a place, a kind of place — `in the capital`, `in rural areas` — or a year), or an answer word.
 */
const ELIDED_AFTER = /^(?:[ \u00a0]*(?:[,.;:)\]]|$)|[ \u00a0]+(?:(?:in|on|at|with|without|for|against|from|into|under|inside|outside|among|to)[ \u00a0]+(?:the[ \u00a0]+|an?[ \u00a0]+|(?!the[ \u00a0]|an?[ \u00a0]))(?![\p{Lu}\d]|(?:capital|north|south|east|west|centre|center|city|cities|countryside|provinces?|regions?|rural|urban|suburbs|towns?|villages?|districts?|states?|country|nation)\b)|(?:yes|no|undecided|unsure|other|others|elsewhere|abroad|opposed|neutral|against|none)\b))/u;
const BREAKERS = /\brespectively\b|\bof (?:whom|them|those|which)\b|\b(?:1[89]|20)\d\d\b|[;:]/i;

const HEDGE_END = new RegExp(`${HEDGE_SOURCE}[ \\u00a0]+$`, 'i');

interface Share { a: Annotation; lo: number; hi: number; slack: number }

export const percentOver100: Check = {
  code: 'DL106',
  name: 'percent-over-100',
  title: 'Percentages over 100%',
  defaultSeverity: 'warning',
  run(annotations, doc) {
    const out: Finding[] = [];
    const text = doc.text;
    const percents = select(annotationIndex(annotations, doc), ['percent']).filter(a => figure(a));
    let run: Share[] = [];
    const flush = () => {
      if (run.length >= 2) {
        examined(doc, 'DL106');
        const f = judge(run, text);
        if (f) out.push(f);
      }
      run = [];
    };
    for (let i = 0; i < percents.length; i++) {
      const a = percents[i];
      const share = shareOf(a, text);
      if (!share) { flush(); continue; }
      const prev = run[run.length - 1];
      if (prev) {
        const between = text.slice(prev.a.end, a.start);
        const joined = between.length <= 160 && !/[.!?]["”’]?[ \u00a0]+\S|\n/.test(between) && !BREAKERS.test(between) &&
          JOIN.test(between) && ELIDED_AFTER.test(text.slice(a.end, a.end + 40));
        if (!joined) flush();
      }
      run.push(share);
    }
    flush();
    return out;
  },
};

/**
 * A share's reading (undefined: no share) per figure value — the recognizer's objects, shared across analyses by
 * its cache — with the texts it was read from: a pure function of these, kept across analyses.
 */
const SHARES = new ObjectMemo<FigureValue, { lo: number; hi: number; slack: number } | undefined>();

/** A percentage that can be a share of a whole, with its rounding slack. */
function shareOf(a: Annotation, text: string): Share | undefined {
  const v = figure(a)!;
  const before = text.slice(Math.max(0, a.start - 30), a.start);
  const after = text.slice(a.end, a.end + 30);
  const share = SHARES.get(v, [a.text, before, after], () => readShare(a, v, before, after));
  return share ? { a, lo: share.lo, hi: share.hi, slack: share.slack } : undefined;
}

function readShare(a: Annotation, v: FigureValue, before: string, after: string): { lo: number; hi: number; slack: number } | undefined {
  const [lo, hi] = bounds(v.amount);
  if (hi > 100 || lo < 0) return undefined;
  if (CHANGE_BEFORE.test(before.replace(HEDGE_END, ''))) return undefined;
  if (CHANGE_AFTER.test(after)) return undefined;
  // `more than 60%` still counts as 60 at least; `less than 40%` as 40 at most (its low end is 0).
  const h = hedgeOf(v);
  const n = numbersIn(a.text)[0];
  const step = n ? precisionOf(a.text.slice(n.start, n.end), n.value).step : 1;
  const slack = h === 'approx' ? 2.5 : Math.min(step, 1) / 2;
  if (h === 'upper') return { lo: 0, hi, slack };
  return { lo, hi, slack };
}

function judge(run: Share[], text: string): Finding | undefined {
  // The shares whose text after them names a whole (`of the displaced`); two different wholes: no breakdown.
  const wholes = new Set<string>();
  for (const s of run) {
    const m = /^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+|all[ \u00a0]+)?([\p{L}-]+(?:[ \u00a0]+[\p{L}-]+)?)/u.exec(text.slice(s.a.end, s.a.end + 40));
    if (m) wholes.add(m[1].toLowerCase());
  }
  if (wholes.size > 1) return undefined;
  const sum = run.reduce((t, s) => t + s.lo, 0);
  const slack = run.reduce((t, s) => t + s.slack, 0);
  if (sum <= 100 + slack + 1e-9) return undefined;
  const first = run[0].a, last = run[run.length - 1].a;
  const list = run.map(s => s.a.text).join(' + ');
  const total = Math.round(sum * 100) / 100;
  return {
    code: 'DL106',
    severity: 'warning',
    start: first.start,
    end: last.end,
    message: `Percentages of one breakdown add up to ${total}%, more than 100%: ${list}.`,
    related: run.slice(1).map(s => ({ start: s.a.start, end: s.a.end, message: `share: ${s.a.text}` })),
    annotations: run.map(s => s.a.id),
  };
}
