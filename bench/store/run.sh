#!/usr/bin/env bash
# The team store under load, run by hand (not by CI). For each store (SQLite, then PostgreSQL + PostGIS on a throwaway
# cluster): start the service (Release) with the demo, import ROWS communities (default 1,000,000, in appends of
# 200,000, the importer's limit per request), read the city-snapshot load time from the log, and measure with wrk a
# 100-feature bbox page in EPSG:4527 and a CQL2-filtered page (on PostgreSQL both run in the database). Then two
# instances on the one PostgreSQL database under wrk reads while a writer sends conditional PUTs to both, and the
# versions are checked for lost updates. Needs wrk, python3, postgresql-15 and postgresql-15-postgis-3.
# Usage: bench/store/run.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
work=$(mktemp -d)
key=bench-key
. .ci/postgres-cluster.sh
services=()
cleanup() { for p in "${services[@]}"; do kill "$p" 2>/dev/null || true; done; pg_cluster_stop; rm -rf "$work"; }
trap cleanup EXIT
dotnet build -c Release src/RecycleNet.Api -v quiet -nologo >/dev/null
echo "cores: $(nproc); rows: $rows"

start_service() { # port, log, settings…
  local port=$1 log=$2; shift 2
  ( cd src/RecycleNet.Api && exec dotnet run -c Release --no-build --urls "http://127.0.0.1:$port" -- \
      --RecycleNet:PlannerKeys:0=$key --RecycleNet:MaxImportBytes=268435456 --RecycleNet:RateLimits:WritesPerKey:Burst=1000000 --RecycleNet:RateLimits:WritesPerAddress:Burst=1000000 "$@" >"$log" 2>&1 ) &
  services+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 1; done
  echo "service on $port did not start" >&2; tail -20 "$log" >&2; return 1
}
stop_services() { for p in "${services[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; services=(); }

generate() { # demo.geojson → chunk files of 200,000 around the demo communities (jittered ~150 m, so inside a district)
  python3 - "$1" "$work" "$rows" <<'PY'
import json, random, sys
random.seed(42)
seeds = [f["geometry"]["coordinates"] for f in json.load(open(sys.argv[1]))["features"]]
rows, chunk = int(sys.argv[3]), 200_000
for c in range(0, rows, chunk):
    features = []
    for i in range(c, min(rows, c + chunk)):
        lon, lat = random.choice(seeds)
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates":
            [round(lon + random.uniform(-0.0015, 0.0015), 6), round(lat + random.uniform(-0.0012, 0.0012), 6)]},
            "properties": {"name": f"小区{i:07d}", "households": random.randint(100, 3000)}})
    json.dump({"type": "FeatureCollection", "features": features}, open(f"{sys.argv[2]}/chunk-{c // chunk:03d}.geojson", "w"), ensure_ascii=False)
PY
}

import_all() { # base
  local base=$1 mode=replace start
  # Mobile stations refer to communities: the outlets are replaced first (by one fixed outlet) so the replace is allowed.
  curl -sf -X POST "$base/api/import/outlets?crs=WGS84&mode=replace" -H "Authorization: Bearer $key" -H 'Content-Type: application/geo+json' \
    --data-binary '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[117.0,36.65]},"properties":{"name":"网点","kind":"fixed"}}]}' >/dev/null
  start=$(date +%s.%N)
  for f in "$work"/chunk-*.geojson; do
    curl -sf -X POST "$base/api/import/communities?crs=WGS84&mode=$mode" -H "Authorization: Bearer $key" \
      -H 'Content-Type: application/geo+json' --data-binary "@$f" >/dev/null
    mode=append
  done
  python3 -c "t = $(date +%s.%N) - $start; print(f'import: {$rows:,} communities in {t:.1f} s = {$rows / t:,.0f} rows/s')"
}

measure() { # base, log, label
  local base=$1 log=$2 label=$3
  curl -sf "$base/api/coverage" >/dev/null
  echo "$label city snapshot: $(grep -o 'City snapshot at revision [0-9]*: [0-9]* communities, [0-9]* outlets; read [A-Za-z, ]* in [0-9]* ms' "$log" | tail -1)"
  local bbox="$base/ogc/collections/communities/items?limit=100&bbox=117.0,36.65,117.01,36.66&crs=EPSG:4527"
  curl -sf "$bbox" >/dev/null
  echo "== $label: 100-feature bbox page (about 1 km²) in EPSG:4527, wrk 2 threads, 32 connections, 20 s"
  wrk -t2 -c32 -d20s --latency "$bbox" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors" || true
  local cql="$base/ogc/collections/communities/items?limit=100&filter=households%20%3E%202500%20AND%20S_INTERSECTS(geometry%2CBBOX(116.98%2C36.62%2C117.06%2C36.70))"
  echo "== $label: CQL2-filtered page (households > 2500 in an 8 km box): $(curl -sf "$cql" | python3 -c 'import json,sys; p=json.load(sys.stdin); print(p["numberMatched"], "matched")')"
  wrk -t2 -c32 -d20s --latency "$cql" | grep -E "Latency|50%|90%|99%|Requests/sec|Non-2xx|Socket errors" || true
}

