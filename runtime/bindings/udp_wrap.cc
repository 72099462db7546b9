// process.binding('udp_wrap'): UDP sockets for stdlib/lib/dgram.js.
//
//   new UDP()                                   a handle (close/ref/unref/hasRef from HandleWrap)
//   bind(ip, port, flags) / bind6(...)          -> 0 or a negative libuv error code
//   send(req, buffer, offset, length, port, ip) -> err; then req.oncomplete(status, handle, req)
//   send6(...)                                     (the request holds the buffer until then)
//   recvStart() / recvStop()                    -> err; each datagram calls
//                                                  handle.onmessage(nread, handle, bytes, rinfo)
//                                                  bytes: an ArrayBuffer of exactly nread bytes
//                                                  rinfo = {address, port, family, size}; a
//                                                  negative nread is a receive error (no bytes)
//   getsockname(out)                            -> err; fills out.address/port/family
//   setBroadcast(bool), setTTL(n), setMulticastTTL(n), setMulticastLoopback(bool),
//   addMembership(group, [iface]), dropMembership(group, [iface])   -> err
//
// Bad argument types throw TypeError and out-of-range numbers RangeError; everything the socket
// itself refuses comes back as a libuv code for dgram.js to turn into an Error.
#include <uv.h>

#include <cstring>
#include <memory>
#include <string>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/base_object.h"
#include "runtime/core/check.h"
#include "runtime/core/handle_wrap.h"
#include "runtime/core/req_wrap.h"
#include "runtime/core/socket_address.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace udp_wrap {

using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::BackingStore;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// Per-Environment binding state, freed by the Environment's cleanup hook: an object with the
// properties of a datagram's rinfo ({address, port, family, size}, in that order), which each
// rinfo is cloned from, so that it is filled in place instead of growing from an empty object
// property by property (most of what a datagram's arrival cost).
struct UDPBinding {
  v8::Global<Object> rinfo_boilerplate;
  static void Free(void* arg) { delete static_cast<UDPBinding*>(arg); }
};

class UDPWrap : public HandleWrap {
 public:
  NODUS_WRAPPER_TYPE(UDPWrap);
  UDPWrap(Environment* env, Local<Object> object, const UDPBinding* binding)
      : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&handle_), &kWrapperType),
        binding_(binding) {
    CHECK_EQ(uv_udp_init(env->loop(), &handle_), 0);
  }
  uv_udp_t* udp() { return &handle_; }
  const UDPBinding* binding() const { return binding_; }

 private:
  uv_udp_t handle_;
  const UDPBinding* binding_;
};
NODUS_DEFINE_WRAPPER_TYPE(UDPWrap, HandleWrap);

// One datagram in flight. It keeps the buffer's backing store, so the bytes stay alive whatever
// JS does with the buffer meanwhile; the JS request object also holds the buffer, as `buffer`,
// until completion.
using SendReq = ReqWrap<uv_udp_send_t>;

void New(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!BaseObject::BeginConstruct(args, "UDP")) return;
  new UDPWrap(env, args.This(), static_cast<UDPBinding*>(args.Data().As<v8::External>()->Value()));
}

void Bind(const FunctionCallbackInfo<Value>& args, bool ipv6) {
  UDPWrap* wrap = HandleWrap::Unwrap<UDPWrap>(args);
  if (wrap == nullptr) return;
  unsigned flags = 0;
  if (!args[2]->IsUndefined()) {
    uint32_t value;
    if (!GetUint32Arg(args, 2, "flags", &value)) return;
    flags = value;
  }
  sockaddr_storage addr;
  int err;
  if (!ParseSocketAddress(args, 0, ipv6, &addr, &err)) return;
  // libuv itself refuses unknown flag bits with EINVAL.
  if (err == 0) err = uv_udp_bind(wrap->udp(), reinterpret_cast<sockaddr*>(&addr), flags);
  args.GetReturnValue().Set(err);
}
void Bind4(const FunctionCallbackInfo<Value>& args) { Bind(args, false); }
void Bind6(const FunctionCallbackInfo<Value>& args) { Bind(args, true); }

