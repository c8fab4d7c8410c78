#!/usr/bin/env bash
# The peers side by side with RecycleNet, on the same cases in the same run (by hand, not in CI):
#   bench/peers/run.sh [DIR]
# Needs (Debian): postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting python3-networkx python3-shapely
# python3-pulp coinor-cbc (Debian's /usr/bin/python3, not whatever python3 is first on the PATH); as root for the throwaway PostgreSQL cluster. A peer whose tools are missing is skipped.
# Prints each figure and RecycleNet's ratio to it; the README's performance table is one run of this.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-/tmp/recyclenet-peers}
mkdir -p "$dir"
results="$dir/results.txt"
: > "$results"
echo "$(date -u +%F) on $(nproc) cores" | tee -a "$results"

dotnet build -c Release "$root/bench/RecycleNet.Bench" >/dev/null
bench() { dotnet "$root/bench/RecycleNet.Bench/bin/Release/net10.0/RecycleNet.Bench.dll" "$@"; }
bench export "$dir" | tee -a "$results"
perf=$(bench perf)
echo "$perf" | tee -a "$results"
ours_coverage=$(grep -oP '^whole-city coverage\s+median\s+\K[0-9.]+' <<<"$perf")
ours_circle=$(grep -oP '^one 15-minute life circle\s+median\s+\K[0-9.]+' <<<"$perf")
echo "RESULT recyclenet_coverage $ours_coverage" >> "$results"
echo "RESULT recyclenet_life_circle $ours_circle" >> "$results"

if command -v cbc >/dev/null && /usr/bin/python3 -c 'import pulp' 2>/dev/null; then /usr/bin/python3 "$root/bench/peers/pulp_peer.py" "$dir" 10 60 | tee -a "$results"
else echo "PuLP + CBC: skipped (apt-get install python3-pulp coinor-cbc)" | tee -a "$results"; fi
if /usr/bin/python3 -c 'import networkx' 2>/dev/null; then /usr/bin/python3 "$root/bench/peers/networkx_peer.py" "$dir" | tee -a "$results"
else echo "networkx: skipped (apt-get install python3-networkx python3-shapely)" | tee -a "$results"; fi
if [ -x /usr/lib/postgresql/15/bin/initdb ] && [ -e /usr/share/postgresql/15/extension/pgrouting.control ]; then "$root/bench/peers/pgrouting.sh" "$dir" | tee -a "$results"
else echo "pgRouting: skipped (apt-get install postgresql-15-postgis-3 postgresql-15-pgrouting)" | tee -a "$results"; fi

echo; echo "== side by side ($(nproc) cores)"
awk '
  $1 == "RESULT" { ms[$2] = $3; detail[$2] = $4 }
  $1 == "mclp" && $2 == "lp_bound" { lp = $3 }
  $1 == "mclp" && $2 ~ /^recyclenet_/ { obj[$2] = $4; secs[$2] = $8 }
  END {
    row("whole-city coverage", "recyclenet_coverage", "pgrouting_coverage"); row("", "recyclenet_coverage", "networkx_coverage")
    row("one life circle", "recyclenet_life_circle", "pgrouting_life_circle"); row("", "recyclenet_life_circle", "networkx_life_circle")
    if (lp > 0) {
      printf "MCLP 10k x 2k, k = 120 (LP bound %d):\n", lp
      for (r in obj) printf "  RecycleNet %s: %.2f %% of the LP bound in %s s\n", r, 100 * obj[r] / lp, secs[r]
      for (c in detail) if (c ~ /^cbc_/) {
        split(detail[c], kv, "=")
        if (kv[2] == "none") printf "  PuLP + CBC %s: no integer solution within the limit\n", c
        else printf "  PuLP + CBC %s: %s (%.2f %% of the LP bound)\n", c, detail[c], 100 * kv[2] / lp
      }
    }
  }
  function row(name, ours, peer) {
    if (!(peer in ms)) return
    printf "%-22s RecycleNet %8.1f ms   %-24s %8.1f ms   %5.1fx\n", name, ms[ours], peer, ms[peer], ms[peer] / ms[ours]
  }' "$results" | tee -a "$results"
