// The distance-vs-map check keeps each claim's verdict and messages per distance value across analyses. The
// value object is the recognizer's (shared through its cache while the sentence is unchanged), but the places
// around it are linked anew on every run: a kept verdict must follow the places, as a fresh analysis does.
// Places from the gazetteer by name and country; fixtures written for the project.
import * as assert from 'assert';
import type { DocumentContext } from '../../server/src/core/api';
import { distanceVsMap } from '../../server/src/core/checks/distanceVsMap';
import { ObjectMemo } from '../../server/src/core/memo';
import { CLS_CAPITAL, gazetteerProvider } from '../../server/src/core/geo/gazetteer';
import { defaultKnowledge } from '../../server/src/core/pipeline';
import { recognizeFigures } from '../../server/src/core/recognizers/figures';
import { defaultSettings } from '../../server/src/core/settings';
import { segment } from '../../server/src/core/text/segment';
import type { Annotation, PlaceRef } from '../../server/src/core/types';

function gazPlace(name: string, country: string): PlaceRef {
  const gz = defaultKnowledge().get(gazetteerProvider);
  const c = gz.lookup(name, 40).filter(x => x.strict && gz.country(x.entry) === country && gz.cls(x.entry) <= CLS_CAPITAL);
  assert.ok(c.length > 0, `gazetteer has no ${name} in ${country}`);
  c.sort((a, b) => gz.population(b.entry) - gz.population(a.entry));
  return gz.placeRef(c[0].entry);
}

const TEXT = 'Palmyra lies 40 km from Homs.';

/** The distance (the figures recognizer's, or the one given) and the two places, in order. */
function annotations(p1: PlaceRef, p2: PlaceRef, distance?: Annotation): Annotation[] {
  const d = distance ?? (() => {
    const m = recognizeFigures(TEXT).find(x => x.category === 'distance')!;
    return { ...m, id: 'distance-1' } as Annotation;
  })();
  const place = (text: string, place: PlaceRef, id: string): Annotation => {
    const at = TEXT.indexOf(text);
    return { id, category: 'place', start: at, end: at + text.length, text, source: 'test', place };
  };
  return [place('Palmyra', p1, 'place-1'), d, place('Homs', p2, 'place-2')];
}

function doc(): DocumentContext {
  return { text: TEXT, segments: segment(TEXT), knowledge: defaultKnowledge(), settings: defaultSettings(), memo: new Map() };
}

describe('distance-vs-map verdicts kept across analyses', () => {
  it('follows a change of the linked place while the distance value stays the same object', () => {
    const palmyra = gazPlace('Palmyra', 'SY'), homs = gazPlace('Homs', 'SY'), damascus = gazPlace('Damascus', 'SY');
    const first = annotations(palmyra, homs);
    const before = distanceVsMap.run(first, doc());
    assert.strictEqual(before.length, 1);
    // The same distance object (and value) next to another place under the same name: as a fresh run says.
    const kept = distanceVsMap.run(annotations(palmyra, damascus, first[1]), doc());
    const fresh = distanceVsMap.run(annotations(palmyra, damascus), doc());
    assert.notDeepStrictEqual(fresh, before);
    assert.deepStrictEqual(kept, fresh);
    // And the place's population alone (the radius the tolerance reads) is part of the key too.
    const bigger = { ...homs, population: (homs.population ?? 0) * 400 };
    assert.deepStrictEqual(distanceVsMap.run(annotations(palmyra, bigger, first[1]), doc()),
      distanceVsMap.run(annotations(palmyra, bigger), doc()));
  });

  it('places a kept finding at the current offsets', () => {
    const palmyra = gazPlace('Palmyra', 'SY'), homs = gazPlace('Homs', 'SY');
    const first = annotations(palmyra, homs);
    const [f1] = distanceVsMap.run(first, doc());
    const moved = first.map(a => ({ ...a, start: a.start + 7, end: a.end + 7 }));
    const text = 'Report ' + TEXT;
    const [f2] = distanceVsMap.run(moved, { ...doc(), text, segments: segment(text) });
    assert.strictEqual(f2.start, f1.start + 7);
    assert.deepStrictEqual(f2.related!.map(r => r.start), f1.related!.map(r => r.start + 7));
    assert.strictEqual(f2.message, f1.message);
  });
});

describe('ObjectMemo', () => {
  it('keeps a few values per object, each for its own inputs, and computes again when the inputs differ', () => {
    const memo = new ObjectMemo<object, string>(2);
    const key = {};
    let computed = 0;
    const get = (input: string) => memo.get(key, [input], () => { computed++; return `value of ${input}`; });
    assert.strictEqual(get('a'), 'value of a');
    assert.strictEqual(get('b'), 'value of b');
    // Both kept: a sentence written twice (one object, two contexts) is not computed again.
    assert.strictEqual(get('a'), 'value of a');
    assert.strictEqual(get('b'), 'value of b');
    assert.strictEqual(computed, 2);
    // A third input pushes out the one used least recently.
    assert.strictEqual(get('c'), 'value of c');
    assert.strictEqual(get('b'), 'value of b');
    assert.strictEqual(computed, 3);
    assert.strictEqual(get('a'), 'value of a');
    assert.strictEqual(computed, 4);
  });
});
