// The linker's reuse of the last run's document-level choices (geo/linker.ts, `linkerOptions.reuse`) gives
// exactly what a full link gives, over many random edits of one document: names typed, mistyped, deleted,
// copied, cued (`in X`), made to act (`X said`), paired (`X, Y`), put in capitals, and stray characters anywhere.
// Texts: a fixture written for this test and the project's own news generator.
import * as assert from 'assert';
import { Analyzer, Knowledge } from '../../server/src/core';
import type { AnalysisResult } from '../../server/src/core/api';
import { Gazetteer, gazetteerProvider } from '../../server/src/core/geo/gazetteer';
import { strictKey } from '../../server/src/core/geo/keys';
import { linkPlaces, linkerOptions, linkerStats, LinkInput, LinkOutput } from '../../server/src/core/geo/linker';
import type { GazetteerData } from '../../server/src/core/geo/evidence';
import { recognizePlaces } from '../../server/src/core/recognizers/gazetteer';
import { segment } from '../../server/src/core/text/segment';
import { NewsGenerator, rng } from '../helpers/newsText';
import { ensureData } from '../helpers/data';

const FIXTURE = [
  'Paris, Texas, and Paris, Tenn., held parades on Saturday; Paris itself stayed quiet.',
  'Officials in Springfield met their counterparts from Salem, Ore., Portland and Richmond, Va.',
  'Alexandria, Va., and Alexandria in Egypt signed a deal witnessed by officials from Cairo.',
  'Moscow denied the report. Washington said it would respond; Georgia, Tbilisi and Batumi voted.',
  'Troops left Kharkiv for Izium; residents of Lyman and Kupiansk said the front had moved east.',
  'Aid reached Paris, Texas, again, and Salem, Ore., where Portland, Ore., and Alexandria, Egypt, sent trucks.',
  'Crews in Springfield, Illinois, worked late; in Illinois towns and in Springfield the rain went on.',
  'Envoys from Kyiv and Baghdad flew to Damascus, then to Amman; Beirut, Tehran and Ankara sent notes.',
].join('\n');

/** The linker's inputs for a text: the gazetteer's names, some confirmed (`in X`) and some acting (`X said`). */
function inputsOf(text: string, gz: Gazetteer): LinkInput[] {
  const inputs: LinkInput[] = [];
  for (const seg of segment(text)) {
    for (const m of recognizePlaces(seg.text, gz)) {
      const d = m.data!.gz as GazetteerData;
      const start = seg.start + m.start, end = seg.start + m.end;
      inputs.push({
        // (A name in capitals gets fewer candidates: the first mention of a name then gives its group other ones.)
        start, end, key: strictKey(m.text), cands: m.text === m.text.toUpperCase() ? d.c.slice(0, 2) : d.c, ev: d.ev,
        confirmed: /\b(in|near)\s+$/.test(text.slice(Math.max(0, start - 6), start)),
        acting: /^\s+(said|denied|has)\b/.test(text.slice(end, end + 9)),
        modifier: /^\s+(Council|Ministry)\b/.test(text.slice(end, end + 10)),
      });
    }
  }
  return inputs;
}

function link(inputs: LinkInput[], gz: Gazetteer, text: string, reuse: boolean): LinkOutput[] {
  const was = linkerOptions.reuse;
  linkerOptions.reuse = reuse;
  try { return linkPlaces(inputs, gz, text); } finally { linkerOptions.reuse = was; }
}

/**
 * One random edit of `text` around the names `inputs` (kind 0-10, or a stray character): names deleted,
 * mistyped, cued, made to act, paired, copied, put in capitals; characters deleted or typed anywhere.
 */
