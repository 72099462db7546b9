#!/usr/bin/env bash
# npm 1.1, as installed by //:install, against a local registry (registry.js on 127.0.0.1,
# serving testdata/packages): a dependency tree, `npm install` from a package.json, a global
# install whose bin link runs on the installed node, lifecycle scripts, `npm test`,
# `npm run-script`, `npm ls`, `npm uninstall`, `npm update`, a second install served from npm's
# cache with the registry gone, `npm cache clean`, a scripted `npm init`; and the failures: a
# registry that is not there, a tarball whose sha1 does not match, a package.json with a syntax
# error, a package that does not exist, a lifecycle script that fails, an unwritable prefix. Each
# failure must be npm's own message and a non-zero exit, and leave nothing that looks installed.
# Nothing here reaches the network.
#
# Arguments: the build arguments //:install gets (up to --end-of-build-args), then registry.js.
set -uo pipefail

build_args=()
while [[ $1 != --end-of-build-args ]]; do build_args+=("$1"); shift; done
shift
registry_js=$(pwd)/$1
testdata=$(pwd)/$(dirname "$1")/testdata

T=${TEST_TMPDIR:-$(mktemp -d)}
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
check() { local what=$1; shift; "$@" || fail "$what"; }

P="$T/prefix"
bash tools/install/install.sh "${build_args[@]}" --end-of-build-args "$P" >/dev/null \
  || { echo "FAIL: install" >&2; exit 1; }

# Only the installed Nodus and the system's tools on PATH; npm's user files in a scratch home.
export PATH="$P/bin:/usr/bin:/bin"
export HOME="$T/home"
mkdir -p "$HOME"
export npm_config_userconfig="$HOME/.npmrc"
export npm_config_cache="$HOME/.npm"
export npm_config_fetch_retries=0
# As root, npm 1.1 drops to `nobody` for some steps (-g installs ask a child for nobody's uid);
# Bazel's sandbox maps only root in its user namespace, so setuid(nobody) is EINVAL there, for
# any runtime. Keep npm's privileges: the test is about npm on Nodus, not the sandbox.
export npm_config_unsafe_perm=true
export TMPDIR="$T/tmp"
mkdir -p "$TMPDIR"
export npm_config_loglevel=http

# The registry serves a copy of the fixtures, so a test can publish a version into it.
cp -RL "$testdata/packages" "$T/packages"
mkdir -p "$T/registry"
node "$registry_js" "$T/packages" "$T/registry" >"$T/registry.log" 2>&1 &
registry_pid=$!
trap 'kill $registry_pid 2>/dev/null' EXIT
for _ in $(seq 1 200); do [[ -f "$T/registry/port" ]] && break; sleep 0.05; done
[[ -f "$T/registry/port" ]] || { cat "$T/registry.log" >&2; echo "FAIL: registry did not start" >&2; exit 1; }
export npm_config_registry="http://127.0.0.1:$(cat "$T/registry/port")/"
requests() { wc -l <"$T/registry/requests.log"; }

# Runs npm in $1 (made if missing) with the rest as arguments, output in $T/out.txt; the status
# is npm's. A hang is a failure, never a stuck test.
npm_in() {
  local dir=$1; shift
  mkdir -p "$dir"
  (cd "$dir" && timeout 120 npm "$@" >"$T/out.txt" 2>&1)
}
show() { echo "--- npm output:" >&2; cat "$T/out.txt" >&2; }

# A dependency tree: tree-a -> tree-b (1.x) -> tree-c (>=0.1.0).
A="$T/proj"
npm_in "$A" install tree-a@1.0.0 || { fail "npm install tree-a@1.0.0"; show; }
check "tree-a installed" test -f "$A/node_modules/tree-a/package.json"
check "tree-b under tree-a" test -f "$A/node_modules/tree-a/node_modules/tree-b/package.json"
check "tree-c under tree-b" test -f "$A/node_modules/tree-a/node_modules/tree-b/node_modules/tree-c/package.json"
check "the tree loads" test "$(cd "$A" && node -e "var a = require('tree-a'); console.log(a.name, a.b.name, a.b.c.name)")" \
  = "tree-a@1.0.0 tree-b@1.0.0 tree-c@0.1.0"

