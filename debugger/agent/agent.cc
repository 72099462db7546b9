#include "debugger/agent/agent.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "debugger/agent/json.h"
#include "runtime/core/encoding/encoding.h"
#include "runtime/core/util.h"
#include "runtime/core/version.h"

namespace nodus::debugger {

// The inspector hands out Latin-1 (8-bit) or UTF-16 text; the rest of the agent uses UTF-8. The
// conversions are runtime/core/encoding's: a lone surrogate becomes U+FFFD, never ill-formed UTF-8.
std::string ToUtf8(const v8_inspector::StringView& view) {
  if (view.is8Bit()) return encoding::Latin1ToUtf8(view.characters8(), view.length());
  return encoding::Utf16ToUtf8(view.characters16(), view.length());
}

// UTF-8 to UTF-16; malformed bytes become U+FFFD (the text came from protobuf strings, which
// the peer controls).
std::u16string ToUtf16(const std::string& s) { return encoding::Utf8ToUtf16(s); }

namespace {

uint32_t ToLine(double zero_based) {
  return zero_based < 0 ? 1 : static_cast<uint32_t>(zero_based) + 1;
}

std::string QuoteString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    switch (c) {
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: out.push_back(c);
    }
  }
  return out + "'";
}

// The name of a function from the source text the inspector describes it with.
std::string FunctionLabel(const std::string& description) {
  std::string name;
  size_t start = description.rfind("function", 0) == 0 ? 8 : std::string::npos;
  if (start != std::string::npos) {
    size_t i = start;
    while (i < description.size() && (description[i] == ' ' || description[i] == '*')) i++;
    while (i < description.size() && (isalnum(static_cast<unsigned char>(description[i])) ||
                                      description[i] == '_' || description[i] == '$')) {
      name.push_back(description[i++]);
    }
  } else if (description.rfind("class ", 0) == 0) {
    size_t i = 6;
    while (i < description.size() && description[i] != ' ' && description[i] != '{') {
      name.push_back(description[i++]);
    }
    return "[class " + (name.empty() ? std::string("(anonymous)") : name) + "]";
  }
  return name.empty() ? "[Function]" : "[Function: " + name + "]";
}

std::string PreviewValue(const Json& property) {
  const std::string& type = property["type"].str();
  const std::string& value = property["value"].str();
  if (type == "string") return QuoteString(value);
  if (type == "function") return "[Function]";
  if (type == "object") {
    const std::string& subtype = property["subtype"].str();
    if (subtype == "null") return "null";
    if (subtype == "array") return "[Array]";
    if (value == "Object") return "[Object]";
  }
  return value;
}

// Renders an inspector RemoteObject from its description and one-level preview: primitives as
// util.inspect prints them, objects only roughly so. Agent::Render uses util.inspect itself for
// objects, and this where it cannot.
std::string FormatRemoteObject(const Json& object) {
  const std::string& type = object["type"].str();
  const std::string& subtype = object["subtype"].str();
  const std::string& description = object["description"].str();
  if (type == "undefined") return "undefined";
  if (type == "string") return QuoteString(object["value"].str());
  if (type == "number" || type == "bigint" || type == "symbol") {
    if (!description.empty()) return description;
    char number[32];
    std::snprintf(number, sizeof(number), "%.17g", object["value"].num());
    return number;
  }
  if (type == "boolean") return object["value"].boolean() ? "true" : "false";
  if (type == "function") return FunctionLabel(description);
  if (subtype == "null") return "null";
  if (subtype == "error" || subtype == "regexp" || subtype == "date") return description;
  if (!object.Has("preview")) return description;
  const Json& preview = object["preview"];
  const Json& properties = preview["properties"];
  std::string items;
  for (size_t i = 0; i < properties.size(); i++) {
    const Json& property = properties[i];
    if (!items.empty()) items += ", ";
    if (subtype != "array") items += property["name"].str() + ": ";
    items += PreviewValue(property);
  }
  if (preview["overflow"].boolean()) items += items.empty() ? "..." : ", ...";
  if (subtype == "array") return items.empty() ? "[]" : "[ " + items + " ]";
  std::string prefix = description == "Object" || description.empty() ? "" : description + " ";
  return prefix + (items.empty() ? "{}" : "{ " + items + " }");
}

// A regular expression matching a script URL that is `script` or ends in "/script".
std::string SuffixRegex(const std::string& script) {
  std::string out = "(^|/)";
  for (char c : script) {
    if (std::strchr("\\^$.|?*+()[]{}", c) != nullptr) out.push_back('\\');
    out.push_back(c);
  }
  return out + "$";
}

}  // namespace

// One client connection; freed by its close callback.
struct Agent::Connection {
  uv_tcp_t tcp;
  Agent* agent;
  FrameReader reader;
  char buffer[64 * 1024];
};

namespace {

struct WriteRequest {
  uv_write_t req;
  std::string data;
};

}  // namespace

Agent::Agent(Environment* env) : env_(env) {}

