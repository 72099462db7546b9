#!/usr/bin/env bash
# The front-page hello world HTTP server (bench/http_hello.js) under Nodus (-c opt), `node` and
# bun (when present), beside the same server written in plain C on libuv and http-parser
# (bench/c_server, the ceiling; `c_deferred` is that server with TCP_DEFER_ACCEPT and a read at
# accept, as Nodus's http servers listen, and a closing response sent with its FIN), in the same run: each server pinned to CPU 0 with taskset, wrk
# pinned to CPU 1. Two loads, DURATION seconds each (default 5): (a) 50 keep-alive connections,
# (b) the same with `Connection: close` (a new connection per request), ROUNDS interleaved rounds
# (default 3; the best round of each server counts). Reports requests/s, p99 latency (wrk
# --latency) and the server's peak RSS (VmHWM from /proc/<pid>/status after the run), and Nodus
# as a share of C and as a multiple of node and bun (above 1: Nodus is faster); and the server's
# requests per CPU second (its user + system time over the run, all threads) beside the share of
# its CPU that wrk itself used (near 100%, the rate is the load generator's ceiling, not the server's).
# NODUS=binary skips the build of the runtime; BUN=path (default ~/.cache/nodus-bench/bun);
# NODUS_BASE=binary adds a baseline Nodus build as the server `nodus_base` (a before/after pair).
set -euo pipefail

# PIN0/PIN1 (and BENCH_RT=1): bench/pin.sh.
source "$(dirname "$0")/pin.sh"
cd "$(dirname "$0")/.."
duration=${DURATION:-5}
connections=${CONNECTIONS:-50}
rounds=${ROUNDS:-3}
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
[[ -x /usr/bin/time ]] || apt-get install -y -q time >/dev/null
if [[ -z ${NODUS:-} ]]; then
  ./bazelw build -c opt //runtime //bench/c_server:hello_server >/dev/null 2>&1
  runtime=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
else
  runtime=$NODUS
  ./bazelw build -c opt //bench/c_server:hello_server >/dev/null 2>&1
fi
c_server=$(./bazelw info -c opt bazel-bin 2>/dev/null)/bench/c_server/hello_server
bun=${BUN:-/root/.cache/nodus-bench/bun/node_modules/.bin/bun}
servers=(nodus c c_deferred node)
[[ -x $bun ]] && servers+=(bun)
[[ -n ${NODUS_BASE:-} ]] && servers+=(nodus_base)
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

# user + system clock ticks of a process, all its threads (/proc/<pid>/stat fields 14 and 15)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

# run <name> <load> <round> [wrk args...]
run() {
  local name=$1 load=$2 round=$3
  shift 3
  local port cmd
  port=$(free_port)
  case $name in
    nodus) cmd=("$runtime" bench/http_hello.js "$port") ;;
    node) cmd=(node bench/http_hello.js "$port") ;;
    bun) cmd=("$bun" bench/http_hello.js "$port") ;;
    c) cmd=("$c_server" "$port") ;;
    c_deferred) cmd=("$c_server" "$port" deferred) ;;
    nodus_base) cmd=("$NODUS_BASE" bench/http_hello.js "$port") ;;
  esac
  local base="$out/$name.$load.$round"
  "${PIN0[@]}" "${cmd[@]}" > "$base.server" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    grep -q ready "$base.server" 2>/dev/null && break
    sleep 0.05
  done
  # CPU ticks (user + system, all threads) of the server and of wrk over the run: the rate is
  # the load generator's ceiling when wrk's own CPU is near 100%.
  local t0
  t0=$(cpu_ticks "$server_pid")
  "${PIN1[@]}" /usr/bin/time -f 'wrk-cpu %U %S' -o "$base.wrkcpu" \
    wrk -t1 -c"$connections" -d"${duration}s" --latency "$@" \
    "http://127.0.0.1:$port/" > "$base.wrk"
  echo $(( $(cpu_ticks "$server_pid") - t0 )) > "$base.cpu"
  grep VmHWM "/proc/$server_pid/status" | awk '{print $2}' > "$base.rss"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