# A package bigger than one read of a file stream: npm 1.1 reads the downloaded tarball with
# fs.ReadStream and unpacks it through zlib and tar. (A ReadStream that handed out one 256 KiB
# read as 64 KiB slices broke this with "cb() never called" while every smaller package here
# installed.) 600 KB of random bytes do not compress, so the tarball is as big.
mkdir -p "$T/packages/bigfile/1.0.0"
echo '{"name": "bigfile", "version": "1.0.0"}' >"$T/packages/bigfile/1.0.0/package.json"
head -c 600000 /dev/urandom >"$T/packages/bigfile/1.0.0/data.bin"
npm_in "$T/big" install bigfile@1.0.0 || { fail "npm install bigfile@1.0.0"; show; }
check "bigfile's data unpacked whole" \
  cmp "$T/big/node_modules/bigfile/data.bin" "$T/packages/bigfile/1.0.0/data.bin"

# npm ls prints the tree.
npm_in "$A" ls || { fail "npm ls"; show; }
check "npm ls shows the tree" grep -q 'tree-c@0.1.0' "$T/out.txt"

# Lifecycle scripts run in order, on the installed node.
npm_in "$A" install lifecycle || { fail "npm install lifecycle"; show; }
check "preinstall, install, postinstall ran on this node" test "$(cat "$A/node_modules/lifecycle/ran.txt")" = \
  "preinstall v0.6.3 $P/bin/node
install v0.6.3 $P/bin/node
postinstall v0.6.3 $P/bin/node"

# npm uninstall.
npm_in "$A" uninstall tree-a || { fail "npm uninstall tree-a"; show; }
check "uninstall removes tree-a" test ! -e "$A/node_modules/tree-a"
check "uninstall keeps the rest" test -d "$A/node_modules/lifecycle"

# A global install: the bin link lands in PREFIX/bin and starts on the installed node.
npm_in "$T/g" install -g withbin || { fail "npm install -g withbin"; show; }
check "the bin link is in PREFIX/bin" test -L "$P/bin/nodus-hello"
check "the linked command runs on Nodus" test "$(cd "$T" && nodus-hello)" = "hello from v0.6.3 at $P/bin/node"
npm_in "$T/g" ls -g || { fail "npm ls -g"; show; }
check "npm ls -g lists it" grep -q 'withbin@1.0.0' "$T/out.txt"

# A project: npm install from package.json, npm test, npm run-script, npm update.
B="$T/app"
mkdir -p "$B"
cat >"$B/package.json" <<'JSON'
{ "name": "app", "version": "0.0.1", "description": "x", "repository": "none",
  "dependencies": { "tree-b": "1.x" },
  "scripts": { "test": "node test.js",
               "greet": "node -e \"console.log('greet ran on ' + process.version)\"" } }
JSON
echo "console.log('test ran with ' + require('tree-b').name)" >"$B/test.js"
npm_in "$B" install || { fail "npm install from package.json"; show; }
check "package.json's dependency installed" test -f "$B/node_modules/tree-b/package.json"
npm_in "$B" test || { fail "npm test"; show; }
check "npm test ran the test script" grep -q 'test ran with tree-b@1.0.0' "$T/out.txt"
npm_in "$B" run-script greet || { fail "npm run-script greet"; show; }
check "npm run-script ran greet" grep -q 'greet ran on v0.6.3' "$T/out.txt"
mkdir -p "$T/packages/tree-b/1.1.0"
cp -L "$testdata/later/tree-b/1.1.0/"* "$T/packages/tree-b/1.1.0/"
npm_in "$B" update || { fail "npm update"; show; }
check "npm update takes the new version" \
  test "$(cd "$B" && node -e "console.log(require('tree-b').name)")" = tree-b@1.1.0

# A second install, with the registry gone, is served from npm's cache.
before=$(requests)
kill $registry_pid; wait $registry_pid 2>/dev/null
npm_in "$T/cached" install tree-a@1.0.0 --cache-min 99999999 || { fail "install from the cache"; show; }
check "the cached install is complete" \
  test -f "$T/cached/node_modules/tree-a/node_modules/tree-b/node_modules/tree-c/package.json"
check "the cached install asked the registry nothing" test "$(requests)" = "$before"

# The registry is gone now: the install fails with npm's message and leaves nothing.
npm_in "$T/unreachable" install tree-c
status=$?
check "unreachable registry: non-zero exit" test $status -ne 0
check "unreachable registry: npm's message" grep -q 'npm ERR!.*ECONNREFUSED\|failed to fetch from registry' "$T/out.txt"
check "unreachable registry: nothing installed" test ! -e "$T/unreachable/node_modules/tree-c"

