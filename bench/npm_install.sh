#!/usr/bin/env bash
# `npm install express@2.5.11` against the real npm registry: Nodus's npm 1.1.71 (installed by
# //:install) vs Node 20 with the npm it ships, in the same run, rounds interleaved. Three cases:
#   cold    an empty cache (every document and tarball fetched)
#   warm    the cache the cold run left (npm's default freshness rules: documents revalidated)
#   offline the warm cache with revalidation off (npm 1.1 --cache-min, npm 11 --prefer-offline)
# Reports the median wall time and the peak RSS (of npm's process, /usr/bin/time's %M) of each,
# and the ratios. Needs the registry; nothing here runs under `bazel test`.
#   ROUNDS=5 bench/npm_install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
PKG=${PKG:-express@2.5.11}

work=$(mktemp -d /tmp/nodus-npm-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
./bazelw run -c opt //:install -- "$work/prefix" >/dev/null 2>&1
nodus_path="$work/prefix/bin:$PATH"
node_path="$(dirname "$(command -v node)"):$PATH"
registry=$(npm config get registry)

# run NAME CACHE_DIR EXTRA_ARGS...: one install into a fresh folder; prints "seconds kilobytes".
run() {
  local name=$1 cache=$2; shift 2
  local dir="$work/proj-$name-$RANDOM$RANDOM"
  mkdir -p "$dir"
  local path=$nodus_path
  [[ $name == node ]] && path=$node_path
  local t0 t1
  t0=$(date +%s.%N)
  (cd "$dir" && PATH=$path HOME="$work/home-$name" npm_config_cache="$cache" \
     npm_config_registry="$registry" /usr/bin/time -f "%M" -o "$dir.rss" \
     npm install "$PKG" "$@" >"$dir.log" 2>&1) || { cat "$dir.log" >&2; echo "bench: $name install failed" >&2; exit 1; }
  t1=$(date +%s.%N)
  [[ -f "$dir/node_modules/express/package.json" ]] || { echo "bench: $name installed nothing" >&2; exit 1; }
  echo "$(echo "$t1 - $t0" | bc) $(tail -n 1 "$dir.rss")"
  rm -rf "$dir"
}

declare -A results
for round in $(seq 1 "$ROUNDS"); do
  for rt in nodus node; do
    cache="$work/cache-$rt-$round"
    rm -rf "$cache"
    results[$rt-cold]+="$(run $rt "$cache")"$'\n'
    results[$rt-warm]+="$(run $rt "$cache")"$'\n'
    if [[ $rt == nodus ]]; then
      results[$rt-offline]+="$(run $rt "$cache" --cache-min 99999999)"$'\n'
    else
      results[$rt-offline]+="$(run $rt "$cache" --prefer-offline --no-audit --no-fund)"$'\n'
    fi
  done
  echo "round $round done" >&2
done

node_version=$(node -v); node_npm=$(PATH=$node_path npm --version)
echo "npm install $PKG, median of $ROUNDS rounds (nodus: npm 1.1.71 on Nodus; node: npm $node_npm on node $node_version)"
for c in cold warm offline; do
  python3 - "$c" "${results[nodus-$c]}" "${results[node-$c]}" <<'PY'
import statistics, sys
case, a, b = sys.argv[1], sys.argv[2], sys.argv[3]
def parse(s):
    rows = [l.split() for l in s.strip().splitlines()]
    return statistics.median(float(r[0]) for r in rows), statistics.median(int(r[1]) for r in rows) / 1024
nt, nr = parse(a)
pt, pr = parse(b)
print(f"{case:8s} nodus {nt:6.2f} s {nr:6.1f} MB | node {pt:6.2f} s {pr:6.1f} MB | "
      f"time node/nodus {pt / nt:.2f}x, RSS node/nodus {pr / nr:.2f}x")
PY
done
