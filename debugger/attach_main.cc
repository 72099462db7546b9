// //debugger:attach: attaches the `debug>` prompt to a program started with --debug[=port] or
// --debug-brk[=port].  Usage: attach [[host:]port]   (default 127.0.0.1:5858)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "debugger/client/client.h"

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  std::string port_text = "5858";
  if (argc > 2 || (argc == 2 && (std::strcmp(argv[1], "-h") == 0 ||
                                 std::strcmp(argv[1], "--help") == 0))) {
    std::fprintf(stderr, "Usage: %s [[host:]port]\n", argv[0]);
    return argc == 2 ? 0 : 1;
  }
  if (argc == 2) {
    std::string target = argv[1];
    size_t colon = target.rfind(':');
    if (colon != std::string::npos) {
      host = target.substr(0, colon);
      port_text = target.substr(colon + 1);
    } else {
      port_text = target;
    }
  }
  char* end = nullptr;
  long port = std::strtol(port_text.c_str(), &end, 10);
  if (port_text.empty() || *end != '\0' || port <= 0 || port > 65535) {
    std::fprintf(stderr, "%s: bad port '%s'\n", argv[0], port_text.c_str());
    return 1;
  }
  return nodus::debugger::RunAttachSession(host, static_cast<int>(port));
}
