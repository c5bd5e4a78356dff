#!/usr/bin/env bash
# The whole test suite, as CI runs it: everything on SQLite (`cargo test --workspace`), then the
# end-to-end suite and the multi-process test on a local PostgreSQL (started by postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
url=$(scripts/postgres.sh)
echo "== tests on SQLite"
cargo test --workspace
echo "== tests on PostgreSQL"
MENTOR_BOT_TEST_POSTGRES="$url" cargo test --test e2e --test multi_process
