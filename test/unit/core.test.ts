import * as assert from 'assert';
import { segment } from '../../server/src/core/text/segment';
import { CodePointMapper } from '../../server/src/core/text/offsets';
import { overlaps } from '../../server/src/core/refiners/overlaps';
import { Analyzer, analyze } from '../../server/src/core/pipeline';
import { normalizeSettings } from '../../server/src/core/settings';
import { findReferenceDate } from '../../server/src/core/referenceDate/index';
import type { Annotation } from '../../server/src/core/types';

describe('segmenter', () => {
  const texts = (t: string) => segment(t).map(s => s.text);

  it('splits sentences and keeps abbreviations and initials together', () => {
    assert.deepStrictEqual(texts('The U.S. Army moved. Gen. Smith said so. J. Doe agreed!'),
      ['The U.S. Army moved.', 'Gen. Smith said so.', 'J. Doe agreed!']);
  });
  it('ends a segment at a headline line but joins a wrapped line', () => {
    assert.deepStrictEqual(texts('Army reaches border\nThe army reached the\nborder on Friday.'),
      ['Army reaches border', 'The army reached the\nborder on Friday.']);
  });
  it('handles CRLF and blank lines', () => {
    const t = 'First line\r\n\r\nSecond one.\r\nThird';
    const segs = segment(t);
    assert.deepStrictEqual(segs.map(s => s.text), ['First line', 'Second one.', 'Third']);
    for (const s of segs) assert.strictEqual(t.slice(s.start, s.end), s.text);
  });
  it('cuts a 1 MB line without spaces into bounded segments, never inside a surrogate pair', () => {
    const t = '😀'.repeat(300000);
    const segs = segment(t);
    assert.ok(segs.length > 10);
    assert.strictEqual(segs.map(s => s.text).join(''), t);
    for (const s of segs) assert.ok(!/^[\udc00-\udfff]/.test(s.text), 'segment starts with a low surrogate');
  });
  it('never loses text: segments cover every non-space character', () => {
    const t = 'a. B? c! D\n\nE\u0000F \u202bمرحبا\u202c. G';
    const covered = segment(t).map(s => s.text).join(' ');
    for (const ch of t) if (ch.trim()) assert.ok(covered.includes(ch), JSON.stringify(ch));
  });
});

describe('code point offsets', () => {
  it('counts astral characters once, BMP Arabic once', () => {
    const t = 'a😀b\u0627\u0644x';
    const m = new CodePointMapper(t);
    assert.strictEqual(m.toCodePoint(0), 0);
    assert.strictEqual(m.toCodePoint(3), 2); // after the emoji
    assert.strictEqual(m.toCodePoint(t.length), 6);
    assert.strictEqual(m.fromCodePoint(2), 3);
    assert.strictEqual(m.fromCodePoint(6), t.length);
  });
  it('gives 1-based lines and code point columns across CRLF, LF and CR', () => {
    const t = 'x\r\n😀y\nz\rw';
    const m = new CodePointMapper(t);
    assert.deepStrictEqual(m.lineCol(t.indexOf('y')), { line: 2, col: 2 });
    assert.deepStrictEqual(m.lineCol(t.indexOf('z')), { line: 3, col: 1 });
    assert.deepStrictEqual(m.lineCol(t.indexOf('w')), { line: 4, col: 1 });
  });
  it('treats lone surrogates as one code point each', () => {
    const t = 'a\ud800b\udc00c';
    const m = new CodePointMapper(t);
    assert.strictEqual(m.toCodePoint(t.length), 5);
  });
});

describe('overlap resolution', () => {
  const ann = (start: number, end: number, source: string, category: Annotation['category'], extra: Partial<Annotation> = {}): Annotation =>
    ({ id: '', start, end, text: 'x'.repeat(end - start), source, category, ...extra });

  it('keeps the higher-priority recognizer and merges equal spans', () => {
    const out = overlaps.refine([
      ann(0, 4, 'unknown-low', 'misc'),
      ann(0, 4, 'figures', 'distance', { value: { amount: 4, unit: 'km', si: 4000, siUnit: 'm', approximate: false } }),
      ann(10, 20, 'a', 'place', { place: { id: 'p', name: 'P', lat: 1, lon: 2, country: 'SY', kind: 'city', source: 't' } }),
      ann(10, 20, 'b', 'place', { actor: { id: 'q', name: 'Q', type: 't', country: 'SY', affiliation: [], aliases: [] } }),
      ann(15, 18, 'c', 'organization'),
    ], {} as never);
    assert.strictEqual(out.length, 2);
    assert.strictEqual(out[0].category, 'distance');
    assert.ok(out[1].place && out[1].actor, 'the same span keeps both place and actor');
  });
});

