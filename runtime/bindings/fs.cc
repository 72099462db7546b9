// process.binding('fs'): file system calls on libuv. Each call runs synchronously when no
// callback is given (throwing a UVException on failure) and on libuv's thread pool otherwise,
// calling back through MakeCallback with (err, result).
#include <fcntl.h>
#include <uv.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/array_buffer_allocator.h"
#include "runtime/core/base_object.h"
#include "runtime/core/check.h"
#include "runtime/core/errors.h"
#include "runtime/core/handle_wrap.h"
#include "runtime/core/req_wrap.h"
#include "runtime/core/stream_buf.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace fs {

using v8::Array;
using v8::ArrayBuffer;
using v8::BackingStore;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Global;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::Value;

namespace {

// One asynchronous call on the thread pool, reporting to a JS callback. Besides what every
// request holds (req_wrap.h: a read or write keeps its Buffer's backing store, which the thread
// pool uses until the call is done, whatever JS does with the Buffer meanwhile), it carries the
// path and syscall its error names and, for readBuffer(), the memory being read into
// (`target`), handed to the callback as an ArrayBuffer.
struct FSReq : ReqWrap<uv_fs_t> {
  FSReq(Environment* env, Local<Function> callback, const std::string& path, const char* syscall)
      : ReqWrap(env, callback), path(path), syscall(syscall) {}
  // What libuv allocated for the call (a copied path, scandir's entries, readlink's result).
  ~FSReq() override { uv_fs_req_cleanup(req()); }

