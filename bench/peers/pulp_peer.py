#!/usr/bin/python3
"""PuLP + CBC as a peer on the MCLP case (mclp.json from `bench/RecycleNet.Bench -- export DIR`): the maximal covering
model as spopt builds it (binary sites x_j, binary covered demands y_i, y_i <= sum of the x_j covering i, sum x_j = k),
solved by Debian's CBC within a time limit. PuLP calls a time-limited run "Optimal"; CBC's own log says whether it
stopped on the limit, so its status line is read from the log. Prints "RESULT name seconds objective=... status=...".
"""
import json, re, sys, tempfile, time
import pulp

DIR = sys.argv[1]
limits = [int(a) for a in sys.argv[2:]] or [10, 60]
case = json.load(open(f"{DIR}/mclp.json"))
k, weights, covers = case["k"], case["weights"], case["covers"]
covering = [[] for _ in weights]
for j, demands in enumerate(covers):
    for i in demands:
        covering[i].append(j)

for limit in limits:
    m = pulp.LpProblem("mclp", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(len(covers))]
    y = [pulp.LpVariable(f"y{i}", cat="Binary") for i in range(len(weights))]
    m += pulp.lpSum(w * y[i] for i, w in enumerate(weights))
    for i, js in enumerate(covering):
        m += y[i] <= pulp.lpSum(x[j] for j in js)
    m += pulp.lpSum(x) == k
    log = tempfile.NamedTemporaryFile(suffix=".log", delete=False).name
    start = time.perf_counter()
    m.solve(pulp.COIN_CMD(path="/usr/bin/cbc", timeLimit=limit, msg=False, logPath=log))
    elapsed = time.perf_counter() - start
    text = open(log).read()
    status = "stopped_on_time" if re.search(r"Stopped on time|stopped on time", text, re.I) else \
        "proven_optimal" if re.search(r"Optimal solution found", text) else "see_log"
    # Without an integer solution PuLP still hands back the LP relaxation's values: report none, as CBC does.
    found = not re.search(r"No feasible solution found", text)
    objective = f"{pulp.value(m.objective):.0f}" if found and pulp.value(m.objective) is not None else "none"
    bound = re.search(r"Upper bound:\s+([0-9.e+]+)", text) or re.search(r"best possible -?([0-9.e+]+)", text)
    print(f"RESULT cbc_{limit}s {elapsed:.1f} objective={objective} status={status} cbc_bound={bound.group(1) if bound else '?'} pulp_status={pulp.LpStatus[m.status]}")
