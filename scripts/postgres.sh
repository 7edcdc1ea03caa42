#!/usr/bin/env bash
# A throwaway PostgreSQL server for the comment stores' tests (Debian's `postgresql` package).
#
#   bash scripts/postgres.sh start   installs the package if absent, creates the cluster if absent, starts
#                                    it, and prints the URL for KHABAR_TEST_POSTGRES on stdout
#   bash scripts/postgres.sh stop    stops it (the data folder stays; delete it to start afresh)
#   bash scripts/postgres.sh url     prints the URL only
#
# The cluster lives in $KHABAR_PG_DIR (default /tmp/khabar-pg) and listens on 127.0.0.1:$KHABAR_PG_PORT
# (default 55432) with `trust` authentication: it is for tests on this machine, never for comments.
# initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` user the package creates.
set -euo pipefail

DIR=${KHABAR_PG_DIR:-/tmp/khabar-pg}
PORT=${KHABAR_PG_PORT:-55432}
DB=${KHABAR_PG_DB:-khabar_test}
URL="postgres://postgres@127.0.0.1:${PORT}/${DB}"

log() { printf 'postgres.sh: %s\n' "$*" >&2; }

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n $dir && -x $dir/pg_ctl ]] && printf '%s\n' "$dir"
}

# Runs a server binary as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install() {
  if [[ -z $(bindir) ]]; then
    log "installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  fi
  BIN=$(bindir) || { log "no PostgreSQL server binaries under /usr/lib/postgresql"; exit 1; }
}

start() {
  install
  if [[ ! -f $DIR/PG_VERSION ]]; then
    log "creating a cluster in $DIR"
    mkdir -p "$DIR"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$DIR"
    chmod 700 "$DIR"
    as_owner "$BIN/initdb" -D "$DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C >&2
  fi
  if as_owner "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
    log "already running in $DIR"
  else
    log "starting on 127.0.0.1:$PORT"
    # The socket goes in the data folder, which the owner can write (the default one may not exist).
    as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >&2 ||
      { log "the server did not start:"; tail -n 20 "$DIR/server.log" >&2; exit 1; }
  fi
  local psql=(as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  if [[ $("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$DB'") != 1 ]]; then
    "${psql[@]}" -c "CREATE DATABASE $DB" >&2
  fi
  printf '%s\n' "$URL"
}

stop() {
  BIN=$(bindir) || exit 0
  [[ -f $DIR/PG_VERSION ]] || exit 0
  as_owner "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >&2 || true
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  url) printf '%s\n' "$URL" ;;
  *)
    echo "usage: bash scripts/postgres.sh start|stop|url" >&2
    exit 2
    ;;
esac
