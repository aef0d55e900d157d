// Temporal expressions (issue 5): TimeML extents, TIMEX3 values resolved against the reference date, the
// unresolved behaviour without one, the dateline reference-date source and the hover card. All fixture
// texts are written for these tests.
import * as assert from 'assert';
import { analyze, hoverMarkdown } from '../../server/src/core';
import type { DocumentContext } from '../../server/src/core/api';
import { findReferenceDate } from '../../server/src/core/referenceDate/index';
import { dateline } from '../../server/src/core/referenceDate/dateline';
import { timexRefiner } from '../../server/src/core/refiners/timex';
import { easter, isoWeek, nthWeekday } from '../../server/src/core/time/calendar';
import { tokenize } from '../../server/src/core/time/grammar';
import { recognizeTimex } from '../../server/src/core/time/recognize';
import { durationWords, setWords } from '../../server/src/core/time/words';
import { segment } from '../../server/src/core/text/segment';
import type { Annotation, TimexValue } from '../../server/src/core/types';

/** The timex recognizer and refiner alone, over the segments of a text (fast; no other recognizer). */
function dates(text: string, ref?: string): Annotation[] {
  const out: Annotation[] = [];
  for (const seg of segment(text)) {
    for (const m of recognizeTimex(seg.text)) out.push({ ...m, id: '', start: m.start + seg.start, end: m.end + seg.start });
  }
  const doc = { text, referenceDate: ref ? { value: ref, source: 'test' } : undefined } as unknown as DocumentContext;
  return timexRefiner.refine(out, doc);
}

function one(text: string, ref: string | undefined, expr: string): Annotation & { value: TimexValue } {
  const found = dates(text, ref).filter(a => a.text === expr);
  assert.strictEqual(found.length, 1, `"${expr}" in ${JSON.stringify(text)}: found ${JSON.stringify(dates(text, ref).map(a => a.text))}`);
  return found[0] as Annotation & { value: TimexValue };
}

