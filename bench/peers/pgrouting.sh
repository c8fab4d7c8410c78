#!/usr/bin/env bash
# pgRouting (PostgreSQL 15 + PostGIS 3 + pgRouting from Debian) as a peer, on the case bench/RecycleNet.Bench writes
# (`-- export DIR`), in a throwaway cluster on 127.0.0.1:55433 that is removed at the end.
#   whole-city coverage: pgr_drivingDistance from every outlet's node (equicost: each node once, to its nearest
#     outlet), cut at 1,125 m, joined to the communities' nodes;
#   a life circle: pgr_drivingDistance from one node, the edges with both ends reached (frontier edges left out, in
#     pgRouting's favour) buffered by 50 m and unioned, the edges limited to the reach's bounding box first.
# Each query runs 5 times; prints "RESULT name median_ms detail". Usage: bench/peers/pgrouting.sh DIR
set -euo pipefail
dir=$(realpath "$1")
bin=/usr/lib/postgresql/15/bin
port=55433
data=$(mktemp -d /tmp/peer-pg-XXXX)
chown postgres "$data"
chmod 755 "$dir"; chmod 644 "$dir"/*.csv
runuser -u postgres -- "$bin/initdb" -D "$data/db" -A trust -U postgres >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$data/db" -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data" -l "$data/log" start >/dev/null
trap 'runuser -u postgres -- "$bin/pg_ctl" -D "$data/db" stop -m fast >/dev/null; rm -rf "$data"' EXIT
psql() { command psql -h 127.0.0.1 -p $port -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql <<SQL
CREATE EXTENSION postgis; CREATE EXTENSION pgrouting;
CREATE TABLE nodes (id bigint PRIMARY KEY, x float8, y float8);
CREATE TABLE edges (id bigint PRIMARY KEY, source bigint, target bigint, cost float8);
CREATE TABLE outlets (id bigint, node bigint);
CREATE TABLE communities (id bigint, node bigint, households bigint);
\copy nodes FROM '$dir/nodes.csv' CSV HEADER
\copy edges FROM '$dir/edges.csv' CSV HEADER
\copy outlets FROM '$dir/outlets.csv' CSV HEADER
\copy communities FROM '$dir/communities.csv' CSV HEADER
ALTER TABLE edges ADD COLUMN geom geometry(LineString);
UPDATE edges e SET geom = ST_MakeLine(ST_MakePoint(a.x, a.y), ST_MakePoint(b.x, b.y)) FROM nodes a, nodes b WHERE a.id = e.source AND b.id = e.target;
CREATE INDEX ON edges USING gist (geom); CREATE INDEX ON communities (node);
ANALYZE;
SQL
circle=$(tail -1 "$dir/circle.csv")
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
timed() { # name, sql: runs it 5 times, prints the median of psql's \timing and the last answer
  local name=$1 sql=$2 out
  out=$(for _ in 1 2 3 4 5; do printf '\\timing on\n%s\n' "$sql" | psql; done)
  local ms; ms=$(grep -oP '^Time: \K[0-9.]+' <<<"$out" | median)
  echo "RESULT $name $ms $(grep -v '^Time:' <<<"$out" | tail -1)"
}
timed pgrouting_coverage "WITH reach AS (SELECT node, agg_cost FROM pgr_drivingDistance('SELECT id, source, target, cost, cost AS reverse_cost FROM edges',
  ARRAY(SELECT node FROM outlets), 1125, directed => false, equicost => true))
  SELECT 'covered_households=' || sum(c.households) FROM communities c JOIN reach r ON r.node = c.node;"
timed pgrouting_life_circle "WITH reach AS (SELECT node FROM pgr_drivingDistance('SELECT id, source, target, cost, cost AS reverse_cost FROM edges',
  $circle, 1125, directed => false)),
  box AS (SELECT ST_Expand(ST_Extent(ST_MakePoint(n.x, n.y)), 1) AS b FROM nodes n JOIN reach r ON r.node = n.id)
  SELECT 'area_m2=' || round(ST_Area(ST_Union(ST_Buffer(e.geom, 50, 'quad_segs=4')))) FROM edges e, box
  WHERE e.geom && box.b AND e.source IN (SELECT node FROM reach) AND e.target IN (SELECT node FROM reach);"
