// Whether a name stands in subject position and acts: `Russia brokered`, `Washington has declared`,
// `Moscow and Tehran backed`. Used by the actors refiner (a country or capital that acts gets its government
// as actor) and by the places refiner (an acting capital is the capital, and says little about where the
// story happens).
import type { Annotation } from '../types';

/** Verbs (and auxiliaries) after a subject that acts. */
const ACTS = new Set(('said says say denied denies deny has have had will would could should must may might can brokered brokers ' +
  'announced announces declared declares accused accuses warned warns rejected rejects condemned condemns agreed agrees signed signs ' +
  'launched launches sent sends deployed deploys struck strikes imposed imposes threatened threatens backed backs supported supports ' +
  'welcomed welcomes urged urges called calls demanded demands claimed claims insisted insists confirmed confirms responded responds ' +
  'retaliated retaliates vowed vows pledged pledges offered offers refused refuses recognized recognised recognizes recognises approved ' +
  'approves ordered orders expelled expels summoned summons sanctioned blamed blames invaded invades annexed attacked attacks bombed ' +
  'shelled fired seized captured recaptured withdrew withdraws negotiated mediated mediates hosted hosts asked asks told tells wants ' +
  'wanted sought seeks plans planned intends opposed opposes criticized criticised criticizes criticises praised hopes believes ' +
  'considers admitted acknowledged promised reiterated stressed maintained argued noted added dismissed denounced suspended resumed ' +
  'recalled closed reopened blocked halted allowed agreed accepted proposed unveiled issued released delivered supplied armed funded ' +
  'helped aided joined led leads began begins started starts stepped continued continues also reportedly').split(' '));

/** Whether a char code is JS white space (what `\s` matches). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The first word after `end` (white space skipped, ASCII letters, within 40 characters), lower-cased, or ''. */
function wordAfter(text: string, end: number): string {
  const limit = Math.min(text.length, end + 40);
  let i = end;
  while (i < limit && isSpace(text.charCodeAt(i))) i++;
  const s = i;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
  }
  return i > s ? text.slice(s, i).toLowerCase() : '';
}


/** A test over the annotations of one document; `isName` says which neighbours may be coordinated subjects. */
export function actingTest(text: string, annotations: readonly Annotation[], isName: (a: Annotation) => boolean): (a: Annotation) => boolean {
  const sorted = annotations.filter(isName).sort((a, b) => a.start - b.start);
  const next = new Map<Annotation, Annotation>();
  for (let i = 0; i + 1 < sorted.length; i++) next.set(sorted[i], sorted[i + 1]);
  const acts = (a: Annotation, depth: number): boolean => {
    const w = wordAfter(text, a.end);
    if (!w) return false;
    if (ACTS.has(w)) return true;
    if (w === 'and' && depth === 0) {
      const b = next.get(a);
      if (b && b.start - a.end <= 6) return acts(b, 1);
    }
    return false;
  };
  return a => acts(a, 0);
}
