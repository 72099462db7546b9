#!/usr/bin/env bash
# Buffer throughput of Nodus vs node, in the same run: utf8 and base64 encode/decode on 1 KB and
# 1 MB buffers, and `new Buffer(64)` allocations. bench/buffer.js runs under each runtime
# alternately (RUNS times each, default 3); the best of the runs is kept per case. Prints a table
# of ops/s (and MB/s) with the nodus/node ratio: above 1 means Nodus is faster.
set -euo pipefail

# PIN0/PIN1 (and BENCH_RT=1): bench/pin.sh.
source "$(dirname "$0")/pin.sh"
cd "$(dirname "$0")/.."
./bazelw build -c opt //runtime >/dev/null 2>&1
runtime=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
runs=${RUNS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for i in $(seq "$runs"); do
  "${PIN1[@]}" "$runtime" bench/buffer.js > "$out/nodus.$i.json"
  "${PIN1[@]}" node bench/buffer.js > "$out/node.$i.json"
done
python3 - "$out" "$runs" <<'PY'
import json, sys
out, runs = sys.argv[1], int(sys.argv[2])
best = {}
for who in ("nodus", "node"):
    for i in range(1, runs + 1):
        for case, r in json.load(open(f"{out}/{who}.{i}.json"))["cases"].items():
            cur = best.setdefault(who, {}).get(case)
            if cur is None or r["ops"] > cur["ops"]:
                best[who][case] = r
def fmt(r):
    return f'{r["ops"]:>11,} ops/s {r["mbps"]:>8.1f} MB/s'
print(f'{"case":<18} {"nodus":>31} {"node":>31} {"nodus/node":>10}')
for case, n in best["nodus"].items():
    p = best["node"][case]
    print(f'{case:<18} {fmt(n):>31} {fmt(p):>31} {n["ops"] / p["ops"]:>9.2f}x')
PY