# npm cache clean empties the cache.
npm_in "$T/cached" cache clean || { fail "npm cache clean"; show; }
check "npm cache clean empties the cache" test -z "$(ls -A "$npm_config_cache" 2>/dev/null)"

# The registry again, for the remaining failures.
: >"$T/registry/requests.log"; rm -f "$T/registry/port"
node "$registry_js" "$T/packages" "$T/registry" >>"$T/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 200); do [[ -f "$T/registry/port" ]] && break; sleep 0.05; done
export npm_config_registry="http://127.0.0.1:$(cat "$T/registry/port")/"

# A tarball whose sha1 does not match what the registry says.
npm_in "$T/badsum" install badsum
status=$?
check "bad sha1: non-zero exit" test $status -ne 0
check "bad sha1: npm's message" grep -q 'shasum check failed' "$T/out.txt"
check "bad sha1: nothing installed" test ! -e "$T/badsum/node_modules/badsum"

# A package that does not exist.
npm_in "$T/missing" install no-such-package
status=$?
check "missing package: non-zero exit" test $status -ne 0
check "missing package: npm's message" grep -q "404 'no-such-package' is not in the npm registry" "$T/out.txt"
check "missing package: nothing installed" test ! -e "$T/missing/node_modules/no-such-package"

# A lifecycle script that fails.
npm_in "$T/failing" install failscript
status=$?
check "failing script: non-zero exit" test $status -ne 0
check "failing script: npm's message" grep -q 'failscript@1.0.0 install: `node -e' "$T/out.txt"
check "failing script: rolled back" test ! -e "$T/failing/node_modules/failscript"

# A package.json with a syntax error.
mkdir -p "$T/broken"
echo '{ "name": "broken", "version": ' >"$T/broken/package.json"
npm_in "$T/broken" install
status=$?
check "broken package.json: non-zero exit" test $status -ne 0
check "broken package.json: npm's message" grep -q 'Failed to parse json' "$T/out.txt"
check "broken package.json: nothing installed" test ! -e "$T/broken/node_modules"

# An unwritable prefix for a global install (a path through a regular file: root writes anywhere).
echo "a file" >"$T/afile"
npm_in "$T/g2" install -g withbin --prefix "$T/afile/sub"
status=$?
check "unwritable prefix: non-zero exit" test $status -ne 0
check "unwritable prefix: npm's message" grep -q 'npm ERR!.*ENOTDIR\|npm ERR!.*EEXIST' "$T/out.txt"

# npm's errors when its output is a closed pipe: it must still exit, not spin or hang.
(cd "$T/broken" && timeout 60 npm install 2>&1 | head -n 1 >/dev/null; echo "${PIPESTATUS[0]}" >"$T/status")
check "npm with a closed stdout exits (no hang)" test "$(cat "$T/status")" != 124

# A scripted npm init: answers typed as each prompt appears.
mkdir -p "$T/init"
cat >"$T/init-driver.js" <<'JS'
var spawn = require('child_process').spawn;
var answers = [['name:', 'myinit'], ['version:', '1.2.3'], ['description:', 'made by npm init'],
  ['entry point:', 'main.js'], ['test command:', 'node test.js'], ['git repository:', ''],
  ['keywords:', 'nodus'], ['author:', 'me'], ['license:', 'MIT'], ['Is this ok?', 'yes']];
var child = spawn('npm', ['init']);
var seen = '';
child.stdout.on('data', function(d) {
  seen += d;
  while (answers.length && seen.indexOf(answers[0][0]) >= 0) {
    seen = seen.slice(seen.indexOf(answers[0][0]) + answers[0][0].length);
    child.stdin.write(answers.shift()[1] + '\n');
  }
});
child.on('exit', function(code) { process.exit(code || answers.length); });
JS
(cd "$T/init" && timeout 120 node "$T/init-driver.js" >"$T/out.txt" 2>&1) || { fail "npm init"; show; }
check "npm init wrote package.json" test "$(cd "$T/init" && node -e "
  var p = JSON.parse(require('fs').readFileSync('package.json', 'utf8'));
  console.log(p.name, p.version, p.main, p.scripts.test, p.keywords.join(), p.license)")" \
  = "myinit 1.2.3 main.js node test.js nodus MIT"

if [[ $fails -ne 0 ]]; then
  echo "$fails check(s) failed" >&2
  exit 1
fi
echo "npm_test: all checks passed"
