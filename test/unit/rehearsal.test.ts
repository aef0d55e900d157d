// The server's start-up rehearsal of the edit path (server/src/lsp/rehearsal.ts): it edits copies of an article
// and analyses each version, but only in quiet moments, and gives way as soon as a document changes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { rehearsalEdit, rehearsalText, rehearse } from '../../server/src/lsp/rehearsal';

const ARTICLE = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'river-crossing.news'), 'utf8');

describe('start-up rehearsal of the edit path', function () {
  this.timeout(20000);

  it('makes a longer document of distinct copies, keeping the date line once', () => {
    const text = rehearsalText(ARTICLE, 3);
    assert.ok(text.startsWith('Date: 2023-03-14\n'));
    assert.strictEqual(text.match(/^Date:/gm)?.length, 1);
    const paragraphs = text.split('\n').filter(l => l.includes('advanced some'));
    assert.deepStrictEqual(paragraphs.map(p => /some (\d+) km/.exec(p)?.[1]), ['12', '13', '14']);
    // Days of the month stay days; larger figures differ in every copy, so those sentences never repeat.
    const ten = rehearsalText(ARTICLE, 10).split('\n');
    assert.deepStrictEqual(ten.filter(l => l.includes('advanced some')).map(p => /some (\d+) km/.exec(p)?.[1]),
      ['12', '13', '14', '15', '16', '17', '18', '12', '13', '14']);
    const withKilometers = ten.filter(l => l.includes('kilometers'));
    assert.ok(withKilometers.length >= 10);
    assert.strictEqual(new Set(withKilometers).size, withKilometers.length);
  });

  it('edits one character at a time, the same way every run', () => {
    const text = rehearsalText(ARTICLE, 2);
    const typed = rehearsalEdit(text, 0), deleted = rehearsalEdit(text, 1);
    assert.strictEqual(typed.length, text.length + 1);
    assert.strictEqual(deleted.length, text.length - 1);
    assert.strictEqual(rehearsalEdit(text, 0), typed);
    assert.strictEqual(rehearsalEdit('', 1), '');
  });

  it('analyses the document and each edit when the documents are quiet', async () => {
    let analyses = 0;
    const report = await rehearse({
      article: ARTICLE, copies: 2, edits: 3,
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
        article: ARTICLE, copies: 2, edits: 6,
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
      article: ARTICLE, copies: 1, edits: 2, quietNeededMs: 20, deadlineMs: 150,
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
      article: ARTICLE, copies: 150, edits: 2, quietNeededMs: 20,
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