// The agent lives until the process exits (Environment::Exit does not unwind), so this runs only
// when Start gives up part way: before the main loop's poll handle exists, with no client.
Agent::~Agent() {
  if (watcher_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(watcher_mutex_);
      watcher_stop_ = true;
    }
    watcher_cv_.notify_all();
    char byte = 1;
    ssize_t ignored = write(watcher_wake_[1], &byte, 1);
    (void)ignored;
    watcher_.join();
    close(watcher_wake_[0]);
    close(watcher_wake_[1]);
  }
  cdp_session_.reset();
  DropOldCdpSession();
  session_.reset();
  inspector_.reset();
  if (loop_initialized_) {
    uv_walk(
        &loop_,
        [](uv_handle_t* handle, void*) {
          if (!uv_is_closing(handle)) uv_close(handle, nullptr);
        },
        nullptr);
    uv_run(&loop_, UV_RUN_DEFAULT);
    uv_loop_close(&loop_);
  }
}

std::unique_ptr<Agent> Agent::Start(Environment* env, const AgentOptions& options) {
  std::unique_ptr<Agent> agent(new Agent(env));
  int err = uv_loop_init(&agent->loop_);
  if (err != 0) {
    std::fprintf(stderr, "debugger: cannot create its loop: %s\n", uv_strerror(err));
    return nullptr;
  }
  agent->loop_initialized_ = true;
  uv_async_init(&agent->loop_, &agent->wakeup_, [](uv_async_t*) {});
  // Set before the loop first runs: a quick client's Runtime.runIfWaitingForDebugger may be
  // served by the first DrainPrivateLoop below.
  agent->waiting_for_debugger_ = options.inspect_brk;
  // The protocol promises --debug-brk's `start` Break before the answer to any request: the
  // client's requests wait for that pause (or BootstrapDone), though the agent could serve them
  // while bootstrap JS runs.
  agent->holding_until_start_ = options.break_on_start;
  if (options.port >= 0 && !agent->Listen(options.port)) return nullptr;
  if (options.inspect_port >= 0 &&
      !agent->ListenCdp(options.inspect_host, options.inspect_port, options.script)) {
    return nullptr;
  }

  v8::Isolate* isolate = env->isolate();
  v8::HandleScope scope(isolate);
  agent->channel_ = std::make_unique<Channel>(agent.get());
  agent->inspector_ = v8_inspector::V8Inspector::create(isolate, agent.get());
  static const uint8_t kName[] = "nodus";
  v8_inspector::V8ContextInfo info(env->context(), 1,
                                  v8_inspector::StringView(kName, sizeof(kName) - 1));
  // DevTools and VS Code look for the default context by this.
  static const uint8_t kAux[] = R"({"isDefault":true})";
  info.auxData = v8_inspector::StringView(kAux, sizeof(kAux) - 1);
  agent->inspector_->contextCreated(info);
  agent->session_ =
      agent->inspector_->connect(1, agent->channel_.get(), v8_inspector::StringView());

  // The main loop watches the private loop's epoll fd; unreferenced so it never keeps the
  // program alive by itself.
  uv_poll_init(env->loop(), &agent->poll_, uv_backend_fd(&agent->loop_));
  agent->poll_.data = agent.get();
  uv_poll_start(&agent->poll_, UV_READABLE, OnMainLoopPoll);
  uv_unref(reinterpret_cast<uv_handle_t*>(&agent->poll_));
  // A thread of its own watches the private loop while JS runs, so that a client can attach to,
  // and `pause`, a program that never returns to its loop (see WatcherMain).
  agent->StartWatcher();
  agent->DrainPrivateLoop();  // registers the listening socket with epoll, arms the watcher
  agent->InstallStats();

  if (options.break_on_start && agent->protobuf_listening_) {
    agent->run_depth_++;
    while (agent->connection_ == nullptr) uv_run(&agent->loop_, UV_RUN_ONCE);
    agent->run_depth_--;
    agent->InstallBreakOnStart();
  } else if (options.inspect_brk && agent->cdp_listening_) {
    // Until a CDP client says Runtime.runIfWaitingForDebugger (after its Debugger.enable and
    // breakpoints), nothing of the program runs.
    agent->run_depth_++;
    while (agent->waiting_for_debugger_) uv_run(&agent->loop_, UV_RUN_ONCE);
    agent->run_depth_--;
    agent->InstallBreakOnStart();
  }
  agent->DrainPrivateLoop();
  return agent;
}

void Agent::BootstrapDone() {
  if (!holding_until_start_) return;
  holding_until_start_ = false;
  uv_async_send(&wakeup_);  // serve what the client sent meanwhile
}

bool Agent::ListenProtobuf(int port) {
  if (protobuf_listening_) return true;
  bool ok = Listen(port);
  // Also completes a failed listener's close, so that server_ can be used again.
  DrainPrivateLoop();
  return ok;
}

bool Agent::Listen(int port) {
  uv_tcp_init(&loop_, &server_);
  server_.data = this;
  sockaddr_in addr;
  uv_ip4_addr("127.0.0.1", port, &addr);
  int err = uv_tcp_bind(&server_, reinterpret_cast<const sockaddr*>(&addr), 0);
  if (err == 0) err = uv_listen(reinterpret_cast<uv_stream_t*>(&server_), 1, OnConnection);
  if (err != 0) {
    std::fprintf(stderr, "debugger: cannot listen on port %d: %s\n", port, uv_err_name(err));
    uv_close(reinterpret_cast<uv_handle_t*>(&server_), nullptr);
    return false;
  }
  sockaddr_storage bound;
  int length = sizeof(bound);
  uv_tcp_getsockname(&server_, reinterpret_cast<sockaddr*>(&bound), &length);
  port_ = ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  protobuf_listening_ = true;
  std::fprintf(stderr, "debugger listening on port %d\n", port_);
  std::fflush(stderr);
  return true;
}

