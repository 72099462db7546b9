#!/usr/bin/env bash
# Networking benchmarks of Nodus vs node, side by side in the same run, against the front-page
# echo server (bench/echo_server.js). The server is pinned to core 0, the load generator
# (//bench:netload, C++ on libuv) to core 1. A fresh server is started for every measurement.
#
#   echo throughput: NET_CONNS (10) connections writing 64 KiB chunks and reading the echo,
#                    NET_SECONDS (10) s after a 1 s warm-up -> MB/s echoed (1 MB = 10^6 bytes).
#   ping-pong:       100 connections, 64-byte message, wait for the whole echo, repeat,
#                    NET_SECONDS s after a 1 s warm-up -> round trips (messages) per second.
#   idle:            IDLE_CONNS (10000) connections, each greeted, then idle; server VmRSS after
#                    listening (+1 s) and after all are connected (+1 s) -> bytes of RSS per
#                    connection.
#
# RUNS (default 2) repeats the whole set; a table is printed after each run.
# Env: NET_SECONDS, NET_CONNS, PP_CONNS, IDLE_CONNS, RUNS, KEEP=1 keeps the raw JSON directory.
set -euo pipefail

# PIN0/PIN1 (and BENCH_RT=1): bench/pin.sh.
source "$(dirname "$0")/pin.sh"
cd "$(dirname "$0")/.."

# 10,000 sockets per process plus a few. Raising past the hard limit needs CAP_SYS_RESOURCE;
# fall back to the hard limit (enough for 10,000 if it is above ~10,100).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $(( ${IDLE_CONNS:-10000} + 100 )) ]; then
  echo "net.sh: open-file limit $(ulimit -n) is too low for ${IDLE_CONNS:-10000} connections" >&2
  exit 1
fi

