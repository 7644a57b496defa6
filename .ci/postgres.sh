#!/usr/bin/env bash
# A throwaway PostgreSQL on loopback for the tests: sourced by .ci/run (and by hand:
# `source .ci/postgres.sh`). Exports TP_TUI_TEST_PG; stops the server and removes its files on exit.
# Trust authentication on 127.0.0.1 only: no password anywhere, and nothing outside reaches it.
# Sourced after `set -euo pipefail`, so any failing step stops the run.

_pg_bin() {
    # Debian puts the server binaries outside PATH; some machines link them into /usr/local/bin.
    local candidate
    for candidate in "$(command -v initdb 2>/dev/null || true)" /usr/lib/postgresql/*/bin/initdb; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            dirname "$(readlink -f "$candidate")"
            return 0
        fi
    done
    return 1
}

if ! PG_BIN="$(_pg_bin)"; then
    # CI runs as root on a fresh machine: take the server from the system's packages.
    export DEBIAN_FRONTEND=noninteractive
    # Only the throwaway server below is needed: no "main" cluster (nor a server started on 5432).
    mkdir -p /etc/postgresql-common/createcluster.d
    echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.d/tp-ci.conf
    # A fresh VM may still be running its boot-time apt jobs: wait for their locks, do not fail.
    for _ in 1 2 3 4 5 6; do apt-get update -q >/dev/null && break || sleep 10; done
    apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 postgresql >/dev/null
    PG_BIN="$(_pg_bin)"
fi

# The server refuses to run as root: run it as an unprivileged user.
PG_RUN=()
if [ "$(id -u)" = 0 ]; then
    id tp_pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin tp_pg
    PG_RUN=(runuser -u tp_pg --)
fi

TP_PG_DIR="$(mktemp -d /tmp/tp-pg.XXXXXX)"
chmod 0755 "$TP_PG_DIR"
[ "${#PG_RUN[@]}" = 0 ] || chown tp_pg "$TP_PG_DIR"
TP_PG_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

"${PG_RUN[@]}" "$PG_BIN/initdb" -D "$TP_PG_DIR/data" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 >"$TP_PG_DIR/initdb.log" 2>&1 || {
    cat "$TP_PG_DIR/initdb.log" >&2
    exit 1
}
# One role must give its password (from ~/.pgpass or PGPASSFILE), to test that path; the rest
# is trusted on loopback. First match wins, so its line comes first.
PASSWORD_ROLE=tp_pgpass
cat >"$TP_PG_DIR/data/pg_hba.conf" <<HBA
local all all trust
host all $PASSWORD_ROLE 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
HBA
# Many xdist workers each create databases: allow enough connections; fsync off (throwaway).
"${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$TP_PG_DIR/data" -l "$TP_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $TP_PG_PORT -k $TP_PG_DIR -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || {
    cat "$TP_PG_DIR/server.log" >&2
    exit 1
}

_tp_pg_stop() {
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$TP_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$TP_PG_DIR"
}
trap _tp_pg_stop EXIT

export TP_TUI_TEST_PG="postgresql://postgres@127.0.0.1:$TP_PG_PORT/postgres"
# pg_dump for the backup tests, if it is not on PATH already.
export PATH="$PATH:$PG_BIN"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$TP_PG_PORT" >&2
