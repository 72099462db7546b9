#!/usr/bin/env python3
"""Binds a shared library's references to its own symbols ahead of time, in place.

libnode.so.108 is built without -Bsymbolic, so every call and every vtable slot that points at one
of its own ~57,000 exported symbols is a symbolic relocation: at start-up the dynamic linker looks
each of them up by name (hashing long C++ names and walking the search scope), and with lazy
binding (tools/lazy_bind.py) each first call to a function goes through _dl_fixup as well. perf
showed the dynamic linker at about 45% of `runtime hello.js`.

This tool does the work once, as prelink did, but only where the answer cannot differ from what
the dynamic linker would find:
- R_X86_64_64 and R_X86_64_GLOB_DAT relocations whose symbol the library defines become
  R_X86_64_RELATIVE (base + value + addend: no lookup);
- R_X86_64_JUMP_SLOT entries keep their relocation, but their GOT slot is filled with the
  target's offset, so lazy set-up (which adds the load base) leaves the final address there and
  _dl_fixup never runs for them; LD_BIND_NOW still resolves them by name, to the same address.
A symbol is left to the dynamic linker when an object that comes before the library in the
search scope could define it with a different meaning: names defined by any library given with
--other, weak data symbols of the C++ standard library and of the public V8 API namespaces
(vtables, typeinfo, guard variables and static members of inline functions and templates that
the embedding binary may also emit and export: there must be one of each), GNU_UNIQUE, IFUNC,
TLS and absolute symbols (GNU_UNIQUE ones are bound only in V8's and Node's internal
namespaces, see below). Weak *functions* of those namespaces are bound (since v2): they are
inline functions and template instantiations, the same code by the one-definition rule whichever
object's copy runs, and the state they share is in data symbols left to the linker. They were
about 3,300 of the lookups left at start-up, with the longest names. The names bound are written to <library>.prebound, one per line, so a test can
check that the runtime binary exports none of them (runtime/builtins/prebind_test.sh).

usage: prebind.py <library.so> [--other lib.so]...
"""
import struct
import subprocess
import sys

SHT_DYNSYM = 11
PT_LOAD = 1
R_X86_64_64 = 1
R_X86_64_GLOB_DAT = 6
R_X86_64_JUMP_SLOT = 7
R_X86_64_RELATIVE = 8
STB_GLOBAL, STB_WEAK, STB_GNU_UNIQUE = 1, 2, 10
STT_FUNC, STT_TLS, STT_GNU_IFUNC = 2, 6, 10
SHN_UNDEF, SHN_ABS = 0, 0xFFF1


def sections(data):
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    out = []
    for i in range(shnum):
        out.append(struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize))
    return out


def dynamic_symbols(data):
    """[(name, bind, type, shndx, value)] of .dynsym, in index order."""
    secs = sections(data)
    for sec in secs:
        if sec[1] == SHT_DYNSYM:
            strtab = secs[sec[6]]
            str_off = strtab[4]
            syms = []
            for off in range(sec[4], sec[4] + sec[5], 24):
                name, info, _other, shndx, value, _size = struct.unpack_from("<IBBHQQ", data, off)
                end = data.index(b"\0", str_off + name)
                syms.append((data[str_off + name:end].decode(), info >> 4, info & 0xF, shndx, value))
            return syms
    sys.exit("prebind.py: no .dynsym")


def demangle(names):
    out = subprocess.run(["c++filt"], input="\n".join(names) + "\n", capture_output=True,
                         text=True, check=True).stdout.split("\n")
    return out[:len(names)]


def may_be_interposed(demangled):
    """Weak symbols another object (the embedder, libstdc++) may define and export too."""
    if "std::" in demangled or "__gnu_cxx::" in demangled:
        return True
    for prefix in ("", "vtable for ", "typeinfo for ", "typeinfo name for ", "VTT for ",
                   "guard variable for "):
        for ns in ("v8::", "v8_inspector::", "cppgc::"):
            if demangled.startswith(prefix + ns):
                rest = demangled[len(prefix) + len(ns):]
                # v8::internal is the library's own code, except the helpers the public headers
                # define inline.
                if ns == "v8::" and rest.startswith("internal::") and not rest.startswith(
                        ("internal::Internals", "internal::PerformCastCheck",
                         "internal::ValueHelper", "internal::ShouldThrowOnError")):
                    return False
                return True
    return False


