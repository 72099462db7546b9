#!/usr/bin/env bash
# //repl over a pipe: it must be the REPL (not "run stdin as a script"). Usage: repl_test.sh <repl>
set -u
repl=$1
out=$(printf '%s\n' '1 + 2' '[ "a", "b", "c" ]' '_.length' 'function f(x) {' '  return x * 2;' '}' \
        'f(21)' 'throw new Error("boom")' 'process.argv.length' '.exit' '"not reached"' \
      | "$repl" 2>&1)
rc=$?
expected="Type '.help' for options.
> 3
> [ 'a', 'b', 'c' ]
> 3
> ... ... undefined
> 42
> Error: boom
    at repl:1:7
> 1
> "
if [[ $rc -ne 0 || "$out" != "$expected" ]]; then
  echo "FAIL: exit $rc, output:"
  printf '%s\n' "$out"
  echo "--- expected:"
  printf '%s\n' "$expected"
  exit 1
fi
echo "repl answered over a pipe"
