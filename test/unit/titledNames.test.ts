// People named after a title (recognizers/titledNames.ts).
import * as assert from 'assert';
import { analyze } from '../../server/src/core';
import { titledNames } from '../../server/src/core/recognizers/titledNames';
import { recognizers } from '../../server/src/core/recognizers';
import { defaultSettings } from '../../server/src/core/settings';
import { Knowledge } from '../../server/src/core/knowledge/knowledge';
import { ensureData } from '../helpers/data';

const found = (text: string, settings = defaultSettings()) =>
  titledNames.recognize({ text, start: 0 } as never, { knowledge: new Knowledge(), settings }).map(m => m.text);

describe('people named after a title (recognizers/titledNames.ts)', function () {
  this.timeout(60000);

  it('is registered, above the name tagger', () => {
    assert.ok(recognizers.includes(titledNames));
    assert.ok(titledNames.priority > recognizers.find(r => r.id === 'ner')!.priority);
  });

  it('reads the name after a title: particles inside, glued ones, up to four words', () => {
    assert.deepStrictEqual(found('Syrian President Bashar al-Assad met Defence Minister Sergei Shoigu.'), ['Bashar al-Assad', 'Sergei Shoigu']);
    assert.deepStrictEqual(found('Crown Prince Mohammed bin Salman and UN envoy Staffan de Mistura spoke.'), ['Mohammed bin Salman', 'Staffan de Mistura']);
    assert.deepStrictEqual(found('Lt. Gen. Stephen Townsend said so.'), ['Stephen Townsend']);
    assert.deepStrictEqual(found('Zairean Prime Minister Kengo wa Dondo said.'), ['Kengo wa Dondo']);
  });

  it('reads secretaries (of a department too), leaders and chairmen', () => {
    assert.deepStrictEqual(found('Defense Secretary Lloyd Austin and Secretary of State Antony Blinken flew to Cairo.'), ['Lloyd Austin', 'Antony Blinken']);
    assert.deepStrictEqual(found('Secretary of Homeland Security Alejandro Mayorkas visited; UN Secretary-General Antonio Guterres spoke.'), ['Alejandro Mayorkas', 'Antonio Guterres']);
    assert.deepStrictEqual(found('Senate Majority Leader Chuck Schumer and Supreme Leader Ali Khamenei.'), ['Chuck Schumer', 'Ali Khamenei']);
    // `Secretary of` with no department, or a department and no name: nobody.
    assert.deepStrictEqual(found('The Secretary of the Interior said no. The Secretary of State said no.'), []);
    assert.deepStrictEqual(found('Secretary of the Navy Carlos Del Toro visited the yard.'), ['Carlos Del Toro']);
  });

  it('stops at a weekday or month, and finds no person in an institution or where no name follows', () => {
    assert.deepStrictEqual(found('Albright will meet Foreign Minister Jose Miguel Insulza Monday for talks.'), ['Jose Miguel Insulza']);
    assert.deepStrictEqual(found('Crown Prince Mohammed visited King Abdulaziz University and the King Fahd Causeway.'), ['Mohammed']);
    assert.deepStrictEqual(found('The President of the United States and the Prime Minister said the leader was ill.'), []);
    assert.deepStrictEqual(found('President NATO said.'), []);
  });

  it('finds nothing with people switched off', () => {
    const settings = defaultSettings();
    settings.categories.person = false;
    assert.deepStrictEqual(found('President Bashar al-Assad spoke.', settings), []);
  });

  describe('in the pipeline', () => {
    before(() => ensureData());
    it('is a person where the tagger found none, and its surname names the person later on', () => {
      const r = analyze('Syrian President Bashar al-Assad met envoys in Damascus. Later, Assad said the war was over.\n');
      const people = r.annotations.filter(a => a.category === 'person').map(a => a.text);
      assert.deepStrictEqual(people, ['Bashar al-Assad', 'Assad']);
      // The gazetteer's `Bashar` (a place name elsewhere) is no place here.
      assert.ok(!r.annotations.some(a => a.category === 'place' && a.text === 'Bashar'));
    });
  });
});
