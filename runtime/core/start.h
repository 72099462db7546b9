// Start(): the whole life of the process, from argv to exit code. main() only calls this.
#ifndef RUNTIME_CORE_START_H_
#define RUNTIME_CORE_START_H_

namespace nodus {

int Start(int argc, char** argv);

}  // namespace nodus

#endif  // RUNTIME_CORE_START_H_
