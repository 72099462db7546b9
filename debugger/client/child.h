// Child supervision for `runtime debug script.js`: runs the program (this same executable with
// --debug-brk=0) in a process of its own, hands its output over line by line, and says when a
// run is over (it has exited and both output pipes are drained).
#ifndef DEBUGGER_CLIENT_CHILD_H_
#define DEBUGGER_CLIENT_CHILD_H_

#include <uv.h>

#include <functional>
#include <string>
#include <vector>

namespace nodus::debugger {

// Owned by the Session (a member), on the Session's loop. At most one run is current; `run` and
// `restart` start the next one.
class ChildSupervisor {
 public:
  struct Callbacks {
    // A line of the current run's stdout or stderr (without its newline).
    std::function<void(const std::string& line, bool is_stderr)> on_line;
    // The current run is over: it exited and its output has been handed over.
    std::function<void()> on_terminated;
  };

  ChildSupervisor(uv_loop_t* loop, Callbacks callbacks)
      : loop_(loop), callbacks_(std::move(callbacks)) {}

  // Starts a run of `runtime --debug-brk=0 program...`. Returns 0 or a libuv error (nothing
  // is running then).
  int Spawn(const std::string& runtime, const std::vector<std::string>& program);
  // Whether the current run's process is alive.
  bool alive() const;
  // Sends SIGTERM to the current run, if alive.
  void Kill();
  // Reports the current run's end (on_terminated) if it is over and not yet reported.
  void MaybeTerminated();

 private:
  // One run of the program: the process and its two output pipes. Heap-allocated because
  // `restart` starts the next run while libuv may still be closing this one's handles; it frees
  // itself once all three are closed. Events from a run that is no longer current are ignored.
  struct Run;
  struct Output {
    uv_pipe_t pipe;
    Run* run;
    std::string partial;
    bool is_stderr = false;
    bool open = false;
  };
  struct Run {
    ChildSupervisor* supervisor;
    uv_process_t process;
    Output out;
    Output err;
    bool alive = false;
    int handles = 0;
  };

  static void OnHandleClosed(uv_handle_t* handle);
  static void CloseHandle(Run* run, uv_handle_t* handle);
  static void OnOutput(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void OnExit(uv_process_t* process, int64_t, int);

  uv_loop_t* loop_;
  Callbacks callbacks_;
  Run* current_ = nullptr;
};

}  // namespace nodus::debugger

#endif  // DEBUGGER_CLIENT_CHILD_H_
