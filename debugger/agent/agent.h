// The debugger agent: the server inside the runtime that `--debug[=port]` and
// `--debug-brk[=port]` start. It listens on a TCP port, speaks the length-prefixed protobuf
// protocol of debugger/proto/debugger.proto with one client at a time, and translates each
// request into V8 inspector protocol calls (Debugger.* / Runtime.*) on an in-process
// v8_inspector session; inspector notifications become protobuf events.
//
// The agent's socket lives on a private libuv loop, so that while the program is paused (inside
// V8's runMessageLoopOnPause) only debugger traffic is served and none of the program's own
// callbacks run. While the program runs, the private loop is driven from the main loop through
// an unreferenced uv_poll_t on its backend fd: the agent never keeps the program alive.
//
// A client that does not read its replies cannot make the agent hold them without bound: once
// more than kMaxQueuedBytes of replies and events wait to be written to it, the agent drops the
// connection (and the program runs on undebugged, as after any disconnect).
// process._debugAgentStats() returns { queuedBytes, maxQueuedBytes, limit, dropped } for tests.
//
// Start() creates it after the Environment and `process`; it lives until the process exits.
// Nothing of it exists unless one of the flags was given.
#ifndef DEBUGGER_AGENT_AGENT_H_
#define DEBUGGER_AGENT_AGENT_H_

#include <uv.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "debugger/proto/debugger.pb.h"
#include "debugger/proto/framing.h"
#include "debugger/agent/json.h"
#include "runtime/core/environment.h"
#include "v8-inspector.h"

namespace nodus::debugger {

struct AgentOptions {
  int port = 5858;  // 0 picks a free port; the chosen one is printed either way.
  bool break_on_start = false;  // --debug-brk: wait for a client, stop on the main module's line 1.
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

  // Replies and events waiting to be written to one client, in bytes, past which it is dropped.
  static constexpr size_t kMaxQueuedBytes = 8 * 1024 * 1024;

  // V8InspectorClient: V8 calls these around a pause.
  void runMessageLoopOnPause(int context_group_id) override;
  void quitMessageLoopOnPause() override;
  double currentTimeMS() override;
  // The context Runtime.evaluate uses while the program runs (there is only one).
  v8::Local<v8::Context> ensureDefaultContextInGroup(int context_group_id) override;

 private:
  class Channel;
  struct Connection;

  explicit Agent(Environment* env);
  bool Listen(int port);
  void InstallBreakOnStart();

  // The private loop: one step driven from the main loop's poll callback.
  static void OnMainLoopPoll(uv_poll_t* handle, int status, int events);
  void DrainPrivateLoop();

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
  Connection* connection_ = nullptr;
  int port_ = 0;
  int run_depth_ = 0;  // > 0 while the private loop is running (it must not be re-entered).
  size_t max_queued_bytes_ = 0;  // The most ever waiting for a client (after a write).
  double dropped_ = 0;           // Clients dropped for not reading.

  std::unique_ptr<Channel> channel_;
  std::unique_ptr<v8_inspector::V8Inspector> inspector_;
  std::unique_ptr<v8_inspector::V8InspectorSession> session_;
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

}  // namespace nodus::debugger

#endif  // DEBUGGER_AGENT_AGENT_H_
