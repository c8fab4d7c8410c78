#!/usr/bin/python3
"""Writes OPL to stdout: copies of one renumbered OSM extract (OPL, no metadata) laid side by side in a grid of
cols x rows tiles around a centre, each copy shifted in longitude and latitude and given ids of its own, so the
whole is a province-sized file a reader must stream (issue 17). Nodes of every tile first, then ways, ids ascending:
the order osmium and Geofabrik write. Coordinates are kept in units of 1e-7 degree, as OSM stores them.

usage: tile_osm.py BASE.opl COLS ROWS CENTRE_LON CENTRE_LAT
"""
import sys

base, cols, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
centre_lon, centre_lat = float(sys.argv[4]), float(sys.argv[5])

nodes, ways = [], []  # (id, x, y) in 1e-7 degrees; (id, tags, refs)
with open(base, encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if line.startswith("n"):
            parts = line.split(" ")
            nid = int(parts[0][1:])
            x = y = None
            for p in parts[1:]:
                if p.startswith("x"): x = round(float(p[1:]) * 1e7)
                elif p.startswith("y"): y = round(float(p[1:]) * 1e7)
            nodes.append((nid, x, y))
        elif line.startswith("w"):
            parts = line.split(" ")
            tags = next((p for p in parts if p.startswith("T")), "T")
            refs = next((p[1:] for p in parts if p.startswith("N")), "")
            ways.append((int(parts[0][1:]), tags, [int(r[1:]) for r in refs.split(",") if r]))

min_x = min(n[1] for n in nodes); max_x = max(n[1] for n in nodes)
min_y = min(n[2] for n in nodes); max_y = max(n[2] for n in nodes)
# A tile's step is the extract's extent plus 200 m of gap: copies never share a node, as two districts' streets would
# if they met only at a border the extract does not draw.
step_x = max_x - min_x + 24_000
step_y = max_y - min_y + 18_000
node_span = max(n[0] for n in nodes)
way_span = max(w[0] for w in ways)
origin_x = round(centre_lon * 1e7) - cols * step_x // 2
origin_y = round(centre_lat * 1e7) - rows * step_y // 2

def deg(v):
    return f"{v // 10_000_000}.{v % 10_000_000:07d}"

out = sys.stdout
tiles = [(c, r) for r in range(rows) for c in range(cols)]
for t, (c, r) in enumerate(tiles):
    dx = origin_x + c * step_x - min_x
    dy = origin_y + r * step_y - min_y
    off = t * node_span
    out.write("".join(f"n{nid + off} x{deg(x + dx)} y{deg(y + dy)}\n" for nid, x, y in nodes))
for t in range(len(tiles)):
    noff, woff = t * node_span, t * way_span
    out.write("".join(f"w{wid + woff} {tags} N{','.join('n' + str(r + noff) for r in refs)}\n" for wid, tags, refs in ways))
print(f"{len(tiles)} tiles of {len(nodes)} nodes and {len(ways)} ways; step {step_x / 1e7:.4f} x {step_y / 1e7:.4f} degrees; "
      f"lon {deg(origin_x)}..{deg(origin_x + cols * step_x)}, lat {deg(origin_y)}..{deg(origin_y + rows * step_y)}", file=sys.stderr)