  std::string path;
  const char* syscall;
  std::shared_ptr<BackingStore> target;
};

// After a readBuffer() of `result` bytes into `store`: the bytes it did not fill are cleared, so
// that nothing uninitialized is reachable through the ArrayBuffer.
void ClearUnread(BackingStore* store, ssize_t result) {
  size_t filled = result > 0 ? static_cast<size_t>(result) : 0;
  if (filled < store->ByteLength()) {
    std::memset(static_cast<char*>(store->Data()) + filled, 0, store->ByteLength() - filled);
  }
}

// Stats travel as a flat array of numbers; stdlib/lib/fs.js builds the Stats object. Times are
// whole seconds, in milliseconds: v0.6.3 built its Dates from st_mtime and the like, so an mtime
// never had a fraction (connect's ETags and Last-Modified comparisons of the era assume so).
Local<Value> StatsToArray(Isolate* isolate, const uv_stat_t* s) {
  auto ms = [](const uv_timespec_t& t) { return t.tv_sec * 1e3; };
  double fields[] = {static_cast<double>(s->st_dev),     static_cast<double>(s->st_mode),
                     static_cast<double>(s->st_nlink),   static_cast<double>(s->st_uid),
                     static_cast<double>(s->st_gid),     static_cast<double>(s->st_rdev),
                     static_cast<double>(s->st_blksize), static_cast<double>(s->st_ino),
                     static_cast<double>(s->st_size),    static_cast<double>(s->st_blocks),
                     ms(s->st_atim),                     ms(s->st_mtim),
                     ms(s->st_ctim),                     ms(s->st_birthtim)};
  Local<Context> context = isolate->GetCurrentContext();
  Local<Array> array = Array::New(isolate, 14);
  for (uint32_t i = 0; i < 14; i++) array->CreateDataProperty(context, i,
                                                              Number::New(isolate, fields[i]))
      .Check();
  return array;
}

Local<Value> ResultOf(Isolate* isolate, uv_fs_t* req) {
  switch (req->fs_type) {
    case UV_FS_STAT:
    case UV_FS_LSTAT:
    case UV_FS_FSTAT:
      return StatsToArray(isolate, &req->statbuf);
    case UV_FS_READLINK:
    case UV_FS_REALPATH: {
      const char* path = static_cast<const char*>(req->ptr);
      Local<v8::String> result;
      if (Utf8String(isolate, path, strlen(path)).ToLocal(&result)) return result;
      return v8::Undefined(isolate);
    }
    case UV_FS_SCANDIR: {
      // Entry names in the order the directory lists them, without "." and "..".
      Local<Context> context = isolate->GetCurrentContext();
      Local<Array> names = Array::New(isolate);
      uint32_t count = 0;
      uv_dirent_t entry;
      while (uv_fs_scandir_next(req, &entry) == 0) {
        Local<v8::String> name;
        if (!Utf8String(isolate, entry.name, strlen(entry.name)).ToLocal(&name)) {
          return v8::Undefined(isolate);
        }
        names->CreateDataProperty(context, count++, name).Check();
      }
      return names;
    }
    case UV_FS_OPEN:
    case UV_FS_READ:
    case UV_FS_WRITE:
      return Number::New(isolate, static_cast<double>(req->result));
    default:
      // Calls with nothing to report (close, rename, unlink, ...) give undefined.
      return v8::Undefined(isolate);
  }
}

// Calls back with (err) or (null, result), and readBuffer()'s ArrayBuffer as a third argument.
void FinishAsync(std::unique_ptr<FSReq> req) {
  uv_fs_t* uv_req = req->req();
  Isolate* isolate = req->env()->isolate();
  HandleScope scope(isolate);
  Local<Value> argv[3];
  int argc;
  if (uv_req->result < 0) {
    argv[0] = UVException(isolate, static_cast<int>(uv_req->result), req->syscall,
                          req->path.empty() ? nullptr : req->path.c_str());
    argc = 1;
  } else {
    argv[0] = v8::Null(isolate);
    argv[1] = ResultOf(isolate, uv_req);
    argc = 2;
  }
  if (req->target != nullptr && uv_req->result >= 0) {
    ClearUnread(req->target.get(), uv_req->result);
    argv[2] = ArrayBuffer::New(isolate, std::move(req->target));
    argc = 3;
  }
  FSReq::Complete(std::move(req), argc, argv);
}

void AfterAsync(uv_fs_t* uv_req) { FinishAsync(FSReq::From<FSReq>(uv_req)); }

// Runs `call` synchronously, or asynchronously if the argument at `callback_index` is a
// function. `call` receives the request and the libuv callback (nullptr for synchronous).
// `buffer`, if given, is the memory the call reads or writes, and `target` the memory a
// readBuffer() reads into: an asynchronous request holds them.
template <typename Call>
void SyncOrAsync(const FunctionCallbackInfo<Value>& args, int callback_index, const char* syscall,
                 const std::string& path, Call call,
                 Local<v8::ArrayBufferView> buffer = Local<v8::ArrayBufferView>(),
                 std::shared_ptr<BackingStore> target = nullptr) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  if (args[callback_index]->IsFunction()) {
    std::unique_ptr<FSReq> req(
        new FSReq(env, args[callback_index].As<Function>(), path, syscall));
    if (!buffer.IsEmpty()) req->KeepAlive(buffer);
    req->target = std::move(target);
    int err = FSReq::Dispatch(req, call, AfterAsync);
    if (err != 0) {
      // libuv refused to queue it (invalid arguments): report the error at once.
      req->req()->result = err;
      req->req()->fs_type = UV_FS_UNKNOWN;
      FinishAsync(std::move(req));
    }
    return;
  }
  uv_fs_t req;
  int err = call(&req, nullptr);
  if (err < 0) {
    uv_fs_req_cleanup(&req);
    return ThrowUVException(isolate, err, syscall, path.empty() ? nullptr : path.c_str());
  }
  args.GetReturnValue().Set(ResultOf(isolate, &req));
  uv_fs_req_cleanup(&req);
}

void Stat(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetCStringArg(args, 0, "path", &path)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 1, "stat", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_stat(env->loop(), req, path.c_str(), cb);
  });
}

void LStat(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetCStringArg(args, 0, "path", &path)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 1, "lstat", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_lstat(env->loop(), req, path.c_str(), cb);
  });
}

void FStat(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 1, "fstat", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_fstat(env->loop(), req, fd, cb);
  });
}

void RealPath(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetCStringArg(args, 0, "path", &path)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 1, "realpath", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_realpath(env->loop(), req, path.c_str(), cb);
  });
}

