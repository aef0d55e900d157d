// Names read across the article and against the map, found by reading conflict reports as an analyst would:
// a catalogue actor's full name over the tagger's piece of it (refiners/overlaps.ts), a feature of the land over
// the tagger's organisation (refiners/places.ts), one sense per article for a place named again, GeoNames names
// without their Arabic article (scripts/build-knowledge.ts), and no link to a far namesake matched only by
// transliteration (geo/linker.ts).
import * as assert from 'assert';
import { analyze, hoverMarkdown } from '../../server/src/core';
import { overlaps } from '../../server/src/core/refiners/overlaps';
import { datelineAgencyRefiner } from '../../server/src/core/refiners/datelineAgency';
import { defaultSettings } from '../../server/src/core/settings';
import type { Annotation } from '../../server/src/core/types';
import { ensureData } from '../helpers/data';

describe('names read across the article', function () {
  this.timeout(60000);
  before(() => ensureData());

  const find = (text: string, name: string) => analyze(text, { referenceDate: '2024-03-18' }).annotations.find(a => a.text === name);

  it('keeps a catalogue actor named in several capitalised words over the tagger\'s name inside it', () => {
    const text = 'The Syrian Observatory for Human Rights put the toll at 45.\n';
    const r = analyze(text).annotations.filter(a => a.category !== 'count');
    assert.deepStrictEqual(r.map(a => `${a.category}:${a.text}`), ['organization:Syrian Observatory for Human Rights']);
    assert.ok(r[0].actor, 'the catalogue actor is kept');
  });

  it('leaves a description the catalogue knows (`Iraqi forces`) to the tagger', () => {
    const at = (start: number, end: number, source: string, text: string, actor?: boolean): Annotation => ({
      id: '', category: source === 'actors' ? 'organization' : 'misc', start, end, text, source,
      actor: actor ? { id: 'x', name: text, type: 'State Forces' } as never : undefined,
    });
    const named = overlaps.refine([at(0, 35, 'actors', 'Syrian Observatory for Human Rights', true), at(0, 6, 'ner', 'Syrian')], {} as never);
    assert.deepStrictEqual(named.map(a => a.text), ['Syrian Observatory for Human Rights']);
    const described = overlaps.refine([at(0, 12, 'actors', 'Iraqi forces', true), at(0, 5, 'ner', 'Iraqi')], {} as never);
    assert.deepStrictEqual(described.map(a => a.text), ['Iraqi']);
    // Without an actor (not the catalogue's), priority decides as before.
    const plain = overlaps.refine([at(0, 35, 'actors', 'Syrian Observatory for Human Rights'), at(0, 6, 'ner', 'Syrian')], {} as never);
    assert.deepStrictEqual(plain.map(a => a.text), ['Syrian']);
  });

  it('makes a strait a place where the tagger saw an organisation, and leaves an airport that issues bonds alone', () => {
    const strait = find('Iranian boats harassed a tanker in the Strait of Hormuz.\n', 'Strait of Hormuz');
    assert.strictEqual(strait?.category, 'place');
    assert.strictEqual((strait?.data?.knownFeature as { kind: string } | undefined)?.kind, 'strait');
    const airport = find('Next week Kansai Electric Power and Kansai International Airport are likely to launch 10-year dollar deals.\n', 'Kansai International Airport');
    assert.ok(airport, 'the airport is found');
  });

  it('takes a name the tagger doubted as the place the dateline named', () => {
    const text = 'HODEIDAH, Yemen, March 17 (Reuters) - Houthi forces fired two missiles at a cargo ship off Hodeidah on Sunday.\n';
    const r = analyze(text, { referenceDate: '2024-03-18' }).annotations;
    const both = r.filter(a => a.text.toLowerCase() === 'hodeidah');
    assert.strictEqual(both.length, 2);
    for (const a of both) {
      assert.strictEqual(a.category, 'place', a.text);
      assert.strictEqual(a.place?.country, 'YE', a.text);
    }
    assert.strictEqual(both[0].place?.id, both[1].place?.id);
  });

  it('leaves a surname alone that a full name in the article explains, though a place has it too', () => {
    const text = 'Michael Jordan scored 30 points in Amman, Jordan. Jordan said he was tired.\n';
    const r = analyze(text).annotations;
    const said = r.filter(a => a.text === 'Jordan');
    assert.strictEqual(said[said.length - 1].category, 'person');
  });

  it('finds Syrian towns written without the article GeoNames gives them', () => {
    for (const [text, name] of [['Turkish drones struck the city of Qamishli on Monday.\n', 'Qamishli'], ['Shelling killed two people in Hasakah on Monday.\n', 'Hasakah']]) {
      const a = find(text, name);
      assert.strictEqual(a?.category, 'place', name);
      assert.strictEqual(a?.place?.country, 'SY', name);
      assert.match(a?.place?.id ?? '', /^geonames:/, name);
    }
  });

  it('knows seas, gulfs and rivers (not on the map: no source gives them one point)', () => {
    const text = 'Houthi rebels have attacked ships in the Red Sea and the Gulf of Aden. Kurdish forces east of the Euphrates clashed again.\n';
    const r = analyze(text);
    for (const [name, kind] of [['Red Sea', 'sea'], ['Gulf of Aden', 'gulf'], ['Euphrates', 'river']]) {
      const a = r.annotations.find(x => x.text === name);
      assert.strictEqual(a?.category, 'place', name);
      assert.strictEqual(a?.place, undefined, name);
      assert.strictEqual((a?.data?.knownFeature as { kind: string } | undefined)?.kind, kind, name);
    }
    // Not `Gulf` (a province of Papua New Guinea) and `Aden`.
    assert.ok(!r.annotations.some(a => a.text === 'Gulf' || a.text === 'Aden'));
    // A sea of no one country: no dangling comma on the card.
    const card = hoverMarkdown(r, text.indexOf('Red Sea'))!.markdown;
    assert.match(card, /^\*\*Red Sea\*\* — sea\n/);
  });

  it('takes a region\'s seat for the bare name, however small (Kidal, not the Kidal region)', () => {
    const a = find('Troops retook Kidal from the rebels, some 1,500 km northeast of Bamako.\n', 'Kidal');
    assert.strictEqual(a?.place?.kind, 'town');
    assert.strictEqual(a?.place?.country, 'ML');
  });

  it('makes a catalogue actor the tagger called misc an organisation', () => {
    const a = find('Troops retook Kidal from Tuareg rebels of the CSP-PSD on Tuesday.\n', 'CSP-PSD');
    assert.strictEqual(a?.category, 'organization');
    assert.ok(a?.actor);
  });

  it('finds catalogue actors written with a lower-case article, and acronyms the tagger found', () => {
    const qaeda = find('In Burkina Faso, jihadists linked to al Qaeda killed dozens of soldiers near Djibo.\n', 'al Qaeda');
    assert.strictEqual(qaeda?.category, 'organization');
    assert.strictEqual(qaeda?.actor?.name, 'al-Qaeda');
    const shabaab = find('Fighters of al-Shabaab stormed a hotel in Mogadishu.\n', 'al-Shabaab');
    assert.strictEqual(shabaab?.actor?.name, 'al-Shabaab');
    // A lower-case `al` before a lower-case word starts nothing.
    assert.ok(!analyze('They met al fresco in the garden.\n').annotations.some(a => a.actor));
    const m23 = find('M23 rebels backed by Rwanda advanced toward Goma on Wednesday.\n', 'M23');
    assert.strictEqual(m23?.category, 'organization');
    assert.strictEqual(m23?.actor?.name, 'M23');
  });

  it('takes a name followed by a distance and a direction, or after a verb of taking ground, for a place', () => {
    for (const text of ['Rebels said Sake, 25 km west of the city, had fallen.\n', 'The rebels stopped after seizing Sake on Monday.\n']) {
      const a = find(text, 'Sake');
      assert.strictEqual(a?.category, 'place', text);
      assert.strictEqual(a?.place?.country, 'CD', text);
    }
  });

  it('makes a compass adjective and a province the tagger cut short one place, a part of the province', () => {
    const text = 'Troops blocked their penetration from Southern Syria to the Eastern Deir Ezzur province.\n';
    const r = analyze(text);
    const a = r.annotations.find(x => x.text === 'Eastern Deir Ezzur province');
    assert.strictEqual(a?.category, 'place');
    assert.strictEqual(a?.place?.country, 'SY');
    assert.match(hoverMarkdown(r, a!.start)!.markdown, /^\*\*Eastern Deir Ezzur province\*\* — a part of Deir ez-Zor/);
  });

  it('takes a name after a locative word that the tagger doubted as an organisation for the place', () => {
    const a = find('Troops reached the towns of al-Mayadeen and Albu Kamal in the east.\n', 'al-Mayadeen');
    assert.strictEqual(a?.category, 'place');
    assert.strictEqual(a?.place?.country, 'SY');
  });

  it('settles a capital against a region of its country when the article names no other place there', () => {
    const abroad = 'The zone around al-Tanf in Syria, near Damascus, is open only to forces allied to Washington.\n';
    const r = analyze(abroad);
    const w = r.annotations.find(x => x.text === 'Washington');
    assert.strictEqual(w?.place?.kind, 'capital');
    assert.ok(hoverMarkdown(r, w!.start)!.markdown.includes('Settled: Washington rather than Washington \\(state\\)'));
    // An article about places in that country leaves the choice open.
    const home = analyze('Farmers near Yakima and Spokane said officials in Washington had not answered.\n');
    const h = home.annotations.find(x => x.text === 'Washington');
    assert.ok(!h?.data?.settledAbroad);
  });

  it('makes a catalogue actor the tagger called misc an organisation even with a place in its name', () => {
    const a = find('Airstrikes backed the Syrian Army as it advanced on Palmyra.\n', 'Syrian Army');
    assert.strictEqual(a?.category, 'organization');
    assert.ok(a?.actor);
  });

  it('says on the card of a place named again that it is the same place', () => {
    const text = 'HODEIDAH, Yemen, March 17 (Reuters) - Houthi forces fired two missiles at a cargo ship off Hodeidah on Sunday.\n';
    const r = analyze(text, { referenceDate: '2024-03-18' });
    const a = r.annotations.filter(x => x.text === 'Hodeidah')[0];
    assert.match(hoverMarkdown(r, a.start)!.markdown, /The same place as “HODEIDAH” elsewhere in the article\./);
  });

  it('makes the agency of a dateline an organisation, and adds it where nothing was found there', () => {
    const text = 'DEIR EZ-ZOR, March 14 (Dateline sample) - Troops advanced on Tuesday.\n';
    const own = analyze(text).annotations;
    const agency = own.find(a => a.start === text.indexOf('(') + 1);
    assert.strictEqual(agency?.category, 'organization', JSON.stringify(own.map(a => [a.category, a.text])));
    assert.ok(!own.some(a => a.category === 'person'));
    // Nothing found there (the refiner alone, on no annotations): the agency is added.
    const doc = { text: 'DEIR EZ-ZOR, March 14 (Desert News Service) - Troops advanced.\n', settings: defaultSettings() } as never;
    const added = datelineAgencyRefiner.refine([], doc);
    assert.deepStrictEqual(added.map(a => [a.category, a.text, a.start]), [['organization', 'Desert News Service', 23]]);
    const ap = analyze('KYIV, Oct 4 (AP) - Troops advanced.\n').annotations.find(a => a.text === 'AP');
    assert.strictEqual(ap?.category, 'organization');
    // No dateline, no agency: a name in parentheses later on is left to the tagger.
    const later = analyze('Troops advanced, said Lt. Ahmad (pictured) - a spokesman.\n').annotations;
    assert.ok(!later.some(a => a.data?.agency));
  });

  it('makes a name no gazetteer knows a place before a word for a kind of place or a distance and a direction', () => {
    const text = 'Troops advanced from Khebreh al-Shahmeh 4km away from al-Tanf and took al-Zarfa crossroad on Monday.\n';
    const r = analyze(text).annotations;
    for (const name of ['Khebreh al-Shahmeh', 'al-Zarfa']) {
      const a = r.find(x => x.text === name);
      if (a) {
        assert.strictEqual(a.category, 'place', name);
        assert.strictEqual(a.unresolved, true, name);
      }
    }
    assert.ok(r.some(x => x.data?.placeCue), JSON.stringify(r.map(x => [x.category, x.text])));
    // A one-word misc name before `town` is an adjective and stays misc.
    const kurdish = analyze('Iraqi forces advanced on the Kurdish town of Arbil.\n').annotations.find(a => a.text === 'Kurdish');
    assert.notStrictEqual(kurdish?.category, 'place');
  });

  it('leaves a place the tagger found unlinked rather than link it to a far namesake of another spelling', () => {
    const text = 'Houthi forces in Yemen fired at ships after strikes on Sanaa and the port of Ras Isa.\n';
    const a = find(text, 'Ras Isa');
    assert.strictEqual(a?.category, 'place');
    assert.strictEqual(a?.place, undefined, `linked to ${a?.place?.name} (${a?.place?.country})`);
  });
});
