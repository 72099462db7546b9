#!/usr/bin/env bash
# The era's packages on their own test suites, on an installed Nodus (conformance/ecosystem).
#
#   ./bazelw run //conformance/ecosystem -- [--node] [--keep] [package ...]
#
# Installs Nodus into a scratch folder (NODUS_ECOSYSTEM_DIR, default /tmp/nodus-ecosystem), starts
# era_registry.js (a filter in front of the machine's npm registry, see there) on it, and for each
# package of packages.tsv (or those named): `npm install name@version` into a folder of its own,
# then `npm install` inside the package (its devDependencies: the runner) and the extra packages
# the table names, then the test command. --node runs each suite again with Node 20 first on
# PATH, on the same installed files, to tell Nodus's failures from the suite's own. Prints one
# line per package and writes results.tsv in the scratch folder. Needs the npm registry, so it is
# not part of `bazel test //...`. Bazel passes the install's build arguments first.
set -uo pipefail

build_args=()
while [[ $# -gt 0 && $1 != --end-of-build-args ]]; do build_args+=("$1"); shift; done
shift || true
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -f "$here/packages.tsv" ]] || here=$(pwd)/conformance/ecosystem

with_node=0 keep=0 only=()
for arg in "$@"; do
  case $arg in
    --node) with_node=1 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
    *) only+=("$arg") ;;
  esac
done

# Nothing started from here is the `bazel run` binary itself.
unset BUILD_WORKING_DIRECTORY BUILD_WORKSPACE_DIRECTORY
S=${NODUS_ECOSYSTEM_DIR:-/tmp/nodus-ecosystem}
mkdir -p "$S"
S=$(cd "$S" && pwd)
P="$S/prefix"
bash tools/install/install.sh "${build_args[@]}" --end-of-build-args "$P" >/dev/null \
  || { echo "run.sh: installing Nodus into $P failed" >&2; exit 1; }

upstream=${npm_config_registry:-$(npm config get registry 2>/dev/null || true)}
[[ -n "$upstream" ]] || { echo "run.sh: no npm registry configured (npm_config_registry)" >&2; exit 1; }
node20_dir=$(dirname "$(command -v node 2>/dev/null || echo /usr/bin/node)")

export HOME="$S/home" TMPDIR="$S/tmp"
mkdir -p "$HOME" "$TMPDIR"
export npm_config_cache="$S/npm-cache" npm_config_unsafe_perm=true
rm -rf "$S/registry"; mkdir -p "$S/registry"
"$P/bin/node" "$here/era_registry.js" "$upstream" "$S/registry" "$here/pins.tsv" >"$S/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 200); do [[ -f "$S/registry/port" ]] && break; sleep 0.05; done
[[ -f "$S/registry/port" ]] || { cat "$S/registry.log" >&2; echo "run.sh: era registry did not start" >&2; exit 1; }
export npm_config_registry="http://127.0.0.1:$(cat "$S/registry/port")/"

# Servers some suites talk to, from Debian's packages, started on first use in the scratch folder
# and stopped at exit. MariaDB listens on a scratch port with its own data folder (no grant
# tables: the suites log in as root without a password); node_redis's suite of 2012 has port 6379
# written in, so redis-server takes that port, and only if it is free. PostgreSQL gets a cluster of
# its own in the same way (trust authentication, user postgres), run as the postgres user when
# this runs as root (PostgreSQL refuses root); the suite finds it through libpq's PG* variables.
services_pids=()
stop_services() {
  kill $registry_pid "${services_pids[@]}" 2>/dev/null
  if [[ -n ${rabbitmq_env:-} ]]; then
    env "${rabbitmq_env[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl stop >/dev/null 2>&1
    epmd -kill >/dev/null 2>&1  # Erlang's port mapper, which the broker started
  fi
}
trap stop_services EXIT

# port_open PORT: something listens on 127.0.0.1:PORT. wait_port PORT TENTHS: it does within
# TENTHS tenths of a second. taken PORT SUITE: port_open, with a word on stderr for the suite
# that needs the port (the services of 2012's suites have their ports written in).
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() {
  for _ in $(seq 1 "$2"); do port_open "$1" && return 0; sleep 0.1; done
  return 1
}
taken() {
  port_open "$1" || return 1
  echo "run.sh: port $1 is taken; $2's suite needs it" >&2
}