void Close(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 1, "close", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_close(env->loop(), req, fd, cb);
  });
}

// open(path, flags, mode, [callback]) -> fd. flags are O_* numbers (fs.js maps 'r', 'w', ...).
void Open(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetCStringArg(args, 0, "path", &path)) return;
  int32_t flags, mode;
  if (!GetInt32Arg(args, 1, "flags", &flags) || !GetInt32Arg(args, 2, "mode", &mode, 0, 07777)) {
    return;
  }
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 3, "open", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_open(env->loop(), req, path.c_str(), flags | O_CLOEXEC, mode, cb);
  });
}

// read(fd, buffer, offset, length, position, [callback]) -> bytes read, and write(...) with the
// same arguments -> bytes written. position < 0 (or not a number) uses the current file position.
template <bool kWrite>
void ReadOrWrite(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  if (!args[1]->IsUint8Array()) return ThrowTypeError(isolate, "buffer must be a Buffer");
  Local<v8::Uint8Array> buffer = args[1].As<v8::Uint8Array>();
  int64_t offset, length, position = -1;
  if (!GetInt64Arg(args, 2, "offset", &offset) || !GetInt64Arg(args, 3, "length", &length)) return;
  size_t size = buffer->ByteLength();
  if (offset < 0 || length < 0 || static_cast<uint64_t>(offset) > size ||
      static_cast<uint64_t>(length) > size - static_cast<uint64_t>(offset)) {
    return ThrowRangeError(isolate, "offset and length must lie within the buffer");
  }
  if (args[4]->IsNumber()) {
    double p = args[4].As<v8::Number>()->Value();
    position = p >= 0 && p <= 9007199254740991.0 ? static_cast<int64_t>(p) : -1;
  }
  char* data = static_cast<char*>(buffer->Buffer()->Data()) + buffer->ByteOffset() + offset;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(
      args, 5, kWrite ? "write" : "read", "",
      [&](uv_fs_t* req, uv_fs_cb cb) {
        uv_buf_t buf = MakeUvBuf(data, static_cast<size_t>(length));
        return kWrite ? uv_fs_write(env->loop(), req, fd, &buf, 1, position, cb)
                      : uv_fs_read(env->loop(), req, fd, &buf, 1, position, cb);
      },
      buffer);
}

// readBuffer(fd, length, position, [callback]): reads up to `length` bytes into new memory,
// which is not zero-filled first: the read overwrites it (fs.readFile and fs.ReadStream, which
// would otherwise clear every chunk and then read over it). Calls back with (err, bytesRead,
// arrayBuffer), or returns [bytesRead, arrayBuffer]; the ArrayBuffer has `length` bytes, those
// past bytesRead zero. position < 0 (or not a number) uses the current file position.
void ReadBuffer(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  int64_t length, position = -1;
  // At most Buffer's kMaxLength.
  if (!GetInt64Arg(args, 1, "length", &length, 0, 0x3FFFFFFF)) return;
  if (args[2]->IsNumber()) {
    double p = args[2].As<v8::Number>()->Value();
    position = p >= 0 && p <= 9007199254740991.0 ? static_cast<int64_t>(p) : -1;
  }
  std::shared_ptr<BackingStore> store;
  {
    ArrayBufferAllocator::NoZeroFillScope no_zero_fill;
    store = ArrayBuffer::NewBackingStore(isolate, static_cast<size_t>(length));
  }
  Environment* env = Environment::GetCurrent(args);
  uv_buf_t buf = uv_buf_init(static_cast<char*>(store->Data()), static_cast<unsigned>(length));
  if (args[3]->IsFunction()) {
    // The request holds the store (its target) until the callback.
    SyncOrAsync(
        args, 3, "read", "",
        [&](uv_fs_t* req, uv_fs_cb cb) {
          return uv_fs_read(env->loop(), req, fd, &buf, 1, position, cb);
        },
        Local<v8::ArrayBufferView>(), store);
    return;
  }
  uv_fs_t req;
  int n = uv_fs_read(env->loop(), &req, fd, &buf, 1, position, nullptr);
  uv_fs_req_cleanup(&req);
  if (n < 0) return ThrowUVException(isolate, n, "read", nullptr);
  ClearUnread(store.get(), n);
  Local<Context> context = env->context();
  Local<Array> result = Array::New(isolate, 2);
  result->CreateDataProperty(context, 0, v8::Integer::New(isolate, n)).Check();
  result->CreateDataProperty(context, 1, ArrayBuffer::New(isolate, std::move(store))).Check();
  args.GetReturnValue().Set(result);
}

