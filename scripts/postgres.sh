#!/usr/bin/env bash
# Starts a local PostgreSQL for the tests (installing Debian's packages when missing) and prints
# the url the tests use (MENTOR_BOT_TEST_POSTGRES). Tuned for tests: no fsync. Idempotent.
# With MENTOR_BOT_TEST_POSTGRES already set, it only prints that.
set -euo pipefail
if [ -n "${MENTOR_BOT_TEST_POSTGRES:-}" ]; then
    echo "$MENTOR_BOT_TEST_POSTGRES"
    exit 0
fi
sudo_or_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "installing PostgreSQL from the distribution's packages" >&2
    sudo_or_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    sudo_or_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
if [ -z "$(pg_lsclusters -h)" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    sudo_or_root pg_createcluster "$version" main >&2
fi
read -r version cluster port status _ < <(pg_lsclusters -h | head -1)
if [ "$status" != online ]; then
    sudo_or_root pg_ctlcluster "$version" "$cluster" start -- \
        -o "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >&2
fi
for _ in $(seq 1 50); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 0.2
done
sudo_or_root runuser -u postgres -- psql -q -p "$port" -c "DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mentor') THEN
        CREATE ROLE mentor LOGIN SUPERUSER PASSWORD 'mentor';
    END IF; END \$\$;" >&2
echo "postgres://mentor:mentor@127.0.0.1:$port/postgres"
