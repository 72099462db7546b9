#!/usr/bin/env bash
# bench/js_hot.sh [case...]: the plain-JS hot paths of bench/js_hot.js (EventEmitter#emit,
# timers, nextTick, small Buffer slices/toString, util.inherits objects, stream.pipe, a general
# mix, npm 1.1's require tree) under Nodus (-c opt) and node, and bun when BUN names its binary.
#
# First figure: instructions per operation, counted by callgrind (repeatable on a busy machine):
# (Ir(case, n) - Ir(case, 0)) / n, where n = 0 runs the same set-up without the work. Second
# figure: wall time per operation from RUNS (default 3) interleaved native runs of WALL_X times
# as much work (default 10), least of each, set-up subtracted; ratio = node time / nodus time
# (above 1: Nodus is faster). WALL=0 skips the wall-clock runs; JOBS (default 2) callgrind runs
# at once. NODUS overrides the runtime binary; NODUS_FLAGS are passed to it (e.g.
# --concurrent-recompilation). Run: bench/js_hot.sh (about 10 min), or name the cases.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${NODUS:-}" ]]; then
  ./bazelw build -c opt //runtime >/dev/null 2>&1 || { ./bazelw build -c opt //runtime; exit 1; }
  NODUS=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
fi
runs=${RUNS:-3}
wall_x=${WALL_X:-10}
jobs=${JOBS:-2}
flags=${NODUS_FLAGS:-}
npm_dir=${NPM_DIR:-/tmp/nodus-ecosystem/prefix/lib/node_modules/npm}
export NPM_DIR=$npm_dir
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# case  n-under-callgrind
all_cases="emit0 200000
emit1 200000
emit2 200000
emit3 200000
emit_many 200000
emit_none 200000
on_off 100000
once 100000
timeout 100000
clear 100000
interval 50000
tick 100000
tick_chain 100000
slice 100000
tostring 100000
tostring_ascii 100000
inherits 50000
pipe 100000
mix 20000
address 50000
udp 20000
http_headers 20000
npm_load 1"
if [[ $# -gt 0 ]]; then
  sel=""
  for c in "$@"; do sel+=$(grep "^$c " <<<"$all_cases")$'\n'; done
  all_cases=$sel
fi

runtimes=(nodus node)
[[ -n "${BUN:-}" ]] && runtimes+=(bun)
cmd_for() {  # the command line of runtime $1
  case $1 in
    nodus) echo "$NODUS $flags" ;;
    node) echo "node --no-deprecation" ;;
    bun) echo "$BUN" ;;
  esac
}

# Instruction counts: one job per (runtime, case, n), JOBS at a time.
while read -r c n; do
  [[ -z "$c" ]] && continue
  for rt in "${runtimes[@]}"; do
    for k in 0 "$n"; do echo "$rt $c $k"; done
  done
done <<<"$all_cases" >"$tmp/jobs"
export tmp
export -f cmd_for
export NODUS flags BUN
xargs -P "$jobs" -L 1 bash -c '
  rt=$0 c=$1 k=$2
  valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file=/dev/null \
    $(cmd_for "$rt") bench/js_hot.js "$c" "$k" >/dev/null 2>"$tmp/$rt.$c.$k.log" || true
  sed -n "s/.*Collected : //p" "$tmp/$rt.$c.$k.log" >"$tmp/$rt.$c.$k.ir"' <"$tmp/jobs"

# Wall time in seconds of one native run.
wall_once() {
  local s e
  s=$(date +%s.%N)
  $(cmd_for "$1") bench/js_hot.js "$2" "$3" >/dev/null 2>&1
  e=$(date +%s.%N)
  awk -v s="$s" -v e="$e" 'BEGIN {print e - s}'
}
min() { awk -v a="$1" -v b="$2" 'BEGIN {print (a == "" || b < a) ? b : a}'; }

header="$(printf '%-15s' case)"
for rt in "${runtimes[@]}"; do header+=$(printf ' %12s' "$rt Ir/op"); done
[[ "${WALL:-1}" != 0 ]] && for rt in "${runtimes[@]}"; do
  [[ $rt != nodus ]] && header+=$(printf ' %13s' "$rt/nodus wall")
done
echo "$header"
while read -r c n; do
  [[ -z "$c" ]] && continue
  line=$(printf '%-15s' "$c")
  for rt in "${runtimes[@]}"; do
    a=$(cat "$tmp/$rt.$c.0.ir"); b=$(cat "$tmp/$rt.$c.$n.ir")
    line+=$(awk -v a="$a" -v b="$b" -v n="$n" 'BEGIN {
      if (a == "" || b == "") printf " %12s", "failed"; else printf " %12.0f", (b - a) / n }')
  done
  if [[ "${WALL:-1}" != 0 ]]; then
    wn=$((n * wall_x))
    declare -A w0=() w1=()
    for ((i = 0; i < runs; i++)); do
      for rt in "${runtimes[@]}"; do
        w0[$rt]=$(min "${w0[$rt]:-}" "$(wall_once "$rt" "$c" 0)")
        w1[$rt]=$(min "${w1[$rt]:-}" "$(wall_once "$rt" "$c" "$wn")")
      done
    done
    for rt in "${runtimes[@]}"; do
      [[ $rt == nodus ]] && continue
      line+=$(awk -v a0="${w0[nodus]}" -v a1="${w1[nodus]}" -v b0="${w0[$rt]}" -v b1="${w1[$rt]}" \
        'BEGIN { a = a1 - a0; b = b1 - b0; if (a <= 0.0005) a = 0.0005;
                 printf " %12.2fx", b / a }')
    done
    unset w0 w1
  fi
  echo "$line"
done <<<"$all_cases"
