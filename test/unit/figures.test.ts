// The figures recognizer (issue 2), the number reader it uses, and figures through the whole pipeline.
import * as assert from 'assert';
import { analyze } from '../../server/src/core/pipeline';
import { hoverMarkdown } from '../../server/src/core/hover/index';
import { defaultSettings } from '../../server/src/core/settings';
import { figures, recognizeFigures } from '../../server/src/core/recognizers/figures';
import { recognizers } from '../../server/src/core/recognizers';
import { parseNumber, readNumberWords } from '../../server/src/core/text/numbers';
import type { FigureValue, Mention } from '../../server/src/core/types';

function only(text: string): Mention {
  const ms = recognizeFigures(text);
  assert.strictEqual(ms.length, 1, `one figure in ${JSON.stringify(text)}, got ${JSON.stringify(ms.map(m => m.text))}`);
  return ms[0];
}
function value(m: Mention): FigureValue { return m.value as FigureValue; }
function find(text: string, span: string): Mention {
  const m = recognizeFigures(text).find(x => x.text === span);
  assert.ok(m, `no figure "${span}" in ${JSON.stringify(text)}: ${JSON.stringify(recognizeFigures(text).map(x => x.text))}`);
  return m;
}

describe('figures recognizer', () => {
  it('is registered with id, priority and categories', () => {
    assert.ok(recognizers.includes(figures));
    assert.strictEqual(figures.id, 'figures');
    assert.strictEqual(figures.priority, 50);
    assert.deepStrictEqual([...figures.categories].sort(), ['area', 'count', 'distance', 'percent']);
  });

  describe('distances', () => {
    const cases: [string, string, number | [number, number], string, number | [number, number]][] = [
      ['Troops advanced 4km east.', '4km', 4, 'km', 4000],
      ['The quake struck 30km deep.', '30km', 30, 'km', 30000],
      ['It is 55 kilometers from the coast.', '55 kilometers', 55, 'km', 55000],
      ['The town lies 55 kilometres north.', '55 kilometres', 55, 'km', 55000],
      ['A boat sank 2.5 miles offshore.', '2.5 miles', 2.5, 'mi', 4023.36],
      ['They dug a 300-metre tunnel.', '300-metre', 300, 'm', 300],
      ['A 400 nautical miles corridor.', '400 nautical miles', 400, 'nmi', 740800],
      ['It lies five kilometres away.', 'five kilometres', 5, 'km', 5000],
      ['Twenty-five km of road.', 'Twenty-five km', 25, 'km', 25000],
      ['A wall 3,000 feet long.', '3,000 feet', 3000, 'ft', 914.4],
      ['A 10-foot wall.', '10-foot', 10, 'ft', 3.048],
      ['About 100 yards away.', '100 yards', 100, 'yd', 91.44],
      ['Rain of 20 cm fell.', '20 cm', 20, 'cm', 0.2],
      ['The limit is 12 nm offshore.', '12 nm', 12, 'nmi', 22224],
      ['A 1,200-mile route.', '1,200-mile', 1200, 'mi', 1931212.8],
      ['He is 6 feet 2 inches tall.', '2 inches', 2, 'in', 0.0508],
      ['A strip 550 Km long.', '550 Km', 550, 'km', 550000],
      ['Some 1.5 million km of roads.', '1.5 million km', 1.5e6, 'km', 1.5e9],
    ];
    for (const [text, span, amount, unit, si] of cases) {
      it(`${span}`, () => {
        const m = find(text, span);
        assert.strictEqual(m.category, 'distance');
        assert.strictEqual(m.source, 'figures');
        assert.strictEqual(text.slice(m.start, m.end), span);
        assert.deepStrictEqual(value(m).amount, amount);
        assert.strictEqual(value(m).unit, unit);
        assert.deepStrictEqual(value(m).si, si);
        assert.strictEqual(value(m).siUnit, 'm');
      });
    }
  });

  describe('areas', () => {
    const cases: [string, string, number, string, number][] = [
      ['It covers 90,000 square kilometers.', '90,000 square kilometers', 90000, 'km2', 9e10],
      ['A zone of 550 km² was closed.', '550 km²', 550, 'km2', 5.5e8],
      ['A zone of 550 km2 was closed.', '550 km2', 550, 'km2', 5.5e8],
      ['A zone of 550 sq km was closed.', '550 sq km', 550, 'km2', 5.5e8],
      ['A zone of 550 sq. km was closed.', '550 sq. km', 550, 'km2', 5.5e8],
      ['A zone of 550 km^2 was closed.', '550 km^2', 550, 'km2', 5.5e8],
      ['A 20-square-kilometre zone.', '20-square-kilometre', 20, 'km2', 2e7],
      ['Some 1,200 sq mi of desert.', '1,200 sq mi', 1200, 'mi2', 3107985732.4032],
      ['About 12 square miles burned.', '12 square miles', 12, 'mi2', 31079857.324032],
      ['They lost 5,000 hectares of crops.', '5,000 hectares', 5000, 'ha', 5e7],
      ['They lost 30 ha of crops.', '30 ha', 30, 'ha', 3e5],
      ['A farm of 200 acres.', '200 acres', 200, 'acre', 809371.28448],
      ['A flat of 400 square metres.', '400 square metres', 400, 'm2', 400],
      ['A flat of 80 m² was hit.', '80 m²', 80, 'm2', 80],
      ['Settlers seized 3,000 dunams of land.', '3,000 dunams', 3000, 'dunam', 3e6],
      ['Settlers seized 40 donums of land.', '40 donums', 40, 'dunam', 4e4],
      ['A 1,000 sq ft shop.', '1,000 sq ft', 1000, 'ft2', 92.90304],
      ['Some 2 million hectares.', '2 million hectares', 2e6, 'ha', 2e10],
    ];
    for (const [text, span, amount, unit, si] of cases) {
      it(`${span}`, () => {
        const m = find(text, span);
        assert.strictEqual(m.category, 'area');
        assert.strictEqual(value(m).amount, amount);
        assert.strictEqual(value(m).unit, unit);
        assert.strictEqual(value(m).si, si);
        assert.strictEqual(value(m).siUnit, 'm2');
      });
    }
    it('reads a malformed area as an area and marks it for DL101', () => {
      const m = only('The camp was 550sq/km, officials said.');
      assert.strictEqual(m.category, 'area');
      assert.strictEqual(m.text, '550sq/km');
      assert.strictEqual(value(m).unit, 'km2');
      assert.strictEqual(value(m).si, 5.5e8);
      assert.strictEqual(m.data?.malformedUnit, 'sq/km');
      assert.strictEqual(m.data?.canonical, '550 km²');
    });
    it('leaves well-formed spellings unmarked', () => {
      for (const t of ['550 km2', '550 km²', '550 sq km', '550 sqkm', '550 km^2', '12 kms', '550 sq. km']) {
        const m = only(`It was ${t} wide.`);
        assert.strictEqual(m.data, undefined, t);
      }
    });
  });

  describe('counts', () => {
    const cases: [string, string, number | [number, number], string][] = [
      ['12 people were killed.', '12 people', 12, 'people'],
      ['Fighting displaced nearly 4,000 families.', '4,000 families', 4000, 'families'],
      ['Among them were 5 children.', '5 children', 5, 'children'],
      ['They killed 7 soldiers and wounded 3.', '7 soldiers', 7, 'soldiers'],
      ['Rebels seized two villages.', 'two villages', 2, 'villages'],
      ['Some 200 Israeli soldiers died.', '200 Israeli soldiers', 200, 'soldiers'],
      ['About 4,000 displaced families.', '4,000 displaced families', 4000, 'families'],
      ['At least 30 dead and more.', '30 dead', 30, 'dead'],
      ['There were 12 dead soldiers.', '12 dead soldiers', 12, 'soldiers'],
      ['Police arrested a dozen villagers.', 'a dozen villagers', 12, 'villagers'],
      ['Two hundred and fifty people fled.', 'Two hundred and fifty people', 250, 'people'],
      ['Half a million refugees crossed.', 'Half a million refugees', 5e5, 'refugees'],
      ['Some 1.5 million people fled.', '1.5 million people', 1.5e6, 'people'],
      ['Some 5m people fled.', '5m people', 5e6, 'people'],
      ['The army lost 12 tanks.', '12 tanks', 12, 'tanks'],
      ['They fired 40 rockets.', '40 rockets', 40, 'rockets'],
      ['Killed 23 bus passengers.', '23 bus passengers', 23, 'passengers'],
      ['Six crew members survived.', 'Six crew members', 6, 'members'],
      ['One person died.', 'One person', 1, 'person'],
      ['It killed 12 and wounded 30 others.', '30 others', 30, 'others'],
      ['Between 60 and 70 people were freed.', '60 and 70 people', [60, 70], 'people'],
      ['Two or three villages burned.', 'Two or three villages', [2, 3], 'villages'],
      ['Some 1.5-2 million people fled.', '1.5-2 million people', [1.5e6, 2e6], 'people'],
      ['A crowd of 2000 people gathered.', '2000 people', 2000, 'people'],
      ['Troops blocked the road. 12 people died.', '12 people', 12, 'people'],
      ['Government Forces Recapture 12 Villages Near Raqqa', '12 Villages', 12, 'villages'],
      ['Gunmen killed 12 Palestinians on Friday.', '12 Palestinians', 12, 'palestinians'],
      ['Among the dead were 3 Kurds.', '3 Kurds', 3, 'kurds'],
      ['They arrested 4 Syrian soldiers.', '4 Syrian soldiers', 4, 'soldiers'],
    ];
    for (const [text, span, amount, noun] of cases) {
      it(`${span}`, () => {
        const m = find(text, span);
        assert.strictEqual(m.category, 'count');
        assert.deepStrictEqual(value(m).amount, amount);
        assert.deepStrictEqual(value(m).si, amount);
        assert.strictEqual(value(m).noun, noun);
        assert.strictEqual(value(m).unit, '');
        assert.strictEqual(value(m).siUnit, '1');
      });
    }
    it('keeps parts and the total of a sentence apart', () => {
      const ms = recognizeFigures('12 people were killed, including 7 soldiers and 8 civilians.');
      assert.deepStrictEqual(ms.map(m => [m.text, value(m).amount, value(m).noun]),
        [['12 people', 12, 'people'], ['7 soldiers', 7, 'soldiers'], ['8 civilians', 8, 'civilians']]);
    });
    it('does not count what is not in the list, nor rates, nor proportions', () => {
      for (const t of ['He waited 12 days.', 'It took two weeks.', 'Prices rose 12 points.', '12 deaths per 100,000 people',
        '1 in 5 children', '3 out of 10 people', '32 death claims', 'Detroit 10 KANSAS CITY 3', '120 mm mortars',
        '12 people per square km', 'One of the officials', 'no one was hurt', 'three Lebanese banks', '4 x 4 vehicles']) {
        assert.deepStrictEqual(recognizeFigures(t).map(m => m.text), [], t);
      }
    });
  });

  describe('percentages', () => {
    for (const [text, span, amount] of [
      ['60% of the displaced', '60%', 60], ['60 % of them', '60 %', 60], ['35 percent of them', '35 percent', 35],
      ['35 per cent of them', '35 per cent', 35], ['fell by twelve percent', 'twelve percent', 12],
      ['lost twenty six percent', 'twenty six percent', 26], ['rose 150%', '150%', 150], ['some 2.5 pct', '2.5 pct', 2.5],
      ['between 20 and 25 percent', '20 and 25 percent', [20, 25]], ['10% to 20% more', '10% to 20%', [10, 20]],
      ['20-25%', '20-25%', [20, 25]],
    ] as [string, string, number | [number, number]][]) {
      it(span, () => {
        const m = find(text, span);
        assert.strictEqual(m.category, 'percent');
        assert.deepStrictEqual(value(m).amount, amount);
        assert.deepStrictEqual(value(m).si, amount);
        assert.strictEqual(value(m).siUnit, '%');
        assert.strictEqual(value(m).unit, '%');
      });
    }
    it('does not read percentage points', () => {
      assert.deepStrictEqual(recognizeFigures('a rise of 5 percentage points'), []);
    });
  });

  describe('ranges', () => {
    for (const [text, span] of [
      ['a road of between 20 and 25 km', '20 and 25 km'], ['a road of 20-25 km', '20-25 km'],
      ['a road of 20 to 25 km', '20 to 25 km'], ['a road of 20–25 km', '20–25 km'], ['a road of 20 – 25 km', '20 – 25 km'],
      ['a road of 20km-25km', '20km-25km'], ['a road of 20 km to 25 km', '20 km to 25 km'],
      ['a road of between twenty and twenty-five kilometres', 'twenty and twenty-five kilometres'],
    ]) {
      it(span, () => {
        const m = only(text);
        assert.strictEqual(m.text, span);
        assert.strictEqual(m.category, 'distance');
        assert.deepStrictEqual(value(m).amount, [20, 25]);
        assert.deepStrictEqual(value(m).si, [20000, 25000]);
      });
    }
    it('does not join "and" without "between"', () => {
      assert.deepStrictEqual(recognizeFigures('killed 12 and wounded 30 people').map(m => m.text), ['30 people']);
    });
    it('does not make a range of a change ("from 10 to 15 km")', () => {
      assert.deepStrictEqual(recognizeFigures('cut from 10 to 15 km').map(m => [m.text, value(m).amount]), [['15 km', 15]]);
    });
    it('does not join different units', () => {
      assert.deepStrictEqual(recognizeFigures('2 km to 3 miles').map(m => m.text), ['2 km', '3 miles']);
    });
  });

  describe('approximations', () => {
    const cases: [string, string, string][] = [
      ['some 12 km east', '12 km', 'some'], ['about 45 kilometers', '45 kilometers', 'about'],
      ['around 45 km', '45 km', 'around'], ['roughly 500 square kilometers', '500 square kilometers', 'roughly'],
      ['approximately 3 km', '3 km', 'approximately'], ['nearly 4,000 families', '4,000 families', 'nearly'],
      ['almost 60%', '60%', 'almost'], ['up to 20 rockets', '20 rockets', 'up to'],
      ['more than 100 missiles', '100 missiles', 'more than'], ['over 30 km', '30 km', 'over'],
      ['at least 30 dead', '30 dead', 'at least'], ['less than 2 km', '2 km', 'less than'],
      ['close to 90% of them', '90%', 'close to'], ['an estimated 2,000 fighters', '2,000 fighters', 'an estimated'],
      ['~500 km', '500 km', '~'], ['c. 300 m', '300 m', 'c.'], ['Some 12 km', '12 km', 'some'],
      ['as many as 300,000 troops', '300,000 troops', 'as many as'], ['fewer than 10 people', '10 people', 'fewer than'],
    ];
    for (const [text, span, qualifier] of cases) {
      it(`${qualifier} ${span}`, () => {
        const m = only(text);
        assert.strictEqual(m.text, span, 'the hedge is not part of the span');
        assert.strictEqual(m.start, text.indexOf(span));
        assert.strictEqual(value(m).approximate, true);
        assert.strictEqual(value(m).qualifier, qualifier);
      });
    }
    it('a plain figure is exact and has no qualifier', () => {
      const v = value(only('a road of 12 km'));
      assert.strictEqual(v.approximate, false);
      assert.strictEqual('qualifier' in v, false);
    });
    it('an abbreviation ending in C. is no hedge', () => {
      assert.strictEqual(value(only('in Washington D.C. 5 km away')).approximate, false);
    });
    it('a hedge further away does not count', () => {
      assert.strictEqual(value(only('about the road, which is 12 km long')).approximate, false);
    });
  });

  describe('not figures', () => {
    const negatives = [
      'in 2017', 'since 1990', 'The 3rd Division attacked.', 'the Route 66 bypass', 'UN Resolution 2254 says',
      'at 10:30 local time', 'on March 14', 'on March 14, 2023', 'Call 555-1234 now.', 'Call +44 20 7946 0958.',
      'the 21st century', 'Flight 17 passengers', 'page 12', 'It cost $5 million.', 'A £5m grant.', 'USD 5 million',
      'They paid 5 m euros.', 'F-16 jets flew over.', 'T-72 tanks moved.', 'COVID-19 patients', 'MH17 victims',
      'a 155mm shell', 'driving at 50 km/h', 'at 12 miles per hour', 'the 1990s-era framework', '12th Armoured Brigade',
      'In 2015 Syrian refugees fled.', 'Since 1990 refugees have come.', 'on March 12, 2023 soldiers', 'No. 5 soldiers',
      'Boeing 737 passengers', 'Apollo 11 crew', 'Camp 4 residents', 'all Boeing 737 passengers', 'the Apollo 11 crew', '1/2 mile', 'version 1.2.3 km', '007 agents',
      'The 5nm chips are made.', 'a 12,34 km road', 'met every two weeks', 'three times over the past month',
      'hundreds of people', 'dozens of villages', 'thousands of families', 'tens of thousands of refugees',
      'aged 12 children', 'per 100,000 people', 'In 2016 Russian jets struck.',
    ];
    for (const t of negatives) {
      it(JSON.stringify(t), () => {
        assert.deepStrictEqual(recognizeFigures(t).map(m => m.text), []);
      });
    }
  });

  describe('offsets', () => {
    it('are right after Arabic, emoji and NUL', () => {
      const text = 'مرحبا بالعالم 😀😀 \u0000 قال إن 12 km شرق ثم 😀 نحو 45% و 3 sq km';
      const ms = recognizeFigures(text);
      assert.deepStrictEqual(ms.map(m => m.text), ['12 km', '45%', '3 sq km']);
      for (const m of ms) assert.strictEqual(text.slice(m.start, m.end), m.text);
      assert.strictEqual(ms[0].start, text.indexOf('12 km'));
    });
    it('are UTF-16 offsets after astral characters', () => {
      const text = '𝕏𝕏 5 km';
      const m = only(text);
      assert.strictEqual(m.start, 5);
      assert.strictEqual(m.end, 9);
    });
  });

  describe('robustness', () => {
    it('never throws on hostile inputs and returns consistent mentions', () => {
      const inputs = [
        '', ' ', '\u0000', '\u0000'.repeat(1000), '\ud800', '\udc00 5 km', '5 km\ud800', '%', '1', '1,', ',1', '1.', '-1 km',
        '1'.repeat(5000) + ' km', '9'.repeat(400) + ' people', '1e308 km', '0 km', '0.0000001 km', 'a dozen', 'half',
        'half a', 'twenty-', 'one hundred and', 'between 5 and', '5 to', '5-', '5 –', '5 sq/', 'sq/km 5',
        '\uFFFF\uFFFE 5 km', Array.from({ length: 3000 }, (_, i) => String.fromCharCode(i)).join(''),
      ];
      for (const t of inputs) checkInvariants(t);
    });
    it('survives random junk (seeded)', () => {
      let seed = 12345;
      const rand = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
      const pieces = ['5', '12', '1,000', '2.5', ' ', '-', '–', 'km', 'sq', '/', 'km2', '²', 'million', 'some ', 'about ',
        'people', 'per cent', '%', 'between ', ' and ', ' to ', 'twenty', '-five', 'a dozen', '\u0000', '😀', 'ع', '.', ',',
        'March', 'Route', '$', '£', 'm', 'nm', 'chips', 'hectares', 'dunams', 'ha', 'in ', '2017', 'x', '\n'];
      for (let n = 0; n < 2000; n++) {
        let t = '';
        const len = Math.floor(rand() * 30);
        for (let k = 0; k < len; k++) t += pieces[Math.floor(rand() * pieces.length)];
        checkInvariants(t);
      }
      for (let n = 0; n < 200; n++) {
        let t = '';
        for (let k = 0; k < 200; k++) t += String.fromCharCode(Math.floor(rand() * 0x10000));
        checkInvariants(t);
      }
    });
    it('is linear on 1 MB of digits and commas, 1 MB of spaces and a 1 MB line of figures', function () {
      this.timeout(20000);
      for (const [text, budgetMs] of [
        ['1,2'.repeat(350000), 1500], ['1,000,'.repeat(170000), 1500], [' '.repeat(1_000_000), 1500],
        ['1 '.repeat(500000), 4000], ['12 km, '.repeat(150000), 6000], ['a'.repeat(1_000_000), 1500],
        ['twenty-'.repeat(150000), 3000], ['between '.repeat(125000), 1500],
      ] as [string, number][]) {
        const t0 = Date.now();
        recognizeFigures(text);
        const ms = Date.now() - t0;
        assert.ok(ms < budgetMs, `${JSON.stringify(text.slice(0, 12))}… took ${ms} ms`);
      }
    });
  });
});

