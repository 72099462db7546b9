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
for address in $(awk '{print $2}' "$record"); do
  # No slot the dynamic linker runs may still point at a dropped initializer.
  if python3 - "$lib" "$address" <<'PY'
import struct, sys
path, address = sys.argv[1], int(sys.argv[2], 16)
data = open(path, "rb").read()
phoff, = struct.unpack_from("<Q", data, 0x20)
phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
loads, dyn = [], None
for i in range(phnum):
    t, _f, off, vaddr, _pa, filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
    if t == 1: loads.append((vaddr, off, filesz))
    if t == 2: dyn = (off, filesz)
tags = {}
for off in range(dyn[0], dyn[0] + dyn[1], 16):
    tag, value = struct.unpack_from("<qQ", data, off)
    if tag == 0: break
    tags.setdefault(tag, value)
def file_off(v):
    return next(o + v - s for s, o, n in loads if s <= v < s + n)
init, size, rela, relasz = tags[25], tags[27], tags[7], tags[8]
for i in range(relasz // 24):
    r_offset, r_info, r_addend = struct.unpack_from("<QQq", data, file_off(rela) + i * 24)
    if init <= r_offset < init + size and r_addend == address:
        sys.exit(1)
PY
  then echo "ok   $address is not called at start-up"; else echo "FAIL: $address is still in .init_array"; fail=1; fi
done
for mode in lazy now; do
  if [[ $mode == now ]]; then export LD_BIND_NOW=1; fi
  out=$("$runtime" -e "console.log(JSON.stringify([1 + 1, require('util').format('%s', 'x'), typeof require('http').createServer]))" 2>&1)
  if [[ $out == '[2,"x","function"]' ]]; then echo "ok   runs with $mode binding"; else echo "FAIL $mode: $out"; fail=1; fi
done
exit $fail
