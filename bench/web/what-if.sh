#!/usr/bin/env bash
# What-if latency as the web page sees it: POST /api/coverage/what-if (one outlet added, one closed) against a
# running service on the demo data, 3 warm-up requests then 20 timed ones. Usage: bench/web/what-if.sh [base-url]
set -euo pipefail
base=${1:-http://127.0.0.1:5080}
body='{"add":[{"lon":117.013298,"lat":36.71193}],"close":[1]}'
for _ in 1 2 3; do curl -sf -o /dev/null -X POST "$base/api/coverage/what-if" -H 'Content-Type: application/json' -d "$body"; done
for _ in $(seq 1 20); do
  curl -sf -o /dev/null -w '%{time_total}\n' -X POST "$base/api/coverage/what-if" -H 'Content-Type: application/json' -d "$body"
done | sort -n | awk '{ t[NR] = $1 } END { printf "what-if over %d requests (%s cores): min %.3f s, median %.3f s, max %.3f s\n", NR, "'"$(nproc)"'", t[1], t[int((NR + 1) / 2)], t[NR] }'
