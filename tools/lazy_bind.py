#!/usr/bin/env python3
"""Switches a shared library from eager to lazy symbol binding, in place.

Debian links libnode.so.108 with BIND_NOW (and full RELRO), so the dynamic linker resolves all of
its ~30,000 PLT relocations when the runtime starts: about half of the runtime's start-up time.
With lazy binding only the functions actually called are resolved. Lazy binding writes to the
.got.plt on first call, so the PT_GNU_RELRO segment, which would make it read-only after
loading, is turned into PT_NULL as well. This is applied to the private copy ./bazelw unpacks,
never to an installed system library.

usage: lazy_bind.py <library.so>
"""
import struct
import sys

PT_DYNAMIC = 2
PT_GNU_RELRO = 0x6474E552
DT_FLAGS = 0x1E
DT_FLAGS_1 = 0x6FFFFFFB
DF_BIND_NOW = 0x8
DF_1_NOW = 0x1


def main(path):
    data = bytearray(open(path, "rb").read())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        sys.exit("lazy_bind.py: %s is not a 64-bit little-endian ELF file" % path)
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    dynamic = None
    for i in range(phnum):
        entry = phoff + i * phentsize
        p_type, = struct.unpack_from("<I", data, entry)
        if p_type == PT_GNU_RELRO:
            struct.pack_into("<I", data, entry, 0)
        elif p_type == PT_DYNAMIC:
            offset, = struct.unpack_from("<Q", data, entry + 8)
            size, = struct.unpack_from("<Q", data, entry + 32)
            dynamic = (offset, size)
    if dynamic is None:
        sys.exit("lazy_bind.py: %s has no dynamic section" % path)
    for entry in range(dynamic[0], dynamic[0] + dynamic[1], 16):
        tag, value = struct.unpack_from("<qQ", data, entry)
        if tag == DT_FLAGS:
            struct.pack_into("<Q", data, entry + 8, value & ~DF_BIND_NOW)
        elif tag == DT_FLAGS_1:
            struct.pack_into("<Q", data, entry + 8, value & ~DF_1_NOW)
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main(sys.argv[1])
