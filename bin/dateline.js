#!/usr/bin/env node
'use strict';
// Dateline's command line: the same analysis core as the language server. See README, "The CLI".
let cli;
try {
  cli = require('../server/out/cli.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('server/out/cli.js')) {
    process.stderr.write('dateline: the core is not built yet; run `npm run build` first.\n');
    process.exit(2);
  }
  throw e;
}
const code = cli.main(process.argv.slice(2));
process.exitCode = code;
