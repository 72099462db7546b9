// process.binding('tty_wrap'): what the stdio setup needs to know about a file descriptor:
// whether it is a terminal, its window size, and what kind of handle it is.
#include <sys/ioctl.h>
#include <unistd.h>
#include <uv.h>

#include "runtime/bindings/bindings.h"
#include "runtime/core/errors.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace tty_wrap {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

void IsTTY(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  args.GetReturnValue().Set(uv_guess_handle(fd) == UV_TTY);
}

// 'TTY', 'FILE', 'PIPE', 'TCP', 'UDP' or 'UNKNOWN', as v0.6's guessHandleType answered.
void GuessHandleType(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  const char* type = "UNKNOWN";
  switch (uv_guess_handle(fd)) {
    case UV_TTY: type = "TTY"; break;
    case UV_FILE: type = "FILE"; break;
    case UV_NAMED_PIPE: type = "PIPE"; break;
    case UV_TCP: type = "TCP"; break;
    case UV_UDP: type = "UDP"; break;
    default: break;
  }
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), type));
}

// [columns, rows] of the terminal on fd.
void GetWindowSize(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  Isolate* isolate = args.GetIsolate();
  struct winsize size;
  if (ioctl(fd, TIOCGWINSZ, &size) != 0) return ThrowUVException(isolate, -errno, "ioctl");
  Local<Context> context = isolate->GetCurrentContext();
  Local<v8::Array> result = v8::Array::New(isolate, 2);
  result->Set(context, 0, v8::Integer::New(isolate, size.ws_col)).Check();
  result->Set(context, 1, v8::Integer::New(isolate, size.ws_row)).Check();
  args.GetReturnValue().Set(result);
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Local<Context> context = env->context();
  SetMethod(context, target, "isTTY", IsTTY);
  SetMethod(context, target, "guessHandleType", GuessHandleType);
  SetMethod(context, target, "getWindowSize", GetWindowSize);
}

}  // namespace tty_wrap
}  // namespace binding
}  // namespace nodus