function randomEdit(text: string, inputs: LinkInput[], r: () => number): { text: string; kind: number } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const m = pick(inputs);
  const kind = Math.floor(r() * 11);
  switch (kind) {
    case 0: text = text.slice(0, m.start) + text.slice(m.end); break; // delete a name
    case 1: { const o = m.start + 1 + Math.floor(r() * Math.max(1, m.end - m.start - 1)); text = text.slice(0, o) + pick(['a', 'e', 'h', '-']) + text.slice(o); break; } // mistype
    case 2: text = text.slice(0, m.start) + pick(['in ', 'near ', 'the ', 'In ']) + text.slice(m.start); break; // a cue before
    case 3: text = text.slice(0, m.end) + pick([' said', ' denied', ' has', ' Council']) + text.slice(m.end); break; // acting after
    case 4: text = text.slice(0, m.end) + ', ' + pick(inputs).key.replace(/^./, c => c.toUpperCase()) + text.slice(m.end); break; // `This, That`
    case 5: { const n = pick(inputs); const name = text.slice(n.start, n.end); const o = Math.floor(r() * text.length); text = text.slice(0, o) + ' ' + name + ' ' + text.slice(o); break; } // copy a name
    case 6: { const o = Math.floor(r() * text.length); text = text.slice(0, o) + text.slice(o + 1); break; } // delete a character
    case 8: { // make a name act: after its first mention only, or after all of them
      const all = r() < 0.5;
      const at = inputs.filter(n => n.key === m.key).map(n => n.end);
      for (const e of (all ? at : at.slice(0, 1)).reverse()) text = text.slice(0, e) + ' said' + text.slice(e);
      break;
    }
    case 9: { // two names next to each other: `X, Y` <-> `X; Y` <-> `X and Y`
      const byStart = [...inputs].sort((a, b) => a.start - b.start);
      let gaps = byStart.slice(1).map((b, q) => [byStart[q].end, b.start]).filter(([e, s]) => /^(, |; | and )$/.test(text.slice(e, s)));
      // Mostly a place and its region (Paris, Texas), where the pair counts.
      const regional = gaps.filter(([, s]) => /^(Texas|Tenn|Ore|Va|Egypt|Illin)\b/.test(text.slice(s, s + 5)));
      if (regional.length > 0 && r() < 0.8) gaps = regional;
      if (gaps.length === 0) break;
      const [e, s] = pick(gaps);
      text = text.slice(0, e) + pick([', ', '; ', ' and '].filter(g => g !== text.slice(e, s))) + text.slice(s);
      break;
    }
    case 10: { const t = text.slice(m.start, m.end); text = text.slice(0, m.start) + (t === t.toUpperCase() ? t.toLowerCase().replace(/^./, c => c.toUpperCase()) : t.toUpperCase()) + text.slice(m.end); break; } // capitals
    default: { const o = Math.floor(r() * text.length); text = text.slice(0, o) + pick(['a', ' ', ',', '.', '1', 'X']) + text.slice(o); } // type a character
  }
  return { text, kind };
}

describe('geo: the linker reuses its last choices only when a full link would give the same', function () {
  this.timeout(180000);
  before(ensureData);

  it('gives the same outputs as a full link over random edits', () => {
    const gz = new Knowledge().get(gazetteerProvider);
    const r = rng(20261124);
    let text = FIXTURE + '\n' + new NewsGenerator(77).text(3 * 1024);
    const reused0 = linkerStats.reused, full0 = linkerStats.full;
    let inputs = inputsOf(text, gz);
    link(inputs, gz, text, true);
    const kinds = new Map<string, number>();
    for (let k = 0; k < 400; k++) {
      let kind: number;
      ({ text, kind } = randomEdit(text, inputs, r));
      inputs = inputsOf(text, gz);
      const before = linkerStats.reused;
      const incremental = link(inputs, gz, text, true);
      const full = link(inputs, gz, text, false);
      assert.deepStrictEqual(incremental, full, `edit ${k} (kind ${kind})`);
      if (linkerStats.reused > before) kinds.set(String(kind), (kinds.get(String(kind)) ?? 0) + 1);
    }
    // Both paths ran many times, the reuse after edits of many kinds.
    const reused = linkerStats.reused - reused0, full = linkerStats.full - full0;
    assert.ok(reused > 60, `reused only ${reused} times`);
    assert.ok(full - 400 > 60, `full links after edits only ${full - 400}`);
    assert.ok(kinds.size >= 5, `reuse after edits of ${kinds.size} kinds only`);
  });
});

/** Every place-like annotation with its place and data, and the findings. */
function placesDigest(r: AnalysisResult): string[] {
  const out = r.annotations.filter(a => a.place || a.category === 'place' || a.data?.coreferent || a.unresolved)
    .map(a => JSON.stringify([a.category, a.start, a.end, a.text, a.place, a.unresolved, a.data, a.actor?.id]));
  for (const f of r.findings) out.push(JSON.stringify(f));
  return out;
}

describe('places: an edited document gets what a fresh analysis gives', function () {
  this.timeout(180000);
  before(ensureData);

  it('over random edits of the names (the places refiner keeps what the linker says again)', () => {
    const gz = new Knowledge().get(gazetteerProvider);
    const r = rng(7);
    let text = FIXTURE;
    const warm = new Analyzer();
    warm.analyze(text);
    for (let k = 0; k < 100; k++) {
      let kind: number;
      ({ text, kind } = randomEdit(text, inputsOf(text, gz), r));
      const again = placesDigest(warm.analyze(text));
      // (Knowledge of its own: the refiner's and the linker's memos are kept per gazetteer.)
      const fresh = placesDigest(new Analyzer().analyze(text, { knowledge: new Knowledge() }));
      assert.deepStrictEqual(again, fresh, `edit ${k} (kind ${kind})`);
    }
  });
});
