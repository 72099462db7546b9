#!/usr/bin/env bash
# The front-page hello world HTTP server (bench/http_hello.js) under Nodus (-c opt) and under
# `node`, in the same run: each server pinned to CPU 0 with taskset, wrk pinned to CPU 1.
# Two loads, DURATION seconds each (default 10): (a) 50 keep-alive connections, (b) the same with
# `Connection: close` (a new connection per request). Reports requests/s, p99 latency (wrk
# --latency) and the server's peak RSS (VmHWM from /proc/<pid>/status after the run), with
# nodus/node ratios (requests/s: above 1 means Nodus is faster; latency and RSS: below 1).
set -euo pipefail

# PIN0/PIN1 (and BENCH_RT=1): bench/pin.sh.
source "$(dirname "$0")/pin.sh"
cd "$(dirname "$0")/.."
duration=${DURATION:-10}
connections=${CONNECTIONS:-50}
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

# run <name> <load> <runtime binary> [wrk args...]
run() {
  local name=$1 load=$2 bin=$3
  shift 3
  local port
  port=$(free_port)
  "${PIN0[@]}" "$bin" bench/http_hello.js "$port" > "$out/$name.$load.server" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    grep -q ready "$out/$name.$load.server" 2>/dev/null && break
    sleep 0.05
  done
  "${PIN1[@]}" wrk -t1 -c"$connections" -d"${duration}s" --latency "$@" \
    "http://127.0.0.1:$port/" > "$out/$name.$load.wrk"
  grep VmHWM "/proc/$server_pid/status" | awk '{print $2}' > "$out/$name.$load.rss"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

for load in keepalive close; do
  args=()
  if [[ $load == close ]]; then args=(-H 'Connection: close'); fi
  run nodus "$load" "$runtime" "${args[@]}"
  run node "$load" "$(command -v node)" "${args[@]}"
done

python3 - "$out" "$connections" "$duration" <<'PY'
import re, sys
out, connections, duration = sys.argv[1], sys.argv[2], sys.argv[3]
def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
def read(name, load):
    wrk = open(f"{out}/{name}.{load}.wrk").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
    p99 = ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)\b", wrk).groups())
    errors = re.search(r"Socket errors: (.*)", wrk)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
    rss = int(open(f"{out}/{name}.{load}.rss").read()) / 1024.0
    return rps, p99, rss, (errors.group(1) if errors else ""), (non2xx.group(1) if non2xx else "")
labels = {"keepalive": f"keep-alive, {connections} conns",
          "close": f"Connection: close, {connections} conns"}
print(f"{duration} s per run; servers on CPU 0, wrk on CPU 1")
print(f'{"load":<28} {"":>6} {"req/s":>10} {"p99 ms":>8} {"peak RSS MB":>12}')
for load in ("keepalive", "close"):
    r = {who: read(who, load) for who in ("nodus", "node")}
    for who in ("nodus", "node"):
        rps, p99, rss, errors, non2xx = r[who]
        note = (f"  socket errors: {errors}" if errors else "") + \
               (f"  non-2xx: {non2xx}" if non2xx else "")
        print(f'{labels[load]:<28} {who:>6} {rps:>10,.0f} {p99:>8.2f} {rss:>12.1f}{note}')
    n, d = r["nodus"], r["node"]
    print(f'{"":<28} {"ratio":>6} {n[0]/d[0]:>10.2f} {n[1]/d[1]:>8.2f} {n[2]/d[2]:>12.2f}')
PY
