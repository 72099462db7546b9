// One debugging session: the `debug>` prompt (stdin, Ctrl+C, the queue of command lines), what
// the program is doing (starting, running, paused at a stop, terminated), and the commands.
// The program's process is a ChildSupervisor's (child.h), the agent an AgentConnection's
// (connection.h); the commands are a table (commands.cc). Lives on the stack of
// Run*Session (client.cc) until the process exits.
#ifndef DEBUGGER_CLIENT_SESSION_H_
#define DEBUGGER_CLIENT_SESSION_H_

#include <uv.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "debugger/client/child.h"
#include "debugger/client/command_line.h"
#include "debugger/client/connection.h"
#include "debugger/proto/debugger.pb.h"

namespace nodus::debugger {

class Session {
 public:
  Session();
  // `runtime debug script.js args...`: starts the program and debugs it.
  int RunChild(const std::vector<std::string>& script_and_args);
  // Attaches to an agent already listening on host:port.
  int RunAttach(const std::string& host, int port);

 private:
  enum class State { kStarting, kRunning, kPaused, kTerminated };

  // One row of the command table: up to three names, whether it may run while the program
  // runs (otherwise it waits for the next stop), and its handler.
  struct CommandSpec {
    const char* names[3];
    bool while_running;
    void (Session::*run)(const Command& command);
  };
  static const CommandSpec kCommands[];
  static const CommandSpec* FindCommand(const std::string& name);

  // --- The program (session.cc) ----------------------------------------------------------------
  void SpawnChild();
  void OnChildLine(const std::string& line, bool is_stderr);
  void OnChildTerminated();
  bool attached() const { return runtime_path_.empty(); }

  // --- The agent (session.cc) -----------------------------------------------------------------
  void Connect(int port);
  void OnConnect(int status);
  void CloseConnection();
  void OnConnectionLost(bool unreadable);
  void Send(Request request, std::function<void(const Response&)> done);
  void OnEvent(const Event& event);

  // --- Stops (session.cc) ---------------------------------------------------------------------
  void OnBreak(const Break& event);
  void ReportBreak();
  void WithSource(const std::string& script_id, std::function<void()> done);
  std::string Listing(const std::string& script_id, uint32_t line, uint32_t context);
  void EvaluateWatchers(size_t index, std::shared_ptr<std::string> text,
                        std::function<void(const std::string&)> done);

  // --- The prompt (session.cc) ----------------------------------------------------------------
  void StartStdin();
  static void OnStdin(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  void SplitInput();
  void StartSignals();
  static void OnSigint(uv_signal_t* handle, int);
  bool Busy() const { return busy_ || connection_.waiting(); }
  const char* Prompt() const { return repl_ ? "> " : "debug> "; }
  bool CanRunNow(const std::string& line) const;
  void PrintPrompt();
  void Pump();
  void ReplLine(const std::string& line);
  void Execute(const std::string& line);
  void StartSettleTimer();
  void Quit();
  void Finish(int code);

  // --- Commands (commands.cc) -----------------------------------------------------------------
  bool RequirePaused();
  void Evaluate(const std::string& expression);
  void Resume(Request request);
  void RestoreBreakpoints();
  void CmdCont(const Command& command);
  void CmdStep(const Command& command);
  void CmdPause(const Command& command);
  void CmdSetBreakpoint(const Command& command);
  void CmdClearBreakpoint(const Command& command);
  void CmdBreakpoints(const Command& command);
  void CmdBacktrace(const Command& command);
  void CmdList(const Command& command);
  void CmdWatch(const Command& command);
  void CmdWatchers(const Command& command);
  void CmdRepl(const Command& command);
  void CmdExec(const Command& command);
  void CmdScripts(const Command& command);
  void CmdVersion(const Command& command);
  void CmdRun(const Command& command);
  void CmdRestart(const Command& command);
  void CmdKill(const Command& command);
  void CmdHelp(const Command& command);
  void CmdQuit(const Command& command);

  struct BreakpointEntry {
    std::string id;
    std::string script;  // "" for a function breakpoint
    uint32_t line = 0;
    std::string label;
  };

  uv_loop_t loop_;
  bool interactive_ = false;
  std::string runtime_path_;  // empty when attached to someone else's program
  std::vector<std::string> program_;
  std::string host_ = "127.0.0.1";

  ChildSupervisor child_;
  std::function<void()> after_exit_;
  AgentConnection connection_;

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

}  // namespace nodus::debugger

#endif  // DEBUGGER_CLIENT_SESSION_H_
