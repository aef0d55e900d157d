// Places: transliteration keys, the compiled gazetteer, document-level disambiguation, analysts' gazetteers,
// the DL110 spelling-variant check and the place hover card. Fixture texts are written for these tests;
// the coordinates in the analyst-file fixtures belong to made-up places.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, hoverMarkdown, Knowledge } from '../../server/src/core';
import type { AnalysisResult, Annotation } from '../../server/src/core';
import { gazetteerProvider, distanceKm } from '../../server/src/core/geo/gazetteer';
import { looseKey, strictKey, looseTailKey } from '../../server/src/core/geo/keys';
import { parseCsv, parseGeoJson, parseGeoNames } from '../../server/src/core/geo/analystFiles';
import type { KnowledgeProblem } from '../../server/src/core';
import { ensureData } from '../helpers/data';

function placeOf(r: AnalysisResult, text: string): Annotation | undefined {
  return r.annotations.find(a => a.text === text && (a.place || a.unresolved));
}

describe('geo: transliteration keys', () => {
  const same: [string, string][] = [
    ['Deir Ezzur', 'Deir ez-Zor'], ['Deir ez-Zor', 'Dayr az Zawr'], ['DEIR EZ-ZOR', 'Deir Ezzor'],
    ['al-Mayadeen', 'Al Mayadin'], ['Badiya', 'Badiyeh'], ['Kharkov', 'Kharkiv'], ['Tal al-Dekou', 'Tal al-Dakou'],
    ['Raqqa', 'Ar-Raqqah'], ['Qamishli', 'Kamishli'], ['Zaporizhzhia', 'Zaporizhzhya'], ['Al Bukamal', 'Al-Bukamal'],
  ];
  for (const [a, b] of same) {
    it(`${a} = ${b}`, () => assert.strictEqual(looseKey(a), looseKey(b)));
  }
  const different: [string, string][] = [['Deir Ezzur', 'Deir Hafer'], ['Homs', 'Hamas'], ['Raqqa', 'Rafah'], ['Idlib', 'Irbid']];
  for (const [a, b] of different) {
    it(`${a} ≠ ${b}`, () => assert.notStrictEqual(looseKey(a), looseKey(b)));
  }
  it('strict keys fold case, accents, hyphens and St./Saint', () => {
    assert.strictEqual(strictKey('Ālbū Kamāl'), strictKey('ALBU KAMAL'));
    assert.strictEqual(strictKey('St. Petersburg'), strictKey('Saint Petersburg'));
    assert.notStrictEqual(strictKey('Deir ez-Zor'), strictKey('Deir Ezzur'));
  });
  it('a tail key drops a leading feature word', () => {
    assert.strictEqual(looseTailKey('Tal al-Dekou'), looseKey('al-Dakou'));
    assert.strictEqual(looseTailKey('Damascus'), undefined);
  });
});

describe('geo: the compiled gazetteer', function () {
  this.timeout(180000);
  let knowledge: Knowledge;
  before(() => { ensureData(); knowledge = new Knowledge(); });

  it('loads fast and small', () => {
    const t0 = performance.now();
    const gz = new Knowledge().get(gazetteerProvider);
    const ms = performance.now() - t0;
    assert.ok(gz.size > 200000, `only ${gz.size} entries`);
    assert.ok(ms < 1500, `load took ${ms} ms`);
  });

  it('Albu Kamal, Abu Kamal and Al Bukamal are one town (GeoNames 174448)', () => {
    const gz = knowledge.get(gazetteerProvider);
    for (const name of ['Albu Kamal', 'Abu Kamal', 'Al Bukamal', 'Abou Kemal']) {
      const ids = gz.lookup(name).map(c => gz.id(c.entry));
      assert.ok(ids.includes('geonames:174448'), `${name}: ${ids.slice(0, 5)}`);
    }
  });

  it('Deir Ezzur finds Deir ez-Zor and never Deir Hafer', () => {
    const gz = knowledge.get(gazetteerProvider);
    const ids = gz.lookup('Deir Ezzur').map(c => gz.id(c.entry));
    assert.ok(ids.includes('geonames:170794'), ids.join(','));
    assert.ok(!ids.includes('geonames:170785'));
  });

  it('countries carry their demonyms; supplement features without a source have no coordinates', () => {
    const gz = knowledge.get(gazetteerProvider);
    const syrian = gz.lookup('Syrian')[0];
    assert.strictEqual(gz.id(syrian.entry), 'iso3166:SY');
    const tanf = gz.lookup('al-Tanf').find(c => gz.id(c.entry) === 'supplement:al-tanf');
    assert.ok(tanf && gz.unresolved(tanf.entry));
  });
});