// Calls taking one path: unlink, rmdir, readdir, readlink.
#define NODUS_PATH_CALL(Name, syscall, uv_call)                                         \
  void Name(const FunctionCallbackInfo<Value>& args) {                                  \
    std::string path;                                                                   \
    if (!GetCStringArg(args, 0, "path", &path)) return;                                 \
    Environment* env = Environment::GetCurrent(args);                                   \
    SyncOrAsync(args, 1, syscall, path, [&](uv_fs_t* req, uv_fs_cb cb) {                \
      return uv_call;                                                                   \
    });                                                                                 \
  }
NODUS_PATH_CALL(Unlink, "unlink", uv_fs_unlink(env->loop(), req, path.c_str(), cb))
NODUS_PATH_CALL(RmDir, "rmdir", uv_fs_rmdir(env->loop(), req, path.c_str(), cb))
NODUS_PATH_CALL(ReadDir, "readdir", uv_fs_scandir(env->loop(), req, path.c_str(), 0, cb))
NODUS_PATH_CALL(ReadLink, "readlink", uv_fs_readlink(env->loop(), req, path.c_str(), cb))
#undef NODUS_PATH_CALL

// Calls taking two paths: rename, link, symlink. Errors name the first path.
#define NODUS_TWO_PATH_CALL(Name, syscall, uv_call)                                     \
  void Name(const FunctionCallbackInfo<Value>& args) {                                  \
    std::string from, to;                                                               \
    if (!GetCStringArg(args, 0, "path", &from) ||                                      \
        !GetCStringArg(args, 1, "path", &to)) {                                         \
      return;                                                                           \
    }                                                                                   \
    Environment* env = Environment::GetCurrent(args);                                   \
    SyncOrAsync(args, 2, syscall, from, [&](uv_fs_t* req, uv_fs_cb cb) {                \
      return uv_call;                                                                   \
    });                                                                                 \
  }
NODUS_TWO_PATH_CALL(Rename, "rename", uv_fs_rename(env->loop(), req, from.c_str(), to.c_str(), cb))
NODUS_TWO_PATH_CALL(Link, "link", uv_fs_link(env->loop(), req, from.c_str(), to.c_str(), cb))
NODUS_TWO_PATH_CALL(Symlink, "symlink",
                    uv_fs_symlink(env->loop(), req, from.c_str(), to.c_str(), 0, cb))
#undef NODUS_TWO_PATH_CALL

// mkdir(path, mode, [callback]); chmod(path, mode, [callback]).
void MkDir(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetCStringArg(args, 0, "path", &path)) return;
  int32_t mode;
  if (!GetInt32Arg(args, 1, "mode", &mode, 0, 07777)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 2, "mkdir", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_mkdir(env->loop(), req, path.c_str(), mode, cb);
  });
}

void ChMod(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetCStringArg(args, 0, "path", &path)) return;
  int32_t mode;
  if (!GetInt32Arg(args, 1, "mode", &mode, 0, 07777)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 2, "chmod", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_chmod(env->loop(), req, path.c_str(), mode, cb);
  });
}

void FChMod(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  int32_t mode;
  if (!GetInt32Arg(args, 1, "mode", &mode, 0, 07777)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 2, "fchmod", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_fchmod(env->loop(), req, fd, mode, cb);
  });
}