/** [text, expected extent, TIMEX3 value, type, mod?] with the reference date 2017-06-09 (a Friday). */
const REF = '2017-06-09';
const CASES: [string, string, string, string, string?][] = [
  ['The offensive began in early May.', 'early May', '2017-05', 'DATE', 'START'],
  ['Prices rose over the past months.', 'the past months', 'PXM', 'DURATION'],
  ['The minister said today that talks would go on.', 'today', '2017-06-09', 'DATE'],
  ['Rebels shelled the town last Tuesday.', 'last Tuesday', '2017-06-06', 'DATE'],
  ['The dam was finished two years ago.', 'two years ago', '2015', 'DATE'],
  ['The border was quiet in the 1990s.', 'the 1990s', '199', 'DATE'],
  ['Fighting resumed this spring.', 'this spring', '2017-SP', 'DATE'],
  ['Convoys cross three times a week.', 'three times a week', 'P1W', 'SET'],
  ['Two people died yesterday.', 'yesterday', '2017-06-08', 'DATE'],
  ['The envoy arrives tomorrow.', 'tomorrow', '2017-06-10', 'DATE'],
  ['Talks resume next year.', 'next year', '2018', 'DATE'],
  ['Aid fell last month.', 'last month', '2017-05', 'DATE'],
  ['Aid fell last week.', 'last week', '2017-W22', 'DATE'],
  ['The camp has grown this week.', 'this week', '2017-W23', 'DATE'],
  ['The road is now open.', 'now', 'PRESENT_REF', 'DATE'],
  ['The army recently moved north.', 'recently', 'PAST_REF', 'DATE'],
  ['No talks are planned for the foreseeable future.', 'the foreseeable future', 'FUTURE_REF', 'DATE'],
  ['Output has doubled in the past three years.', 'the past three years', 'P3Y', 'DURATION'],
  ['Attacks rose over the past year.', 'the past year', '2016', 'DATE'],
  ['Traffic fell in recent years.', 'recent years', 'PAST_REF', 'DATE'],
  ['The mine will close in the coming weeks.', 'the coming weeks', 'PXW', 'DURATION'],
  ['The truce took hold last night.', 'last night', '2017-06-08TNI', 'TIME'],
  ['It was decided in the week of June 12.', 'the week of June 12', '2017-W24', 'DATE'],
  ['The siege lasted 14 days.', '14 days', 'P14D', 'DURATION'],
  ['After a 16-hour flight he landed.', '16-hour', 'PT16H', 'DURATION'],
  ['The talks took 5 1/2 hours.', '5 1/2 hours', 'PT5H30M', 'DURATION'],
  ['The truce held for two and a half years.', 'two and a half years', 'P2Y6M', 'DURATION'],
  ['The truce held for a year and a half.', 'a year and a half', 'P1Y6M', 'DURATION'],
  ['He was away for several weeks.', 'several weeks', 'PXW', 'DURATION'],
  ['It was signed on June 9, 2015.', 'June 9, 2015', '2015-06-09', 'DATE'],
  ['It was signed on 9 June 2015.', '9 June 2015', '2015-06-09', 'DATE'],
  ['It was signed on Monday, Oct. 26, 1998.', 'Monday, Oct. 26, 1998', '1998-10-26', 'DATE'],
  ['It was signed on 2015-06-09 in Geneva.', '2015-06-09', '2015-06-09', 'DATE'],
  ['The decree is dated 6/9/2015.', '6/9/2015', '2015-06-09', 'DATE'],
  ['It was signed in July 1997.', 'July 1997', '1997-07', 'DATE'],
  ['It was signed in 1997.', '1997', '1997', 'DATE'],
  ['Shelling resumed on June 3.', 'June 3', '2017-06-03', 'DATE'],
  ['Shelling resumed Tuesday morning.', 'Tuesday morning', '2017-06-06TMO', 'TIME'],
  ['The blast came at 10 p.m. Wednesday.', '10 p.m. Wednesday', '2017-06-07T22:00', 'TIME'],
  ['Shops close at 14:30 GMT.', '14:30 GMT', '2017-06-09T14:30', 'TIME'],
  ['Clashes raged on the night of 14 to 15 May.', '14', '2017-05-14', 'DATE'],
  ['Clashes raged on the night of 14 to 15 May.', '15 May', '2017-05-15', 'DATE'],
  ['Talks ran 3-7 May 2016 in Doha.', '3', '2016-05-03', 'DATE'],
  ['The strike came at 0300 GMT.', '0300 GMT', '2017-06-09T03:00', 'TIME'],
  ['Troops moved at 0600 hours.', '0600 hours', '2017-06-09T06:00', 'TIME'],
  ['The attack came at midnight on Sunday.', 'midnight', '2017-06-04T24:00', 'TIME'],
  ['The attack came at midnight on Sunday.', 'Sunday', '2017-06-04', 'DATE'],
  ['Profit fell in the third quarter of 2016.', 'the third quarter of 2016', '2016-Q3', 'DATE'],
  ['Profit fell in Q3 2016.', 'Q3 2016', '2016-Q3', 'DATE'],
  ['The budget for fiscal 2016 was cut.', 'fiscal 2016', '2016', 'DATE'],
  ['Sales fell in the first half of 2016.', 'the first half of 2016', '2016-H1', 'DATE'],
  ['The army returned late last year.', 'late last year', '2016', 'DATE', 'END'],
  ['The dam dates from the mid-1980s.', 'the mid-1980s', '198', 'DATE', 'MID'],
  ['Music of the \'80s was loud.', 'the \'80s', '198', 'DATE'],
  ['The city was rebuilt in the 20th century.', 'the 20th century', '19', 'DATE'],
  ['The fort was taken more than four decades ago.', 'more than four decades ago', '1977', 'DATE', 'MORE_THAN'],
  ['He has led the group for nearly two years.', 'nearly two years', 'P2Y', 'DURATION', 'LESS_THAN'],
  ['The border closes at least 30 days before the vote.', 'at least 30 days', 'P30D', 'DURATION', 'EQUAL_OR_MORE'],
  ['Patrols go out daily.', 'daily', 'P1D', 'SET'],
  ['Patrols go out every Monday.', 'every Monday', 'XXXX-WXX-1', 'SET'],
  ['Inspectors visit twice a year.', 'twice a year', 'P1Y', 'SET'],
  ['The market opens every two weeks.', 'every two weeks', 'P2W', 'SET'],
  ['The harvest failed last fall.', 'last fall', '2016-FA', 'DATE'],
  ['The harvest failed in the summer of 2015.', 'the summer of 2015', '2015-SU', 'DATE'],
  ['Fighting stopped at Christmas 2015.', 'Christmas 2015', '2015-12-25', 'DATE'],
  ['They met earlier this year.', 'earlier this year', '2017', 'DATE', 'START'],
  ['Rains came in November last year.', 'November last year', '2016-11', 'DATE'],
  ['It will be ready in the next few days.', 'the next few days', 'PXD', 'DURATION'],
  ['The ceasefire ended at the end of 2015.', 'the end of 2015', '2015', 'DATE', 'END'],
];

