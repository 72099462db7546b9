#!/usr/bin/env bash
# Idle connections up to the machine's descriptor limit: CONNS (default 19,000; the hard limit
# is 20,000 descriptors per process and cannot be raised) connections held open to one server,
# the client side split over CLIENTS processes (default 4), each on its own loopback source
# address (127.0.0.1-4). Two servers kinds, each under Nodus (-c opt), node, bun (when present)
# and, for HTTP, the plain C server (bench/c_server):
#   echo: the front-page echo server (bench/echo_server.js: greets, then socket.pipe(socket)),
#   http: the front-page hello world server (bench/http_hello.js), connections never used.
# For each: server VmRSS once listening and once it holds every connection (SETTLE s later, default 3), the
# bytes per connection, a request on one connection picked at random (it must be answered),
# and what 1,000,000 connections would take at that cost (RSS only: the kernel's own socket
# memory is not in it, and one process cannot hold them: 50+ processes at 20,000 each).
# Server on CPU 0, clients on CPU 1 (bench/idle_conns.py does the work).
# Env: NODUS=binary (skip the build), KINDS ("echo http"), CONNS, CLIENTS, BUN=path.
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${CONNS:-19000}
clients=${CLIENTS:-4}
if [[ -z ${NODUS:-} ]]; then
  ./bazelw build -c opt //runtime >/dev/null 2>&1
  NODUS=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
fi
./bazelw build -c opt //bench/c_server:hello_server >/dev/null 2>&1
c_server=$(./bazelw info -c opt bazel-bin 2>/dev/null)/bench/c_server/hello_server
bun=${BUN:-/root/.cache/nodus-bench/bun/node_modules/.bin/bun}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for kind in ${KINDS:-echo http}; do
  script=bench/echo_server.js
  [[ $kind == http ]] && script=bench/http_hello.js
  servers=("nodus=$NODUS $script" "node=node $script")
  [[ -x $bun ]] && servers+=("bun=$bun $script")
  [[ $kind == http ]] && servers+=("c=$c_server")
  python3 bench/idle_conns.py "$kind" "$conns" "$clients" "${servers[@]}" | sed "s/^{/{\"kind\": \"$kind\", /" >> "$out"
done
python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("%-5s %-6s %7s %8s %12s %12s %10s %14s  %s" % ("kind", "server", "conns", "held", "RSS before KB",
      "RSS after KB", "B/conn", "1e6 conns GB", "probe"))
for r in rows:
    b = r.get("bytes_per_conn")
    print("%-5s %-6s %7s %8s %12s %12s %10s %14s  %s" % (
        r["kind"], r["server"], r.get("opened"), r.get("held"), r.get("rss_before_kb"),
        r.get("rss_after_kb"), "{:,}".format(b) if b is not None else "-",
        "%.2f" % (b * 1e6 / 2**30) if b is not None else "-", r.get("probe", r.get("error"))))
for kind in ("echo", "http"):
    k = {r["server"]: r.get("bytes_per_conn") for r in rows if r["kind"] == kind}
    if k.get("nodus"):
        print("%s: bytes per connection, peers/nodus: %s" % (kind, ", ".join(
            "%s %.2fx" % (p, v / k["nodus"]) for p, v in k.items() if p != "nodus" and v)))
PY
