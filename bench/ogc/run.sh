#!/usr/bin/env bash
# OGC API – Features load test, run by hand (not by CI): starts the service (Release) on a fresh database with the
# demo data, measures a 100-feature page of communities with wrk, then replaces the communities with 200,000
# generated ones (spread over the demo districts' box) and times paging all of them out at limit=10000.
# Needs wrk and python3. Usage: bench/ogc/run.sh [port]
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-5181}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
key=bench-key
dotnet build -c Release src/RecycleNet.Api -v quiet -nologo >/dev/null
( cd src/RecycleNet.Api && exec dotnet run -c Release --no-build --urls "$base" -- \
    --ConnectionStrings:RecycleNet="Data Source=$work/bench.db" --RecycleNet:PlannerKeys:0=$key \
    --RecycleNet:MaxImportBytes=268435456 >"$work/service.log" 2>&1 ) &
service=$!
trap 'kill $service 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -sf "$base/health" >/dev/null && break; sleep 1; done
echo "cores: $(nproc)"

page="$base/ogc/collections/communities/items?limit=100&offset=1000"
curl -sf "$page" >/dev/null # builds the in-memory table once
echo "== 100-feature page of the demo communities ($(curl -sf "$base/ogc/collections/communities/items?limit=1" | python3 -c 'import json,sys;print(json.load(sys.stdin)["numberMatched"])') in all), wrk 2 threads, 32 connections, 20 s"
wrk -t2 -c32 -d20s --latency "$page" | grep -E "Latency|50%|90%|99%|Requests/sec|Transfer/sec"

echo "== 200,000 communities"
# Around the demo communities (jittered by up to ~150 m), so every point lies in a district as the importer requires.
curl -sf "$base/api/communities" > "$work/demo.geojson"
python3 - "$work/demo.geojson" "$work/communities.geojson" <<'PY'
import json, random, sys
random.seed(42)
seeds = [f["geometry"]["coordinates"] for f in json.load(open(sys.argv[1]))["features"]]
def point():
    lon, lat = random.choice(seeds)
    return [round(lon + random.uniform(-0.0015, 0.0015), 6), round(lat + random.uniform(-0.0012, 0.0012), 6)]
features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": point()},
             "properties": {"name": f"小区{i:06d}", "households": random.randint(100, 3000)}} for i in range(200_000)]
json.dump({"type": "FeatureCollection", "features": features}, open(sys.argv[2], "w"), ensure_ascii=False)
PY
start=$(date +%s.%N)
# Mobile stations refer to communities: the outlets are replaced first (by one fixed outlet) so the replace is allowed.
curl -sf -X POST "$base/api/import/outlets?crs=WGS84&mode=replace" -H "Authorization: Bearer $key" -H 'Content-Type: application/geo+json' \
  --data-binary '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[117.0,36.65]},"properties":{"name":"网点","kind":"fixed"}}]}' >/dev/null
curl -sf -X POST "$base/api/import/communities?crs=WGS84&mode=replace" -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/geo+json' --data-binary "@$work/communities.geojson" >/dev/null
echo "import: $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s"
python3 - "$base" <<'PY'
import json, sys, time, urllib.request
base = sys.argv[1]
for run in ("first (builds the table)", "second"):
    url, n, pages, t = f"{base}/ogc/collections/communities/items?limit=10000", 0, 0, time.perf_counter()
    while url:
        page = json.load(urllib.request.urlopen(url))
        n += page["numberReturned"]; pages += 1
        url = next((l["href"] for l in page["links"] if l["rel"] == "next"), None)
    print(f"paged out {n:,} communities in {pages} pages: {time.perf_counter() - t:.2f} s ({run})")
PY
echo "== 100-feature page deep in the 200,000 communities, wrk 2 threads, 32 connections, 20 s"
wrk -t2 -c32 -d20s --latency "$base/ogc/collections/communities/items?limit=100&offset=150000" | grep -E "Latency|50%|90%|99%|Requests/sec"
echo "== the same with a bbox (about 1 km²) and crs=EPSG:4527"
wrk -t2 -c32 -d20s --latency "$base/ogc/collections/communities/items?limit=100&bbox=117.0,36.65,117.01,36.66&crs=EPSG:4527" | grep -E "Latency|50%|90%|99%|Requests/sec"
