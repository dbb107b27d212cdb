#!/usr/bin/env python3
"""Scale check of the barrier plan (issue 16 targets): writes a random trafficking-shaped network — perpetrators,
victims, facilitators spread over the seven phases, each victim tied to a few facilitators and directly to a
perpetrator, facilitators tied to perpetrators and to each other — and times `ketenaanpak analyse barrier-plan` on it.

    python3 bench/barrier_plan_scale.py --cli "dotnet src/Ketenaanpak.Graph.Cli/bin/Release/net10.0/ketenaanpak.dll" \
        --nodes 500 --victims 60 --facilitators 40 --budget 5
    python3 bench/barrier_plan_scale.py --cli ... --nodes 100000 --victims 1000 --facilitators 20000 --budget 10

Prints the CLI's JSON summary fields (n, m, dependencies, broken, optimal, method, compute_s). compute_s is the plan
alone (reading the files is not in it).
"""
import argparse, json, os, random, shlex, subprocess, sys, tempfile

PHASES = ["recruitment", "entry", "identity", "residence", "housing", "work", "finance"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--nodes", type=int, default=500)
    ap.add_argument("--victims", type=int, default=60)
    ap.add_argument("--facilitators", type=int, default=40)
    ap.add_argument("--perpetrators", type=int, default=0, help="default: victims / 10, at least 2")
    ap.add_argument("--budget", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    p = a.perpetrators or max(2, a.victims // 10)
    perps = list(range(p))
    victims = list(range(p, p + a.victims))
    facs = list(range(p + a.victims, p + a.victims + a.facilitators))
    others = list(range(p + a.victims + a.facilitators, a.nodes))
    edges = set()
    def add(u, w):
        if u != w: edges.add((min(u, w), max(u, w)))
    phase = {f: rnd.choice(PHASES) for f in facs}
    for v in victims:
        add(v, rnd.choice(perps))                      # the direct tie
        for _ in range(rnd.randint(1, 4)): add(v, rnd.choice(facs))
    for f in facs:
        add(f, rnd.choice(perps) if rnd.random() < 0.5 else rnd.choice(facs))
    for o in others:
        for _ in range(2): add(o, rnd.choice(others + facs) if others else rnd.choice(facs))
    with tempfile.TemporaryDirectory() as work:
        e, r = os.path.join(work, "edges.txt"), os.path.join(work, "roles.csv")
        with open(e, "w") as f:
            f.writelines(f"{u} {w}\n" for u, w in edges)
        with open(r, "w") as f:
            f.write("id,role,phase\n")
            f.writelines(f"{v},perpetrator,\n" for v in perps)
            f.writelines(f"{v},victim,\n" for v in victims)
            f.writelines(f"{v},facilitator,{phase[v]}\n" for v in facs)
        out = subprocess.run(shlex.split(a.cli) + ["analyse", "barrier-plan", "--input", e, "--roles", r, "--budget", str(a.budget)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return out.returncode
        d = json.loads(out.stdout)
        print(json.dumps({k: d[k] for k in ("n", "m", "dependencies", "broken", "optimal", "method", "compute_s")} | {"budget": a.budget}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