describe('timex: extents and values (reference date 2017-06-09)', () => {
  for (const [text, expr, timex, type, mod] of CASES) {
    it(`${expr} → ${timex}`, () => {
      const a = one(text, REF, expr);
      assert.strictEqual(a.value.timex, timex);
      assert.strictEqual(a.value.type, type);
      assert.strictEqual(a.value.mod, mod);
      assert.strictEqual(a.category, type.toLowerCase() === 'set' ? 'set' : type === 'TIME' ? 'time' : type === 'DURATION' ? 'duration' : 'date');
      assert.ok(!a.value.unresolved);
    });
  }

  it('`three times a week` carries freq 3X (the TIMEX3 value is the period, P1W)', () => {
    const a = one('Convoys cross three times a week.', REF, 'three times a week');
    assert.strictEqual(a.data?.freq, '3X');
  });

  it('`the day before` and `the day after` ending a clause lean on the date before; not before an event', () => {
    const text = 'The town fell on May 2. The day before, talks had failed.';
    assert.strictEqual(one(text, REF, 'The day before').value.timex, '2017-05-01');
    assert.strictEqual(one('Rebels took the town on May 2 and left it the day after.', REF, 'the day after').value.timex, '2017-05-03');
    assert.deepStrictEqual(dates('Talks failed the day before the vote.', REF).map(a => a.text), []);
  });

  it('`two weeks later` stays a duration, and its anchor says the day it ends, counted from the date before', () => {
    const text = 'The town fell on May 2. Two weeks later, troops withdrew. Two months later it fell again.';
    const weeks = one(text, REF, 'Two weeks');
    assert.strictEqual(weeks.value.timex, 'P2W');
    assert.strictEqual(weeks.value.type, 'DURATION');
    assert.match(weeks.value.anchor ?? '', /2 weeks after the date mentioned before, "May 2" \(2017-05-02\): 2017-05-16$/);
    assert.match(one(text, REF, 'Two months').value.anchor ?? '', /: 2017-07-02$/);
    // No date before: a plain length of time.
    assert.strictEqual(one('Two weeks later, troops withdrew.', REF, 'Two weeks').value.anchor, 'a length of time: needs no anchor');
  });

  it('`about` stays outside a duration but marks it approximate', () => {
    const a = one('The talks lasted about two weeks.', REF, 'two weeks');
    assert.strictEqual(a.value.timex, 'P2W');
    assert.strictEqual(a.value.approximate, true);
    assert.strictEqual(a.value.mod, 'APPROX');
  });
});

describe('timex: what is not a temporal expression', () => {
  const NONE: [string, string][] = [
    ['A 44-year-old man was held.', 'ages are not durations'],
    ['It may rain, and troops march on.', '`may` and `march` as verbs'],
    ['The grant pays $5 a year.', 'a rate'],
    ['Exports rose 20% annually.', 'a growth rate'],
    ['He spoke on ABC\'s "This Week" programme.', 'a TV title'],
    ['She writes for USA Today in Virginia.', 'a newspaper'],
    ['Flight 1549 landed on the river.', 'a flight number'],
    ['Some 2000 families fled the town.', 'a count'],
    ['Some 1350 GMO crops were tested.', 'four digits before a word like a time zone'],
  ];
  for (const [text, why] of NONE) {
    it(why, () => assert.deepStrictEqual(dates(text, REF).map(a => a.text), []));
  }
  it('a number before `to` and a day of a month is no day when it is an amount, or after a month', () => {
    assert.deepStrictEqual(dates('The price rose from $3 to 7 May levels.', REF).map(a => a.text), ['7 May']);
    assert.deepStrictEqual(dates('Talks ran from May 3 to 7 June.', REF).map(a => a.text), ['May 3', '7 June']);
    assert.deepStrictEqual(dates('Volunteers worked 2000 hours last year.', REF).map(a => a.text), ['2000 hours', 'last year']);
  });
  it('a month in a title-case headline still counts', () => {
    assert.deepStrictEqual(dates('Troops Advance On Town Last Week', REF).map(a => a.text), ['Last Week']);
  });
});

