// Names made with a compass adjective (refiners/compassNames.ts): `Southern Syria` is a place, a part of Syria,
// whatever the name tagger called it; the adjective alone before a lower-case word is no name.
import * as assert from 'assert';
import { analyze, hoverMarkdown } from '../../server/src/core';
import { compassNames } from '../../server/src/core/refiners/compassNames';
import { refiners } from '../../server/src/core/refiners';
import { ensureData } from '../helpers/data';

describe('compass names (refiners/compassNames.ts)', function () {
  this.timeout(60000);
  before(() => ensureData());

  const names = (text: string) => analyze(text).annotations
    .filter(a => a.category !== 'date')
    .map(a => `${a.category}:${a.text}${a.place ? `→${a.place.country}` : ''}`);

  it('is registered after the places refiner and before the actors refiner', () => {
    const ids = refiners.map(r => r.id);
    assert.ok(ids.indexOf('places') < ids.indexOf(compassNames.id) && ids.indexOf(compassNames.id) < ids.indexOf('actors'), ids.join(' '));
  });

  it('makes a compass adjective and a linked place a place (the tagger called them organisations)', () => {
    assert.deepStrictEqual(names('Fighting spread to Northern Syria and Eastern Aleppo on Monday.\n'), ['place:Syria→SY', 'place:Eastern Aleppo→SY']);
    const r = analyze('The army blocked their penetration from Southern Syria to the east.\n');
    const a = r.annotations.find(x => x.text === 'Southern Syria');
    assert.strictEqual(a?.category, 'place');
    assert.strictEqual(a?.place?.country, 'SY');
    assert.deepStrictEqual(a?.data?.placeSpan, { start: a!.start + 9, end: a!.end, text: 'Syria' });
    // Its hover card says it is a part of Syria, above Syria's card.
    assert.match(hoverMarkdown(r, a!.start)!.markdown, /^\*\*Southern Syria\*\* — a part of Syria\n\n\*\*Syria\*\* — country/);
  });

  it('drops the adjective alone before a lower-case word, and leaves other names alone', () => {
    assert.deepStrictEqual(names('The hill links the Northern part of the desert to its Southern part.\n'), []);
    assert.deepStrictEqual(names('Western diplomats met in Damascus.\n'), ['misc:Western', 'place:Damascus→SY']);
    // A name that goes on with no place: unchanged (the refiner alone, on annotations made here).
    const convention = { id: '', category: 'organization' as const, start: 4, end: 31, text: 'Southern Baptist Convention', source: 'ner' };
    const kept = compassNames.refine([convention], { text: 'The Southern Baptist Convention met.' } as never);
    assert.deepStrictEqual(kept.map(a => a.category), ['organization']);
  });

  it('measures distances from a part of a city as from the city (DL103: a part is within the check\'s margin)', () => {
    // Aleppo is 169 km from Homs on the map; a part of Aleppo is not 50 km from it.
    const r = analyze('Date: 2017-06-09\n\nThe convoy reached Eastern Aleppo, 50 km from Homs.\n');
    assert.strictEqual(r.annotations.find(a => a.text === 'Eastern Aleppo')?.category, 'place');
    assert.deepStrictEqual(r.findings.filter(f => f.code === 'DL103').map(f => f.start), [r.text.indexOf('50 km')]);
  });
});
