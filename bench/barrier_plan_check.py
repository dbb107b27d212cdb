#!/usr/bin/env python3
"""Checks `ketenaanpak analyse barrier-plan` against the definitions of docs/analytics.md ("Barrier plan"), computed
here independently with networkx by brute force, on fresh random networks.

    python3 bench/barrier_plan_check.py --cli "dotnet src/Ketenaanpak.Graph.Cli/bin/Release/net10.0/ketenaanpak.dll" \
        --networks 40 --seed 7

For each network: dependencies per phase, broken by the plan (recomputed from the plan's ids), the plan within the
budget and optimal (every subset up to the budget), every facilitator ranked with score > 0 exactly when it lies on a
simple victim-to-perpetrator path in its phase's network, and the direct ties. Prints one line per failure and a last
line "N checked, F failed"; exits 1 when anything failed.
"""
import argparse, itertools, json, os, random, shlex, subprocess, sys, tempfile

import networkx as nx

PHASES = ["recruitment", "entry", "identity", "residence", "housing", "work", "finance"]


def random_network(rnd):
    n = rnd.randint(4, 11)
    roles, phase = {}, {}
    for v in range(n):
        r = rnd.random()
        roles[v] = "perpetrator" if r < 0.2 else "victim" if r < 0.45 else "facilitator" if r < 0.9 else "other"
        phase[v] = rnd.choice(PHASES[:3]) if roles[v] == "facilitator" else ""
    p = rnd.uniform(0.15, 0.5)
    edges = [(u, w) for u in range(n) for w in range(u + 1, n) if rnd.random() < p]
    return n, roles, phase, edges


def h_phase(n, roles, phase, edges, ph, removed=()):
    g = nx.Graph()
    keep = [v for v in range(n) if v not in removed and (roles[v] in ("perpetrator", "victim") or (roles[v] == "facilitator" and phase[v] == ph))]
    g.add_nodes_from(keep)
    for u, w in edges:
        if u in g and w in g and {roles[u], roles[w]} != {"perpetrator", "victim"}:
            g.add_edge(u, w)
    return g


def reaches(g, v, roles):
    return any(roles[x] == "perpetrator" for x in nx.node_connected_component(g, v))


def dependencies(n, roles, phase, edges, removed=()):
    deps = set()
    for ph in PHASES:
        g = h_phase(n, roles, phase, edges, ph, removed)
        for v in g:
            if roles[v] == "victim" and reaches(g, v, roles):
                deps.add((v, ph))
    return deps


def on_route(n, roles, phase, edges, f):
    g = h_phase(n, roles, phase, edges, phase[f])
    for v in g:
        if roles[v] != "victim":
            continue
        for p in [x for x in g if roles[x] == "perpetrator"]:
            for path in nx.all_simple_paths(g, v, p):
                if f in path:
                    return True
    return False


def check(cli, n, roles, phase, edges, budget, work):
    e_path, r_path = os.path.join(work, "edges.txt"), os.path.join(work, "roles.csv")
    with open(e_path, "w") as f:
        for u, w in edges:
            f.write(f"v{u} v{w}\n")
    with open(r_path, "w") as f:
        f.write("id,role,phase\n")
        for v in range(n):
            f.write(f"v{v},{roles[v]},{phase[v]}\n")
    out = subprocess.run(shlex.split(cli) + ["analyse", "barrier-plan", "--input", e_path, "--roles", r_path, "--budget", str(budget)],
                         capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        return [f"exit {out.returncode}: {out.stderr.strip()}"]
    d = json.loads(out.stdout)
    problems = []
    deps = dependencies(n, roles, phase, edges)
    if d["dependencies"] != len(deps):
        problems.append(f"dependencies {d['dependencies']} != {len(deps)}")
    for ph in PHASES:
        want = sum(1 for x in deps if x[1] == ph)
        if d["by_phase"].get(ph, {}).get("dependencies") != want:
            problems.append(f"by_phase {ph} {d['by_phase'].get(ph)} != {want}")
    plan = [int(x[1:]) for x in d["plan"]]
    if len(plan) > budget or any(roles[v] != "facilitator" for v in plan):
        problems.append(f"plan {d['plan']} not within the budget's facilitators")
    broken = len(deps - dependencies(n, roles, phase, edges, set(plan)))
    if d["broken"] != broken:
        problems.append(f"broken {d['broken']} != {broken} for its own plan")
    facs = [v for v in range(n) if roles[v] == "facilitator"]
    best = max(len(deps - dependencies(n, roles, phase, edges, set(s))) for k in range(budget + 1) for s in itertools.combinations(facs, min(k, len(facs))))
    if d["optimal"] and broken != best:
        problems.append(f"claims optimal with {broken}, optimum {best}")
    ranking = {int(x[1:]): s for x, s in d["ranking"]}
    if set(ranking) != set(facs):
        problems.append("ranking does not hold every facilitator")
    for f in facs:
        if (ranking.get(f, 0) > 0) != on_route(n, roles, phase, edges, f):
            problems.append(f"score of v{f} is {ranking.get(f)}, on a route: {on_route(n, roles, phase, edges, f)}")
    ties = sorted([min((u, w), (w, u), key=lambda t: roles[t[0]] != "perpetrator") for u, w in edges if {roles[u], roles[w]} == {"perpetrator", "victim"}])
    if sorted((int(p[1:]), int(v[1:])) for p, v in d["direct_ties"]) != ties:
        problems.append(f"direct ties {d['direct_ties']} != {ties}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--networks", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    failed = 0
    with tempfile.TemporaryDirectory() as work:
        for i in range(args.networks):
            n, roles, phase, edges = random_network(rnd)
            budget = rnd.randint(1, 3)
            problems = check(args.cli, n, roles, phase, edges, budget, work)
            if problems:
                failed += 1
                print(f"network {i} (n={n}, m={len(edges)}, budget {budget}): " + "; ".join(problems))
    print(f"{args.networks} checked, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
