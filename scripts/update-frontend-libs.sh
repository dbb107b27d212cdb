#!/usr/bin/env bash
# Refreshes the front-end libraries committed under wwwroot/lib from the versions pinned in wwwroot/lib/package.json
# and package-lock.json (ADR-007). Not needed to build, test or run the app: the copied files are committed.
set -euo pipefail
cd "$(dirname "$0")/../wwwroot/lib"
npm ci --ignore-scripts --no-audit --no-fund
copy() { mkdir -p "$1"; cp "node_modules/$1/$2" "$1/"; cp "node_modules/$1/LICENSE" "$1/LICENSE"; }
copy cytoscape dist/cytoscape.min.js
copy layout-base layout-base.js
copy cose-base cose-base.js
copy cytoscape-fcose cytoscape-fcose.js
rm -rf node_modules
echo "wwwroot/lib refreshed: $(ls -d */ | tr '\n' ' ')"