void OnSend(uv_udp_send_t* uv_req, int status) {
  std::unique_ptr<SendReq> req = SendReq::From(uv_req);
  Isolate* isolate = req->env()->isolate();
  HandleScope scope(isolate);
  UDPWrap* wrap = static_cast<UDPWrap*>(uv_req->handle->data);
  Local<Value> argv[] = {Integer::New(isolate, status), wrap->object(), req->object()};
  SendReq::Complete(std::move(req), 3, argv);
}

void Send(const FunctionCallbackInfo<Value>& args, bool ipv6) {
  UDPWrap* wrap = HandleWrap::Unwrap<UDPWrap>(args);
  if (wrap == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  Local<Object> req_object;
  if (!GetObjectArg(args, 0, "req", &req_object)) return;
  // The view itself, not GetBytesArg's span: the send holds its backing store.
  if (!args[1]->IsArrayBufferView()) return ThrowTypeError(isolate, "buffer must be a Buffer");
  Local<ArrayBufferView> view = args[1].As<ArrayBufferView>();
  size_t byte_length = view->ByteLength();  // 0 once the buffer is detached.
  size_t offset;
  size_t length;
  if (!GetSizeArg(args, 2, "offset", &offset, byte_length)) return;
  if (!GetSizeArg(args, 3, "length", &length, byte_length - offset)) return;
  // The port comes before the IP here (ParseSocketAddress reads them the other way round).
  std::string ip;
  int32_t port;
  if (!GetStringArg(args, 5, "address", &ip) || !GetInt32Arg(args, 4, "port", &port, 0, 65535)) {
    return;
  }
  sockaddr_storage addr;
  int err = ipv6 ? uv_ip6_addr(ip.c_str(), port, reinterpret_cast<sockaddr_in6*>(&addr))
                 : uv_ip4_addr(ip.c_str(), port, reinterpret_cast<sockaddr_in*>(&addr));
  if (err != 0) return args.GetReturnValue().Set(err);

  // Buffer() moves a small on-heap array's bytes off the heap, so the pointer below is stable.
  std::shared_ptr<BackingStore> store = view->Buffer()->GetBackingStore();
  char* data = store->Data() == nullptr
                   ? nullptr
                   : static_cast<char*>(store->Data()) + view->ByteOffset() + offset;
  uv_buf_t buf = uv_buf_init(data, static_cast<unsigned>(length));
  // send(req, buffer, offset, length, port, address, now): with `now` true and nothing queued
  // before it, the datagram goes out at once and 1 tells JS so: no request, no oncomplete, and
  // dgram.js calls back before it next reads a datagram, the order of v0.6's sends (which
  // completed before any reply, or the datagram itself sent to a socket of this process, could
  // be read; a queued request's completion waits for the loop's next pending phase, after a
  // poll that may already deliver the datagram). Any error but EAGAIN is the send's error, as
  // it would be from the queued send.
  if (args[6]->IsTrue() && uv_udp_get_send_queue_count(wrap->udp()) == 0) {
    int sent = uv_udp_try_send(wrap->udp(), &buf, 1, reinterpret_cast<sockaddr*>(&addr));
    if (sent >= 0) return args.GetReturnValue().Set(1);
    if (sent != UV_EAGAIN) return args.GetReturnValue().Set(sent);
  }
  std::unique_ptr<SendReq> req(new SendReq(wrap->env(), req_object));
  req->KeepAlive(std::move(store));
  err = SendReq::Dispatch(req, uv_udp_send, wrap->udp(), &buf, 1,
                          reinterpret_cast<sockaddr*>(&addr), OnSend);
  if (err != 0) return args.GetReturnValue().Set(err);
  // The request holds the memory natively (its backing store); req.buffer is for JS that looks.
  // A Proxy as the request can refuse it: that throws, the send still goes out.
  if (req_object->CreateDataProperty(wrap->env()->context(), OneByteString(isolate, "buffer"), view)
          .IsNothing()) {
    return;
  }
  args.GetReturnValue().Set(0);
}
void Send4(const FunctionCallbackInfo<Value>& args) { Send(args, false); }
void Send6(const FunctionCallbackInfo<Value>& args) { Send(args, true); }

void OnAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
  Environment* env = static_cast<UDPWrap*>(handle->data)->env();
  *buf = uv_buf_init(env->read_buffer(), Environment::kReadBufferSize);
}