describe('geo: linking in context', function () {
  this.timeout(180000);
  before(ensureData);

  it('Damascus in a Syria story is the Syrian capital', () => {
    const r = analyze('Syrian troops moved into the eastern suburbs of Damascus on Friday, a monitor in Syria said.');
    assert.strictEqual(placeOf(r, 'Damascus')?.place?.country, 'SY');
  });

  it('Damascus, Ore. is the town in Oregon', () => {
    const r = analyze('A brush fire near Damascus, Ore., burned 40 acres before crews contained it on Tuesday.');
    const p = placeOf(r, 'Damascus')?.place;
    assert.strictEqual(p?.country, 'US');
    assert.strictEqual(p?.region, 'Oregon');
  });

  it('Iraq is the country, not Arāk', () => {
    const r = analyze('Officials in Iraq said the crossing would reopen next month.');
    const p = placeOf(r, 'Iraq')?.place;
    assert.strictEqual(p?.id, 'iso3166:IQ');
  });

  it('Jordan the country, not the town in the Philippines', () => {
    const r = analyze('Thousands of refugees crossed from southern Syria into Jordan last week, aid workers said.');
    const p = placeOf(r, 'Jordan')?.place;
    assert.strictEqual(p?.country, 'JO');
    assert.strictEqual(p?.kind, 'country');
  });

  it('Tripoli next to Libya is Libya’s; next to Lebanon, Lebanon’s', () => {
    const ly = analyze('Rival militias clashed overnight in Tripoli, the Libyan capital, and the fighting spread across western Libya.');
    assert.strictEqual(placeOf(ly, 'Tripoli')?.place?.country, 'LY');
    const lb = analyze('Protesters gathered in Tripoli in northern Lebanon, and the army deployed along the coast road to Beirut.');
    assert.strictEqual(placeOf(lb, 'Tripoli')?.place?.country, 'LB');
  });

  it('transliterations of one place link to one entry, and the hover card maps it', () => {
    const text = 'Government forces advanced on Deir ez-Zor. Later the army shelled al-Mayadeen, south-east of Deir Ezzur.';
    const r = analyze(text);
    const a = placeOf(r, 'Deir ez-Zor'), b = placeOf(r, 'Deir Ezzur'), c = placeOf(r, 'al-Mayadeen');
    assert.strictEqual(a?.place?.id, 'geonames:170794');
    assert.strictEqual(b?.place?.id, 'geonames:170794');
    assert.strictEqual(c?.place?.id, 'geonames:173480');
    assert.ok(distanceKm(a!.place!.lat, a!.place!.lon, c!.place!.lat, c!.place!.lon) < 100);
    const md = hoverMarkdown(r, text.indexOf('Deir ez-Zor') + 2)!.markdown;
    assert.match(md, /https:\/\/www\.openstreetmap\.org\/\?mlat=35\.\d+&mlon=40\.\d+#map=10\/35\.\d+\/40\.\d+/);
    assert.match(md, /In this article: “Deir Ezzur”/);
    assert.match(md, /Distances: .*km/);
    assert.match(md, /GeoNames/);
  });

  it('a known feature without sourced coordinates stays unresolved and says so', () => {
    const text = 'Coalition aircraft flew over the al-Tanf garrison near the Iraqi border.';
    const r = analyze(text);
    const a = r.annotations.find(x => x.text.startsWith('al-Tanf'));
    assert.ok(a?.unresolved && !a.place, JSON.stringify(a));
    const md = hoverMarkdown(r, a!.start + 1)!.markdown;
    assert.match(md, /no source at hand|not on the map/i);
  });

  it('a place name that goes on from an organisation with a lower-case word is the place (Syria\'s Badiya region)', () => {
    // The tagger calls `Badiya` an organisation here; the gazetteer's longer name wins, as it does over misc.
    const r = analyze('Forces advanced against the groups in Syria\'s Badiya region and deployed at the borders.\n');
    assert.ok(!r.annotations.some(a => a.category === 'organization'), JSON.stringify(r.annotations.map(a => a.text)));
    const a = r.annotations.find(x => x.text === 'Badiya region');
    assert.strictEqual(a?.category, 'place');
    assert.strictEqual((a?.data?.knownFeature as { name?: string } | undefined)?.name, 'Syrian Desert');
  });

  it('names with an apostrophe: a possessive inside the name, a particle glued to the name', () => {
    // The possessive used to end every name: `People's Republic of China` was found as `Republic of China`
    // (Taiwan's other name), and `Democratic People's Republic of Korea` as South Korea.
    const linked = (name: string) => {
      const r = analyze(`Officials of the ${name} said the talks would resume.\n`);
      const a = r.annotations.find(x => x.text === name);
      return a?.place?.country;
    };
    assert.strictEqual(linked("People's Republic of China"), 'CN');
    assert.strictEqual(linked("Democratic People's Republic of Korea"), 'KP');
    assert.strictEqual(linked('People’s Republic of China'), 'CN');
    assert.strictEqual(linked("Côte d'Ivoire"), 'CI');
    assert.strictEqual(linked("Coeur d'Alene"), 'US');
    // Across a possessive only a name spelt so counts: `Burma's Suu` matched loosely two places before.
    const r = analyze("Burma's Suu Kyi says military rulers abuse law.\n");
    assert.strictEqual(r.annotations.find(a => a.text === 'Burma')?.place?.country, 'MM');
    assert.ok(!r.annotations.some(a => a.text.startsWith("Burma's")), JSON.stringify(r.annotations.map(a => a.text)));
  });

  it('English names the sources lack: Java is Indonesia\'s (not a village in Georgia), Zaire the DR Congo', () => {
    const r = analyze('A tsunami hit the Indonesian island of Java on Monday; a woman from West Java died. Unlike the Zaïre strain, it is mild.\n');
    const country = (name: string) => r.annotations.find(a => a.text === name)?.place?.country;
    assert.deepStrictEqual(['Java', 'West Java', 'Zaïre'].map(country), ['ID', 'ID', 'CD']);
  });

  it('two or three capitals are an abbreviation, never a town of that name (IS is no village Is)', () => {
    const r = analyze('IS fighters attacked the town. The US sent aid to France and Russia.\n');
    const is = r.annotations.find(a => a.text === 'IS');
    assert.deepStrictEqual([is?.category, is?.place, is?.actor?.name], ['organization', undefined, 'Islamic State']);
    assert.strictEqual(r.annotations.find(a => a.text === 'US')?.place?.country, 'US');
    // The rule is for capitals only: the village Us, written so, is still found.
    assert.strictEqual(analyze('Officials in Us, in the Val-d\'Oise, said so.\n').annotations.find(a => a.text === 'Us')?.place?.country, 'FR');
  });

  it('conflict news: oblasts by their seats, Kivu in English, a city the tagger doubts is a person, actors as organisations', () => {
    const r = analyze('Russian troops advanced near Avdiivka and Bakhmut in the Donetsk region. ' +
      'M23 rebels entered Goma, the capital of North Kivu. Boko Haram fighters raided villages in Borno State.\n');
    const a = (name: string) => r.annotations.find(x => x.text === name);
    // Ukraine's oblasts are `Donetska` in the states' source; news names them by their seat.
    assert.deepStrictEqual([a('Donetsk region')?.place?.country, a('Donetsk region')?.place?.kind], ['UA', 'region']);
    // The tagger calls Bakhmut a person with a confidence under 0.5.
    assert.deepStrictEqual([a('Bakhmut')?.category, a('Bakhmut')?.place?.country], ['place', 'UA']);
    assert.strictEqual(a('North Kivu')?.place?.country, 'CD');
    // The tagger calls Boko Haram a person; the actor catalogue knows the group.
    assert.deepStrictEqual([a('Boko Haram')?.category, a('Boko Haram')?.actor?.name], ['organization', 'Boko Haram']);
  });

  it('a catalogue actor named like another spelling of a town is not that town (Hamas is not Hamm)', () => {
    // GeoNames lists `Hamas` among Hamm's names in other languages; a place that acts keeps its place (Washington).
    const r = analyze("Yahya Sinwar, Hamas's leader in Gaza, was killed. Washington said it would respond.\n");
    const hamas = r.annotations.find(a => a.text === 'Hamas');
    assert.deepStrictEqual([hamas?.category, hamas?.actor?.name, hamas?.place], ['organization', 'Hamas', undefined]);
    assert.strictEqual(r.annotations.find(a => a.text === 'Washington')?.place?.country, 'US');
  });

  it('a city named in English only through its region keeps the region\'s standing (Geneva, Florence)', () => {
    // GeoNames calls the city Genève (Geneva is another name); the canton is Geneva. The city used to tie with
    // Geneva, Illinois (\`the article does not say which\`).
    for (const [name, country] of [['Geneva', 'CH'], ['Florence', 'IT'], ['Venice', 'IT']]) {
      const a = analyze(`Talks in ${name} resumed.\n`).annotations.find(x => x.text === name);
      assert.strictEqual(a?.place?.country, country, name);
    }
    // In an article about Syria too (the project's sample).
    const sample = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'river-crossing.news'), 'utf8');
    const geneva = analyze(sample).annotations.filter(x => x.text === 'Geneva');
    assert.ok(geneva.length === 2 && geneva.every(x => x.place?.country === 'CH'), JSON.stringify(geneva.map(x => x.place)));
  });

  it('initials are no transliteration: U.S. Attorney is the U.S. and an attorney, not the village Esternay', () => {
    for (const text of ['Acting U.S. Attorney Michelle Jacobs announced the indictment.\n', 'U.S. Sens. Robert Byrd and Jay Rockefeller spoke.\n']) {
      const places = analyze(text).annotations.filter(a => a.category === 'place').map(a => `${a.text}→${a.place?.country}`);
      assert.deepStrictEqual(places, ['U.S.→US'], text);
    }
  });

  it('no country by transliteration: Ras al-Ain is not Russia', () => {
    const a = analyze('Fighting was reported in Ras al-Ain on Monday.\n').annotations.find(x => x.text === 'Ras al-Ain');
    assert.notStrictEqual(a?.place?.country, 'RU', JSON.stringify(a?.place));
    assert.ok(!JSON.stringify(a?.data ?? {}).includes('"Russia"'), JSON.stringify(a?.data));
  });

  it('an organisation named like a place only by transliteration carries no place (Al Jazeera, Al Arabiya)', () => {
    const r = analyze('He told Al Jazeera that the talks failed. Al Arabiya aired the footage.\n');
    for (const name of ['Al Jazeera', 'Al Arabiya']) {
      const a = r.annotations.find(x => x.text === name);
      assert.deepStrictEqual([a?.category, a?.place], ['organization', undefined], name);
    }
  });

  it('a person named like a town stays a person', () => {
    const r = analyze('Gen. Jackson said the convoy had left before dawn.');
    assert.ok(!r.annotations.some(a => a.text === 'Jackson' && a.place));
  });
});