// process._debugCallAndPauseOnStart(fn, thisArg, ...args): module.js calls the main module
// through it under --debug-brk. Scheduling the pause and making the call from C++ means the
// next statement V8 runs is the module's first one.
void Agent::CallAndPauseOnStart(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Agent* agent = static_cast<Agent*>(args.Data().As<v8::External>()->Value());
  if (args.Length() < 2 || !args[0]->IsFunction()) {
    isolate->ThrowException(v8::Exception::TypeError(
        OneByteString(isolate, "_debugCallAndPauseOnStart: fn must be a function")));
    return;
  }
  std::vector<v8::Local<v8::Value>> call_args;
  for (int i = 2; i < args.Length(); i++) call_args.push_back(args[i]);
  if (agent->attached()) {
    static const uint8_t kReason[] = "Break on start";
    (agent->cdp_connection_ != nullptr ? agent->cdp_session_ : agent->session_)
        ->schedulePauseOnNextStatement(
        v8_inspector::StringView(kReason, sizeof(kReason) - 1), v8_inspector::StringView());
  }
  v8::Local<v8::Value> result;
  bool ok = args[0]
                .As<v8::Function>()
                ->Call(isolate->GetCurrentContext(), args[1],
                       static_cast<int>(call_args.size()), call_args.data())
                .ToLocal(&result);
  agent->BootstrapDone();  // if no pause came (the client left first)
  if (ok) args.GetReturnValue().Set(result);
}

void Agent::InstallBreakOnStart() {
  v8::Isolate* isolate = env_->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = env_->context();
  v8::Local<v8::Function> fn;
  if (!v8::Function::New(context, CallAndPauseOnStart, v8::External::New(isolate, this))
           .ToLocal(&fn)) {
    return;
  }
  env_->process_object()
      ->DefineOwnProperty(context, OneByteString(isolate, "_debugCallAndPauseOnStart"), fn,
                          v8::DontEnum)
      .Check();
}

void Agent::OnMainLoopPoll(uv_poll_t* handle, int, int) {
  Agent* agent = static_cast<Agent*>(handle->data);
  // Here no inspector call is on the stack: a detached CDP client's session can go.
  if (agent->run_depth_ == 0) agent->DropOldCdpSession();
  agent->DrainPrivateLoop();
}

// Runs whatever is ready on the private loop without blocking, pass after pass until one runs no
// callback: libuv registers with epoll the watchers a pass's callbacks start (a new client's
// reads, a partial write) only at the start of the next pass, and until they are registered the
// loop's epoll fd does not wake anybody for them. (Bounded, so a flooding client cannot hold the
// program here.)
void Agent::DrainPrivateLoop() {
  if (run_depth_ > 0) return;  // libuv loops are not re-entrant
  run_depth_++;
  // Messages held back at the end of a pause (HoldingMessages) first.
  HandleFrames();
  if (cdp_connection_ != nullptr) OnCdpFrames(cdp_connection_);
  for (int pass = 0; pass < 1000; pass++) {
    uint64_t before = activity_;
    uv_run(&loop_, UV_RUN_NOWAIT);
    if (activity_ == before && pass > 0) break;
  }
  run_depth_--;
  ArmWatcher();
}

// Runs on the main thread, inside whatever JS was running when the watcher asked.
void Agent::OnInterrupt(v8::Isolate*, void* data) {
  Agent* agent = static_cast<Agent*>(data);
  agent->interrupt_requested_ = false;
  agent->DrainPrivateLoop();
}

void Agent::StartWatcher() {
  if (watcher_.joinable()) return;
  if (pipe2(watcher_wake_, O_CLOEXEC | O_NONBLOCK) != 0) return;
  watcher_ = std::thread([this] { WatcherMain(); });
  // Named, so that `ps -L` (and the tests) can tell it from V8's threads.
  pthread_setname_np(watcher_.native_handle(), "nodus-debugger");
}

void Agent::ArmWatcher() {
  if (!watcher_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(watcher_mutex_);
    if (watcher_armed_) return;
    watcher_armed_ = true;
  }
  watcher_cv_.notify_one();
}

// The watcher never touches the loop or V8 state: it only waits for the private loop's epoll fd
// to become readable, then asks for an interrupt, and waits to be armed again by the main
// thread once it has served the loop (by the interrupt, or from the main loop's poll handle).
void Agent::WatcherMain() {
  int backend = uv_backend_fd(&loop_);
  while (true) {
    {
      std::unique_lock<std::mutex> lock(watcher_mutex_);
      watcher_cv_.wait(lock, [this] { return watcher_armed_ || watcher_stop_; });
      if (watcher_stop_) return;
    }
    pollfd fds[2] = {{backend, POLLIN, 0}, {watcher_wake_[0], POLLIN, 0}};
    int n = poll(fds, 2, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) {
      char buffer[16];
      while (read(watcher_wake_[0], buffer, sizeof(buffer)) > 0) {
      }
      continue;
    }
    if ((fds[0].revents & (POLLIN | POLLERR | POLLHUP)) != 0) {
      {
        std::lock_guard<std::mutex> lock(watcher_mutex_);
        watcher_armed_ = false;
      }
      // If JS is not running, the main loop's poll handle serves the loop first and this
      // interrupt runs (and finds nothing to do) when JS next does.
      if (!interrupt_requested_.exchange(true)) {
        env_->isolate()->RequestInterrupt(OnInterrupt, this);
      }
    }
  }
}

