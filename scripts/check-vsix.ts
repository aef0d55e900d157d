// Checks a packaged extension: the VSIX holds what the extension needs and nothing it should not, and the
// server inside it starts on its own (its own node_modules and data, no project around it) and answers.
//   node -r ts-node/register/transpile-only scripts/check-vsix.ts [dateline-<version>.vsix]
// Exit code 0 when all is well, 1 with the reason otherwise.
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const vsix = path.resolve(process.argv[2] ?? path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`));

function fail(message: string): never {
  console.error(`[check-vsix] FAIL: ${message}`);
  process.exit(1);
}

function extract(file: string, dir: string): void {
  // unzip when the machine has it, else Python's zipfile (one of the two is on any Debian image with python3).
  let r = spawnSync('unzip', ['-q', '-o', file, '-d', dir], { stdio: 'inherit' });
  if (r.error) r = spawnSync('python3', ['-m', 'zipfile', '-e', file, dir], { stdio: 'inherit' });
  if (r.status !== 0) fail(`could not extract ${file}`);
}

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  });
}

/** A minimal LSP client over stdio (Content-Length framing). */
class StdioClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, (result: unknown) => void>();
  readonly notifications: { method: string; params: any }[] = [];
  private listeners: (() => void)[] = [];

  constructor(private readonly child: ReturnType<typeof spawn>) {
    child.stdout!.on('data', (d: Buffer) => this.receive(d));
  }

  private receive(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (msg.id !== undefined && msg.method === undefined) {
        this.pending.get(msg.id)?.(msg.error ? { error: msg.error } : msg.result);
        this.pending.delete(msg.id);
      } else if (msg.id !== undefined) {
        // A request from the server (workspace/configuration, client/registerCapability...): answer null.
        this.write({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => null) : null });
      } else {
        this.notifications.push(msg);
        for (const l of this.listeners) l();
      }
    }
  }

  private write(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise(resolve => { this.pending.set(id, resolve); this.write({ jsonrpc: '2.0', id, method, params }); });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  waitFor(what: string, pred: (n: { method: string; params: any }) => boolean, ms: number): Promise<{ method: string; params: any }> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.notifications.find(pred);
        if (hit) { clearTimeout(timer); this.listeners = this.listeners.filter(l => l !== check); resolve(hit); }
      };
      const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
      this.listeners.push(check);
      check();
    });
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(vsix)) fail(`${vsix} not found: run npm run package first`);
  const size = fs.statSync(vsix).size;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-vsix-'));
  try {
    extract(vsix, tmp);
    const ext = path.join(tmp, 'extension');
    const files = listFiles(ext);
    console.log(`[check-vsix] ${path.basename(vsix)}: ${(size / 1e6).toFixed(2)} MB, ${files.length} files`);

    for (const needed of ['package.json', 'client/out/extension.js', 'server/out/server.js', 'syntaxes/news.tmLanguage.json',
      'language-configuration.json', 'node_modules/vscode-languageclient/package.json', 'node_modules/vscode-languageserver/package.json',
      /* the server's start-up rehearsal edits them */ 'samples/river-crossing.news', 'samples/field-report.news']) {
      if (!files.includes(needed)) fail(`missing ${needed}`);
    }
    if (!files.some(f => /^readme\.md$/i.test(f))) fail('missing README');
    if (!files.some(f => /^license(\.txt|\.md)?$/i.test(f))) fail('missing LICENSE');
    if (!files.some(f => f.startsWith('data/'))) fail('missing data/');
    const unwanted = files.filter(f => /(^|\/)(src|test|\.tools|\.ci|scripts|samples)\//.test(f) && !f.startsWith('node_modules/') &&
      f !== 'samples/river-crossing.news' && f !== 'samples/field-report.news'
      || /\.(ts|map)$/.test(f) && !f.endsWith('.d.ts') || f.endsWith('.vsix'));
    if (unwanted.length) fail(`files that do not belong in the VSIX: ${unwanted.slice(0, 10).join(', ')}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
    if (!fs.existsSync(path.join(ext, manifest.main))) fail(`main ${manifest.main} is not in the VSIX`);

    // The packaged server, started from a folder with no node_modules above it.
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(ext, 'server', 'out', 'server.js'), '--stdio'], {
      cwd: tmp, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', d => { stderr += d.toString(); });
    child.on('exit', code => { if (code) console.error(`[check-vsix] server exited with ${code}\n${stderr}`); });
    const client = new StdioClient(child);
    const init = await client.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { referenceDates: {} } });
    if (!init?.capabilities?.semanticTokensProvider) fail(`initialize answered ${JSON.stringify(init)}`);
    client.notify('initialized', {});
    const uri = 'file:///tmp/check-vsix/article.news';
    const text = 'KABUL (Check) - The camp covers 550sq/km and lies 28 miles from the border.\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'news', version: 1, text } });
    const diags = await client.waitFor('diagnostics', n => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.diagnostics.length > 0, 20_000);
    const firstDiagnosticsMs = Date.now() - started;
    const codes = diags.params.diagnostics.map((d: { code: unknown }) => (typeof d.code === 'object' && d.code ? (d.code as { value: string }).value : d.code));
    if (!codes.includes('DL101')) fail(`expected DL101 among ${JSON.stringify(codes)}`);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: text.indexOf('28 miles') + 1 } });
    const hoverText = JSON.stringify(hover);
    if (!/45,061\.632 m/.test(hoverText)) fail(`hover without the SI value: ${hoverText}`);
    await client.request('shutdown', null);
    client.notify('exit', null);
    await new Promise(r => child.once('exit', r));
    console.log(`[check-vsix] packaged server: started and published DL101 in ${firstDiagnosticsMs} ms, hover shows 45,061.632 m; exited cleanly`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(() => console.log('[check-vsix] OK'), e => fail(e instanceof Error ? e.message : String(e)));
