#!/usr/bin/python3
"""networkx as a peer, on the case bench/RecycleNet.Bench writes (`-- export DIR`).

Whole-city coverage: one multi-source Dijkstra from every outlet's node, cut off at the 15-minute walk (1,125 m), then
the households of the communities whose node it reached. A life circle: a Dijkstra from one node, every street piece
walkable within the limit (whole edges, and the walked part of frontier edges) buffered by 50 m and unioned with
shapely. Prints "RESULT name median_ms detail" lines; run by bench/peers/run.sh.
"""
import csv, statistics, sys, time
import networkx as nx

LIMIT = 1125.0
DIR = sys.argv[1]
RUNS = 5


def rows(name):
    with open(f"{DIR}/{name}") as f:
        return list(csv.DictReader(f))


xy = {int(r["id"]): (float(r["x"]), float(r["y"])) for r in rows("nodes.csv")}
g = nx.Graph()
for r in rows("edges.csv"):
    g.add_edge(int(r["source"]), int(r["target"]), weight=float(r["cost"]))
outlets = [int(r["node"]) for r in rows("outlets.csv")]
communities = [(int(r["node"]), int(r["households"])) for r in rows("communities.csv")]
circle = int(rows("circle.csv")[0]["node"])


def timed(fn):
    times, out = [], None
    for _ in range(RUNS):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def coverage():
    d = nx.multi_source_dijkstra_path_length(g, outlets, cutoff=LIMIT, weight="weight")
    return sum(h for n, h in communities if n in d)


ms, covered = timed(coverage)
print(f"RESULT networkx_coverage {ms:.1f} covered_households={covered}")

try:
    from shapely.geometry import LineString
    from shapely.ops import unary_union

    def life_circle():
        d = nx.single_source_dijkstra_path_length(g, circle, cutoff=LIMIT, weight="weight")
        pieces = []
        for u in d:
            for v, attrs in g[u].items():
                if v in d and u > v:
                    continue  # each edge once when both ends are reached
                length = attrs["weight"]
                left_u = LIMIT - d[u]
                left_v = LIMIT - d[v] if v in d else -1.0
                (x1, y1), (x2, y2) = xy[u], xy[v]
                if left_u >= length or left_v >= length or (left_v >= 0 and left_u + left_v >= length):
                    pieces.append(LineString([(x1, y1), (x2, y2)]))
                else:
                    for (ax, ay), (bx, by), left in (((x1, y1), (x2, y2), left_u), ((x2, y2), (x1, y1), left_v)):
                        if left > 0:
                            t = left / length
                            pieces.append(LineString([(ax, ay), (ax + t * (bx - ax), ay + t * (by - ay))]))
        return unary_union([p.buffer(50, 4) for p in pieces]).area

    ms, area = timed(life_circle)
    print(f"RESULT networkx_life_circle {ms:.1f} area_m2={area:.0f}")
except ImportError:
    print("RESULT networkx_life_circle skipped shapely_missing")