describe('pipeline', () => {
  it('analyses empty and whitespace-only text', () => {
    assert.deepStrictEqual(analyze('').annotations, []);
    assert.deepStrictEqual(analyze(' \n\r\n\t').annotations, []);
  });
  it('gives document offsets and ids in order; re-analysis reuses cached segments with new offsets', () => {
    const a = new Analyzer();
    const text = 'The convoy drove 4 km north.\nIt stopped.';
    const r1 = a.analyze(text);
    const r2 = a.analyze('Headline\n' + text);
    assert.ok(r1.annotations.length > 0);
    for (const x of r1.annotations) {
      assert.ok(r2.annotations.some(y => y.start === x.start + 9 && y.text === x.text && y.category === x.category), x.text);
    }
    for (const x of r2.annotations) assert.strictEqual(r2.text.slice(x.start, x.end), x.text);
    for (const r of [r1, r2]) r.annotations.forEach((x, i) => assert.ok(i === 0 || r.annotations[i - 1].start <= x.start));
  });
  it('turns categories off by settings', () => {
    const text = 'Troops advanced 12 km.';
    const on = analyze(text).annotations.filter(a => a.category === 'distance');
    assert.strictEqual(on.length, 1);
    const off = analyze(text, { settings: normalizeSettings({ categories: { distance: false } }) });
    assert.strictEqual(off.annotations.filter(a => a.category === 'distance').length, 0);
  });
  it('prefers the CLI date over the header and the header over the analyst date', () => {
    const text = 'Date: 2017-06-09\n\nTroops advanced.';
    assert.strictEqual(analyze(text, { referenceDate: '2020-01-02' }).referenceDate?.value, '2020-01-02');
    assert.deepStrictEqual(analyze(text, { fallbackReferenceDate: '2019-01-01' }).referenceDate?.source, 'header');
    assert.strictEqual(analyze('Troops advanced.', { fallbackReferenceDate: '2019-01-01' }).referenceDate?.source, 'analyst');
  });
  it('reads header dates only when they are real calendar dates', () => {
    assert.strictEqual(findReferenceDate('Date: 2017-02-30\nText'), undefined);
    assert.strictEqual(findReferenceDate('Published: 2016-02-29\nText')?.value, '2016-02-29');
  });
  it('reports the time of every stage when asked', () => {
    const a = new Analyzer();
    const text = 'Troops advanced 12 km from Aleppo on Monday.\nThe convoy stopped.';
    const timings = new Map<string, number>();
    a.analyze(text, { timings });
    for (const stage of ['segment', 'recognizers', 'refiner overlaps', 'sort and ids', 'check unit-malformed', 'sort findings']) {
      assert.ok(timings.has(stage), stage);
    }
    for (const v of timings.values()) assert.ok(v >= 0 && Number.isFinite(v));
    assert.deepStrictEqual(analyze(text).annotations, a.analyze(text).annotations, 'timings change nothing');
  });
  it('re-analyses edited text exactly as a fresh analysis does (segments split, merged, moved, repeated)', () => {
    // Written for the project: figures, places, dates, repeated sentences.
    const base = [
      'Date: 2021-05-04', '', 'Convoy reaches Aleppo', '',
      'The convoy drove 40 km (25 miles) north of Aleppo on Monday. It stopped near Idlib.',
      'Some 1,200 people walked 12 km. It stopped near Idlib. Officials said 40% of the camp was flooded.',
      '', 'The camp covers 550 sq km. It stopped near Idlib.',
    ].join('\n');
    const edits: ((t: string) => string)[] = [
      t => t.replace('north of Aleppo on Monday. It', 'north of Aleppo on Monday; it'), // merges two sentences
      t => t.replace('Monday; it', 'Monday. It'), // splits them again
      t => t.replace('Some 1,200', 'About 1,300'), // replaces one
      t => t.replace('40 km (25 miles)', '90 km (25 miles)').replace('550 sq km', '990 sq km'), // the same lengths
      t => 'Breaking\n\n' + t, // moves all
      t => t.replace('It stopped near Idlib. Officials', 'Officials'), // drops a repeated one
      t => t + '\nIt stopped near Idlib. It stopped near Idlib.', // repeats one
      t => t.replace(/\n\n/g, '\n'), // joins paragraphs
      t => t.slice(0, 40) + t.slice(90), // cuts across segments
      t => t.split('. ').reverse().join('. '), // reorders
      () => '', // empties
      () => base,
    ];
    const a = new Analyzer();
    let text = base;
    a.analyze(text);
    for (const edit of edits) {
      text = edit(text);
      const incremental = a.analyze(text);
      const fresh = analyze(text);
      assert.deepStrictEqual(incremental.annotations, fresh.annotations, text);
      assert.deepStrictEqual(incremental.findings, fresh.findings, text);
    }
  });
  it('cancels a running asynchronous analysis', async () => {
    const a = new Analyzer();
    const text = Array.from({ length: 4000 }, (_, i) => `Unit ${i} moved ${i % 90 + 1} km toward the river on day ${i}.`).join('\n');
    let cancelled = false;
    const token = { get isCancellationRequested() { return cancelled; } };
    const run = a.analyzeAsync(text, {}, token);
    setImmediate(() => { cancelled = true; });
    await assert.rejects(run, /cancelled/);
  });
});

describe('settings', () => {
  it('reports wrongly typed values and keeps defaults', () => {
    const problems: string[] = [];
    const s = normalizeSettings({ categories: { place: 'yes', nonsense: true }, checks: { 'unit-malformed': 3 } }, problems);
    assert.strictEqual(s.categories.place, true);
    assert.strictEqual(problems.length, 3);
  });
});
