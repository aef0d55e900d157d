// The TextMate grammar (syntaxes/news.tmLanguage.json) and language configuration, tokenized with the same
// engine VS Code uses (vscode-textmate + vscode-oniguruma).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.join(__dirname, '..', '..');
const GRAMMAR_FILE = path.join(ROOT, 'syntaxes', 'news.tmLanguage.json');

let grammar: vsctm.IGrammar;

interface Token { text: string; start: number; end: number; scopes: string[] }

function tokenize(lines: string[]): Token[][] {
  let state = vsctm.INITIAL;
  return lines.map(line => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map(t => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, end: t.endIndex, scopes: t.scopes }));
  });
}

/** The text of the longest run of tokens carrying `scope` around the first occurrence of `needle`. */
function spanWithScope(line: string, needle: string, scope: string, lines: string[] = [line]): string | undefined {
  const tokens = tokenize(lines)[lines.indexOf(line)];
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${line}`);
  const has = (t: Token) => t.scopes.some(s => s === scope || s.startsWith(scope + '.'));
  const i = tokens.findIndex(t => t.start <= at && at < t.end);
  if (i < 0 || !has(tokens[i])) return undefined;
  let a = i, b = i;
  while (a > 0 && has(tokens[a - 1])) a--;
  while (b < tokens.length - 1 && has(tokens[b + 1])) b++;
  return line.slice(tokens[a].start, tokens[b].end);
}

function scopesAt(line: string, needle: string): string[] {
  const at = line.indexOf(needle);
  const t = tokenize([line])[0].find(t => t.start <= at && at < t.end);
  return t ? t.scopes : [];
}

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => scopeName === 'text.news'
      ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE)
      : null,
  });
  const g = await registry.loadGrammar('text.news');
  assert.ok(g, 'grammar text.news loads');
  grammar = g;
});

describe('news grammar: figures', () => {
  const cases: [string, string, string, string][] = [
    // line, needle (start of the figure), scope, expected span
    ['Officials said the area of the new camp was 550sq/km, larger than the town.', '550', 'constant.numeric.area.news', '550sq/km'],
    ['It covers roughly 500 square kilometers of grazing land.', '500', 'constant.numeric.area.news', '500 square kilometers'],
    ['The farmland at 5,000 hectares was damaged.', '5,000', 'constant.numeric.area.news', '5,000 hectares'],
    ['A zone of 120 km² around the base.', '120', 'constant.numeric.area.news', '120 km²'],
    ['A zone of 40 sq km east of the river.', '40', 'constant.numeric.area.news', '40 sq km'],
    ['Troops advanced some 12 km east of the city.', '12', 'constant.numeric.distance.news', '12 km'],
    ['It lies about 45 kilometers (28 miles) southeast.', '45', 'constant.numeric.distance.news', '45 kilometers'],
    ['It lies about 45 kilometers (28 miles) southeast.', '28', 'constant.numeric.distance.news', '28 miles'],
    ['A 55-kilometre de-confliction zone.', '55', 'constant.numeric.distance.news', '55-kilometre'],
    ['A 300-metre irrigation tunnel collapsed.', '300', 'constant.numeric.distance.news', '300-metre'],
    ['A corridor of 400 nautical miles stayed closed.', '400', 'constant.numeric.distance.news', '400 nautical miles'],
    ['A road of 20-25 km was reopened.', '20', 'constant.numeric.distance.news', '20-25 km'],
    ['Some 60% of the displaced live in tents.', '60', 'constant.numeric.percent.news', '60%'],
    ['Turnout rose 3.5 percent on the year.', '3.5', 'constant.numeric.percent.news', '3.5 percent'],
    ['Nearly 4,000 families were displaced.', '4,000', 'constant.numeric.news', '4,000'],
  ];
  for (const [line, needle, scope, expected] of cases) {
    it(`${expected} → ${scope}`, () => assert.strictEqual(spanWithScope(line, needle, scope), expected));
  }

  it('leaves ordinals and words with digits alone', () => {
    assert.deepStrictEqual(scopesAt('The 3rd Division has not deployed.', '3rd'), ['text.news']);
    assert.deepStrictEqual(scopesAt('Flight MH17 was hit.', '17'), ['text.news']);
  });

  it('does not read a million as metres', () => {
    assert.strictEqual(spanWithScope('About 5 million people fled.', '5', 'constant.numeric.news'), '5 million');
    assert.strictEqual(spanWithScope('About 5 million people fled.', '5', 'constant.numeric.distance.news'), undefined);
  });
});

describe('news grammar: dates and times', () => {
  const cases: [string, string, string, string][] = [
    ['Talks resumed on March 13, 2023 in Geneva.', 'March', 'string.other.date.news', 'March 13, 2023'],
    ['The families fled in early May.', 'early', 'string.other.date.news', 'early May'],
    ['They returned on 9 June 2017 at dawn.', '9 June', 'string.other.date.news', '9 June 2017'],
    ['Troops moved on Sept. 9 towards the river.', 'Sept', 'string.other.date.news', 'Sept. 9'],
    ['Fighting has continued since February.', 'February', 'string.other.date.news', 'February'],
    ['Date: 2023-03-14', '2023', 'string.other.date.iso.news', '2023-03-14'],
    ['Residents said on Tuesday that shelling resumed.', 'Tuesday', 'string.other.date.weekday.news', 'Tuesday'],
    ['The envoy said the sides met last spring.', 'last', 'string.other.date.relative.news', 'last spring'],
    ['Since the 1990s the area has changed.', '1990s', 'string.other.date.decade.news', '1990s'],
    ['The army has not deployed there since 2017.', '2017', 'string.other.date.year.news', '2017'],
    ['The curfew starts at 9 p.m. each day.', '9', 'string.other.time.news', '9 p.m.'],
    ['The two sides met every two weeks.', 'every', 'string.other.set.news', 'every two weeks'],
    ['The siege lasted three days.', 'three', 'string.other.duration.news', 'three days'],
  ];
  for (const [line, needle, scope, expected] of cases) {
    it(`${expected} → ${scope}`, () => assert.strictEqual(spanWithScope(line, needle, scope), expected));
  }

  it('does not take the verb "may" or a bare "May" for a month', () => {
    assert.ok(!scopesAt('The army may move on Abu Kamal.', 'may').some(s => s.startsWith('string.other.date')));
    assert.ok(!scopesAt('May the talks succeed, he said.', 'May').some(s => s.startsWith('string.other.date')));
  });
});

describe('news grammar: article structure', () => {
  it('reads a dateline: place, date, agency, dash', () => {
    const line = 'DAMASCUS, June 9 (Reuters) - Syrian government troops advanced.';
    assert.strictEqual(spanWithScope(line, 'DAMASCUS', 'entity.name.place.dateline.news'), 'DAMASCUS');
    assert.strictEqual(spanWithScope(line, 'June', 'string.other.date.news'), 'June 9');
    assert.strictEqual(spanWithScope(line, 'Reuters', 'entity.name.organization.agency.news'), 'Reuters');
    assert.ok(scopesAt(line, '- Syrian').includes('punctuation.separator.dateline.news'));
    assert.ok(scopesAt(line, 'Syrian').every(s => s === 'text.news'), 'the article text after the dateline is plain');
  });

  it('reads a multi-word dateline place with a hyphen', () => {
    const line = 'DEIR EZ-ZOR, March 14 (Dateline sample) - Troops advanced.';
    assert.strictEqual(spanWithScope(line, 'DEIR', 'entity.name.place.dateline.news'), 'DEIR EZ-ZOR');
  });

  it('does not take a sentence starting with an acronym for a dateline', () => {
    const line = 'US-led coalition aircraft struck positions near Hajin - officials said.';
    assert.ok(!scopesAt(line, 'US').includes('meta.dateline.news'));
  });

  it('reads header lines, with dates inside them', () => {
    const line = 'Date: 2023-03-14';
    assert.ok(scopesAt(line, 'Date').includes('keyword.other.header.news'));
    assert.ok(scopesAt(line, '2023').includes('meta.header.news'));
  });

  it('reads straight and typographic quotations, ending at the line end when unclosed', () => {
    const lines = ['He said "we will return in early May" and left.', '“The camp is full,” she said.', '"An unclosed quote', 'runs no further.'];
    const toks = tokenize(lines);
    const scopeOf = (li: number, needle: string) => toks[li].find(t => t.start <= lines[li].indexOf(needle) && lines[li].indexOf(needle) < t.end)!.scopes;
    assert.ok(scopeOf(0, 'we will').includes('string.quoted.double.news'));
    assert.ok(scopeOf(0, 'early May').includes('string.other.date.news'), 'dates are found inside quotations');
    assert.ok(!scopeOf(0, 'and left').includes('string.quoted.double.news'));
    assert.ok(scopeOf(1, 'camp').includes('string.quoted.double.typographic.news'));
    assert.ok(!scopeOf(1, 'she said').includes('string.quoted.double.typographic.news'));
    assert.ok(!scopeOf(3, 'runs').includes('string.quoted.double.news'), 'an unclosed quote stops at the line end');
  });
});

describe('news grammar and manifest agree', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('package.json contributes the grammar for the news language', () => {
    const g = pkg.contributes.grammars.find((x: { language: string }) => x.language === 'news');
    assert.strictEqual(g.scopeName, 'text.news');
    assert.strictEqual(path.resolve(ROOT, g.path), GRAMMAR_FILE);
    assert.deepStrictEqual(pkg.contributes.languages.find((l: { id: string }) => l.id === 'news').extensions, ['.news']);
  });

  it('the grammar colours figures and dates with the scopes semantic tokens map to', () => {
    const scopes: Record<string, string[]> = pkg.contributes.semanticTokenScopes[0].scopes;
    const grammarText = fs.readFileSync(GRAMMAR_FILE, 'utf8');
    for (const type of ['date', 'time', 'duration', 'set', 'distance', 'area', 'percent']) {
      assert.ok(grammarText.includes(`"${scopes[type][0]}`), `${type}: ${scopes[type][0]} used by the grammar`);
    }
  });
});

describe('language configuration: word pattern', () => {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8'));
  const words = (s: string) => s.match(new RegExp(config.wordPattern.pattern, 'g' + config.wordPattern.flags)) ?? [];

  it('keeps hyphenated names, malformed units and km² together', () => {
    assert.deepStrictEqual(words('near al-Tanf, where'), ['near', 'al-Tanf', 'where']);
    assert.deepStrictEqual(words('was 550sq/km, larger'), ['was', '550sq/km', 'larger']);
    assert.deepStrictEqual(words('550 km² of'), ['550', 'km²', 'of']);
    assert.deepStrictEqual(words('5,000, then'), ['5,000', 'then']);
  });
});
