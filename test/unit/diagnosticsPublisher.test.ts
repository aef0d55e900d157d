// The publisher sends diagnostics only when they differ from the last ones it sent for the document. What the
// editor holds must then always be what a full publish of the current version would send: checked here over
// random edits of a generated article (a character typed or deleted anywhere, a line break added or removed),
// against diagnostics made afresh for every version.
import * as assert from 'assert';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { Analyzer } from '../../server/src/core';
import { DiagnosticsPublisher, sameDiagnostics } from '../../server/src/lsp/diagnostics';
import type { AnalysedParams } from '../../server/src/lsp/protocol';
import { Snapshot } from '../../server/src/lsp/snapshot';
import { NewsGenerator, rng } from '../helpers/newsText';

/** A connection that records what the publisher sends. */
function recorder() {
  const sent: PublishDiagnosticsParams[] = [];
  const analysed: AnalysedParams[] = [];
  const connection = {
    sendDiagnostics: (p: PublishDiagnosticsParams) => { sent.push(p); return Promise.resolve(); },
    sendNotification: (_type: unknown, p: AnalysedParams) => { analysed.push(p); return Promise.resolve(); },
  } as unknown as Connection;
  return { connection, sent, analysed };
}

const URI = 'file:///tmp/edits.news';
const README = 'file:///tmp/README.md';

describe('diagnostics publisher', () => {
  it('publishes only changed diagnostics, and the editor always holds those of the current version', function () {
    this.timeout(120000);
    const { connection, sent, analysed } = recorder();
    const publisher = new DiagnosticsPublisher(connection, README);
    const fresh = new DiagnosticsPublisher(recorder().connection, README);
    const analyzer = new Analyzer();
    const r = rng(17);
    let text = new NewsGenerator(23).text(24 * 1024);
    let skipped = 0;
    for (let version = 1; version <= 150; version++) {
      if (version > 1) {
        const at = Math.floor(r() * text.length);
        const kind = r();
        if (kind < 0.45) text = text.slice(0, at) + 'abc 7,.'[Math.floor(r() * 7)] + text.slice(at);
        else if (kind < 0.9) text = text.slice(0, at) + text.slice(at + 1);
        else if (kind < 0.95) text = text.slice(0, at) + '\n' + text.slice(at);
        else { const nl = text.indexOf('\n', at); if (nl >= 0) text = text.slice(0, nl) + text.slice(nl + 1); }
      }
      const result = analyzer.analyze(text, { referenceDate: '2023-03-14' });
      const snapshot = new Snapshot(URI, version, text);
      const published = publisher.publish({ uri: URI, version, result, snapshot, elapsedMs: 0 });
      if (!published) skipped++;
      const held = sent[sent.length - 1];
      const expected = result.findings.map(f => fresh.toDiagnostic(f, snapshot));
      assert.deepStrictEqual(held.diagnostics, expected, `version ${version}: the editor holds stale diagnostics`);
      assert.strictEqual(held.version, published ? version : held.version);
      const a = analysed[analysed.length - 1];
      assert.deepStrictEqual(a, {
        uri: URI, version, referenceDate: '2023-03-14', annotationCount: result.annotations.length,
        findingCount: result.findings.length, diagnosticsPublished: published,
      });
    }
    assert.strictEqual(analysed.length, 150);
    assert.strictEqual(sent.length + skipped, 150);
    // Most edits of an article leave its diagnostics as they were; some move or change them.
    assert.ok(skipped > 50 && sent.length > 10, `${skipped} skipped, ${sent.length} published`);
  });

  it('publishes afresh after the document is closed and opened again', () => {
    const { connection, sent } = recorder();
    const publisher = new DiagnosticsPublisher(connection, README);
    const text = 'The camp covered 550sq/km.\n';
    const result = new Analyzer().analyze(text);
    assert.ok(result.findings.length > 0);
    const analysed = (version: number) => ({ uri: URI, version, result, snapshot: new Snapshot(URI, version, text), elapsedMs: 0 });
    assert.strictEqual(publisher.publish(analysed(1)), true);
    assert.strictEqual(publisher.publish(analysed(2)), false);
    publisher.clear(URI);
    assert.deepStrictEqual(sent[sent.length - 1].diagnostics, []);
    assert.strictEqual(publisher.publish(analysed(1)), true);
    assert.strictEqual(sent[sent.length - 1].diagnostics.length, result.findings.length);
  });

  it('tells diagnostics apart by range, message, related information and severity', () => {
    const d = {
      range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } }, severity: 2 as const, source: 'dateline',
      code: 'DL103', message: 'm', codeDescription: { href: 'x#a' },
      relatedInformation: [{ location: { uri: URI, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } }, message: 'r' }],
    };
    const copy = () => JSON.parse(JSON.stringify(d)) as typeof d;
    assert.ok(sameDiagnostics([d], [copy()]));
    const variants: ((x: typeof d) => void)[] = [
      x => { x.range.end.character++; },
      x => { x.range.start.line++; },
      x => { x.message = 'n'; },
      x => { (x as { severity: number }).severity = 1; },
      x => { x.code = 'DL104'; },
      x => { x.codeDescription.href = 'x#b'; },
      x => { x.relatedInformation[0].message = 's'; },
      x => { x.relatedInformation[0].location.range.start.character = 1; },
      x => { x.relatedInformation.push(x.relatedInformation[0]); },
      x => { delete (x as { relatedInformation?: unknown }).relatedInformation; },
    ];
    for (const change of variants) {
      const x = copy();
      change(x);
      assert.ok(!sameDiagnostics([d], [x]), `${change}`);
    }
    assert.ok(!sameDiagnostics([d], [d, d]));
  });
});
