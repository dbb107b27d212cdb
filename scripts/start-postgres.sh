#!/usr/bin/env bash
# Installs (if missing) and starts PostgreSQL 15 without systemd, with the role the tests and the compose file use.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends postgresql-15 postgresql-client-15
fi
pg_lsclusters -h | grep -q '^15 *main' || pg_createcluster 15 main --port 5432
pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='ketenaanpak'\"" | grep -q 1 || \
  su postgres -c "psql -q -c \"CREATE ROLE ketenaanpak LOGIN CREATEDB PASSWORD 'ketenaanpak'\""
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='ketenaanpak'\"" | grep -q 1 || \
  su postgres -c "psql -q -c \"CREATE DATABASE ketenaanpak OWNER ketenaanpak\""
# The bulk import skips the per-row foreign-key triggers for rows whose nodes it has just COPYed itself (ADR-008); that
# needs the right to set session_replication_role. A second role without that right lets the tests check the other path.
su postgres -c "psql -q -c \"GRANT SET ON PARAMETER session_replication_role TO ketenaanpak\""
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='ketenaanpak_beperkt'\"" | grep -q 1 || \
  su postgres -c "psql -q -c \"CREATE ROLE ketenaanpak_beperkt LOGIN PASSWORD 'ketenaanpak_beperkt'\""