function checkInvariants(text: string): void {
  let ms: Mention[] = [];
  assert.doesNotThrow(() => { ms = recognizeFigures(text); }, JSON.stringify(text.slice(0, 80)));
  let last = -1;
  for (const m of ms) {
    assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end, 'range inside the text');
    assert.ok(m.start >= last, 'in order, not overlapping');
    last = m.end;
    assert.strictEqual(m.text, text.slice(m.start, m.end));
    const v = m.value as FigureValue;
    for (const x of [v.amount, v.si].flat()) assert.ok(typeof x === 'number' && !Number.isNaN(x), 'a number');
  }
}

describe('text/numbers', () => {
  it('parses digits with separators and decimals', () => {
    assert.strictEqual(parseNumber('4,000'), 4000);
    assert.strictEqual(parseNumber('1,234,567.5'), 1234567.5);
    assert.strictEqual(parseNumber('2.5'), 2.5);
    assert.strictEqual(parseNumber('12\u00a0000'), 12000);
    assert.strictEqual(parseNumber('12\u202f000'), 12000);
    assert.strictEqual(parseNumber('0.5'), 0.5);
  });
  it('rejects malformed digit strings', () => {
    for (const s of ['12,34', '1.2.3', '0958', '1,0000', ',5', '', '1'.repeat(30)]) assert.strictEqual(parseNumber(s), undefined, s);
  });
  it('parses multipliers', () => {
    assert.strictEqual(parseNumber('1.5 million'), 1.5e6);
    assert.strictEqual(parseNumber('1.2 million'), 1.2e6);
    assert.strictEqual(parseNumber('2bn'), 2e9);
    assert.strictEqual(parseNumber('3 thousand'), 3000);
    assert.strictEqual(parseNumber('5 lakh'), 5e5);
    assert.strictEqual(parseNumber('2 crore'), 2e7);
  });
  it('parses number words', () => {
    const cases: [string, number][] = [
      ['five', 5], ['twelve', 12], ['twenty-five', 25], ['twenty five', 25], ['ninety-nine', 99],
      ['two hundred', 200], ['two hundred and fifty', 250], ['a hundred', 100], ['three thousand', 3000],
      ['three thousand five hundred', 3500], ['one million two hundred thousand', 1.2e6], ['a dozen', 12],
      ['two dozen', 24], ['half a million', 5e5], ['half a dozen', 6], ['fifteen hundred', 1500], ['Twenty', 20],
      ['two million', 2e6],
    ];
    for (const [s, v] of cases) assert.strictEqual(parseNumber(s), v, s);
  });
  it('stops where the number words stop', () => {
    assert.deepStrictEqual(readNumberWords('two hundred and the rest', 0), { end: 'two hundred'.length, value: 200 });
    assert.deepStrictEqual(readNumberWords('five-kilometre', 0), { end: 4, value: 5 });
    assert.deepStrictEqual(readNumberWords('two three', 0), { end: 3, value: 2 });
    assert.strictEqual(readNumberWords('dozens', 0), undefined);
    assert.strictEqual(readNumberWords('hundreds', 0), undefined);
    assert.strictEqual(readNumberWords('a', 0), undefined);
    assert.strictEqual(readNumberWords('thousand', 0), undefined, 'a bare scale word is no number');
    assert.deepStrictEqual(readNumberWords('one thousand million', 0), { end: 'one thousand'.length, value: 1000 }, 'scales only descend');
  });
});

