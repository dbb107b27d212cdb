#!/usr/bin/python3
"""Known answers for Ketenaanpak.Graph.Analytics tests, computed by networkx 2.8 and igraph 0.10 (Debian packages,
run with /usr/bin/python3). Never derived from our own output.

Reads every network of ../shared/datasets (plus textbook graphs) with the same rules the C# readers implement,
written independently here, and writes one TSV per graph:
  <graph>.nodes.tsv   name, betweenness (raw, unweighted), betweenness_w (weighted, lengths = weights),
                      closeness (networkx), harmonic, pagerank (igraph PRPACK, unweighted), eigenvector (networkx,
                      connected graphs only, else nan), core number, articulation point (0/1)
  <graph>.edges.tsv   u, v, edge betweenness (raw), bridge (0/1)
  <graph>.summary.tsv n, m, components, articulation_points, bridges, maxflow (unit capacities, vertex 0 to n-1),
                      igraph multilevel modularity, networkx modularity of networkx's Louvain partition (seed 1)
  <graph>.louvain.tsv name, community in networkx's louvain_communities(seed=1)
  mexico.facilitator.tsv  name, networkx betweenness_centrality_subset(sources=exploiters, targets=victim-recruiters)
Usage: make_reference.py [DATASETS_DIR]
"""
import csv
import math
import os
import sys

import igraph as ig
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "datasets")


def order(names):
    return sorted(names, key=lambda s: (len(s), s))


def peers_edges(path, comma_only=False):
    """peers.py rules: split on whitespace/commas (or only commas for csv), skip header/comments, collapse pairs."""
    edges, seen, started = [], {}, False
    with open(path, encoding="utf-8-sig", newline=None) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split(",")] if comma_only else line.replace(",", " ").replace("\t", " ").split()
            parts = [p for p in parts] if comma_only else parts
            if len(parts) < 2 or (comma_only and (parts[0] == "" or parts[1] == "")):
                continue
            if comma_only:
                # csv dialect: only the first line can be a header, and only if no field has a digit (names such
                # as "Hani Hanjour" have none, so peers.py's two-field rule would skip every line of 9/11).
                first = not started
                started = True
                if first and not any(ch.isdigit() for ch in "".join(parts)):
                    continue
            elif not any(ch.isdigit() for ch in parts[0] + parts[1]) and not edges:
                continue
            u, v = parts[0], parts[1]
            if u == v:
                continue
            try:
                w = float(parts[2]) if len(parts) > 2 else 1.0
            except ValueError:
                w = 1.0
            key = (u, v) if u < v else (v, u)
            if key in seen:
                continue
            seen[key] = True
            edges.append((u, v, w))
    return edges


def matrix(path):
    rows = []
    with open(path, encoding="utf-8-sig", newline=None) as f:
        for line in f:
            line = line.strip()
            if line:
                rows.append([c.strip().strip('"') for c in line.split(",")])
    header = None
    try:
        float(rows[0][0])
    except ValueError:
        header, rows = rows[0], rows[1:]
    n = len(rows)
    if header is None:
        names = [str(i + 1) for i in range(n)]
        a = {(names[i], names[j]): float(rows[i][j]) for i in range(n) for j in range(n)}
    else:
        names = [r[0] for r in rows]
        a = {(rows[i][0], header[j + 1]): float(rows[i][j + 1]) for i in range(n) for j in range(n)}
    sym = all(a[(x, y)] == a[(y, x)] for x in names for y in names)
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            x, y = names[i], names[j]
            w = a[(x, y)] if sym else a[(x, y)] + a[(y, x)]
            if w != 0:
                edges.append((x, y, w))
    return names, edges


def two_mode(path):
    with open(path, encoding="utf-8-sig", newline=None) as f:
        rows = [[c.strip().strip('"') for c in l.strip().split(",")] for l in f if l.strip()]
    header, rows = rows[0], rows[1:]
    names = [r[0] for r in rows] + header[1:]
    edges = [(r[0], header[j + 1], float(r[j + 1])) for r in rows for j in range(len(header) - 1) if float(r[j + 1]) != 0]
    return names, edges


