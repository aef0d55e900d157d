// The same end-to-end suite in desktop VS Code (Electron), through @vscode/test-electron.
// It downloads VS Code from Microsoft's update server and needs a display (or xvfb-run): for machines with
// internet, not for CI here (CI uses runCodeServer.ts). VSCODE_VERSION picks the version (default: stable).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import type { SuiteResult } from './suite/result';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const resultFile = path.join(tmp, 'result.json');
  const code = await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'test', 'e2e', 'out', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', path.join(tmp, 'user-data')],
    extensionTestsEnv: { DATELINE_E2E_RESULT: resultFile, DATELINE_E2E_TMP: tmp },
  });
  let result: SuiteResult | undefined;
  try { result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult; } catch { /* none */ }
  console.log(`[e2e:electron] exit code ${code}; result: ${result ? JSON.stringify(result) : 'none'}`);
  const ok = code === 0 && result !== undefined && result.failures === 0 && result.passes > 0;
  if (ok) fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  return ok ? 0 : 1;
}

main().then(code => process.exit(code), error => {
  console.error('[e2e:electron] failed to run the tests:', error instanceof Error ? error.message : error);
  process.exit(1);
});
