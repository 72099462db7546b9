// Random bytes and PBKDF2 for process.binding('crypto'):
//
//   randomBytes(size) -> Uint8Array            synchronous
//   randomBytes(size, callback)                on libuv's thread pool; callback(err, bytes)
//   pbkdf2(password, salt, iterations, keylen, callback)
//                                              PBKDF2-HMAC-SHA1 on the thread pool;
//                                              callback(err, bytes)
//
// A pending job is a libuv request, which keeps the loop (and so the process) alive until its
// callback has run. The job owns copies of its inputs, so JS may reuse its Buffers at once.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <uv.h>

#include <climits>
#include <cmath>
#include <string>
#include <vector>

#include "runtime/bindings/crypto/crypto.h"
#include "runtime/core/args.h"
#include "runtime/core/errors.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace crypto {

using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Global;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// One job for the thread pool. Work() runs on a pool thread and touches only the job's own
// fields; the callback is made on the loop thread, after which the job deletes itself.
class CryptoJob {
 public:
  CryptoJob(Environment* env, Local<Function> callback, size_t out_length)
      : env_(env), callback_(env->isolate(), callback), out_(out_length) {
    req_.data = this;
  }
  virtual ~CryptoJob() = default;

  bool out_ok() const { return out_.ok(); }

  // Queues the job; on failure throws and deletes it.
  void Queue() {
    int err = uv_queue_work(env_->loop(), &req_, OnWork, OnDone);
    if (err < 0) {
      ThrowUVException(env_->isolate(), err, "uv_queue_work");
      delete this;
    }
  }

  // Fills out_; on failure sets error_.
  virtual void Work() = 0;

 protected:
  uint8_t* out() { return out_.data(); }
  size_t out_length() const { return out_.capacity(); }
  std::string error_;
  bool failed_ = false;

 private:
  static void OnWork(uv_work_t* req) { static_cast<CryptoJob*>(req->data)->Work(); }

  static void OnDone(uv_work_t* req, int status) {
    CryptoJob* job = static_cast<CryptoJob*>(req->data);
    Environment* env = job->env_;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Local<Value> argv[2];
    int argc;
    if (status < 0) {
      argv[0] = UVException(isolate, status, "uv_queue_work");
      argc = 1;
    } else if (job->failed_) {
      Local<v8::String> message;
      if (!Utf8String(isolate, job->error_).ToLocal(&message)) {
        message = OneByteString(isolate, "crypto job failed");
      }
      argv[0] = v8::Exception::Error(message);
      argc = 1;
    } else {
      argv[0] = v8::Null(isolate);
      argv[1] = job->out_.Release(isolate, job->out_length());
      argc = 2;
    }
    Local<Function> callback = job->callback_.Get(isolate);
    delete job;
    env->MakeCallback(env->context()->Global(), callback, argc, argv);
  }

  uv_work_t req_;
  Environment* env_;
  Global<Function> callback_;
  OutBuffer out_;
};

class RandomBytesJob : public CryptoJob {
 public:
  using CryptoJob::CryptoJob;
  void Work() override {
    if (out_length() > 0 && RAND_bytes(out(), static_cast<int>(out_length())) != 1) {
      failed_ = true;
      error_ = TakeOpenSSLError("could not gather random bytes");
    }
  }
};

class Pbkdf2Job : public CryptoJob {
 public:
  Pbkdf2Job(Environment* env, Local<Function> callback, size_t keylen, const Bytes& password,
            const Bytes& salt, int iterations)
      : CryptoJob(env, callback, keylen),
        password_(password.data, password.data + password.length),
        salt_(salt.data, salt.data + salt.length),
        iterations_(iterations) {}
  ~Pbkdf2Job() override {
    if (!password_.empty()) OPENSSL_cleanse(password_.data(), password_.size());
  }

  void Work() override {
    if (out_length() == 0) return;
    // OpenSSL reads the password and salt through pointers even when empty.
    static const uint8_t kEmpty = 0;
    if (PKCS5_PBKDF2_HMAC(password_.empty() ? reinterpret_cast<const char*>(&kEmpty)
                                            : reinterpret_cast<const char*>(password_.data()),
                          static_cast<int>(password_.size()),
                          salt_.empty() ? &kEmpty : salt_.data(), static_cast<int>(salt_.size()),
                          iterations_, EVP_sha1(), static_cast<int>(out_length()), out()) != 1) {
      failed_ = true;
      error_ = TakeOpenSSLError("PBKDF2 failed");
    }
  }

 private:
  std::vector<uint8_t> password_;
  std::vector<uint8_t> salt_;
  int iterations_;
};

void RandomBytes(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  size_t length;
  if (!GetSizeArg(args, 0, "size", &length, kMaxBytes)) return;
  if (args[1]->IsFunction()) {
    RandomBytesJob* job = new RandomBytesJob(env, args[1].As<Function>(), length);
    if (!job->out_ok()) {
      delete job;
      return ThrowRangeError(isolate, "out of memory");
    }
    return job->Queue();
  }
  if (!args[1]->IsUndefined()) return ThrowTypeError(isolate, "callback must be a function");
  OutBuffer out(length);
  if (!out.ok()) return ThrowRangeError(isolate, "out of memory");
  if (length > 0 && RAND_bytes(out.data(), static_cast<int>(length)) != 1) {
    return ThrowOpenSSLError(isolate, "could not gather random bytes");
  }
  args.GetReturnValue().Set(out.Release(isolate, length));
}

void Pbkdf2(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  Bytes password, salt;
  int32_t iterations;
  size_t keylen;
  if (!GetBytesArg(args, 0, "password", &password) || !GetBytesArg(args, 1, "salt", &salt) ||
      !GetInt32Arg(args, 2, "iterations", &iterations, 1) ||
      !GetSizeArg(args, 3, "keylen", &keylen, kMaxBytes)) {
    return;
  }
  if (!args[4]->IsFunction()) return ThrowTypeError(isolate, "callback must be a function");
  if (password.length > static_cast<size_t>(INT_MAX) ||
      salt.length > static_cast<size_t>(INT_MAX)) {
    return ThrowRangeError(isolate, "password and salt must be shorter than 2 GiB");
  }
  Pbkdf2Job* job = new Pbkdf2Job(env, args[4].As<Function>(), keylen, password, salt, iterations);
  if (!job->out_ok()) {
    delete job;
    return ThrowRangeError(isolate, "out of memory");
  }
  job->Queue();
}

}  // namespace

void InitRandom(Environment* env, Local<Object> target) {
  v8::Local<v8::Context> context = env->context();
  SetMethod(context, target, "randomBytes", RandomBytes);
  SetMethod(context, target, "pbkdf2", Pbkdf2);
}

}  // namespace crypto
}  // namespace binding
}  // namespace nodus
