#!/usr/bin/env bash
# Runs one JS test with the built runtime: `run_js_test.sh <runtime> <test.js> [args...]`.
# The test passes when the runtime exits with 0. A `.out` file beside the test, if present, is a
# golden expectation for stdout+stderr where `[WILDCARD]` matches anything (message tests).
set -u
runtime=$1
script=$2
shift 2
golden="${script%.js}.out"
if [[ -f "$golden" ]]; then
  actual=$("$runtime" "$script" "$@" 2>&1)
  status=$?
  exec /usr/bin/python3 tools/match_golden.py "$golden" "$status" <<<"$actual"
fi
exec "$runtime" "$script" "$@"