describe('timex: the tense and the previous date', () => {
  it('a weekday in a future clause is the next one, in a past clause the last one', () => {
    // 2017-06-07 is a Wednesday
    assert.strictEqual(one('The talks will resume on Friday.', '2017-06-07', 'Friday').value.timex, '2017-06-09');
    assert.strictEqual(one('The talks collapsed on Friday.', '2017-06-07', 'Friday').value.timex, '2017-06-02');
  });
  it('`by May`, said in March, is this May; `in January`, said in September, last January', () => {
    assert.strictEqual(one('The talks must end by May.', '2017-03-20', 'May').value.timex, '2017-05');
    assert.strictEqual(one('The rally was held in January.', '2017-09-01', 'January').value.timex, '2017-01');
  });
  it('`last Tuesday` on a Tuesday is the week before', () => {
    assert.strictEqual(one('He left last Tuesday.', '2017-06-06', 'last Tuesday').value.timex, '2017-05-30');
  });
  it('anaphora: `the following day`, `a year earlier` and `the year-ago quarter` lean on the date before', () => {
    const text = 'The dam broke on March 3, 2015. The following day the army arrived.';
    assert.strictEqual(one(text, REF, 'The following day').value.timex, '2015-03-04');
    const q = 'Profit rose in the third quarter. A year earlier it had fallen. In the year-ago quarter it fell.';
    assert.strictEqual(one(q, '1989-10-26', 'the third quarter').value.timex, '1989-Q3');
    assert.strictEqual(one(q, '1989-10-26', 'A year earlier').value.timex, '1988-Q3');
    assert.strictEqual(one(q, '1989-10-26', 'the year-ago quarter').value.timex, '1988-Q3');
  });
  it('a bare clock time takes the day mentioned before it', () => {
    assert.strictEqual(one('The attack began on June 3. It ended at 10 p.m.', REF, '10 p.m.').value.timex, '2017-06-03T22:00');
  });
});

