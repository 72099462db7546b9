// The one place errors are made and printed. Bindings report failures as libuv's negative error
// codes; UVException turns one into an Error with `code`, `errno`, `syscall` and `path`, worded
// as v0.6 worded it ("ENOENT, no such file or directory 'x'").
#ifndef RUNTIME_CORE_ERRORS_H_
#define RUNTIME_CORE_ERRORS_H_

#include <string>

#include "v8.h"

namespace nodus {

v8::Local<v8::Value> UVException(v8::Isolate* isolate, int err, const char* syscall,
                                 const char* path = nullptr);
void ThrowUVException(v8::Isolate* isolate, int err, const char* syscall,
                      const char* path = nullptr);

// Formats an uncaught exception as Node does on stderr: "file:line", the source line, a caret
// under the failing expression, a blank line, then the stack (or the value's string form).
std::string FormatUncaughtException(v8::Isolate* isolate, v8::Local<v8::Value> error,
                                    v8::Local<v8::Message> message);

// Writes a whole buffer to a file descriptor, retrying on EINTR/EAGAIN. Used for stderr reports
// and synchronous stdio, which must not be lost when the process exits right after.
void WriteAll(int fd, const char* data, size_t length);

}  // namespace nodus

#endif  // RUNTIME_CORE_ERRORS_H_