void Agent::OnConnection(uv_stream_t* server, int status) {
  Agent* agent = static_cast<Agent*>(server->data);
  agent->activity_++;
  if (status < 0) return;
  auto* connection = new Connection();
  connection->agent = agent;
  uv_tcp_init(&agent->loop_, &connection->tcp);
  connection->tcp.data = connection;
  if (uv_accept(server, reinterpret_cast<uv_stream_t*>(&connection->tcp)) != 0 ||
      agent->connection_ != nullptr) {
    // One client at a time, as v0.6's agent had.
    uv_close(reinterpret_cast<uv_handle_t*>(&connection->tcp),
             [](uv_handle_t* h) { delete static_cast<Connection*>(h->data); });
    return;
  }
  if (agent->cdp_connection_ != nullptr) {
    // One debugger at a time: say why, then hang up.
    AgentMessage message;
    message.mutable_response()->set_error(
        "a Chrome DevTools Protocol client is attached (--inspect); one debugger at a time");
    auto* write = new WriteRequest();
    write->data = EncodeFrame(message);
    write->req.data = connection;
    uv_buf_t buf = uv_buf_init(write->data.data(), static_cast<unsigned int>(write->data.size()));
    auto close = [](Connection* c) {
      uv_close(reinterpret_cast<uv_handle_t*>(&c->tcp),
               [](uv_handle_t* h) { delete static_cast<Connection*>(h->data); });
    };
    if (uv_write(&write->req, reinterpret_cast<uv_stream_t*>(&connection->tcp), &buf, 1,
                 [](uv_write_t* req, int) {
                   auto* c = static_cast<Connection*>(req->data);
                   uv_close(reinterpret_cast<uv_handle_t*>(&c->tcp), [](uv_handle_t* h) {
                     delete static_cast<Connection*>(h->data);
                   });
                   delete reinterpret_cast<WriteRequest*>(req);
                 }) != 0) {
      delete write;
      close(connection);
    }
    return;
  }
  uv_tcp_nodelay(&connection->tcp, 1);
  agent->connection_ = connection;
  uv_read_start(reinterpret_cast<uv_stream_t*>(&connection->tcp), OnAlloc, OnRead);

  Json result;
  std::string error;
  agent->Call("Debugger.enable", "{}", &result, &error);
  // The stdlib's own scripts (URLs without a directory) are stepped over, as if native.
  agent->Call("Debugger.setBlackboxPatterns", R"({"patterns":["^[^/]"]})", &result, &error);
}

void Agent::OnAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
  auto* connection = static_cast<Connection*>(handle->data);
  *buf = uv_buf_init(connection->buffer, sizeof(connection->buffer));
}

void Agent::OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* connection = static_cast<Connection*>(stream->data);
  Agent* agent = connection->agent;
  agent->activity_++;
  if (agent->connection_ != connection) return;
  if (nread < 0) {
    agent->Disconnect();
    return;
  }
  connection->reader.Append(buf->base, static_cast<size_t>(nread));
  agent->HandleFrames();
}

// Handles the protobuf client's complete frames, unless they must wait (HoldingMessages).
void Agent::HandleFrames() {
  Connection* connection = connection_;
  std::string payload;
  while (connection_ == connection && connection != nullptr && !HoldingMessages()) {
    FrameReader::Result result = connection->reader.Next(&payload);
    if (result == FrameReader::Result::kNeedMore) break;
    if (result == FrameReader::Result::kTooLarge) {
      Disconnect();
      break;
    }
    HandleFrame(payload);
  }
}

void Agent::Disconnect() {
  if (connection_ == nullptr) return;
  Connection* connection = connection_;
  connection_ = nullptr;
  uv_close(reinterpret_cast<uv_handle_t*>(&connection->tcp),
           [](uv_handle_t* h) { delete static_cast<Connection*>(h->data); });
  // Without a client the program runs on as if never debugged: breakpoints go, a pause ends.
  Json result;
  std::string error;
  if (paused_) session_->resume();
  Call("Debugger.disable", "{}", &result, &error);
  paused_ = false;
  call_frames_ = Json();
}

void Agent::Send(const AgentMessage& message) {
  if (connection_ == nullptr) return;
  auto* write = new WriteRequest();
  write->data = EncodeFrame(message);
  write->req.data = this;
  uv_buf_t buf = uv_buf_init(write->data.data(), static_cast<unsigned int>(write->data.size()));
  int err = uv_write(&write->req, reinterpret_cast<uv_stream_t*>(&connection_->tcp), &buf, 1,
                     // A failed write also fails the next read, which disconnects.
                     [](uv_write_t* req, int) { delete reinterpret_cast<WriteRequest*>(req); });
  if (err != 0) {
    delete write;
    Disconnect();
    return;
  }
  // What libuv could not write at once waits in its queue; a client that never reads would
  // make it grow for ever.
  size_t queued = connection_->tcp.write_queue_size;
  if (queued > max_queued_bytes_) max_queued_bytes_ = queued;
  if (queued > kMaxQueuedBytes) {
    dropped_++;
    Disconnect();
  }
}

