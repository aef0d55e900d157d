// Incremental segmentation (text/segment.ts `resegment`) must give exactly the segments a full segmentation
// gives: after random edits of every kind (typing, deleting, pasting, edits that merge or split sentences and
// lines, CRLF line ends, headlines, abbreviations, overlong lines that are cut). Fixtures written for the project.
import * as assert from 'assert';
import { resegment, segment, segmentation, Segmentation } from '../../server/src/core/text/segment';
import { Analyzer } from '../../server/src/core/pipeline';
import { rng } from '../helpers/newsText';  // mulberry32: a failure can be replayed

const PIECES = [
  'The convoy left the town on Monday.', ' ', ' ', '\n', '\r\n', '\n\n', '\r\n\r\n', '. ', '? ', '! ', '."  ',
  'Dr. Amal Haddad said the road was closed.', 'Gen. Odi arrived at 5 p.m. on Jan. 4.', 'the U.S. envoy left',
  'RIVER CROSSING REOPENS', 'Headline: Talks Resume', 'continued on the next line', '12 km', 'a', 'B', '.', '\n',
  '(“Yes.”) Then', 'e.g. this', '   ', '\t', 'Ünal fled. Émile stayed.', '2017. 3', 'St. Paul', '…', '\u2028',
];

function randomText(r: () => number, pieces: number): string {
  let t = '';
  for (let i = 0; i < pieces; i++) t += PIECES[Math.floor(r() * PIECES.length)];
  return t;
}

function randomEdit(r: () => number, t: string): string {
  const at = Math.floor(r() * (t.length + 1));
  const kind = Math.floor(r() * 6);
  if (kind === 0) return t.slice(0, at) + t.slice(at + 1);                                          // delete one
  if (kind === 1) return t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 80));                   // delete a stretch
  if (kind === 2) return t.slice(0, at) + ' .\n\rAa1"'[Math.floor(r() * 9)] + t.slice(at);          // type one
  if (kind === 3) return t.slice(0, at) + randomText(r, 1 + Math.floor(r() * 4)) + t.slice(at);      // paste
  if (kind === 4) { const e = at + Math.floor(r() * 20); return t.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)] + t.slice(e); } // replace
  return t.slice(0, at) + t.slice(at, at + 30) + t.slice(at);                                       // duplicate
}

function same(inc: Segmentation, text: string, what: string): void {
  const full = segmentation(text);
  assert.deepStrictEqual(inc.segments.map(s => [s.start, s.end, s.text]), full.segments.map(s => [s.start, s.end, s.text]), what);
  assert.deepStrictEqual([...inc.resumable], [...full.resumable], `${what}: resumable`);
  assert.deepStrictEqual(full.segments, segment(text), `${what}: segment()`);
}

