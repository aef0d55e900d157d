// The geo shortcuts for text never seen before give the same answers as the long way: the gazetteer's key
// filter rejects no key of the index, and neither the linker's skipping of hopeless candidates nor what it keeps
// from one round to the next (support sums, containment, votes) changes any output.
// Texts: the project's own news generator and a fixture written for this test.
import * as assert from 'assert';
import { Knowledge } from '../../server/src/core';
import { gazetteerProvider } from '../../server/src/core/geo/gazetteer';
import { strictKey } from '../../server/src/core/geo/keys';
import { linkPlaces, linkerOptions, linkerStats, LinkInput } from '../../server/src/core/geo/linker';
import type { GazetteerData } from '../../server/src/core/geo/evidence';
import { recognizePlaces } from '../../server/src/core/recognizers/gazetteer';
import { segment } from '../../server/src/core/text/segment';
import { NewsGenerator } from '../helpers/newsText';
import { ensureData } from '../helpers/data';

const FIXTURE = [
  'Paris, Texas, and Paris, Tenn., both held parades on Saturday; Paris itself stayed quiet.',
  'Shelling hit Aleppo and the countryside of Idlib, while Damascus said talks in Geneva would go on.',
  'Springfield officials met their counterparts from Salem, Ore., Portland and Richmond, Va.',
  'Alexandria, Va., and Alexandria in Egypt signed a twinning deal witnessed by officials from Cairo.',
  'Troops left Kharkiv for Izium; residents of Lyman and Kupiansk said the front had moved east.',
  'In Georgia, Tbilisi and Batumi voted; in Georgia, Atlanta and Savannah counted ballots late.',
].join('\n');

describe('geo: shortcuts on fresh text give the same answers', function () {
  this.timeout(180000);
  before(ensureData);

  it('the key filter rejects no key of the compiled index, and unknown keys are not found', () => {
    const gz = new Knowledge().get(gazetteerProvider);
    const base = (gz as unknown as { base: { keyOff: Uint32Array; keyBlob: Uint8Array; keyIndex(k: string): number } }).base;
    const n = base.keyOff.length - 1;
    const decoder = new TextDecoder();
    let checked = 0;
    for (let ki = 0; ki < n; ki += 3) {
      const key = decoder.decode(base.keyBlob.subarray(base.keyOff[ki], base.keyOff[ki + 1]));
      if (!/^[\x20-\x7e]*$/.test(key)) continue;
      assert.strictEqual(base.keyIndex(key), ki, key);
      checked++;
    }
    assert.ok(checked > 100000, `only ${checked} keys checked`);
    for (const k of ['zzqqxxnotaplace', '~zqzqzq', 'presidentbarackobamasaid']) assert.strictEqual(base.keyIndex(k), -1, k);
  });

  it('linking with and without skipping hopeless candidates gives the same outputs', () => {
    const knowledge = new Knowledge();
    const gz = knowledge.get(gazetteerProvider);
    for (const text of [FIXTURE, new NewsGenerator(4242).text(150 * 1024)]) {
      const inputs: LinkInput[] = [];
      for (const seg of segment(text)) {
        for (const m of recognizePlaces(seg.text, gz)) {
          const d = m.data!.gz as GazetteerData;
          inputs.push({ start: seg.start + m.start, end: seg.start + m.end, key: strictKey(m.text), cands: d.c, ev: d.ev, confirmed: false });
        }
      }
      assert.ok(inputs.length > 20, `only ${inputs.length} names`);
      assert.ok(inputs.some(m => m.cands.length >= 10), 'no name with many candidates');
      // (reuse off: the second link would otherwise take the first one's choices for the same names.)
      linkerOptions.reuse = false;
      let pruned, full;
      try {
        pruned = linkPlaces(inputs, gz, text);
        linkerOptions.prune = false;
        full = linkPlaces(inputs, gz, text);
      } finally { linkerOptions.prune = true; linkerOptions.reuse = true; }
      assert.deepStrictEqual(pruned, full);
      // Some names have a far-away rival: the completed scores are compared too.
      assert.ok(full.some(o => o.rival >= 0 && Number.isFinite(o.farMargin)), 'no rival to compare');
    }
  });

  it('linking with and without what the rounds keep from one round to the next gives the same outputs', () => {
    const knowledge = new Knowledge();
    const gz = knowledge.get(gazetteerProvider);
    const inputsOf = (text: string): LinkInput[] => {
      const inputs: LinkInput[] = [];
      for (const seg of segment(text)) {
        for (const m of recognizePlaces(seg.text, gz)) {
          const d = m.data!.gz as GazetteerData;
          inputs.push({ start: seg.start + m.start, end: seg.start + m.end, key: strictKey(m.text), cands: d.c, ev: d.ev, confirmed: false });
        }
      }
      return inputs;
    };
    // Whole texts and single paragraphs (in a short text, one name's new choice changes the anchors more often).
    const news = new NewsGenerator(4343);
    const texts = [FIXTURE, ...FIXTURE.split('\n'), new NewsGenerator(4242).text(150 * 1024), ...Array.from({ length: 30 }, () => news.article())];
    const kept0 = linkerStats.anchorsKept, changed0 = linkerStats.anchorsChanged;
    // (Each link runs the rounds: not the last run's choices for the same names.)
    linkerOptions.reuse = false;
    try {
      for (const text of texts) {
        const inputs = inputsOf(text);
        const kept = linkPlaces(inputs, gz, text);
        linkerOptions.memo = false;
        let fresh;
        try { fresh = linkPlaces(inputs, gz, text); } finally { linkerOptions.memo = true; }
        assert.deepStrictEqual(kept, fresh, text.slice(0, 80));
      }
    } finally { linkerOptions.reuse = true; }
    // Both ways were taken: rounds that kept the anchors of the round before, and rounds with new ones.
    assert.ok(linkerStats.anchorsKept > kept0, 'no round kept its anchors');
    assert.ok(linkerStats.anchorsChanged > changed0, 'no round changed its anchors');
  });
});
