#!/usr/bin/env bash
# Builds a province-sized OSM PBF for issue 17's streaming benchmark: no provincial extract is reachable from these
# machines, so the real central-Shanghai extract in ../shared (roads, ODbL) is renumbered and laid out as a grid of
# copies around Jinan (default 30 x 24 tiles: 720 copies, ~160 MB, ~15.7 M nodes), each shifted and given ids of its
# own, and written sorted (nodes, then ways) with zlib blobs as osmium writes a Geofabrik-style extract.
# Not run by CI: `bench -- province FILE` reads the result.
#
# usage: bench/osm/make-province-pbf.sh OUT.osm.pbf [COLS ROWS [CENTRE_LON CENTRE_LAT]]
# needs: osmium-tool, Debian's /usr/bin/python3
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: make-province-pbf.sh OUT.osm.pbf [COLS ROWS [CENTRE_LON CENTRE_LAT]]}"
cols="${2:-30}"; rows="${3:-24}"; lon="${4:-117.10}"; lat="${5:-36.76}"
src="$here/../../../shared/data/networks/shanghai-center.osm"
[ -f "$src" ] || { echo "needs $src (../shared/data)" >&2; exit 2; }
command -v osmium >/dev/null || { echo "needs osmium-tool (apt-get install osmium-tool)" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# Ids 1..n, nodes and ways apart, and no metadata: the tiler offsets them per copy.
osmium renumber "$src" -O -o "$work/base.osm.pbf"
osmium cat "$work/base.osm.pbf" -O -f opl,add_metadata=false -o "$work/base.opl"
/usr/bin/python3 "$here/tile_osm.py" "$work/base.opl" "$cols" "$rows" "$lon" "$lat" \
  | osmium cat -F opl - -O -o "$out" --output-header="generator=RecycleNet bench/osm/make-province-pbf.sh"
osmium fileinfo -e "$out" | grep -E "Size|Bounding box|ordered|Number of (nodes|ways)"
