#!/usr/bin/env python3
"""Takes shared libraries off another library's list of dependencies, in place.

libnode.so.108 lists libssl.so.3 and libcrypto.so.3, for Node's own crypto code, which the
runtime never calls (its crypto and TLS bindings are its own, third_party/openssl). Listed, they
are loaded and relocated at every start: libcrypto binds about 4,000 of its own symbols by name
(Debian links it with -z now), 17% of the instructions of starting hello world. The runtime
loads OpenSSL itself on first use (third_party/openssl/lazy.h); libnode then finds it in the
global scope like any other library, for the calls into it that it never makes.

For each library named, this
- removes its DT_NEEDED entry (the dynamic array is compacted, DT_NULL entries fill the end);
- removes its version-requirement entry (.gnu.version_r is rewritten with the rest), and gives
  every symbol that asked for one of its versions the global version index instead;
- makes those symbols weak, so that the dynamic linker, which no longer loads their library
  before this one, resolves a reference it cannot find to 0 instead of stopping: the handful of
  data references (function pointers Node's crypto code takes) at load time, and with immediate
  binding (LD_BIND_NOW) the PLT slots too. With lazy binding a PLT slot is bound on its first
  call, which Nodus never makes, against whatever the global scope then holds.

usage: unneed.py <library.so> <soname>...
"""
import struct
import sys

from elf import Elf

DT_NULL, DT_NEEDED, DT_STRTAB, DT_SYMTAB = 0, 1, 5, 6
DT_VERSYM, DT_VERNEED, DT_VERNEEDNUM = 0x6FFFFFF0, 0x6FFFFFFE, 0x6FFFFFFF
SHT_DYNSYM, SHT_GNU_VERNEED = 11, 0x6FFFFFFE
STB_WEAK = 2


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    path, drop = argv[1], set(argv[2:])
    elf = Elf(path, "unneed.py")
    data, dynamic, offset_of = elf.data, elf.dynamic, elf.offset_of
    entries = [(tag, val) for tag, val, _off in elf.dynamic_entries()]
    tags = {}
    for tag, val in entries:
        tags.setdefault(tag, val)
    strtab = offset_of(tags[DT_STRTAB])

    def string(offset):
        end = data.index(b"\0", strtab + offset)
        return data[strtab + offset:end].decode()

    needed = [string(val) for tag, val in entries if tag == DT_NEEDED]
    missing = drop - set(needed)
    if missing:
        sys.exit("unneed.py: %s does not list %s" % (path, ", ".join(sorted(missing))))

    # The dynamic array without the dropped DT_NEEDED entries, padded with DT_NULL.
    kept = [(t, v) for t, v in entries if not (t == DT_NEEDED and string(v) in drop)]
    for i in range(len(entries)):
        t, v = kept[i] if i < len(kept) else (DT_NULL, 0)
        struct.pack_into("<qQ", data, dynamic[0] + 16 * i, t, v)

    # Version requirements: read them all, keep those of the other files.
    removed_indexes = set()
    count = tags.get(DT_VERNEEDNUM, 0)
    if count:
        start = offset_of(tags[DT_VERNEED])
        records, off = [], start
        for _ in range(count):
            version, cnt, file_, aux, nxt = struct.unpack_from("<HHIII", data, off)
            auxes, aoff = [], off + aux
            for _ in range(cnt):
                hsh, flags, other, name, anext = struct.unpack_from("<IHHII", data, aoff)
                auxes.append((hsh, flags, other, name))
                aoff += anext
            records.append((version, file_, auxes))
            off += nxt
        end = max(off, aoff)
        keep = []
        for version, file_, auxes in records:
            if string(file_) in drop:
                removed_indexes.update(a[2] for a in auxes)
            else:
                keep.append((version, file_, auxes))
        out = bytearray()
        for n, (version, file_, auxes) in enumerate(keep):
            size = 16 * (1 + len(auxes))
            out += struct.pack("<HHIII", version, len(auxes), file_, 16,
                               size if n + 1 < len(keep) else 0)
            for m, (hsh, flags, other, name) in enumerate(auxes):
                out += struct.pack("<IHHII", hsh, flags, other, name, 16 if m + 1 < len(auxes) else 0)
        region = max(end, start + len(out)) - start
        data[start:start + region] = bytes(out) + b"\0" * (region - len(out))
        for i in range(len(entries)):
            t, v = struct.unpack_from("<qQ", data, dynamic[0] + 16 * i)
            if t == DT_VERNEEDNUM:
                struct.pack_into("<qQ", data, dynamic[0] + 16 * i, t, len(keep))
        # The section header says how many entries readelf and objdump should read.
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        for i in range(shnum):
            base = shoff + i * shentsize
            if struct.unpack_from("<I", data, base + 4)[0] == SHT_GNU_VERNEED:
                struct.pack_into("<I", data, base + 44, len(keep))

    # Symbols that asked for a removed version: the global index, and weak.
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    dynsym = None
    for i in range(shnum):
        sh = struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
        if sh[1] == SHT_DYNSYM:
            dynsym = (sh[4], sh[5] // 24)
    if dynsym is None:
        sys.exit("unneed.py: no .dynsym")
    versym = offset_of(tags[DT_VERSYM]) if DT_VERSYM in tags else None
    weakened = 0
    for index in range(1, dynsym[1]):
        if versym is None:
            break
        ver, = struct.unpack_from("<H", data, versym + 2 * index)
        if (ver & 0x7FFF) in removed_indexes:
            struct.pack_into("<H", data, versym + 2 * index, 1)
            sym = dynsym[0] + 24 * index
            info = data[sym + 4]
            shndx, = struct.unpack_from("<H", data, sym + 6)
            if shndx != 0:
                sys.exit("unneed.py: symbol %d is defined here but versioned by %s" % (index, drop))
            data[sym + 4] = (STB_WEAK << 4) | (info & 0xF)
            weakened += 1
    open(path, "wb").write(data)
    print("unneed.py: %s no longer needs %s; %d symbols made weak" %
          (path, ", ".join(sorted(drop)), weakened))


if __name__ == "__main__":
    main(sys.argv)
