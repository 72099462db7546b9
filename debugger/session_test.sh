#!/usr/bin/env bash
# A scripted `runtime debug` session: session_test.sh <runtime> <script.js> [pipe]
# feeds <script>.stdin to the debugger (from the file itself, or through a pipe with `pipe`, the
# two ways the client reads commands) and compares the transcript with <script>.out, where
# [WILDCARD] stands for ports and paths (tools/match_golden.py).
set -u
runtime=$1
script=$2
commands=${script%.js}.stdin
golden=${script%.js}.out
if [[ "${3:-}" == pipe ]]; then
  out=$(cat "$commands" | timeout 120 "$runtime" debug "$script" 2>&1)
else
  out=$(timeout 120 "$runtime" debug "$script" <"$commands" 2>&1)
fi
status=$?
printf '%s\n' "$out" | python3 tools/match_golden.py "$golden" "$status"
