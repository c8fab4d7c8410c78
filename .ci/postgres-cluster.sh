# Sourced by .ci/run and bench/store/run.sh: a throwaway PostgreSQL 15 cluster of our own. initdb in a temporary
# folder, as the postgres user (initdb refuses root), on a free port listening on 127.0.0.1 only; pg_cluster_stop
# stops it and removes the folder. After pg_cluster_start, PG_PORT and PG_CONN (an Npgsql connection string) are set.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_SUDO=""; [ "$(id -u)" -ne 0 ] && PG_SUDO="sudo"

pg_cluster_start() {
  PG_DIR=$(mktemp -d /tmp/recyclenet-pg.XXXXXX)
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
            || echo $((40000 + RANDOM % 20000)))
  $PG_SUDO chown postgres "$PG_DIR"
  $PG_SUDO runuser -u postgres -- "$PGBIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >"$PG_DIR/initdb.log" 2>&1 \
    && $PG_SUDO runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w start \
         -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR -c max_connections=300 $*" >/dev/null \
    || { cat "$PG_DIR/initdb.log" "$PG_DIR/server.log" 2>/dev/null | tail -20 >&2; return 1; }
  PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
}

pg_cluster_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  $PG_SUDO runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
  $PG_SUDO rm -rf "$PG_DIR"
  PG_DIR=""
}
