#!/usr/bin/env bash
# examples/nginx: three Nodus backends behind nginx. Every request through nginx is answered,
# by every backend in turn; the client's address reaches the backend; a backend that dies is
# taken out of the rotation without a failed request; stopping run.sh stops everything.
set -uo pipefail
runtime=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=${TEST_TMPDIR:-$(mktemp -d)}
fail=0
check() {  # check <name> <status> <detail>
  if [[ $2 == 0 ]]; then echo "ok   $1"; else echo "FAIL $1: $3"; fail=1; fi
}

NODUS=$runtime "$here/run.sh" --port 0 --backends 3 > "$tmp/run.out" 2>&1 &
run_pid=$!
for _ in $(seq 300); do
  grep -q '^ready' "$tmp/run.out" && break
  kill -0 $run_pid 2>/dev/null || break
  sleep 0.05
done
url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$tmp/run.out")
[[ -n $url ]]; check "run.sh says ready" $? "$(cat "$tmp/run.out")"
[[ -n $url ]] || exit 1
backend_pids=$(pgrep -f "$here/app.js")

: > "$tmp/bodies"
codes=""
for i in $(seq 30); do
  codes+=$(curl -s -o "$tmp/body" -w '%{http_code} ' "${url}req$i")
  cat "$tmp/body" >> "$tmp/bodies"
done
[[ $codes == "$(printf '200 %.0s' $(seq 30))" ]]; check "30 requests answered 200" $? "codes: $codes"
for b in 1 2 3; do
  grep -q "from backend-$b " "$tmp/bodies"; check "backend-$b served requests" $? "$(cat "$tmp/bodies")"
done
grep -q "GET /req17, forwarded for 127.0.0.1" "$tmp/bodies"
check "path and X-Forwarded-For reach the backend" $? "$(cat "$tmp/bodies")"

# One backend dies: nginx retries the next, so no request fails.
victim=$(pgrep -f "$here/app.js [0-9]* backend-2")
kill -KILL $victim
codes=""
: > "$tmp/bodies"
for i in $(seq 12); do
  codes+=$(curl -s -o "$tmp/body" -w '%{http_code} ' "${url}after$i")
  cat "$tmp/body" >> "$tmp/bodies"
done
[[ $codes == "$(printf '200 %.0s' $(seq 12))" ]]; check "a dead backend fails no request" $? "codes: $codes"
! grep -q "from backend-2 " "$tmp/bodies"; check "the dead backend is out of the rotation" $? "$(cat "$tmp/bodies")"

kill -TERM $run_pid
wait $run_pid 2>/dev/null
sleep 0.2
left=""
for pid in $backend_pids; do kill -0 "$pid" 2>/dev/null && left+="$pid "; done
[[ -z $left ]]; check "stopping run.sh stops the backends" $? "still running: $left"
! curl -s -o /dev/null "$url"; check "and nginx" $? "$url still answers"
exit $fail
