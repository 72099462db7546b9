#!/usr/bin/env bash
# bench/buffer_cpu.sh: the buffer cases of bench/buffer.sh as fixed work measured in CPU time.
# Each case does the same number of operations under Nodus (-c opt) and node
# (bench/buffer_work.js), pinned to CPU 1, RUNS times each, alternating (default 5); the least CPU
# time (user + system, minus the set-up measured with no operations) gives operations per CPU
# second. CPU time is what a shared, noisy machine disturbs least: the wall-clock rates of
# bench/buffer.sh swing by tens of percent between runs here. Prints the nodus/node ratio
# (above 1: Nodus is faster). Run: bench/buffer_cpu.sh (about 2 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
./bazelw build -c opt //runtime >/dev/null 2>&1 || { ./bazelw build -c opt //runtime; exit 1; }
runtime=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
runs=${RUNS:-5}

# CPU seconds (user + system) of one run of: <runtime> bench/buffer_work.js <args...>
cpu_once() {
  local rt=$1
  shift
  { /usr/bin/time -f "%U %S" taskset -c 1 "$rt" bench/buffer_work.js "$@" >/dev/null; } 2>&1 |
    tail -1 | awk '{print $1 + $2}'
}

# The least CPU seconds of `runs` runs each of nodus and node on the same arguments, the two
# alternating so that a slow spell of the machine hits both: prints "<nodus> <node>".
cpu_pair() {
  local a= b= t i
  for ((i = 0; i < runs; i++)); do
    t=$(cpu_once "$runtime" "$@")
    if [[ -z "$a" ]] || awk -v x="$t" -v y="$a" 'BEGIN {exit !(x < y)}'; then a=$t; fi
    t=$(cpu_once node "$@")
    if [[ -z "$b" ]] || awk -v x="$t" -v y="$b" 'BEGIN {exit !(x < y)}'; then b=$t; fi
  done
  echo "$a $b"
}

printf '%-22s %14s %14s %11s\n' case 'nodus ops/cpu-s' 'node ops/cpu-s' nodus/node
while read -r name size n; do
  read -r nb db <<<"$(cpu_pair "$name" "$size" 0)"
  read -r nw dw <<<"$(cpu_pair "$name" "$size" "$n")"
  awk -v name="$name $size" -v n="$n" -v nb="$nb" -v nw="$nw" -v db="$db" -v dw="$dw" 'BEGIN {
    a = (nw - nb > 0.001) ? n / (nw - nb) : 0; b = (dw - db > 0.001) ? n / (dw - db) : 0;
    printf "%-22s %14.0f %14.0f %10.2fx\n", name, a, b, (b > 0 ? a / b : 0) }'
done <<'CASES'
utf8-encode KB 400000
utf8-write KB 800000
utf8-decode KB 400000
base64-encode KB 1500000
base64-decode KB 800000
utf8-encode MB 400
utf8-write MB 1000
utf8-decode MB 250
base64-encode MB 2000
base64-decode MB 2000
alloc64 KB 20000000
CASES