mariadb_port=
start_mariadb() {
  [[ -n "$mariadb_port" ]] && return 0
  command -v mariadbd >/dev/null || apt-get install -y -q mariadb-server >/dev/null 2>&1 || return 1
  rm -rf "$S/mariadb"; mkdir -p "$S/mariadb"
  mariadb-install-db --no-defaults --datadir="$S/mariadb/data" --user=root >"$S/mariadb/install.log" 2>&1 || return 1
  local port=$((20000 + RANDOM % 20000))
  mariadbd --no-defaults --datadir="$S/mariadb/data" --user=root --bind-address=127.0.0.1 \
    --port=$port --socket="$S/mariadb/sock" --skip-grant-tables >"$S/mariadb/server.log" 2>&1 &
  services_pids+=($!)
  for _ in $(seq 1 100); do [[ -S "$S/mariadb/sock" ]] && { mariadb_port=$port; return 0; }; sleep 0.1; done
  return 1
}
redis_started=0
start_redis() {
  [[ $redis_started == 1 ]] && return 0
  command -v redis-server >/dev/null || apt-get install -y -q redis-server >/dev/null 2>&1 || return 1
  taken 6379 node_redis && return 1
  mkdir -p "$S/redis"
  redis-server --port 6379 --bind 127.0.0.1 --dir "$S/redis" --save '' --appendonly no \
    >"$S/redis/server.log" 2>&1 &
  services_pids+=($!)
  wait_port 6379 100 && redis_started=1
}

# memcached: node-memcached's suite of 2012 talks to three servers on ports 11211-11213 of one host
# (MEMCACHED__HOST), so three memcached processes take those ports, and only if they are free.
memcached_started=0
start_memcached() {
  [[ $memcached_started == 1 ]] && return 0
  command -v memcached >/dev/null || apt-get install -y -q memcached >/dev/null 2>&1 || return 1
  local port as=()
  [[ $(id -u) == 0 ]] && as=(-u nobody)
  for port in 11211 11212 11213; do
    taken $port node-memcached && return 1
  done
  for port in 11211 11212 11213; do
    memcached "${as[@]}" -l 127.0.0.1 -p $port -U 0 >"$S/memcached-$port.log" 2>&1 &
    services_pids+=($!)
  done
  for port in 11211 11212 11213; do
    wait_port $port 100 || return 1
  done
  memcached_started=1
}

# RabbitMQ: node-amqp's suite of 2012 talks to localhost:5672 as guest, so the broker takes that
# port, and only if it is free, with its files in the scratch folder. channel_max = 0 (no limit):
# node-amqp 0.1 asks for no limit, which RabbitMQ 3.x refuses at its default maximum of 2047.
rabbitmq_env=
start_rabbitmq() {
  [[ -n $rabbitmq_env ]] && return 0
  [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] ||
    apt-get install -y -q rabbitmq-server >/dev/null 2>&1 || return 1
  taken 5672 node-amqp && return 1
  local d="$S/rabbitmq"
  rm -rf "$d"; mkdir -p "$d"
  echo "channel_max = 0" >"$d/rabbitmq.conf"
  echo "[]." >"$d/enabled_plugins"
  rabbitmq_env=(HOME="$d" RABBITMQ_MNESIA_BASE="$d/mnesia" RABBITMQ_LOG_BASE="$d/log"
    RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=5672
    RABBITMQ_PID_FILE="$d/pid" RABBITMQ_ENABLED_PLUGINS_FILE="$d/enabled_plugins"
    RABBITMQ_CONFIG_FILE="$d/rabbitmq")
  env "${rabbitmq_env[@]}" /usr/lib/rabbitmq/bin/rabbitmq-server >"$d/server.log" 2>&1 &
  services_pids+=($!)
  wait_port 5672 600
}