# --- SQLite ---------------------------------------------------------------------------------------------------------
start_service 5191 "$work/sqlite.log" --ConnectionStrings:RecycleNet="Data Source=$work/bench.db"
curl -sf "http://127.0.0.1:5191/api/communities" > "$work/demo.geojson"
generate "$work/demo.geojson"
echo "=== SQLite"
import_all http://127.0.0.1:5191
measure http://127.0.0.1:5191 "$work/sqlite.log" SQLite
stop_services

# --- PostgreSQL -----------------------------------------------------------------------------------------------------
pg_cluster_start
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE bench" -c "\\c bench" -c "CREATE EXTENSION postgis" >/dev/null
pg=( --RecycleNet:Store=postgres --ConnectionStrings:RecycleNet="$PG_CONN;Database=bench" )
echo "=== PostgreSQL $(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc 'show server_version') + PostGIS $(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d bench -tAc 'select postgis_lib_version()')"
start_service 5192 "$work/pg-a.log" "${pg[@]}"
import_all http://127.0.0.1:5192
measure http://127.0.0.1:5192 "$work/pg-a.log" PostgreSQL

# --- Two instances on one PostgreSQL ---------------------------------------------------------------------------------
start_service 5193 "$work/pg-b.log" "${pg[@]}"
echo "== two instances: wrk on each (1 thread, 16 connections, 20 s; bbox pages) while 8 writers send conditional PUTs to both"
page="ogc/collections/communities/items?limit=100&bbox=117.0,36.65,117.01,36.66"
wrk -t1 -c16 -d20s --latency "http://127.0.0.1:5192/$page" > "$work/wrk-a.txt" &
wa=$!
wrk -t1 -c16 -d20s --latency "http://127.0.0.1:5193/$page" > "$work/wrk-b.txt" &
wb=$!
python3 - "$key" <<'PY'
import json, sys, threading, time, urllib.request, urllib.error
key, bases = sys.argv[1], ["http://127.0.0.1:5192", "http://127.0.0.1:5193"]
ids = [f["id"] for f in json.load(urllib.request.urlopen(bases[0] + "/api/outlets"))["features"]][:1] or []
# The one outlet left after the import, plus 19 more added now: 20 outlets under contention.
for i in range(19):
    body = json.dumps({"type": "Feature", "geometry": {"type": "Point", "coordinates": [117.0 + i * 0.001, 36.65]},
                       "properties": {"name": f"网点{i}", "kind": "fixed"}}).encode()
    r = urllib.request.Request(bases[0] + "/api/outlets", body, {"Authorization": f"Bearer {key}", "Content-Type": "application/geo+json"}, method="POST")
    ids.append(json.load(urllib.request.urlopen(r))["id"])
wins, losses, errors, lock = {i: [] for i in ids}, 0, 0, threading.Lock()
def writer(n):
    global losses, errors
    k, end = 0, time.time() + 20
    while time.time() < end:
        k += 1
        oid = ids[(n * 7 + k) % len(ids)]
        read, write = bases[k % 2], bases[(k + n) % 2]   # read on one instance, write on either
        try:
            g = urllib.request.urlopen(f"{read}/api/outlets/{oid}")
            etag, feature = g.headers["ETag"], json.load(g)
            feature["properties"]["name"] = f"写者{n}-{k}"
            feature.pop("version", None)
            r = urllib.request.Request(f"{write}/api/outlets/{oid}", json.dumps(feature).encode(),
                {"Authorization": f"Bearer {key}", "Content-Type": "application/geo+json", "If-Match": etag}, method="PUT")
            resp = urllib.request.urlopen(r)
            with lock: wins[oid].append((int(etag.strip('"')), int(resp.headers["ETag"].strip('"')), feature["properties"]["name"]))
        except urllib.error.HTTPError as e:
            with lock:
                if e.code == 412: losses += 1
                else: errors += 1
        except Exception:
            with lock: errors += 1
threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
[t.start() for t in threads]; [t.join() for t in threads]
# No lost update: for each outlet the winners' versions chain 1→2→3…, and what is stored is the last winner's write.
lost = 0
for oid, w in wins.items():
    w.sort()
    chain_ok = all(b == a + 1 for a, b, _ in w) and all(w[i][1] == w[i + 1][0] for i in range(len(w) - 1))
    now = urllib.request.urlopen(f"{bases[1]}/api/outlets/{oid}")
    stored = json.load(now)["properties"]["name"]
    if not chain_ok or (w and stored != w[-1][2]): lost += 1
total = sum(len(w) for w in wins.values())
print(f"conditional PUTs: {total} applied, {losses} refused with 412, {errors} other errors; outlets with a lost update: {lost}")
PY
wait $wa $wb
for f in a b; do echo "instance $f:"; grep -E "Latency|50%|99%|Requests/sec|Non-2xx|Socket errors" "$work/wrk-$f.txt" || true; done
