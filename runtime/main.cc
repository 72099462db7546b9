// The runtime's entry point: everything happens in nodus::Start (runtime/start.cc).
#include "runtime/start.h"

int main(int argc, char** argv) { return nodus::Start(argc, argv); }