void OnRecv(uv_udp_t* handle, ssize_t nread, const uv_buf_t* buf, const sockaddr* addr,
            unsigned) {
  // Nothing more to read for now (libuv reports it as an empty read without a sender).
  if (nread == 0 && addr == nullptr) return;
  UDPWrap* wrap = static_cast<UDPWrap*>(handle->data);
  Environment* env = wrap->env();
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Object> self = wrap->object();
  Local<Value> argv[4] = {Integer::New(isolate, static_cast<int32_t>(nread)), self,
                          v8::Undefined(isolate), v8::Undefined(isolate)};
  if (nread < 0) {
    env->MakeCallback(self, "onmessage", 2, argv);
    return;
  }
  size_t size = static_cast<size_t>(nread);
  // The read buffer is shared, so the datagram is copied out at its exact length.
  std::unique_ptr<BackingStore> store = ArrayBuffer::NewBackingStore(isolate, size);
  if (size > 0) std::memcpy(store->Data(), buf->base, size);
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, std::move(store));
  argv[2] = ab;  // dgram.js makes the Buffer view (with Buffer's own map, no prototype change)
  Local<Object> rinfo = wrap->binding()->rinfo_boilerplate.Get(isolate)->Clone();
  SocketAddressToObject(isolate, addr, rinfo);
  rinfo->CreateDataProperty(env->context(), env->Key("size"),
                            Integer::New(isolate, nread)).Check();
  argv[3] = rinfo;
  env->MakeCallback(self, "onmessage", 4, argv);
}

void RecvStart(const FunctionCallbackInfo<Value>& args) {
  UDPWrap* wrap = HandleWrap::Unwrap<UDPWrap>(args);
  if (wrap == nullptr) return;
  int err = uv_udp_recv_start(wrap->udp(), OnAlloc, OnRecv);
  if (err == UV_EALREADY) err = 0;  // Already receiving: nothing to do.
  args.GetReturnValue().Set(err);
}

void RecvStop(const FunctionCallbackInfo<Value>& args) {
  UDPWrap* wrap = HandleWrap::Unwrap<UDPWrap>(args);
  if (wrap == nullptr) return;
  args.GetReturnValue().Set(uv_udp_recv_stop(wrap->udp()));
}

void GetSockName(const FunctionCallbackInfo<Value>& args) {
  UDPWrap* wrap = HandleWrap::Unwrap<UDPWrap>(args);
  if (wrap == nullptr) return;
  Local<Object> out;
  if (!GetObjectArg(args, 0, "out", &out)) return;
  sockaddr_storage addr;
  int length = sizeof(addr);
  int err = uv_udp_getsockname(wrap->udp(), reinterpret_cast<sockaddr*>(&addr), &length);
  if (err == 0 &&
      !SocketAddressToObject(args.GetIsolate(), reinterpret_cast<sockaddr*>(&addr), out)) {
    err = UV_EAFNOSUPPORT;
  }
  args.GetReturnValue().Set(err);
}

template <int (*F)(uv_udp_t*, int)>
void SetFlag(const FunctionCallbackInfo<Value>& args) {
  UDPWrap* wrap = HandleWrap::Unwrap<UDPWrap>(args);
  if (wrap == nullptr) return;
  args.GetReturnValue().Set(F(wrap->udp(), args[0]->BooleanValue(args.GetIsolate()) ? 1 : 0));
}

// TTLs: an integer; libuv checks the range (1-255 for unicast, 0-255 for multicast).
template <int (*F)(uv_udp_t*, int)>
void SetTTL(const FunctionCallbackInfo<Value>& args) {
  UDPWrap* wrap = HandleWrap::Unwrap<UDPWrap>(args);
  if (wrap == nullptr) return;
  int32_t ttl;
  if (!GetInt32Arg(args, 0, "ttl", &ttl, 0, 255)) return;
  args.GetReturnValue().Set(F(wrap->udp(), ttl));
}

