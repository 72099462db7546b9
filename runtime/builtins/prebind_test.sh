#!/usr/bin/env bash
# tools/prebind.py bound libnode's references to its own symbols ahead of time. For data that is
# only right for symbols no object earlier in the search scope defines: the runtime binary
# exports data symbols that libnode also defines (vtables, typeinfo and static members of inline
# V8 API functions and templates) and those must have been left to the dynamic linker, or there
# would be two of them. Functions may be bound either way (the same code; see prebind.py). Every
# executable given is checked (the runtime and the REPL binary). Also checks that the bound
# library runs with lazy and immediate binding alike.
set -uo pipefail
runtime=$1
shift
tmp=${TEST_TMPDIR:-$(mktemp -d)}
lib=$(ldd "$runtime" | awk '$1 == "libnode.so.108" {print $3}')
[[ -n $lib ]] || { echo "FAIL: the runtime does not load libnode.so.108"; exit 1; }
list="$(readlink -f "$lib").prebound"
[[ -s $list ]] || { echo "FAIL: $list is missing: libnode was not prebound (./bazelw does it)"; exit 1; }
echo "ok   $(wc -l < "$list") symbols of $(readlink -f "$lib") bound ahead of time"
fail=0
for exe in "$runtime" "$@"; do
  # Data symbols only: nm's D, B, R, G, S (and lowercase), V (weak object), u (unique).
  nm -D --defined-only "$exe" | awk '$(NF-1) ~ /^[DdBbRrGgSsVvu]$/ {print $NF}' | sed 's/@.*//'
done | sort -u > "$tmp/exported"
sort -u "$list" > "$tmp/bound"
both=$(comm -12 "$tmp/exported" "$tmp/bound")
if [[ -n $both ]]; then
  echo "FAIL: the executables export data symbols that prebind.py bound inside libnode:"; echo "$both" | head -20
  fail=1
else
  echo "ok   none of the $(wc -l < "$tmp/exported") data symbols the executables export was bound"
fi
for mode in lazy now; do
  if [[ $mode == now ]]; then export LD_BIND_NOW=1; fi
  out=$("$runtime" -e "console.log(JSON.stringify([1 + 1, require('util').format('%s', 'x')]))" 2>&1)
  if [[ $out == '[2,"x"]' ]]; then echo "ok   runs with $mode binding"; else echo "FAIL $mode: $out"; fail=1; fi
done
exit $fail
