#include "runtime/core/socket_address.h"

#include <netinet/in.h>
#include <uv.h>

#include "runtime/core/util.h"

namespace nodus {

using v8::Context;
using v8::Isolate;
using v8::Local;
using v8::Object;

bool SocketAddressToObject(Isolate* isolate, const sockaddr* addr, Local<Object> out) {
  Local<Context> context = isolate->GetCurrentContext();
  char ip[INET6_ADDRSTRLEN];
  int port;
  const char* family;
  if (addr->sa_family == AF_INET) {
    const sockaddr_in* in = reinterpret_cast<const sockaddr_in*>(addr);
    uv_ip4_name(in, ip, sizeof(ip));
    port = ntohs(in->sin_port);
    family = "IPv4";
  } else if (addr->sa_family == AF_INET6) {
    const sockaddr_in6* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
    uv_ip6_name(in6, ip, sizeof(ip));
    port = ntohs(in6->sin6_port);
    family = "IPv6";
  } else {
    return false;
  }
  out->CreateDataProperty(context, OneByteString(isolate, "address"), OneByteString(isolate, ip))
      .Check();
  out->CreateDataProperty(context, OneByteString(isolate, "port"), v8::Integer::New(isolate, port))
      .Check();
  out->CreateDataProperty(context, OneByteString(isolate, "family"), OneByteString(isolate, family))
      .Check();
  return true;
}

bool ParseSocketAddress(const v8::FunctionCallbackInfo<v8::Value>& args, int index, bool ipv6,
                        sockaddr_storage* storage, int* err) {
  Isolate* isolate = args.GetIsolate();
  if (!args[index]->IsString()) {
    ThrowTypeError(isolate, "address must be a string");
    return false;
  }
  if (!args[index + 1]->IsInt32()) {
    ThrowTypeError(isolate, "port must be an integer");
    return false;
  }
  int port = args[index + 1].As<v8::Int32>()->Value();
  if (port < 0 || port > 65535) {
    ThrowRangeError(isolate, "port must be between 0 and 65535");
    return false;
  }
  Utf8Value ip(isolate, args[index]);
  if (ipv6) {
    *err = uv_ip6_addr(ip.c_str(), port, reinterpret_cast<sockaddr_in6*>(storage));
  } else {
    *err = uv_ip4_addr(ip.c_str(), port, reinterpret_cast<sockaddr_in*>(storage));
  }
  return true;
}

}  // namespace nodus
