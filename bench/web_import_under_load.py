#!/usr/bin/env python3
"""A big web import on the embedded store while other users keep working (issue 14.8).

Starts the web app (demo mode, SQLite, a fresh data directory), signs in as the demo analyst, uploads an edge list of
--edges relations through /importeren, and while the import runs keeps --workers clients busy with what users do at the
same time: the import's status poll, pages, the search API, entity reads (audited writes), sign-ins (cookie and
session validation). Counts every answer by status; exits 1 if any answer was 5xx or the import did not succeed.

    dotnet build Ketenaanpak.Graph.sln -c Release
    python3 bench/web_import_under_load.py --edges 1000000 --workers 6

Needs python3-requests. Prints one JSON line with the counts, the import's outcome and its attempts.
"""
import argparse, json, os, random, re, shutil, signal, subprocess, sys, tempfile, threading, time
from collections import Counter

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "Demo-Wachtwoord-2026!"


def token(html):
    m = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html) or \
        re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', html)
    if not m:
        raise RuntimeError("no antiforgery token on the page")
    return m.group(1)


def sign_in(base, user):
    s = requests.Session()
    page = s.get(f"{base}/account/inloggen", timeout=60)
    r = s.post(f"{base}/account/inloggen", data={"UserName": user, "Password": PASSWORD, "ReturnUrl": "/",
                                                 "__RequestVerificationToken": token(page.text)},
               allow_redirects=False, timeout=60)
    if r.status_code not in (302, 303):
        raise RuntimeError(f"sign-in as {user} answered {r.status_code}")
    return s


def write_edges(path, n_edges, seed):
    rnd = random.Random(seed)
    nodes = max(10, n_edges // 5)
    with open(path, "w") as f:
        for _ in range(n_edges):
            a, b = rnd.randrange(nodes), rnd.randrange(nodes)
            if a == b:
                b = (b + 1) % nodes
            f.write(f"n{a} n{b}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=6)
    ap.add_argument("--port", type=int, default=5187)
    ap.add_argument("--timeout", type=int, default=3600)
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="ketenaanpak-load-")
    edges = os.path.join(work, "edges.txt")
    write_edges(edges, args.edges, 1)
    data = os.path.join(work, "data")
    web = os.path.join(ROOT, "src/Ketenaanpak.Graph.Web/bin/Release/net10.0/Ketenaanpak.Graph.Web.dll")
    base = f"http://127.0.0.1:{args.port}"
    log = open(os.path.join(work, "web.log"), "w")
    app = subprocess.Popen(["dotnet", web, "--urls", base, "--Demo:Enabled=true", f"--Demo:Password={PASSWORD}",
                            f"--Storage:DataDirectory={data}", "--Security:SignInAttemptsPerMinute=100000"],
                           cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    statuses, errors, stop = Counter(), [], threading.Event()
    lock = threading.Lock()
    try:
        for _ in range(180):
            try:
                if requests.get(f"{base}/health", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(1)
        else:
            raise RuntimeError("the app did not start")

        analyst = sign_in(base, "analist")
        form = analyst.get(f"{base}/importeren", timeout=60)
        started = time.time()
        with open(edges, "rb") as f:
            r = analyst.post(f"{base}/importeren", files={"Bestand": ("edges.txt", f, "text/plain")},
                             data={"Formaat": "edgelist", "Dataset": "belasting", "__RequestVerificationToken": token(form.text)},
                             allow_redirects=False, timeout=600)
        if r.status_code not in (302, 303):
            raise RuntimeError(f"upload answered {r.status_code}: {r.text[:300]}")
        run_url = r.headers["Location"]
        run_id = run_url.rstrip("/").split("/")[-1]

        def record(resp, what):
            with lock:
                statuses[resp.status_code] += 1
                if resp.status_code >= 500:
                    errors.append({"what": what, "status": resp.status_code, "body": resp.text[:300]})

        def worker(i):
            users = ["analist", "coordinator", "officier", "casusoverleg"]
            s = sign_in(base, users[i % len(users)])
            entity = None
            k = 0
            while not stop.is_set():
                k += 1
                try:
                    kind = k % 6
                    if kind == 0:
                        record(s.get(f"{base}/api/importeren/{run_id}/status", timeout=120), "status")
                    elif kind == 1:
                        record(s.get(f"{base}/", timeout=120), "home")
                    elif kind == 2:
                        resp = s.get(f"{base}/api/search", params={"q": random.choice(["Vastgoed", "Kerkstraat", "Jan", "NL"])}, timeout=120)
                        record(resp, "search")
                        if resp.ok and entity is None:
                            hits = resp.json()
                            hits = hits.get("results", hits) if isinstance(hits, dict) else hits
                            if hits:
                                entity = hits[0].get("id")
                    elif kind == 3 and entity:
                        record(s.get(f"{base}/api/nodes/{entity}", timeout=120), "node (audited)")
                    elif kind == 4:
                        record(s.get(f"{base}/signalen", timeout=120), "signals")
                    else:
                        fresh = requests.Session()
                        page = fresh.get(f"{base}/account/inloggen", timeout=120)
                        record(page, "sign-in page")
                        resp = fresh.post(f"{base}/account/inloggen", data={"UserName": users[i % len(users)], "Password": PASSWORD,
                                          "ReturnUrl": "/", "__RequestVerificationToken": token(page.text)}, allow_redirects=False, timeout=120)
                        record(resp, "sign-in")
                except requests.RequestException as e:
                    with lock:
                        errors.append({"what": "connection", "status": None, "body": str(e)[:300]})
                time.sleep(0.2)

        threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.workers)]
        for t in threads:
            t.start()
        outcome = None
        while time.time() - started < args.timeout:
            resp = analyst.get(f"{base}/api/importeren/{run_id}/status", timeout=120)
            record(resp, "status (uploader)")
            if resp.ok and resp.json().get("done"):
                outcome = resp.json()
                break
            time.sleep(2)
        stop.set()
        for t in threads:
            t.join(timeout=150)
        page = analyst.get(f"{base}{run_url}", timeout=120)
        attempts = re.search(r"<dt>Pogingen</dt><dd>(\d+)</dd>", page.text)
        result = {
            "edges": args.edges, "workers": args.workers, "import_s": round(time.time() - started, 1),
            "import_status": outcome and outcome.get("status"), "relations_inserted": outcome and outcome.get("relationsInserted"),
            "attempts": int(attempts.group(1)) if attempts else None,
            "requests": sum(statuses.values()), "by_status": {str(k): v for k, v in sorted(statuses.items())},
            "answers_5xx": sum(v for k, v in statuses.items() if k >= 500), "errors": errors[:10],
        }
        print(json.dumps(result))
        return 0 if result["answers_5xx"] == 0 and result["import_status"] == "Succeeded" and not errors else 1
    finally:
        stop.set()
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(30)
        except subprocess.TimeoutExpired:
            app.kill()
        log.close()
        if os.environ.get("KEEP") is None:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
