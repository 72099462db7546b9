#!/usr/bin/env bash
# Start-up time of Nodus vs node, in the same run: `runtime -e 0` and a hello-world file.
# NODE_EXTRA_CA_CERTS is unset for both (it adds ~40 ms to node here). Prints the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || apt-get install -y -q hyperfine >/dev/null
./bazelw build -c opt //runtime >/dev/null 2>&1
runtime=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
hello=$(mktemp --suffix=.js)
echo "console.log('Hello World');" > "$hello"
out=$(mktemp --suffix=.json)
unset NODE_EXTRA_CA_CERTS
hyperfine -N --warmup 5 --runs ${RUNS:-40} --export-json "$out" \
  -n "nodus -e 0" "$runtime -e 0" \
  -n "node -e 0" "node -e 0" \
  -n "nodus hello" "$runtime $hello" \
  -n "node hello" "node $hello" >&2
python3 - "$out" <<'PY'
import json, sys
r = {x["command"]: x["mean"] * 1000 for x in json.load(open(sys.argv[1]))["results"]}
for what in ("-e 0", "hello"):
    n, p = r["nodus " + what], r["node " + what]
    print(f"startup {what:6s}: nodus {n:6.1f} ms, node {p:6.1f} ms, node/nodus = {p / n:.2f}x")
PY
rm -f "$hello" "$out"
