#!/usr/bin/env bash
# The command line: options, -e/-p, V8 flag pass-through, bad input, and the working directory
# under `bazel run`. Usage: cli_test.sh <runtime>
set -u
runtime=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
failures=0
tmp=${TEST_TMPDIR:-$(mktemp -d)}

expect() {  # expect <description> <expected-status> <expected-output-regex> <command...>
  local what=$1 status=$2 pattern=$3
  shift 3
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  if [[ $rc -ne $status ]] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL: $what: exit $rc (want $status), output:"
    echo "$out" | head -20
    failures=$((failures + 1))
  fi
}

expect "-v prints the version" 0 '^v0\.6\.3$' "$runtime" -v
expect "--version prints the version" 0 '^v0\.6\.3$' "$runtime" --version
expect "--help prints usage" 0 'Usage: node' "$runtime" --help
expect "-e evaluates" 0 '^3$' "$runtime" -e 'console.log(1 + 2)'
expect "-p prints the value" 0 '^\[ 1, 2 \]$' "$runtime" -p '[1, 2]'
expect "-e sees argv" 0 '^a,b$' "$runtime" -e 'console.log(process.argv.slice(1).join())' a b
expect "-e has require" 0 '^function$' "$runtime" -e 'console.log(typeof require("util").inspect)'
expect "V8 flags pass through" 0 '^function$' "$runtime" --expose_gc -e 'console.log(typeof gc)'
expect "--v8-options lists V8 flags" 0 'expose' "$runtime" --v8-options
expect "an unknown option is named" 9 'bad option: --no-such-option' "$runtime" --no-such-option
expect "a missing script" 1 "Error: Cannot find module '$tmp/missing.js'" "$runtime" "$tmp/missing.js"
echo 'process.exit(3)' > "$tmp/exit3.js"
expect "process.exit(code) is the exit status" 3 '' "$runtime" "$tmp/exit3.js"
echo 'console.log(process.cwd())' > "$tmp/cwd.js"
mkdir -p "$tmp/work"
# `bazel run` starts the binary in <binary>.runfiles/<workspace> with the user's directory in
# BUILD_WORKING_DIRECTORY: that runtime moves there. A runtime started anywhere else (an installed
# node under a `bazel run` script, say) stays where it was put.
mkdir -p "$tmp/bin/runtime.runfiles/nodus"
cp "$runtime" "$tmp/bin/runtime"
expect "under bazel run, BUILD_WORKING_DIRECTORY is the cwd" 0 "^$tmp/work\$" \
  bash -c "cd '$tmp/bin/runtime.runfiles/nodus' && BUILD_WORKING_DIRECTORY='$tmp/work' '$tmp/bin/runtime' ../cwd.js"
expect "elsewhere, BUILD_WORKING_DIRECTORY is left alone" 0 "^$tmp/work /\$" \
  bash -c "cd '$tmp/work' && BUILD_WORKING_DIRECTORY=/ '$runtime' -e 'console.log(process.cwd(), process.env.BUILD_WORKING_DIRECTORY)'"
expect "no script and an empty stdin: an empty program" 0 '^$' "$runtime" </dev/null
expect "no script and a closed stdin: an empty program" 0 '^$' bash -c "'$runtime' <&-"
expect "no script: stdin is the script" 0 '^2$' \
  bash -c "echo 'console.log(1 + 1)' | '$runtime'"
expect "a script from stdin is [stdin] and runs in the cwd" 0 '^\[stdin\] 6$' \
  bash -c "cd '$tmp' && echo 'exports.n = 6' > mod.js && echo 'console.log(__filename, require(\"./mod\").n)' | '$runtime'"
expect "'-' reads the script from stdin" 0 '^dash$' \
  bash -c "echo 'console.log(\"dash\")' | '$runtime' -"
expect "a stdin script's error is uncaught" 1 'Error: from stdin' \
  bash -c "echo 'throw new Error(\"from stdin\")' | '$runtime'"
