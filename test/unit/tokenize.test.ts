import * as assert from 'assert';
import { tokenize, tokenSpans, TokenSpans, TB_INITUPPER, TB_UPPER, TB_LOWER, TB_DIGIT, TB_UNCASED, TB_SYMBOL } from '../../server/src/core/text/tokenize';

const words = (text: string) => tokenize(text).map(t => t.text);

/** Every token is the slice of the text at its offsets, in order, without white space. */
function assertWellFormed(text: string): void {
  const tokens = tokenize(text);
  let last = 0;
  for (const t of tokens) {
    assert.ok(t.start >= last && t.end > t.start && t.end <= text.length, `bad range ${t.start}-${t.end}`);
    assert.strictEqual(text.slice(t.start, t.end), t.text);
    assert.ok(!/\s/.test(t.text), `token with space: ${JSON.stringify(t.text)}`);
    const first = t.text.charCodeAt(0), lastc = t.text.charCodeAt(t.text.length - 1);
    assert.ok(!(first >= 0xdc00 && first <= 0xdfff && t.start > 0 && text.charCodeAt(t.start - 1) >= 0xd800 &&
      text.charCodeAt(t.start - 1) <= 0xdbff), 'token starts inside a surrogate pair');
    const next = text.charCodeAt(t.end);
    assert.ok(!(lastc >= 0xd800 && lastc <= 0xdbff && next >= 0xdc00 && next <= 0xdfff), 'token ends inside a surrogate pair');
    last = t.end;
  }
}

describe('tokenizer', () => {
  it('keeps hyphenated and article-prefixed names whole', () => {
    assert.deepStrictEqual(words('near al-Tanf and Deir ez-Zor, then Abu Kamal'),
      ['near', 'al-Tanf', 'and', 'Deir', 'ez-Zor', ',', 'then', 'Abu', 'Kamal']);
    assert.deepStrictEqual(words('the US-led coalition'), ['the', 'US-led', 'coalition']);
  });

  it('splits possessives and negations with exact offsets', () => {
    const text = "Syria's army and Iraq’s border; they don't";
    const tokens = tokenize(text);
    assert.deepStrictEqual(tokens.slice(0, 2), [{ start: 0, end: 5, text: 'Syria' }, { start: 5, end: 7, text: "'s" }]);
    assert.deepStrictEqual(tokens.slice(4, 6), [{ start: 17, end: 21, text: 'Iraq' }, { start: 21, end: 23, text: '’s' }]);
    assert.deepStrictEqual(words(text).slice(-3), ['they', 'do', "n't"]);
    assert.deepStrictEqual(words("Workers' Party and O'Brien"), ['Workers', "'", 'Party', 'and', "O'Brien"]);
    assert.deepStrictEqual(words("they're here, we've gone"), ['they', "'re", 'here', ',', 'we', "'ve", 'gone']);
  });

  it('keeps acronyms, initials and abbreviations with their periods', () => {
    assert.deepStrictEqual(words('The U.S. and the U.N. met.'), ['The', 'U.S.', 'and', 'the', 'U.N.', 'met', '.']);
    assert.deepStrictEqual(words('Mr. J. Smith of Acme Corp. left at 9 a.m. today'),
      ['Mr.', 'J.', 'Smith', 'of', 'Acme', 'Corp.', 'left', 'at', '9', 'a.m.', 'today']);
    const tokens = tokenize('in the U.S.');
    assert.deepStrictEqual(tokens[2], { start: 7, end: 11, text: 'U.S.' });
    assert.deepStrictEqual(words('It ended.'), ['It', 'ended', '.']);
    assert.deepStrictEqual(words('a U.S.-led force'), ['a', 'U.S.-led', 'force']);
  });

  it('keeps number separators', () => {
    assert.deepStrictEqual(words('90,000 people, 2.5 km, 1,234.56 and 10:30 on 1996-08-22, won 3-1.'),
      ['90,000', 'people', ',', '2.5', 'km', ',', '1,234.56', 'and', '10:30', 'on', '1996-08-22', ',', 'won', '3-1', '.']);
    assert.deepStrictEqual(words('1,000.'), ['1,000', '.']);
    assert.deepStrictEqual(words('US$ 5 and C$5, $3'), ['US$', '5', 'and', 'C$', '5', ',', '$', '3']);
  });

  it('splits quotes, brackets and dashes', () => {
    assert.deepStrictEqual(words('"We will go," he said – and left — fast - (really) “yes” ‘no’...'),
      ['"', 'We', 'will', 'go', ',', '"', 'he', 'said', '–', 'and', 'left', '—', 'fast', '-', '(', 'really', ')',
        '“', 'yes', '”', '‘', 'no', '’', '...']);
  });

  it('reads all-caps headlines and datelines', () => {
    const text = 'DAMASCUS, June 9 (Reuters) - SYRIA\'S ARMY ADVANCES';
    assert.deepStrictEqual(tokenize(text).map(t => [t.start, t.text]), [
      [0, 'DAMASCUS'], [8, ','], [10, 'June'], [15, '9'], [17, '('], [18, 'Reuters'], [25, ')'], [27, '-'],
      [29, 'SYRIA'], [34, "'S"], [37, 'ARMY'], [42, 'ADVANCES'],
    ]);
  });

  it('treats CRLF, tabs, NUL and other controls as separators', () => {
    const text = 'one\r\ntwo\tthree\u0000four\u00a0five\ufeffsix';
    assert.deepStrictEqual(words(text), ['one', 'two', 'three', 'four', 'five', 'six']);
    assert.deepStrictEqual(tokenize(text)[1], { start: 5, end: 8, text: 'two' });
    assertWellFormed(text);
  });

  it('keeps emoji and other surrogate pairs whole, reads Arabic as words', () => {
    const text = 'Hello 👍🏽 from 🇸🇾 دير الزور! 𝐁𝐨𝐥𝐝';
    const tokens = tokenize(text);
    assertWellFormed(text);
    assert.ok(tokens.some(t => t.text === 'دير') && tokens.some(t => t.text === 'الزور'));
    assert.ok(tokens.some(t => t.text.startsWith('👍')));
    assert.strictEqual(tokens.find(t => t.text.startsWith('👍'))!.start, 6);
  });

  it('gives character-kind bits', () => {
    const spans = tokenSpans('Paris 42 NATO x, دير');
    const b = Array.from(spans.bits.slice(0, spans.count));
    assert.deepStrictEqual(b, [TB_INITUPPER | TB_UPPER | TB_LOWER, TB_DIGIT, TB_INITUPPER | TB_UPPER, TB_LOWER, TB_SYMBOL, TB_UNCASED]);
  });

  it('tokenizes a range of a text into a reused buffer', () => {
    const buf = new TokenSpans(1);
    const text = 'skip this. Take Abu Kamal';
    tokenSpans(text, buf, 11);
    assert.strictEqual(buf.count, 3);
    assert.deepStrictEqual([buf.starts[1], buf.ends[1]], [16, 19]);
  });

  it('never crashes or loses offsets on random text', () => {
    let seed = 7;
    const rand = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 4294967296; };
    const alphabet = ['a', 'Z', '9', ' ', '.', ',', "'", '’', '-', '–', '\u0000', '\r', '\n', 'é', 'د', '👍', '\ud83d', '\udc4d',
      '"', '&', '$', '\u0301', '\u200d', '\ufe0f', 's', 't', 'n', 'U', 'S'];
    for (let r = 0; r < 300; r++) {
      let text = '';
      const len = Math.floor(rand() * 60);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      assertWellFormed(text);
    }
  });
});
