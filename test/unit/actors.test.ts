// Actors: the curated catalogue, names and acronyms in text, governments acting through their country or
// capital, and analysts' actor files with malformed entries. Fixture texts are written for these tests.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, hoverMarkdown, Knowledge } from '../../server/src/core';
import { actorsProvider, ACTOR_TYPES, loadActorFile } from '../../server/src/core/actors/catalog';
import type { KnowledgeProblem } from '../../server/src/core';
import { ensureData } from '../helpers/data';

describe('actors', function () {
  this.timeout(180000);
  before(ensureData);

  it('the catalogue has at least 80 well-formed actors', () => {
    const k = new Knowledge();
    const cat = k.get(actorsProvider);
    assert.deepStrictEqual(k.problems.filter(p => p.file.includes(`${path.sep}actors`)), []);
    assert.ok(cat.actors.length >= 80, `${cat.actors.length}`);
    for (const a of cat.actors) {
      assert.ok((ACTOR_TYPES as readonly string[]).includes(a.type), `${a.id}: ${a.type}`);
      assert.ok(a.country === '' || /^[A-Z]{2}$/.test(a.country), a.id);
      for (const f of a.affiliation) assert.ok(!f.startsWith('actor:') || cat.get(f), `${a.id} -> ${f}`);
    }
  });

  it('Syrian Arab Army and SDF by name and acronym', () => {
    const text = 'The Syrian Arab Army and the SDF traded fire near the river, while HTS fighters held the hills.';
    const r = analyze(text);
    const saa = r.annotations.find(a => a.text === 'Syrian Arab Army');
    assert.strictEqual(saa?.actor?.id, 'actor:syrian-arab-army');
    assert.strictEqual(saa?.actor?.type, 'State Forces');
    assert.strictEqual(saa?.actor?.country, 'SY');
    assert.strictEqual(saa?.actor?.cameo, 'SYRMIL');
    assert.strictEqual(r.annotations.find(a => a.text === 'SDF')?.actor?.name, 'Syrian Democratic Forces');
    assert.strictEqual(r.annotations.find(a => a.text === 'HTS')?.actor?.type, 'Rebel Groups');
    const md = hoverMarkdown(r, text.indexOf('SDF') + 1)!.markdown;
    assert.match(md, /Rebel Groups/);
    assert.match(md, /Mentions in this article: 1/);
  });

  it('an acronym in lower case or inside a capitalised run is not the actor', () => {
    const r = analyze('He said sdf was a typo, and Richard Wagner wrote operas.');
    assert.ok(!r.annotations.some(a => a.actor));
  });

  it('Washington has declared: the capital stands for the government, and stays a place', () => {
    const r = analyze('Washington has declared a de-confliction zone, and Moscow denied any role.');
    const w = r.annotations.find(a => a.text === 'Washington')!;
    assert.strictEqual(w.actor?.id, 'actor:government-us');
    assert.strictEqual(w.place?.country, 'US');
    const m = r.annotations.find(a => a.text === 'Moscow')!;
    assert.strictEqual(m.actor?.id, 'actor:government-ru');
    assert.strictEqual(m.place?.kind, 'capital');
  });

  it('Russia brokered: a country acting has both place and actor; a country as a place has no actor', () => {
    const r = analyze('Russia brokered the ceasefire. Aid convoys reached villages in Russia and Belarus.');
    const [first, second] = r.annotations.filter(a => a.text === 'Russia');
    assert.strictEqual(first.place?.id, 'iso3166:RU');
    assert.strictEqual(first.actor?.id, 'actor:government-ru');
    assert.strictEqual(second.place?.id, 'iso3166:RU');
    assert.strictEqual(second.actor, undefined);
  });

  it('analysts’ actor files: malformed entries reported with file and line, the rest used', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-actors-'));
    try {
      const file = path.join(dir, 'mine.json');
      fs.writeFileSync(file, [
        '[',
        '  { "id": "actor:brigade-77", "name": "Brigade of the Seventy-Seven", "type": "Political Militias", "country": "SY",',
        '    "aliases": ["B77", "the Seventy-Seven"], "affiliation": ["actor:ndf"] },',
        '  { "name": "Nameless Front", "type": "Rebels" },',
        '  { "type": "Rebel Groups" }',
        ']',
      ].join('\n'));
      const knowledge = new Knowledge({ actors: [file] });
      const r = analyze('Fighters of B77 entered the town.', { knowledge });
      const mine = r.problems.filter(p => p.file === file);
      assert.deepStrictEqual(mine.map(p => [path.basename(p.file), p.line]), [['mine.json', 4], ['mine.json', 5]]);
      const b = r.annotations.find(a => a.text === 'B77');
      assert.strictEqual(b?.actor?.id, 'actor:brigade-77');
      assert.deepStrictEqual(b?.actor?.affiliation, ['National Defence Forces']);
      const problems: KnowledgeProblem[] = [];
      fs.writeFileSync(file, '[\n  { "name": "X", \n');
      assert.deepStrictEqual(loadActorFile(file, p => problems.push(p)), []);
      assert.strictEqual(problems.length, 1);
      assert.match(problems[0].message, /not valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
