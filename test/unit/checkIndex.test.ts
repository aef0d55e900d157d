// The shortcuts the figure checks, the overlaps refiner and the figures recognizer take for speed, each
// against the plain code or pattern it stands for: the hedge read in place (support.hedgeStartBefore), the
// index of annotations by category, the radix sort of the overlaps refiner, the digit runs of numbers.ts,
// approxNumber's thousands separators, and the hedges of the figures recognizer read without a pattern.
import * as assert from 'assert';
import type { DocumentContext } from '../../server/src/core/api';
import {
  annotationIndex, approxNumber, CATEGORY_CODE, HEDGE_SOURCE, hedgeStartBefore, positionsOf, precisionOf, roundSignificant, select,
} from '../../server/src/core/checks/support';
import { recognizeFigures } from '../../server/src/core/recognizers/figures';
import { overlaps, sortedPositionsForTest } from '../../server/src/core/refiners/overlaps';
import { defaultSettings } from '../../server/src/core/settings';
import { readDigits, readMultiplier } from '../../server/src/core/text/numbers';
import type { Annotation, Category, FigureValue } from '../../server/src/core/types';
import { rng } from '../helpers/newsText';

function doc(text = ''): DocumentContext {
  return { text, segments: [], knowledge: undefined as never, settings: defaultSettings(), memo: new Map() };
}

/** Every string of up to `n` pieces (in order, with repetition). */
function combinations(pieces: string[], n: number): string[] {
  let out = [''];
  const all = [''];
  for (let k = 0; k < n; k++) {
    out = out.flatMap(s => pieces.map(p => s + p));
    all.push(...out);
  }
  return all;
}

