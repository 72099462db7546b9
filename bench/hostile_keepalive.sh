#!/usr/bin/env bash
# 1,000,000 keep-alive requests against the hello server (bench/http_hello.js) under Nodus
# (-c opt) and under `node`, in the same run: does the server's descriptor count or RSS drift?
# The load (bench/hostile_keepalive.js, run by `node` for both servers) keeps CONNS connections
# (default 8) busy, one request in flight each, and samples the server's open fds and VmRSS every
# EVERY responses (default 50,000); then with the connections idle, then after closing them.
# Server on CPU 0, load on CPU 1 (bench/pin.sh). TOTAL sets the request count.
# Reports, per runtime: requests/s, fds and RSS at the first sample after warm-up (10% of the
# requests), at the last sample under load, the RSS range over the second half, and both after
# the connections closed. Drift shows as a rising second half or a `closed` figure above start.
set -euo pipefail
source "$(dirname "$0")/pin.sh"
cd "$(dirname "$0")/.."
total=${TOTAL:-1000000}
conns=${CONNS:-8}
every=${EVERY:-50000}
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
  "${PIN1[@]}" node bench/hostile_keepalive.js "$port" "$server_pid" "$total" "$conns" "$every" \
    > "$out/$name.json"
  if ! kill -0 "$server_pid" 2>/dev/null; then echo "$name: the server died" >&2; exit 1; fi
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

run nodus "$runtime"
run node "$(command -v node)"

python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
print(f'{"":6} {"req/s":>8} {"non200":>6} | {"fds: start":>10} {"warm":>5} {"end":>5} {"idle":>5} {"closed":>6} | '
      f'{"RSS MB: start":>13} {"warm":>6} {"2nd half min-max":>17} {"idle":>6} {"closed":>6}')
for who in ("nodus", "node"):
    r = json.load(open(f"{out}/{who}.json"))
    s = r["samples"]
    load = [x for x in s if x["label"] == "load"]
    start = s[0]
    warm = next(x for x in load if x["requests"] >= r["total"] * 0.1)
    half = [x for x in load if x["requests"] >= r["total"] / 2]
    idle = next(x for x in s if x["label"] == "idle")
    closed = next(x for x in s if x["label"] == "closed")
    mb = lambda x: x["rssKB"] / 1024
    print(f'{who:6} {r["total"] / r["seconds"]:>8,.0f} {r["non200"]:>6} | {start["fds"]:>10} {warm["fds"]:>5} '
          f'{load[-1]["fds"]:>5} {idle["fds"]:>5} {closed["fds"]:>6} | {mb(start):>13.1f} {mb(warm):>6.1f} '
          f'{min(map(mb, half)):>8.1f}-{max(map(mb, half)):<8.1f} {mb(idle):>6.1f} {mb(closed):>6.1f}')
    print("       RSS MB every sample: " + " ".join(f"{mb(x):.0f}" for x in load))
PY
