#!/usr/bin/env bash
# Tests //:install (tools/install/install.sh): a fresh PREFIX, the same tree moved elsewhere, a
# re-install over it that keeps the user's files, a native addon built by hand against
# PREFIX/include/node, and the install's own bad input (no PREFIX, an unwritable PREFIX).
#
# Arguments: the build arguments //:install gets (up to --end-of-build-args), then the hello
# addon's source.
set -euo pipefail

build_args=()
while [[ $1 != --end-of-build-args ]]; do build_args+=("$1"); shift; done
shift
addon_src=$1

T=${TEST_TMPDIR:-$(mktemp -d)}
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
check() { local what=$1; shift; "$@" || fail "$what"; }
run_install() { bash tools/install/install.sh "${build_args[@]}" --end-of-build-args "$@"; }

# --help and the usage errors.
run_install --help >"$T/help.txt" || fail "--help exits 0"
check "--help says what it lays out" grep -q 'PREFIX/bin/npm' "$T/help.txt"
if run_install >"$T/out.txt" 2>&1; then fail "no PREFIX must fail"; fi
check "no PREFIX says so" grep -q 'no PREFIX given' "$T/out.txt"
echo "a file" >"$T/afile"
if run_install "$T/afile/sub" >"$T/out.txt" 2>&1; then fail "a PREFIX under a file must fail"; fi
check "an unwritable PREFIX says so" grep -q 'cannot create' "$T/out.txt"
check "an unwritable PREFIX leaves nothing" test ! -e "$T/afile/sub"

# A fresh PREFIX, given relative to the directory the user ran the command from.
mkdir -p "$T/user"
BUILD_WORKING_DIRECTORY="$T/user" run_install fresh >"$T/out.txt" || fail "install into a fresh PREFIX"
P="$T/user/fresh"
# ./bazelw's NODUS_USER_CWD wins: from outside the repository, Bazel's directory is the repository.
mkdir -p "$T/user2"
NODUS_USER_CWD="$T/user2" BUILD_WORKING_DIRECTORY="$T/user" run_install rel >/dev/null \
  || fail "install relative to NODUS_USER_CWD"
check "a relative PREFIX is taken from NODUS_USER_CWD" test -x "$T/user2/rel/bin/node"
rm -rf "$T/user2"
check "bin/node is the runtime" test -x "$P/bin/node"
check "bin/nodus is the same program" test "$(readlink "$P/bin/nodus")" = node
check "bin/npm links npm-cli.js" test "$(readlink "$P/bin/npm")" = ../lib/node_modules/npm/bin/npm-cli.js
check "npm is unpacked" test -f "$P/lib/node_modules/npm/package.json"
check "the V8 library is copied" test -f "$P/lib/nodus/libnode.so.108"
check "node.h is installed" test -f "$P/include/node/node.h"
check "V8's headers are installed" test -f "$P/include/node/v8.h"
check "V8's platform header is installed" test -f "$P/include/node/libplatform/libplatform.h"
check "etc/npmrc unsets ca" grep -qx 'ca = null' "$P/etc/npmrc"
check "the runtime loads the V8 library of its own PREFIX" \
  bash -c "ldd '$P/bin/node' | grep -F 'libnode.so.108 => $P/bin/../lib/nodus/libnode.so.108'"
check "no install leftovers" test -z "$(find "$P" -name '.install.*')"

# Run with only PREFIX/bin on PATH before the system's.
with_prefix() { local prefix=$1; shift; PATH="$prefix/bin:/usr/bin:/bin" HOME="$T/home" "$@"; }
mkdir -p "$T/home"
check "node -v" test "$(with_prefix "$P" node -v)" = v0.6.3
check "nodus -v" test "$(with_prefix "$P" nodus -v)" = v0.6.3
check "npm --version" test "$(with_prefix "$P" npm --version)" = 1.1.71
check "npm's prefix is PREFIX" test "$(with_prefix "$P" npm config get prefix)" = "$P"

# Moved: the tree needs nothing from where it was made.
mv "$P" "$T/moved"
P="$T/moved"
check "moved: node runs" test "$(with_prefix "$P" node -e 'console.log(process.execPath)')" = "$P/bin/node"
check "moved: npm runs" test "$(with_prefix "$P" npm --version)" = 1.1.71
check "moved: npm's prefix follows" test "$(with_prefix "$P" npm config get prefix)" = "$P"
check "moved: npm's global config follows" \
  test "$(with_prefix "$P" npm config get globalconfig)" = "$P/etc/npmrc"
check "moved: the runtime loads the moved V8 library" \
  bash -c "ldd '$P/bin/node' | grep -F 'libnode.so.108 => $P/bin/../lib/nodus/libnode.so.108'"

# A native addon built by hand against PREFIX/include/node, as node-gyp cannot run here.
g++ -std=c++17 -shared -fPIC -I "$P/include/node" "$addon_src" -o "$T/hello.node" \
  || fail "the hello addon compiles against PREFIX/include/node"
check "the hand-built addon loads" \
  test "$(with_prefix "$P" node -e "console.log(require('$T/hello.node').hello())")" = world

# Re-install over it: an upgrade in place keeps the user's configuration and global packages.
echo "; the user's own line" >>"$P/etc/npmrc"
mkdir -p "$P/lib/node_modules/keepme"
echo '{"name":"keepme","version":"1.0.0"}' >"$P/lib/node_modules/keepme/package.json"
echo "stale" >"$P/lib/node_modules/npm/stale-file"
run_install "$P" >"$T/out.txt" || fail "re-install over an existing PREFIX"
check "re-install keeps etc/npmrc" grep -q "the user's own line" "$P/etc/npmrc"
check "re-install keeps global packages" test -f "$P/lib/node_modules/keepme/package.json"
check "re-install replaces npm whole" test ! -e "$P/lib/node_modules/npm/stale-file"
check "re-install: npm runs" test "$(with_prefix "$P" npm --version)" = 1.1.71
check "re-install: no leftovers" test -z "$(find "$P" -name '.install.*')"

if [[ $fails -ne 0 ]]; then
  echo "$fails check(s) failed" >&2
  exit 1
fi
echo "install_test: all checks passed"
