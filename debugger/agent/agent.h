// The debugger agent: the server inside the runtime that `--debug[=port]`, `--debug-brk[=port]`,
// `--inspect[=[host:]port]`, `--inspect-brk` and SIGUSR1 start. It listens on a TCP port, speaks
// the length-prefixed protobuf protocol of debugger/proto/debugger.proto, and translates each
// request into V8 inspector protocol calls (Debugger.* / Runtime.*) on an in-process
// v8_inspector session; inspector notifications become protobuf events. Beside it (cdp.cc), the
// Chrome DevTools Protocol endpoint: HTTP /json/list and a WebSocket whose messages go, as they
// are, to an inspector session of that client's own. One client, of either protocol, at a time.
//
// The agent's sockets live on a private libuv loop, so that while the program is paused (inside
// V8's runMessageLoopOnPause) only debugger traffic is served and none of the program's own
// callbacks run. While the program runs, the private loop is driven from the main loop through
// an unreferenced uv_poll_t on its backend fd: the agent never keeps the program alive. While JS
// runs without returning to the main loop, a thread of the agent's own (WatcherMain) notices
// traffic and asks V8 for an interrupt, in which the main thread serves the private loop.
//
// A client that does not read its replies cannot make the agent hold them without bound: once
// more than kMaxQueuedBytes of replies and events wait to be written to it, the agent drops the
// connection (and the program runs on undebugged, as after any disconnect).
// process._debugAgentStats() returns { queuedBytes, maxQueuedBytes, limit, dropped } for tests.
//
// Start() creates it after the Environment and `process` (or the SIGUSR1 watcher does, later); it
// lives until the process exits. Nothing of it exists unless one of the flags or the signal came.
#ifndef DEBUGGER_AGENT_AGENT_H_
#define DEBUGGER_AGENT_AGENT_H_

#include <uv.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "debugger/proto/debugger.pb.h"
#include "debugger/proto/framing.h"
#include "debugger/agent/json.h"
#include "debugger/inspector/websocket.h"
#include "runtime/core/environment.h"
#include "v8-inspector.h"

namespace nodus::debugger {

// Text between the inspector's StringViews (Latin-1 or UTF-16) and UTF-8; malformed UTF-8
// becomes U+FFFD.
std::string ToUtf8(const v8_inspector::StringView& view);
std::u16string ToUtf16(const std::string& s);

struct AgentOptions {
  // The protobuf protocol's port (--debug); 0 picks a free port, -1 means no listener.
  int port = 5858;
  bool break_on_start = false;  // --debug-brk: wait for a client, stop on the main module's line 1.
  // The Chrome DevTools Protocol endpoint (--inspect[=[host:]port]); -1 means none.
  int inspect_port = -1;
  std::string inspect_host = "127.0.0.1";
  // --inspect-brk: wait for a CDP client's Runtime.runIfWaitingForDebugger, then stop on the main
  // module's first line.
  bool inspect_brk = false;
  std::string script;  // The main module as given on the command line (for /json/list).
};

class Agent : public v8_inspector::V8InspectorClient {
 public:
  // Listens and prints "debugger listening on port N" on stderr. With break_on_start it returns
  // only once a client has connected. Returns null (after printing why) if it cannot listen.
  static std::unique_ptr<Agent> Start(Environment* env, const AgentOptions& options);
  ~Agent() override;

  Agent(const Agent&) = delete;
  Agent& operator=(const Agent&) = delete;

  int port() const { return port_; }

  // Starts the protobuf listener on `port` if it is not listening yet (SIGUSR1). Prints
  // "debugger listening on port N"; false (after printing why) if it cannot listen.
  bool ListenProtobuf(int port);

  // The runtime calls it once bootstrap (and with it the main module's first run) is over. Under
  // --debug-brk the client's requests wait for the `start` pause; where there is none (-e, the
  // REPL) they wait until this.
  void BootstrapDone();

  // Replies and events waiting to be written to one client, in bytes, past which it is dropped.
  static constexpr size_t kMaxQueuedBytes = 8 * 1024 * 1024;
  // An evaluation's text longer than this is cut there, and says how much more there was.
  static constexpr size_t kMaxValueText = 1024 * 1024;
  // Properties and array slots util.inspect may walk in one value before the preview is shown
  // instead (FitsInspectBudget in agent.cc): about 0.2 s of util.inspect's time at most.
  static constexpr int64_t kInspectBudget = 5000;

