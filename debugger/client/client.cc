#include "debugger/client/client.h"

#include <signal.h>
#include <unistd.h>
#include <uv.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "debugger/proto/debugger.pb.h"
#include "debugger/proto/framing.h"

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

// A command line split into its name and arguments: `name`, `name(arg, ...)` or `name rest`.
struct Command {
  std::string name;
  std::vector<std::string> args;  // String literals unquoted; anything else as written.
  std::vector<bool> quoted;
  std::string rest;               // Everything after the name, trimmed (for `exec`).
  bool ok = true;
};

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

// One debugging session: the prompt, the connection to the agent and, for `runtime debug`, the
// child process running the program. Lives on the stack of Run*Session until the loop ends.
class Client {
 public:
  Client() {
    uv_loop_init(&loop_);
    interactive_ = isatty(0) != 0;
  }

  int RunChild(const std::vector<std::string>& script_and_args) {
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

  int RunAttach(const std::string& host, int port) {
    host_ = host;
    StartStdin();
    StartSignals();
    Connect(port);
    uv_run(&loop_, UV_RUN_DEFAULT);
    return exit_code_;
  }

 private:
  enum class State { kStarting, kRunning, kPaused, kTerminated };

  // --- The program --------------------------------------------------------------------------
  // One run of the program: the process and its two output pipes. Heap-allocated because
  // `restart` starts the next run while libuv may still be closing this one's handles; it frees
  // itself once all three are closed. Events from a run that is no longer current are ignored.
  struct Child;
  struct ChildOutput {
    uv_pipe_t pipe;
    Child* child;
    std::string partial;
    bool is_stderr = false;
    bool open = false;
  };
  struct Child {
    Client* client;
    uv_process_t process;
    ChildOutput out;
    ChildOutput err;
    bool alive = false;
    int handles = 0;
  };

  static void OnChildHandleClosed(uv_handle_t* handle) {
    auto* child = static_cast<Child*>(handle->data);
    if (--child->handles == 0) delete child;
  }

  static void CloseChildHandle(Child* child, uv_handle_t* handle) {
    handle->data = child;
    uv_close(handle, OnChildHandleClosed);
  }

  void SpawnChild() {
    std::vector<std::string> args = {runtime_path_, "--debug-brk=0"};
    args.insert(args.end(), program_.begin(), program_.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    auto* child = new Child();
    child->client = this;
    for (ChildOutput* out : {&child->out, &child->err}) {
      uv_pipe_init(&loop_, &out->pipe, 0);
      out->pipe.data = out;
      out->child = child;
      out->open = true;
    }
    child->err.is_stderr = true;
    uv_stdio_container_t stdio[3];
    stdio[0].flags = UV_IGNORE;
    stdio[1].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
    stdio[1].data.stream = reinterpret_cast<uv_stream_t*>(&child->out.pipe);
    stdio[2].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
    stdio[2].data.stream = reinterpret_cast<uv_stream_t*>(&child->err.pipe);
    uv_process_options_t options = {};
    options.file = runtime_path_.c_str();
    options.args = argv.data();
    options.stdio = stdio;
    options.stdio_count = 3;
    options.exit_cb = OnChildExit;
    // Its own session: a Ctrl+C at the prompt is for the client (leaving the repl), not the
    // program, which the terminal would otherwise signal too.
    options.flags = UV_PROCESS_DETACHED;
    child->process.data = child;
    int err = uv_spawn(&loop_, &child->process, &options);
    child->handles = 3;
    if (err != 0) {
      Print(std::string("cannot start the program: ") + uv_strerror(err) + "\n");
      CloseChildHandle(child, reinterpret_cast<uv_handle_t*>(&child->out.pipe));
      CloseChildHandle(child, reinterpret_cast<uv_handle_t*>(&child->err.pipe));
      CloseChildHandle(child, reinterpret_cast<uv_handle_t*>(&child->process));
      state_ = State::kTerminated;
      Pump();
      return;
    }
    child->alive = true;
    child_ = child;
    state_ = State::kStarting;
    for (ChildOutput* out : {&child->out, &child->err}) {
      uv_read_start(reinterpret_cast<uv_stream_t*>(&out->pipe), AllocBuffer, OnChildOutput);
    }
  }

  bool child_alive() const { return child_ != nullptr && child_->alive; }

  static void AllocBuffer(uv_handle_t*, size_t suggested, uv_buf_t* buf) {
    *buf = uv_buf_init(static_cast<char*>(std::malloc(suggested)), static_cast<unsigned>(suggested));
  }

  static void OnChildOutput(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
    auto* out = static_cast<ChildOutput*>(stream->data);
    Child* child = out->child;
    Client* self = child->client;
    bool current = self->child_ == child;
    if (nread > 0) {
      out->partial.append(buf->base, static_cast<size_t>(nread));
      size_t nl;
      while ((nl = out->partial.find('\n')) != std::string::npos) {
        if (current) self->OnChildLine(out->partial.substr(0, nl), out->is_stderr);
        out->partial.erase(0, nl + 1);
      }
    }
    std::free(buf->base);
    if (nread < 0) {
      if (!out->partial.empty() && current) self->OnChildLine(out->partial, out->is_stderr);
      out->partial.clear();
      out->open = false;
      CloseChildHandle(child, reinterpret_cast<uv_handle_t*>(stream));
      if (current) self->MaybeTerminated();
    }
  }

  void OnChildLine(const std::string& line, bool is_stderr) {
    Print("< " + line + "\n");
    static const char kListening[] = "debugger listening on port ";
    if (is_stderr && state_ == State::kStarting && !connected_ && !connecting_ &&
        line.rfind(kListening, 0) == 0) {
      int port = std::atoi(line.c_str() + sizeof(kListening) - 1);
      if (port > 0 && port < 65536) Connect(port);
    }
  }

  static void OnChildExit(uv_process_t* process, int64_t, int) {
    auto* child = static_cast<Child*>(process->data);
    child->alive = false;
    CloseChildHandle(child, reinterpret_cast<uv_handle_t*>(process));
    if (child->client->child_ == child) child->client->MaybeTerminated();
  }

  // The program is over once it has exited and its output is fully printed.
  void MaybeTerminated() {
    if (child_ == nullptr || child_->alive || child_->out.open || child_->err.open) return;
    child_ = nullptr;
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

  void KillChild() {
    if (child_alive()) uv_process_kill(&child_->process, SIGTERM);
  }

  // --- The agent connection -------------------------------------------------------------------
  static void CloseSocket(uv_tcp_t* socket) {
    uv_close(reinterpret_cast<uv_handle_t*>(socket),
             [](uv_handle_t* h) { delete reinterpret_cast<uv_tcp_t*>(h); });
  }

  void Connect(int port) {
    connecting_ = true;
    socket_ = new uv_tcp_t();
    uv_tcp_init(&loop_, socket_);
    socket_->data = this;
    sockaddr_in addr;
    if (uv_ip4_addr(host_.c_str(), port, &addr) != 0) {
      Print("connecting... failed: bad address " + host_ + "\n");
      CloseSocket(socket_);
      connecting_ = false;
      Finish(1);
      return;
    }
    connect_req_.data = this;
    uv_tcp_connect(&connect_req_, socket_, reinterpret_cast<const sockaddr*>(&addr), OnConnect);
  }

  static void OnConnect(uv_connect_t* req, int status) {
    auto* self = static_cast<Client*>(req->data);
    self->connecting_ = false;
    if (status != 0) {
      Print(std::string("connecting... failed: ") + uv_strerror(status) + "\n");
      CloseSocket(self->socket_);
      if (self->child_alive()) {
        self->KillChild();
      } else if (self->runtime_path_.empty()) {
        self->Finish(1);
      }
      return;
    }
    Print("connecting... ok\n");
    self->connected_ = true;
    self->reader_ = FrameReader();
    self->sources_.clear();  // script ids are per process
    uv_tcp_nodelay(self->socket_, 1);
    uv_read_start(reinterpret_cast<uv_stream_t*>(self->socket_), AllocBuffer, OnSocketRead);
    // An attached program runs until the agent reports a stop.
    if (self->runtime_path_.empty() && self->state_ == State::kStarting) {
      self->state_ = State::kRunning;
    }
    self->RestoreBreakpoints();
    self->Pump();
  }

  static void OnSocketRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
    auto* self = static_cast<Client*>(stream->data);
    if (nread > 0) self->reader_.Append(buf->base, static_cast<size_t>(nread));
    std::free(buf->base);
    if (nread < 0) {
      self->OnConnectionLost();
      return;
    }
    std::string payload;
    while (self->connected_) {
      FrameReader::Result result = self->reader_.Next(&payload);
      if (result == FrameReader::Result::kNeedMore) break;
      AgentMessage message;
      if (result == FrameReader::Result::kTooLarge || !message.ParseFromString(payload)) {
        Print("the agent sent something unreadable; disconnecting\n");
        self->OnConnectionLost();
        return;
      }
      self->OnMessage(message);
    }
  }

  void CloseConnection() {
    if (!connected_) return;
    connected_ = false;
    CloseSocket(socket_);
    // Whatever was waiting for an answer will not get one.
    pending_.clear();
    busy_ = false;
    frames_.clear();
  }

  void OnConnectionLost() {
    bool was_connected = connected_;
    CloseConnection();
    if (!was_connected) return;
    if (runtime_path_.empty()) {
      // Attached to someone else's program: nothing more to do.
      state_ = State::kTerminated;
      Print("connection closed\n");
      Finish(0);
      return;
    }
    // `runtime debug`: the child's exit reports the end (MaybeTerminated).
    if (!child_alive()) MaybeTerminated();
  }

  void Send(Request request, std::function<void(const Response&)> done) {
    if (!connected_) {
      Print("The program is not being debugged. Try `run`.\n");
      return;
    }
    request.set_seq(++seq_);
    pending_[request.seq()] = std::move(done);
    struct Write {
      uv_write_t req;
      std::string data;
    };
    auto* write = new Write();
    write->data = EncodeFrame(request);
    uv_buf_t buf = uv_buf_init(write->data.data(), static_cast<unsigned>(write->data.size()));
    if (uv_write(&write->req, reinterpret_cast<uv_stream_t*>(socket_), &buf, 1,
                 [](uv_write_t* req, int) { delete reinterpret_cast<Write*>(req); }) != 0) {
      delete write;
      OnConnectionLost();
    }
  }

  void OnMessage(const AgentMessage& message) {
    if (message.has_event()) {
      if (message.event().has_break_event()) OnBreak(message.event().break_event());
      return;
    }
    const Response& response = message.response();
    auto it = pending_.find(response.request_seq());
    if (it == pending_.end()) return;
    auto done = std::move(it->second);
    pending_.erase(it);
    done(response);
    Pump();
  }

  // --- Stops ----------------------------------------------------------------------------------
  void OnBreak(const Break& event) {
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
      static_cast<Client*>(check->data)->ReportBreak();
    });
  }

