// Start(): the whole life of the process, from argv to exit code. main() only calls this.
#ifndef RUNTIME_START_H_
#define RUNTIME_START_H_

namespace nodus {

// What a program embedding the runtime decides beyond its command line.
struct StartOptions {
  // Enter the REPL even when stdin is not a terminal, as `-i` does (the REPL binary, //repl).
  bool force_repl = false;
};

// Parses argv as the runtime's command line (`runtime --help`), runs the program and returns its
// exit code. argv must be the process's own (libuv's uv_setup_args takes it over).
int Start(int argc, char** argv, const StartOptions& start_options = StartOptions());

}  // namespace nodus

#endif  // RUNTIME_START_H_
