// Country names and demonyms come from world-countries, completed from countries-states-cities
// (scripts/build-knowledge.ts). world-countries now calls Turkey `Türkiye` and lists no `Turkey` among its
// spellings: the country was then found under no name news uses, and `Turkey` was linked to a town in New Jersey
// of that former name. Some demonyms (`Kazakh`, `Kyrgyz`, `Azeri`) were missing, and `Kazakh` found a town in
// Azerbaijan.
import * as assert from 'assert';
import { analyze } from '../../server/src/core';
import { ensureData } from '../helpers/data';

describe('country names and demonyms (world-countries completed from countries-states-cities)', function () {
  this.timeout(60000);
  before(() => ensureData());

  const linked = (text: string, name: string) => {
    const a = analyze(text).annotations.find(x => x.text === name && x.place);
    return a ? { category: a.category, country: a.place!.country, kind: a.place!.kind } : undefined;
  };

  it('finds Turkey as the country, also next to names of the United States', () => {
    assert.deepStrictEqual(linked('Officials in Ankara said Turkey would attend.\n', 'Turkey'),
      { category: 'place', country: 'TR', kind: 'country' });
    assert.deepStrictEqual(linked('The US and Russia met in Washington. Turkey would attend, officials said.\n', 'Turkey'),
      { category: 'place', country: 'TR', kind: 'country' });
  });

  it('reads the demonyms world-countries lacks as their countries\' (not as towns of that name)', () => {
    assert.deepStrictEqual(linked('The Kazakh capital, Astana, hosted the talks.\n', 'Kazakh'),
      { category: 'misc', country: 'KZ', kind: 'country' });
    const r = analyze('Kyrgyz and Azeri envoys met Nepali officials.\n');
    const countries = ['Kyrgyz', 'Azeri', 'Nepali'].map(n => r.annotations.find(a => a.text === n)?.place?.country);
    assert.deepStrictEqual(countries, ['KG', 'AZ', 'NP']);
  });

  it('takes no name of a place, nor another country\'s demonym, as a demonym', () => {
    // countries-states-cities gives `Bonaire` as Bonaire's nationality and `Chinese` as Macau's.
    assert.strictEqual(linked('Bonaire is an island.\n', 'Bonaire')?.category, 'place');
    assert.strictEqual(linked('Chinese officials met in Beijing.\n', 'Chinese')?.country, 'CN');
  });
});