// process._debugAgentStats(): the agent's write-queue figures, for tests.
void Agent::Stats(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Agent* agent = static_cast<Agent*>(args.Data().As<v8::External>()->Value());
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> stats = v8::Object::New(isolate);
  double queued = agent->connection_ != nullptr
                      ? static_cast<double>(agent->connection_->tcp.write_queue_size)
                      : 0;
  auto set = [&](const char* key, double value) {
    stats->CreateDataProperty(context, OneByteString(isolate, key), v8::Number::New(isolate, value))
        .Check();
  };
  set("queuedBytes", queued);
  set("maxQueuedBytes", static_cast<double>(agent->max_queued_bytes_));
  set("limit", static_cast<double>(kMaxQueuedBytes));
  set("dropped", agent->dropped_);
  set("connected", agent->connection_ != nullptr ? 1 : 0);
  args.GetReturnValue().Set(stats);
}

void Agent::InstallStats() {
  v8::Isolate* isolate = env_->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = env_->context();
  v8::Local<v8::Function> fn;
  if (!v8::Function::New(context, Stats, v8::External::New(isolate, this)).ToLocal(&fn)) return;
  env_->process_object()
      ->DefineOwnProperty(context, OneByteString(isolate, "_debugAgentStats"), fn, v8::DontEnum)
      .Check();
}

void Agent::HandleFrame(const std::string& payload) {
  Request request;
  AgentMessage message;
  Response* response = message.mutable_response();
  if (!request.ParseFromString(payload)) {
    // Not our protocol: say so, then hang up, since the stream cannot be trusted any more.
    response->set_error("malformed request");
    Send(message);
    Disconnect();
    return;
  }
  response->set_request_seq(request.seq());
  HandleRequest(request, response);
  response->set_success(response->error().empty());
  Send(message);
}

void Agent::HandleRequest(const Request& request, Response* response) {
  Json result;
  std::string error;
  switch (request.command_case()) {
    case Request::kCont:
      if (!paused_) {
        response->set_error("not paused");
      } else {
        Call("Debugger.resume", "{}", &result, &error);
      }
      break;
    case Request::kStep: {
      if (!paused_) {
        response->set_error("not paused");
        break;
      }
      const char* method = request.step().kind() == Step::IN    ? "Debugger.stepInto"
                           : request.step().kind() == Step::OUT ? "Debugger.stepOut"
                                                                : "Debugger.stepOver";
      Call(method, "{}", &result, &error);
      break;
    }
    case Request::kPause:
      if (paused_) {
        response->set_error("already paused");
      } else {
        Call("Debugger.pause", "{}", &result, &error);
      }
      break;
    case Request::kSetBreakpoint:
      DoSetBreakpoint(request.set_breakpoint(), response);
      break;
    case Request::kClearBreakpoint:
      Call("Debugger.removeBreakpoint",
           "{\"breakpointId\":" + JsonQuote(request.clear_breakpoint().breakpoint_id()) + "}",
           &result, &error);
      break;
    case Request::kBacktrace:
      if (!paused_) {
        response->set_error("not paused");
      } else {
        FillFrames(call_frames_, response->mutable_backtrace()->mutable_frames());
      }
      break;
    case Request::kEvaluate:
      DoEvaluate(request.evaluate(), response);
      break;
    case Request::kListScripts: {
      ScriptList* list = response->mutable_scripts();
      for (const auto& [id, info] : scripts_) {
        Script* script = list->add_scripts();
        script->set_script_id(id);
        script->set_url(info.url);
        script->set_line_count(info.line_count);
      }
      break;
    }
    case Request::kSource: {
      const std::string& id = request.source().script_id();
      if (scripts_.count(id) == 0) {
        response->set_error("no script with id '" + id + "'");
        break;
      }
      if (Call("Debugger.getScriptSource", "{\"scriptId\":" + JsonQuote(id) + "}", &result,
               &error)) {
        SourceText* source = response->mutable_source();
        source->set_script_id(id);
        source->set_url(UrlOf(id));
        source->set_text(result["scriptSource"].str());
      }
      break;
    }
    case Request::kVersion:
      response->mutable_version()->set_v8(v8::V8::GetVersion());
      response->mutable_version()->set_node(NODUS_NODE_VERSION);
      break;
    case Request::COMMAND_NOT_SET:
      response->set_error("unknown request");
      break;
  }
  if (!error.empty() && response->error().empty()) response->set_error(error);
}