describe('incremental segmentation', () => {
  it('gives the segments of a full segmentation after 3,000 random edits', () => {
    const r = rng(7);
    for (let doc = 0; doc < 30; doc++) {
      let text = randomText(r, 20 + Math.floor(r() * 60));
      let seg: Segmentation = segmentation(text);
      for (let e = 0; e < 100; e++) {
        const next = randomEdit(r, text);
        const inc = resegment(seg, next);
        same(inc, next, `document ${doc}, edit ${e}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`);
        text = next; seg = inc;
      }
    }
  });

  it('reports which segments it kept and moved, and they are the previous ones', () => {
    const r = rng(11);
    let text = randomText(r, 200), seg: Segmentation = segmentation(text);
    let kept = 0, moved = 0;
    for (let e = 0; e < 300; e++) {
      const next = randomEdit(r, text);
      const inc = resegment(seg, next);
      const delta = next.length - text.length;
      for (let i = 0; i < inc.kept; i++) assert.strictEqual(inc.segments[i], seg.segments[i]);
      for (let i = inc.moved; i < inc.segments.length; i++) {
        const o = seg.segments[i - inc.indexDelta];
        assert.deepStrictEqual([inc.segments[i].start, inc.segments[i].end, inc.segments[i].text], [o.start + delta, o.end + delta, o.text]);
      }
      // The previous segments are those kept, those gone and those moved.
      assert.strictEqual(seg.segments.length - (inc.moved - inc.indexDelta), inc.segments.length - inc.moved);
      assert.ok(inc.kept <= inc.moved - inc.indexDelta);
      kept += inc.kept; moved += inc.segments.length - inc.moved;
      text = next; seg = inc;
    }
    // Most segments of a long text are reused, not scanned again.
    const total = segmentation(text).segments.length * 300;
    assert.ok(kept + moved > total * 0.8, `reused ${kept + moved} of about ${total}`);
  });

  it('cuts an overlong line at the same places as a full segmentation after edits in it', () => {
    const r = rng(3);
    let text = 'Headline\n\n' + 'word '.repeat(5000) + 'x'.repeat(20000) + '\nThe end. Really.';
    let seg: Segmentation = segmentation(text);
    for (let e = 0; e < 60; e++) {
      const next = randomEdit(r, text);
      const inc = resegment(seg, next);
      same(inc, next, `edit ${e}`);
      text = next; seg = inc;
    }
  });

  it('keeps the segments before an edit and moves those after it', () => {
    const a = 'The convoy left. The road was closed. The river rose.';
    const inc = resegment(segmentation(a), a.replace('road', 'bridge'));
    assert.deepStrictEqual(inc.segments.map(s => s.text), ['The convoy left.', 'The bridge was closed.', 'The river rose.']);
    assert.strictEqual(inc.kept, 1);
    assert.strictEqual(inc.segments.length - inc.moved, 1);
  });

  it('an analyzer fed random edits gives what a fresh analysis gives', () => {
    const r = rng(5);
    const base = 'AMMAR, Tuesday, June 9, 2017 — The convoy left Homs on Monday.\nThe road runs 55 kilometers (30 miles) to the border. ' +
      'Dr. Haddad said 12 people were killed.\r\n\r\nLAKE TANA FLOODS\r\nLake Tana covers 3,000 square kilometres.';
    const warm = new Analyzer();
    let text = base;
    warm.analyze(text, { referenceDate: '2017-06-13' });
    for (let e = 0; e < 40; e++) {
      text = randomEdit(r, text);
      const again = warm.analyze(text, { referenceDate: '2017-06-13' });
      const fresh = new Analyzer().analyze(text, { referenceDate: '2017-06-13' });
      assert.deepStrictEqual(again.annotations, fresh.annotations, `edit ${e}: ${JSON.stringify(text)}`);
      assert.deepStrictEqual(again.findings, fresh.findings, `edit ${e}`);
    }
  });

  it('an analyzer caches only texts the document has, also after runs abandoned half-way (cancelled)', () => {
    const r = rng(8);
    let text = randomText(r, 120);
    const an = new Analyzer();
    an.analyze(text);
    let cached = 0;
    for (let e = 0; e < 60; e++) {
      // Runs that recognize a segment or two of another text and are then dropped, as a cancelled run is.
      if (e % 3 === 0) {
        const run = (an as unknown as { run(t: string, o: object): Generator }).run(randomEdit(r, randomEdit(r, text)), {});
        run.next(); run.next();
      }
      text = randomEdit(r, text);
      an.analyze(text);
      const texts = new Set(segment(text).map(s => s.text));
      const cache = (an as unknown as { cache: Map<string, unknown> }).cache;
      for (const t of cache.keys()) assert.ok(texts.has(t), `edit ${e}: cached ${JSON.stringify(t)} is not in the document`);
      cached += cache.size / texts.size;
    }
    assert.ok(cached / 60 > 0.9, `on average ${(cached / 60).toFixed(2)} of the texts cached`);
  });

  it('gives the segments of a full segmentation on anything a file can hold: binary junk, NUL, lone surrogates, RTL, emoji', () => {
    const r = rng(11);
    const junk = (n: number) => {
      let t = '';
      for (let i = 0; i < n; i++) {
        const k = r();
        t += k < 0.15 ? '\u0000' : k < 0.3 ? String.fromCharCode(0xd800 + Math.floor(r() * 0x800)) : k < 0.45 ? 'قال الجيش. ' :
          k < 0.55 ? '🙂. ' : k < 0.7 ? '\r' : String.fromCharCode(Math.floor(r() * 0x3000));
      }
      return t;
    };
    for (let doc = 0; doc < 10; doc++) {
      let text = junk(200 + Math.floor(r() * 400)) + randomText(r, 10);
      let seg: Segmentation = segmentation(text);
      for (let e = 0; e < 60; e++) {
        const at = Math.floor(r() * (text.length + 1));
        const next = e % 3 === 0 ? text.slice(0, at) + junk(1 + Math.floor(r() * 5)) + text.slice(at) : randomEdit(r, text);
        const inc = resegment(seg, next);
        same(inc, next, `junk document ${doc}, edit ${e}`);
        seg = inc;
        text = next;
      }
    }
  });
});
