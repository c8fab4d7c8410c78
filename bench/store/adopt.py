#!/usr/bin/env python3
"""Adopts a plan of N adds (default 2,000) on a running service and times it; then reverts it and times that.
The outlets go at the demo's communities (each 30 m east of one), so every add is inside a district.
Usage: adopt.py BASE_URL KEY [N]"""
import json, sys, time, urllib.request

base, key = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 2000

def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    t = time.time()
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read() or b"null"), time.time() - t

communities, _ = call("GET", "/api/communities")
points = [f["geometry"]["coordinates"] for f in communities["features"]][:n]
adds = [{"lon": lon + 0.0003, "lat": lat, "name": f"批量网点{i}", "properties": {"areaM2": 20}} for i, (lon, lat) in enumerate(points)]
plan, t_create = call("POST", "/api/plans", {"name": f"{len(adds)} 个新网点", "changes": {"add": adds}})
pid = plan["summary"]["id"]
_, t_adopt = call("POST", f"/api/plans/{pid}/adopt")
_, t_revert = call("POST", f"/api/plans/{pid}/revert")
print(f"{len(adds)} adds: plan saved in {t_create:.2f} s, adopted in {t_adopt:.2f} s, reverted in {t_revert:.2f} s")
