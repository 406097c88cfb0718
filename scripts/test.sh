#!/usr/bin/env bash
# README command 2: set up, build, and run the whole test suite through ctest.
# The PostGIS store tests get a throwaway PostgreSQL cluster (scripts/pgtest.sh) through
# SASARAN_TEST_PG_URI; it is stopped and removed on exit, even when tests fail. When no server
# can start, the PostGIS tests skip with a message and the rest still run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh

# shellcheck source=scripts/pgtest.sh
source scripts/pgtest.sh
trap pgtest_stop EXIT
if pgtest_start; then
  export SASARAN_TEST_PG_URI="$PGTEST_URI"
  echo "test: PostgreSQL for the store tests at $SASARAN_TEST_PG_URI"
else
  unset SASARAN_TEST_PG_URI
  echo "test: no PostgreSQL server could start; the PostGIS store tests will skip"
fi

cd build
ctest --output-on-failure --parallel "$(nproc)" --timeout 300
