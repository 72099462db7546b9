#!/usr/bin/env bash
# //:install: lays out an installed, relocatable Nodus, as v0.6.3's `make install` did.
#
#   ./bazelw run //:install -- PREFIX
#
# Bazel passes the built pieces first (--runtime=, --npm=, --libnode=, --node-h=, --headers ...
# --end-of-build-args); the user's arguments follow. See usage() for the layout. Each piece is
# written beside its final name and renamed into place, so an interrupted install never leaves a
# half-written file that looks complete, and running it again over a PREFIX upgrades it in place
# (globally installed packages and an edited etc/npmrc are kept).
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: ./bazelw run //:install -- PREFIX

Installs Nodus into PREFIX (absolute, or relative to the directory you ran the command from):

  PREFIX/bin/node                 the runtime, under the name v0.6.3 installed
  PREFIX/bin/nodus                the same program
  PREFIX/bin/npm                  npm 1.1.71 (-> ../lib/node_modules/npm/bin/npm-cli.js)
  PREFIX/lib/node_modules/npm/    npm itself; `npm install -g` puts packages beside it
  PREFIX/lib/nodus/               the V8 library (libnode.so.108) the runtime loads
  PREFIX/include/node/            node.h and the V8 headers native addons compile against
  PREFIX/etc/npmrc                npm's global configuration for this install

The tree needs nothing from the repository or Bazel's output once installed, and may be moved:
npm takes its prefix from where `node` is. Put PREFIX/bin first on PATH, then `npm install`.
Running the command again over an existing PREFIX upgrades it in place.
USAGE
}

die() {
  echo "install: $*" >&2
  exit 1
}

runtime= npm_tgz= libnode= node_h=
headers=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --runtime=*) runtime=${1#*=} ;;
    --npm=*) npm_tgz=${1#*=} ;;
    --libnode=*) libnode=${1#*=} ;;
    --node-h=*) node_h=${1#*=} ;;
    --headers) ;;
    --end-of-build-args) shift; break ;;
    *) headers+=("$1") ;;
  esac
  shift
done

prefix=
for arg in "$@"; do
  case $arg in
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option: $arg" ;;
    *) [[ -z "$prefix" ]] || { usage >&2; die "one PREFIX only"; }; prefix=$arg ;;
  esac
done
[[ -n "$prefix" ]] || { usage >&2; die "no PREFIX given"; }

# Runfiles of an external repository sit at external/<repo>/... or ../<repo>/... depending on
# Bazel's layout; take whichever exists.
runfile() {
  if [[ -e "$1" ]]; then echo "$1"
  elif [[ -e "../${1#external/}" ]]; then echo "../${1#external/}"
  else die "missing build output $1 (run through ./bazelw run //:install)"
  fi
}
runtime=$(runfile "$runtime")
npm_tgz=$(runfile "$npm_tgz")
libnode=$(runfile "$libnode")
node_h=$(runfile "$node_h")

case $prefix in
  /*) ;;
  # ./bazelw keeps the user's directory in NODUS_USER_CWD (from outside the repository, Bazel's
  # BUILD_WORKING_DIRECTORY is the repository).
  *) prefix="${NODUS_USER_CWD:-${BUILD_WORKING_DIRECTORY:-$PWD}}/$prefix" ;;
esac

mkdir -p "$prefix" 2>/dev/null || die "cannot create $prefix"
[[ -d "$prefix" && -w "$prefix" ]] || die "cannot write to $prefix"
prefix=$(cd "$prefix" && pwd -P)
for dir in bin lib/nodus lib/node_modules include etc; do
  mkdir -p "$prefix/$dir" 2>/dev/null || die "cannot create $prefix/$dir"
done
# Anything an interrupted run left behind.
rm -rf "$prefix"/bin/.install.* "$prefix"/lib/nodus/.install.* "$prefix"/lib/node_modules/.install.* \
  "$prefix"/include/.install.* "$prefix"/etc/.install.*

# Copies $1 to $2 through a temporary name in the same folder, then renames it into place.
put_file() {
  local tmp
  tmp=$(mktemp "$(dirname "$2")/.install.XXXXXX")
  cp -L "$1" "$tmp" || { rm -f "$tmp"; die "cannot write $2"; }
  chmod "$3" "$tmp"
  mv -f "$tmp" "$2"
}

# Replaces the folder $2 by the staged folder $1 in (nearly) one step.
swap_dir() {
  local old=
  if [[ -e "$2" ]]; then
    old=$(mktemp -d "$(dirname "$2")/.install.old.XXXXXX")
    mv "$2" "$old/"
  fi
  mv "$1" "$2"
  [[ -z "$old" ]] || rm -rf "$old"
}

# The runtime finds its V8 library through its RUNPATH, $ORIGIN/../lib/nodus.
put_file "$libnode" "$prefix/lib/nodus/libnode.so.108" 644
put_file "$runtime" "$prefix/bin/node" 755
ln -sfn node "$prefix/bin/nodus"

# Headers for native addons: node.h beside V8's own.
stage=$(mktemp -d "$prefix/include/.install.XXXXXX")
for h in "${headers[@]}"; do
  h=$(runfile "$h")
  rel=${h#*usr/include/node/}
  mkdir -p "$stage/$(dirname "$rel")"
  cp -L "$h" "$stage/$rel"
done
cp -L "$node_h" "$stage/node.h"
chmod -R a+rX "$stage"
swap_dir "$stage" "$prefix/include/node"

# npm, unpacked from the tarball bazelw checked.
stage=$(mktemp -d "$prefix/lib/node_modules/.install.XXXXXX")
tar -xzf "$npm_tgz" -C "$stage" --no-same-owner || die "cannot unpack $npm_tgz"
[[ -f "$stage/package/bin/npm-cli.js" ]] || die "$npm_tgz holds no bin/npm-cli.js"
chmod -R a+rX "$stage/package"
chmod 755 "$stage/package/bin/npm-cli.js"
swap_dir "$stage/package" "$prefix/lib/node_modules/npm"
rmdir "$stage"
ln -sfn ../lib/node_modules/npm/bin/npm-cli.js "$prefix/bin/npm"

# npm's global configuration. An existing one is the user's and is kept.
if [[ ! -f "$prefix/etc/npmrc" ]]; then
  tmp=$(mktemp "$prefix/etc/.install.XXXXXX")
  cat >"$tmp" <<'NPMRC'
; npm's global configuration for this Nodus install.
;
; prefix is left unset on purpose: npm takes it from where `node` is (PREFIX/bin/node gives
; PREFIX), so `npm install -g` goes to PREFIX/lib/node_modules and PREFIX/bin, and a moved PREFIX
; keeps working.
;
; ca = null: npm 1.1 pins the certificate list of 2011; without it npm trusts what the runtime
; trusts, the system's roots plus NODE_EXTRA_CA_CERTS.
ca = null
NPMRC
  chmod 644 "$tmp"
  mv "$tmp" "$prefix/etc/npmrc"
fi

echo "Installed Nodus into $prefix"
echo "  export PATH=\"$prefix/bin:\$PATH\""
