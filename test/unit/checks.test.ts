// The figure checks DL102-DL108: faulty and correct fixtures of every kind (written for the project), the
// fixes applied, the settings. Two levels: each check over hand-built annotations (figures from the figures
// recognizer, places taken from the gazetteer by name, dates with a given TIMEX3 value), so that a change in
// the name recognizers or the linker cannot hide a fault of a check; and the whole pipeline (`analyze()`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Check, DocumentContext } from '../../server/src/core/api';
import { checks } from '../../server/src/core/checks';
import { conversionMismatch } from '../../server/src/core/checks/conversionMismatch';
import { distanceVsMap } from '../../server/src/core/checks/distanceVsMap';
import { implausibleForPlace } from '../../server/src/core/checks/implausibleForPlace';
import { inconsistentMeasure } from '../../server/src/core/checks/inconsistentMeasure';
import { partsExceedTotal } from '../../server/src/core/checks/partsExceedTotal';
import { percentOver100 } from '../../server/src/core/checks/percentOver100';
import { weekdayMismatch } from '../../server/src/core/checks/weekdayMismatch';
import { precisionOf, placeRadiusKm, halfUnit } from '../../server/src/core/checks/support';
import { CLS_CAPITAL, CLS_COUNTRY, gazetteerProvider } from '../../server/src/core/geo/gazetteer';
import { analyze, defaultKnowledge } from '../../server/src/core/pipeline';
import { recognizeFigures } from '../../server/src/core/recognizers/figures';
import { defaultSettings, Settings } from '../../server/src/core/settings';
import { segment } from '../../server/src/core/text/segment';
import type { Annotation, Finding, PlaceRef } from '../../server/src/core/types';

// ---------------------------------------------------------------------------------------------------------
// Helpers.

/** A place from the gazetteer (GeoNames / world-countries), by name and country: never typed-in coordinates. */
function gazPlace(name: string, country: string, kind: 'settlement' | 'country' = 'settlement'): PlaceRef {
  const gz = defaultKnowledge().get(gazetteerProvider);
  const c = gz.lookup(name, 40).filter(x => x.strict && gz.country(x.entry) === country &&
    (kind === 'country' ? gz.cls(x.entry) === CLS_COUNTRY : gz.cls(x.entry) <= CLS_CAPITAL));
  assert.ok(c.length > 0, `gazetteer has no ${kind} ${name} in ${country}`);
  c.sort((a, b) => gz.population(b.entry) - gz.population(a.entry));
  return gz.placeRef(c[0].entry);
}

interface Extra { text: string; nth?: number; category: Annotation['category']; place?: PlaceRef; timex?: string }

/** Annotations for a text: the figures recognizer's over each segment, plus the given places and dates. */
function build(text: string, extras: Extra[] = []): Annotation[] {
  const out: Annotation[] = [];
  for (const seg of segment(text)) {
    for (const m of recognizeFigures(seg.text)) out.push({ ...m, id: '', start: m.start + seg.start, end: m.end + seg.start });
  }
  for (const e of extras) {
    let at = -1;
    for (let k = 0; k <= (e.nth ?? 0); k++) at = text.indexOf(e.text, at + 1);
    assert.ok(at >= 0, `${e.text} not in the text`);
    const a: Annotation = { id: '', category: e.category, start: at, end: at + e.text.length, text: e.text, source: 'test' };
    if (e.place) a.place = e.place;
    if (e.timex) a.value = { timex: e.timex, type: 'DATE', approximate: false };
    out.push(a);
  }
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const n = new Map<string, number>();
  for (const a of out) { const k = (n.get(a.category) ?? 0) + 1; n.set(a.category, k); a.id = `${a.category}-${k}`; }
  return out;
}

function docOf(text: string, referenceDate?: string): DocumentContext {
  return { text, segments: segment(text), knowledge: defaultKnowledge(), settings: defaultSettings(), memo: new Map(),
    referenceDate: referenceDate ? { value: referenceDate, source: 'option' } : undefined };
}

function run(check: Check, text: string, extras: Extra[] = [], referenceDate?: string): Finding[] {
  return check.run(build(text, extras), docOf(text, referenceDate));
}

function viaPipeline(code: string, text: string, settings: Settings = defaultSettings(), referenceDate?: string): Finding[] {
  return analyze(text, { settings, referenceDate }).findings.filter(f => f.code === code);
}

