// The list of every process.binding() module. Each entry `V(name)` is backed by
// runtime/bindings/<name>.cc, which defines nodus::binding::<name>::Initialize. Registration is
// this explicit list, not static constructors, so the linker can never drop a binding silently.
#ifndef RUNTIME_BINDINGS_BINDINGS_H_
#define RUNTIME_BINDINGS_BINDINGS_H_

#include "runtime/core/environment.h"

#define NODUS_BINDINGS(V) \
  V(buffer)               \
  V(cares_wrap)           \
  V(constants)            \
  V(contextify)           \
  V(crypto)               \
  V(fs)                   \
  V(http_parser)          \
  V(natives)              \
  V(os)                   \
  V(pipe_wrap)            \
  V(process_methods)      \
  V(process_wrap)         \
  V(signal_wrap)          \
  V(stdio_wrap)           \
  V(tcp_wrap)             \
  V(timer_wrap)           \
  V(tls_wrap)             \
  V(tty_wrap)             \
  V(udp_wrap)             \
  V(zlib)

namespace nodus {
namespace binding {

#define V(name)                                                           \
  namespace name {                                                        \
  void Initialize(Environment* env, v8::Local<v8::Object> target);        \
  }
NODUS_BINDINGS(V)
#undef V

}  // namespace binding
}  // namespace nodus

#endif  // RUNTIME_BINDINGS_BINDINGS_H_
