#!/usr/bin/env bash
# The embedded code cache is consumed (V8 accepts it for the builtins a hello-world program
# loads), and a cache V8 rejects (other V8 flags on the command line change the flag hash the
# cache was made under) still runs the program correctly, compiled from source.
set -uo pipefail
runtime=$1
tmp=${TEST_TMPDIR:-$(mktemp -d)}
fail=0
check() {  # check <name> <condition result> <message>
  if [[ $2 == 0 ]]; then echo "ok   $1"; else echo "FAIL $1: $3"; fail=1; fi
}
cat > "$tmp/hello.js" <<'JS'
var http = require('http');
console.log('Hello World %d', 1 + 1);
JS

out=$(NODUS_DEBUG_CODE_CACHE=1 "$runtime" "$tmp/hello.js" 2>"$tmp/err"); rc=$?
check "accepted: exit code" $rc "exit $rc, stderr: $(cat "$tmp/err")"
[[ $out == "Hello World 2" ]]; check "accepted: output" $? "stdout was '$out'"
for id in _bootstrap events module console http net; do
  grep -qx "code cache $id: accepted" "$tmp/err"; check "accepted: $id" $? "$(cat "$tmp/err")"
done
! grep -q "rejected" "$tmp/err"; check "accepted: nothing rejected" $? "$(cat "$tmp/err")"

# Without the variable the runtime says nothing about the cache.
out=$("$runtime" "$tmp/hello.js" 2>"$tmp/err"); rc=$?
[[ $rc == 0 && $out == "Hello World 2" && ! -s "$tmp/err" ]]
check "quiet by default" $? "exit $rc, stdout '$out', stderr: $(cat "$tmp/err")"

out=$(NODUS_DEBUG_CODE_CACHE=1 "$runtime" --stack-size=900 "$tmp/hello.js" 2>"$tmp/err"); rc=$?
check "rejected: exit code" $rc "exit $rc, stderr: $(cat "$tmp/err")"
[[ $out == "Hello World 2" ]]; check "rejected: output" $? "stdout was '$out'"
for id in _bootstrap events http; do
  grep -qx "code cache $id: rejected" "$tmp/err"; check "rejected: $id" $? "$(cat "$tmp/err")"
done
! grep -q "accepted" "$tmp/err"; check "rejected: nothing accepted" $? "$(cat "$tmp/err")"

# A program that throws from a builtin compiled under a rejected cache still gets its stack.
out=$("$runtime" --stack-size=900 -e "require('fs').readFileSync('$tmp/does-not-exist')" 2>&1); rc=$?
[[ $rc != 0 && $out == *ENOENT* && $out == *fs.js* ]]
check "rejected: errors from builtins" $? "exit $rc, output: $out"
exit $fail
