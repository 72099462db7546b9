// The runtime's entry point: everything happens in nodus::Start (runtime/core/start.cc).
#include "runtime/core/start.h"

int main(int argc, char** argv) { return nodus::Start(argc, argv); }
