#include "runtime/core/socket_address.h"

#include <netinet/in.h>
#include <uv.h>

#include <string>

#include "runtime/core/args.h"
#include "runtime/core/environment.h"
#include "runtime/core/util.h"

namespace nodus {

using v8::Context;
using v8::Isolate;
using v8::Local;
using v8::Object;

namespace {

// The dotted quad of an IPv4 address, as inet_ntop writes it (which formats with snprintf, a
// fifth of what making the address object cost).
void FormatIPv4(const in_addr& address, char* out) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(&address.s_addr);
  for (int i = 0; i < 4; i++) {
    unsigned value = bytes[i];
    if (value >= 100) *out++ = static_cast<char>('0' + value / 100);
    if (value >= 10) *out++ = static_cast<char>('0' + value / 10 % 10);
    *out++ = static_cast<char>('0' + value % 10);
    if (i < 3) *out++ = '.';
  }
  *out = '\0';
}

// A name this file uses: the Environment's cached copy when there is one.
Local<v8::String> Name(Isolate* isolate, Environment* env, const char* literal) {
  return env != nullptr ? env->Key(literal) : OneByteString(isolate, literal);
}

}  // namespace

bool SocketAddressToObject(Isolate* isolate, const sockaddr* addr, Local<Object> out) {
  Local<Context> context = isolate->GetCurrentContext();
  Environment* env = Environment::GetCurrent(isolate);
  char ip[INET6_ADDRSTRLEN];
  int port;
  const char* family;
  if (addr->sa_family == AF_INET) {
    const sockaddr_in* in = reinterpret_cast<const sockaddr_in*>(addr);
    FormatIPv4(in->sin_addr, ip);
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
  // `out` may be any object JS passed (a Proxy, a frozen object): a refused or throwing define
  // is a failure with the exception left pending, never an abort.
  return out->CreateDataProperty(context, Name(isolate, env, "address"),
                                 OneByteString(isolate, ip)).FromMaybe(false) &&
         out->CreateDataProperty(context, Name(isolate, env, "port"),
                                 v8::Integer::New(isolate, port)).FromMaybe(false) &&
         out->CreateDataProperty(context, Name(isolate, env, "family"),
                                 Name(isolate, env, family)).FromMaybe(false);
}

bool ParseSocketAddress(const v8::FunctionCallbackInfo<v8::Value>& args, int index, bool ipv6,
                        sockaddr_storage* storage, int* err) {
  std::string ip;
  int32_t port;
  if (!GetCStringArg(args, index, "address", &ip) ||
      !GetInt32Arg(args, index + 1, "port", &port, 0, 65535)) {
    return false;
  }
  if (ipv6) {
    *err = uv_ip6_addr(ip.c_str(), port, reinterpret_cast<sockaddr_in6*>(storage));
  } else {
    *err = uv_ip4_addr(ip.c_str(), port, reinterpret_cast<sockaddr_in*>(storage));
  }
  return true;
}

}  // namespace nodus