describe('timex: TimeML rules of the value (reference date 2017-06-09, a Friday)', () => {
  const value = (text: string, expr: string, ref = REF) => one(text, ref, expr).value;
  it('a decade is its first three digits (TIMEX3, TIMEX2), a century its first two', () => {
    assert.strictEqual(value('Trade grew through the seventies.', 'the seventies').timex, '197');
    assert.strictEqual(value('Wells dried up in the 1950s.', 'the 1950s').timex, '195');
  });
  it('`the past year`, `the last decade`: the unit before (TimeBank); `the past decade`, `past week`: a duration', () => {
    assert.strictEqual(value('Attacks rose over the last decade.', 'the last decade').timex, '200');
    const d = value('Attacks rose over the past decade.', 'the past decade');
    assert.deepStrictEqual([d.timex, d.type], ['P10Y', 'DURATION']);
  });
  it('a spelled year after a month or a season (transcripts)', () => {
    assert.strictEqual(value('In January nineteen ninety-seven the plant closed.', 'January nineteen ninety-seven').timex, '1997-01');
    assert.strictEqual(value('Prices peaked in the winter of nineteen ninety-four.', 'the winter of nineteen ninety-four').timex, '1994-WI');
    // `two thousand` before a noun is a count, not the year of the month
    assert.strictEqual(value('In May two thousand people marched.', 'May').timex, '2017-05');
  });
  it('`last Oct. 23` is that day, the last one before the reference date', () => {
    assert.strictEqual(value('He was shot last Oct. 23 at home.', 'last Oct. 23').timex, '2016-10-23');
  });
  it('`the fiscal year ended Jan. 31` is a year long, like `the year ended`', () => {
    const v = value('In the fiscal year ended Jan. 31, sales fell.', 'the fiscal year');
    assert.deepStrictEqual([v.timex, v.type], ['P1Y', 'DURATION']);
  });
  it('`the quarter ended May 31` is the calendar quarter with most of its months (March-May: the second)', () => {
    assert.strictEqual(value('Sales rose in the quarter ended May 31.', 'the quarter').timex, '2017-Q2');
    assert.strictEqual(value('Profit fell in the quarter ending Jan. 31.', 'the quarter').timex, '2016-Q4');
  });
  it('`the 2015 period` with no quarter before is that year; `the 2015 quarter` stays a quarter of it', () => {
    assert.strictEqual(value('Profit doubled from the 2015 period.', 'the 2015 period').timex, '2015');
    assert.strictEqual(value('Profit doubled from the 2015 quarter.', 'the 2015 quarter').timex, '2015-QX');
  });
  it('`Easter week` is the ISO week of Easter Sunday; `Election Day` the Tuesday after the first Monday of November', () => {
    assert.strictEqual(value('Pilgrims arrived during Easter week.', 'Easter week').timex, '2017-W15');
    assert.strictEqual(value('Polls opened on Election Day.', 'Election Day').timex, '2016-11-08');
  });
  it('a part of the day before the day: `mid-afternoon yesterday`', () => {
    const v = value('Shelling resumed mid-afternoon yesterday.', 'mid-afternoon yesterday');
    assert.deepStrictEqual([v.timex, v.type, v.mod], ['2017-06-08TAF', 'TIME', 'MID']);
  });
  it('`the morning` is that part of the day mentioned before', () => {
    assert.strictEqual(value('The talks opened on Tuesday. Fighting stopped in the morning.', 'the morning').timex, '2017-06-06TMO');
  });
  it('`May 2 and 3`: the second day is a date of its own, in the same month; not before a noun', () => {
    assert.strictEqual(value('Talks were held on May 2 and 3.', '3').timex, '2017-05-03');
    assert.deepStrictEqual(dates('Talks were held on May 2 and 3 people died.', REF).map(a => a.text), ['May 2']);
  });
  it('`that same day` leans on the date before, like `the same day`', () => {
    assert.strictEqual(value('The bridge reopened on June 2 and the road that same day.', 'that same day').timex, '2017-06-02');
  });
  it('a year after a comma and a space is a year (`in 2014, 2015 and 2016`)', () => {
    assert.deepStrictEqual(dates('Floods hit in 2014, 2015 and 2016.', REF).map(a => a.text), ['2014', '2015', '2016']);
  });
  it('`a quarter of the market` is a fraction; `a quarter of an hour` 15 minutes; `24 hours a day` a rate', () => {
    assert.deepStrictEqual(dates('They control a quarter of the market.', REF).map(a => a.text), []);
    assert.strictEqual(value('The talks lasted a quarter of an hour.', 'a quarter of an hour').timex, 'PT15M');
    assert.deepStrictEqual(dates('Guards watch the gate 24 hours a day.', REF).map(a => a.text), ['24 hours']);
  });
  it('`the near term` is found without another temporal word in the sentence', () => {
    assert.strictEqual(value('Analysts see risks in the near term.', 'the near term').timex, 'FUTURE_REF');
  });
});