describe('geo: analysts’ gazetteers', function () {
  this.timeout(180000);
  let dir: string;
  before(() => { ensureData(); dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-gz-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('CSV: a malformed line is reported with file and line, the rest loads and links', () => {
    const file = path.join(dir, 'sites.csv');
    fs.writeFileSync(file, 'name,lat,lon,aliases,kind\nQaryat Testiyya,35.125,39.5,Testiyya Farms;Tall Testiyya,village\nBroken Hill Post,north,39.2,,hill\nWadi Fiktiv Dam,34.9,39.8,,dam\n');
    const knowledge = new Knowledge({ gazetteers: [file] });
    const r = analyze('Residents fled Qaryat Testiyya toward the Wadi Fiktiv Dam on Sunday.', { knowledge });
    const mine = r.problems.filter(p => p.file === file);
    assert.deepStrictEqual(mine.map(p => [path.basename(p.file), p.line]), [['sites.csv', 3]]);
    const q = placeOf(r, 'Qaryat Testiyya')?.place;
    assert.strictEqual(q?.lat, 35.125);
    assert.match(q!.source, /analyst gazetteer sites\.csv/);
    assert.strictEqual(placeOf(r, 'Wadi Fiktiv Dam')?.place?.kind, 'dam');
  });

  it('GeoJSON: a feature without a point is reported at its line', () => {
    const problems: KnowledgeProblem[] = [];
    const text = JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [39.5, 35.1] }, properties: { name: 'Tell Imaginaire', kind: 'hill' } },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: { name: 'Road Nowhere' } },
    ] }, null, 1);
    const out = parseGeoJson('x.geojson', text, p => problems.push(p));
    assert.strictEqual(out.length, 1);
    assert.strictEqual(out[0].lon, 39.5);
    assert.strictEqual(problems.length, 1);
    const featureLines = text.split('\n').map((l, i) => (/"type": "Feature"/.test(l) ? i + 1 : 0)).filter(Boolean);
    assert.strictEqual(problems[0].line, featureLines[1]);
  });

  it('GeoNames dumps: all feature classes load; short lines and bad coordinates are reported', () => {
    const problems: KnowledgeProblem[] = [];
    const good = ['9000001', 'Jabal Fiktiv', 'Jabal Fiktiv', 'Jebel Fiktiv,Djebel Fiktiv', '35.2', '38.9', 'T', 'MT', 'SY', '', '00', '', '', '', '0', '', '900', 'Asia/Damascus', '2020-01-01'].join('\t');
    const badCoords = good.replace('\t35.2\t', '\tnorth\t');
    const text = `${good}\n9000002\ttoo\tfew\n${badCoords}\n`;
    const out = parseGeoNames('SY.txt', text, p => problems.push(p));
    assert.strictEqual(out.length, 1);
    assert.strictEqual(out[0].kind, 'mountain');
    assert.deepStrictEqual(problems.map(p => p.line), [2, 3]);
  });

  it('a missing file is a problem, not an exception', () => {
    const knowledge = new Knowledge({ gazetteers: [path.join(dir, 'nope.csv')] });
    const r = analyze('Nothing here.', { knowledge });
    assert.ok(r.problems.some(p => p.file.endsWith('nope.csv')));
  });

  it('CSV quoting', () => {
    const out = parseCsv('q.csv', 'name,lat,lon,aliases,kind\n"Camp ""Seven"", North",35,39,,camp\n', () => assert.fail('no problem expected'));
    assert.strictEqual(out[0].name, 'Camp "Seven", North');
  });
});

