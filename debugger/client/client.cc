// The entry points of the `debug>` client (client.h). The session itself is in session.cc, the
// program's process in child.cc, the agent connection in connection.cc and the commands in
// commands.cc.
#include "debugger/client/client.h"

#include <signal.h>

#include <cstdio>

#include "debugger/client/session.h"

namespace nodus::debugger {

int RunDebugSession(const std::vector<std::string>& script_and_args) {
  if (script_and_args.empty()) {
    std::fprintf(stderr, "Usage: runtime debug script.js [arguments]\n");
    return 1;
  }
  signal(SIGPIPE, SIG_IGN);
  Session session;
  return session.RunChild(script_and_args);
}

int RunAttachSession(const std::string& host, int port) {
  signal(SIGPIPE, SIG_IGN);
  Session session;
  return session.RunAttach(host, port);
}

}  // namespace nodus::debugger
