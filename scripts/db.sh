#!/usr/bin/env bash
# Starts, stops or reports the PostgreSQL cluster that belongs to this checkout.
# Usage: scripts/db.sh start|stop|status
# The cluster lives in .pgdata/ (or, when the postgres user cannot reach this folder,
# in a folder under /tmp named after it), listens only on a Unix socket inside its
# own folder, and its address is written to .pgdata.env for Django to read.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
action=${1:-start}

find_bindir() {
  local dir=""
  if command -v pg_config >/dev/null 2>&1; then dir=$(pg_config --bindir); fi
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; fi
}

bindir=$(find_bindir)
if [ -z "$bindir" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL's server is not installed; installing Debian's postgresql..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bindir=$(find_bindir)
  else
    echo "PostgreSQL's server is not installed. Run:" >&2
    echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql" >&2
    exit 1
  fi
fi

# As root, the server must run as the postgres user, who must be able to reach the folder.
as_owner=()
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then
  as_owner=(runuser -u postgres --)
  owner=postgres
fi

datadir="$root/.pgdata"
if [ "$owner" = postgres ] && ! runuser -u postgres -- test -x "$root"; then
  datadir="/tmp/taskforce-pg-$(printf '%s' "$root" | md5sum | cut -c1-12)"
fi

write_env() {
  local host
  host=$datadir
  echo "DATABASE_URL=postgres://taskforce@/taskforce?host=${host}" > "$root/.pgdata.env"
}

running() { "${as_owner[@]}" "$bindir/pg_ctl" -D "$datadir" status >/dev/null 2>&1; }

case "$action" in
  start)
    if [ ! -f "$datadir/PG_VERSION" ]; then
      mkdir -p "$datadir"
      [ "$owner" = postgres ] && chown postgres:postgres "$datadir"
      chmod 700 "$datadir"
      "${as_owner[@]}" "$bindir/initdb" -D "$datadir" -U taskforce --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >/dev/null
      cat >> "$datadir/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$datadir'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
    fi
    write_env
    if ! running; then
      "${as_owner[@]}" "$bindir/pg_ctl" -D "$datadir" -l "$datadir/server.log" -w -t 60 start >/dev/null
    fi
    if ! "$bindir/psql" -h "$datadir" -U taskforce -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'taskforce'" | grep -q 1; then
      "$bindir/createdb" -h "$datadir" -U taskforce taskforce
    fi
    echo "PostgreSQL is running in $datadir"
    ;;
  stop)
    if [ -f "$datadir/PG_VERSION" ] && running; then
      "${as_owner[@]}" "$bindir/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null
      echo "PostgreSQL stopped."
    else
      echo "PostgreSQL was not running."
    fi
    ;;
  status)
    if running; then echo "running in $datadir"; else echo "stopped ($datadir)"; exit 3; fi
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
