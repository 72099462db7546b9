#include "debugger/client/session.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>


namespace nodus::debugger {

namespace {

void AllocBuffer(uv_handle_t*, size_t suggested, uv_buf_t* buf) {
  *buf = uv_buf_init(static_cast<char*>(std::malloc(suggested)), static_cast<unsigned>(suggested));
}

}  // namespace

Session::Session()
    : child_(&loop_, {[this](const std::string& line, bool is_stderr) {
                        OnChildLine(line, is_stderr);
                      },
                      [this]() { OnChildTerminated(); }}),
      connection_(&loop_, {[this](int status) { OnConnect(status); },
                           [this](const Event& event) { OnEvent(event); },
                           [this]() { Pump(); },
                           [this](bool unreadable) { OnConnectionLost(unreadable); }}) {
  uv_loop_init(&loop_);
  interactive_ = isatty(0) != 0;
}

int Session::RunChild(const std::vector<std::string>& script_and_args) {
  program_ = script_and_args;
  char path[4096];
  size_t size = sizeof(path);
  if (uv_exepath(path, &size) != 0) {
    Print("cannot find the runtime's own executable\n");
    return 1;
  }
  runtime_path_.assign(path, size);
  StartStdin();
  StartSignals();
  SpawnChild();
  uv_run(&loop_, UV_RUN_DEFAULT);
  return exit_code_;
}

int Session::RunAttach(const std::string& host, int port) {
  host_ = host;
  StartStdin();
  StartSignals();
  Connect(port);
  uv_run(&loop_, UV_RUN_DEFAULT);
  return exit_code_;
}

// --- The program ----------------------------------------------------------------------------

void Session::SpawnChild() {
  int err = child_.Spawn(runtime_path_, program_);
  if (err != 0) {
    Print(std::string("cannot start the program: ") + uv_strerror(err) + "\n");
    state_ = State::kTerminated;
    Pump();
    return;
  }
  state_ = State::kStarting;
}

void Session::OnChildLine(const std::string& line, bool is_stderr) {
  Print("< " + line + "\n");
  static const char kListening[] = "debugger listening on port ";
  if (is_stderr && state_ == State::kStarting && !connection_.connected() &&
      !connection_.connecting() && line.rfind(kListening, 0) == 0) {
    int port = std::atoi(line.c_str() + sizeof(kListening) - 1);
    if (port > 0 && port < 65536) Connect(port);
  }
}

// The run is over: it has exited and its output is fully printed.
void Session::OnChildTerminated() {
  if (state_ == State::kTerminated) return;
  CloseConnection();
  state_ = State::kTerminated;
  Print("program terminated\n");
  prompt_shown_ = false;
  if (after_exit_) {
    auto next = std::move(after_exit_);
    after_exit_ = nullptr;
    next();
    return;
  }
  Pump();
}

// --- The agent ------------------------------------------------------------------------------

void Session::Connect(int port) {
  if (!connection_.Connect(host_, port)) {
    Print("connecting... failed: bad address " + host_ + "\n");
    Finish(1);
  }
}

void Session::OnConnect(int status) {
  if (status != 0) {
    Print(std::string("connecting... failed: ") + uv_strerror(status) + "\n");
    if (child_.alive()) {
      child_.Kill();
    } else if (attached()) {
      Finish(1);
    }
    return;
  }
  Print("connecting... ok\n");
  sources_.clear();  // script ids are per process
  // An attached program runs until the agent reports a stop.
  if (attached() && state_ == State::kStarting) state_ = State::kRunning;
  RestoreBreakpoints();
  Pump();
}

void Session::CloseConnection() {
  if (!connection_.connected()) return;
  connection_.Close();
  busy_ = false;
  frames_.clear();
}

void Session::OnConnectionLost(bool unreadable) {
  if (unreadable) Print("the agent sent something unreadable; disconnecting\n");
  bool was_connected = connection_.connected();
  CloseConnection();
  if (!was_connected) return;
  if (attached()) {
    // Attached to someone else's program: nothing more to do.
    state_ = State::kTerminated;
    Print("connection closed\n");
    Finish(0);
    return;
  }
  // `runtime debug`: the child's exit reports the end (OnChildTerminated).
  if (!child_.alive()) child_.MaybeTerminated();
}

void Session::Send(Request request, std::function<void(const Response&)> done) {
  if (!connection_.connected()) {
    Print("The program is not being debugged. Try `run`.\n");
    return;
  }
  connection_.Send(std::move(request), std::move(done));
}

void Session::OnEvent(const Event& event) {
  if (event.has_break_event()) OnBreak(event.break_event());
}

// --- Stops ----------------------------------------------------------------------------------

void Session::OnBreak(const Break& event) {
  state_ = State::kPaused;
  frames_.assign(event.frames().begin(), event.frames().end());
  busy_ = true;
  // The report waits for the end of this loop iteration: output the program wrote before it
  // stopped arrives on another pipe in the same batch of events and is printed first.
  if (!break_check_started_) {
    uv_check_init(&loop_, &break_check_);
    break_check_.data = this;
    break_check_started_ = true;
  }
  uv_check_start(&break_check_, [](uv_check_t* check) {
    uv_check_stop(check);
    static_cast<Session*>(check->data)->ReportBreak();
  });
}

void Session::ReportBreak() {
  if (state_ != State::kPaused) return;
  if (frames_.empty()) {
    Print("break\n");
    busy_ = false;
    Pump();
    return;
  }
  WithSource(frames_[0].location().script_id(), [this]() {
    EvaluateWatchers(0, std::make_shared<std::string>(), [this](const std::string& watched) {
      if (frames_.empty()) {  // the program went away meanwhile
        busy_ = false;
        Pump();
        return;
      }
      const Location& where = frames_[0].location();
      std::string text = "break in " + where.url() + ":" + std::to_string(where.line()) + "\n";
      if (!watched.empty()) text += watched + "\n";
      Print(text + Listing(where.script_id(), where.line(), 2));
      prompt_shown_ = false;  // on a terminal the prompt comes again, after the report
      busy_ = false;
      Pump();
    });
  });
}

void Session::WithSource(const std::string& script_id, std::function<void()> done) {
  if (sources_.count(script_id) > 0 || !connection_.connected()) {
    done();
    return;
  }
  Request request;
  request.mutable_source()->set_script_id(script_id);
  Send(request, [this, script_id, done](const Response& response) {
    sources_[script_id] = response.success() ? SplitLines(response.source().text())
                                             : std::vector<std::string>();
    done();
  });
}

std::string Session::Listing(const std::string& script_id, uint32_t line, uint32_t context) {
  auto it = sources_.find(script_id);
  if (it == sources_.end() || it->second.empty()) return "";
  const std::vector<std::string>& lines = it->second;
  uint32_t first = line > context ? line - context : 1;
  uint32_t last = std::min<uint32_t>(line + context, static_cast<uint32_t>(lines.size()));
  std::string out;
  for (uint32_t n = first; n <= last; n++) {
    char number[16];
    std::snprintf(number, sizeof(number), "%3u", n);
    out += std::string(number) + " " + lines[n - 1] + "\n";
  }
  return out;
}

// Evaluates each watcher in turn and hands `done` the "Watchers:" block ("" if none).
void Session::EvaluateWatchers(size_t index, std::shared_ptr<std::string> text,
                               std::function<void(const std::string&)> done) {
  if (index >= watchers_.size() || !connection_.connected()) {
    done(text->empty() ? "" : "Watchers:\n" + *text);
    return;
  }
  Request request;
  request.mutable_evaluate()->set_expression(watchers_[index]);
  Send(request, [this, index, text, done](const Response& response) {
    std::string value = response.success()
                            ? (response.value().thrown() ? "<error>" : response.value().text())
                            : "<error>";
    *text += "  " + std::to_string(index) + ": " + watchers_[index] + " = " + value + "\n";
    EvaluateWatchers(index + 1, text, done);
  });
}

// --- The prompt -----------------------------------------------------------------------------

void Session::StartStdin() {
  uv_handle_type type = uv_guess_handle(0);
  if (type == UV_TTY) {
    uv_tty_init(&loop_, &stdin_tty_, 0, 1);
    stdin_stream_ = reinterpret_cast<uv_stream_t*>(&stdin_tty_);
  } else if (type == UV_NAMED_PIPE) {
    uv_pipe_init(&loop_, &stdin_pipe_, 0);
    uv_pipe_open(&stdin_pipe_, 0);
    stdin_stream_ = reinterpret_cast<uv_stream_t*>(&stdin_pipe_);
  } else {
    // A file (or /dev/null): it is all there already, so read it now.
    char buffer[4096];
    ssize_t n;
    while ((n = read(0, buffer, sizeof(buffer))) > 0) stdin_partial_.append(buffer, n);
    SplitInput();
    if (!stdin_partial_.empty()) queue_.push_back(stdin_partial_);
    stdin_eof_ = true;
    return;
  }
  stdin_stream_->data = this;
  uv_read_start(stdin_stream_, AllocBuffer, OnStdin);
}

void Session::OnStdin(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* self = static_cast<Session*>(stream->data);
  if (nread > 0) {
    self->stdin_partial_.append(buf->base, static_cast<size_t>(nread));
    self->SplitInput();
  }
  std::free(buf->base);
  if (nread < 0) {
    if (!self->stdin_partial_.empty()) self->queue_.push_back(self->stdin_partial_);
    self->stdin_partial_.clear();
    self->stdin_eof_ = true;
    uv_close(reinterpret_cast<uv_handle_t*>(stream), nullptr);
    self->stdin_stream_ = nullptr;
  }
  self->Pump();
}

void Session::SplitInput() {
  size_t nl;
  while ((nl = stdin_partial_.find('\n')) != std::string::npos) {
    std::string line = stdin_partial_.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    queue_.push_back(line);
    stdin_partial_.erase(0, nl + 1);
  }
}

void Session::StartSignals() {
  uv_signal_init(&loop_, &sigint_);
  sigint_.data = this;
  uv_signal_start(&sigint_, OnSigint, SIGINT);
  uv_unref(reinterpret_cast<uv_handle_t*>(&sigint_));
}

void Session::OnSigint(uv_signal_t* handle, int) {
  auto* self = static_cast<Session*>(handle->data);
  if (self->repl_) {
    self->repl_ = false;
    Print("\n");
    self->prompt_shown_ = false;
    self->Pump();
    return;
  }
  Print("\n");
  self->Quit();
}

// Whether `line` may run now: while the program runs only commands that make sense then do;
// the rest wait for the next stop (so a scripted `cont` then `bt` backtraces the next break).
bool Session::CanRunNow(const std::string& line) const {
  if (state_ == State::kStarting) return false;
  if (state_ != State::kRunning) return true;
  if (repl_) return true;
  // A script of commands means "after this stop"; it gets the same commands only once the
  // program has run for a while without stopping (a server, say).
  if (!interactive_ && !settled_) return false;
  const CommandSpec* spec = FindCommand(ParseCommand(line).name);
  return spec != nullptr && spec->while_running;
}

void Session::PrintPrompt() {
  Print(Prompt());
  prompt_shown_ = true;
}

// Runs queued commands while nothing is outstanding; decides when the session is over.
void Session::Pump() {
  if (pumping_ || finished_) return;
  pumping_ = true;
  while (!Busy() && !finished_ && !queue_.empty() && CanRunNow(queue_.front())) {
    std::string line = queue_.front();
    queue_.pop_front();
    if (!prompt_shown_) Print(Prompt());
    // Scripted input is echoed, so the transcript reads like a terminal session.
    if (!interactive_) Print(line + "\n");
    prompt_shown_ = false;
    if (repl_) {
      ReplLine(line);
    } else {
      Execute(line);
    }
  }
  pumping_ = false;
  if (Busy() || finished_ || !queue_.empty()) return;
  if (stdin_eof_) {
    // Out of commands: wait for a running program to stop or end, then leave.
    if (state_ == State::kRunning || state_ == State::kStarting) return;
    Quit();
    return;
  }
  if (interactive_ && !prompt_shown_ && state_ != State::kStarting) PrintPrompt();
}

void Session::ReplLine(const std::string& line) {
  std::string text = Trim(line);
  if (text == ".exit" || text == "\x03") {
    repl_ = false;
    return;
  }
  if (text.empty()) return;
  Evaluate(text);
}

void Session::Execute(const std::string& line) {
  if (Trim(line).empty()) return;
  Command command = ParseCommand(line);
  if (!command.ok) {
    Print("Syntax error: " + Trim(line) + "\n");
    return;
  }
  const CommandSpec* spec = FindCommand(command.name);
  if (spec == nullptr) {
    Print("Unknown command: " + Trim(line) + " (try `help`)\n");
    return;
  }
  (this->*(spec->run))(command);
}

void Session::StartSettleTimer() {
  settled_ = false;
  if (interactive_) return;
  if (!settle_timer_started_) {
    uv_timer_init(&loop_, &settle_timer_);
    settle_timer_.data = this;
    settle_timer_started_ = true;
  }
  uv_timer_start(
      &settle_timer_,
      [](uv_timer_t* timer) {
        auto* self = static_cast<Session*>(timer->data);
        self->settled_ = true;
        self->Pump();
      },
      kSettleMs, 0);
  uv_unref(reinterpret_cast<uv_handle_t*>(&settle_timer_));
}

void Session::Quit() {
  child_.Kill();
  Finish(0);
}

void Session::Finish(int code) {
  if (finished_) return;
  finished_ = true;
  exit_code_ = code;
  CloseConnection();
  if (stdin_stream_ != nullptr) {
    uv_close(reinterpret_cast<uv_handle_t*>(stdin_stream_), nullptr);
    stdin_stream_ = nullptr;
  }
  // The program, if any, was sent SIGTERM; nothing more is waited for.
  std::fflush(stdout);
  std::_Exit(code);
}

}  // namespace nodus::debugger
