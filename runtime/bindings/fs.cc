// process.binding('fs'): file system calls on libuv. Each call runs synchronously when no
// callback is given (throwing a UVException on failure) and on libuv's thread pool otherwise,
// calling back through MakeCallback with (err, result).
#include <fcntl.h>
#include <uv.h>

#include <string>

#include "runtime/bindings/bindings.h"
#include "runtime/core/check.h"
#include "runtime/core/errors.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace fs {

using v8::Array;
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

// One in-flight asynchronous request: it owns the uv_fs_t and the JS callback, and frees itself
// after the callback ran.
struct FSReq {
  uv_fs_t req;
  Environment* env;
  Global<Function> callback;
  std::string path;
  const char* syscall;
};

// Stats travel as a flat array of numbers; stdlib/lib/fs.js builds the Stats object.
Local<Value> StatsToArray(Isolate* isolate, const uv_stat_t* s) {
  auto ms = [](const uv_timespec_t& t) { return t.tv_sec * 1e3 + t.tv_nsec / 1e6; };
  double fields[] = {static_cast<double>(s->st_dev),     static_cast<double>(s->st_mode),
                     static_cast<double>(s->st_nlink),   static_cast<double>(s->st_uid),
                     static_cast<double>(s->st_gid),     static_cast<double>(s->st_rdev),
                     static_cast<double>(s->st_blksize), static_cast<double>(s->st_ino),
                     static_cast<double>(s->st_size),    static_cast<double>(s->st_blocks),
                     ms(s->st_atim),                     ms(s->st_mtim),
                     ms(s->st_ctim),                     ms(s->st_birthtim)};
  Local<Context> context = isolate->GetCurrentContext();
  Local<Array> array = Array::New(isolate, 14);
  for (uint32_t i = 0; i < 14; i++) array->Set(context, i, Number::New(isolate, fields[i])).Check();
  return array;
}

Local<Value> ResultOf(Isolate* isolate, uv_fs_t* req) {
  switch (req->fs_type) {
    case UV_FS_STAT:
    case UV_FS_LSTAT:
    case UV_FS_FSTAT:
      return StatsToArray(isolate, &req->statbuf);
    case UV_FS_REALPATH: {
      const char* path = static_cast<const char*>(req->ptr);
      Local<v8::String> result;
      if (Utf8String(isolate, path, strlen(path)).ToLocal(&result)) return result;
      return v8::Undefined(isolate);
    }
    default:
      return Number::New(isolate, static_cast<double>(req->result));
  }
}

void AfterAsync(uv_fs_t* uv_req) {
  FSReq* req = static_cast<FSReq*>(uv_req->data);
  Environment* env = req->env;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Value> argv[2];
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
  Local<Function> callback = req->callback.Get(isolate);
  uv_fs_req_cleanup(uv_req);
  delete req;
  env->MakeCallback(env->context()->Global(), callback, argc, argv);
}

// Runs `call` synchronously, or asynchronously if the argument at `callback_index` is a
// function. `call` receives the request and the libuv callback (nullptr for synchronous).
template <typename Call>
void Dispatch(const FunctionCallbackInfo<Value>& args, int callback_index, const char* syscall,
              const std::string& path, Call call) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  if (args[callback_index]->IsFunction()) {
    FSReq* req = new FSReq();
    req->env = env;
    req->callback.Reset(isolate, args[callback_index].As<Function>());
    req->path = path;
    req->syscall = syscall;
    req->req.data = req;
    int err = call(&req->req, AfterAsync);
    if (err < 0) {
      // libuv refused to queue it (invalid arguments): report the error at once.
      req->req.result = err;
      req->req.fs_type = UV_FS_UNKNOWN;
      uv_fs_t* uv_req = &req->req;
      AfterAsync(uv_req);
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

bool GetPath(const FunctionCallbackInfo<Value>& args, std::string* path) {
  if (!args[0]->IsString()) {
    ThrowTypeError(args.GetIsolate(), "path must be a string");
    return false;
  }
  Utf8Value value(args.GetIsolate(), args[0]);
  if (value.str().find('\0') != std::string::npos) {
    ThrowTypeError(args.GetIsolate(), "path must be a string without null bytes");
    return false;
  }
  *path = value.str();
  return true;
}

void Stat(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetPath(args, &path)) return;
  Environment* env = Environment::GetCurrent(args);
  Dispatch(args, 1, "stat", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_stat(env->loop(), req, path.c_str(), cb);
  });
}

void LStat(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetPath(args, &path)) return;
  Environment* env = Environment::GetCurrent(args);
  Dispatch(args, 1, "lstat", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_lstat(env->loop(), req, path.c_str(), cb);
  });
}

void FStat(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  Environment* env = Environment::GetCurrent(args);
  Dispatch(args, 1, "fstat", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_fstat(env->loop(), req, fd, cb);
  });
}

void RealPath(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetPath(args, &path)) return;
  Environment* env = Environment::GetCurrent(args);
  Dispatch(args, 1, "realpath", path, [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_realpath(env->loop(), req, path.c_str(), cb);
  });
}

void Close(const FunctionCallbackInfo<Value>& args) {
  int fd;
  if (!GetFdArg(args, 0, &fd)) return;
  Environment* env = Environment::GetCurrent(args);
  Dispatch(args, 1, "close", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_close(env->loop(), req, fd, cb);
  });
}

// read(fd, buffer, offset, length, position, [callback]) -> bytes read. position < 0 (or not a
// number) reads from the current file position.
void Read(const FunctionCallbackInfo<Value>& args) {
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
  // stdlib/lib/fs.js passes a callback whose closure holds the buffer until the read completes.
  Dispatch(args, 5, "read", "", [&](uv_fs_t* req, uv_fs_cb cb) {
    uv_buf_t buf = uv_buf_init(data, static_cast<unsigned>(length));
    return uv_fs_read(env->loop(), req, fd, &buf, 1, position, cb);
  });
}

// Reads a whole file as UTF-8 text, synchronously: what require() needs for .js and .json.
void ReadFileUtf8(const FunctionCallbackInfo<Value>& args) {
  std::string path;
  if (!GetPath(args, &path)) return;
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
  SetMethod(context, target, "read", Read);
  SetMethod(context, target, "readFileUtf8", ReadFileUtf8);
}

}  // namespace fs
}  // namespace binding
}  // namespace nodus