// chown/lchown(path, uid, gid, [callback]); fchown(fd, uid, gid, [callback]). -1 keeps an id.
bool GetIds(const FunctionCallbackInfo<Value>& args, uv_uid_t* uid, uv_gid_t* gid) {
  int64_t u, g;
  if (!GetInt64Arg(args, 1, "uid", &u, -1, UINT32_MAX) ||
      !GetInt64Arg(args, 2, "gid", &g, -1, UINT32_MAX)) {
    return false;
  }
  *uid = static_cast<uv_uid_t>(u);
  *gid = static_cast<uv_gid_t>(g);
  return true;
}

void ChOwn(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  uv_uid_t uid;
  uv_gid_t gid;
  if (!GetCStringArg(args, 0, "path", &path) || !GetIds(args, &uid, &gid)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 3, "chown", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_chown(env->loop(), req, path.c_str(), uid, gid, cb);
  });
}

void LChOwn(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  uv_uid_t uid;
  uv_gid_t gid;
  if (!GetCStringArg(args, 0, "path", &path) || !GetIds(args, &uid, &gid)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 3, "lchown", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_lchown(env->loop(), req, path.c_str(), uid, gid, cb);
  });
}

void FChOwn(const FunctionCallbackInfo<Value>& args) {
  int fd;
  uv_uid_t uid;
  uv_gid_t gid;
  if (!GetFdArg(args, 0, &fd) || !GetIds(args, &uid, &gid)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 3, "fchown", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_fchown(env->loop(), req, fd, uid, gid, cb);
  });
}

// ftruncate(fd, length, [callback]).
void FTruncate(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  int64_t length;
  if (!GetInt64Arg(args, 1, "length", &length, 0)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 2, "ftruncate", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_ftruncate(env->loop(), req, fd, length, cb);
  });
}

void FSync(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 1, "fsync", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_fsync(env->loop(), req, fd, cb);
  });
}

void FDataSync(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 1, "fdatasync", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_fdatasync(env->loop(), req, fd, cb);
  });
}

// utimes(path, atime, mtime, [callback]); futimes(fd, atime, mtime, [callback]): seconds.
void UTimes(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  double atime, mtime;
  if (!GetCStringArg(args, 0, "path", &path) || !GetDoubleArg(args, 1, "atime", &atime) ||
      !GetDoubleArg(args, 2, "mtime", &mtime)) {
    return;
  }
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 3, "utime", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_utime(env->loop(), req, path.c_str(), atime, mtime, cb);
  });
}

void FUTimes(const FunctionCallbackInfo<Value>& args) {
  int fd;
  double atime, mtime;
  if (!GetFdArg(args, 0, &fd) || !GetDoubleArg(args, 1, "atime", &atime) ||
      !GetDoubleArg(args, 2, "mtime", &mtime)) {
    return;
  }
  Environment* env = Environment::GetCurrent(args);
  SyncOrAsync(args, 3, "futime", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_futime(env->loop(), req, fd, atime, mtime, cb);
  });
}

// StatWatcher: a uv_fs_poll_t behind fs.watchFile. start(path, persistent, interval) polls the
// path; each change calls this.onchange(currentStats, previousStats, status) with stats arrays as
// stat() gives them (status < 0 while the path cannot be stat'ed).
class StatWatcher : public HandleWrap {
 public:
  NODUS_WRAPPER_TYPE(StatWatcher);
  StatWatcher(Environment* env, Local<Object> object)
      : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&handle_), &kWrapperType) {
    CHECK_EQ(uv_fs_poll_init(env->loop(), &handle_), 0);
  }
  uv_fs_poll_t* poll() { return &handle_; }

 private:
  uv_fs_poll_t handle_;
};
NODUS_DEFINE_WRAPPER_TYPE(StatWatcher, HandleWrap);

void NewStatWatcher(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!BaseObject::BeginConstruct(args, "StatWatcher")) return;
  new StatWatcher(env, args.This());
}

void OnStatChange(uv_fs_poll_t* handle, int status, const uv_stat_t* prev, const uv_stat_t* curr) {
  StatWatcher* wrap = static_cast<StatWatcher*>(reinterpret_cast<uv_handle_t*>(handle)->data);
  Environment* env = wrap->env();
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Value> argv[] = {StatsToArray(isolate, curr), StatsToArray(isolate, prev),
                         v8::Integer::New(isolate, status)};
  env->MakeCallback(wrap->object(), "onchange", 3, argv);
}

