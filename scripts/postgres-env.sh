# Sourced by scripts/test and .ci/run: points Backstage's TestDatabases at
# a local PostgreSQL so that every store test runs on SQLite and PostgreSQL.
# shellcheck shell=bash

if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  pg_host="${PGHOST_FOR_TESTS:-127.0.0.1}"
  if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h "$pg_host" -p 5432; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      echo "Starting the local PostgreSQL" >&2
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start >&2 || true
      for _ in 1 2 3 4 5 6 7 8 9 10; do
        pg_isready -q -h "$pg_host" -p 5432 && break
        sleep 1
      done
    fi
  fi
  if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$pg_host" -p 5432; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@$pg_host:5432"
  else
    echo "No PostgreSQL on $pg_host:5432: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING to run the store tests on PostgreSQL too" >&2
  fi
fi
