#include "debugger/client/command_line.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace nodus::debugger {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

Command ParseCommand(const std::string& line) {
  Command command;
  std::string text = Trim(line);
  size_t i = 0;
  while (i < text.size() && (isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' ||
                             text[i] == '.' || text[i] == '$')) {
    i++;
  }
  command.name = text.substr(0, i);
  command.rest = Trim(text.substr(i));
  if (i < text.size() && text[i] == '(' && text.back() == ')') {
    std::string inner = text.substr(i + 1, text.size() - i - 2);
    size_t p = 0;
    while (p < inner.size()) {
      while (p < inner.size() && isspace(static_cast<unsigned char>(inner[p]))) p++;
      if (p >= inner.size()) break;
      std::string arg;
      bool quoted = false;
      if (inner[p] == '\'' || inner[p] == '"') {
        char quote = inner[p++];
        quoted = true;
        bool closed = false;
        while (p < inner.size()) {
          char c = inner[p++];
          if (c == '\\' && p < inner.size()) {
            char e = inner[p++];
            arg.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
          } else if (c == quote) {
            closed = true;
            break;
          } else {
            arg.push_back(c);
          }
        }
        if (!closed) command.ok = false;
        while (p < inner.size() && isspace(static_cast<unsigned char>(inner[p]))) p++;
      } else {
        int depth = 0;
        while (p < inner.size() && !(depth == 0 && inner[p] == ',')) {
          if (inner[p] == '(' || inner[p] == '[' || inner[p] == '{') depth++;
          if (inner[p] == ')' || inner[p] == ']' || inner[p] == '}') depth--;
          arg.push_back(inner[p++]);
        }
        arg = Trim(arg);
      }
      command.args.push_back(arg);
      command.quoted.push_back(quoted);
      if (p < inner.size() && inner[p] == ',') p++;
    }
    command.rest = inner;
  }
  return command;
}

bool ParseLine(const std::string& text, uint32_t* line) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text) {
    if (!isdigit(static_cast<unsigned char>(c))) return false;
  }
  *line = static_cast<uint32_t>(std::strtoul(text.c_str(), nullptr, 10));
  return *line > 0;
}

std::string Basename(const std::string& url) {
  size_t slash = url.rfind('/');
  return slash == std::string::npos ? url : url.substr(slash + 1);
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

void Print(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

}  // namespace nodus::debugger
