#!/usr/bin/env bash
# A provincial PBF through the service, as a planner loads it: starts the service (Release, a store of its own in a
# temporary folder, the Jinan demo seeded, listening on 127.0.0.1 only), POSTs the file to Jinan's /api/network (kept:
# Jinan's outline + marginM, default 5000 m), and reports the request's time, the service's peak resident memory
# (VmHWM, before and after), and what the network reports; then stops the service and removes its store.
# Not run by CI. Build the file with bench/osm/make-province-pbf.sh.
#
# usage: bench/osm/province-upload.sh FILE.osm.pbf [marginM] [port]
set -euo pipefail
file="${1:?usage: province-upload.sh FILE.osm.pbf [marginM] [port]}"
margin="${2:-5000}"; port="${3:-5097}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
store="$(mktemp -d)"
key="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
dotnet build -c Release "$root/src/RecycleNet.Api" -v q -nologo >/dev/null
ConnectionStrings__RecycleNet="Data Source=$store/recyclenet.db" RecycleNet__PlannerKeys__0="$key" \
  dotnet "$root/src/RecycleNet.Api/bin/Release/net10.0/RecycleNet.Api.dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/src/RecycleNet.Api" \
  >"$store/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$store"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
# The seeded city loads its snapshot on first use: ask once, so the upload's time is the upload's.
curl -sf "http://127.0.0.1:$port/api/network" >/dev/null
echo "cores: $(nproc); file: $(stat -c %s "$file") bytes; service peak before: $(awk '/VmHWM/ {print $2/1024 " MiB"}' /proc/$pid/status)"
curl -s -o "$store/answer.json" -w "upload: HTTP %{http_code} in %{time_total} s\n" -X POST \
  -H "Authorization: Bearer $key" -H "Content-Type: application/octet-stream" --data-binary @"$file" \
  "http://127.0.0.1:$port/api/network?name=$(basename "$file")&marginM=$margin"
echo "service peak after: $(awk '/VmHWM/ {print $2/1024 " MiB"}' /proc/$pid/status); now $(awk '/VmRSS/ {print $2/1024 " MiB"}' /proc/$pid/status)"
/usr/bin/python3 - "$store/answer.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
if "nodes" not in a: print(a); sys.exit(1)
o = a["osm"]
print(f"walking: {a['nodes']:,} nodes, {a['edges']:,} edges, {a['lengthKm']:,.0f} km; drivable: {a['roads']['edges']:,} edges; parse {a['loadMs']:,} ms")
print(f"read {o['nodesRead']:,} nodes, {o['waysRead']:,} ways; clip: {o['clip']}")
PY
# Whole-city coverage on it, through the API (the service's own timing is in its log).
curl -s -o /dev/null -w "GET /api/coverage (first): %{time_total} s\n" "http://127.0.0.1:$port/api/coverage"
curl -s -o /dev/null -w "GET /api/coverage (again): %{time_total} s\n" "http://127.0.0.1:$port/api/coverage"
