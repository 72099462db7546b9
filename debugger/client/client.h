// The debugger's command-line client: the `debug>` prompt of `runtime debug script.js` and of
// `//debugger:attach` (attaching to a program started with --debug). It reads commands from
// stdin (cont, next, step, out, pause, sb, cb, bt, list, watch, repl, run, restart, kill,
// scripts, version, ...), sends them to the agent as protobuf requests (debugger.proto) and
// prints what comes back. It needs no V8; it runs on a libuv loop of its own.
#ifndef DEBUGGER_CLIENT_CLIENT_H_
#define DEBUGGER_CLIENT_CLIENT_H_

#include <string>
#include <vector>

namespace nodus::debugger {

// `runtime debug script.js [arguments]`: runs this same executable on the script with
// --debug-brk=0 in a child process, attaches to it and runs the prompt until `quit` or the end
// of stdin. Returns the exit code for the client's process.
int RunDebugSession(const std::vector<std::string>& script_and_args);

// Attaches to an agent already listening on host:port and runs the prompt.
int RunAttachSession(const std::string& host, int port);

}  // namespace nodus::debugger

#endif  // DEBUGGER_CLIENT_CLIENT_H_
