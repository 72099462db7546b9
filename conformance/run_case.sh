#!/usr/bin/env bash
# Runs one conformance case that reads stdin: `run_case.sh <runtime> <case.js> [args...]`.
# The case's `<case>.stdin` file beside it is fed to the runtime on stdin, since the documented
# example reads its own process's stdin; otherwise exactly tools/run_js_test.sh.
set -u
stdin="${2%.js}.stdin"
exec tools/run_js_test.sh "$@" <"$stdin"