describe('figures through the pipeline', () => {
  const text = 'Date: 2023-03-14\n\nTroops advanced some 12 km east of the town on Tuesday.\n\n' +
    'The UN said 12 people were killed, including 5 children, and that 60% of homes were damaged.\n\n' +
    'The new camp covers 550sq/km, and the road of between 20 and 25 km was reopened in 2017.';
  const result = analyze(text);
  const figs = result.annotations.filter(a => ['distance', 'area', 'count', 'percent'].includes(a.category));

  it('finds the figures with document offsets and ids', () => {
    assert.deepStrictEqual(figs.map(a => [a.category, a.text]), [
      ['distance', '12 km'], ['count', '12 people'], ['count', '5 children'], ['percent', '60%'],
      ['area', '550sq/km'], ['distance', '20 and 25 km'],
    ]);
    for (const a of figs) {
      assert.strictEqual(text.slice(a.start, a.end), a.text);
      assert.match(a.id, new RegExp(`^${a.category}-\\d+$`));
    }
    assert.deepStrictEqual((figs[0].value as FigureValue), { amount: 12, unit: 'km', si: 12000, siUnit: 'm', approximate: true, qualifier: 'some' });
  });

  it('does not read the header date or the year as figures', () => {
    assert.ok(!figs.some(a => a.text.includes('2023') || a.text.includes('2017')));
  });

  it('reports the malformed unit as DL101 with its fix', () => {
    const f = result.findings.filter(x => x.code === 'DL101');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(text.slice(f[0].start, f[0].end), '550sq/km');
    assert.strictEqual(f[0].fixes?.[0].edits[0].newText, '550 km²');
  });

  it('hovers a figure with its SI value and conversions', () => {
    const h = hoverMarkdown(result, text.indexOf('12 km') + 1);
    assert.ok(h);
    assert.match(h.markdown, /\*\*Distance\*\* — some 12 km/);
    assert.match(h.markdown, /SI: 12,000 m \(12 km\)/);
    assert.match(h.markdown, /≈ 7\.46 mi/);
  });

  it('turning a category off drops its figures', () => {
    const settings = defaultSettings();
    settings.categories.count = false;
    const r = analyze(text, { settings });
    assert.ok(!r.annotations.some(a => a.category === 'count'));
    assert.ok(r.annotations.some(a => a.category === 'distance'));
  });
});
