#!/usr/bin/env bash
# Instructions per request of the hello world server's main thread (bench/http_hello.js; the C
# server of bench/c_server), counted by callgrind, which repeats to within a few percent on a busy
# machine where requests/s do not. Each server runs under `valgrind --tool=callgrind
# --separate-threads=yes`; wrk (-c 50, keep-alive) warms it for WARM seconds (default 20), the
# counters are zeroed, wrk runs MEASURE seconds more (default 10) and the counters are dumped: the
# main thread's instructions over the requests wrk completed. V8's background threads (concurrent
# compilation, GC helpers) are left out; they are a few percent in the steady state. SERVERS
# (default "nodus c node"); NODUS=binary skips the build; ROUNDS (default 1) interleaved rounds,
# the least count of each server is printed. LOAD=close sends `Connection: close` (a new connection
# per request) for both the warm-up and the measured run. Userland only: the kernel's share of a request (the
# read and the write, about the same for every server) is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
warm=${WARM:-20}
measure=${MEASURE:-10}
rounds=${ROUNDS:-1}
load_args=()
if [[ ${LOAD:-keepalive} == close ]]; then load_args=(-H 'Connection: close'); fi
read -r -a servers <<< "${SERVERS:-nodus c node}"
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
command -v valgrind >/dev/null || apt-get install -y -q valgrind >/dev/null
if [[ -z ${NODUS:-} ]]; then
  ./bazelw build -c opt //runtime //bench/c_server:hello_server >/dev/null 2>&1
  runtime=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
else
  runtime=$NODUS
  ./bazelw build -c opt //bench/c_server:hello_server >/dev/null 2>&1
fi
c_server=$(./bazelw info -c opt bazel-bin 2>/dev/null)/bench/c_server/hello_server
out=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill -9 "$server_pid" 2>/dev/null || true; fi
  rm -rf "$out"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# main thread instructions of one callgrind dump (the file's "summary:" line)
summary() { awk '/^summary:/{print $2}' "$1"; }

declare -A best
for round in $(seq "$rounds"); do
  for name in "${servers[@]}"; do
    port=$(free_port)
    case $name in
      nodus) cmd=("$runtime" bench/http_hello.js "$port") ;;
      node) cmd=(node bench/http_hello.js "$port") ;;
      c) cmd=("$c_server" "$port") ;;
      *) echo "unknown server $name" >&2; exit 2 ;;
    esac
    prefix="$out/$name.$round"
    valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$prefix.%p" \
      "${cmd[@]}" > "$prefix.server" 2>&1 &
    server_pid=$!
    for _ in $(seq 600); do
      grep -q -i 'ready\|listening' "$prefix.server" 2>/dev/null && break
      sleep 0.1
    done
    wrk -t1 -c50 -d"${warm}s" "${load_args[@]}" "http://127.0.0.1:$port/" > /dev/null
    callgrind_control -z "$server_pid" > /dev/null 2>&1
    requests=$(wrk -t1 -c50 -d"${measure}s" "${load_args[@]}" "http://127.0.0.1:$port/" |
               awk '/requests in/{print $1}')
    callgrind_control -d "$server_pid" > /dev/null 2>&1
    sleep 1
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
    # The dump after zeroing, main thread: <prefix>.<pid>.1-01
    dump=$(ls "$prefix".*.1-01 2>/dev/null | head -1)
    if [[ -z $dump || -z $requests || $requests -eq 0 ]]; then
      echo "$name round $round: no measurement" >&2
      continue
    fi
    per=$(( $(summary "$dump") / requests ))
    echo "$name round $round: $requests requests, $per instructions per request" >&2
    if [[ -z ${best[$name]:-} || $per -lt ${best[$name]} ]]; then best[$name]=$per; fi
  done
done

printf '%-8s %14s\n' server 'instr/request'
for name in "${servers[@]}"; do printf '%-8s %14s\n' "$name" "${best[$name]:-n/a}"; done
if [[ -n ${best[nodus]:-} && -n ${best[c]:-} ]]; then
  awk -v n="${best[nodus]}" -v c="${best[c]}" 'BEGIN{printf "nodus/c %.1fx\n", n / c}'
fi
if [[ -n ${best[nodus]:-} && -n ${best[node]:-} ]]; then
  awk -v n="${best[nodus]}" -v o="${best[node]}" 'BEGIN{printf "node/nodus %.2fx\n", o / n}'
fi