void StatWatcherStart(const FunctionCallbackInfo<Value>& args) {
  StatWatcher* wrap = HandleWrap::Unwrap<StatWatcher>(args);
  if (wrap == nullptr) return;
  std::string path;
  if (!GetCStringArg(args, 0, "path", &path)) return;
  int64_t interval;
  if (!GetInt64Arg(args, 2, "interval", &interval, 1, UINT32_MAX)) return;
  if (uv_is_active(wrap->handle())) return ThrowError(args.GetIsolate(), "already started");
  int err = uv_fs_poll_start(wrap->poll(), OnStatChange, path.c_str(),
                             static_cast<unsigned>(interval));
  if (err < 0) return ThrowUVException(args.GetIsolate(), err, "watch", path.c_str());
  if (!args[1]->BooleanValue(args.GetIsolate())) uv_unref(wrap->handle());
}

// FSEvent: a uv_fs_event_t behind fs.watch. start(path, persistent) watches the path; events call
// this.onchange(status, eventType, filename) with eventType 'rename' or 'change' and filename a
// string or null.
class FSEventWrap : public HandleWrap {
 public:
  NODUS_WRAPPER_TYPE(FSEventWrap);
  FSEventWrap(Environment* env, Local<Object> object)
      : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&handle_), &kWrapperType) {
    CHECK_EQ(uv_fs_event_init(env->loop(), &handle_), 0);
  }
  uv_fs_event_t* event() { return &handle_; }

 private:
  uv_fs_event_t handle_;
};
NODUS_DEFINE_WRAPPER_TYPE(FSEventWrap, HandleWrap);

void NewFSEvent(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!BaseObject::BeginConstruct(args, "FSEvent")) return;
  new FSEventWrap(env, args.This());
}

void OnFSEvent(uv_fs_event_t* handle, const char* filename, int events, int status) {
  FSEventWrap* wrap = static_cast<FSEventWrap*>(reinterpret_cast<uv_handle_t*>(handle)->data);
  Environment* env = wrap->env();
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Value> name = v8::Null(isolate);
  Local<v8::String> name_string;
  if (filename != nullptr &&
      Utf8String(isolate, filename, strlen(filename)).ToLocal(&name_string)) {
    name = name_string;
  }
  const char* type = (events & UV_RENAME) ? "rename" : "change";
  Local<Value> argv[] = {v8::Integer::New(isolate, status), OneByteString(isolate, type), name};
  env->MakeCallback(wrap->object(), "onchange", 3, argv);
}

void FSEventStart(const FunctionCallbackInfo<Value>& args) {
  FSEventWrap* wrap = HandleWrap::Unwrap<FSEventWrap>(args);
  if (wrap == nullptr) return;
  std::string path;
  if (!GetCStringArg(args, 0, "path", &path)) return;
  if (uv_is_active(wrap->handle())) return ThrowError(args.GetIsolate(), "already started");
  int err = uv_fs_event_start(wrap->event(), OnFSEvent, path.c_str(), 0);
  if (err < 0) return ThrowUVException(args.GetIsolate(), err, "watch", path.c_str());
  if (!args[1]->BooleanValue(args.GetIsolate())) uv_unref(wrap->handle());
}

// statMode(path): the st_mode of path (symlinks followed), or a negative libuv error code. A
// probe that never throws, for require()'s search (stdlib/lib/module.js), where most candidate
// paths do not exist: an exception per miss was a quarter of the instructions of loading npm.
void StatMode(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetCStringArg(args, 0, "path", &path)) return;
  uv_fs_t req;
  int err = uv_fs_stat(Environment::GetCurrent(args)->loop(), &req, path.c_str(), nullptr);
  double result = err < 0 ? err : static_cast<double>(req.statbuf.st_mode);
  uv_fs_req_cleanup(&req);
  args.GetReturnValue().Set(result);
}

