#!/usr/bin/env bash
# The one command that runs every test on a fresh Debian machine: installs and starts what the tests need
# (PostgreSQL 15, Chromium, docker-compose v1 for validating the compose file), builds, runs every test project,
# and ends with "N passed, N failed, N skipped" counted from the TRX result files. Exit code 1 if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
# Test hosts watch files by polling: hundreds of hosts would exhaust the inotify budget (128 instances per user).
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_USE_POLLING_FILE_WATCHER=true

missing=()
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15 postgresql-client-15)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
# node + npm run Neo4j's Cypher grammar (tools/cypher-lint); networkx is the independent reader of our GraphML exports.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1 || missing+=(python3-networkx)
# pdftotext/pdftoppm read back the minutes PDF that headless Chromium prints (issue 7).
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# faketime runs the non-browser tests a second time 400 days ahead: the suite must pass on any date (issue 14).
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
fi

echo "== starting PostgreSQL"
bash scripts/start-postgres.sh || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }

results=artifacts/test-results
rm -rf "$results" && mkdir -p "$results"
failed_steps=0

echo "== validating docker-compose.yml"
if KETENAANPAK_DB_PASSWORD=validation-only docker-compose -f docker-compose.yml config -q; then echo "docker-compose.yml is valid"; else echo "docker-compose.yml is INVALID"; failed_steps=$((failed_steps + 1)); fi

echo "== installing the Cypher grammar checker (tools/cypher-lint)"
(cd tools/cypher-lint && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci in tools/cypher-lint failed"; failed_steps=$((failed_steps + 1)); }

echo "== building"
if ! dotnet build Ketenaanpak.Graph.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  # Category=Slow (large sweeps against the igraph peer) is opt-in: run with --filter Category=Slow by hand.
  if ! dotnet test "$project" -c Release --no-build --nologo --filter "Category!=Slow" --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
       --logger "console;verbosity=minimal"; then
    [ -f "$results/$name.trx" ] || { echo "$name produced no results (crashed?)"; failed_steps=$((failed_steps + 1)); }
  fi
done

# The same non-browser tests 400 days ahead of the real clock. Test hosts pin their own clock (TestKit.PinnedClock), so
# what this catches is a "now" read past the injected TimeProvider, or test data dated against the real clock. Only the
# test host runs under libfaketime (vstest's own console loses its connection to a faked host). The monotonic clock is
# shifted too: with only the wall clock moved, .NET's timed waits ended at once (the web host's start-up wait, Npgsql's
# reads). PostgreSQL keeps the real date, as a server elsewhere would. ClockGuardTests fails this run if the clock did
# not move.
faketime_lib=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 2>/dev/null | head -1)
real_today=$(date -u +%F)
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  case "$name" in *Browser*) continue ;; esac
  echo "== $name, 400 days ahead (faketime)"
  if [ -z "$faketime_lib" ]; then echo "libfaketime not found"; failed_steps=$((failed_steps + 1)); break; fi
  if ! dotnet test "$project" -c Release --no-build --nologo --filter "Category!=Slow" --logger "trx;LogFileName=$name.faketime.trx" --results-directory "$results" \
       --logger "console;verbosity=minimal" -- RunConfiguration.EnvironmentVariables.LD_PRELOAD="$faketime_lib" \
       RunConfiguration.EnvironmentVariables.FAKETIME="+400d" \
       RunConfiguration.EnvironmentVariables.KETENAANPAK_REAL_TODAY="$real_today"; then
    [ -f "$results/$name.faketime.trx" ] || { echo "$name (faketime) produced no results (crashed?)"; failed_steps=$((failed_steps + 1)); }
  fi
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
failed=$((failed + failed_steps))
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
