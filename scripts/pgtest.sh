#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS cluster for the tests.
#
# Sourced (scripts/test.sh):   source scripts/pgtest.sh; trap pgtest_stop EXIT; pgtest_start
#   pgtest_start sets PGTEST_URI (postgresql://sasaran_test@127.0.0.1:PORT/sasaran_test) and
#   returns non-zero, with a message, when no server can start.
# Run directly:                bash scripts/pgtest.sh COMMAND ARGS...
#   runs COMMAND with SASARAN_TEST_PG_URI set and removes the cluster afterwards.
#
# The cluster lives in a temporary folder owned by the `postgres` user (initdb refuses root),
# listens on 127.0.0.1 on a free port and on a unix socket inside that folder, and trusts local
# connections: it holds nothing but test data and is gone when the tests end.

PGTEST_BIN="${PGTEST_BIN:-/usr/lib/postgresql/15/bin}"
PGTEST_DIR=""
PGTEST_URI=""

_pgtest_as_postgres() {
  if [ "$(id -un)" = postgres ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    return 1
  fi
}

_pgtest_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pgtest_start() {
  if [ ! -x "$PGTEST_BIN/initdb" ]; then
    echo "pgtest: $PGTEST_BIN/initdb not found (install postgresql-15: scripts/setup.sh)" >&2
    return 1
  fi
  if ! id postgres >/dev/null 2>&1; then
    echo "pgtest: no postgres user to run the server as" >&2
    return 1
  fi
  if [ "$(id -u)" -ne 0 ] && [ "$(id -un)" != postgres ]; then
    echo "pgtest: must run as root or postgres to start a cluster" >&2
    return 1
  fi
  PGTEST_DIR="$(mktemp -d /tmp/sasaran-pgtest.XXXXXX)"
  chown postgres: "$PGTEST_DIR" 2>/dev/null || true
  chmod 700 "$PGTEST_DIR"
  if ! _pgtest_as_postgres "$PGTEST_BIN/initdb" -D "$PGTEST_DIR/data" -U postgres --auth=trust \
       --encoding=UTF8 --locale=C.UTF-8 >"$PGTEST_DIR/initdb.log" 2>&1; then
    echo "pgtest: initdb failed:" >&2; tail -5 "$PGTEST_DIR/initdb.log" >&2
    return 1
  fi
  local port attempt
  for attempt in 1 2 3 4 5; do
    port="$(_pgtest_free_port)"
    if _pgtest_as_postgres "$PGTEST_BIN/pg_ctl" -D "$PGTEST_DIR/data" -l "$PGTEST_DIR/server.log" -w -t 30 \
         -o "-c listen_addresses=127.0.0.1 -p $port -k $PGTEST_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" \
         start >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    echo "pgtest: the server did not start:" >&2; tail -5 "$PGTEST_DIR/server.log" >&2
    return 1
  fi
  local psql=("$PGTEST_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGTEST_DIR" -p "$port" -U postgres)
  if ! _pgtest_as_postgres "${psql[@]}" -d postgres >"$PGTEST_DIR/setup.log" 2>&1 <<SQL
CREATE ROLE sasaran_test LOGIN CREATEROLE;
CREATE DATABASE sasaran_test OWNER sasaran_test;
\connect sasaran_test
CREATE EXTENSION postgis;
GRANT CREATE ON DATABASE sasaran_test TO sasaran_test;
CREATE DATABASE sasaran_nopostgis OWNER sasaran_test;
SQL
  then
    echo "pgtest: setting up the test database failed:" >&2; tail -5 "$PGTEST_DIR/setup.log" >&2
    return 1
  fi
  PGTEST_URI="postgresql://sasaran_test@127.0.0.1:$port/sasaran_test"
  export PGTEST_URI PGTEST_DIR
  return 0
}

pgtest_stop() {
  if [ -n "$PGTEST_DIR" ] && [ -d "$PGTEST_DIR" ]; then
    if [ -f "$PGTEST_DIR/data/postmaster.pid" ]; then
      _pgtest_as_postgres "$PGTEST_BIN/pg_ctl" -D "$PGTEST_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PGTEST_DIR"
  fi
  PGTEST_DIR=""
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  trap pgtest_stop EXIT
  pgtest_start
  export SASARAN_TEST_PG_URI="$PGTEST_URI"
  echo "pgtest: $SASARAN_TEST_PG_URI" >&2
  if [ $# -gt 0 ]; then "$@"; else echo "pgtest: give a command to run" >&2; fi
fi
