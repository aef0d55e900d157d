// Scans the checks make in place of a regular expression over a slice of the text (a slice per figure on
// every edit): each must answer as the expression does, on random strings over the characters that matter.
import * as assert from 'assert';
import { lengthAfter } from '../../server/src/core/checks/statements';
import { JOINER, joins } from '../../server/src/core/checks/partsExceedTotal';
import { rng } from '../helpers/newsText';  // mulberry32: a failure can be replayed

function randomText(r: () => number, alphabet: string[], max: number): string {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
  return s;
}

describe('check scans in place of regular expressions', () => {
  it('lengthAfter answers as /^[ \\u00a0]+(?:long|in length)\\b/ over the 16 characters after a figure', () => {
    const r = rng(11);
    const re = /^[ \u00a0]+(?:long|in length)\b/;
    const alphabet = [' ', ' ', '\u00a0', 'long', 'long', 'in length', 'l', 'i', 'er', ',', 'Long', 'in', ' length', 'x'];
    let hits = 0;
    for (let k = 0; k < 50000; k++) {
      const t = randomText(r, alphabet, 6);
      const end = r() < 0.5 ? 0 : Math.floor(r() * (t.length + 1));
      const want = re.test(t.slice(end, end + 16));
      if (want) hits++;
      assert.strictEqual(lengthAfter(t, end), want, JSON.stringify([t, end]));
    }
    assert.ok(hits > 500, `only ${hits} matches: the comparison would prove little`);
  });
});


describe('the joiner between two parts of a breakdown', () => {
  it('joins answers as JOINER over the slice', () => {
    const r = rng(17);
    const alphabet = [' ', '\u00a0', ',', 'and', 'AND', 'as well as', 'plus', 'Plus', 'about', 'some', 'x', 'a', 'p', 'c.', '~', ' '];
    let hits = 0;
    for (let k = 0; k < 50000; k++) {
      const t = randomText(r, alphabet, 7);
      const from = r() < 0.5 ? 0 : Math.floor(r() * (t.length + 2)), to = r() < 0.5 ? t.length : Math.floor(r() * (t.length + 2));
      const want = JOINER.test(t.slice(from, to));
      if (want) hits++;
      assert.strictEqual(joins(t, from, to), want, JSON.stringify([t, from, to]));
    }
    assert.ok(hits > 500, `only ${hits} matches: the comparison would prove little`);
  });
});