expect "-i: the REPL over a pipe" 0 '^> 2$' \
  bash -c "printf '1 + 1\\n' | '$runtime' -i"
expect "-i: multi-line input and _" 0 '^> \.\.\. 7$' \
  bash -c "printf '(3 +\\n4)\\n_ * 2\\n' | '$runtime' -i"
expect "-i: _ holds the last result" 0 '^> 14$' \
  bash -c "printf '(3 +\\n4)\\n_ * 2\\n' | '$runtime' -i"
expect "-i: an error is printed and the REPL goes on" 0 '^> 3$' \
  bash -c "printf 'throw new Error(\"x\")\\n1 + 2\\n' | '$runtime' -i"
expect "-e then -i: the REPL sees the globals -e defined" 0 '^> 5$' \
  bash -c "echo 'x' | '$runtime' -e 'x = 5' -i"
expect "-e then -i: a top-level var of -e stays in its module wrapper" 0 "^> 'undefined'$" \
  bash -c "echo 'typeof y' | '$runtime' -e 'var y = 5' -i"
expect "repl.start(prompt, process.stdin) answers on stdout" 0 '^% 4$' \
  bash -c "echo '2 * 2' | '$runtime' -e 'require(\"repl\").start(\"% \", process.stdin)'"
# A terminal on stdin: the REPL, in raw mode with its own echo and line editing (a pty).
cat > "$tmp/repl_pty.py" <<'PY'
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1]])
out = b''
# Types each line once the prompt is back (the REPL's prompt ends by moving to column 3).
for keys in [b'6 * 8\x7f7\x1b[D\x1b[D\x1b[C\x1b[C\r', b'.exit\r', None]:
    start, end = len(out), time.time() + 5
    while time.time() < end and not (len(out) > start and out.endswith(b'\x1b[3G')):
        if select.select([fd], [], [], 0.1)[0]:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break
    if keys is not None:
        os.write(fd, keys)
_, status = os.waitpid(pid, 0)
sys.stdout.write(repr(out) + ' status=%d' % status)
PY
expect "a terminal on stdin starts the REPL" 0 "Type '.help' for options.*6 \* 7.*42.*status=0\$" \
  /usr/bin/python3 "$tmp/repl_pty.py" "$runtime"
echo 'throw 42' > "$tmp/throw42.js"
expect "a thrown non-Error is printed" 1 '^42$' "$runtime" "$tmp/throw42.js"
echo 'Promise.reject(new Error("nobody listens"))' > "$tmp/reject.js"
expect "an unhandled rejection is fatal" 1 'Error: nobody listens' "$runtime" "$tmp/reject.js"
echo 'process.on("unhandledRejection", function(r) { console.log("got", r.message) }); Promise.reject(new Error("x"))' > "$tmp/reject2.js"
expect "unhandledRejection listeners take it" 0 '^got x$' "$runtime" "$tmp/reject2.js"

cat > "$tmp/stdin.js" <<'JS'
process.stdin.setEncoding('utf8');
var data = '';
process.stdin.on('data', function(chunk) { data += chunk; });
process.stdin.on('end', function() { console.log('got ' + JSON.stringify(data)); });
process.stdin.resume();
JS
expect "process.stdin reads a pipe" 0 '^got "hello\\nworld"$' \
  bash -c "printf 'hello\\nworld' | '$runtime' '$tmp/stdin.js'"
printf 'from a file' > "$tmp/input.txt"
expect "process.stdin reads a file" 0 '^got "from a file"$' \
  bash -c "'$runtime' '$tmp/stdin.js' < '$tmp/input.txt'"
echo 'process.stdin; setTimeout(function() { console.log("exited") }, 1)' > "$tmp/stdin-paused.js"
expect "a paused stdin does not keep the process alive" 0 '^exited$' \
  bash -c "sleep 5 | timeout 4 '$runtime' '$tmp/stdin-paused.js'"

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all CLI checks passed"