// Evaluates `expression` where the user is (the top frame while paused, else the global scope)
// and returns the inspector's answer, holding objects in `object_group` until it is released.
bool Agent::EvaluateForObject(const std::string& expression, const std::string& object_group,
                              uint32_t frame, Json* result, std::string* error) {
  std::string params = "{\"expression\":" + JsonQuote(expression) +
                       ",\"objectGroup\":" + JsonQuote(object_group) +
                       ",\"generatePreview\":true";
  if (paused_) {
    if (frame >= call_frames_.size()) {
      *error = "no frame " + std::to_string(frame);
      return false;
    }
    params += ",\"callFrameId\":" + JsonQuote(call_frames_[frame]["callFrameId"].str()) + "}";
    return Call("Debugger.evaluateOnCallFrame", params, result, error);
  }
  // A breakpoint inside the evaluated code must not pause: the private loop is running.
  session_->setSkipAllPauses(true);
  bool ok = Call("Runtime.evaluate", params + "}", result, error);
  session_->setSkipAllPauses(false);
  return ok;
}

void Agent::ReleaseObjects(const std::string& object_group) {
  Json ignored;
  std::string error;
  Call("Runtime.releaseObjectGroup", "{\"objectGroup\":" + JsonQuote(object_group) + "}",
       &ignored, &error);
}

std::string Agent::Render(const Json& remote_object) {
  std::string text;
  if (remote_object.Has("objectId") && InspectObject(remote_object["objectId"].str(), &text)) {
    return text;
  }
  return FormatRemoteObject(remote_object);
}

namespace {

// Whether util.inspect's walk over `value` meets at most `*budget` properties and array slots, on
// the levels it expands (the value, its children and grandchildren, at its default depth 2).
// util.inspect visits every slot of an array, holes included, and its time grows with the square
// of an object's key count (10,000 array elements take most of a second): past the budget the
// agent shows the preview instead, so that `exec` on a big array answers at once. An object with
// its own inspect() (a Buffer) counts as one: util.inspect calls that instead of walking it.
// Getters are not called (util.inspect does not call them); an `inspect` getter is, as there.
bool FitsInspectBudget(v8::Local<v8::Context> context, v8::Local<v8::Value> value, int levels,
                       int64_t* budget) {
  if (!value->IsObject()) return true;
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Object> object = value.As<v8::Object>();
  if (--*budget < 0) return false;
  v8::Local<v8::Value> custom;
  if (!object->Get(context, OneByteString(isolate, "inspect")).ToLocal(&custom)) return false;
  if (custom->IsFunction()) return true;
  // An array's slots first: its length may be far beyond its keys (a sparse array).
  int64_t slots = object->IsArray() ? object.As<v8::Array>()->Length() : 0;
  if (slots > *budget) return false;
  v8::Local<v8::Array> keys;
  if (!object
           ->GetOwnPropertyNames(
               context, static_cast<v8::PropertyFilter>(v8::ONLY_ENUMERABLE | v8::SKIP_SYMBOLS),
               v8::KeyConversionMode::kConvertToString)
           .ToLocal(&keys)) {
    return false;
  }
  *budget -= std::max<int64_t>(slots, keys->Length());
  if (*budget < 0) return false;
  if (levels <= 1) return true;
  v8::Local<v8::String> value_key = OneByteString(isolate, "value");
  for (uint32_t i = 0; i < keys->Length(); i++) {
    v8::HandleScope scope(isolate);
    v8::Local<v8::Value> key;
    v8::Local<v8::Value> descriptor;
    v8::Local<v8::Value> child;
    if (!keys->Get(context, i).ToLocal(&key) || !key->IsName() ||
        !object->GetOwnPropertyDescriptor(context, key.As<v8::Name>()).ToLocal(&descriptor)) {
      return false;
    }
    if (!descriptor->IsObject()) continue;  // gone since the keys were taken
    if (!descriptor.As<v8::Object>()->Get(context, value_key).ToLocal(&child)) return false;
    if (!FitsInspectBudget(context, child, levels - 1, budget)) return false;
  }
  return true;
}

}  // namespace

// Calls util.inspect(value) on the value the inspector holds for `object_id`. False, with nothing
// reported anywhere, if the value is too big for it (FitsInspectBudget) or it throws: a revoked
// Proxy, an object whose `inspect` method or getter throws, a custom inspect that recurses
// without end (V8's stack overflow RangeError).
bool Agent::InspectObject(const std::string& object_id, std::string* text) {
  v8::Isolate* isolate = env_->isolate();
  v8::HandleScope scope(isolate);
  std::u16string id = ToUtf16(object_id);
  std::unique_ptr<v8_inspector::StringBuffer> error;
  std::unique_ptr<v8_inspector::StringBuffer> group;
  v8::Local<v8::Value> value;
  v8::Local<v8::Context> context;
  if (!session_->unwrapObject(
          &error,
          v8_inspector::StringView(reinterpret_cast<const uint16_t*>(id.data()), id.size()),
          &value, &context, &group)) {
    return false;
  }
  v8::Context::Scope context_scope(context);
  // A custom inspect() is the program's code: a breakpoint or `debugger;` in it must not stop
  // the program inside the agent's own call (that pause would reach the client as a Break).
  session_->setSkipAllPauses(true);
  v8::TryCatch try_catch(isolate);
  int64_t budget = kInspectBudget;
  v8::Local<v8::Function> inspect;
  v8::Local<v8::Value> result;
  bool ok = FitsInspectBudget(context, value, 3, &budget) &&
            InspectFunction().ToLocal(&inspect) &&
            inspect->Call(context, v8::Undefined(isolate), 1, &value).ToLocal(&result) &&
            result->IsString();
  session_->setSkipAllPauses(false);
  if (!ok) return false;
  Utf8Value utf8(isolate, result);
  if (!utf8.ok()) return false;
  *text = utf8.str();
  return true;
}

