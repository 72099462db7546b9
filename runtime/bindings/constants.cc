// process.binding('constants'): errno, signal and file-mode constants, as v0.6's
// require('constants') exposed them (one flat object).
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>

#include "runtime/bindings/bindings.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace constants {

void Initialize(Environment* env, v8::Local<v8::Object> target) {
  v8::Local<v8::Context> context = env->context();
#define C(name) SetConstant(context, target, #name, name);
  C(E2BIG) C(EACCES) C(EADDRINUSE) C(EADDRNOTAVAIL) C(EAFNOSUPPORT) C(EAGAIN) C(EALREADY)
  C(EBADF) C(EBUSY) C(ECHILD) C(ECONNABORTED) C(ECONNREFUSED) C(ECONNRESET) C(EDEADLK)
  C(EDESTADDRREQ) C(EDOM) C(EEXIST) C(EFAULT) C(EFBIG) C(EHOSTUNREACH) C(EINPROGRESS) C(EINTR)
  C(EINVAL) C(EIO) C(EISCONN) C(EISDIR) C(ELOOP) C(EMFILE) C(EMLINK) C(EMSGSIZE)
  C(ENAMETOOLONG) C(ENETDOWN) C(ENETRESET) C(ENETUNREACH) C(ENFILE) C(ENOBUFS) C(ENODEV)
  C(ENOENT) C(ENOEXEC) C(ENOMEM) C(ENOSPC) C(ENOSYS) C(ENOTCONN) C(ENOTDIR) C(ENOTEMPTY)
  C(ENOTSOCK) C(ENOTSUP) C(ENOTTY) C(ENXIO) C(EPERM) C(EPIPE) C(ERANGE) C(EROFS) C(ESPIPE)
  C(ESRCH) C(ETIMEDOUT) C(EXDEV)
  C(SIGHUP) C(SIGINT) C(SIGQUIT) C(SIGILL) C(SIGTRAP) C(SIGABRT) C(SIGBUS) C(SIGFPE) C(SIGKILL)
  C(SIGUSR1) C(SIGSEGV) C(SIGUSR2) C(SIGPIPE) C(SIGALRM) C(SIGTERM) C(SIGCHLD) C(SIGCONT)
  C(SIGSTOP) C(SIGTSTP) C(SIGTTIN) C(SIGTTOU) C(SIGURG) C(SIGXCPU) C(SIGXFSZ) C(SIGVTALRM)
  C(SIGPROF) C(SIGWINCH) C(SIGIO) C(SIGSYS)
  C(O_RDONLY) C(O_WRONLY) C(O_RDWR) C(O_CREAT) C(O_EXCL) C(O_NOCTTY) C(O_TRUNC) C(O_APPEND)
  C(O_DIRECTORY) C(O_NOFOLLOW) C(O_SYNC)
  C(S_IFMT) C(S_IFREG) C(S_IFDIR) C(S_IFCHR) C(S_IFBLK) C(S_IFIFO) C(S_IFLNK) C(S_IFSOCK)
#undef C
}

}  // namespace constants
}  // namespace binding
}  // namespace nodus
