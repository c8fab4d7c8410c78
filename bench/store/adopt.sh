#!/usr/bin/env bash
# A 2,000-add plan adopted and reverted on each store (SQLite, then PostgreSQL + PostGIS on a throwaway cluster), the
# Release build with the demo; run by hand (not by CI). Usage: bench/store/adopt.sh [adds]
set -euo pipefail
cd "$(dirname "$0")/../.."
adds=${1:-2000}
work=$(mktemp -d)
key=bench-key
. .ci/postgres-cluster.sh
service=""
cleanup() { if [ -n "$service" ]; then kill "$service" 2>/dev/null || true; fi; pg_cluster_stop; rm -rf "$work"; }
trap cleanup EXIT
dotnet build -c Release src/RecycleNet.Api -v quiet -nologo >/dev/null
echo "cores: $(nproc)"
run() { # store label, settings…
  local label=$1; shift
  ( cd src/RecycleNet.Api && exec dotnet run -c Release --no-build --urls "http://127.0.0.1:5184" -- --RecycleNet:PlannerKeys:0=$key --RecycleNet:RateLimits:WritesPerKey:Burst=1000000 --RecycleNet:RateLimits:WritesPerAddress:Burst=1000000 "$@" >"$work/$label.log" 2>&1 ) &
  service=$!
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:5184/health" >/dev/null && break; sleep 1; done
  echo -n "$label: "; python3 bench/store/adopt.py http://127.0.0.1:5184 $key "$adds" || tail -20 "$work/$label.log"
  kill "$service"; wait "$service" 2>/dev/null || true; service=""
}
run sqlite --ConnectionStrings:RecycleNet="Data Source=$work/adopt.db"
pg_cluster_start
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE adopt" -c "\\c adopt" -c "CREATE EXTENSION postgis" >/dev/null
run postgres --RecycleNet:Store=postgres --ConnectionStrings:RecycleNet="$PG_CONN;Database=adopt"
