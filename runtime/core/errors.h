// Where system errors are made, and how uncaught ones are printed.
//
// The rule for bindings: a call that completes later (a request's oncomplete, a handle's read or
// connection callback) hands JS libuv's negative error code, and the module that made the call
// turns it into an Error with stdlib/lib/_errors.js, the one JS maker; a call that fails at once
// either returns the negative code the same way (the handle methods of tcp_wrap, pipe_wrap,
// udp_wrap, process_wrap) or throws, and every such throw goes through ThrowUVException below.
// Exceptions, each for a reason:
//   - fs: an asynchronous call's callback gets an Error made here by UVException, the same as
//     the synchronous call throws, as v0.6.3's fs binding did (code that calls
//     process.binding('fs') itself sees what it saw then); the request already holds the path
//     and syscall, which JS would otherwise have to repeat for every call. Likewise crypto's
//     thread-pool jobs (randomBytes, pbkdf2: crypto_random.cc), which call the user's callback
//     directly.
//   - cares_wrap hands dns.js a code string ('ENOTFOUND', 'ETIMEOUT'): c-ares's and
//     getaddrinfo's failures named in v0.6's terms, mapped beside the library
//     (runtime/bindings/cares_wrap.cc); dns.js makes the Error with _errors.js all the same.
//   - Library errors keep their own makers beside their libraries: OpenSSL's
//     (runtime/bindings/crypto/crypto.cc, tls_wrap.cc), zlib's (zlib.cc), http-parser's
//     "Parse Error" (http_parser.cc).
//   - Three JS messages that name a code without being system errors keep their wording:
//     fs.watch's 'watch failed' (errno the number, no code), tty's 'setRawMode failed: -N' and
//     _stdio.js's 'cannot open stdin: -N'.
//
// v0.6.3 worded system errors two ways, and Nodus keeps both:
//   - fs, and the process, os and tty methods (chdir, kill, setuid, hostname, a TTY's init):
//     "ENOENT, no such file or directory '/x'" (code, strerror, then the path if any), with
//     `errno` a number (v0.6.3's was libuv 0.6's own numbering; here it is today's libuv code,
//     -2 for ENOENT), `code`, `syscall` and `path`, set in that order. Made by UVException, or by _errors.js's uvException where JS gets the code
//     (a stdout pipe's failed write: "EPIPE, broken pipe"; v0.6.3's stdout pipe was a
//     net.Socket and said "write EPIPE", which Nodus does not follow).
//   - net (TCP and pipes), dgram, dns, cluster and child_process: "connect ECONNREFUSED"
//     (syscall, then code), with `errno` the code name as well (v0.6.3's net and dgram set
//     `e.errno = e.code = code`), then `syscall`; child_process adds the command as `path` and
//     at the end of the message ("spawn ENOENT /bin/nope"). Made by _errors.js's
//     errnoException. Code names are libuv's (uv_err_name), in C++ and JS alike.
#ifndef RUNTIME_CORE_ERRORS_H_
#define RUNTIME_CORE_ERRORS_H_

#include <string>

#include "v8.h"

namespace nodus {

// The Error for libuv code `err` in fs's wording (above); `syscall` and `path` may be null. Its
// properties are defined, not assigned, so no setter on a prototype runs.
v8::Local<v8::Value> UVException(v8::Isolate* isolate, int err, const char* syscall,
                                 const char* path = nullptr);
// How a binding's synchronous call fails with a libuv code: throws UVException's Error.
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
