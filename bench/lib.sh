#!/usr/bin/env bash
# bench/lib.sh [case...]: the rest of the library under Nodus (-c opt), node and bun, in the
# same run: https handshakes/s and bulk MB/s, gzip/gunzip MB/s, md5/sha1/sha256 MB/s and small
# sha1 hashes/s, fs.readFile and fs.createReadStream MB/s, HTTP client (Agent) req/s, and
# require() of npm 1.1's tree in ms. Each case is bench/lib.js <case> (the same file under every
# runtime, v0.6-era API only), run for LIB_MS (default 1500) after LIB_WARMUP_MS (300) in a
# fresh process pinned to CPU 1 (bench/pin.sh); ROUNDS (default 3) rounds interleave the
# runtimes case by case, and the tables show the best round of each (STAT=median for the
# median): rates per wall-clock second, then per CPU second of the process (user + system time
# of all its threads over the measured part, from /proc/self/stat; steadier on a busy machine,
# coarse for the short require rows). Ratios are nodus/node and nodus/bun speed: above 1 means
# Nodus is faster (for the millisecond rows too: the other runtime's time over Nodus's).
#
# Set-up made at run time in a temporary folder: a throwaway RSA-2048 key and self-signed
# certificate (openssl), npm 1.1's tarball (the one ./bazelw caches, NPM_TARBALL) unpacked as
# node_modules/npm, a 16 MB file of base64 text for the fs cases. The https cases run server and client
# in one process (so a handshake costs both ends); http_client's server is bench/http_hello.js
# under Nodus, pinned to CPU 0, the same server for every runtime's client. A case a runtime
# cannot run shows n/a, with its error below the table.
#
# Env: NODUS=binary skips the build; NODUS_BASE=binary adds another Nodus build (say, before a
# change) as the column `base`; BUN=path (default the copy in ~/.cache/nodus-bench/bun, skipped
# if missing; BUN= to leave it out); ROUNDS, STAT, LIB_MS, LIB_WARMUP_MS; BENCH_RT=1
# (bench/pin.sh). Run: bench/lib.sh (about 6 min), or name cases.
set -euo pipefail

source "$(dirname "$0")/pin.sh"
cd "$(dirname "$0")/.."
if [[ -z "${NODUS:-}" ]]; then
  ./bazelw build -c opt //runtime >/dev/null 2>&1 || { ./bazelw build -c opt //runtime; exit 1; }
  NODUS=$(./bazelw info -c opt bazel-bin 2>/dev/null)/runtime/runtime
fi
BUN=${BUN-/root/.cache/nodus-bench/bun/node_modules/.bin/bun}
[[ -n "$BUN" && ! -x "$BUN" ]] && BUN=
rounds=${ROUNDS:-3}
stat=${STAT:-best}
npm_tarball=${NPM_TARBALL:-${NODUS_DEPS_DIR:-/opt/nodus}/npm/npm-1.1.71.tgz}

all_cases=(https_handshake https_bulk gzip gunzip md5 sha1 sha256 sha1_64 hmac_64 readfile readstream
           http_client require_npm require_npm_all)
cases=("${all_cases[@]}")
[[ $# -gt 0 ]] && cases=("$@")
runtimes=(nodus)
[[ -n "${NODUS_BASE:-}" ]] && runtimes+=(base)
runtimes+=(node)
[[ -n "$BUN" ]] && runtimes+=(bun)
cmd_for() {
  case $1 in
    nodus) echo "$NODUS" ;;
    base) echo "$NODUS_BASE" ;;
    node) echo "node --no-deprecation" ;;
    bun) echo "$BUN" ;;
  esac
}

tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/key.pem" -out "$tmp/cert.pem" \
  -days 1 -subj /CN=localhost 2>/dev/null
mkdir -p "$tmp/npm/node_modules"
tar xzf "$npm_tarball" -C "$tmp/npm/node_modules"
mv "$tmp/npm/node_modules/package" "$tmp/npm/node_modules/npm"
head -c $((12 << 20)) /dev/urandom | base64 -w 100 >"$tmp/file"  # 16.2 MB of text
export LIB_TLS_DIR=$tmp NPM_DIR=$tmp/npm/node_modules/npm LIB_FILE=$tmp/file TMPDIR=$tmp

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${PIN0[@]}" "$NODUS" bench/http_hello.js "$port" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  grep -q ready "$tmp/server.log" 2>/dev/null && break
  sleep 0.05
done
export LIB_HTTP_PORT=$port

for ((i = 1; i <= rounds; i++)); do
  for c in "${cases[@]}"; do
    for rt in "${runtimes[@]}"; do
      # shellcheck disable=SC2046
      timeout 60 "${PIN1[@]}" $(cmd_for "$rt") bench/lib.js "$c" >"$tmp/$rt.$c.$i.out" \
        2>"$tmp/$rt.$c.$i.err" || true
    done
  done
  echo "round $i of $rounds done" >&2
done

python3 - "$tmp" "$rounds" "$stat" "${runtimes[*]}" "${cases[*]}" <<'PY'
import json, statistics, sys
tmp, rounds, stat = sys.argv[1], int(sys.argv[2]), sys.argv[3]
runtimes, cases = sys.argv[4].split(), sys.argv[5].split()
errors = {}
def result(rt, case, key):
    vals, unit, err = [], None, None
    for i in range(1, rounds + 1):
        line = [l for l in open(f"{tmp}/{rt}.{case}.{i}.out") if l.startswith("{")]
        if line:
            r = json.loads(line[-1])
            unit = r["unit"]
            if r.get(key) is not None:
                vals.append(r[key])
        elif err is None:
            lines = [l.strip() for l in open(f"{tmp}/{rt}.{case}.{i}.err") if l.strip()]
            at = [i for i, l in enumerate(lines) if "Error" in l]
            err = "no output" if not lines else lines[-1] if not at else \
                " ".join(lines[at[0]:at[0] + 2])
    if err is not None and not vals:
        errors[f"{rt} {case}"] = err
    if not vals:
        return None, unit
    lower_better = unit == "ms"
    if stat == "median":
        v = statistics.median(vals)
    else:
        v = min(vals) if lower_better else max(vals)
    return v, unit
def fmt(v):
    return "n/a" if v is None else (f"{v:,.1f}" if v < 100 else f"{v:,.0f}")
def table(key, title):
    print(title)
    head = f'{"case":<16} {"unit":<13}' + "".join(f" {rt:>10}" for rt in runtimes)
    head += "".join(f" {'nodus/' + rt:>11}" for rt in runtimes[1:])
    print(head)
    for case in cases:
        res = {rt: result(rt, case, key) for rt in runtimes}
        unit = next((u for v, u in res.values() if u), "")
        if key == "cpu" and unit == "ms":
            unit = "CPU ms"
        line = f"{case:<16} {unit:<13}" + "".join(f" {fmt(res[rt][0]):>10}" for rt in runtimes)
        a = res["nodus"][0]
        for rt in runtimes[1:]:
            b = res[rt][0]
            if a is None or b is None or a == 0 or b == 0:
                line += f" {'n/a':>11}"
            else:
                line += f" {(b / a if unit.endswith('ms') else a / b):>10.2f}x"
        print(line)
table("value", f"{stat} of {rounds} rounds, per wall-clock second; ratios: Nodus's speed over the "
      "other's (above 1: Nodus faster)")
print()
table("cpu", f"the same per CPU second of the process (user + system, all its threads)")
for k, e in errors.items():
    print(f"n/a: {k}: {e}")
PY
