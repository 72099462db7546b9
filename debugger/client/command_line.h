// Parsing a `debug>` command line, and the small text helpers the client prints with.
#ifndef DEBUGGER_CLIENT_COMMAND_LINE_H_
#define DEBUGGER_CLIENT_COMMAND_LINE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace nodus::debugger {

// A command line split into its name and arguments: `name`, `name(arg, ...)` or `name rest`.
struct Command {
  std::string name;
  std::vector<std::string> args;  // String literals unquoted; anything else as written.
  std::vector<bool> quoted;
  std::string rest;               // Everything after the name, trimmed (for `exec`).
  bool ok = true;                 // False for an unterminated string literal.
};

Command ParseCommand(const std::string& line);

std::string Trim(const std::string& s);
// A positive decimal line number of at most 9 digits.
bool ParseLine(const std::string& text, uint32_t* line);
std::string Basename(const std::string& url);
std::vector<std::string> SplitLines(const std::string& text);
// Writes to stdout and flushes (the transcript interleaves with the program's output).
void Print(const std::string& text);

}  // namespace nodus::debugger

#endif  // DEBUGGER_CLIENT_COMMAND_LINE_H_