v8::MaybeLocal<v8::Function> Agent::InspectFunction() {
  v8::Isolate* isolate = env_->isolate();
  if (!inspect_.IsEmpty()) return inspect_.Get(isolate);
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Context> context = env_->context();
  v8::Local<v8::Object> process = env_->process_object();
  v8::Local<v8::String> name = OneByteString(isolate, "_debugInspect");
  // Own property only: before bootstrap defines it, one on a prototype is not bootstrap's.
  // Once defined it is non-writable and non-configurable, so this finds bootstrap's function.
  v8::Local<v8::Value> getter;
  v8::Local<v8::Value> inspect;
  if (!process->HasOwnProperty(context, name).FromMaybe(false) ||
      !process->Get(context, name).ToLocal(&getter) || !getter->IsFunction() ||
      !getter.As<v8::Function>()->Call(context, process, 0, nullptr).ToLocal(&inspect) ||
      !inspect->IsFunction()) {
    return v8::MaybeLocal<v8::Function>();
  }
  inspect_.Reset(isolate, inspect.As<v8::Function>());
  return scope.Escape(inspect.As<v8::Function>());
}

void Agent::DoSetBreakpoint(const SetBreakpoint& request, Response* response) {
  std::string condition;
  if (!request.condition().empty()) condition = ",\"condition\":" + JsonQuote(request.condition());
  Json result;
  std::string error;
  if (request.has_script_line()) {
    const ScriptLine& target = request.script_line();
    if (target.script().empty() || target.line() == 0) {
      response->set_error("a breakpoint needs a script and a line (1 or more)");
      return;
    }
    bool exact = false;
    for (const auto& entry : scripts_) exact = exact || entry.second.url == target.script();
    std::string params = exact ? "{\"url\":" + JsonQuote(target.script())
                               : "{\"urlRegex\":" + JsonQuote(SuffixRegex(target.script()));
    params += ",\"lineNumber\":" + std::to_string(target.line() - 1) + condition + "}";
    if (!Call("Debugger.setBreakpointByUrl", params, &result, &error)) {
      response->set_error(error);
      return;
    }
    BreakpointSet* set = response->mutable_breakpoint_set();
    set->set_breakpoint_id(result["breakpointId"].str());
    const Json& locations = result["locations"];
    for (size_t i = 0; i < locations.size(); i++) {
      Location* out = set->add_locations();
      out->set_script_id(locations[i]["scriptId"].str());
      out->set_url(UrlOf(out->script_id()));
      out->set_line(ToLine(locations[i]["lineNumber"].num()));
      out->set_column(ToLine(locations[i]["columnNumber"].num()));
    }
    return;
  }
  if (request.target_case() == SetBreakpoint::kFunction) {
    std::string name = request.function();
    if (name.size() > 2 && name.compare(name.size() - 2, 2, "()") == 0) {
      name.resize(name.size() - 2);
    }
    Json found;
    bool ok = EvaluateForObject(name, "nodus-breakpoint", 0, &found, &error);
    const Json& object = found["result"];
    if (!ok || found.Has("exceptionDetails") || object["type"].str() != "function") {
      response->set_error(ok ? "'" + name + "' is not a function in scope" : error);
    } else if (Call("Debugger.setBreakpointOnFunctionCall",
                    "{\"objectId\":" + JsonQuote(object["objectId"].str()) + condition + "}",
                    &result, &error)) {
      response->mutable_breakpoint_set()->set_breakpoint_id(result["breakpointId"].str());
    } else {
      response->set_error(error);
    }
    ReleaseObjects("nodus-breakpoint");
    return;
  }
  response->set_error("a breakpoint needs a script and line, or a function");
}

void Agent::DoEvaluate(const Evaluate& request, Response* response) {
  Json result;
  std::string error;
  if (!EvaluateForObject(request.expression(), "nodus-eval", request.frame(), &result, &error)) {
    response->set_error(error);
    return;
  }
  EvalResult* value = response->mutable_value();
  const Json& object = result["result"];
  value->set_type(object["type"].str());
  if (result.Has("exceptionDetails")) {
    value->set_thrown(true);
    // An Error thrown shows its stack (the inspector's description of it), as the REPL shows
    // an uncaught one; anything else thrown, as the REPL would print the value.
    const Json& details = result["exceptionDetails"];
    const Json& exception = details["exception"];
    if (!details.Has("exception")) {
      value->set_text(details["text"].str());
    } else if (exception["subtype"].str() == "error" && !exception["description"].str().empty()) {
      value->set_text(exception["description"].str());
    } else {
      value->set_text(Render(exception));
    }
  } else {
    value->set_text(Render(object));
  }
  // util.inspect prints every element of an array: a huge one must not make an answer the
  // client has to refuse (over kMaxFrameSize) or cannot show.
  if (value->text().size() > kMaxValueText) {
    size_t cut = kMaxValueText;
    while (cut > 0 && (static_cast<unsigned char>(value->text()[cut]) & 0xc0) == 0x80) cut--;
    std::string more = std::to_string(value->text().size() - cut);
    value->mutable_text()->resize(cut);
    value->mutable_text()->append("... (" + more + " more bytes)");
  }
  ReleaseObjects("nodus-eval");
}