postgres_port=
start_postgres() {
  [[ -n "$postgres_port" ]] && return 0
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [[ -z $bin ]]; then
    apt-get install -y -q postgresql >/dev/null 2>&1 || return 1
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  rm -rf "$S/postgres"; mkdir -p "$S/postgres"
  local as=()
  if [[ $(id -u) == 0 ]]; then
    chown postgres: "$S/postgres" || return 1
    as=(setpriv --reuid=postgres --regid=postgres --init-groups)
  fi
  "${as[@]}" "$bin/initdb" -D "$S/postgres/data" -U postgres --auth=trust >"$S/postgres/initdb.log" 2>&1 \
    || return 1
  local port=$((20000 + RANDOM % 20000))
  "${as[@]}" "$bin/postgres" -D "$S/postgres/data" -p $port -k "$S/postgres" \
    -c listen_addresses=127.0.0.1 >"$S/postgres/server.log" 2>&1 &
  services_pids+=($!)
  for _ in $(seq 1 100); do
    "$bin/pg_isready" -q -h 127.0.0.1 -p $port && { postgres_port=$port; return 0; }
    sleep 0.1
  done
  return 1
}

# run_suite DIR PATH_FIRST COMMAND LOG: the suite's exit status, its output in LOG.
run_suite() {
  local dir=$1 first=$2 cmd=$3 log=$4
  (cd "$dir" && PATH="$first:$dir/node_modules/.bin:/usr/bin:/bin" \
     timeout "${SUITE_TIMEOUT:-600}" bash -c "$cmd" >"$log" 2>&1 </dev/null)
}

