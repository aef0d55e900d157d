// Where an article's own date is read from, in order. Register a source by adding it here.
import type { ReferenceDate, ReferenceDateSource } from '../api';
import { dateline } from './dateline';
import { headerLine } from './header';

export const referenceDateSources: readonly ReferenceDateSource[] = [headerLine, dateline].sort((a, b) => a.order - b.order);

/** The article's own date, from the first source that finds one. */
export function findReferenceDate(text: string, fileName?: string): ReferenceDate | undefined {
  for (const source of referenceDateSources) {
    const found = source.find(text, fileName);
    if (found) return found;
  }
  return undefined;
}
