// Token spans of a segment shared by the actors and gazetteer recognizers: the pipeline runs the recognizers
// one after another on each segment, so the second one reuses the first one's tokens instead of scanning the
// segment again. The spans are valid until the next call with another text (no recognizer calls back into
// another one while it reads them).
import { TokenSpans, tokenSpans } from '../text/tokenize';

const scratch = new TokenSpans(512);
let lastText: string | undefined;

export function segmentSpans(text: string): TokenSpans {
  if (text !== lastText) {
    tokenSpans(text, scratch);
    lastText = text;
  }
  return scratch;
}