  // V8InspectorClient: V8 calls these around a pause.
  void runMessageLoopOnPause(int context_group_id) override;
  void quitMessageLoopOnPause() override;
  double currentTimeMS() override;
  // The context Runtime.evaluate uses while the program runs (there is only one).
  v8::Local<v8::Context> ensureDefaultContextInGroup(int context_group_id) override;
  // A CDP client's Runtime.runIfWaitingForDebugger (ends --inspect-brk's wait).
  void runIfWaitingForDebugger(int context_group_id) override;

 private:
  class Channel;
  class CdpChannel;
  struct Connection;
  struct CdpConnection;

  explicit Agent(Environment* env);
  bool Listen(int port);
  void InstallBreakOnStart();
  // True while a client of either protocol is attached.
  bool attached() const { return connection_ != nullptr || cdp_connection_ != nullptr; }

  // The CDP endpoint (cdp.cc).
  bool ListenCdp(const std::string& host, int port, const std::string& script);
  static void OnCdpConnection(uv_stream_t* server, int status);
  static void OnCdpRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  void OnCdpHttp(CdpConnection* connection);
  void OnCdpFrames(CdpConnection* connection);
  void HandleCdpMessage(const std::string& text);
  void SendCdp(const std::string& text);
  void CloseCdp(CdpConnection* connection, uint16_t code, const std::string& reason);
  void DetachCdp();
  void DropOldCdpSession();
  std::string TargetsJson(const std::string& host) const;
  static void CloseCdpHandle(CdpConnection* connection);
  static void WriteAndMaybeClose(CdpConnection* connection, std::string data, bool close);

  // The watcher thread: started with the agent, it waits for the private loop to have something
  // to do, and asks V8 for an interrupt in which the main thread serves it, so that a client can
  // attach to, and pause, a program spinning in a JS loop. It never touches libuv or V8 state
  // beyond polling the loop's epoll fd and calling Isolate::RequestInterrupt.
  void StartWatcher();
  void ArmWatcher();
  void WatcherMain();
  static void OnInterrupt(v8::Isolate* isolate, void* data);

  // The private loop: one step driven from the main loop's poll callback.
  static void OnMainLoopPoll(uv_poll_t* handle, int status, int events);
  void DrainPrivateLoop();
  // True between a client's resume and the end of runMessageLoopOnPause: V8 still counts as
  // paused there, so requests that follow the resume (a `pause`, above all) are held in the
  // connection's reader until the next DrainPrivateLoop.
  // Under --debug-brk they are also held from the client's connection until the first pause.
  bool HoldingMessages() const { return holding_until_start_ || (in_pause_loop_ && !paused_); }
  void HandleFrames();

  static void OnConnection(uv_stream_t* server, int status);
  static void OnAlloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  void Disconnect();
  void Send(const AgentMessage& message);

  // Requests, one each; every path ends in exactly one Response.
  void HandleFrame(const std::string& payload);
  void HandleRequest(const Request& request, Response* response);
  void DoSetBreakpoint(const SetBreakpoint& request, Response* response);
  void DoEvaluate(const Evaluate& request, Response* response);
  bool EvaluateForObject(const std::string& expression, const std::string& object_group,
                         uint32_t frame, Json* result, std::string* error);
  void ReleaseObjects(const std::string& object_group);
  // A value as the REPL prints it. Objects (and functions) go through the runtime's own
  // util.inspect, called from C++ on the value behind the RemoteObject's objectId, which must
  // still be held (its object group not yet released); primitives, and objects inspect cannot
  // render (it threw, the value is too big for it, or bootstrap has not offered it yet), are
  // rendered from the RemoteObject and its preview.
  std::string Render(const Json& remote_object);
  bool InspectObject(const std::string& object_id, std::string* text);
  // util.inspect, taken on first use from process._debugInspect (stdlib/lib/_bootstrap.js);
  // empty while bootstrap has not yet defined it.
  v8::MaybeLocal<v8::Function> InspectFunction();

  // One inspector call with `params` (a JSON object's text), answered synchronously (every
  // method used here answers during dispatch). On success `result` is the answer's "result";
  // false with `error` set when the inspector reports an error.
  bool Call(const std::string& method, const std::string& params, Json* result,
            std::string* error);
  void OnInspectorResponse(int call_id, const std::string& json);
  void OnInspectorNotification(const std::string& json);
  void FillFrames(const Json& call_frames, google::protobuf::RepeatedPtrField<Frame>* frames);
  std::string UrlOf(const std::string& script_id) const;

