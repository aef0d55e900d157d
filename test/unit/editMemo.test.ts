// The results kept across analyses by the timex refiner and the figure checks (per normal form, per figure
// value, per text) must give what a fresh analysis gives: after edits that move, change or add the things
// they were kept for, and after a change of the reference date. Fixtures written for the project.
import * as assert from 'assert';
import { Analyzer } from '../../server/src/core/pipeline';
import type { AnalysisResult } from '../../server/src/core/api';

const BASE = [
  'AMMAR, Tuesday, June 9, 2017 — The convoy left Homs on Monday and reached the river two days later.',
  'The lake covers 610 square kilometers. The road runs 55 kilometers (30 miles) to the border.',
  'Relief workers said 55% of the families sleep in schools, 40% in tents and 20% with neighbours.',
  'The death toll from the earthquake stood at 120. Lake Tana covers 3,000 square kilometres.',
  'Lake Tana, which covers 2,000 km², lies to the north. A year earlier, the same road was closed.',
  'Officials said 12 people were killed, including 7 soldiers and 8 civilians, on Friday, June 9.',
  'Palmyra lies 40 km from Homs. Aleppo and Damascus are 100 km apart.',
].join('\n');

function digest(r: AnalysisResult): string {
  return JSON.stringify({
    annotations: r.annotations.map(a => [a.id, a.category, a.start, a.end, a.text, a.value, a.unresolved]),
    findings: r.findings,
  });
}

describe('results kept across analyses (edits)', () => {
  const edits: { name: string; text: (t: string) => string; ref?: string }[] = [
    { name: 'text inserted before everything (all offsets move)', text: t => 'Breaking: ' + t },
    { name: 'a conversion changed', text: t => t.replace('(30 miles)', '(34 miles)') },
    { name: 'a conversion written again elsewhere', text: t => t + '\nA second road runs 55 kilometers (30 miles) west.' },
    { name: 'the date before an anaphor changed', text: t => t.replace('on Monday', 'on May 2, 2016') },
    { name: 'a share changed', text: t => t.replace('20% with', '5% with') },
    { name: 'a weekday changed', text: t => t.replace('on Friday, June 9', 'on Saturday, June 9') },
    { name: 'the reference date changed', text: t => t, ref: '2019-03-01' },
    { name: 'a place of a distance claim changed', text: t => t.replace('40 km from Homs', '40 km from Hama') },
    { name: 'a distance claim moved', text: t => t.replace('Palmyra lies 40 km from Homs. ', '') + '\nPalmyra lies 40 km from Homs.' },
    { name: 'a death toll moved', text: t => t.replace('The death toll from the earthquake stood at 120. ', '') + '\nThe death toll from the earthquake stood at 150.' },
  ];
  for (const e of edits) {
    it(`${e.name}: as a fresh analysis`, () => {
      const warm = new Analyzer();
      warm.analyze(BASE, { referenceDate: '2017-06-13' });
      const text = e.text(BASE);
      const opts = { referenceDate: e.ref ?? '2017-06-13' };
      const again = warm.analyze(text, opts);
      const fresh = new Analyzer().analyze(text, opts);
      assert.strictEqual(digest(again), digest(fresh));
    });
  }

  it('finds the faults of the fixture (so that the comparisons above compare findings)', () => {
    const r = new Analyzer().analyze(BASE, { referenceDate: '2017-06-13' });
    const codes = new Set(r.findings.map(f => f.code));
    for (const c of ['DL102', 'DL103', 'DL104', 'DL105', 'DL106', 'DL107']) assert.ok(codes.has(c), `${c} in ${[...codes].join(' ')}`);
  });

  it('moves a kept conversion fix with its figure', () => {
    const a = new Analyzer();
    const f1 = a.analyze(BASE).findings.find(f => f.code === 'DL102')!;
    const f2 = a.analyze('12345' + BASE).findings.find(f => f.code === 'DL102')!;
    assert.strictEqual(f2.start, f1.start + 5);
    assert.deepStrictEqual(f2.fixes![0].edits.map(x => x.start), f1.fixes![0].edits.map(x => x.start + 5));
  });
});
