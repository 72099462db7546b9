#!/usr/bin/env bash
# tools/fuzz/run.sh [target] [seconds]: builds the fuzz targets with clang + libFuzzer + ASan/UBSan
# (--config=fuzz) and fuzzes each for `seconds` (default 60), then prints executions, coverage and
# crashes per target. `target` is a name (http_parser_fuzzer), a label, or `all` (the default).
#
# The build uses an output base of its own (~/.cache/nodus-bazel-fuzz): --config=fuzz configures
# Bazel's C++ toolchain for clang, and doing that in the shared output base would make the next
# gcc build reconfigure and rebuild everything. Each target keeps a working corpus (seeds plus
# what libFuzzer found) and its crashes under $NODUS_FUZZ_OUT (default ~/.cache/nodus-fuzz):
#   <out>/<target>/corpus/     inputs that reached new coverage (grows across runs)
#   <out>/<target>/crashes/    crash-*, leak-*, timeout-*, oom-* inputs, one file each
#   <out>/<target>/log.txt     libFuzzer's output of the last run
# A crash input is replayed with the plain test binary: bazel-bin/<pkg>/<target> <file>.
# Extra libFuzzer flags can be given in NODUS_FUZZ_FLAGS. Exit status 1 if any target crashed.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$here"

ALL_TARGETS=(
  //runtime/fuzz:http_parser_fuzzer
  //runtime/fuzz:url_fuzzer
  //runtime/fuzz:querystring_fuzzer
  //runtime/fuzz:buffer_fuzzer
  //runtime/fuzz:ipc_line_fuzzer
  //runtime/core/encoding:encoding_fuzzer
  //debugger/fuzz:framing_fuzzer
  //debugger/fuzz:json_fuzzer
)

which=${1:-all}
seconds=${2:-60}
out=${NODUS_FUZZ_OUT:-$HOME/.cache/nodus-fuzz}
output_base=${NODUS_FUZZ_OUTPUT_BASE:-$HOME/.cache/nodus-bazel-fuzz}

targets=()
if [[ "$which" == all ]]; then
  targets=("${ALL_TARGETS[@]}")
else
  for t in "${ALL_TARGETS[@]}"; do
    [[ "$t" == "$which" || "${t##*:}" == "$which" ]] && targets+=("$t")
  done
  [[ ${#targets[@]} -gt 0 ]] || { echo "run.sh: no fuzz target named $which" >&2; exit 2; }
fi

bazel=(./bazelw --output_base="$output_base")
mkdir -p "$out"
# --symlink_prefix=/: no bazel-bin etc. in the workspace, which point at the shared output base.
if ! "${bazel[@]}" build --config=fuzz --symlink_prefix=/ "${targets[@]}" >"$out/build.log" 2>&1; then
  grep -v 'Cannot export local symbol' "$out/build.log" | tail -40 >&2
  echo "run.sh: build failed (full log: $out/build.log)" >&2
  exit 2
fi
bin=$("${bazel[@]}" info --config=fuzz bazel-bin 2>/dev/null)

status=0
printf '%-22s %10s %8s %8s %8s %s\n' target execs exec/s cov ft new-crashes
for t in "${targets[@]}"; do
  pkg=${t#//}; pkg=${pkg%%:*}; name=${t##*:}
  dir="$out/$name"
  mkdir -p "$dir/corpus" "$dir/crashes"
  before=$(ls "$dir/crashes" | wc -l)
  # The V8 targets need room (V8 reserves address space and its heap counts toward RSS), and run
  # without libFuzzer's per-input leak check: V8 keeps what an input allocated (code, maps, heap
  # pages) in memory LeakSanitizer does not scan, and reports it as leaked. Their plain test
  # under --config=asan still checks for leaks at exit, after the isolate is disposed.
  leaks=1
  [[ "$pkg" == runtime/fuzz ]] && leaks=0
  "$bin/$pkg/$name" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=4096 -detect_leaks=$leaks \
    -print_final_stats=1 -artifact_prefix="$dir/crashes/" ${NODUS_FUZZ_FLAGS:-} \
    "$dir/corpus" "$pkg/corpus/$name" >"$dir/log.txt" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log.txt" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log.txt" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$dir/log.txt" | tail -1 | cut -d' ' -f2)
  ft=$(grep -oE 'ft: [0-9]+' "$dir/log.txt" | tail -1 | cut -d' ' -f2)
  crashes=$(( $(ls "$dir/crashes" | wc -l) - before ))
  printf '%-22s %10s %8s %8s %8s %s\n' "$name" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$crashes"
  if [[ $rc -ne 0 ]]; then
    status=1
    echo "  $name exited with $rc; see $dir/log.txt" >&2
    grep -m3 -E 'ERROR: |SUMMARY: |check failed' "$dir/log.txt" | sed 's/^/  /' >&2
  fi
done
exit $status