bool Agent::Call(const std::string& method, const std::string& params, Json* result,
                 std::string* error) {
  int id = ++next_call_id_;
  std::string message = "{\"id\":" + std::to_string(id) + ",\"method\":\"" + method +
                        "\",\"params\":" + params + "}";
  std::u16string text = ToUtf16(message);

  int saved_id = pending_call_id_;
  pending_call_id_ = id;
  have_response_ = false;
  {
    v8::HandleScope scope(env_->isolate());
    session_->dispatchProtocolMessage(v8_inspector::StringView(
        reinterpret_cast<const uint16_t*>(text.data()), text.size()));
  }
  pending_call_id_ = saved_id;
  if (!have_response_) {
    *error = method + " did not answer";
    return false;
  }
  have_response_ = false;
  Json reply;
  if (!Json::Parse(pending_response_, &reply)) {
    *error = "unreadable answer to " + method;
    return false;
  }
  if (reply.Has("error")) {
    *error = reply["error"]["message"].str();
    if (error->empty()) *error = method + " failed";
    return false;
  }
  *result = reply["result"];
  return true;
}

void Agent::OnInspectorResponse(int call_id, const std::string& json) {
  if (call_id != pending_call_id_) return;
  pending_response_ = json;
  have_response_ = true;
}

void Agent::OnInspectorNotification(const std::string& json) {
  Json notification;
  if (!Json::Parse(json, &notification)) return;
  const std::string& method = notification["method"].str();
  const Json& params = notification["params"];
  if (method == "Debugger.scriptParsed") {
    ScriptInfo& info = scripts_[params["scriptId"].str()];
    info.url = params["url"].str();
    info.line_count = static_cast<uint32_t>(params["endLine"].num()) + 1;
  } else if (method == "Debugger.paused") {
    call_frames_ = params["callFrames"];
    AgentMessage message;
    Break* event = message.mutable_event()->mutable_break_event();
    const Json& hit = params["hitBreakpoints"];
    for (size_t i = 0; i < hit.size(); i++) event->add_hit_breakpoints(hit[i].str());
    const std::string& reason = params["reason"].str();
    if (hit.size() > 0) {
      event->set_reason("breakpoint");
    } else if (reason == "exception" || reason == "promiseRejection") {
      event->set_reason("exception");
    } else if (reason == "Break on start") {
      event->set_reason("start");
    } else {
      event->set_reason(reason);
    }
    FillFrames(call_frames_, event->mutable_frames());
    Send(message);
  } else if (method == "Debugger.resumed") {
    call_frames_ = Json();
  }
}

void Agent::FillFrames(const Json& call_frames,
                       google::protobuf::RepeatedPtrField<Frame>* frames) {
  for (size_t i = 0; i < call_frames.size(); i++) {
    const Json& frame = call_frames[i];
    const Json& location = frame["location"];
    Frame* out = frames->Add();
    out->set_index(static_cast<uint32_t>(i));
    out->set_function_name(frame["functionName"].str());
    Location* where = out->mutable_location();
    where->set_script_id(location["scriptId"].str());
    where->set_url(UrlOf(where->script_id()));
    where->set_line(ToLine(location["lineNumber"].num()));
    where->set_column(ToLine(location["columnNumber"].num()));
  }
}

std::string Agent::UrlOf(const std::string& script_id) const {
  auto it = scripts_.find(script_id);
  return it == scripts_.end() ? std::string() : it->second.url;
}

void Agent::runMessageLoopOnPause(int) {
  holding_until_start_ = false;
  if (!attached() || run_depth_ > 0) {
    // Nobody to talk to, or a pause inside the agent's own evaluation: carry on.
    session_->resume();
    if (cdp_session_ != nullptr) cdp_session_->resume();
    return;
  }
  paused_ = true;
  in_pause_loop_ = true;
  run_depth_++;
  // Requests held since the last resume, if no drain came between it and this pause.
  HandleFrames();
  if (cdp_connection_ != nullptr) OnCdpFrames(cdp_connection_);
  while (paused_ && attached()) uv_run(&loop_, UV_RUN_ONCE);
  run_depth_--;
  in_pause_loop_ = false;
  paused_ = false;
  // Until this returns V8 still counts as paused, and ignores a `pause`: what the client sent
  // after its resume waits for the next drain, which this wakeup of the private loop brings
  // (through the main loop's poll handle, or the watcher's interrupt if JS runs on).
  uv_async_send(&wakeup_);
  // An interrupt that came during the pause (in an evaluation) found the loop busy and did not
  // re-arm the watcher.
  ArmWatcher();
}

void Agent::quitMessageLoopOnPause() { paused_ = false; }

v8::Local<v8::Context> Agent::ensureDefaultContextInGroup(int) { return env_->context(); }

void Agent::runIfWaitingForDebugger(int) { waiting_for_debugger_ = false; }

double Agent::currentTimeMS() {
  return std::chrono::duration<double, std::milli>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace nodus::debugger
