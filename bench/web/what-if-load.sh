#!/usr/bin/env bash
# What-if throughput: POST /api/coverage/what-if (one outlet added, one closed) with wrk for 10 s over loopback, against
# a running service. Start it with the public-POST rate limit raised, or wrk measures the limiter's 429s:
#   RecycleNet__RateLimits__PublicPosts__Burst=1000000 RecycleNet__RateLimits__PublicPosts__PerSecond=1000000 \
#     dotnet run -c Release --project src/RecycleNet.Api
# Usage: bench/web/what-if-load.sh [base-url] [connections]
set -euo pipefail
base=${1:-http://127.0.0.1:5080}
connections=${2:-16}
script=$(mktemp --suffix=.lua)
trap 'rm -f "$script"' EXIT
cat > "$script" <<'LUA'
wrk.method = "POST"
wrk.body = '{"add":[{"lon":117.013298,"lat":36.71193}],"close":[1]}'
wrk.headers["Content-Type"] = "application/json"
local non2xx = 0
response = function(status) if status ~= 200 then non2xx = non2xx + 1 end end
LUA
curl -sf -o /dev/null -X POST "$base/api/coverage/what-if" -H 'Content-Type: application/json' -d '{"add":[{"lon":117.013298,"lat":36.71193}],"close":[1]}'
echo "cores: $(nproc)"
wrk -t2 -c"$connections" -d10s --latency -s "$script" "$base/api/coverage/what-if"
