// The actors refiner gives a country that acts its government, also as the first of two coordinated subjects
// (`Russia and Iran backed`): the name after `and` must act. The refiner finds that next name by a binary
// search over the names in order of their starts; these fixtures (written for the project) pin the answers.
import * as assert from 'assert';
import { analyze } from '../../server/src/core/pipeline';

function actorOf(text: string, name: string, nth = 0): string | undefined {
  const r = analyze(text);
  const found = r.annotations.filter(a => a.text === name);
  assert.ok(found.length > nth, `${name} not annotated in: ${text}`);
  return found[nth].actor?.id;
}

describe('actors refiner: coordinated subjects', () => {
  it('gives both countries their governments when the second one acts', () => {
    const text = 'Russia and Iran backed the ceasefire on Monday.';
    assert.ok(actorOf(text, 'Russia'), 'Russia');
    assert.ok(actorOf(text, 'Iran'), 'Iran');
  });

  it('gives none when the name after `and` does not act', () => {
    assert.strictEqual(actorOf('Exports to Russia and Iran fell sharply last year.', 'Russia'), undefined);
  });

  it('looks at the next name only, and only when it follows closely', () => {
    // The name after `and` is further than a few characters: not a coordinated subject.
    assert.strictEqual(actorOf('Trade between Russia and several of its neighbours, Iran included, fell.', 'Russia'), undefined);
    // Later in the document the same pair acts: that mention gets its government, the first does not.
    const text = 'Exports to Russia and Iran fell. Later, Russia and Iran signed the accord.';
    assert.strictEqual(actorOf(text, 'Russia', 0), undefined);
    assert.ok(actorOf(text, 'Russia', 1));
  });
});