describe('geo: DL110 spelling-variant', function () {
  this.timeout(180000);
  before(ensureData);
  it('flags the variant spellings of one place and fixes them', () => {
    const text = 'Fighters held Tal al-Dekou on Monday. Troops later shelled al-Dakou from Deir ez-Zor, and the Deir Ezzur road was cut.';
    const r = analyze(text);
    const f = r.findings.filter(x => x.code === 'DL110');
    assert.deepStrictEqual(f.map(x => text.slice(x.start, x.end)).sort(), ['Deir Ezzur', 'al-Dakou']);
    assert.ok(f.every(x => x.severity === 'information'));
    const dakou = f.find(x => text.slice(x.start, x.end) === 'al-Dakou')!;
    const fix = dakou.fixes!.find(x => x.title === "Use 'Tal al-Dekou' throughout")!;
    assert.ok(fix.preferred);
    let fixed = text;
    for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, e.start) + e.newText + fixed.slice(e.end);
    assert.strictEqual(fixed, text.replace('al-Dakou', 'al-Dekou'));
    const other = dakou.fixes!.find(x => x.title === "Use 'al-Dakou' throughout")!;
    assert.deepStrictEqual(other.edits.map(e => e.newText), ['Tal al-Dakou']);
  });
  it('case and a demonym are no variants', () => {
    const r = analyze('DEIR EZ-ZOR, March 3 - Shelling hit Deir ez-Zor again. Syrian officials in Syria said little.');
    assert.strictEqual(r.findings.filter(x => x.code === 'DL110').length, 0);
  });
});

