#!/usr/bin/env bash
# 10,000 malformed requests (bench/hostile_malformed.js, run by `node`) against the hello server
# (bench/http_hello.js) under Nodus (-c opt) and under `node`, in the same run. Server on CPU 0,
# load on CPU 1 (bench/pin.sh). Reports per runtime: whether the server stayed up, the outcome of
# the junk connections by kind (status code sent, or closed/reset/held), normal requests served
# in between, the longest a junk connection stayed open, how long HELD connections that never
# finish their head were kept, and the server's fds/RSS at the start, after the junk, and once
# everything closed (back to the start figures = no leak).
# TOTAL (10000), CONCURRENCY (32), HELD (50), HELD_WAIT_MS (150000: Nodus and node close an
# unfinished head after about 60 s) are passed through.
set -euo pipefail
source "$(dirname "$0")/pin.sh"
cd "$(dirname "$0")/.."
total=${TOTAL:-10000}
concurrency=${CONCURRENCY:-32}
./bazelw build -c opt //runtime >/dev/null 2>&1
runtime=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
out=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$out"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

run() {
  local name=$1 bin=$2 port
  port=$(free_port)
  "${PIN0[@]}" "$bin" bench/http_hello.js "$port" > "$out/$name.server" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    grep -q ready "$out/$name.server" 2>/dev/null && break
    sleep 0.05
  done
  "${PIN1[@]}" node bench/hostile_malformed.js "$port" "$server_pid" "$total" "$concurrency" \
    > "$out/$name.json"
  if kill -0 "$server_pid" 2>/dev/null; then
    echo up > "$out/$name.alive"
    kill "$server_pid"
  else
    echo DIED > "$out/$name.alive"
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

run nodus "$runtime"
run node "$(command -v node)"

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
for who in ("nodus", "node"):
    r = json.load(open(f"{out}/{who}.json"))
    alive = open(f"{out}/{who}.alive").read().strip()
    s = {x["label"]: x for x in r["samples"]}
    print(f'== {who}: server {alive}; {r["total"]} junk connections in {r["junkSeconds"]:.1f} s, '
          f'{r["concurrency"]} at a time; normal GETs in between: {r["normalOk"]} ok, '
          f'{len(r["normalFailures"])} failed {r["normalFailures"][:3]}')
    for kind, outcomes in sorted(r["outcomes"].items()):
        print(f'   {kind:<13} ' + ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items())))
    print(f'   longest a junk connection stayed open: {r["worstJunkMs"] / 1000:.2f} s; '
          f'{r["held"]} unfinished heads: {r["heldClosedByServer"]} closed by the server'
          + (f', after {r["heldMinMs"] / 1000:.1f}-{r["heldMaxMs"] / 1000:.1f} s'
             if r["heldClosedByServer"] else '')
          + (f' (the rest still open after {r["heldWaitMs"] / 1000:.0f} s; closed by the client)'
             if r["heldClosedByServer"] < r["held"] else ''))
    print('   ' + "  ".join(f'{k}: {s[k]["fds"]} fds, {s[k]["rssKB"] / 1024:.1f} MB'
                          for k in ("start", "after-junk", "settled")))
PY
