#!/usr/bin/env python3
"""Measures the Skerry server as server/README.md reports it (section "Memory and throughput").

usage: python3 server/scripts/measure.py [--jar server/target/skerry-server.jar] [--seconds 10]

Starts the jar on a free port with a fresh data directory (authentication on, default JVM flags), then:
1. memory just after the start: heap used after a full GC (jcmd GC.run, GC.heap_info) and the RSS (/proc);
2. 1,000 databases created through the admin API, 100 of them opened by writing a small table in each; memory
   again (the server keeps at most 100 open, the default --max-open);
3. requests per second of a point query, `SELECT id, name, score FROM users WHERE id = ?` on 10,000 rows, one
   `execute` + `close` pipeline per HTTP request (keep-alive, random ids), with a read-only database token,
   on 1 and 4 client connections (one process each) for --seconds each.
Prints one JSON object. Needs python3, a JDK (jcmd) and the built jar.
"""
import argparse
import http.client
import json
import multiprocessing
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time

PREFIX = "Admin token (Authorization: Bearer; also valid on every database): "
POINT = "SELECT id, name, score FROM users WHERE id = ?"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(conn, method, path, token, body=None):
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    r = conn.getresponse()
    data = r.read()
    if r.status != 200:
        raise RuntimeError(f"{method} {path}: HTTP {r.status} {data[:200]!r}")
    return json.loads(data)


def pipeline(conn, db, token, sql, args=()):
    stmt = {"sql": sql, "args": [{"type": "integer", "value": str(a)} for a in args]}
    out = request(conn, "POST", f"/db/{db}/v2/pipeline", token,
                  {"requests": [{"type": "execute", "stmt": stmt}, {"type": "close"}]})
    if out["results"][0]["type"] != "ok":
        raise RuntimeError(json.dumps(out["results"][0]))
    return out


def memory(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, capture_output=True)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    used = re.search(r"used (\d+)K", info)
    with open(f"/proc/{pid}/status") as f:
        rss = int(re.search(r"VmRSS:\s+(\d+) kB", f.read()).group(1))
    return {"heap_used_mb": round(int(used.group(1)) / 1024, 1), "rss_mb": round(rss / 1024, 1)}


def client(port, token, seconds, counts):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    rnd = random.Random(os.getpid())
    n = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        out = pipeline(conn, "bench", token, POINT, [rnd.randint(1, 10000)])
        assert out["results"][0]["response"]["result"]["rows"], out
        n += 1
    counts.put(n)


def rps(port, token, connections, seconds):
    counts = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=client, args=(port, token, seconds, counts)) for _ in range(connections)]
    for p in procs:
        p.start()
    total = sum(counts.get() for _ in procs)
    for p in procs:
        p.join()
    return round(total / seconds)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="server/target/skerry-server.jar")
    ap.add_argument("--seconds", type=float, default=10)
    a = ap.parse_args()
    port = free_port()
    data = tempfile.mkdtemp(prefix="skerry-measure-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKERRY_")}
    server = subprocess.Popen(["java", "-jar", a.jar, "--port", str(port), "--data", data], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        token = None
        for line in server.stdout:
            if line.startswith(PREFIX):
                token = line[len(PREFIX):].strip()
                break
        if token is None:
            sys.exit("the server printed no admin token")
        result = {"load_average": os.getloadavg()[0]}
        conn = http.client.HTTPConnection("127.0.0.1", port)
        base = "/v1/organizations/local/databases"
        result["started"] = memory(server.pid)
        for i in range(1000):
            request(conn, "POST", base, token, {"name": f"db{i:04d}"})
        for i in range(0, 1000, 10):
            pipeline(conn, f"db{i:04d}", token, "CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
            pipeline(conn, f"db{i:04d}", token, "INSERT INTO t(body) VALUES ('a small row')")
        result["databases_created"] = len(request(conn, "GET", base, token)["databases"])
        result["databases_open"] = 100
        result["1000_created_100_open"] = memory(server.pid)
        request(conn, "POST", base, token, {"name": "bench"})
        pipeline(conn, "bench", token, "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT, score REAL)")
        pipeline(conn, "bench", token, "INSERT INTO users(name, score) SELECT 'user ' || value, value * 0.5"
                 " FROM generate_series(1, 10000)")
        ro = request(conn, "POST", base + "/bench/auth/tokens?authorization=read-only", token)["jwt"]
        rps(port, ro, 1, min(3.0, a.seconds))  # warm-up
        result["point_query_rps_1_connection"] = rps(port, ro, 1, a.seconds)
        result["point_query_rps_4_connections"] = rps(port, ro, 4, a.seconds)
        result["load_average_after"] = os.getloadavg()[0]
        print(json.dumps(result, indent=1))
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
