// The REPL binary: the runtime with StartOptions::force_repl, so it enters the REPL
// (stdlib/lib/repl.js, chosen in stdlib/lib/_bootstrap.js) even when stdin is not a terminal, as
// `runtime -i` does. Everything else is the runtime's own start path (runtime/start.cc).
#include "runtime/start.h"

int main(int argc, char** argv) {
  nodus::StartOptions options;
  options.force_repl = true;
  return nodus::Start(argc, argv, options);
}