describe('timex: the tense of the clause (reference date 2017-06-09, a Friday)', () => {
  const day = (text: string, expr: string) => one(text, REF, expr).value.timex;
  it('`set` marks the future right before the date or with `to`/`for`; otherwise the past', () => {
    assert.strictEqual(day('The vote is set for Tuesday.', 'Tuesday'), '2017-06-13');
    assert.strictEqual(day('The board set a meeting for Tuesday.', 'Tuesday'), '2017-06-13');
    assert.strictEqual(day('The judge set bail on Tuesday.', 'Tuesday'), '2017-06-06');
  });
  it('a participle after `be` is a passive, not a past tense (`will be held`)', () => {
    assert.strictEqual(day('The talks will be held on Tuesday.', 'Tuesday'), '2017-06-13');
    assert.strictEqual(day('The talks were held on Tuesday.', 'Tuesday'), '2017-06-06');
  });
  it('`by`/`until` a day is a deadline ahead, unless the clause is in the past perfect', () => {
    assert.strictEqual(day('The army will withdraw by Tuesday.', 'Tuesday'), '2017-06-13');
    assert.strictEqual(day('The army had withdrawn by Tuesday.', 'Tuesday'), '2017-06-06');
  });
  it('a plan in the past perfect (`had been due to`) is past; in the past (`was due to`) still ahead', () => {
    assert.strictEqual(day('The offer had been due to expire Monday.', 'Monday'), '2017-06-05');
    assert.strictEqual(day('The offer was due to expire Monday.', 'Monday'), '2017-06-12');
  });
  it('irregular past tenses mark the past (`came`, `bought`)', () => {
    assert.strictEqual(day('The minister will confirm that the convoy came Monday.', 'Monday'), '2017-06-05');
  });
  it('a capitalised word in -ed is a name, not a past tense (`the United States`)', () => {
    assert.strictEqual(day('The delegation will be traveling to the United States Thursday.', 'Thursday'), '2017-06-15');
  });
});

describe('timex: tokens', () => {
  it('splits words (any script), numbers with separators and single other characters, with exact offsets', () => {
    const text = 'Él llegó el 9.6.2017 a las 10:30, con 1,000 hombres\u{1F600}.';
    const toks = tokenize(text);
    for (const t of toks) assert.strictEqual(text.slice(t.s, t.e), t.t);
    assert.deepStrictEqual(toks.map(t => t.t), ['Él', 'llegó', 'el', '9.6.2017', 'a', 'las', '10:30', ',', 'con', '1,000', 'hombres', '\u{1F600}', '.']);
    assert.deepStrictEqual(toks.slice(0, 2).map(t => [t.w, t.k, t.cap]), [['él', 0, true], ['llegó', 0, false]]);
    assert.deepStrictEqual([toks[3].k, toks[6].k, toks[7].k], [1, 1, 2]);
  });
  it('an ASCII start then a letter beyond ASCII is one word; curly quotes and dashes are single tokens; a number may end the text', () => {
    const text = 'Pérez’s “TODAY” Today—today naïve\u00a0km² MONDAYS 2017';
    const toks = tokenize(text);
    for (const t of toks) assert.strictEqual(text.slice(t.s, t.e), t.t);
    assert.deepStrictEqual(toks.map(t => t.t), ['Pérez', '’', 's', '“', 'TODAY', '”', 'Today', '—', 'today', 'naïve', 'km', '²', 'MONDAYS', '2017']);
    assert.deepStrictEqual(toks.map(t => t.w), ['pérez', '’', 's', '“', 'today', '”', 'today', '—', 'today', 'naïve', 'km', '²', 'mondays', '2017']);
    assert.deepStrictEqual(toks.map(t => t.k), [0, 2, 0, 2, 0, 2, 0, 2, 0, 0, 0, 2, 0, 1]);
    assert.deepStrictEqual(toks.map(t => t.gap), [true, false, false, true, false, false, true, false, false, true, true, false, true, true]);
    // a word of the lexicon has its flags in any case; a word with a letter beyond ASCII is looked up as written
    assert.ok(toks[4].c !== 0 && toks[4].c === toks[6].c && toks[6].c === toks[8].c);
    assert.ok(toks[12].c !== 0);
  });
  it('the parser reuses its token arrays: results do not depend on what was recognized before', () => {
    const long = 'On June 9, 2017, two years after the flood, troops returned for three weeks, and again last Tuesday morning.';
    const first = JSON.stringify(recognizeTimex(long));
    recognizeTimex('Tomorrow.');
    recognizeTimex(long + ' ' + long);
    assert.strictEqual(JSON.stringify(recognizeTimex(long)), first);
  });
});

