// Conversions between JS {address, port, family} and sockaddr, shared by TCP and UDP bindings.
#ifndef RUNTIME_CORE_SOCKET_ADDRESS_H_
#define RUNTIME_CORE_SOCKET_ADDRESS_H_

#include <sys/socket.h>

#include "v8.h"

namespace nodus {

// Fills `out` with address, port and family ('IPv4' or 'IPv6'); returns false for other families,
// or when `out` refuses a property (with its exception pending, if it threw).
bool SocketAddressToObject(v8::Isolate* isolate, const sockaddr* addr, v8::Local<v8::Object> out);

// Parses args[index] (IP string) and args[index + 1] (port) into `storage`; throws TypeError or
// RangeError and returns false on bad input, or returns a negative libuv code in *err for an
// address that does not parse.
bool ParseSocketAddress(const v8::FunctionCallbackInfo<v8::Value>& args, int index, bool ipv6,
                        sockaddr_storage* storage, int* err);

}  // namespace nodus

#endif  // RUNTIME_CORE_SOCKET_ADDRESS_H_