  void ReportBreak() {
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

  void WithSource(const std::string& script_id, std::function<void()> done) {
    if (sources_.count(script_id) > 0) {
      done();
      return;
    }
    if (!connected_) {
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

  std::string Listing(const std::string& script_id, uint32_t line, uint32_t context) {
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
  void EvaluateWatchers(size_t index, std::shared_ptr<std::string> text,
                        std::function<void(const std::string&)> done) {
    if (index >= watchers_.size() || !connected_) {
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

  // --- Commands -------------------------------------------------------------------------------
  void StartStdin() {
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

  static void OnStdin(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
    auto* self = static_cast<Client*>(stream->data);
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

  void SplitInput() {
    size_t nl;
    while ((nl = stdin_partial_.find('\n')) != std::string::npos) {
      std::string line = stdin_partial_.substr(0, nl);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      queue_.push_back(line);
      stdin_partial_.erase(0, nl + 1);
    }
  }

  void StartSignals() {
    uv_signal_init(&loop_, &sigint_);
    sigint_.data = this;
    uv_signal_start(&sigint_, OnSigint, SIGINT);
    uv_unref(reinterpret_cast<uv_handle_t*>(&sigint_));
  }

  static void OnSigint(uv_signal_t* handle, int) {
    auto* self = static_cast<Client*>(handle->data);
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

  bool Busy() const { return busy_ || !pending_.empty(); }

  const char* Prompt() const { return repl_ ? "> " : "debug> "; }

  // Whether `line` may run now: while the program runs only commands that make sense then do;
  // the rest wait for the next stop (so a scripted `cont` then `bt` backtraces the next break).
  bool CanRunNow(const std::string& line) const {
    if (state_ == State::kStarting) return false;
    if (state_ != State::kRunning) return true;
    if (repl_) return true;
    // A script of commands means "after this stop"; it gets the same commands only once the
    // program has run for a while without stopping (a server, say).
    if (!interactive_ && !settled_) return false;
    static const char* const kWhileRunning[] = {
        "pause", "kill", "quit", "exit", ".exit", "run", "restart", "help", "version",
        "scripts", "sb", "setBreakpoint", "cb", "clearBreakpoint", "breakpoints", "watch",
        "unwatch", "watchers"};
    std::string name = ParseCommand(line).name;
    for (const char* allowed : kWhileRunning) {
      if (name == allowed) return true;
    }
    return false;
  }

  void PrintPrompt() {
    Print(Prompt());
    prompt_shown_ = true;
  }

  // Runs queued commands while nothing is outstanding; decides when the session is over.
  void Pump() {
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

  void ReplLine(const std::string& line) {
    std::string text = Trim(line);
    if (text == ".exit" || text == "\x03") {
      repl_ = false;
      return;
    }
    if (text.empty()) return;
    Evaluate(text);
  }

  void Evaluate(const std::string& expression) {
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

  void Resume(Request request) {
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

  void StartSettleTimer() {
    settled_ = false;
    if (interactive_) return;
    if (!settle_timer_started_) {
      uv_timer_init(&loop_, &settle_timer_);
      settle_timer_.data = this;
      settle_timer_started_ = true;
    }
    uv_timer_start(&settle_timer_, [](uv_timer_t* timer) {
      auto* self = static_cast<Client*>(timer->data);
      self->settled_ = true;
      self->Pump();
    }, kSettleMs, 0);
    uv_unref(reinterpret_cast<uv_handle_t*>(&settle_timer_));
  }

  bool RequirePaused() {
    if (state_ == State::kPaused && !frames_.empty()) return true;
    Print(state_ == State::kTerminated ? "The program is not being debugged. Try `run`.\n"
                                       : "The program is running; try `pause` first.\n");
    return false;
  }

  void Execute(const std::string& line) {
    Command command = ParseCommand(line);
    const std::string& name = command.name;
    if (Trim(line).empty()) return;
    if (!command.ok) {
      Print("Syntax error: " + Trim(line) + "\n");
      return;
    }
    if (name == "cont" || name == "c") {
      if (!RequirePaused()) return;
      Request request;
      request.mutable_cont();
      Resume(request);
    } else if (name == "next" || name == "n" || name == "step" || name == "s" || name == "out" ||
               name == "o") {
      if (!RequirePaused()) return;
      Request request;
      request.mutable_step()->set_kind(name[0] == 'n'   ? Step::OVER
                                       : name[0] == 's' ? Step::IN
                                                        : Step::OUT);
      Resume(request);
    } else if (name == "pause") {
      if (state_ != State::kRunning) {
        Print("The program is not running.\n");
        return;
      }
      Request request;
      request.mutable_pause();
      Send(request, [](const Response& response) {
        if (!response.success()) Print(response.error() + "\n");
      });
    } else if (name == "setBreakpoint" || name == "sb") {
      SetBreakpoint(command);
    } else if (name == "clearBreakpoint" || name == "cb") {
      ClearBreakpoint(command);
    } else if (name == "breakpoints") {
      std::string text;
      for (size_t i = 0; i < breakpoints_.size(); i++) {
        text += "#" + std::to_string(i) + " " + breakpoints_[i].label + "\n";
      }
      Print(text.empty() ? "No breakpoints yet\n" : text);
    } else if (name == "backtrace" || name == "bt") {
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
    } else if (name == "list") {
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
    } else if (name == "watch" || name == "unwatch") {
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
      if (!command.quoted[0] && ParseLine(std::to_string(std::atoi(command.args[0].c_str()) + 1),
                                          &index) &&
          command.args[0] == std::to_string(index - 1) && index - 1 < watchers_.size()) {
        watchers_.erase(watchers_.begin() + static_cast<long>(index - 1));
        return;
      }
      Print("No watcher " + command.args[0] + "\n");
    } else if (name == "watchers") {
      if (!connected_ || state_ != State::kPaused) {
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
    } else if (name == "repl") {
      if (!RequirePaused()) return;
      Print("Press Ctrl + C to leave debug repl\n");
      repl_ = true;
    } else if (name == "exec") {
      std::string expression = command.args.size() == 1 && command.quoted[0] ? command.args[0]
                                                                              : command.rest;
      if (expression.empty()) {
        Print("exec needs an expression\n");
        return;
      }
      Evaluate(expression);
    } else if (name == "scripts") {
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
    } else if (name == "version") {
      Request request;
      request.mutable_version();
      Send(request, [](const Response& response) {
        Print(response.version().v8() + "\n");
      });
    } else if (name == "run") {
      if (runtime_path_.empty()) {
        Print("Attached to a running program: `run` is not available.\n");
      } else if (child_alive()) {
        Print("App is already running... Try `restart` instead\n");
      } else {
        SpawnChild();
      }
    } else if (name == "restart") {
      if (runtime_path_.empty()) {
        Print("Attached to a running program: `restart` is not available.\n");
      } else if (!child_alive() && state_ == State::kTerminated) {
        SpawnChild();
      } else {
        busy_ = true;
        after_exit_ = [this]() {
          busy_ = false;
          SpawnChild();
          Pump();
        };
        KillChild();
      }
    } else if (name == "kill") {
      if (!child_alive()) {
        Print("The program is not running.\n");
        return;
      }
      busy_ = true;
      after_exit_ = [this]() {
        busy_ = false;
        Pump();
      };
      KillChild();
    } else if (name == "help") {
      Print(kHelp);
    } else if (name == "quit" || name == "exit" || name == ".exit") {
      Quit();
    } else {
      Print("Unknown command: " + Trim(line) + " (try `help`)\n");
    }
  }

  struct BreakpointEntry {
    std::string id;
    std::string script;  // "" for a function breakpoint
    uint32_t line = 0;
    std::string label;
  };

  void SetBreakpoint(const Command& command) {
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
    } else if (command.args.size() == 2 && command.quoted[0] &&
               ParseLine(command.args[1], &line)) {
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

  // After `run` or `restart` the new program gets the script breakpoints set before; a
  // function breakpoint needs the function to exist, so it is dropped.
  void RestoreBreakpoints() {
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

  void ClearBreakpoint(const Command& command) {
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

  void Quit() {
    KillChild();
    Finish(0);
  }

  void Finish(int code) {
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

  uv_loop_t loop_;
  bool interactive_ = false;
  std::string runtime_path_;
  std::vector<std::string> program_;
  std::string host_ = "127.0.0.1";

  Child* child_ = nullptr;  // The current run of the program, if any.
  std::function<void()> after_exit_;

  uv_tcp_t* socket_ = nullptr;  // Heap-allocated: a restart may reconnect before it is closed.
  uv_connect_t connect_req_;
  bool connecting_ = false;
  bool connected_ = false;
  FrameReader reader_;
  uint32_t seq_ = 0;
  std::map<uint32_t, std::function<void(const Response&)>> pending_;

  uv_tty_t stdin_tty_;
  uv_pipe_t stdin_pipe_;
  uv_stream_t* stdin_stream_ = nullptr;
  std::string stdin_partial_;
  bool stdin_eof_ = false;
  uv_signal_t sigint_;

  uv_check_t break_check_;
  bool break_check_started_ = false;
  State state_ = State::kStarting;
  // How long a scripted session lets a resumed program run before running-time commands
  // (pause, kill, quit, sb, ...) go ahead without waiting for the next stop.
  static constexpr uint64_t kSettleMs = 2000;
  uv_timer_t settle_timer_;
  bool settle_timer_started_ = false;
  bool settled_ = true;
  // Held while a stop is being reported or a command waits for something that is not an
  // answer (the program's exit, a listing's source); answers pending also hold the queue.
  bool busy_ = false;
  bool pumping_ = false;
  bool prompt_shown_ = false;
  bool repl_ = false;
  bool finished_ = false;
  int exit_code_ = 0;
  std::deque<std::string> queue_;
  std::vector<Frame> frames_;
  std::map<std::string, std::vector<std::string>> sources_;
  std::vector<std::string> watchers_;
  std::vector<BreakpointEntry> breakpoints_;
};

}  // namespace

int RunDebugSession(const std::vector<std::string>& script_and_args) {
  if (script_and_args.empty()) {
    std::fprintf(stderr, "Usage: runtime debug script.js [arguments]\n");
    return 1;
  }
  signal(SIGPIPE, SIG_IGN);
  Client client;
  return client.RunChild(script_and_args);
}

int RunAttachSession(const std::string& host, int port) {
  signal(SIGPIPE, SIG_IGN);
  Client client;
  return client.RunAttach(host, port);
}

}  // namespace nodus::debugger
