#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the durable background hooks' tests, benchmarks and example.
#
#   scripts/postgres.sh start [DIR]   initdb into DIR (default: a new temporary folder), start the server on a
#                                     free loopback port, print its connection string on stdout (alone)
#   scripts/postgres.sh stop DIR      stop that server and delete DIR
#
#   export ConnectionStrings__AgnoHooks="$(scripts/postgres.sh start /tmp/agno-hooks-pg)"
#   ...
#   scripts/postgres.sh stop /tmp/agno-hooks-pg
#
# PostgreSQL refuses to run as root: as root the cluster belongs to the 'postgres' user that Debian's package
# creates (commands run through runuser); as anyone else it belongs to you. Trust authentication, on
# 127.0.0.1 only: for tests, never for data you keep. PostgreSQL itself: scripts/install-test-dependencies.sh.
set -euo pipefail

find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ]; then echo "$PG_BIN"; return; fi
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  done
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  echo "PostgreSQL is not installed (no initdb/pg_ctl in /usr/lib/postgresql/*/bin or on PATH): run scripts/install-test-dependencies.sh." >&2
  exit 3
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "No free loopback port found." >&2
  exit 4
}

start() {
  local bin dir port log
  bin=$(find_bin)
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "Running as root needs the 'postgres' system user (Debian's postgresql package creates it): run scripts/install-test-dependencies.sh." >&2
    exit 3
  fi

  if [ $# -ge 1 ] && [ -n "$1" ]; then
    dir=$1
    if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
      echo "$dir exists and is not empty; stop the cluster there first (scripts/postgres.sh stop $dir) or pick another folder." >&2
      exit 2
    fi
    mkdir -p "$dir"
  else
    dir=$(mktemp -d "${TMPDIR:-/tmp}/agno-hooks-pg.XXXXXX")
  fi
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"

  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 5; }

  log="$dir/server.log"
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    # Sockets in the cluster's own folder: /var/run/postgresql may not exist or not be writable.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=200" start >"$dir/pg_ctl.log" 2>&1; then
      echo "$port" >"$dir/port"
      echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir; stop it with: scripts/postgres.sh stop $dir" >&2
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      return 0
    fi
  done
  cat "$dir/pg_ctl.log" "$log" >&2 2>/dev/null || true
  echo "PostgreSQL did not start (see above)." >&2
  exit 6
}

stop() {
  local bin dir
  if [ $# -lt 1 ] || [ -z "$1" ]; then
    echo "usage: scripts/postgres.sh stop DIR (the folder 'start' printed)" >&2
    exit 2
  fi
  dir=$1
  if [ ! -d "$dir" ]; then
    return 0
  fi
  bin=$(find_bin)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: scripts/postgres.sh start [DIR] | stop DIR" >&2; exit 2 ;;
esac
