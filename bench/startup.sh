#!/usr/bin/env bash
# Start-up time of Nodus vs node (and bun when present), in the same run: `-e 0` and a
# hello-world file. Interleaved rounds (each round runs every command once, in turn, ROUNDS
# times, default 30); prints the median and the fastest wall time and the median CPU time
# (user + system) per command, and nodus's ratios to the peers (above 1: Nodus is faster).
# On a shared machine wall time swings with the load; CPU time swings less, and IR=1 adds
# callgrind's instruction counts (user space, repeatable to a fraction of a percent).
#
# Env: NODUS=binary (skip the build), BUN=path (default /root/.cache/nodus-bench/bun/...),
# BASE=binary and BASE_LIBDIR=dir: a baseline Nodus run beside it (LD_LIBRARY_PATH=BASE_LIBDIR
# puts another libnode.so.108 under it, e.g. one without tools/prebind.py).
# NODE_EXTRA_CA_CERTS is unset for all (it adds ~40 ms to node here).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${NODUS:-} ]]; then
  ./bazelw build -c opt //runtime >/dev/null 2>&1
  NODUS=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
fi
BUN=${BUN:-/root/.cache/nodus-bench/bun/node_modules/.bin/bun}
unset NODE_EXTRA_CA_CERTS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "console.log('Hello World');" > "$tmp/hello.js"

cmds=("nodus|$NODUS" "node|node")
[[ -x $BUN ]] && cmds+=("bun|$BUN")
# The baseline starts through env(1), and then so does Nodus: the same exec more for both.
[[ -n ${BASE:-} ]] && cmds=("nodus|env $NODUS" "${cmds[@]:1}" "nodus-base|env LD_LIBRARY_PATH=${BASE_LIBDIR:-} $BASE")

python3 - "$tmp/hello.js" "${ROUNDS:-30}" "${IR:-0}" "${cmds[@]}" <<'PY'
import os, shlex, statistics, subprocess, sys, time
hello, rounds, want_ir = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
cmds = [c.split("|", 1) for c in sys.argv[4:]]
cases = {"-e 0": ["-e", "0"], "hello": [hello]}
wall, cpu = {}, {}
def run(argv):
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if status != 0: sys.exit("failed: %s" % " ".join(argv))
    return dt * 1000, (ru.ru_utime + ru.ru_stime) * 1000
for name, cmd in cmds:  # warm-up: page cache, and a first run of each
    for args in cases.values():
        for _ in range(3): run(shlex.split(cmd) + args)
for _ in range(rounds):
    for case, args in cases.items():
        for name, cmd in cmds:
            w, c = run(shlex.split(cmd) + args)
            wall.setdefault((name, case), []).append(w)
            cpu.setdefault((name, case), []).append(c)
def ir(argv):
    env = dict(os.environ)
    if argv[0] == "env":  # valgrind would measure env(1) itself
        argv = argv[1:]
        while "=" in argv[0]:
            k, v = argv.pop(0).split("=", 1)
            env[k] = v
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env).stderr
    for line in out.splitlines():
        if "refs:" in line: return int(line.split("refs:")[1].replace(",", ""))
    return None
print("start-up, %d interleaved rounds; ms (wall median / fastest, CPU median)%s" %
      (rounds, "; instructions (callgrind)" if want_ir else ""))
for case, args in cases.items():
    row = {}
    for name, cmd in cmds:
        w, c = wall[(name, case)], cpu[(name, case)]
        row[name] = statistics.median(w)
        extra = ""
        if want_ir and name != "bun":
            n = ir(shlex.split(cmd) + args)
            extra = ", %.1fM instructions" % (n / 1e6) if n else ""
        print("  %-6s %-11s wall %6.1f / %6.1f   cpu %6.1f%s" %
              (case, name, statistics.median(w), min(w), statistics.median(c), extra))
    ratios = ", ".join("%s/nodus = %.2fx" % (p, row[p] / row["nodus"]) for p in row if p != "nodus")
    print("  %-6s median wall ratios: %s" % (case, ratios))
PY
