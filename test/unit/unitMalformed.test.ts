// DL101 unit-malformed: the check, its message and its fix, through the whole pipeline.
import * as assert from 'assert';
import { checks } from '../../server/src/core/checks';
import { unitMalformed } from '../../server/src/core/checks/unitMalformed';
import { hoverMarkdown } from '../../server/src/core/hover/index';
import { analyze } from '../../server/src/core/pipeline';
import { defaultSettings } from '../../server/src/core/settings';
import type { Finding } from '../../server/src/core/types';

function dl101(text: string, settings = defaultSettings()): Finding[] {
  return analyze(text, { settings }).findings.filter(f => f.code === 'DL101');
}
function applyFix(text: string, f: Finding): string {
  const edits = [...f.fixes![0].edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('DL101 unit-malformed', () => {
  it('is registered with its code, name and severity', () => {
    assert.ok(checks.includes(unitMalformed));
    assert.strictEqual(unitMalformed.code, 'DL101');
    assert.strictEqual(unitMalformed.name, 'unit-malformed');
    assert.strictEqual(unitMalformed.defaultSeverity, 'warning');
  });

  it('flags 550sq/km with a message naming the figure and the canonical form', () => {
    const text = 'Officials said the area of the new camp was 550sq/km, larger than the town itself.';
    const [f, ...rest] = dl101(text);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(f.severity, 'warning');
    assert.strictEqual(text.slice(f.start, f.end), '550sq/km');
    assert.match(f.message, /550sq\/km/);
    assert.match(f.message, /550 km²/);
    assert.match(f.message, /density/);
    assert.strictEqual(f.fixes?.length, 1);
    assert.strictEqual(f.fixes![0].title, 'Write 550 km²');
    assert.strictEqual(f.fixes![0].preferred, true);
    assert.strictEqual(applyFix(text, f), 'Officials said the area of the new camp was 550 km², larger than the town itself.');
    assert.strictEqual(f.annotations?.length, 1);
  });

  const cases: [string, string, string][] = [
    ['The camp covers 550 sq/km.', '550 sq/km', '550 km²'],
    ['The camp covers 550 km/sq.', '550 km/sq', '550 km²'],
    ['The camp covers 30 sq.kms of land.', '30 sq.kms', '30 km²'],
    ['The camp covers 30 sq kms of land.', '30 sq kms', '30 km²'],
    ['The camp covers 20 kms2 of land.', '20 kms2', '20 km²'],
    ['The camp covers 20 kms² of land.', '20 kms²', '20 km²'],
    ['The camp covers 10 km sq of land.', '10 km sq', '10 km²'],
    ['The park covers 1,200sq/mi of hills.', '1,200sq/mi', '1,200 sq mi'],
    ['The flat covers 80 sq/m of floor.', '80 sq/m', '80 m²'],
    ['The zone covers 1.5 million sq/km.', '1.5 million sq/km', '1.5 million km²'],
    ['The zone covers some 550sq/km.', '550sq/km', '550 km²'],
  ];
  for (const [text, span, canonical] of cases) {
    it(`${span} → ${canonical}`, () => {
      const found = dl101(text);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      assert.strictEqual(text.slice(found[0].start, found[0].end), span);
      assert.strictEqual(found[0].fixes![0].edits[0].newText, canonical);
      assert.strictEqual(found[0].fixes![0].title, `Write ${canonical}`);
      assert.strictEqual(applyFix(text, found[0]), text.replace(span, canonical));
    });
  }

  it('does not flag common, unambiguous spellings', () => {
    for (const t of ['550 km²', '550 km2', '550 km^2', '550 sq km', '550 sq. km', '550 sqkm', '550 square kilometres',
      '12 kms', '550 Km', '12 km/h', '90 ha', '1,200 sq mi', '300 m²', '40 dunams']) {
      assert.deepStrictEqual(dl101(`It measured ${t} in all.`), [], t);
    }
  });

  it('the fix leaves a text the check no longer flags', () => {
    const text = 'A zone of 550sq/km and another of 30 sq.kms.';
    let fixed = text;
    for (const f of dl101(text).sort((a, b) => b.start - a.start)) fixed = applyFix(fixed, f);
    assert.strictEqual(fixed, 'A zone of 550 km² and another of 30 km².');
    assert.deepStrictEqual(dl101(fixed), []);
  });

  it('follows the settings: off, or another severity', () => {
    const text = 'The camp covers 550sq/km.';
    const off = defaultSettings(); off.checks['unit-malformed'] = false;
    assert.deepStrictEqual(dl101(text, off), []);
    const err = defaultSettings(); err.checks['unit-malformed'] = 'error';
    assert.strictEqual(dl101(text, err)[0].severity, 'error');
    const noAreas = defaultSettings(); noAreas.categories.area = false;
    assert.deepStrictEqual(dl101(text, noAreas), [], 'a category turned off is not checked');
  });

  it('offsets stay right after astral characters and Arabic', () => {
    const text = '😀 قال 😀 the camp is 550sq/km.';
    const [f] = dl101(text);
    assert.strictEqual(text.slice(f.start, f.end), '550sq/km');
  });

  it('the hover card of a malformed figure mentions DL101 and the canonical form', () => {
    const text = 'The camp covers 550sq/km.';
    const r = analyze(text);
    const h = hoverMarkdown(r, text.indexOf('550') + 1);
    assert.ok(h);
    assert.match(h.markdown, /\*\*Area\*\* — 550 km²/);
    assert.match(h.markdown, /DL101/);
    assert.match(h.markdown, /`550 km²`/);
    assert.match(h.markdown, /SI: 550,000,000 m² \(550 km²\)/);
  });

  it('ignores annotations without the mark and tolerates odd data', () => {
    const doc = { text: '', segments: [], knowledge: undefined as never, settings: defaultSettings(), memo: new Map() };
    const base = { id: 'area-1', category: 'area' as const, start: 0, end: 3, text: 'abc', source: 'figures' };
    assert.deepStrictEqual(unitMalformed.run([base], doc), []);
    assert.deepStrictEqual(unitMalformed.run([{ ...base, data: { malformedUnit: 5 } }], doc), []);
    assert.deepStrictEqual(unitMalformed.run([{ ...base, category: 'count', data: { malformedUnit: 'x', canonical: 'y' } }], doc), []);
  });
});