describe('timex: without a reference date', () => {
  it('relative expressions stay relative and say so; absolute ones resolve', () => {
    const text = 'Troops left yesterday, returned last Tuesday and in early May, two years ago, on June 9, 2015.';
    const byText = new Map(dates(text).map(a => [a.text, a.value as TimexValue]));
    assert.deepStrictEqual(byText.get('yesterday'), { ...byText.get('yesterday')!, timex: 'XXXX-XX-XX', unresolved: true });
    assert.strictEqual(byText.get('last Tuesday')!.timex, 'XXXX-WXX-2');
    assert.strictEqual(byText.get('early May')!.timex, 'XXXX-05');
    assert.strictEqual(byText.get('early May')!.mod, 'START');
    assert.strictEqual(byText.get('two years ago')!.timex, 'XXXX');
    for (const k of ['yesterday', 'last Tuesday', 'early May', 'two years ago']) assert.strictEqual(byText.get(k)!.unresolved, true, k);
    assert.strictEqual(byText.get('June 9, 2015')!.timex, '2015-06-09');
    assert.strictEqual(byText.get('June 9, 2015')!.unresolved, undefined);
  });
  it('never falls back to the clock: the same text gives the same values on any day', () => {
    const a = dates('They met yesterday and this spring.').map(x => (x.value as TimexValue).timex);
    assert.deepStrictEqual(a, ['XXXX-XX-XX', 'XXXX-SP']);
  });
});

describe('timex: offsets', () => {
  it('CRLF line ends and emoji (surrogate pairs) before a date keep offsets right', () => {
    const text = 'Date: 2017-06-09\r\n\r\n\u{1F600}\u{1F30D} Troops left on June 3.\r\nThey returned yesterday.\r\n';
    const found = dates(text, REF);
    const june = found.find(a => a.text === 'June 3')!;
    assert.ok(june, JSON.stringify(found.map(a => a.text)));
    assert.strictEqual(text.slice(june.start, june.end), 'June 3');
    assert.strictEqual((june.value as TimexValue).timex, '2017-06-03');
    const y = found.find(a => a.text === 'yesterday')!;
    assert.strictEqual(text.slice(y.start, y.end), 'yesterday');
  });
});

describe('reference date: sources and order', function () {
  this.timeout(120000);
  it('dateline: `DAMASCUS, June 9 (Reuters) -` takes its year from a header line', () => {
    const r = findReferenceDate('Published: Friday 9 June 2017\n\nDAMASCUS, June 9 (Reuters) - Troops moved.');
    assert.deepStrictEqual(r && { value: r.value, source: r.source }, { value: '2017-06-09', source: 'dateline' });
  });
  it('dateline with its own year, day first: `LONDON, 9 June 2017 -`', () => {
    const text = 'LONDON, 9 June 2017 - Ministers met.';
    const r = dateline.find(text)!;
    assert.strictEqual(r.value, '2017-06-09');
    assert.strictEqual(text.slice(r.start, r.end), '9 June 2017');
  });
  it('`WASHINGTON (AP) —` without a date gives none; a dateline without any year gives none', () => {
    assert.strictEqual(dateline.find('WASHINGTON (AP) — The president spoke.'), undefined);
    assert.strictEqual(dateline.find('DAMASCUS, June 9 (Reuters) - Troops moved on June 3.'), undefined);
  });
  it('a full date with the same month and day in the first lines gives the year', () => {
    const r = dateline.find('Posted on June 9, 2017 by staff\n\nBEIRUT, June 9 (AFP) - Shelling resumed.');
    assert.strictEqual(r?.value, '2017-06-09');
  });
  it('order: option, then header, then dateline, then the analyst\'s date', () => {
    const both = 'Date: 2017-06-10\n\nDAMASCUS, June 9, 2017 (Reuters) - Troops moved yesterday.';
    assert.strictEqual(analyze(both).referenceDate?.source, 'header');
    assert.strictEqual(analyze(both, { referenceDate: '2017-01-01' }).referenceDate?.value, '2017-01-01');
    const dl = 'DAMASCUS, June 9, 2017 (Reuters) - Troops moved yesterday.';
    const r = analyze(dl, { fallbackReferenceDate: '2010-01-01' });
    assert.deepStrictEqual([r.referenceDate?.value, r.referenceDate?.source], ['2017-06-09', 'dateline']);
    const y = r.annotations.find(a => a.text === 'yesterday')!;
    assert.strictEqual((y.value as TimexValue).timex, '2017-06-08');
    const none = analyze('Troops moved yesterday.', { fallbackReferenceDate: '2010-01-01' });
    assert.strictEqual(none.referenceDate?.source, 'analyst');
    assert.strictEqual((none.annotations.find(a => a.text === 'yesterday')!.value as TimexValue).timex, '2009-12-31');
  });

  it('a dateline without a year takes the year of its file name or folder, and says so', () => {
    const text = 'GOMA, Democratic Republic of Congo, Feb 7 (Reuters) - Rebels advanced on Wednesday.\n';
    const at = (fileName?: string) => analyze(text, { fileName }).referenceDate;
    assert.deepStrictEqual(at('/wires/reuters-20240207-goma.txt'), { value: '2024-02-07', source: 'dateline', start: 36, end: 41, yearFrom: 'the file name reuters-20240207-goma.txt' });
    assert.strictEqual(at('C:\\news\\goma 2023.txt')?.value, '2023-02-07');
    assert.strictEqual(at('/archive/2022/02/goma.txt')?.value, '2022-02-07');
    assert.strictEqual(at('/archive/goma.txt'), undefined);
    assert.strictEqual(at(undefined), undefined);
    // A December dateline in a file dated in January is of the year before.
    assert.strictEqual(analyze('BEIRUT, Dec 31 (AP) - Shelling went on.', { fileName: '2024-01-01-beirut.txt' }).referenceDate?.value, '2023-12-31');
    // The text's own year wins over the file's.
    assert.strictEqual(analyze('Date: 2019\n\nGOMA, Feb 7 (Reuters) - Rebels advanced.', { fileName: '2024-02-07.txt' }).referenceDate?.value, '2019-02-07');
    // The hover says where the year came from.
    const r = analyze(text, { fileName: '/wires/reuters-20240207-goma.txt' });
    const wed = r.annotations.find(a => a.text === 'Wednesday')!;
    assert.strictEqual((wed.value as TimexValue).timex, '2024-02-07');
    assert.match(hoverMarkdown(r, wed.start)!.markdown, /Article date: 2024-02-07 \(from the dateline, the year from the file name reuters-20240207-goma\.txt\)/);
  });
});

