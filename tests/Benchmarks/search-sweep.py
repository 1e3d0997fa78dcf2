#!/usr/bin/env python3
"""The search-sweep row: every address of SEARCHES_FILE asked exactly once (so none comes from the page cache), by
CONCURRENCY clients at once. Prints requests/s, p50 and p99 in ms, and the count of answers other than 200.

  search-sweep.py BASE_URL SEARCHES_FILE [CONCURRENCY]
"""
import concurrent.futures
import statistics
import sys
import time
import urllib.error
import urllib.request

base, searches_file = sys.argv[1], sys.argv[2]
concurrency = int(sys.argv[3]) if len(sys.argv) > 3 else 2
paths = [line.strip() for line in open(searches_file) if line.strip()]


def ask(path):
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:
            response.read()
            status = response.status
            cached = response.headers.get("Age") is not None
    except urllib.error.HTTPError as error:
        status, cached = error.code, False
    return (time.perf_counter() - began) * 1000, status, cached


start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
    results = list(pool.map(ask, paths))
elapsed = time.perf_counter() - start
latencies = sorted(r[0] for r in results)
p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
not_ok = sum(1 for r in results if r[1] != 200)
cached = sum(1 for r in results if r[2])
print(f"search-sweep {len(paths) / elapsed:.1f} {statistics.median(latencies):.2f} {p99:.2f} {len(paths)} {not_ok} {cached}")
