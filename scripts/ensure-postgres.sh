#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers for the sync tests (127.0.0.1:5432, or $BOCHUM_TEST_DATABASE_URL).
# Starts the machine's cluster if it is installed but stopped. The tests create and drop their own database.
set -uo pipefail
if [ -n "${BOCHUM_TEST_DATABASE_URL:-}" ]; then
  echo "ensure-postgres: using BOCHUM_TEST_DATABASE_URL"; exit 0
fi
if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "ensure-postgres: server answers on 127.0.0.1:5432"; exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "ensure-postgres: starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && { echo "ensure-postgres: up"; exit 0; }; read -rt 0.5 <> <(:) || true; done
fi
echo "ensure-postgres: no PostgreSQL reachable; PostgreSQL tests will fail if BOCHUM_REQUIRE_PG=1" >&2
exit 0