// Reads a whole file as UTF-8 text, synchronously: what require() needs for .js and .json.
void ReadFileUtf8(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetCStringArg(args, 0, "path", &path)) return;
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  uv_fs_t req;
  int fd = uv_fs_open(env->loop(), &req, path.c_str(), O_RDONLY | O_CLOEXEC, 0, nullptr);
  uv_fs_req_cleanup(&req);
  if (fd < 0) return ThrowUVException(isolate, fd, "open", path.c_str());
  std::string content;
  char chunk[65536];
  for (;;) {
    uv_buf_t buf = uv_buf_init(chunk, sizeof(chunk));
    int n = uv_fs_read(env->loop(), &req, fd, &buf, 1, -1, nullptr);
    uv_fs_req_cleanup(&req);
    if (n < 0) {
      uv_fs_close(env->loop(), &req, fd, nullptr);
      uv_fs_req_cleanup(&req);
      return ThrowUVException(isolate, n, "read", path.c_str());
    }
    if (n == 0) break;
    content.append(chunk, n);
  }
  uv_fs_close(env->loop(), &req, fd, nullptr);
  uv_fs_req_cleanup(&req);
  // A byte order mark is not part of the program text.
  size_t start = content.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  Local<v8::String> result;
  if (Utf8String(isolate, content.data() + start, content.size() - start).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Local<Context> context = env->context();
  SetMethod(context, target, "stat", Stat);
  SetMethod(context, target, "lstat", LStat);
  SetMethod(context, target, "fstat", FStat);
  SetMethod(context, target, "realpath", RealPath);
  SetMethod(context, target, "close", Close);
  SetMethod(context, target, "read", ReadOrWrite<false>);
  SetMethod(context, target, "readBuffer", ReadBuffer);
  SetMethod(context, target, "readFileUtf8", ReadFileUtf8);
  SetMethod(context, target, "statMode", StatMode);
  SetMethod(context, target, "open", Open);
  SetMethod(context, target, "write", ReadOrWrite<true>);
  SetMethod(context, target, "unlink", Unlink);
  SetMethod(context, target, "rmdir", RmDir);
  SetMethod(context, target, "readdir", ReadDir);
  SetMethod(context, target, "readlink", ReadLink);
  SetMethod(context, target, "rename", Rename);
  SetMethod(context, target, "link", Link);
  SetMethod(context, target, "symlink", Symlink);
  SetMethod(context, target, "mkdir", MkDir);
  SetMethod(context, target, "chmod", ChMod);
  SetMethod(context, target, "fchmod", FChMod);
  SetMethod(context, target, "chown", ChOwn);
  SetMethod(context, target, "lchown", LChOwn);
  SetMethod(context, target, "fchown", FChOwn);
  SetMethod(context, target, "ftruncate", FTruncate);
  SetMethod(context, target, "fsync", FSync);
  SetMethod(context, target, "fdatasync", FDataSync);
  SetMethod(context, target, "utimes", UTimes);
  SetMethod(context, target, "futimes", FUTimes);

  Isolate* isolate = env->isolate();
  Local<v8::FunctionTemplate> stat_watcher = v8::FunctionTemplate::New(isolate, NewStatWatcher);
  stat_watcher->SetClassName(OneByteString(isolate, "StatWatcher"));
  stat_watcher->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  HandleWrap::AddMethods(isolate, stat_watcher);
  SetProtoMethod(isolate, stat_watcher, "start", StatWatcherStart);
  target->CreateDataProperty(context, OneByteString(isolate, "StatWatcher"),
              stat_watcher->GetFunction(context).ToLocalChecked()).Check();

  Local<v8::FunctionTemplate> fs_event = v8::FunctionTemplate::New(isolate, NewFSEvent);
  fs_event->SetClassName(OneByteString(isolate, "FSEvent"));
  fs_event->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  HandleWrap::AddMethods(isolate, fs_event);
  SetProtoMethod(isolate, fs_event, "start", FSEventStart);
  target->CreateDataProperty(context, OneByteString(isolate, "FSEvent"),
              fs_event->GetFunction(context).ToLocalChecked()).Check();
}

}  // namespace fs
}  // namespace binding
}  // namespace nodus
