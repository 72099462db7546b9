#!/usr/bin/env python3
"""Drops Node's own start-up work from libnode.so.108's static initializers, in place.

The dynamic linker runs every function in a library's .init_array before main(). libnode's are
Node's C++ static objects, and two of them are most of the work (callgrind, hello world under
the runtime, 2026-12-07): the command-line option parsers (node::options_parser's
PerProcessOptionsParser and the parsers it nests, with node::per_process::cli_options: 625,000
instructions) and the table of Node's own JavaScript sources (node::builtins::BuiltinLoader's
map of 321 entries: 296,000). Together they were 4% of the instructions of starting hello world
and 280 of its 1,235 page faults (each initializer touches code and data all over the library).
Nodus uses only V8 from libnode and never calls Node's C++ code, the only reader of those objects.

This finds the two initializers by what they call (objdump's disassembly: no symbols are needed
for the initializers themselves, which the package strips) and takes them out of .init_array:
the entries after each move up one slot (their relocations are rewritten; the order of the rest
is kept) and DT_INIT_ARRAYSZ shrinks. An initializer also registers the destructor of what it
made (__cxa_atexit), so neither runs. Each is recognised by:
- options: a direct call to node::PerProcessOptions's constructor or to a node::options_parser
  constructor (through the PLT, by name);
- builtins: the initializer, or the function it jumps to first, calls into the code of
  node::builtins::BuiltinLoader (objdump names a local function after the nearest exported
  symbol before it, and the compiler keeps a file's functions together).
Anything not found exactly once is left alone (a newer libnode merely starts a little slower).
The initializers dropped are listed in <library>.noinit, one per line ("options 0x933b40"), for
runtime/builtins/noinit_test.sh.

usage: noinit.py <library.so>
"""
import re
import struct
import subprocess
import sys

from elf import Elf

DT_INIT_ARRAY, DT_INIT_ARRAYSZ = 25, 27
R_X86_64_RELATIVE = 8

OPTIONS_CALL = re.compile(
    r"call\s+[0-9a-f]+ <(_ZN4node17PerProcessOptionsC[12]Ev|_ZN4node14options_parser\w*C[12]E\w*)@plt>")
BUILTINS_CALL = re.compile(r"call\s+[0-9a-f]+ <_ZN4node8builtins13BuiltinLoader\w*(@@Base)?\+0x")
FIRST_JUMP = re.compile(r"^\s*([0-9a-f]+):\s+jmp\s+([0-9a-f]+) <")


def disassemble(path, start, stop):
    out = subprocess.run(
        ["objdump", "-d", "--no-show-raw-insn", "--start-address=%#x" % start,
         "--stop-address=%#x" % stop, path],
        check=True, stdout=subprocess.PIPE, universal_newlines=True).stdout
    return [line for line in out.splitlines() if re.match(r"^\s*[0-9a-f]+:\s", line)]


def until_ret(lines):
    """A function's instructions: up to its first return or tail call into the PLT."""
    body = []
    for line in lines:
        body.append(line)
        if re.search(r":\s+ret\b", line) or re.search(r":\s+jmp\s+[0-9a-f]+ <[^>]*@plt>", line):
            break
    return body


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    path = argv[1]
    elf = Elf(path, "noinit.py")
    data = elf.data
    init_array = init_size = None
    size_entry = None
    rela = relasz = None
    for tag, value, off in elf.dynamic_entries():
        if tag == DT_INIT_ARRAY:
            init_array = value
        elif tag == DT_INIT_ARRAYSZ:
            init_size, size_entry = value, off
        elif tag == 7:  # DT_RELA
            rela = value
        elif tag == 8:  # DT_RELASZ
            relasz = value
    if init_array is None or init_size is None or rela is None or relasz is None:
        elf.fail("no .init_array or no RELA relocations")

    # The relocation of each slot of .init_array: one R_X86_64_RELATIVE apiece, or nothing is
    # touched.
    slots = init_size // 8
    reloc_of = [None] * slots
    rela_off = elf.offset_of(rela)
    for i in range(relasz // 24):
        off = rela_off + i * 24
        r_offset, r_info, r_addend = struct.unpack_from("<QQq", data, off)
        if init_array <= r_offset < init_array + init_size:
            slot = (r_offset - init_array) // 8
            if (r_info & 0xFFFFFFFF) != R_X86_64_RELATIVE or reloc_of[slot] is not None:
                elf.fail("slot %d of .init_array is not one relative relocation" % slot)
            reloc_of[slot] = off
    if any(off is None for off in reloc_of):
        elf.fail("a slot of .init_array has no relocation")
    targets = [struct.unpack_from("<q", data, off + 16)[0] for off in reloc_of]

    # Each initializer's code: from its address to its first return or tail call, and never past
    # the next initializer's address (they are laid out together), disassembled in one objdump
    # run.
    ordered = sorted(set(targets))
    lines = disassemble(path, ordered[0], ordered[-1] + 0x10000)
    by_address = {}
    current = None
    bounds = iter(ordered[1:] + [ordered[-1] + 0x10000])
    next_bound = ordered[0]
    for line in lines:
        address = int(line.split(":", 1)[0], 16)
        while address >= next_bound:
            current = next_bound
            by_address[current] = []
            next_bound = next(bounds, 1 << 64)
        if current is not None:
            by_address[current].append(line)

    found = {"options": [], "builtins": []}
    for slot, target in enumerate(targets):
        body = until_ret(by_address.get(target, []))
        text = "\n".join(body)
        if OPTIONS_CALL.search(text):
            found["options"].append(slot)
            continue
        code = body
        jump = FIRST_JUMP.match(body[0]) if body else None
        if jump and int(jump.group(1), 16) == target:
            callee = int(jump.group(2), 16)
            code = until_ret(disassemble(path, callee, callee + 0x20000))
        if BUILTINS_CALL.search("\n".join(code)):
            found["builtins"].append(slot)

    drop = {}
    for kind, where in found.items():
        if len(where) == 1:
            drop[where[0]] = kind
        else:
            print("noinit.py: %s initializer found %d times: left alone" % (kind, len(where)),
                  file=sys.stderr)
    if not drop:
        open(path + ".noinit", "w").close()
        return

    kept = [target for slot, target in enumerate(targets) if slot not in drop]
    for slot, target in enumerate(kept):
        struct.pack_into("<q", data, reloc_of[slot] + 16, target)
    # The slots past the new end keep relocations that write into memory no one calls.
    struct.pack_into("<qQ", data, size_entry, DT_INIT_ARRAYSZ, len(kept) * 8)
    open(path, "wb").write(data)
    with open(path + ".noinit", "w") as record:
        for slot in sorted(drop):
            record.write("%s %#x\n" % (drop[slot], targets[slot]))


if __name__ == "__main__":
    main(sys.argv)
