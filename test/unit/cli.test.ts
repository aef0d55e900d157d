import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli';
import { assertValidDocument } from '../helpers/schema';

function run(args: string[]) {
  let out = '', err = '';
  const code = main(args, { out: s => { out += s; }, err: s => { err += s + '\n'; } });
  return { code, out, err };
}

describe('CLI', () => {
  let dir: string;
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cli-')); });
  after(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('annotates one file as one JSON document that matches the schema, offsets in code points', () => {
    const text = '😀 مرحبا — the convoy drove 4km.\r\nThe zone covers 550sq/km.\n';
    const f = file('a.news', text);
    const r = run(['annotate', f]);
    assert.strictEqual(r.code, 0, r.err);
    const doc = JSON.parse(r.out);
    assertValidDocument(doc);
    const d = doc.annotations.find((a: { text: string }) => a.text === '4km');
    assert.ok(d, 'a 4km distance');
    assert.strictEqual(d.category, 'distance');
    assert.strictEqual(d.value.si, 4000);
    const cps = Array.from(text);
    assert.strictEqual(cps.slice(d.start, d.end).join(''), '4km');
    assert.ok(doc.diagnostics.some((x: { code: string }) => x.code === 'DL101'));
  });

  it('writes JSON Lines in input order for several files, and reports bad inputs on stderr while doing the rest', () => {
    const a = file('one.news', 'They walked 5 km.');
    const bin = file('junk.news', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x00, 0x10]));
    const bad = file('latin1.news', Buffer.from('Caf\xe9 at 3 km', 'latin1'));
    const b = file('two.news', 'They walked 7 km.');
    const r = run(['annotate', a, path.join(dir, 'missing.news'), bin, bad, b]);
    assert.strictEqual(r.code, 2);
    const lines = r.out.trim().split('\n');
    assert.strictEqual(lines.length, 2);
    assert.deepStrictEqual(lines.map(l => JSON.parse(l).file), [a, b]);
    lines.forEach(l => assertValidDocument(JSON.parse(l)));
    assert.match(r.err, /missing\.news: no such file/);
    assert.match(r.err, /junk\.news: looks like a binary file/);
    assert.match(r.err, /latin1\.news: is not valid UTF-8/);
  });

  it('writes one file per input with --out, never two inputs to one file', () => {
    fs.mkdirSync(path.join(dir, 'x'));
    fs.mkdirSync(path.join(dir, 'y'));
    const a = file('x/same.news', 'A 2 km road.');
    const b = file('y/same.news', 'A 3 km road.');
    const out = path.join(dir, 'out');
    const r = run(['annotate', '--format', 'csv', '--out', out, a, b]);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(fs.readdirSync(out).sort(), ['same-2.csv', 'same.csv']);
    const csv = fs.readFileSync(path.join(out, 'same.csv'), 'utf8');
    assert.match(csv.split('\r\n')[0], /^file,id,category,start,end,text/);
    assert.match(csv, /distance/);
  });

  it('checks files: file:line:col lines and exit 1 on warnings, 0 when clean', () => {
    const bad = file('bad.news', 'Intro line.\nThe camp covered 550sq/km of land.');
    const good = file('good.news', 'The camp covered 550 km² of land.');
    const r = run(['check', bad, good]);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:18: warning DL101: `, 'm'));
    assert.strictEqual(run(['check', good]).code, 0);
  });

  it('rejects bad options with a usage message', () => {
    const r = run(['annotate', '--reference-date', '2017-13-01', 'x']);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /--reference-date must be a calendar date/);
    assert.strictEqual(run(['annotate', '--format', 'xml', 'x']).code, 2);
    assert.strictEqual(run(['frobnicate']).code, 2);
  });

  it('exports GeoJSON as a FeatureCollection', () => {
    const f = file('g.news', 'Nothing placed here, 3 km.');
    const r = run(['annotate', '--format', 'geojson', f]);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(JSON.parse(r.out).type, 'FeatureCollection');
  });

  it('uses --reference-date', () => {
    const f = file('d.news', 'Text.');
    assert.strictEqual(JSON.parse(run(['annotate', '--reference-date', '2017-06-09', f]).out).referenceDate, '2017-06-09');
  });
});
