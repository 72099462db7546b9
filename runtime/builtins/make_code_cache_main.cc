// The runtime with code cache recording on (see code_cache.h); used only by the build.
#include "runtime/builtins/code_cache.h"
#include "runtime/start.h"

int main(int argc, char** argv) {
  nodus::builtins::RecordCodeCache();
  return nodus::Start(argc, argv);
}
