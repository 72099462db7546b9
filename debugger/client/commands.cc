// The `debug>` commands: one table (name, aliases, whether it may run while the program runs,
// handler) and the handlers. Output wording follows v0.6.3's `node debug`.
#include <cstdlib>
#include <memory>
#include <string>

#include "debugger/client/session.h"

namespace nodus::debugger {

namespace {

const char kHelp[] =
    "Commands:\n"
    "  cont, c            continue            next, n           step over\n"
    "  step, s            step in             out, o            step out\n"
    "  pause              pause the running program\n"
    "  setBreakpoint, sb  sb() current line, sb(line), sb('fn()'), sb('script.js', line)\n"
    "  clearBreakpoint, cb  cb('script.js', line)      breakpoints  list breakpoints\n"
    "  backtrace, bt      list(n)  source around the current line\n"
    "  watch(expr), unwatch(expr), watchers\n"
    "  exec expr          evaluate expr       repl  evaluate line by line (Ctrl+C or .exit leaves)\n"
    "  run, restart, kill, scripts, version, help, quit\n";

void PrintError(const Response& response) {
  if (!response.success()) Print(response.error() + "\n");
}

}  // namespace

// `while_running`: the commands that make sense while the program runs; the others wait for
// the next stop.
const Session::CommandSpec Session::kCommands[] = {
    {{"cont", "c"}, false, &Session::CmdCont},
    {{"next", "n"}, false, &Session::CmdStep},
    {{"step", "s"}, false, &Session::CmdStep},
    {{"out", "o"}, false, &Session::CmdStep},
    {{"pause"}, true, &Session::CmdPause},
    {{"setBreakpoint", "sb"}, true, &Session::CmdSetBreakpoint},
    {{"clearBreakpoint", "cb"}, true, &Session::CmdClearBreakpoint},
    {{"breakpoints"}, true, &Session::CmdBreakpoints},
    {{"backtrace", "bt"}, false, &Session::CmdBacktrace},
    {{"list"}, false, &Session::CmdList},
    {{"watch"}, true, &Session::CmdWatch},
    {{"unwatch"}, true, &Session::CmdWatch},
    {{"watchers"}, true, &Session::CmdWatchers},
    {{"repl"}, false, &Session::CmdRepl},
    {{"exec"}, false, &Session::CmdExec},
    {{"scripts"}, true, &Session::CmdScripts},
    {{"version"}, true, &Session::CmdVersion},
    {{"run"}, true, &Session::CmdRun},
    {{"restart"}, true, &Session::CmdRestart},
    {{"kill"}, true, &Session::CmdKill},
    {{"help"}, true, &Session::CmdHelp},
    {{"quit", "exit", ".exit"}, true, &Session::CmdQuit},
};

const Session::CommandSpec* Session::FindCommand(const std::string& name) {
  for (const CommandSpec& spec : kCommands) {
    for (const char* alias : spec.names) {
      if (alias != nullptr && name == alias) return &spec;
    }
  }
  return nullptr;
}

bool Session::RequirePaused() {
  if (state_ == State::kPaused && !frames_.empty()) return true;
  Print(state_ == State::kTerminated ? "The program is not being debugged. Try `run`.\n"
                                     : "The program is running; try `pause` first.\n");
  return false;
}

void Session::Evaluate(const std::string& expression) {
  Request request;
  request.mutable_evaluate()->set_expression(expression);
  Send(request, [](const Response& response) {
    if (!response.success()) {
      Print(response.error() + "\n");
    } else {
      const std::string& text = response.value().text();
      // An exception's description carries its stack; the first line says what happened.
      Print((response.value().thrown() ? text.substr(0, text.find('\n')) : text) + "\n");
    }
  });
}

void Session::Resume(Request request) {
  Send(request, [this](const Response& response) {
    if (!response.success()) {
      Print(response.error() + "\n");
      return;
    }
    state_ = State::kRunning;
    frames_.clear();
    StartSettleTimer();
  });
}

void Session::CmdCont(const Command&) {
  if (!RequirePaused()) return;
  Request request;
  request.mutable_cont();
  Resume(request);
}

// next, step and out.
void Session::CmdStep(const Command& command) {
  if (!RequirePaused()) return;
  char kind = command.name[0];
  Request request;
  request.mutable_step()->set_kind(kind == 'n' ? Step::OVER : kind == 's' ? Step::IN : Step::OUT);
  Resume(request);
}

void Session::CmdPause(const Command&) {
  if (state_ != State::kRunning) {
    Print("The program is not running.\n");
    return;
  }
  Request request;
  request.mutable_pause();
  Send(request, PrintError);
}

void Session::CmdSetBreakpoint(const Command& command) {
  Request request;
  debugger::SetBreakpoint* sb = request.mutable_set_breakpoint();
  BreakpointEntry entry;
  uint32_t line = 0;
  if (command.args.empty() || (command.args.size() == 1 && !command.quoted[0])) {
    // sb() or sb(line): in the current script.
    if (frames_.empty()) {
      Print("The program is not paused: give a script, sb('script.js', line)\n");
      return;
    }
    const Location& where = frames_[0].location();
    line = where.line();
    if (!command.args.empty() && !ParseLine(command.args[0], &line)) {
      Print("sb(line): line must be a positive number\n");
      return;
    }
    entry.script = where.url();
  } else if (command.args.size() == 1) {
    sb->set_function(command.args[0]);
    entry.label = command.args[0];
  } else if (command.args.size() == 2 && command.quoted[0] && ParseLine(command.args[1], &line)) {
    entry.script = command.args[0];
  } else {
    Print("Usage: sb(), sb(line), sb('fn()') or sb('script.js', line)\n");
    return;
  }
  if (!entry.script.empty()) {
    sb->mutable_script_line()->set_script(entry.script);
    sb->mutable_script_line()->set_line(line);
    entry.line = line;
    entry.label = entry.script + ":" + std::to_string(line);
  }
  Send(request, [this, entry](const Response& response) {
    if (!response.success()) {
      Print("Cannot set breakpoint: " + response.error() + "\n");
      return;
    }
    BreakpointEntry added = entry;
    added.id = response.breakpoint_set().breakpoint_id();
    breakpoints_.push_back(added);
    if (!added.script.empty() && response.breakpoint_set().locations_size() == 0) {
      Print("Warning: script '" + added.script + "' was not loaded yet.\n");
    }
  });
}

// After `run` or `restart` the new program gets the script breakpoints set before; a function
// breakpoint needs the function to exist, so it is dropped.
void Session::RestoreBreakpoints() {
  std::vector<BreakpointEntry> previous;
  previous.swap(breakpoints_);
  for (const BreakpointEntry& entry : previous) {
    if (entry.script.empty()) {
      Print("Breakpoint " + entry.label + " was not restored (set it again)\n");
      continue;
    }
    Request request;
    request.mutable_set_breakpoint()->mutable_script_line()->set_script(entry.script);
    request.mutable_set_breakpoint()->mutable_script_line()->set_line(entry.line);
    Send(request, [this, entry](const Response& response) {
      if (!response.success()) return;
      BreakpointEntry restored = entry;
      restored.id = response.breakpoint_set().breakpoint_id();
      breakpoints_.push_back(restored);
    });
  }
}

void Session::CmdClearBreakpoint(const Command& command) {
  std::string script;
  uint32_t line = 0;
  std::string function;
  if (command.args.size() == 2 && ParseLine(command.args[1], &line)) {
    script = command.args[0];
  } else if (command.args.size() == 1 && command.quoted[0]) {
    function = command.args[0];
  } else if (!frames_.empty() && command.args.size() <= 1) {
    script = frames_[0].location().url();
    line = frames_[0].location().line();
    if (command.args.size() == 1 && !ParseLine(command.args[0], &line)) line = 0;
  }
  for (size_t i = 0; i < breakpoints_.size(); i++) {
    const BreakpointEntry& entry = breakpoints_[i];
    bool match = function.empty()
                     ? entry.line == line && !entry.script.empty() &&
                           (entry.script == script || Basename(entry.script) == script ||
                            Basename(script) == entry.script ||
                            (script.size() < entry.script.size() &&
                             entry.script.compare(entry.script.size() - script.size(),
                                                  script.size(), script) == 0))
                     : entry.label == function;
    if (!match) continue;
    Request request;
    request.mutable_clear_breakpoint()->set_breakpoint_id(entry.id);
    breakpoints_.erase(breakpoints_.begin() + static_cast<long>(i));
    Send(request, [](const Response& response) {
      if (!response.success()) Print("Cannot clear breakpoint: " + response.error() + "\n");
    });
    return;
  }
  Print("Could not find breakpoint at specified location\n");
}

void Session::CmdBreakpoints(const Command&) {
  std::string text;
  for (size_t i = 0; i < breakpoints_.size(); i++) {
    text += "#" + std::to_string(i) + " " + breakpoints_[i].label + "\n";
  }
  Print(text.empty() ? "No breakpoints yet\n" : text);
}

void Session::CmdBacktrace(const Command&) {
  if (!RequirePaused()) return;
  Request request;
  request.mutable_backtrace();
  Send(request, [](const Response& response) {
    if (!response.success()) {
      Print(response.error() + "\n");
      return;
    }
    std::string text;
    for (const Frame& frame : response.backtrace().frames()) {
      const Location& where = frame.location();
      text += "#" + std::to_string(frame.index()) + " " +
              (frame.function_name().empty() ? "" : frame.function_name() + " ") +
              Basename(where.url()) + ":" + std::to_string(where.line()) + ":" +
              std::to_string(where.column()) + "\n";
    }
    Print(text);
  });
}

void Session::CmdList(const Command& command) {
  if (!RequirePaused()) return;
  uint32_t context = 5;
  if (!command.args.empty() && !ParseLine(command.args[0], &context)) {
    Print("list(n): n must be a positive number\n");
    return;
  }
  const Location& where = frames_[0].location();
  busy_ = true;
  WithSource(where.script_id(), [this, where, context]() {
    busy_ = false;
    Print(Listing(where.script_id(), where.line(), context));
  });
}

// watch(expr) and unwatch(expr or index).
void Session::CmdWatch(const Command& command) {
  const std::string& name = command.name;
  if (command.args.size() != 1 || command.args[0].empty()) {
    Print(name + "(expr) takes one expression\n");
    return;
  }
  if (name == "watch") {
    watchers_.push_back(command.args[0]);
    return;
  }
  uint32_t index;
  for (size_t i = 0; i < watchers_.size(); i++) {
    if (watchers_[i] == command.args[0]) {
      watchers_.erase(watchers_.begin() + static_cast<long>(i));
      return;
    }
  }
  if (!command.quoted[0] &&
      ParseLine(std::to_string(std::atoi(command.args[0].c_str()) + 1), &index) &&
      command.args[0] == std::to_string(index - 1) && index - 1 < watchers_.size()) {
    watchers_.erase(watchers_.begin() + static_cast<long>(index - 1));
    return;
  }
  Print("No watcher " + command.args[0] + "\n");
}

void Session::CmdWatchers(const Command&) {
  if (!connection_.connected() || state_ != State::kPaused) {
    std::string text;
    for (size_t i = 0; i < watchers_.size(); i++) {
      text += "  " + std::to_string(i) + ": " + watchers_[i] + "\n";
    }
    Print(text.empty() ? "No watchers\n" : "Watchers:\n" + text);
    return;
  }
  busy_ = true;
  EvaluateWatchers(0, std::make_shared<std::string>(), [this](const std::string& text) {
    Print(text.empty() ? "No watchers\n" : text);
    busy_ = false;
    Pump();
  });
}

void Session::CmdRepl(const Command&) {
  if (!RequirePaused()) return;
  Print("Press Ctrl + C to leave debug repl\n");
  repl_ = true;
}

void Session::CmdExec(const Command& command) {
  std::string expression =
      command.args.size() == 1 && command.quoted[0] ? command.args[0] : command.rest;
  if (expression.empty()) {
    Print("exec needs an expression\n");
    return;
  }
  Evaluate(expression);
}

void Session::CmdScripts(const Command& command) {
  bool all = !command.args.empty() && command.args[0] == "true";
  Request request;
  request.mutable_list_scripts();
  std::string current = frames_.empty() ? "" : frames_[0].location().script_id();
  Send(request, [all, current](const Response& response) {
    std::string text;
    for (const Script& script : response.scripts().scripts()) {
      if (script.url().empty()) continue;
      // The stdlib's own scripts have no directory; `scripts(true)` shows them too.
      if (!all && script.url()[0] != '/') continue;
      text += (script.script_id() == current ? "* " : "  ") + script.script_id() + ": " +
              script.url() + "\n";
    }
    Print(text);
  });
}

void Session::CmdVersion(const Command&) {
  Request request;
  request.mutable_version();
  Send(request, [](const Response& response) { Print(response.version().v8() + "\n"); });
}

void Session::CmdRun(const Command&) {
  if (attached()) {
    Print("Attached to a running program: `run` is not available.\n");
  } else if (child_.alive()) {
    Print("App is already running... Try `restart` instead\n");
  } else {
    SpawnChild();
  }
}

void Session::CmdRestart(const Command&) {
  if (attached()) {
    Print("Attached to a running program: `restart` is not available.\n");
  } else if (!child_.alive() && state_ == State::kTerminated) {
    SpawnChild();
  } else {
    busy_ = true;
    after_exit_ = [this]() {
      busy_ = false;
      SpawnChild();
      Pump();
    };
    child_.Kill();
  }
}

void Session::CmdKill(const Command&) {
  if (!child_.alive()) {
    Print("The program is not running.\n");
    return;
  }
  busy_ = true;
  after_exit_ = [this]() {
    busy_ = false;
    Pump();
  };
  child_.Kill();
}

void Session::CmdHelp(const Command&) { Print(kHelp); }

void Session::CmdQuit(const Command&) { Quit(); }

}  // namespace nodus::debugger
