// The extension tests' entry point (extensionTestsPath): VS Code calls run() inside the extension host, under
// code-server (runCodeServer.ts) or under @vscode/test-electron (runElectron.ts).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { format } from 'util';
import { report, type SuiteResult } from './result';

// Mocha's reporters print through Base.consoleLog: mark those lines for the launcher.
(Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog =
  (...args: unknown[]) => report(format(...args));

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.DATELINE_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const failed: string[] = [];
    const runner = mocha.run(failures => {
      const result: SuiteResult = {
        passes: runner.stats?.passes ?? 0,
        failures,
        pending: runner.stats?.pending ?? 0,
        failed,
        durationMs: Date.now() - started,
      };
      const out = process.env.DATELINE_E2E_RESULT;
      if (out) fs.writeFileSync(out, JSON.stringify(result));
      if (failures > 0) reject(new Error(`${failures} end-to-end tests failed`));
      else resolve();
    });
    runner.on('fail', test => failed.push(test.fullTitle()));
  });
}
