// The REPL binary: the runtime started as `runtime -i [arguments]`, so it enters the REPL
// (stdlib/lib/repl.js, chosen in stdlib/lib/_bootstrap.js) even when stdin is not a terminal.
// Everything else is the runtime's own start path (runtime/core/start.cc).
#include <cstring>
#include <vector>

#include "runtime/core/start.h"

int main(int argc, char** argv) {
  // libuv's uv_setup_args (called by Start) treats argv's strings as one contiguous block, as
  // the kernel lays them out, so the new argument list is built the same way. It lives until
  // the process exits.
  static std::vector<char> block;
  static std::vector<char*> args;
  const char kFlag[] = "-i";
  size_t size = sizeof(kFlag);
  for (int i = 0; i < argc; i++) size += std::strlen(argv[i]) + 1;
  block.resize(size);
  std::vector<size_t> offsets;
  size_t at = 0;
  for (int i = 0; i < argc; i++) {
    if (i == 1) {
      offsets.push_back(at);
      std::memcpy(&block[at], kFlag, sizeof(kFlag));
      at += sizeof(kFlag);
    }
    offsets.push_back(at);
    size_t length = std::strlen(argv[i]) + 1;
    std::memcpy(&block[at], argv[i], length);
    at += length;
  }
  if (argc <= 1) {
    offsets.push_back(at);
    std::memcpy(&block[at], kFlag, sizeof(kFlag));
  }
  for (size_t offset : offsets) args.push_back(&block[offset]);
  args.push_back(nullptr);
  return nodus::Start(static_cast<int>(args.size()) - 1, args.data());
}
