#!/usr/bin/env node
// Builds data/gazetteer.bin (npm run build:data) when it is missing or older than what it is built from:
// the build script, the key/format/prior code it shares with the server, the curated supplement, and the
// installed source packages. Plain JavaScript so that `npm run build` can call it before anything is compiled.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'data', 'gazetteer.bin');
const inputs = [
  'scripts/build-knowledge.ts',
  'server/src/core/geo/keys.ts', 'server/src/core/geo/format.ts', 'server/src/core/geo/prior.ts',
  ...fs.readdirSync(path.join(root, 'data', 'supplement')).map(f => `data/supplement/${f}`),
  'package-lock.json',
].map(p => path.join(root, p));

function mtime(p) { try { return fs.statSync(p).mtimeMs; } catch { return 0; } }

const built = mtime(out);
const newest = Math.max(...inputs.map(mtime));
if (built > 0 && built >= newest) process.exit(0);
console.log(built === 0 ? 'data/gazetteer.bin missing: building it' : 'data/gazetteer.bin out of date: rebuilding it');
const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(root, 'scripts', 'build-knowledge.ts')], { cwd: root, stdio: 'inherit' });
process.exit(r.status === null ? 1 : r.status);
