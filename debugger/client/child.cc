#include "debugger/client/child.h"

#include <signal.h>

#include <cstdlib>

namespace nodus::debugger {

namespace {

void AllocBuffer(uv_handle_t*, size_t suggested, uv_buf_t* buf) {
  *buf = uv_buf_init(static_cast<char*>(std::malloc(suggested)), static_cast<unsigned>(suggested));
}

}  // namespace

void ChildSupervisor::OnHandleClosed(uv_handle_t* handle) {
  auto* run = static_cast<Run*>(handle->data);
  if (--run->handles == 0) delete run;
}

void ChildSupervisor::CloseHandle(Run* run, uv_handle_t* handle) {
  handle->data = run;
  uv_close(handle, OnHandleClosed);
}

int ChildSupervisor::Spawn(const std::string& runtime, const std::vector<std::string>& program) {
  std::vector<std::string> args = {runtime, "--debug-brk=0"};
  args.insert(args.end(), program.begin(), program.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  auto* run = new Run();
  run->supervisor = this;
  for (Output* out : {&run->out, &run->err}) {
    uv_pipe_init(loop_, &out->pipe, 0);
    out->pipe.data = out;
    out->run = run;
    out->open = true;
  }
  run->err.is_stderr = true;
  uv_stdio_container_t stdio[3];
  stdio[0].flags = UV_IGNORE;
  stdio[1].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
  stdio[1].data.stream = reinterpret_cast<uv_stream_t*>(&run->out.pipe);
  stdio[2].flags = static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_WRITABLE_PIPE);
  stdio[2].data.stream = reinterpret_cast<uv_stream_t*>(&run->err.pipe);
  uv_process_options_t options = {};
  options.file = runtime.c_str();
  options.args = argv.data();
  options.stdio = stdio;
  options.stdio_count = 3;
  options.exit_cb = OnExit;
  // Its own session: a Ctrl+C at the prompt is for the client (leaving the repl), not the
  // program, which the terminal would otherwise signal too.
  options.flags = UV_PROCESS_DETACHED;
  run->process.data = run;
  int err = uv_spawn(loop_, &run->process, &options);
  run->handles = 3;
  if (err != 0) {
    CloseHandle(run, reinterpret_cast<uv_handle_t*>(&run->out.pipe));
    CloseHandle(run, reinterpret_cast<uv_handle_t*>(&run->err.pipe));
    CloseHandle(run, reinterpret_cast<uv_handle_t*>(&run->process));
    return err;
  }
  run->alive = true;
  current_ = run;
  for (Output* out : {&run->out, &run->err}) {
    uv_read_start(reinterpret_cast<uv_stream_t*>(&out->pipe), AllocBuffer, OnOutput);
  }
  return 0;
}

bool ChildSupervisor::alive() const { return current_ != nullptr && current_->alive; }

void ChildSupervisor::Kill() {
  if (alive()) uv_process_kill(&current_->process, SIGTERM);
}

void ChildSupervisor::OnOutput(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* out = static_cast<Output*>(stream->data);
  Run* run = out->run;
  ChildSupervisor* self = run->supervisor;
  bool current = self->current_ == run;
  if (nread > 0) {
    out->partial.append(buf->base, static_cast<size_t>(nread));
    size_t nl;
    while ((nl = out->partial.find('\n')) != std::string::npos) {
      if (current) self->callbacks_.on_line(out->partial.substr(0, nl), out->is_stderr);
      out->partial.erase(0, nl + 1);
    }
  }
  std::free(buf->base);
  if (nread < 0) {
    if (!out->partial.empty() && current) self->callbacks_.on_line(out->partial, out->is_stderr);
    out->partial.clear();
    out->open = false;
    CloseHandle(run, reinterpret_cast<uv_handle_t*>(stream));
    if (current) self->MaybeTerminated();
  }
}

void ChildSupervisor::OnExit(uv_process_t* process, int64_t, int) {
  auto* run = static_cast<Run*>(process->data);
  run->alive = false;
  CloseHandle(run, reinterpret_cast<uv_handle_t*>(process));
  if (run->supervisor->current_ == run) run->supervisor->MaybeTerminated();
}

// The run is over once it has exited and its output is fully handed over.
void ChildSupervisor::MaybeTerminated() {
  if (current_ == nullptr || current_->alive || current_->out.open || current_->err.open) return;
  current_ = nullptr;
  callbacks_.on_terminated();
}

}  // namespace nodus::debugger
