// process.binding('tty_wrap'): what the stdio setup needs to know about a file descriptor:
// whether it is a terminal, its window size, and what kind of handle it is.
#include <sys/ioctl.h>
#include <unistd.h>
#include <uv.h>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/base_object.h"
#include "runtime/core/check.h"
#include "runtime/core/errors.h"
#include "runtime/core/stream_wrap.h"
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
  result->CreateDataProperty(context, 0, v8::Integer::New(isolate, size.ws_col)).Check();
  result->CreateDataProperty(context, 1, v8::Integer::New(isolate, size.ws_row)).Check();
  args.GetReturnValue().Set(result);
}

// A terminal as a stream: new TTY(fd, readable), plus setRawMode(bool) and getWindowSize(out).
class TTYWrap : public StreamWrap {
 public:
  NODUS_WRAPPER_TYPE(TTYWrap);
  TTYWrap(Environment* env, Local<Object> object, int fd, bool readable, int* err)
      : StreamWrap(env, object, reinterpret_cast<uv_stream_t*>(&handle_), &kWrapperType) {
    *err = uv_tty_init(env->loop(), &handle_, fd, readable ? 1 : 0);
  }
  uv_tty_t* tty() { return &handle_; }

 private:
  uv_tty_t handle_;
};
NODUS_DEFINE_WRAPPER_TYPE(TTYWrap, StreamWrap);

void NewTTY(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!BaseObject::BeginConstruct(args, "TTY")) return;
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  int err = 0;
  TTYWrap* wrap = new TTYWrap(env, args.This(), fd, args[1]->IsTrue(), &err);
  if (err != 0) {
    // The handle was never initialised, so there is nothing for libuv to close.
    delete wrap;  // clears the object's link to it
    return ThrowUVException(env->isolate(), err, "uv_tty_init");
  }
}

void SetRawMode(const FunctionCallbackInfo<Value>& args) {
  TTYWrap* wrap = HandleWrap::Unwrap<TTYWrap>(args);
  if (wrap == nullptr) return;
  args.GetReturnValue().Set(
      uv_tty_set_mode(wrap->tty(), args[0]->IsTrue() ? UV_TTY_MODE_RAW : UV_TTY_MODE_NORMAL));
}

void TTYGetWindowSize(const FunctionCallbackInfo<Value>& args) {
  TTYWrap* wrap = HandleWrap::Unwrap<TTYWrap>(args);
  if (wrap == nullptr) return;
  if (!args[0]->IsArray()) return ThrowTypeError(args.GetIsolate(), "out must be an array");
  int width, height;
  int err = uv_tty_get_winsize(wrap->tty(), &width, &height);
  if (err == 0) {
    Local<Context> context = args.GetIsolate()->GetCurrentContext();
    args[0].As<v8::Array>()->CreateDataProperty(context, 0,
                                                v8::Integer::New(args.GetIsolate(), width)).Check();
    args[0].As<v8::Array>()->CreateDataProperty(context, 1,
                                                v8::Integer::New(args.GetIsolate(), height))
        .Check();
  }
  args.GetReturnValue().Set(err);
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Local<Context> context = env->context();
  Isolate* isolate = env->isolate();
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, NewTTY);
  tmpl->SetClassName(OneByteString(isolate, "TTY"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  StreamWrap::AddMethods(isolate, tmpl);
  StreamWrap::ExposeWriteInfo(env, target);
  SetProtoMethod(isolate, tmpl, "setRawMode", SetRawMode);
  SetProtoMethod(isolate, tmpl, "getWindowSize", TTYGetWindowSize);
  target->CreateDataProperty(context, OneByteString(isolate, "TTY"),
                             tmpl->GetFunction(context).ToLocalChecked())
      .Check();
  SetMethod(context, target, "isTTY", IsTTY);
  SetMethod(context, target, "guessHandleType", GuessHandleType);
  SetMethod(context, target, "getWindowSize", GetWindowSize);
}

}  // namespace tty_wrap
}  // namespace binding
}  // namespace nodus
