#!/usr/bin/env bash
# tools/noinit.py took Node's own static initializers (its option parsers and its table of JS
# sources) out of libnode's .init_array. Checks that both were found and dropped in the library
# the runtime loads (./bazelw pins the libnode108 they were found in; a newer one whose code they
# are not recognised in would start slower, and this test says so), that no slot the dynamic
# linker runs points at them any more, and that the runtime, which never reads what they made,
# runs with lazy and immediate binding alike.
set -uo pipefail
runtime=$1
lib=$(ldd "$runtime" | awk '$1 == "libnode.so.108" {print $3}')
[[ -n $lib ]] || { echo "FAIL: the runtime does not load libnode.so.108"; exit 1; }
record="$(readlink -f "$lib").noinit"
[[ -f $record ]] || { echo "FAIL: $record is missing: ./bazelw runs tools/noinit.py"; exit 1; }
fail=0
for kind in options builtins; do
  if grep -q "^$kind 0x" "$record"; then
    echo "ok   the $kind initializer was dropped ($(grep "^$kind " "$record"))"
  else
    echo "FAIL: the $kind initializer was not found in $(readlink -f "$lib")"; fail=1
  fi
done
# The slots left in .init_array: DT_INIT_ARRAYSZ / 8 must be the section's slots less those
# dropped.
section=$((16#$(readelf -SW "$lib" | sed 's/^ *\[ */[/' | awk '$2 == ".init_array" {print $6}')))
dynamic=$(readelf -dW "$lib" | awk '/\(INIT_ARRAYSZ\)/ {print $3}')
dropped=$(wc -l < "$record")
if [[ $((section - 8 * dropped)) -eq $dynamic ]]; then
  echo "ok   .init_array: $((section / 8)) slots, $((dynamic / 8)) run"
else
  echo "FAIL: .init_array has $section bytes, DT_INIT_ARRAYSZ $dynamic, $dropped dropped"; fail=1
fi
# The initializers the dynamic linker runs: the relative relocations of the slots of
# .init_array within DT_INIT_ARRAYSZ (readelf prints each one's offset and addend).
init=$((16#$(readelf -dW "$lib" | awk '/\(INIT_ARRAY\)/ {sub(/^0x/, "", $3); print $3}')))
# Offsets are 16 zero-padded hex digits, so they compare as strings.
run=$(readelf -rW "$lib" | awk -v lo="$(printf '%016x' "$init")" \
  -v hi="$(printf '%016x' $((init + dynamic)))" \
  '$3 == "R_X86_64_RELATIVE" && ($1 "") >= lo && ($1 "") < hi { print $4 }')
for address in $(awk '{print $2}' "$record"); do
  # No slot the dynamic linker runs may still point at a dropped initializer.
  if grep -qix "${address#0x}" <<< "$run"; then
    echo "FAIL: $address is still in .init_array"; fail=1
  else
    echo "ok   $address is not called at start-up"
  fi
done
for mode in lazy now; do
  if [[ $mode == now ]]; then export LD_BIND_NOW=1; fi
  out=$("$runtime" -e "console.log(JSON.stringify([1 + 1, require('util').format('%s', 'x'), typeof require('http').createServer]))" 2>&1)
  if [[ $out == '[2,"x","function"]' ]]; then echo "ok   runs with $mode binding"; else echo "FAIL $mode: $out"; fail=1; fi
done
exit $fail