describe('speed shortcuts', () => {
  describe('hedgeStartBefore', () => {
    const plus = new RegExp(`(?:${HEDGE_SOURCE}[ \\u00a0]+)$`, 'i');
    const star = new RegExp(`(?:${HEDGE_SOURCE}[ \\u00a0]*)$`, 'i');
    const pieces = ['about', 'ABOUT', 'more', 'More than', 'than', 'just', ' over', 'over', 'c.', 'ca.', 'approx.', '~',
      ' ', '\u00a0', 'x', 'some', 'hand', 'an estimated', '\n', 'ı'];

    it('finds what the end-anchored hedge pattern finds (with and without a space after)', () => {
      for (const s of combinations(pieces, 3)) {
        for (const [re, min] of [[plus, 1], [star, 0]] as const) {
          const m = re.exec(s);
          const text = `zz ${s}`;
          const got = hedgeStartBefore(text, 3, text.length, min);
          assert.strictEqual(got >= 0 ? got - 3 : -1, m ? m.index : -1, JSON.stringify(s));
        }
      }
    });

    it('takes the longest hedge and stays within its bounds', () => {
      const text = 'roughly just over 5';
      assert.strictEqual(hedgeStartBefore(text, 0, 18, 1), 8);           // `just over`, not `over`
      assert.strictEqual(hedgeStartBefore(text, 12, 18, 1), 13);         // `just` is out of bounds: `over`
      assert.strictEqual(hedgeStartBefore('over5', 0, 4, 1), -1);         // no space after it
      assert.strictEqual(hedgeStartBefore('~5', 0, 1, 0), 0);
    });
  });

  describe('annotation index', () => {
    const cats: Category[] = ['place', 'count', 'date', 'count', 'distance', 'place', 'area', 'percent', 'person', 'distance'];
    const list: Annotation[] = cats.map((category, i) => ({ id: `${category}-${i}`, category, start: i * 10, end: i * 10 + 5, text: 'x', source: 'test' }));
    list[8].place = { id: 'p', name: 'P', lat: 0, lon: 0, country: 'XX', kind: 'city', source: 'test' };

    it('lists positions per category in list order, and merges categories in list order', () => {
      const ix = annotationIndex(list, doc());
      assert.deepStrictEqual(positionsOf(ix, ['count']), [1, 3]);
      assert.deepStrictEqual(positionsOf(ix, ['distance', 'place']), [0, 4, 5, 9]);
      assert.deepStrictEqual(select(ix, ['area', 'count', 'percent']), list.filter(a => ['area', 'count', 'percent'].includes(a.category)));
      assert.deepStrictEqual(positionsOf(ix, ['place'], ix.withPlace), [0, 5, 8]);
      assert.deepStrictEqual(positionsOf(ix, ['time']), []);
      assert.strictEqual(ix.cats[4], CATEGORY_CODE.distance);
      assert.strictEqual(ix.starts[3], 30);
      assert.strictEqual(ix.ends[3], 35);
    });

    it('is built once per list and analysis, again for another list', () => {
      const d = doc();
      const ix = annotationIndex(list, d);
      assert.strictEqual(annotationIndex(list, d), ix);
      const other = list.slice(0, 3);
      const ix2 = annotationIndex(other, d);
      assert.notStrictEqual(ix2, ix);
      assert.deepStrictEqual(positionsOf(ix2, ['count']), [1]);
    });
  });

  describe('overlaps', () => {
    it('orders mentions like a stable sort by start, longer first, higher priority first', () => {
      const random = rng(5);
      for (let t = 0; t < 300; t++) {
        const n = Math.floor(random() * 200);
        const scale = [10, 1000, 1e6, 2 ** 31 - 1][t % 4];
        const starts = new Float64Array(n), ends = new Float64Array(n), prio = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          starts[i] = Math.floor(random() * scale);
          ends[i] = starts[i] + Math.floor(random() * 4);
          prio[i] = [0, 10, 50, 50][Math.floor(random() * 4)];
        }
        if (t % 50 === 0 && n > 0) starts[0] = 0.5; // not a whole number: the comparison sort alone
        const want = Array.from({ length: n }, (_, i) => i)
          .sort((i, j) => starts[i] - starts[j] || ends[j] - ends[i] || prio[j] - prio[i]);
        assert.deepStrictEqual(Array.from(sortedPositionsForTest(starts, ends, prio)), want);
      }
    });

    it('merges the data of mentions of the same span like an object spread', () => {
      const a: Annotation = { id: '', category: 'place', start: 0, end: 4, text: 'Homs', source: 'gazetteer', data: { gz: 1, b: 2 } };
      const b: Annotation = { id: '', category: 'place', start: 0, end: 4, text: 'Homs', source: 'ner', data: { b: 3, ner: 'LOC', 2: 'x' } };
      const [kept] = overlaps.refine([b, a], doc('Homs'));
      const winner = kept === a ? a : b, other = kept === a ? b : a;
      assert.deepStrictEqual(Object.entries(kept.data!), Object.entries({ ...other.data, ...winner.data }));
    });
  });

  describe('readDigits', () => {
    const DIGIT_RUN = /\d+(?:[.,]\d+|[\u00a0\u202f\u2009]\d{3}(?!\d))*/y;
    it('reads the run the digit-run pattern matches', () => {
      const pieces = ['1', '12', '123', '0', ',', '.', '\u00a0', '\u202f', '\u2009', ' ', 'a', '1234'];
      for (const s of combinations(pieces, 4)) {
        if (!/^\d/.test(s)) continue;
        DIGIT_RUN.lastIndex = 0;
        const m = DIGIT_RUN.exec(s)!;
        assert.strictEqual(readDigits(s, 0)!.end, m[0].length, JSON.stringify(s));
      }
      assert.strictEqual(readDigits('x', 0), undefined);
      assert.deepStrictEqual(readDigits('2017 people', 0), { end: 4, value: 2017, yearLike: true });
      assert.deepStrictEqual(readDigits('12\u00a0000 km', 0), { end: 6, value: 12000, yearLike: false });
      assert.deepStrictEqual(readDigits('0958', 0), { end: 4, yearLike: false });
    });
  });

  describe('readMultiplier', () => {
    const MULTIPLIER = /[ \u00a0]?(thousand|million|billion|trillion|mn|mln|bn|lakhs?|crores?)(?![\p{L}\p{N}_])/iuy;
    it('reads what the multiplier pattern matches', () => {
      const pieces = [' ', '\u00a0', 'thousand', 'MILLION', 'Bn', 'mln', 'lakh', 's', 'crore', 'mi', 'ne', 'th', 'x', '2', 'ſ'];
      for (const s of combinations(pieces, 3)) {
        MULTIPLIER.lastIndex = 0;
        const m = MULTIPLIER.exec(s);
        assert.strictEqual(readMultiplier(s, 0)?.end, m ? MULTIPLIER.lastIndex : undefined, JSON.stringify(s));
      }
    });
  });

  describe('precisionOf', () => {
    it('reads the digits of a number like the digit-run pattern', () => {
      const reference = (t: string) => t.match(/^[\d,.\u00a0\u202f\u2009]+/)?.[0].replace(/[,\u00a0\u202f\u2009]/g, '');
      const pieces = ['0', '5', '30', ',', '.', '\u00a0', '\u202f', '\u2009', ' ', 'k', '000'];
      for (const t of combinations(pieces, 4)) {
        const digits = reference(t);
        const expected = digits ? precisionOf(digits, 7) : precisionOf('', 7);
        assert.deepStrictEqual(precisionOf(t, 7), expected, JSON.stringify(t));
      }
      assert.deepStrictEqual(precisionOf('2.50', 2.5), { step: 0.01, significant: 3 });
      assert.deepStrictEqual(precisionOf('1,500', 1500), { step: 100, significant: 2 });
      assert.deepStrictEqual(precisionOf('thirty', 30), { step: 10, significant: 1 });
    });
  });

  describe('approxNumber', () => {
    it('groups thousands like the separator pattern', () => {
      const reference = (x: number) => {
        const r = roundSignificant(x, 3);
        const s = Math.abs(r) >= 1000 ? Math.round(r).toString() : String(Number(r.toPrecision(3)));
        const [i, f] = s.split('.');
        return i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? '.' + f : '');
      };
      const random = rng(9);
      const values = [0, 1, -1, 999.5, 1234.5, -123456.7, 1e21, -3e22, 0.000123, 12, 100, 1000, 999999];
      for (let k = 0; k < 2000; k++) values.push((random() - 0.3) * Math.pow(10, Math.floor(random() * 24) - 8));
      for (const v of values) assert.strictEqual(approxNumber(v), reference(v), String(v));
    });
  });

  describe('figures hedges', () => {
    const qualifier = (text: string) => (recognizeFigures(text)[0]?.value as FigureValue | undefined)?.qualifier;
    it('reads the hedge before a number', () => {
      assert.strictEqual(qualifier('They walked just over 5 km.'), 'just over');
      assert.strictEqual(qualifier('It lies upwards  of\u00a012 km away.'), 'upwards of');
      assert.strictEqual(qualifier('The camp is approx. 3 km wide.'), 'approx.');
      assert.strictEqual(qualifier('The camp is ca. 3 km wide.'), 'ca.');
      assert.strictEqual(qualifier('A handsome 5 km walk.'), undefined);
      assert.strictEqual(qualifier('Washington D.C. 5 km away.'), undefined);
      assert.strictEqual(qualifier('About 40 people fled.'), 'about');
    });
  });
});