def classic(graph):
    edges, seen = [], set()
    with open(os.path.join(DATA, "classic_networks_edges_from_networkx.csv"), encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["graph"] != graph:
                continue
            u, v = row["source"], row["target"]
            key = (u, v) if u < v else (v, u)
            if u == v or key in seen:
                continue
            seen.add(key)
            edges.append((u, v, float(row["weight"]) if row["weight"] else 1.0))
    return edges


def graphs():
    d = DATA
    yield "path3", None, [("0", "1", 1.0), ("1", "2", 1.0)]
    yield "k5", None, [(str(i), str(j), 1.0) for i in range(5) for j in range(i + 1, 5)]
    kite = nx.krackhardt_kite_graph()
    yield "kite", None, [(str(u), str(v), 1.0) for u, v in kite.edges()]
    for name in ["karate_club", "florentine_families", "les_miserables", "davis_southern_women"]:
        yield name, None, classic(name)
    names, e = matrix(os.path.join(d, "caviar_morselli_weighted_adjacency.csv"))
    yield "caviar", names, e
    yield "montagna", None, peers_edges(os.path.join(d, "montagna_mafia_meetings_edgelist.csv"))
    names, e = matrix(os.path.join(d, "noordin_top_adjacency.csv"))
    yield "noordin", names, e
    yield "krebs911", None, peers_edges(os.path.join(d, "krebs_911_hijackers_edgelist.csv"), comma_only=True)
    yield "mexico", None, peers_edges(os.path.join(d, "mexico_human_trafficking_edgelist.txt"))
    names, e = two_mode(os.path.join(d, "abu_sayyaf_kidnappings_person_event_2mode.csv"))
    yield "abusayyaf", names, e


def fmt(x):
    return repr(float(x))


def main():
    for gname, names, edges in graphs():
        g = nx.Graph()
        if names:
            g.add_nodes_from(names)
        for u, v, w in edges:
            g.add_edge(u, v, weight=w)
        names = order(g.nodes())
        n = len(names)
        bc = nx.betweenness_centrality(g, normalized=False)
        bcw = nx.betweenness_centrality(g, normalized=False, weight="weight")
        cl = nx.closeness_centrality(g)
        hc = nx.harmonic_centrality(g)
        index = {x: i for i, x in enumerate(names)}
        ih = ig.Graph(n=n, edges=[(index[u], index[v]) for u, v in g.edges()], directed=False)
        pr = ih.pagerank(damping=0.85)
        ev = nx.eigenvector_centrality(g, max_iter=100000, tol=1e-14) if nx.is_connected(g) else None
        core = nx.core_number(g)
        aps = set(nx.articulation_points(g))
        bridges = {frozenset(b) for b in nx.bridges(g)}
        eb = nx.edge_betweenness_centrality(g, normalized=False)
        with open(os.path.join(HERE, f"{gname}.nodes.tsv"), "w") as f:
            f.write("name\tbetweenness\tbetweenness_w\tcloseness\tharmonic\tpagerank\teigenvector\tcore\tarticulation\n")
            for i, x in enumerate(names):
                f.write("\t".join([x, fmt(bc[x]), fmt(bcw[x]), fmt(cl[x]), fmt(hc[x]), fmt(pr[i]),
                                   fmt(ev[x]) if ev else "nan", str(core[x]), "1" if x in aps else "0"]) + "\n")
        with open(os.path.join(HERE, f"{gname}.edges.tsv"), "w") as f:
            f.write("u\tv\tedge_betweenness\tbridge\n")
            for (u, v), val in eb.items():
                f.write(f"{u}\t{v}\t{fmt(val)}\t{1 if frozenset((u, v)) in bridges else 0}\n")
        h = nx.Graph(g)
        nx.set_edge_attributes(h, 1, "capacity")
        flow = nx.maximum_flow_value(h, names[0], names[-1])
        q_igraph = ih.community_multilevel().modularity if g.number_of_edges() else 0.0
        part = nx.community.louvain_communities(g, seed=1)
        with open(os.path.join(HERE, f"{gname}.louvain.tsv"), "w") as f:
            f.write("name\tcommunity_networkx\n")
            for c, members in enumerate(part):
                for x in sorted(members):
                    f.write(f"{x}\t{c}\n")
        with open(os.path.join(HERE, f"{gname}.summary.tsv"), "w") as f:
            for k, val in [("n", n), ("m", g.number_of_edges()), ("components", nx.number_connected_components(g)),
                           ("articulation_points", len(aps)), ("bridges", len(bridges)), ("maxflow", flow),
                           ("modularity_igraph_multilevel", q_igraph),
                           ("modularity_networkx_louvain_partition", nx.community.modularity(g, part))]:
                f.write(f"{k}\t{val}\n")
        if gname == "mexico":
            roles = {}
            with open(os.path.join(DATA, "mexico_human_trafficking_node_roles.csv"), encoding="utf-8-sig") as rf:
                for line in rf:
                    if line.strip():
                        k, r = line.rstrip("\r\n").split(",", 1)
                        roles[k.strip()] = r.strip()
            S = [x for x in names if roles[x].startswith("Explotador")]
            T = [x for x in names if roles[x].startswith("Victima")]
            sub = nx.betweenness_centrality_subset(g, S, T, normalized=False)
            with open(os.path.join(HERE, "mexico.facilitator.tsv"), "w") as f:
                f.write("name\tsubset_betweenness_networkx\n")
                for x in names:
                    f.write(f"{x}\t{fmt(sub[x])}\n")
        print(gname, n, g.number_of_edges())


if __name__ == "__main__":
    main()