void SetMembership(const FunctionCallbackInfo<Value>& args, uv_membership membership) {
  UDPWrap* wrap = HandleWrap::Unwrap<UDPWrap>(args);
  if (wrap == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString()) return ThrowTypeError(isolate, "multicast address must be a string");
  bool has_iface = !args[1]->IsUndefined() && !args[1]->IsNull();
  if (has_iface && !args[1]->IsString()) {
    return ThrowTypeError(isolate, "interface address must be a string");
  }
  Utf8Value group(isolate, args[0]);
  Utf8Value iface(isolate, has_iface ? args[1] : args[0]);
  if (!group.ok() || !iface.ok()) return;
  // An embedded NUL would silently cut the address short: refuse it as libuv refuses bad IPs.
  if (std::strlen(group.c_str()) != group.length() ||
      (has_iface && std::strlen(iface.c_str()) != iface.length())) {
    return args.GetReturnValue().Set(UV_EINVAL);
  }
  args.GetReturnValue().Set(uv_udp_set_membership(
      wrap->udp(), group.c_str(), has_iface ? iface.c_str() : nullptr, membership));
}
void AddMembership(const FunctionCallbackInfo<Value>& args) {
  SetMembership(args, UV_JOIN_GROUP);
}
void DropMembership(const FunctionCallbackInfo<Value>& args) {
  SetMembership(args, UV_LEAVE_GROUP);
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  UDPBinding* binding = new UDPBinding();
  env->AddCleanupHook(UDPBinding::Free, binding);
  Local<Object> rinfo = Object::New(isolate);
  for (const char* name : {"address", "port", "family", "size"}) {
    rinfo->CreateDataProperty(context, env->Key(name), v8::Undefined(isolate)).Check();
  }
  binding->rinfo_boilerplate.Reset(isolate, rinfo);
  Local<FunctionTemplate> tmpl =
      FunctionTemplate::New(isolate, New, v8::External::New(isolate, binding));
  tmpl->SetClassName(OneByteString(isolate, "UDP"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  HandleWrap::AddMethods(isolate, tmpl);
  SetProtoMethod(isolate, tmpl, "bind", Bind4);
  SetProtoMethod(isolate, tmpl, "bind6", Bind6);
  SetProtoMethod(isolate, tmpl, "send", Send4);
  SetProtoMethod(isolate, tmpl, "send6", Send6);
  SetProtoMethod(isolate, tmpl, "recvStart", RecvStart);
  SetProtoMethod(isolate, tmpl, "recvStop", RecvStop);
  SetProtoMethod(isolate, tmpl, "getsockname", GetSockName);
  SetProtoMethod(isolate, tmpl, "setBroadcast", SetFlag<uv_udp_set_broadcast>);
  SetProtoMethod(isolate, tmpl, "setMulticastLoopback", SetFlag<uv_udp_set_multicast_loop>);
  SetProtoMethod(isolate, tmpl, "setTTL", SetTTL<uv_udp_set_ttl>);
  SetProtoMethod(isolate, tmpl, "setMulticastTTL", SetTTL<uv_udp_set_multicast_ttl>);
  SetProtoMethod(isolate, tmpl, "addMembership", AddMembership);
  SetProtoMethod(isolate, tmpl, "dropMembership", DropMembership);
  target->CreateDataProperty(context, OneByteString(isolate, "UDP"),
                             tmpl->GetFunction(context).ToLocalChecked())
      .Check();
  SetConstant(context, target, "UV_UDP_IPV6ONLY", UV_UDP_IPV6ONLY);
  SetConstant(context, target, "UV_UDP_REUSEADDR", UV_UDP_REUSEADDR);
  // The code of a send cut short by close(); process.binding('constants') lacks ECANCELED.
  SetConstant(context, target, "UV_ECANCELED", UV_ECANCELED);
}

}  // namespace udp_wrap
}  // namespace binding
}  // namespace nodus