for round in $(seq "$rounds"); do
  for load in keepalive close; do
    args=()
    if [[ $load == close ]]; then args=(-H 'Connection: close'); fi
    for name in "${servers[@]}"; do run "$name" "$load" "$round" "${args[@]}"; done
  done
done

python3 - "$out" "$connections" "$duration" "$rounds" "$hz" "${servers[@]}" <<'PY'
import re, sys
out, connections, duration, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
hz = int(sys.argv[5])
servers = sys.argv[6:]
C_SERVERS = ("nodus", "c", "c_deferred")  # not peers: the ratios are shares of these
def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
def read_round(name, load, rnd):
    wrk = open(f"{out}/{name}.{load}.{rnd}.wrk").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
    p99 = ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)\b", wrk).groups())
    errors = re.search(r"Socket errors: (.*)", wrk)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
    rss = int(open(f"{out}/{name}.{load}.{rnd}.rss").read()) / 1024.0
    requests = int(re.search(r"(\d+) requests in", wrk).group(1))
    cpu_s = int(open(f"{out}/{name}.{load}.{rnd}.cpu").read()) / hz
    wrk_cpu = sum(map(float, open(f"{out}/{name}.{load}.{rnd}.wrkcpu").read().split()[1:3]))
    return (rps, p99, rss, (errors.group(1) if errors else ""), (non2xx.group(1) if non2xx else ""),
            requests / cpu_s if cpu_s else 0.0, 100 * wrk_cpu / float(duration))
def read(name, load):  # the best round
    return max((read_round(name, load, r) for r in range(1, rounds + 1)), key=lambda x: x[0])
labels = {"keepalive": f"keep-alive, {connections} conns",
          "close": f"Connection: close, {connections} conns"}
print(f"{duration} s per run, best of {rounds} interleaved rounds; servers on CPU 0, wrk on CPU 1")
print("req/CPU s: requests per second of the server's CPU time (user + system, all threads);")
print("wrk CPU: the load generator's share of its CPU (near 100%: the rate is wrk's ceiling)")
print(f'{"load":<28} {"":>10} {"req/s":>10} {"p99 ms":>8} {"peak RSS MB":>12} {"req/CPU s":>10} {"wrk CPU":>8}')
for load in ("keepalive", "close"):
    r = {who: read(who, load) for who in servers}
    for who in servers:
        rps, p99, rss, errors, non2xx, per_cpu, wrk_cpu = r[who]
        note = (f"  socket errors: {errors}" if errors else "") + \
               (f"  non-2xx: {non2xx}" if non2xx else "")
        print(f'{labels[load]:<28} {who:>10} {rps:>10,.0f} {p99:>8.2f} {rss:>12.1f} '
              f'{per_cpu:>10,.0f} {wrk_cpu:>7.0f}%{note}')
    n = r["nodus"][0]
    print(f'{"":<28} nodus = {100 * n / r["c"][0]:.0f}% of C ' +
          f'({100 * n / r["c_deferred"][0]:.0f}% of C deferred), ' +
          ", ".join(f'{n / r[p][0]:.2f}x {p}' for p in servers if p not in C_SERVERS))
    # per CPU second: the best round of each server by that figure
    cpu = {who: max(read_round(who, load, k)[5] for k in range(1, rounds + 1)) for who in servers}
    print(f'{"":<28} per CPU second: nodus = {100 * cpu["nodus"] / cpu["c"]:.0f}% of C ' +
          f'({100 * cpu["nodus"] / cpu["c_deferred"]:.0f}% of C deferred), ' +
          ", ".join(f'{cpu["nodus"] / cpu[p]:.2f}x {p}' for p in servers
                    if p not in C_SERVERS and cpu[p]))
PY
