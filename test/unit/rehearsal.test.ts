// The server's start-up rehearsal of the edit path (server/src/lsp/rehearsal.ts): it edits copies of an article
// and analyses each version, but only in quiet moments, and gives way as soon as a document changes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checks } from '../../server/src/core';
import { rehearsalEdit, rehearsalText, rehearse } from '../../server/src/lsp/rehearsal';

const sample = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'samples', name), 'utf8');
const ARTICLE = sample('river-crossing.news');
const FIELD_REPORT = sample('field-report.news');

describe('start-up rehearsal of the edit path', function () {
  this.timeout(20000);

  it('makes a longer document of distinct copies, keeping the date line once', () => {
    const text = rehearsalText([ARTICLE], 3);
    assert.ok(text.startsWith('Date: 2023-03-14\n'));
    assert.strictEqual(text.match(/^Date:/gm)?.length, 1);
    const paragraphs = text.split('\n').filter(l => l.includes('advanced some'));
    assert.deepStrictEqual(paragraphs.map(p => /some (\d+) km/.exec(p)?.[1]), ['12', '13', '14']);
    // Days of the month stay days; larger figures differ in every copy, so those sentences never repeat.
    const ten = rehearsalText([ARTICLE], 10).split('\n');
    assert.deepStrictEqual(ten.filter(l => l.includes('advanced some')).map(p => /some (\d+) km/.exec(p)?.[1]),
      ['12', '13', '14', '15', '16', '17', '18', '12', '13', '14']);
    const withKilometers = ten.filter(l => l.includes('kilometers'));
    assert.ok(withKilometers.length >= 10);
    assert.strictEqual(new Set(withKilometers).size, withKilometers.length);
  });

  it('puts the bodies of several articles in each copy, under the first one\'s date line', () => {
    const text = rehearsalText([ARTICLE, FIELD_REPORT], 2);
    assert.ok(text.startsWith('Date: 2023-03-14\n'));
    assert.strictEqual(text.match(/^Date:/gm)?.length, 1);
    assert.strictEqual(text.match(/^DEIR EZ-ZOR, March/gm)?.length, 2);
    assert.strictEqual(text.match(/^HOMS, June/gm)?.length, 2);
    assert.ok(text.indexOf('DEIR EZ-ZOR, March') < text.indexOf('HOMS, June'));
    // A number with thousands separators is shifted as one number.
    assert.deepStrictEqual(text.match(/[\d,]+ families/g), ['4,000 families', '6,000 families', '4,001 families', '6,001 families']);
  });

  it('gives every check something to flag, and passes each result on to the server', async () => {
    const seen: { step: number; codes: Set<string> }[] = [];
    const report = await rehearse({
      articles: [ARTICLE, FIELD_REPORT], copies: 2, edits: 2,
      analyzeOptions: () => ({}),
      afterAnalysis: (text, result, step) => {
        assert.strictEqual(result.text, text);
        seen.push({ step, codes: new Set(result.findings.map(f => f.code)) });
      },
      quietMs: () => 10_000,
    });
    assert.strictEqual(report.edits, 2);
    assert.deepStrictEqual(seen.map(s => s.step), [0, 1, 2]);
    // The checks' paths to a finding are compiled only when there are findings: the samples have one of each.
    assert.deepStrictEqual([...seen[0].codes].sort(), checks.map(c => c.code).sort());
  });

  it('edits one character at a time, the same way every run', () => {
    const text = rehearsalText([ARTICLE], 2);
    const typed = rehearsalEdit(text, 0), deleted = rehearsalEdit(text, 1);
    assert.strictEqual(typed.length, text.length + 1);
    assert.strictEqual(deleted.length, text.length - 1);
    assert.strictEqual(rehearsalEdit(text, 0), typed);
    assert.strictEqual(rehearsalEdit('', 1), '');
  });

  it('analyses the document and each edit when the documents are quiet', async () => {
    let analyses = 0;
    const report = await rehearse({
      articles: [ARTICLE], copies: 2, edits: 3,
      analyzeOptions: () => { analyses++; return {}; },
      quietMs: () => 10_000,
    });
    assert.deepStrictEqual({ edits: report.edits, gaveUp: report.gaveUp, analyses }, { edits: 3, gaveUp: false, analyses: 4 });
    assert.ok(report.chars > 2 * ARTICLE.length * 0.9);
  });

  it('lets the event loop turn before each step, so that a client\'s change is read before the next one', async () => {
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    const turnsAtStep: number[] = [];
    try {
      await rehearse({
        articles: [ARTICLE], copies: 2, edits: 6,
        analyzeOptions: () => { turnsAtStep.push(turns); return {}; },
        quietMs: () => 10_000,
      });
    } finally {
      clearInterval(timer);
    }
    for (let i = 1; i < turnsAtStep.length; i++) assert.ok(turnsAtStep[i] > turnsAtStep[i - 1], `timers ran before step ${i}: ${turnsAtStep}`);
  });

  it('starts nothing while a document is busy, and gives up at its deadline', async () => {
    let analyses = 0;
    const report = await rehearse({
      articles: [ARTICLE], copies: 1, edits: 2, quietNeededMs: 20, deadlineMs: 150,
      analyzeOptions: () => { analyses++; return {}; },
      quietMs: () => 0,
    });
    assert.deepStrictEqual({ analyses, gaveUp: report.gaveUp, edits: report.edits }, { analyses: 0, gaveUp: true, edits: 0 });
  });

  it('gives way when a document changes during one of its analyses, and takes that step again later', async () => {
    // Quiet, except for one busy spell that begins during the first analysis (its second options call comes
    // from the retry). The long document (~290 KB) makes the first analysis outlast a slice, so it sees the change.
    let busyUntil = 0, calls = 0;
    const report = await rehearse({
      articles: [ARTICLE], copies: 150, edits: 2, quietNeededMs: 20,
      analyzeOptions: () => {
        if (++calls === 1) busyUntil = performance.now() + 60;
        return {};
      },
      quietMs: () => (performance.now() < busyUntil ? 0 : 1000),
    });
    assert.strictEqual(report.edits, 2);
    assert.ok(calls >= 4, `the interrupted analysis runs again (${calls} analyses for 3 steps)`);
  });
});
