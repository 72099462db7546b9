// process.binding('tcp_wrap'): TCP sockets and servers for stdlib/lib/net.js.
//
//   new TCP()                              a socket handle (StreamWrap methods, see stream_wrap.h)
//   bind(ip, port) / bind6(ip, port)       -> 0 or a negative libuv error code
//   listen(backlog)                        -> err; then handle.onconnection(status, clientHandle)
//   connect(req, ip, port) / connect6(...) -> err; then req.oncomplete(status, handle, req,
//                                             readable, writable)
//   getsockname(out) / getpeername(out)    -> err; fills out.address/port/family
//   setNoDelay(bool), setKeepAlive(bool, delaySeconds), open(fd)
//   setDeferAccept(seconds)                -> err; a bound handle about to listen accepts a
//                                             connection only once its first bytes came (or after
//                                             about `seconds` without any; 0 turns it off), and
//                                             reads it right after onconnection (HTTP servers)
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <uv.h>

#include <cerrno>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/base_object.h"
#include "runtime/core/check.h"
#include "runtime/core/socket_address.h"
#include "runtime/core/connection_wrap.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace tcp_wrap {

using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// Per-Environment binding state: the template of the handles made for accepted connections.
// Freed by the Environment's cleanup hook, once no handle of the binding is left to accept.
struct TCPBinding {
  Global<v8::ObjectTemplate> client_template;
  static void Free(void* arg) { delete static_cast<TCPBinding*>(arg); }
};

class TCPWrap : public ConnectionWrap {
 public:
  NODUS_WRAPPER_TYPE(TCPWrap);
  TCPWrap(Environment* env, Local<Object> object,
          const Global<v8::ObjectTemplate>* client_template)
      : ConnectionWrap(env, object, reinterpret_cast<uv_stream_t*>(&handle_), client_template,
                       &kWrapperType) {
    CHECK_EQ(uv_tcp_init(env->loop(), &handle_), 0);
  }
  uv_tcp_t* tcp() { return &handle_; }
  using ConnectionWrap::set_read_on_accept;

 protected:
  ConnectionWrap* NewClient(Local<Object> object) override {
    return new TCPWrap(env(), object, client_template());
  }

 private:
  uv_tcp_t handle_;
};
NODUS_DEFINE_WRAPPER_TYPE(TCPWrap, ConnectionWrap);

void New(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!BaseObject::BeginConstruct(args, "TCP")) return;
  TCPBinding* binding = static_cast<TCPBinding*>(args.Data().As<v8::External>()->Value());
  new TCPWrap(env, args.This(), &binding->client_template);
}

void Bind(const FunctionCallbackInfo<Value>& args, bool ipv6) {
  TCPWrap* wrap = HandleWrap::UnwrapMethod<TCPWrap>(args);
  if (wrap == nullptr) return;
  sockaddr_storage addr;
  int err;
  if (!ParseSocketAddress(args, 0, ipv6, &addr, &err)) return;
  if (err == 0) err = uv_tcp_bind(wrap->tcp(), reinterpret_cast<sockaddr*>(&addr), 0);
  args.GetReturnValue().Set(err);
}
void Bind4(const FunctionCallbackInfo<Value>& args) { Bind(args, false); }
void Bind6(const FunctionCallbackInfo<Value>& args) { Bind(args, true); }

void Connect(const FunctionCallbackInfo<Value>& args, bool ipv6) {
  TCPWrap* wrap = HandleWrap::UnwrapMethod<TCPWrap>(args);
  if (wrap == nullptr) return;
  Local<Object> req_object;
  if (!GetObjectArg(args, 0, "req", &req_object)) return;
  sockaddr_storage addr;
  int err;
  if (!ParseSocketAddress(args, 1, ipv6, &addr, &err)) return;
  if (err == 0) {
    err = wrap->Connect(req_object, [&](uv_connect_t* req, uv_connect_cb cb) {
      return uv_tcp_connect(req, wrap->tcp(), reinterpret_cast<sockaddr*>(&addr), cb);
    });
  }
  args.GetReturnValue().Set(err);
}
void Connect4(const FunctionCallbackInfo<Value>& args) { Connect(args, false); }
void Connect6(const FunctionCallbackInfo<Value>& args) { Connect(args, true); }

template <int (*F)(const uv_tcp_t*, sockaddr*, int*)>
void GetName(const FunctionCallbackInfo<Value>& args) {
  TCPWrap* wrap = HandleWrap::UnwrapMethod<TCPWrap>(args);
  if (wrap == nullptr) return;
  Local<Object> out;
  if (!GetObjectArg(args, 0, "out", &out)) return;
  sockaddr_storage addr;
  int length = sizeof(addr);
  int err = F(wrap->tcp(), reinterpret_cast<sockaddr*>(&addr), &length);
  if (err == 0 &&
      !SocketAddressToObject(args.GetIsolate(), reinterpret_cast<sockaddr*>(&addr), out)) {
    err = UV_EAFNOSUPPORT;
  }
  args.GetReturnValue().Set(err);
}

