// The built knowledge the tests read: data/gazetteer.bin is built on first use (scripts/ensure-data.js).
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Builds data/gazetteer.bin if it is missing or older than its sources (a mocha `before` hook). */
export function ensureData(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ensure-data.js')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('could not build data/gazetteer.bin');
}
