#!/usr/bin/env bash
# Runs a JS test under a lowered descriptor limit: run_js_test_ulimit.sh <n> <runtime> <test.js>.
set -u
ulimit -n "$1" || exit 1
shift
exec tools/run_js_test.sh "$@"  # Tests run from the runfiles root.