results="$S/results.tsv"
printf 'package\tversion\tnodus\tnode20\n' >"$results"
passed=0 failed=0
while IFS=$'\t' read -r name version extra cmd; do
  [[ -z "$name" || $name == \#* ]] && continue
  if [[ ${#only[@]} -gt 0 && ! " ${only[*]} " == *" $name "* ]]; then continue; fi
  work="$S/pkgs/$name-$version"
  rm -rf "$work"; mkdir -p "$work"
  pkg="$work/node_modules/$name"
  status=ok
  (cd "$work" && PATH="$P/bin:/usr/bin:/bin" npm install "$name@$version" >"$work/install.log" 2>&1) || status="install-failed"
  extras=() nodev=0 service= published=() unbuilt=()
  for token in $extra; do
    case $token in
      -) ;;
      nodev) nodev=1 ;;
      mariadb|redis|postgres|memcached|rabbitmq) service=$token ;;
      published:*) IFS=, read -r -a published <<<"${token#published:}" ;;
      unbuilt:*) unbuilt+=("${token#unbuilt:}") ;;
      *) extras+=("$token") ;;
    esac
  done
  if [[ $status == ok && $nodev == 0 ]]; then
    (cd "$pkg" && PATH="$P/bin:/usr/bin:/bin" npm install >>"$work/install.log" 2>&1) || status="devdeps-failed"
  fi
  if [[ $status == ok && ${#extras[@]} -gt 0 ]]; then
    (cd "$pkg" && PATH="$P/bin:/usr/bin:/bin" npm install --ignore-scripts "${extras[@]}" >>"$work/install.log" 2>&1) \
      || status="extras-failed"
  fi
  # published:DIR,...: folders of the published tarball that npm 1.1 left out (it applies the
  # package's .npmignore when it caches a tarball, and some packages ignore their own test/).
  if [[ $status == ok && ${#published[@]} -gt 0 ]]; then
    url=$(cd "$pkg" && PATH="$P/bin:/usr/bin:/bin" npm view "$name@$version" dist.tarball 2>>"$work/install.log" | grep -o "http[^' ]*\.tgz" | head -1)
    # The document may come from npm's cache, naming an earlier run's registry port: ask this one.
    [[ -n $url ]] && url="${npm_config_registry%/}/$(sed -E 's|^https?://[^/]+/||' <<<"$url")"
    echo "run.sh: published tarball: ${url:-(npm view gave no URL)}" >>"$work/install.log"
    if [[ -z $url ]] || ! curl -sSf -o "$work/published.tgz" "$url" 2>>"$work/install.log" ||
       ! tar xzf "$work/published.tgz" -C "$pkg" --strip-components=1 "${published[@]/#/package/}" \
         >>"$work/install.log" 2>&1; then
      status="published-failed"
    fi
  fi
  # unbuilt:NAME@VERSION: a runner fetched by npm 1.1 into its cache and unpacked beside the
  # package without its install scripts (npm 1.1 runs preinstall even with --ignore-scripts;
  # expresso's builds jscoverage, which only --cov uses, from a 2010 SpiderMonkey GCC 12 rejects).
  for spec in "${unbuilt[@]}"; do
    [[ $status == ok ]] || break
    uname=${spec%@*} uversion=${spec##*@}
    if (cd "$pkg" && PATH="$P/bin:/usr/bin:/bin" npm cache add "$spec" >>"$work/install.log" 2>&1) &&
       mkdir -p "$pkg/node_modules/$uname" "$pkg/node_modules/.bin" &&
       tar xzf "$npm_config_cache/$uname/$uversion/package.tgz" -C "$pkg/node_modules/$uname" \
         --strip-components=1; then
      "$P/bin/node" -e '
        var fs = require("fs"), path = require("path"), dir = process.argv[1];
        var bin = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).bin || {};
        if (typeof bin === "string") bin = { [path.basename(dir)]: bin };
        Object.keys(bin).forEach(function(k) {
          var link = path.join(dir, "..", ".bin", k);
          try { fs.unlinkSync(link); } catch (e) {}
          fs.symlinkSync(path.join("..", path.basename(dir), bin[k]), link);
        });' "$pkg/node_modules/$uname" || status="unbuilt-failed"
    else
      status="unbuilt-failed"
    fi
  done
  if [[ $status == ok && $service == mariadb ]]; then
    if start_mariadb; then
      # node-mysql's suites read their server from test/config.js.
      printf "module.exports = { host: '127.0.0.1', port: %s, user: 'root', password: '' };\n" \
        "$mariadb_port" >"$pkg/test/config.js"
    else
      status="mariadb-failed"
    fi
  fi
  if [[ $status == ok && $service == redis ]]; then
    start_redis || status="redis-failed"
  fi
  if [[ $status == ok && $service == memcached ]]; then
    if start_memcached; then
      export MEMCACHED__HOST=127.0.0.1
    else
      status="memcached-failed"
    fi
  fi
  if [[ $status == ok && $service == rabbitmq ]]; then
    start_rabbitmq || status="rabbitmq-failed"
  fi
  if [[ $status == ok && $service == postgres ]]; then
    if start_postgres; then
      export PGHOST=127.0.0.1 PGPORT=$postgres_port PGUSER=postgres PGDATABASE=postgres
    else
      status="postgres-failed"
    fi
  fi
  # npm 1.1 passes `npm test` without a word when package.json names no test script: such a row
  # would pass having run nothing, so it is refused.
  if [[ $status == ok && $cmd == - ]] &&
     ! "$P/bin/node" -e 'var s = require(process.argv[1]).scripts; process.exit(s && s.test ? 0 : 1)' \
       "$pkg/package.json"; then
    status="no-test-script"
  fi
  [[ $cmd == - ]] && cmd="npm test"
  nodus=$status node20=-
  if [[ $status == ok ]]; then
    if run_suite "$pkg" "$P/bin" "$cmd" "$work/nodus.log"; then nodus=pass; else nodus="fail($?)"; fi
    if [[ $with_node == 1 ]]; then
      if run_suite "$pkg" "$node20_dir" "$cmd" "$work/node20.log"; then node20=pass; else node20="fail($?)"; fi
    fi
  fi
  [[ $nodus == pass ]] && passed=$((passed + 1)) || failed=$((failed + 1))
  printf '%-14s %-10s nodus: %-16s node20: %s\n' "$name" "$version" "$nodus" "$node20"
  printf '%s\t%s\t%s\t%s\n' "$name" "$version" "$nodus" "$node20" >>"$results"
  [[ $keep == 1 || $nodus != pass ]] || rm -rf "$work/node_modules"
done <"$here/packages.tsv"

echo "logs and results.tsv in $S (pkgs/<name>-<version>/{install,nodus,node20}.log)"
echo "${passed} passed, ${failed} failed"
[[ $failed -eq 0 ]]