describe('geo: place results reused across edits', function () {
  this.timeout(60000);
  it('an edited document gets the same places as when analysed afresh', function () {
    // The places refiner reuses the linker's result and each plain mention's place and data while the
    // document's names stay the same (most edits): they must equal what a fresh analysis gives.
    const { Analyzer } = require('../../server/src/core') as typeof import('../../server/src/core');
    const { NewsGenerator, rng } = require('../helpers/newsText') as typeof import('../helpers/newsText');
    let text = new NewsGenerator(17).text(12 * 1024);
    const other = new NewsGenerator(18).text(4 * 1024);
    const an = new Analyzer();
    const r = rng(3);
    const dump = (res: AnalysisResult) => JSON.stringify(res.annotations.filter(a => a.place || a.unresolved || a.category === 'place' || a.data?.placeSpan));
    let reusedPlaces = 0;
    for (let i = 0; i < 12; i++) {
      const before = an.analyze(text);
      const o = Math.floor(r() * text.length);
      text = text.slice(0, o) + ' ,.a'[i % 4] + text.slice(o);
      const got = an.analyze(text);
      // Places of the edited run that are the very objects of the run before: reused, not made again.
      const old = new Set(before.annotations.map(a => a.place).filter(p => p));
      reusedPlaces += got.annotations.filter(a => a.place && old.has(a.place)).length;
      new Analyzer().analyze(other); // the last run is another document: nothing of the edited one to reuse
      const fresh = new Analyzer().analyze(text);
      assert.strictEqual(dump(got), dump(fresh), `edit ${i} at ${o}`);
    }
    assert.ok(reusedPlaces > 0, 'the edits reused places (else this test compares nothing reused)');
  });
});