describe('timex: hover', function () {
  this.timeout(120000);
  it('shows the value in words and ISO, granularity, weekday, modifier and anchor', () => {
    const text = 'Date: 2017-06-09\n\nThe offensive began in early May and ended last Tuesday.';
    const r = analyze(text);
    const md = hoverMarkdown(r, text.indexOf('last Tuesday') + 2)!.markdown;
    assert.match(md, /Tuesday, 6 June 2017/);
    assert.match(md, /`2017-06-06`/);
    assert.match(md, /Granularity: day/);
    assert.match(md, /Weekday: Tuesday/);
    assert.match(md, /reference date 2017-06-09 \(header\)/);
    const may = hoverMarkdown(r, text.indexOf('early May') + 1)!.markdown;
    assert.match(may, /the start of May 2017/);
    assert.match(may, /mod START/);
  });
  it('says how to set the date when a value is unresolved', () => {
    const text = 'The offensive ended last Tuesday.';
    const md = hoverMarkdown(analyze(text), text.indexOf('Tuesday'))!.markdown;
    assert.match(md, /Dateline: Set Article Date/);
    assert.match(md, /Date: YYYY-MM-DD/);
    assert.match(md, /--reference-date/);
  });
});

describe('timex: calendar and words', () => {
  it('ISO weeks, Easter, Thanksgiving', () => {
    assert.deepStrictEqual(isoWeek({ y: 2017, m: 6, d: 9 }), { year: 2017, week: 23 });
    assert.deepStrictEqual(isoWeek({ y: 2021, m: 1, d: 3 }), { year: 2020, week: 53 });
    assert.deepStrictEqual(easter(2017), { y: 2017, m: 4, d: 16 });
    assert.deepStrictEqual(nthWeekday(1999, 11, 4, 4), { y: 1999, m: 11, d: 25 });
  });
  it('durations and sets in words', () => {
    assert.strictEqual(durationWords('P3M'), '3 months');
    assert.strictEqual(durationWords('PT5H30M'), '5 hours 30 minutes');
    assert.strictEqual(durationWords('PXY'), 'some years');
    assert.strictEqual(setWords('P1W', '3X'), '3 times a week');
    assert.strictEqual(setWords('XXXX-WXX-2'), 'every Tuesday');
  });
});