  static void CallAndPauseOnStart(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Stats(const v8::FunctionCallbackInfo<v8::Value>& args);
  void InstallStats();

  Environment* env_;
  uv_loop_t loop_;
  bool loop_initialized_ = false;
  uv_tcp_t server_;
  uv_poll_t poll_;
  uv_async_t wakeup_;  // Makes the private loop's fd readable: "drain me" (see HoldingMessages).
  bool in_pause_loop_ = false;
  bool holding_until_start_ = false;
  Connection* connection_ = nullptr;
  int port_ = 0;
  uint64_t activity_ = 0;  // Connections and reads served (DrainPrivateLoop's progress check).
  int run_depth_ = 0;      // > 0 while the private loop is running (it must not be re-entered).
  size_t max_queued_bytes_ = 0;  // The most ever waiting for a client (after a write).
  double dropped_ = 0;           // Clients dropped for not reading.

  std::unique_ptr<Channel> channel_;
  std::unique_ptr<v8_inspector::V8Inspector> inspector_;
  std::unique_ptr<v8_inspector::V8InspectorSession> session_;

  // CDP: the listener, the attached WebSocket client and its own inspector session.
  bool cdp_listening_ = false;
  bool protobuf_listening_ = false;
  uv_tcp_t cdp_server_;
  std::string cdp_host_;  // As bound, for URLs when a request names no Host.
  int cdp_port_ = 0;
  std::string cdp_id_;     // The target's id: the WebSocket path is "/" + cdp_id_.
  std::string cdp_title_;  // The main module's absolute path, or "nodus[pid]" without one.
  CdpConnection* cdp_connection_ = nullptr;
  std::unique_ptr<CdpChannel> cdp_channel_;
  std::unique_ptr<v8_inspector::V8InspectorSession> cdp_session_;
  // A detached client's session and its channel, destroyed where no inspector call is on the
  // stack (DropOldCdpSession).
  std::unique_ptr<v8_inspector::V8InspectorSession> old_cdp_session_;
  std::unique_ptr<CdpChannel> old_cdp_channel_;
  bool waiting_for_debugger_ = false;  // --inspect-brk before Runtime.runIfWaitingForDebugger

  std::thread watcher_;
  std::mutex watcher_mutex_;
  std::condition_variable watcher_cv_;
  bool watcher_armed_ = false;
  bool watcher_stop_ = false;
  int watcher_wake_[2] = {-1, -1};
  // Set by the watcher when it asks for an interrupt, cleared when the interrupt runs, so that an
  // idle program does not collect a queue of them.
  std::atomic<bool> interrupt_requested_{false};

  // util.inspect itself (InspectFunction). Held here, not looked up by name in the program's
  // scope, so that nothing the program does to `util`, `require` or its globals' names changes
  // what the debugger prints.
  v8::Global<v8::Function> inspect_;

  int next_call_id_ = 0;
  int pending_call_id_ = -1;
  std::string pending_response_;
  bool have_response_ = false;

  bool paused_ = false;
  Json call_frames_;  // The inspector's callFrames of the current pause.
  struct ScriptInfo {
    std::string url;
    uint32_t line_count = 0;
  };
  std::map<std::string, ScriptInfo> scripts_;  // By inspector script id.
};

// The inspector sessions' channels: the protobuf session's answers go to the agent's
// translation, the CDP session's straight to the WebSocket.
class Agent::Channel : public v8_inspector::V8Inspector::Channel {
 public:
  explicit Channel(Agent* agent) : agent_(agent) {}
  void sendResponse(int call_id, std::unique_ptr<v8_inspector::StringBuffer> message) override {
    agent_->OnInspectorResponse(call_id, ToUtf8(message->string()));
  }
  void sendNotification(std::unique_ptr<v8_inspector::StringBuffer> message) override {
    agent_->OnInspectorNotification(ToUtf8(message->string()));
  }
  void flushProtocolNotifications() override {}

 private:
  Agent* agent_;
};

class Agent::CdpChannel : public v8_inspector::V8Inspector::Channel {
 public:
  explicit CdpChannel(Agent* agent) : agent_(agent) {}
  void sendResponse(int, std::unique_ptr<v8_inspector::StringBuffer> message) override {
    if (live_) agent_->SendCdp(ToUtf8(message->string()));
  }
  void sendNotification(std::unique_ptr<v8_inspector::StringBuffer> message) override {
    if (live_) agent_->SendCdp(ToUtf8(message->string()));
  }
  void flushProtocolNotifications() override {}
  void Retire() { live_ = false; }

 private:
  Agent* agent_;
  bool live_ = true;
};

}  // namespace nodus::debugger

#endif  // DEBUGGER_AGENT_AGENT_H_
