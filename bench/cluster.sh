#!/usr/bin/env bash
# Beyond one core: the front-page hello world server as one process, under `cluster` with one
# worker per core (bench/cluster_hello.js), and as one process per core behind nginx
# (examples/nginx/run.sh), for Nodus (-c opt) and node in the same run, ROUNDS interleaved
# rounds (default 3, best counts) of DURATION seconds (default 5), 50 keep-alive connections.
# Nothing is pinned: the servers may use both cores, and so does wrk (-t1), which shares them;
# on a 2-core machine the load generator takes a core's worth from the servers, so read the
# ratios (cluster / one process), not the absolute figures.
# Env: NODUS=binary (skip the build), WORKERS (default: the number of CPUs).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-5}
rounds=${ROUNDS:-3}
workers=${WORKERS:-$(nproc)}
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
if [[ -z ${NODUS:-} ]]; then
  ./bazelw build -c opt //runtime >/dev/null 2>&1
  NODUS=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
fi
out=$(mktemp -d)
pid=
cleanup() { [[ -n $pid ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$out"; }
trap cleanup EXIT
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
listening() {
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $1), 1)" 2>/dev/null
}

# run <runtime name> <setup> <round>
run() {
  local name=$1 setup=$2 round=$3 bin port
  bin=$NODUS
  [[ $name == node ]] && bin=$(command -v node)
  port=$(free_port)
  case $setup in
    single) "$bin" bench/http_hello.js "$port" > /dev/null 2>&1 & ;;
    cluster) "$bin" bench/cluster_hello.js "$port" "$workers" > /dev/null 2>&1 & ;;
    nginx) NODUS=$bin examples/nginx/run.sh --port "$port" --backends "$workers" \
             --workers 1 > /dev/null 2>&1 & ;;
  esac
  pid=$!
  for _ in $(seq 200); do listening "$port" && break; sleep 0.05; done
  sleep 0.3  # every cluster worker listening, not only the first
  wrk -t1 -c50 -d"${duration}s" "http://127.0.0.1:$port/" > "$out/$name.$setup.$round"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
}

setups=(single cluster nginx)
for round in $(seq "$rounds"); do
  for setup in "${setups[@]}"; do
    for name in nodus node; do run "$name" "$setup" "$round"; done
  done
done

python3 - "$out" "$rounds" "$workers" "$duration" <<'PY'
import re, sys
out, rounds, workers, duration = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def rps(name, setup):
    best = 0.0
    for r in range(1, rounds + 1):
        text = open(f"{out}/{name}.{setup}.{r}").read()
        m = re.search(r"Requests/sec:\s+([\d.]+)", text)
        if m: best = max(best, float(m.group(1)))
    return best
print(f"hello world, 50 keep-alive conns, {duration} s, best of {rounds} interleaved rounds, "
      f"{workers} workers/backends, wrk -t1 on the same cores")
print(f'{"setup":<32} {"nodus req/s":>12} {"node req/s":>12} {"nodus/node":>11}')
r = {(n, s): rps(n, s) for n in ("nodus", "node") for s in ("single", "cluster", "nginx")}
labels = {"single": "one process", "cluster": f"cluster, {workers} workers",
          "nginx": f"nginx + {workers} processes"}
for s in ("single", "cluster", "nginx"):
    print(f'{labels[s]:<32} {r["nodus", s]:>12,.0f} {r["node", s]:>12,.0f} '
          f'{r["nodus", s] / r["node", s]:>10.2f}x')
for n in ("nodus", "node"):
    print(f'{n}: cluster / one process = {r[n, "cluster"] / r[n, "single"]:.2f}x, '
          f'nginx / one process = {r[n, "nginx"] / r[n, "single"]:.2f}x')
PY