void SetNoDelay(const FunctionCallbackInfo<Value>& args) {
  TCPWrap* wrap = HandleWrap::UnwrapMethod<TCPWrap>(args);
  if (wrap == nullptr) return;
  bool enable;
  if (!GetBoolArg(args, 0, "noDelay", &enable)) return;
  args.GetReturnValue().Set(uv_tcp_nodelay(wrap->tcp(), enable));
}

void SetKeepAlive(const FunctionCallbackInfo<Value>& args) {
  TCPWrap* wrap = HandleWrap::UnwrapMethod<TCPWrap>(args);
  if (wrap == nullptr) return;
  bool enable;
  int32_t delay;
  if (!GetBoolArg(args, 0, "enable", &enable) || !GetInt32Arg(args, 1, "delay", &delay)) return;
  // Seconds. net.js passes ~~(initialDelay / 1000), which is negative for a negative
  // initialDelay: taken as no delay (libuv's delay is unsigned).
  if (delay < 0) delay = 0;
  args.GetReturnValue().Set(uv_tcp_keepalive(wrap->tcp(), enable, delay));
}

void SetDeferAccept(const FunctionCallbackInfo<Value>& args) {
  TCPWrap* wrap = HandleWrap::UnwrapMethod<TCPWrap>(args);
  if (wrap == nullptr) return;
  int32_t seconds;
  if (!GetInt32Arg(args, 0, "seconds", &seconds)) return;
  if (seconds < 0) {
    ThrowRangeError(args.GetIsolate(), "seconds must not be negative");
    return;
  }
  uv_os_fd_t fd;
  int err = uv_fileno(wrap->handle(), &fd);  // UV_EBADF before bind()
  if (err == 0 && setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &seconds, sizeof(seconds)) != 0) {
    err = -errno;
  }
  if (err == 0) wrap->set_read_on_accept(seconds > 0);
  args.GetReturnValue().Set(err);
}

// holdNextWrite(): the next write is the last before close (StreamWrap::HoldNextWrite).
void HoldNextWrite(const FunctionCallbackInfo<Value>& args) {
  TCPWrap* wrap = HandleWrap::UnwrapMethod<TCPWrap>(args);
  if (wrap != nullptr) wrap->HoldNextWrite();
}

void Open(const FunctionCallbackInfo<Value>& args) {
  TCPWrap* wrap = HandleWrap::UnwrapMethod<TCPWrap>(args);
  if (wrap == nullptr) return;
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  int err = StreamWrap::CheckStreamFd(wrap->env()->loop(), fd, true);
  args.GetReturnValue().Set(err != 0 ? err : uv_tcp_open(wrap->tcp(), fd));
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  TCPBinding* binding = new TCPBinding();
  env->AddCleanupHook(TCPBinding::Free, binding);
  Local<FunctionTemplate> tmpl =
      FunctionTemplate::New(isolate, New, v8::External::New(isolate, binding));
  tmpl->SetClassName(OneByteString(isolate, "TCP"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  ConnectionWrap::AddMethods(isolate, tmpl);
  StreamWrap::ExposeWriteInfo(env, target);
  SetProtoMethod(isolate, tmpl, "bind", Bind4);
  SetProtoMethod(isolate, tmpl, "bind6", Bind6);
  SetProtoMethod(isolate, tmpl, "connect", Connect4);
  SetProtoMethod(isolate, tmpl, "connect6", Connect6);
  SetProtoMethod(isolate, tmpl, "getsockname", GetName<uv_tcp_getsockname>);
  SetProtoMethod(isolate, tmpl, "getpeername", GetName<uv_tcp_getpeername>);
  SetProtoMethod(isolate, tmpl, "setNoDelay", SetNoDelay);
  SetProtoMethod(isolate, tmpl, "setKeepAlive", SetKeepAlive);
  SetProtoMethod(isolate, tmpl, "setDeferAccept", SetDeferAccept);
  SetProtoMethod(isolate, tmpl, "holdNextWrite", HoldNextWrite);
  SetProtoMethod(isolate, tmpl, "open", Open);
  Local<Function> constructor = tmpl->GetFunction(context).ToLocalChecked();
  binding->client_template.Reset(isolate, tmpl->InstanceTemplate());
  target->CreateDataProperty(context, OneByteString(isolate, "TCP"), constructor)
      .FromMaybe(false);
  SetConstant(context, target, "UV_EOF", UV_EOF);
}

}  // namespace tcp_wrap
}  // namespace binding
}  // namespace nodus
