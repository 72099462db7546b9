"""What tools/unneed.py and tools/noinit.py read from a 64-bit little-endian ELF file alike:
its loadable segments, the file offset of an address in them, and its dynamic array."""
import struct
import sys

DT_NULL = 0
PT_LOAD, PT_DYNAMIC = 1, 2


class Elf:
    """The file's bytes (`data`, a bytearray to edit), its PT_LOAD segments and the offset and
    size of its PT_DYNAMIC one. Errors end the program with `tool`'s name in the message."""

    def __init__(self, path, tool):
        self.tool = tool
        self.data = bytearray(open(path, "rb").read())
        data = self.data
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            self.fail("%s is not a 64-bit little-endian ELF file" % path)
        phoff, = struct.unpack_from("<Q", data, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
        self.loads, self.dynamic = [], None
        for i in range(phnum):
            p_type, _f, p_offset, p_vaddr, _pa, p_filesz = struct.unpack_from(
                "<IIQQQQ", data, phoff + i * phentsize)
            if p_type == PT_LOAD:
                self.loads.append((p_vaddr, p_offset, p_filesz))
            elif p_type == PT_DYNAMIC:
                self.dynamic = (p_offset, p_filesz)
        if self.dynamic is None:
            self.fail("no dynamic section")

    def fail(self, message):
        sys.exit("%s: %s" % (self.tool, message))

    def offset_of(self, vaddr):
        for start, offset, size in self.loads:
            if start <= vaddr < start + size:
                return offset + vaddr - start
        self.fail("address %#x is not in the file" % vaddr)

    def dynamic_entries(self):
        """[(tag, value, file offset)] of the dynamic array, up to and with its DT_NULL."""
        entries = []
        for off in range(self.dynamic[0], self.dynamic[0] + self.dynamic[1], 16):
            tag, value = struct.unpack_from("<qQ", self.data, off)
            entries.append((tag, value, off))
            if tag == DT_NULL:
                break
        return entries
