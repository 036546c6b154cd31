#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests and benchmarks: its own cluster in a temporary
# directory, listening on 127.0.0.1 only (a free port) with its unix socket inside that directory.
#
#   .ci/postgres.sh run CMD…         start, run CMD with REVIEWER_TEST_PG_URL set, stop (also when
#                                    CMD fails or is interrupted); exits with CMD's status.  If no
#                                    server can be had: under CI=true that fails; otherwise CMD
#                                    runs without it (the PostgreSQL tests skip)
#   .ci/postgres.sh start [--durable]  start one; prints the directory, whose file `url` holds the URL
#   .ci/postgres.sh stop DIR         stop it and remove DIR
#
# The URL names a role that may create databases (each store test gets a fresh one) and drop them
# WITH (FORCE) even while an autovacuum worker is in one (pg_signal_backend).  Without --durable
# the server runs with fsync and autovacuum off: a test cluster is thrown away, it need not survive
# a power cut; benchmarks pass --durable so commits are as safe as SQLite's (synchronous=FULL).
# Debian's `postgresql` package is installed when missing (as root, like .ci/system-deps.sh).
# initdb refuses to run as root: as root the cluster belongs to the `postgres` system user.
set -euo pipefail

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] && command -v initdb >/dev/null; then d=$(dirname "$(command -v initdb)"); fi
  echo "$d"
}

ensure_installed() {
  [ -n "$(pg_bindir)" ] && [ -x "$(pg_bindir)/initdb" ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "installing system package: postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  if [ -z "$(pg_bindir)" ]; then
    echo "postgres.sh: PostgreSQL is not installed (as root: apt-get install postgresql)" >&2
    exit 1
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Runs a server program as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Every step checks its own status: `run` calls this in an `if`, where `set -e` does not apply.
start() {
  local durable=0
  [ "${1:-}" = "--durable" ] && durable=1
  ensure_installed || return 1
  local bin dir port pw
  bin=$(pg_bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/reviewer-pg.XXXXXX") || return 1
  [ -d "$dir" ] || return 1
  chmod 700 "$dir" || return 1
  pw=$(python3 -c 'import secrets; print(secrets.token_hex(16))') || return 1
  printf '%s\n' "$pw" >"$dir/pw" && chmod 600 "$dir/pw" || return 1
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 ||
      useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres || return 1
    chown -R postgres "$dir" || return 1
  fi
  as_owner "$bin/initdb" -D "$dir/data" -U reviewer_admin --pwfile="$dir/pw" -E UTF8 --locale=C.UTF-8 \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    rm -rf "$dir"
    exit 1
  }
  local opts="-c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=200"
  [ "$durable" -eq 0 ] &&
    opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off"
  local tries=0
  while :; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port $opts" start >/dev/null 2>&1; then
      break
    fi
    tries=$((tries + 1))
    if [ "$tries" -ge 3 ]; then
      cat "$dir/server.log" >&2 || true
      rm -rf "$dir"
      exit 1
    fi
  done
  echo "$port" >"$dir/port"
  PGPASSWORD=$pw "$bin/psql" -q -h 127.0.0.1 -p "$port" -U reviewer_admin -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE reviewer LOGIN CREATEDB PASSWORD '$pw'" \
    -c "GRANT pg_signal_backend TO reviewer" \
    -c "CREATE DATABASE reviewer OWNER reviewer" >/dev/null || {
    stop "$dir"
    exit 1
  }
  echo "postgresql+psycopg://reviewer:$pw@127.0.0.1:$port/reviewer" >"$dir/url"
  echo "$dir"
}

stop() {
  local dir=${1:?usage: postgres.sh stop DIR}
  [ -f "$dir/data/PG_VERSION" ] || { echo "postgres.sh: $dir is not a cluster made by start" >&2; exit 1; }
  as_owner "$(pg_bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

run() {
  [ $# -gt 0 ] || { echo "usage: postgres.sh run CMD…" >&2; exit 2; }
  local dir status=0
  if dir=$(start); then
    trap 'stop "$dir"' EXIT
    trap 'exit 130' INT TERM
    REVIEWER_TEST_PG_URL=$(cat "$dir/url") "$@" || status=$?
  elif [ "${CI:-}" = "true" ]; then
    echo "postgres.sh: the PostgreSQL test server did not start" >&2
    exit 1
  else
    # A developer's machine without PostgreSQL (and not root): the PostgreSQL cases skip, saying why.
    echo "postgres.sh: no PostgreSQL test server; its tests will be skipped" >&2
    "$@" || status=$?
  fi
  exit "$status"
}

cmd=${1:-}
shift || true
case "$cmd" in
  start) start "$@" ;;
  stop) stop "$@" ;;
  run) run "$@" ;;
  *) echo "usage: postgres.sh start [--durable] | stop DIR | run CMD…" >&2; exit 2 ;;
esac
