#!/usr/bin/env bash
# Hostile uploads against the real process (Release build, no demo data), run by hand as root (not by CI): every file
# of bench/security/hostile_files.py, with its answer, time and the process's peak working set during it.
# Usage: sudo bench/security/hostile.sh [port]
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-5183}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
key=bench-key
dotnet build -c Release src/RecycleNet.Api -v quiet -nologo >/dev/null
( cd src/RecycleNet.Api && exec dotnet run -c Release --no-build --urls "$base" -- --RecycleNet:SeedDemo=false \
    --ConnectionStrings:RecycleNet="Data Source=$work/bench.db" --RecycleNet:PlannerKeys:0=$key >"$work/service.log" 2>&1 ) &
trap 'pkill -f "urls $base" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 90); do curl -sf "$base/health" >/dev/null && break; sleep 1; done
pid=$(pgrep -f "RecycleNet.Api.*--urls $base" | head -1)
python3 bench/security/hostile_files.py "$base" "$pid" "$key" "$work"
echo "stored networks after the probe: $(curl -s "$base/api/network" | python3 -c 'import json,sys; print(json.load(sys.stdin)["loaded"])') (false: none stored)"
ls /tmp/recyclenet-network-* 2>/dev/null | wc -l | xargs echo "temporary upload files left:"