def main(argv):
    path = argv[1]
    others = [argv[i + 1] for i in range(2, len(argv) - 1) if argv[i] == "--other"]
    data = bytearray(open(path, "rb").read())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1 or struct.unpack_from("<H", data, 0x12)[0] != 62:
        sys.exit("prebind.py: %s is not an x86-64 ELF file" % path)
    other_names = set()
    for other in others:
        for name, bind, _type, shndx, _value in dynamic_symbols(open(other, "rb").read()):
            if shndx != SHN_UNDEF and bind in (STB_GLOBAL, STB_WEAK, STB_GNU_UNIQUE):
                other_names.add(name.split("@")[0])
    syms = dynamic_symbols(data)
    weak = [i for i, s in enumerate(syms)
            if s[1] == STB_WEAK and s[2] != STT_FUNC and s[3] != SHN_UNDEF]
    interposable = set()
    for i, d in zip(weak, demangle([syms[i][0] for i in weak])):
        if may_be_interposed(d):
            interposable.add(i)
    # GNU_UNIQUE objects are the static locals and static members of inline functions and
    # templates, one per process. Those of V8's and Node's internals (not in any header libnode
    # ships, so no other object can define them) are the library's alone: about 1,700 lookups.
    unique = [i for i, s in enumerate(syms) if s[1] == STB_GNU_UNIQUE and s[3] != SHN_UNDEF]
    private_unique = set()
    for i, d in zip(unique, demangle([syms[i][0] for i in unique])):
        if d.startswith(("v8::internal::", "node::")) and not may_be_interposed(d):
            private_unique.add(i)

    def bindable(index):
        name, bind, typ, shndx, _value = syms[index]
        return (index != 0 and shndx not in (SHN_UNDEF, SHN_ABS)
                and (bind in (STB_GLOBAL, STB_WEAK) or index in private_unique)
                and typ not in (STT_TLS, STT_GNU_IFUNC) and index not in interposable
                and name not in other_names)

    # Virtual address -> file offset, for the GOT slots of JUMP_SLOT relocations.
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads = []
    for i in range(phnum):
        p_type, _f, p_offset, p_vaddr, _pa, p_filesz = struct.unpack_from("<IIQQQQ", data, phoff + i * phentsize)
        if p_type == PT_LOAD:
            loads.append((p_vaddr, p_offset, p_filesz))

    def file_offset(vaddr):
        for start, offset, size in loads:
            if start <= vaddr and vaddr + 8 <= start + size:
                return offset + vaddr - start
        return None

    bound = set()
    counts = {"relative": 0, "jump_slot": 0, "left": 0}
    for sec in sections(data):
        if sec[1] != 4:  # SHT_RELA
            continue
        for off in range(sec[4], sec[4] + sec[5], 24):
            r_offset, r_info, r_addend = struct.unpack_from("<QQq", data, off)
            rtype, index = r_info & 0xFFFFFFFF, r_info >> 32
            if rtype not in (R_X86_64_64, R_X86_64_GLOB_DAT, R_X86_64_JUMP_SLOT):
                continue
            if not bindable(index):
                counts["left"] += 1
                continue
            value = syms[index][4]
            if rtype == R_X86_64_JUMP_SLOT:
                slot = file_offset(r_offset)
                if slot is None or r_addend != 0:
                    counts["left"] += 1
                    continue
                struct.pack_into("<Q", data, slot, value)
                counts["jump_slot"] += 1
            else:
                if rtype == R_X86_64_GLOB_DAT and r_addend != 0:
                    counts["left"] += 1
                    continue
                struct.pack_into("<QQq", data, off, r_offset, R_X86_64_RELATIVE, value + r_addend)
                counts["relative"] += 1
            bound.add(syms[index][0])
    with open(path, "wb") as f:
        f.write(data)
    with open(path + ".prebound", "w") as f:
        f.write("".join(name + "\n" for name in sorted(bound)))
    print("prebind.py: %(relative)d relocations made relative, %(jump_slot)d PLT slots filled, "
          "%(left)d left to the dynamic linker" % counts, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