function applyFix(text: string, f: Finding, which = 0): string {
  const edits = [...f.fixes![which].edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const spanOf = (text: string, f: Finding) => text.slice(f.start, f.end);

// ---------------------------------------------------------------------------------------------------------

describe('figure checks: registry', () => {
  const expected: [Check, string, string][] = [
    [conversionMismatch, 'DL102', 'conversion-mismatch'],
    [distanceVsMap, 'DL103', 'distance-vs-map'],
    [inconsistentMeasure, 'DL104', 'inconsistent-measure'],
    [partsExceedTotal, 'DL105', 'parts-exceed-total'],
    [percentOver100, 'DL106', 'percent-over-100'],
    [weekdayMismatch, 'DL107', 'weekday-mismatch'],
    [implausibleForPlace, 'DL108', 'implausible-for-place'],
  ];
  for (const [check, code, name] of expected) {
    it(`${code} ${name} is registered once, as a warning`, () => {
      assert.strictEqual(checks.filter(c => c === check).length, 1);
      assert.strictEqual(check.code, code);
      assert.strictEqual(check.name, name);
      assert.strictEqual(check.defaultSeverity, 'warning');
      assert.strictEqual(checks.filter(c => c.code === code).length, 1);
    });
  }
});

describe('check support', () => {
  it('reads the precision of a written number', () => {
    assert.deepStrictEqual(precisionOf('55', 55), { step: 1, significant: 2 });
    assert.deepStrictEqual(precisionOf('30', 30), { step: 10, significant: 1 });
    assert.deepStrictEqual(precisionOf('2.50', 2.5), { step: 0.01, significant: 3 });
    assert.deepStrictEqual(precisionOf('4,000', 4000), { step: 1000, significant: 1 });
    assert.deepStrictEqual(precisionOf('1.5', 1.5e6, 1e6), { step: 100000, significant: 2 });
    assert.deepStrictEqual(precisionOf('fifty-five', 55), { step: 1, significant: 2 });
    assert.strictEqual(halfUnit(34.18, 2), 0.5);
    assert.strictEqual(halfUnit(62.1, 1), 5);
  });
  it('gives a settlement a radius that grows with its population', () => {
    const small = placeRadiusKm({ id: 'x', name: 'x', lat: 0, lon: 0, country: '', kind: 'town', source: '', population: 10000 });
    const big = placeRadiusKm({ id: 'y', name: 'y', lat: 0, lon: 0, country: '', kind: 'city', source: '', population: 1e6 });
    assert.ok(small >= 1 && small < 2, String(small));
    assert.ok(big > 12 && big < 13, String(big));
    assert.strictEqual(placeRadiusKm({ id: 'z', name: 'z', lat: 0, lon: 0, country: '', kind: 'village', source: '' }), 1);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('DL102 conversion-mismatch', () => {
  it('flags 55 kilometers (30 miles) with the computed value and fixes it to 34 miles', () => {
    const text = 'The convoy stopped 55 kilometers (30 miles) short of the border.';
    const [f, ...rest] = run(conversionMismatch, text);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(spanOf(text, f), '30 miles');
    assert.strictEqual(f.message, '55 kilometers is 34.2 miles, not 30 miles.');
    assert.strictEqual(f.fixes![0].title, 'Change to 34 miles');
    assert.strictEqual(f.fixes![0].preferred, true);
    assert.strictEqual(applyFix(text, f), 'The convoy stopped 55 kilometers (34 miles) short of the border.');
    assert.deepStrictEqual(f.related!.map(r => text.slice(r.start, r.end)), ['55 kilometers']);
    assert.strictEqual(f.annotations!.length, 2);
  });

  const faulty: [string, string, string][] = [
    ['The road runs 12 miles (40 km) along the river.', '40 km', '12 miles (19 km)'],
    ['A 30-mile (60-km) stretch of the coast was closed.', '60-km', '30-mile (48-km)'],
    ['Farmers lost 5,000 hectares (2,000 acres) of wheat.', '2,000 acres', '5,000 hectares (12,000 acres)'],
    ['The reserve covers 90,000 square kilometers (25,000 square miles) of steppe.', '25,000 square miles', '90,000 square kilometers (35,000 square miles)'],
    ['The front line is 20-25 km (10-12 miles) from the town.', '10-12 miles', '20-25 km (12-16 miles)'],
    ['The tunnel is 2.5 miles (4.6 km) long.', '4.6 km', '2.5 miles (4.0 km)'],
    ['The convoy stopped 55 km, or 30 miles, short of the border.', '30 miles', '55 km, or 34 miles,'],
    ['The park covers 1200 acres (800 hectares) of forest.', '800 hectares', '1200 acres (490 hectares)'],
  ];
  for (const [text, span, fixed] of faulty) {
    it(`flags and fixes: ${span}`, () => {
      const found = run(conversionMismatch, text);
      assert.strictEqual(found.length, 1, JSON.stringify(found));
      assert.strictEqual(spanOf(text, found[0]), span);
      const after = applyFix(text, found[0]);
      assert.ok(after.includes(fixed), after);
      assert.deepStrictEqual(run(conversionMismatch, after), [], 'the fixed text passes');
    });
  }

  const correct = [
    'The army reached the town, about 45 kilometers (28 miles) southeast of the city.',
    'The corridor is 100 km (60 miles) wide.',
    'The buffer strip is 15 km (nine miles) deep.',
    'The fire burned 5,000 hectares (12,355 acres) of forest.',
    'The lake covers 35,000 sq mi (90,650 km2).',
    'The camp lies some 55 km (30 miles) from the border.',
    'A 400 nautical miles (740 km) corridor stays closed.',
    'The wall is 1.5 km (1,500 m) long.',
    'Troops stayed within 1 km or 500 m of the fence.',
    'The road runs 20 km (12 miles) north.',
    'The tunnel runs 300 metres (1,000 feet) under the hill.',
    'It covers 2 square miles (5.2 square kilometres).',
  ];
  for (const text of correct) {
    it(`stays silent: ${text}`, () => {
      assert.deepStrictEqual(run(conversionMismatch, text), []);
    });
  }

  it('offers no fix when a range is converted to one number', () => {
    const [f] = run(conversionMismatch, 'The front is 20-25 km (10 miles) away.');
    assert.ok(f);
    assert.strictEqual(f.fixes, undefined);
  });

  it('works through the pipeline and follows the settings', () => {
    const text = 'The convoy stopped 55 kilometers (30 miles) short of the border.';
    assert.strictEqual(viaPipeline('DL102', text).length, 1);
    const off = defaultSettings(); off.checks['conversion-mismatch'] = false;
    assert.deepStrictEqual(viaPipeline('DL102', text, off), []);
    const info = defaultSettings(); info.checks['conversion-mismatch'] = 'information';
    assert.strictEqual(viaPipeline('DL102', text, info)[0].severity, 'information');
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('DL103 distance-vs-map', () => {
  const homs = () => gazPlace('Homs', 'SY');
  const palmyra = () => gazPlace('Palmyra', 'SY');
  const aleppo = () => gazPlace('Aleppo', 'SY');
  const damascus = () => gazPlace('Damascus', 'SY');

  it('flags Palmyra lies 40 km from Homs with the map distance', () => {
    const text = 'Palmyra lies 40 km from Homs.';
    const [f, ...rest] = run(distanceVsMap, text, [
      { text: 'Palmyra', category: 'place', place: palmyra() }, { text: 'Homs', category: 'place', place: homs() }]);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(spanOf(text, f), '40 km');
    assert.match(f.message, /^40 km between Palmyra \(Tadmur, SY\) and Homs, but the map puts them 1\d\d km apart/);
    assert.strictEqual(f.related!.length, 2);
    assert.strictEqual(f.fixes, undefined);
  });

  const cases: [string, boolean, Extra[]][] = [
    ['Palmyra lies about 150 km from Homs.', false, []],
    ['Palmyra, a desert town some 160 km east of Homs, fell.', false, []],
    ['Palmyra, a desert town some 400 km east of Homs, fell.', true, []],
    ['Palmyra (15 km north of Homs) fell.', true, []],
    ['Palmyra lies more than 40 km from Homs.', false, []],
    ['Palmyra lies less than 40 km from Homs.', true, []],
    ['The 40 km road from Homs to Palmyra was cut.', true, []],
    ['The 260 km road from Homs to Palmyra was cut.', false, []],
    ['Palmyra, 40 km from the Homs border, fell.', false, []],
  ];
  for (const [text, flagged, extra] of cases) {
    it(`${flagged ? 'flags' : 'stays silent on'}: ${text}`, () => {
      const found = run(distanceVsMap, text, [
        { text: 'Palmyra', category: 'place', place: palmyra() }, { text: 'Homs', category: 'place', place: homs() }, ...extra]);
      assert.strictEqual(found.length, flagged ? 1 : 0, JSON.stringify(found));
    });
  }

  it('reads "P1 and P2 are D apart"', () => {
    const extras = (t: string): Extra[] => [{ text: 'Aleppo', category: 'place', place: aleppo() },
      { text: 'Damascus', category: 'place', place: damascus() }];
    let t = 'Aleppo and Damascus are 100 km apart.';
    assert.strictEqual(run(distanceVsMap, t, extras(t)).length, 1);
    t = 'Aleppo and Damascus are some 310 km apart.';
    assert.deepStrictEqual(run(distanceVsMap, t, extras(t)), []);
  });

  it('ignores countries, unresolved places and unrelated sentences', () => {
    const syria = gazPlace('Syria', 'SY', 'country');
    assert.deepStrictEqual(run(distanceVsMap, 'Homs lies 10 km from Syria.', [
      { text: 'Homs', category: 'place', place: homs() }, { text: 'Syria', category: 'place', place: syria }]), []);
    const t = 'Troops advanced 12 km east of Homs on Tuesday.';
    assert.deepStrictEqual(run(distanceVsMap, t, [{ text: 'Homs', category: 'place', place: homs() }]), []);
  });

  it('works through the pipeline and follows the settings', () => {
    const text = 'Palmyra lies 40 km from Homs.';
    const found = viaPipeline('DL103', text);
    assert.strictEqual(found.length, 1, JSON.stringify(found));
    assert.deepStrictEqual(viaPipeline('DL103', 'Palmyra lies about 150 km from Homs.'), []);
    const off = defaultSettings(); off.checks['distance-vs-map'] = false;
    assert.deepStrictEqual(viaPipeline('DL103', text, off), []);
    const noPlaces = defaultSettings(); noPlaces.categories.place = false;
    assert.deepStrictEqual(viaPipeline('DL103', text, noPlaces), []);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('DL104 inconsistent-measure', () => {
  it('flags the same lake with two areas', () => {
    const text = 'Lake Orvana covers 610 square kilometers of the plateau. Fishermen work the shallows of Lake Orvana, which covers 450 square kilometers.';
    const [f, ...rest] = run(inconsistentMeasure, text);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(spanOf(text, f), '450 square kilometers');
    assert.strictEqual(f.message, 'The area of Lake Orvana is given as 450 square kilometers here but as 610 square kilometers earlier (26% less).');
    assert.deepStrictEqual(f.related!.map(r => text.slice(r.start, r.end)), ['610 square kilometers', 'Lake Orvana']);
    assert.strictEqual(f.fixes, undefined);
  });

  const faulty = [
    'The 610-square-kilometre Lake Orvana is shrinking. Lake Orvana now covers 450 km².',
    'The Selka river is 320 km long. Farmers along the Selka, which is 190 km long, irrigate from it.',
    'Marvel, a city of 800,000 people, is besieged. Marvel is home to 1.5 million people.',
    'The death toll from the earthquake stood at 120. By night the death toll from the earthquake was 150.',
  ];
  for (const text of faulty) {
    it(`flags: ${text.slice(0, 60)}`, () => {
      assert.strictEqual(run(inconsistentMeasure, text).length, 1);
    });
  }

  const correct = [
    'Lake Orvana covers 610 square kilometers. Lake Orvana, which covers some 600 km², is shrinking.',
    'Lake Orvana covers 610 square kilometers. Lake Orvana covers 235 sq mi.',
    'Lake Orvana covers 610 square kilometers. Lake Merin covers 450 square kilometers.',
    'Lake Orvana covers more than 600 square kilometers. Lake Orvana covers 900 square kilometers.',
    'The death toll from the earthquake stood at 120. The death toll from the earthquake rose to 150.',
    'The death toll from the earthquake stood at 120. The new death toll from the earthquake is 150.',
    'The camp covers 610 square kilometers. The camp covers 450 square kilometers.',
    'It covers 610 square kilometers. It covers 450 square kilometers.',
    'The plan adds a 34,000-square-foot Marlo store downtown. A 20,000-square-foot Marlo store opens in the suburbs.',
    'Marvel, a city of 800,000 people, is besieged. Marvel now has 150,000 displaced people.',
    'Officials put the death toll from the flood at 40. Rebels put the death toll from the flood at 90.',
  ];
  for (const text of correct) {
    it(`stays silent: ${text.slice(0, 70)}`, () => {
      assert.deepStrictEqual(run(inconsistentMeasure, text), []);
    });
  }

  it('works through the pipeline and follows the settings', () => {
    const text = 'Lake Orvana covers 610 square kilometers. Lake Orvana, which covers 450 square kilometers, is shrinking.';
    assert.strictEqual(viaPipeline('DL104', text).length, 1);
    const off = defaultSettings(); off.checks['inconsistent-measure'] = false;
    assert.deepStrictEqual(viaPipeline('DL104', text, off), []);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('DL105 parts-exceed-total', () => {
  it('flags 12 people killed, including 7 soldiers and 8 civilians', () => {
    const text = 'Officials said 12 people were killed, including 7 soldiers and 8 civilians.';
    const [f, ...rest] = run(partsExceedTotal, text);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(spanOf(text, f), '12 people');
    assert.strictEqual(f.message, 'The parts add up to more than the total: 7 soldiers + 8 civilians = 15, more than 12 people.');
    assert.deepStrictEqual(f.related!.map(r => text.slice(r.start, r.end)), ['7 soldiers', '8 civilians']);
  });

  const faulty = [
    'The raid killed 10 people, among them 4 women, 3 children and 5 men.',
    'Seven soldiers and 8 civilians were among the 12 people killed.',
    'About 20 people were wounded, including 15 children and 9 women.',
    'Ten people were detained: 6 journalists and 5 students.',
  ];
  for (const text of faulty) {
    it(`flags: ${text}`, () => assert.strictEqual(run(partsExceedTotal, text).length, 1));
  }
  const correct = [
    'Officials said 12 people were killed, including 5 children and 4 women.',
    'At least 12 people were killed, including 7 soldiers and 8 civilians.',
    'Officials said 12 people were killed, including up to 7 soldiers and 8 civilians.',
    'About 12 people were wounded, including 7 children and 6 women.',
    'Shelling killed 12 people and destroyed 40 buildings, including 30 homes.',
    '12 people were killed, including 7 soldiers, and 40 homes, including 30 shops.',
    'Officials said 12 people were killed and 8 civilians wounded.',
    'Twelve people were killed. Including 7 soldiers and 8 civilians, 30 were wounded.',
    'Five people were killed, including two children, and 30 others were wounded.',
    'Five people were killed, including 2 soldiers, and 30 wounded were taken to hospital.',
  ];
  for (const text of correct) {
    it(`stays silent: ${text}`, () => assert.deepStrictEqual(run(partsExceedTotal, text), []));
  }
  it('works through the pipeline and follows the settings', () => {
    const text = 'Officials said 12 people were killed, including 7 soldiers and 8 civilians.';
    assert.strictEqual(viaPipeline('DL105', text).length, 1);
    const off = defaultSettings(); off.checks['parts-exceed-total'] = false;
    assert.deepStrictEqual(viaPipeline('DL105', text, off), []);
    const noCounts = defaultSettings(); noCounts.categories.count = false;
    assert.deepStrictEqual(viaPipeline('DL105', text, noCounts), []);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('DL106 percent-over-100', () => {
  it('flags a breakdown of 110%', () => {
    const text = 'Aid groups said 60% of the displaced live in tents, 35% in unfinished buildings and 15% with relatives.';
    const [f, ...rest] = run(percentOver100, text);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(f.message, 'Percentages of one breakdown add up to 110%, more than 100%: 60% + 35% + 15%.');
    assert.strictEqual(text.slice(f.start, f.start + 3), '60%');
    assert.ok(spanOf(text, f).endsWith('15%'));
    assert.strictEqual(f.related!.length, 2);
  });
  const faulty = [
    'Of the voters, 55 percent said yes, 50 percent no and 5 percent were undecided.',
    'Some 70% of the families live in tents and 45% in schools.',
    'Surveyors found 62.5% of the homes in ruins, 40.5% in need of repair and 2% intact.',
  ];
  for (const text of faulty) it(`flags: ${text}`, () => assert.strictEqual(run(percentOver100, text).length, 1));
  const correct = [
    'Aid groups said 60% of the displaced live in tents and 35% in unfinished buildings.',
    'Of the voters, 55 percent said yes, 41 percent no and 5 percent were undecided.',
    'Prices rose 60% and wages 50% over the year.',
    'Unemployment is 60% in Gaza and 45% in the West Bank.',
    'Turnout was 60% in 2012 and 55% in 2016.',
    'Nearly 75% of the students are in debt, and 52% work nights.',
    'The party won 60% of the vote, while its rival took 45% of the seats.',
    '60% of the men and 50% of the women said so.',
    'The assay showed 94% sensitivity and 81% specificity.',
    'The vaccine was 60% and 70% effective in the north and south respectively.',
    'About 33% live in tents, 34% in schools and 34% with relatives.',
    'The party won 60% of the vote, with 45% in the capital.',
    'Support stood at 60% nationally and 45% in rural areas.',
  ];
  for (const text of correct) it(`stays silent: ${text}`, () => assert.deepStrictEqual(run(percentOver100, text), []));
  it('works through the pipeline and follows the settings', () => {
    const text = 'Aid groups said 60% of the displaced live in tents, 35% in unfinished buildings and 15% with relatives.';
    assert.strictEqual(viaPipeline('DL106', text).length, 1);
    const off = defaultSettings(); off.checks['percent-over-100'] = false;
    assert.deepStrictEqual(viaPipeline('DL106', text, off), []);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('DL107 weekday-mismatch', () => {
  it('flags Tuesday, June 9, 2017 and offers both fixes', () => {
    const text = 'Fighting resumed on Tuesday, June 9, 2017, near the border.';
    const [f, ...rest] = run(weekdayMismatch, text, [{ text: 'Tuesday, June 9, 2017', category: 'date', timex: '2017-06-09' }]);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(f.message, 'June 9, 2017 was a Friday, not a Tuesday.');
    assert.strictEqual(f.fixes!.length, 2);
    assert.strictEqual(f.fixes![0].preferred, true);
    assert.strictEqual(f.fixes![0].title, 'Change Tuesday to Friday');
    assert.strictEqual(applyFix(text, f, 0), 'Fighting resumed on Friday, June 9, 2017, near the border.');
    assert.strictEqual(f.fixes![1].preferred, undefined);
    assert.strictEqual(applyFix(text, f, 1), 'Fighting resumed on Tuesday, June 6, 2017, near the border.');
    assert.strictEqual(f.fixes![1].title, 'Change the date to June 6 (a Tuesday)');
  });

  const cases: [string, string, string, string | undefined, string | undefined][] = [
    // text, date span, timex, reference date, expected fix 0 result (undefined: silent)
    ['It began on Friday, June 9, 2017.', 'Friday, June 9, 2017', '2017-06-09', undefined, undefined],
    ['It began on Tue., 9 June 2017.', 'Tue., 9 June 2017', '2017-06-09', undefined, 'It began on Fri., 9 June 2017.'],
    ['IT BEGAN ON TUESDAY 9 JUNE 2017.', 'TUESDAY 9 JUNE 2017', '2017-06-09', undefined, 'IT BEGAN ON FRIDAY 9 JUNE 2017.'],
    ['Talks began Tuesday (June 9) in the capital.', 'June 9', '2017-06-09', '2017-06-12', 'Talks began Friday (June 9) in the capital.'],
    ['Talks ended June 8 (Friday) in the capital.', 'June 8', '2017-06-08', '2017-06-12', 'Talks ended June 8 (Thursday) in the capital.'],
    ['The vote was on June 9th, a Thursday.', 'June 9th', '2017-06-09', '2017-06-12', 'The vote was on June 9th, a Friday.'],
    // The year comes from a distant article date and another year fits the weekday: silent.
    ['It stopped on Thursday, June 9.', 'Thursday, June 9', '2017-06-09', '2017-12-30', undefined],
    // Near the article date the year is trusted.
    ['It stopped on Thursday, June 9.', 'Thursday, June 9', '2017-06-09', '2017-06-12', 'It stopped on Friday, June 9.'],
    // A numeric date read the other way round would fit: silent.
    ['On Friday 06/10/2017 it rained.', 'Friday 06/10/2017', '2017-10-06', undefined, undefined],
    ['On Monday 06/10/2017 it rained.', 'Monday 06/10/2017', '2017-10-06', undefined, 'On Friday 06/10/2017 it rained.'],
    // A weekday alone, or a weekday and a year without a day: nothing to compare.
    ['It rained on Tuesday.', 'Tuesday', '2017-06-06', '2017-06-09', undefined],
    ['The Sun said on June 9, 2017 that it rained.', 'June 9, 2017', '2017-06-09', undefined, undefined],
  ];
  for (const [text, span, timex, ref, fixed] of cases) {
    it(`${fixed ? 'flags' : 'stays silent on'}: ${text}`, () => {
      const found = run(weekdayMismatch, text, [{ text: span, category: 'date', timex }], ref);
      if (!fixed) { assert.deepStrictEqual(found, []); return; }
      assert.strictEqual(found.length, 1);
      assert.strictEqual(applyFix(text, found[0]), fixed);
    });
  }

  it('works through the pipeline (dates recognised and resolved there) and follows the settings', () => {
    const text = 'Fighting resumed on Tuesday, June 9, 2017, near the border.';
    const [f] = viaPipeline('DL107', text);
    assert.ok(f, 'flagged');
    assert.strictEqual(applyFix(text, f), 'Fighting resumed on Friday, June 9, 2017, near the border.');
    assert.deepStrictEqual(viaPipeline('DL107', applyFix(text, f)), []);
    assert.deepStrictEqual(viaPipeline('DL107', 'Fighting resumed on Friday, June 9, 2017, near the border.'), []);
    const off = defaultSettings(); off.checks['weekday-mismatch'] = false;
    assert.deepStrictEqual(viaPipeline('DL107', text, off), []);
    const noDates = defaultSettings(); noDates.categories.date = false;
    assert.deepStrictEqual(viaPipeline('DL107', text, noDates), []);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('DL108 implausible-for-place', () => {
  const syria = () => gazPlace('Syria', 'SY', 'country');
  const homs = () => gazPlace('Homs', 'SY');

  it('flags an area larger than the country it is in', () => {
    const text = 'The Badia covers 500,000 km² of Syria.';
    const [f, ...rest] = run(implausibleForPlace, text, [{ text: 'Syria', category: 'place', place: syria() }]);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(spanOf(text, f), '500,000 km²');
    assert.match(f.message, /^500,000 km² is more than the whole of Syria, which covers 185,000 km² \(2\.7 times as much\)\.$/);
  });

  const cases: [string, boolean, Extra[]][] = [
    ['The Badia covers 90,000 km² of Syria.', false, []],
    ['Fires burned 300,000 hectares of farmland in northern Syria.', false, []],
    ['Fires burned 30 million hectares of farmland in northern Syria.', true, []],
    ['The rebels held up to 500,000 km² of Syria.', false, []],
    ['Troops advanced 5,000 km into Syria.', true, []],
    ['Troops advanced 50 km into Syria.', false, []],
    ['Troops advanced 500 km to the border of Syria.', false, []],
    ['Syria covers 1.85 million square kilometres.', true, []],
    ['Syria covers 185,000 square kilometres.', false, []],
    ['Syria covers about 190,000 square kilometres.', false, []],
    ['A 200 km tunnel runs inside Homs.', false, []],
  ];
  for (const [text, flagged, extra] of cases) {
    it(`${flagged ? 'flags' : 'stays silent on'}: ${text}`, () => {
      const ex: Extra[] = text.includes('Syria') ? [{ text: 'Syria', category: 'place', place: syria() }] : [];
      const found = run(implausibleForPlace, text, [...ex, ...extra]);
      assert.strictEqual(found.length, flagged ? 1 : 0, JSON.stringify(found));
    });
  }
  it('flags a distance inside a city longer than the city', () => {
    const text = 'Troops pushed 200 km into Homs.';
    const [f] = run(implausibleForPlace, text, [{ text: 'Homs', category: 'place', place: homs() }]);
    assert.ok(f);
    assert.match(f.message, /inside Homs is longer than the place can hold/);
    assert.deepStrictEqual(run(implausibleForPlace, 'Troops pushed 5 km into Homs.', [{ text: 'Homs', category: 'place', place: homs() }]), []);
  });
  it('works through the pipeline and follows the settings', () => {
    const text = 'The Badia covers 500,000 km² of Syria.';
    assert.strictEqual(viaPipeline('DL108', text).length, 1);
    assert.deepStrictEqual(viaPipeline('DL108', 'The Badia covers 90,000 km² of Syria.'), []);
    const off = defaultSettings(); off.checks['implausible-for-place'] = false;
    assert.deepStrictEqual(viaPipeline('DL108', text, off), []);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('figure checks on a clean article', () => {
  // An article written for the project with correct versions of every kind of figure the checks read.
  const article = [
    'Date: 2017-06-12',
    '',
    'Army pushes east as talks resume',
    '',
    'HOMS, June 12 (Dateline test) - Government troops advanced on Friday, June 9, 2017, toward Palmyra, which lies about 150 km east of Homs.',
    'The road from Homs to Palmyra, some 200 km (124 miles) long, was reopened on Monday.',
    'Officials said 12 people were killed, including 5 soldiers and 7 civilians.',
    'Aid groups said 60% of the displaced live in tents, 30% in schools and 10% with relatives.',
    'Lake Orvana covers 610 square kilometers (236 square miles); fishermen say Lake Orvana, which covers some 600 km², is shrinking.',
    'The desert covers roughly 90,000 square kilometers of Syria, and troops advanced 30 km into Syria from the south.',
    'The death toll from the shelling stood at 12.',
  ].join('\n');

  it('raises no figure warning', () => {
    const r = analyze(article);
    const mine = r.findings.filter(f => /^DL10[2-8]$/.test(f.code));
    assert.deepStrictEqual(mine.map(f => `${f.code} ${f.message}`), []);
  });

  it('raises one warning per fault once the figures are made wrong', () => {
    const faulty = article
      .replace('Friday, June 9', 'Tuesday, June 9')
      .replace('about 150 km east', 'about 40 km east')
      .replace('(124 miles)', '(80 miles)')
      .replace('5 soldiers and 7 civilians', '7 soldiers and 8 civilians')
      .replace('10% with relatives', '25% with relatives')
      .replace('some 600 km²', 'some 450 km²')
      .replace('90,000 square kilometers of Syria', '900,000 square kilometers of Syria');
    const codes = analyze(faulty).findings.map(f => f.code).filter(c => /^DL10[2-8]$/.test(c)).sort();
    assert.deepStrictEqual(codes, ['DL102', 'DL103', 'DL104', 'DL105', 'DL106', 'DL107', 'DL108']);
  });

  const mine = [conversionMismatch, distanceVsMap, inconsistentMeasure, partsExceedTotal, percentOver100, weekdayMismatch, implausibleForPlace];
  /**
   * The figure checks' time over the annotations (ms): for each check the best of `rounds` runs (a fresh memo
   * each time), summed — so that a garbage-collection pause of the loaded test process is not charged to
   * the check that happened to be running.
   */
  function timeChecks(text: string, annotations: Annotation[], rounds = 10): number {
    for (const c of mine) c.run(annotations, docOf(text)); // warm up
    const best = mine.map(() => Infinity);
    for (let k = 0; k < rounds; k++) {
      const d = docOf(text);
      mine.forEach((c, i) => {
        const t0 = performance.now();
        c.run(annotations, d);
        best[i] = Math.min(best[i], performance.now() - t0);
      });
    }
    return best.reduce((a, b) => a + b, 0);
  }

  it('is cheap on a 200 KB article: the sample article repeated, under 30 ms for all the figure checks', () => {
    const sample = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'river-crossing.news'), 'utf8') + '\n\n';
    const text = sample.repeat(Math.ceil(200000 / sample.length));
    const annotations = analyze(text).annotations;
    const ms = timeChecks(text, annotations);
    assert.ok(ms < 30, `${ms.toFixed(1)} ms`);
  });

  it('stays linear on figure-dense text where every sentence is flagged', () => {
    const unit = 'Palmyra lies 40 km from Homs. 12 people were killed, including 7 soldiers and 8 civilians. ' +
      '60% live in tents, 35% in schools and 15% with relatives. 55 kilometers (30 miles). Lake Orvana covers 610 km². ' +
      'Lake Orvana, which covers 450 km², shrinks. The Badia covers 500,000 km² of Syria. On Tuesday, June 9, 2017.\n';
    const homs = gazPlace('Homs', 'SY'), palmyra = gazPlace('Palmyra', 'SY'), syria = gazPlace('Syria', 'SY', 'country');
    const make = (size: number) => {
      const text = unit.repeat(Math.ceil(size / unit.length));
      const annotations = build(text);
      for (let at = 0; at < text.length; at += unit.length) {
        const add = (s: string, place?: PlaceRef, timex?: string) => {
          const i = text.indexOf(s, at);
          const a: Annotation = { id: '', category: place ? 'place' : 'date', start: i, end: i + s.length, text: s, source: 'test' };
          if (place) a.place = place;
          if (timex) a.value = { timex, type: 'DATE', approximate: false };
          annotations.push(a);
        };
        add('Palmyra', palmyra); add('Homs', homs); add('Syria', syria); add('Tuesday, June 9, 2017', undefined, '2017-06-09');
      }
      annotations.sort((a, b) => a.start - b.start || b.end - a.end);
      annotations.forEach((a, i) => { a.id = `${a.category}-${i}`; });
      return { text, annotations };
    };
    const small = make(100000), big = make(200000);
    const d = docOf(big.text);
    let n = 0;
    for (const c of mine) n += c.run(big.annotations, d).length;
    assert.ok(n >= 7 * 600, `every repetition flagged by every check: ${n}`);
    const tSmall = timeChecks(small.text, small.annotations), tBig = timeChecks(big.text, big.annotations);
    assert.ok(tBig < 400, `${tBig.toFixed(1)} ms for 200 KB`);
    assert.ok(tBig < 4 * tSmall + 10, `200 KB ${tBig.toFixed(1)} ms vs 100 KB ${tSmall.toFixed(1)} ms`);
  });
});
