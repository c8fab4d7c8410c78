#!/usr/bin/env bash
# Resource limits measured on the real process (Release build, demo data), run by hand (not by CI):
#  1. a 511 KB XLSX whose one cell unpacks to 512 MiB: answer, time, and the process's memory growth (VmHWM);
#  2. a 100 m siting grid over Jinan (about 1,020,000 candidates): refused before work, and how fast;
#  3. the largest grid the cap allows (228 m, ~197,000 candidates) with a 15 s limit: elapsed and peak memory; then with
#     a 3 s limit, which the coverage sets alone exceed: how soon the run ends;
#  4. a flood on the public estimate with wrk (10 s): how many 200s and 429s, and /health's latency meanwhile.
# Needs wrk, curl and python3. Usage: bench/security/run.sh [port]
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-5182}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
key=bench-key
dotnet build -c Release src/RecycleNet.Api -v quiet -nologo >/dev/null
( cd src/RecycleNet.Api && exec dotnet run -c Release --no-build --urls "$base" -- \
    --ConnectionStrings:RecycleNet="Data Source=$work/bench.db" --RecycleNet:PlannerKeys:0=$key >"$work/service.log" 2>&1 ) &
trap 'pkill -f "urls $base" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 90); do curl -sf "$base/health" >/dev/null && break; sleep 1; done
pid=$(pgrep -f "RecycleNet.Api.*--urls $base" | head -1)
mem() { awk -v k="$1" '$1==k":" {print int($2/1024)}' "/proc/$pid/status"; } # MiB
echo "cores: $(nproc); service pid $pid"
curl -sf "$base/api/coverage" >/dev/null; curl -sf "$base/ogc/collections/communities/items?limit=1" >/dev/null # warm

echo "== 1. XLSX with one 512 MiB cell"
python3 - "$work/bomb.xlsx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>')
    with z.open("xl/worksheets/sheet1.xml", "w") as f:
        f.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
        block = b"A" * (1 << 20)
        for _ in range(512): f.write(block)
        f.write(b"</t></is></c></row></sheetData></worksheet>")
PY
echo "file: $(stat -c %s "$work/bomb.xlsx") bytes"
before=$(mem VmRSS); echo "RSS before: $before MiB (peak so far $(mem VmHWM) MiB)"
curl -s -o "$work/bomb.json" -w "status %{http_code} in %{time_total} s\n" -X POST "$base/api/import/communities?crs=WGS84" \
  -H "Authorization: Bearer $key" -H 'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' --data-binary "@$work/bomb.xlsx"
python3 -c "import json;print(json.load(open('$work/bomb.json'))['detail'])"
echo "RSS after: $(mem VmRSS) MiB; peak (VmHWM): $(mem VmHWM) MiB"

echo "== 2. siting on a 100 m grid"
curl -s -o "$work/grid.json" -w "status %{http_code} in %{time_total} s\n" -X POST "$base/api/siting/outlets" -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/json' --data '{"sites":120,"candidates":"grid","gridSpacingM":100,"timeLimitSeconds":15}'
python3 -c "import json;print(json.load(open('$work/grid.json'))['detail'])"

page="$base/ogc/collections/communities/items?limit=100&offset=1000"
echo "== readers alone: wrk 1 thread, 4 connections, 8 s on a 100-feature OGC page"
wrk -t1 -c4 -d8s --latency "$page" | grep -E "Requests/sec|99%"
echo "== 3. the largest allowed grid: 228 m, timeLimitSeconds 15 (the same readers meanwhile)"
( sleep 0.5; wrk -t1 -c4 -d8s --latency "$page" > "$work/readers.txt" ) &
readers=$!
python3 - "$base" "$key" "$pid" <<'PY'
import json, sys, time, urllib.request, threading
base, key, pid = sys.argv[1], sys.argv[2], sys.argv[3]
peak = [0]
def watch():
    while not done:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"): peak[0] = max(peak[0], int(line.split()[1]) // 1024)
        time.sleep(0.05)
done = False
threading.Thread(target=watch, daemon=True).start()
req = urllib.request.Request(f"{base}/api/siting/outlets?wait=true", method="POST", headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
    data=json.dumps({"sites": 120, "candidates": "grid", "gridSpacingM": 228, "timeLimitSeconds": 15}).encode())
start = time.time()
try:
    body = json.load(urllib.request.urlopen(req, timeout=120)); status = 200
except urllib.error.HTTPError as e:
    body = json.load(e); status = e.code
elapsed = time.time() - start
done = True
r = body.get("result") or {}
print(f"status {status} in {elapsed:.1f} s (limit 15 s; promise ≤ {15*1.1+1:.1f} s); job {body.get('status')} {body.get('error') or ''}")
if r: print(f"candidates {r.get('candidates')}, coverage pairs {r.get('coveragePairs')}, gap {r['solver']['gap']:.4f}")
print(f"peak RSS during the run: {peak[0]} MiB")
PY
echo "peak (VmHWM) of the process so far: $(mem VmHWM) MiB"
wait $readers; echo "readers during the run:"; grep -E "Requests/sec|99%" "$work/readers.txt"

echo "== 3b. the same grid with timeLimitSeconds 3: the deadline (3 × 1.05 + 0.5 s) ends it, whatever the stage"
curl -s -o "$work/short.json" -w "status %{http_code} in %{time_total} s\n" -X POST "$base/api/siting/outlets?wait=true" -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/json' --data '{"sites":120,"candidates":"grid","gridSpacingM":228,"timeLimitSeconds":3}'
python3 -c "import json;d=json.load(open('$work/short.json'));print(d.get('detail') or (d['status'], d['elapsedMs']))"

echo "== 4. a flood on the public estimate (wrk 2 threads, 32 connections, 10 s) with /health measured meanwhile"
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"policy":"jinan-2024","applicationWindow":{"from":"2024-06-01","to":"2024-12-31"},"applicant":{"name":"甲","mofcomRegistered":true,"directOutletCount":12,"smallestDirectOutletAreaM2":12},"fixedOutlets":[{"id":"F1","areaM2":35,"builtOn":"2024-08-01","directlyOperated":true}]}'
local codes = {}
response = function(status) codes[status] = (codes[status] or 0) + 1 end
done = function() end
LUA
( wrk -t2 -c32 -d10s -s "$work/post.lua" "$base/api/subsidies/estimate" > "$work/wrk.txt" ) &
flood=$!
sleep 1
python3 - "$base" <<'PY'
import sys, time, urllib.request
base = sys.argv[1]; times = []
end = time.time() + 8
while time.time() < end:
    t = time.time(); urllib.request.urlopen(base + "/health").read(); times.append((time.time() - t) * 1000); time.sleep(0.02)
times.sort()
print(f"/health during the flood: {len(times)} requests, all 200; p50 {times[len(times)//2]:.1f} ms, p99 {times[int(len(times)*0.99)]:.1f} ms, max {times[-1]:.1f} ms")
PY
wait $flood
grep -E "Requests/sec|requests in|Non-2xx" "$work/wrk.txt"
