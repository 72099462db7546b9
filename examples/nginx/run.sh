#!/usr/bin/env bash
# Several Nodus processes behind Debian's nginx as the load balancer, the way v0.6 programs
# were deployed at scale (examples/nginx/README.md).
#
#   run.sh [--backends N] [--port P] [--workers W]
#
# Starts N backends (default 2; examples/nginx/app.js on free loopback ports) under the runtime
# named by $NODUS (default: `node` on the PATH, e.g. an installed Nodus's bin/node), writes an
# nginx configuration into a temporary folder from nginx.conf.in, runs nginx in the foreground
# on 127.0.0.1:P (default 8080; 0 picks a free port) and prints "ready http://127.0.0.1:P/" once
# it answers. Ctrl-C (or SIGTERM) stops nginx and the backends.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
backends=2 port=8080 workers=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --backends) backends=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
done
runtime=${NODUS:-node}
nginx=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
[[ -x $nginx ]] || { echo "run.sh: nginx not found (Debian: apt-get install nginx-light)" >&2; exit 1; }

dir=$(mktemp -d)
pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 0' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_for() {  # wait_for <file> <pattern>: up to 10 s
  for _ in $(seq 200); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "run.sh: timed out waiting for '$2' in $1:" >&2
  cat "$1" >&2
  return 1
}

servers=""
for i in $(seq "$backends"); do
  p=$(free_port)
  "$runtime" "$here/app.js" "$p" "backend-$i" > "$dir/backend-$i.log" 2>&1 &
  pids+=($!)
  wait_for "$dir/backend-$i.log" "ready $p"
  servers+="    server 127.0.0.1:$p;"$'\n'
done

[[ $port == 0 ]] && port=$(free_port)
user=""
[[ $(id -u) == 0 ]] && user="user $(id -un) $(id -gn);"
sed -e "s|@WORKERS@|$workers|; s|@DIR@|$dir|g; s|@PORT@|$port|" "$here/nginx.conf.in" | python3 -c '
import sys
conf = sys.stdin.read().replace("@SERVERS@\n", sys.argv[1])
print(sys.argv[2] + "\n" + conf if sys.argv[2] else conf, end="")' "$servers" "$user" \
  > "$dir/nginx.conf"
"$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" &
pids+=($!)
for _ in $(seq 200); do
  if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then
    echo "ready http://127.0.0.1:$port/ ($backends backends)"
    wait "${pids[-1]}"
    exit $?
  fi
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "run.sh: nginx exited:" >&2; cat "$dir/error.log" >&2; exit 1; }
  sleep 0.05
done
echo "run.sh: nginx did not start listening on $port" >&2
exit 1
