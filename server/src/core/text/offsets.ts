// Offset arithmetic. The core works in UTF-16 code units (JavaScript string indexes);
// exports count Unicode code points (as brat, W3C Web Annotation and spaCy do);
// the CLI's `file:line:col` counts lines from 1 and columns in code points from 1.

/** How many entries of an ascending array are < x. */
function countLess(sorted: number[], x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Converts UTF-16 offsets of one text to code point offsets in O(log n) each. */
export class CodePointMapper {
  /** UTF-16 indexes of the low half of every valid surrogate pair. */
  private readonly lows: number[] = [];
  /** UTF-16 index just after every line break (\n, \r\n, lone \r). */
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { this.lows.push(i + 1); i++; continue; }
      }
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  /** Code point offset of a UTF-16 offset (an offset inside a pair counts as after its high half). */
  toCodePoint(utf16: number): number {
    return utf16 - countLess(this.lows, utf16);
  }

  /** UTF-16 offset of a code point offset. */
  fromCodePoint(cp: number): number {
    // Each pair before the target adds one code unit.
    let lo = 0, hi = this.lows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // code point index of the pair whose low half is at lows[mid]: lows[mid] - 1 - mid
      if (this.lows[mid] - 1 - mid < cp) lo = mid + 1; else hi = mid;
    }
    return cp + lo;
  }

  /** 1-based line and 1-based code point column of a UTF-16 offset. */
  lineCol(utf16: number): { line: number; col: number } {
    const line = countLess(this.lineStarts, utf16 + 1) - 1;
    const start = this.lineStarts[line];
    return { line: line + 1, col: this.toCodePoint(utf16) - this.toCodePoint(start) + 1 };
  }
}