./bazelw build -c opt //runtime //bench:netload >/dev/null 2>&1 \
  || { ./bazelw build -c opt //runtime //bench:netload; exit 1; }
bin=$(./bazelw info -c opt bazel-bin 2>/dev/null)
nodus=$bin/runtime/runtime
netload=$bin/bench/netload

secs=${NET_SECONDS:-10}
tp_conns=${NET_CONNS:-10}
pp_conns=${PP_CONNS:-100}
idle_conns=${IDLE_CONNS:-10000}
runs=${RUNS:-2}
clk_tck=$(getconf CLK_TCK)

out=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "raw results: $out" >&2 || trap 'rm -rf "$out"' EXIT

# CPU% rows: CPU seconds over the netload process's wall time (connect + 1 s warm-up + window +
# drain); 100 means that core was saturated.

# Server ports below the ephemeral range, a new one per server, so no 4-tuple from an earlier
# measurement (TIME_WAIT) can collide with the next one's.
port=$(( 20000 + RANDOM % 8000 ))
server_pid=
server_log=

start_server() {  # <runtime-binary> <tag>
  port=$(( port + 1 ))
  server_log=$out/server.$2.$port.log
  "${PIN0[@]}" "$1" bench/echo_server.js "$port" >"$server_log" 2>&1 &
  server_pid=$!
  for _ in $(seq 200); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "net.sh: $2 server exited at startup:" >&2; cat "$server_log" >&2; return 1
    fi
    ss -Hltn "sport = :$port" | grep -q LISTEN && return 0
    sleep 0.05
  done
  echo "net.sh: $2 server not listening on $port after 10 s" >&2
  return 1
}

# Sets server_state to "alive" or "died" (exited before we stopped it), then stops the server.
server_state=
stop_server() {
  local st; st=$(awk '{ print $3 }' "/proc/$server_pid/stat" 2>/dev/null || true)
  if [ -z "$st" ] || [ "$st" = Z ]; then server_state=died; else server_state=alive; fi
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Runs a timed mode; writes {"client": <netload JSON>, "server_cpu_s", "wall_s", "server"} to $out.
timed() {  # <runtime-binary> <tag> <run> <mode> <conns> <size>
  local f=$out/$3.$2.$4.json
  start_server "$1" "$2" || { echo '{"error":"server failed to start"}' >"$f"; return 0; }
  local t0 c0 res t1 c1
  t0=$(date +%s.%N); c0=$(cpu_ticks "$server_pid")
  res=$("${PIN1[@]}" "$netload" "$4" "$port" "$5" "$6" "$secs" || true)
  t1=$(date +%s.%N); c1=$(cpu_ticks "$server_pid" 2>/dev/null || echo "$c0")
  stop_server
  [ -n "$res" ] || res='{"error":"no output from netload"}'
  printf '{"client":%s,"server_cpu_s":%s,"wall_s":%s,"server":"%s","log":"%s"}\n' \
    "$res" "$(echo "($c1 - $c0) / $clk_tck" | bc -l)" "$(echo "$t1 - $t0" | bc -l)" \
    "$server_state" "$server_log" >"$f"
}

idle() {  # <runtime-binary> <tag> <run>
  local f=$out/$3.$2.idle.json
  start_server "$1" "$2" || { echo '{"error":"server failed to start"}' >"$f"; return 0; }
  sleep 1
  local before after fifo=$out/idle.fifo res=$out/idle.$3.$2.out client
  before=$(rss_kb "$server_pid")
  rm -f "$fifo"; mkfifo "$fifo"
  "${PIN1[@]}" "$netload" idle "$port" "$idle_conns" <"$fifo" >"$res" 2>&1 &
  client=$!
  exec 3>"$fifo"
  for _ in $(seq 1200); do
    grep -q '"status"' "$res" && break
    kill -0 "$client" 2>/dev/null || break
    sleep 0.1
  done
  sleep 1
  after=$(rss_kb "$server_pid" 2>/dev/null || echo 0)
  exec 3>&-
  wait "$client" 2>/dev/null || true
  stop_server
  local line; line=$(grep '"mode"' "$res" | head -1)
  [ -n "$line" ] || line='{"error":"no output from netload"}'
  printf '{"client":%s,"rss_before_kb":%s,"rss_after_kb":%s,"server":"%s","log":"%s"}\n' \
    "$line" "${before:-0}" "${after:-0}" "$server_state" "$server_log" >"$f"
}

for run in $(seq "$runs"); do
  for rt in nodus node; do
    if [ "$rt" = nodus ]; then binary=$nodus; else binary=$(command -v node); fi
    timed "$binary" "$rt" "$run" throughput "$tp_conns" 65536
    timed "$binary" "$rt" "$run" pingpong "$pp_conns" 64
    idle "$binary" "$rt" "$run"
  done
  echo "== run $run of $runs: nodus ($nodus) vs node $(node --version);" \
    "server on core 0, netload on core 1; ${secs} s windows"
  python3 - "$out" "$run" <<'PY'
import json, sys
out, run = sys.argv[1], sys.argv[2]
def load(who, mode):
    try:
        return json.load(open(f"{out}/{run}.{who}.{mode}.json"))
    except Exception as e:
        return {"error": f"no result ({e})"}
r = {who: {m: load(who, m) for m in ("throughput", "pingpong", "idle")} for who in ("nodus", "node")}
def c(who, m, key):
    return r[who][m].get("client", {}).get(key)
def per_conn(who):
    d = r[who]["idle"]
    g = d.get("client", {}).get("greeted") or 0
    if not g or "rss_after_kb" not in d:
        return None
    return (d["rss_after_kb"] - d["rss_before_kb"]) * 1024 / g
def cpu(who, m):
    d = r[who][m]
    if "server_cpu_s" not in d:
        return None
    return 100 * d["server_cpu_s"] / d["wall_s"]
def ccpu(who, m):
    d = r[who][m]
    if "client_cpu_s" not in d.get("client", {}) or "wall_s" not in d:
        return None
    return 100 * d["client"]["client_cpu_s"] / d["wall_s"]
rows = [
    ("echo throughput, MB/s", c("nodus", "throughput", "mb_per_s"), c("node", "throughput", "mb_per_s"), "nodus/node", ">= 2.00x", "{:,.1f}"),
    ("ping-pong, msgs/s", c("nodus", "pingpong", "msgs_per_s"), c("node", "pingpong", "msgs_per_s"), "nodus/node", ">= 1.30x", "{:,.0f}"),
    ("idle RSS per conn, bytes", per_conn("nodus"), per_conn("node"), "node/nodus", "nodus <= 2,000", "{:,.0f}"),
    ("  server RSS listening, KB", r["nodus"]["idle"].get("rss_before_kb"), r["node"]["idle"].get("rss_before_kb"), "node/nodus", "", "{:,.0f}"),
    ("  server RSS +10k idle, KB", r["nodus"]["idle"].get("rss_after_kb"), r["node"]["idle"].get("rss_after_kb"), "node/nodus", "", "{:,.0f}"),
    ("  server CPU% throughput", cpu("nodus", "throughput"), cpu("node", "throughput"), "", "", "{:.0f}"),
    ("  server CPU% ping-pong", cpu("nodus", "pingpong"), cpu("node", "pingpong"), "", "", "{:.0f}"),
    ("  netload CPU% throughput", ccpu("nodus", "throughput"), ccpu("node", "throughput"), "", "", "{:.0f}"),
    ("  netload CPU% ping-pong", ccpu("nodus", "pingpong"), ccpu("node", "pingpong"), "", "", "{:.0f}"),
]
def f(fmt, v):
    return "n/a" if v is None else fmt.format(v)
print(f'{"metric":<28} {"nodus":>12} {"node":>12} {"ratio":>18}  {"target":<14}')
for name, n, p, kind, target, fmt in rows:
    ratio = ""
    if kind and n and p:
        ratio = f"{(n / p if kind == 'nodus/node' else p / n):.2f}x {kind}"
    print(f"{name:<28} {f(fmt, n):>12} {f(fmt, p):>12} {ratio:>18}  {target:<14}")
# Anything that went wrong: server deaths, errors, unverified echoes, incomplete idle runs.
for who in ("nodus", "node"):
    for m, d in r[who].items():
        cl = d.get("client", {})
        problems = []
        if d.get("error"): problems.append(d["error"])
        if d.get("server") == "died": problems.append("server died (log: %s)" % d.get("log"))
        if cl.get("error"): problems.append("netload: " + cl["error"])
        for k in ("failed", "mismatches", "eof_early"):
            if cl.get(k): problems.append(f"{k}={cl[k]}")
        if m != "idle" and cl and cl.get("drained") != cl.get("conns"):
            problems.append(f"drained {cl.get('drained')}/{cl.get('conns')}")
        if m == "idle" and cl and cl.get("status") != "ready":
            problems.append(f"idle status {cl.get('status')}, greeted {cl.get('greeted')}")
        if problems:
            print(f"  ! {who} {m}: " + "; ".join(problems))
PY
done
