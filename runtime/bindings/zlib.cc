// process.binding('zlib'): one zlib stream per handle, for stdlib/lib/zlib.js.
//
//   new Zlib(mode)        mode: DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW or UNZIP
//                         (UNZIP inflates either a gzip or a zlib stream, told by its header)
//   init(windowBits, level, memLevel, strategy, [dictionary])
//                         once, before the first write; throws an Error with code/errno if zlib
//                         refuses (out-of-range numbers are a RangeError before zlib sees them)
//   write(flush, in, inOff, inLen, out, outOff, outLen)
//                         runs one deflate()/inflate() call on the libuv thread pool, then calls
//                         handle.oncomplete(availInAfter, availOutAfter), or
//                         handle.onerror(message, errno) if zlib failed (errno is the Z_* code).
//                         One write at a time: a second one while the first runs throws.
//   reset()               back to the state right after init (not while a write runs)
//   close()               frees the zlib state; during a write, once the write is done, and no
//                         callback follows. Closing twice does nothing.
//
//   inflateWhole(mode, input, limit, callback)
//                         zlib.gunzip/inflate/inflateRaw(buffer, cb) of a whole buffer with
//                         libdeflate (4x zlib's speed), on the thread pool: callback(arrayBuffer,
//                         length) with the result, or callback(null) when the caller should run
//                         zlib instead: the data is not one whole stream that libdeflate took
//                         (bad or truncated data, a second gzip member, bytes after the end), or
//                         the result would pass `limit`. zlib then gives the result, or the
//                         error, it always gave. Returns false (and calls nothing) when
//                         libdeflate is not installed; it is loaded with dlopen on first use.
//
// The handle keeps its JS object (and with it the buffers) alive while a write runs; the queued
// work request keeps the loop alive. An idle handle that JS drops is freed by the collector.
#include <dlfcn.h>
#include <libdeflate.h>
#include <uv.h>
#include <zlib.h>

#include <climits>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/base_object.h"
#include "runtime/core/check.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace zlib {

using v8::ArrayBufferView;
using v8::BackingStore;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

enum Mode { kNone, kDeflate, kInflate, kGzip, kGunzip, kDeflateRaw, kInflateRaw, kUnzip };

const char* CodeName(int code) {
  switch (code) {
    case Z_OK: return "Z_OK";
    case Z_STREAM_END: return "Z_STREAM_END";
    case Z_NEED_DICT: return "Z_NEED_DICT";
    case Z_ERRNO: return "Z_ERRNO";
    case Z_STREAM_ERROR: return "Z_STREAM_ERROR";
    case Z_DATA_ERROR: return "Z_DATA_ERROR";
    case Z_MEM_ERROR: return "Z_MEM_ERROR";
    case Z_BUF_ERROR: return "Z_BUF_ERROR";
    case Z_VERSION_ERROR: return "Z_VERSION_ERROR";
  }
  return "Z_UNKNOWN_ERROR";
}

// The message for a failed call: zlib's own text when it gave one, else a generic one per code.
const char* DefaultMessage(int code) {
  switch (code) {
    case Z_NEED_DICT: return "Missing dictionary";
    case Z_STREAM_ERROR: return "zlib stream error";
    case Z_DATA_ERROR: return "invalid data";
    case Z_MEM_ERROR: return "out of memory";
    case Z_BUF_ERROR: return "unexpected end of file";
    case Z_VERSION_ERROR: return "zlib version mismatch";
  }
  return "zlib error";
}

Local<Object> ZlibError(Isolate* isolate, const char* message, int code) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> error = v8::Exception::Error(OneByteString(isolate, message)).As<Object>();
  error->CreateDataProperty(context, OneByteString(isolate, "errno"), Integer::New(isolate, code))
      .Check();
  error->CreateDataProperty(context, OneByteString(isolate, "code"),
                            OneByteString(isolate, CodeName(code)))
      .Check();
  return error;
}

// A byte range of a JS ArrayBufferView, checked against its length, with the memory held.
struct Range {
  std::shared_ptr<BackingStore> store;
  Bytef* data = nullptr;
  uInt length = 0;
};

bool GetRange(const FunctionCallbackInfo<Value>& args, int index, const char* what, Range* out) {
  Isolate* isolate = args.GetIsolate();
  if (!args[index]->IsArrayBufferView()) {
    std::string message = std::string(what) + " must be a Buffer";
    ThrowTypeError(isolate, message.c_str());
    return false;
  }
  Local<ArrayBufferView> view = args[index].As<ArrayBufferView>();
  size_t byte_length = view->ByteLength();  // 0 once the buffer is detached.
  std::string offset_name = std::string(what) + " offset";
  std::string length_name = std::string(what) + " length";
  int64_t offset;
  int64_t length;
  if (!GetInt64Arg(args, index + 1, offset_name.c_str(), &offset, 0,
                   static_cast<int64_t>(byte_length))) {
    return false;
  }
  // zlib counts in uInt, so one call covers at most 4 GB - 1.
  int64_t limit = static_cast<int64_t>(byte_length) - offset;
  if (limit > static_cast<int64_t>(UINT_MAX)) limit = UINT_MAX;
  if (!GetInt64Arg(args, index + 2, length_name.c_str(), &length, 0, limit)) return false;
  // Buffer() moves a small on-heap array's bytes off the heap, so the pointer below is stable.
  out->store = view->Buffer()->GetBackingStore();
  if (out->store->Data() != nullptr) {
    out->data = static_cast<Bytef*>(out->store->Data()) + view->ByteOffset() + offset;
  }
  out->length = static_cast<uInt>(length);
  return true;
}

// The native state behind one handle. Owned by its JS object: freed by close(), or by the
// garbage collector if JS drops an idle handle; a write in flight holds the object strongly and
// defers a close() until the work is back on the loop thread.
class ZlibContext : public BaseObject {
 public:
  NODUS_WRAPPER_TYPE(ZlibContext);
  ZlibContext(Environment* env, Local<Object> object, Mode mode)
      : BaseObject(env, object, &kWrapperType), env_(env), mode_(mode) {
    std::memset(&strm_, 0, sizeof(strm_));
    work_.data = this;
    MakeWeak();
  }

  ~ZlibContext() {
    if (initialized_) {
      if (IsDeflate()) {
        deflateEnd(&strm_);
      } else {
        inflateEnd(&strm_);
      }
      env_->isolate()->AdjustAmountOfExternalAllocatedMemory(-external_size_);
    }
  }

  static ZlibContext* Unwrap(const FunctionCallbackInfo<Value>& args) {
    return UnwrapThis<ZlibContext>(args, "zlib handle is closed");
  }

  static void New(const FunctionCallbackInfo<Value>& args) {
    Environment* env = Environment::GetCurrent(args);
    if (!BaseObject::BeginConstruct(args, "Zlib")) return;
    int64_t mode;
    if (!GetInt64Arg(args, 0, "mode", &mode, kDeflate, kUnzip)) return;
    new ZlibContext(env, args.This(), static_cast<Mode>(mode));
  }

  static void Init(const FunctionCallbackInfo<Value>& args) {
    ZlibContext* self = Unwrap(args);
    if (self == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    if (self->initialized_) return ThrowError(isolate, "zlib handle is already initialized");
    int64_t window_bits, level, mem_level, strategy;
    if (!GetInt64Arg(args, 0, "windowBits", &window_bits, 8, 15) ||
        !GetInt64Arg(args, 1, "level", &level, Z_DEFAULT_COMPRESSION, Z_BEST_COMPRESSION) ||
        !GetInt64Arg(args, 2, "memLevel", &mem_level, 1, MAX_MEM_LEVEL) ||
        !GetInt64Arg(args, 3, "strategy", &strategy, Z_DEFAULT_STRATEGY, Z_FIXED)) {
      return;
    }
    std::vector<Bytef> dictionary;
    if (!args[4]->IsUndefined() && !args[4]->IsNull()) {
      if (!args[4]->IsArrayBufferView()) {
        return ThrowTypeError(isolate, "dictionary must be a Buffer");
      }
      Local<ArrayBufferView> view = args[4].As<ArrayBufferView>();
      dictionary.resize(view->ByteLength());
      if (!dictionary.empty()) view->CopyContents(dictionary.data(), dictionary.size());
    }
    // zlib 1.2.9 and later refuse a 256-byte window for raw deflate and gzip and silently widen
    // it for zlib streams, whose header then asks for 512 bytes: an inflater set to 256 bytes
    // would reject that. A 512-byte window everywhere keeps every format round-tripping.
    if (window_bits == 8) window_bits = 9;
    self->dictionary_ = std::move(dictionary);
    int bits = static_cast<int>(window_bits);
    int err;
    switch (self->mode_) {
      case kDeflate:
      case kGzip:
      case kDeflateRaw:
        if (self->mode_ == kGzip) bits += 16;
        if (self->mode_ == kDeflateRaw) bits = -bits;
        err = deflateInit2(&self->strm_, static_cast<int>(level), Z_DEFLATED, bits,
                           static_cast<int>(mem_level), static_cast<int>(strategy));
        self->external_size_ = (int64_t{1} << (window_bits + 2)) +
                               (int64_t{1} << (mem_level + 9)) + 8 * 1024;
        break;
      default:
        if (self->mode_ == kGunzip) bits += 16;
        if (self->mode_ == kUnzip) bits += 32;
        if (self->mode_ == kInflateRaw) bits = -bits;
        err = inflateInit2(&self->strm_, bits);
        self->external_size_ = (int64_t{1} << window_bits) + 8 * 1024;
        break;
    }
    if (err != Z_OK) {
      const char* message = self->strm_.msg != nullptr ? self->strm_.msg : DefaultMessage(err);
      isolate->ThrowException(ZlibError(isolate, message, err));
      return;
    }
    self->initialized_ = true;
    isolate->AdjustAmountOfExternalAllocatedMemory(self->external_size_);
    err = self->SetDictionary();
    if (err != Z_OK) {
      isolate->ThrowException(ZlibError(isolate, "Failed to set dictionary", err));
    }
  }

  static void Write(const FunctionCallbackInfo<Value>& args) {
    ZlibContext* self = Unwrap(args);
    if (self == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    if (!self->initialized_) return ThrowError(isolate, "zlib handle is not initialized");
    if (self->pending_) return ThrowError(isolate, "a zlib write is already in progress");
    int64_t flush;
    if (!GetInt64Arg(args, 0, "flush", &flush, Z_NO_FLUSH, Z_TREES)) return;
    Range in;
    Range out;
    if (!GetRange(args, 1, "input", &in) || !GetRange(args, 4, "output", &out)) return;
    // zlib refuses a null output pointer even with no room; an empty range never touches it.
    self->strm_.next_in = in.data != nullptr ? in.data : &self->empty_;
    self->strm_.avail_in = in.length;
    self->strm_.next_out = out.data != nullptr ? out.data : &self->empty_;
    self->strm_.avail_out = out.length;
    self->flush_ = static_cast<int>(flush);
    self->in_store_ = std::move(in.store);
    self->out_store_ = std::move(out.store);
    int err = uv_queue_work(self->env_->loop(), &self->work_, DoWork, AfterWork);
    if (err != 0) {
      self->in_store_.reset();
      self->out_store_.reset();
      return ThrowError(isolate, "could not queue zlib work");
    }
    self->pending_ = true;
    self->ClearWeak();
  }

  static void Reset(const FunctionCallbackInfo<Value>& args) {
    ZlibContext* self = Unwrap(args);
    if (self == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    if (!self->initialized_) return ThrowError(isolate, "zlib handle is not initialized");
    if (self->pending_) return ThrowError(isolate, "cannot reset during a zlib write");
    int err = self->IsDeflate() ? deflateReset(&self->strm_) : inflateReset(&self->strm_);
    if (err == Z_OK) err = self->SetDictionary();
    if (err != Z_OK) isolate->ThrowException(ZlibError(isolate, "Failed to reset stream", err));
  }

  static void Close(const FunctionCallbackInfo<Value>& args) {
    ZlibContext* self = nodus::Unwrap<ZlibContext>(args.This());
    if (self == nullptr) return;
    self->DetachFromObject();
    if (self->pending_) {
      self->closed_ = true;  // AfterWork frees it: the thread pool is still using strm_.
    } else {
      delete self;
    }
  }

 private:
  bool IsDeflate() const { return mode_ == kDeflate || mode_ == kGzip || mode_ == kDeflateRaw; }

  // Deflaters and raw inflaters take the dictionary up front; zlib-format inflaters only when
  // the stream asks for it (Z_NEED_DICT, in DoWork).
  int SetDictionary() {
    if (dictionary_.empty()) return Z_OK;
    uInt size = static_cast<uInt>(dictionary_.size());
    if (IsDeflate()) return deflateSetDictionary(&strm_, dictionary_.data(), size);
    if (mode_ == kInflateRaw) return inflateSetDictionary(&strm_, dictionary_.data(), size);
    return Z_OK;
  }

  // On a thread-pool thread: only strm_ and the members set up by Write() are touched.
  static void DoWork(uv_work_t* work) {
    ZlibContext* self = static_cast<ZlibContext*>(work->data);
    z_stream* strm = &self->strm_;
    self->error_message_ = nullptr;
    if (self->IsDeflate()) {
      self->err_ = deflate(strm, self->flush_);
      return;
    }
    int err = inflate(strm, self->flush_);
    if (err == Z_NEED_DICT && !self->dictionary_.empty()) {
      err = inflateSetDictionary(strm, self->dictionary_.data(),
                                 static_cast<uInt>(self->dictionary_.size()));
      if (err == Z_OK) {
        err = inflate(strm, self->flush_);
      } else if (err == Z_DATA_ERROR) {
        self->error_message_ = "Bad dictionary";
      }
    }
    // Concatenated gzip members (as `cat a.gz b.gz` makes) decode as one stream.
    while (err == Z_STREAM_END && (self->mode_ == kGunzip || self->mode_ == kUnzip) &&
           strm->avail_in > 0 && strm->next_in[0] == 0x1f) {
      err = inflateReset(strm);
      if (err == Z_OK) err = inflate(strm, self->flush_);
    }
    self->err_ = err;
  }

  // Back on the loop thread: report to JS, unless close() was called meanwhile.
  static void AfterWork(uv_work_t* work, int status) {
    ZlibContext* self = static_cast<ZlibContext*>(work->data);
    self->pending_ = false;
    self->in_store_.reset();
    self->out_store_.reset();
    if (self->closed_) {
      delete self;
      return;
    }
    Environment* env = self->env_;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Local<Object> object = self->object();
    self->MakeWeak();

    int err = status == 0 ? self->err_ : Z_STREAM_ERROR;
    const char* message = nullptr;
    switch (err) {
      case Z_OK:
      case Z_STREAM_END:
        break;
      case Z_BUF_ERROR:
        // No progress was possible. That is only wrong when the input is finished and the
        // stream is not: the data was cut short.
        if (self->strm_.avail_out != 0 && self->flush_ == Z_FINISH) {
          message = "unexpected end of file";
        }
        break;
      default:
        message = self->error_message_ != nullptr ? self->error_message_
                  : self->strm_.msg != nullptr    ? self->strm_.msg
                                                  : DefaultMessage(err);
        break;
    }
    // The callback may close the handle, which frees `self`: nothing touches it afterwards.
    if (message != nullptr) {
      Local<Value> argv[] = {OneByteString(isolate, message), Integer::New(isolate, err)};
      env->MakeCallback(object, "onerror", 2, argv);
    } else {
      Local<Value> argv[] = {Integer::NewFromUnsigned(isolate, self->strm_.avail_in),
                             Integer::NewFromUnsigned(isolate, self->strm_.avail_out)};
      env->MakeCallback(object, "oncomplete", 2, argv);
    }
  }

  Environment* env_;
  Mode mode_;
  z_stream strm_;
  uv_work_t work_;
  std::vector<Bytef> dictionary_;
  // The buffers of the write in flight, held until it is done.
  std::shared_ptr<BackingStore> in_store_;
  std::shared_ptr<BackingStore> out_store_;
  int flush_ = Z_NO_FLUSH;
  int err_ = Z_OK;
  const char* error_message_ = nullptr;
  int64_t external_size_ = 0;
  Bytef empty_ = 0;
  bool initialized_ = false;
  bool pending_ = false;
  bool closed_ = false;
};

// ---- Whole buffers with libdeflate ------------------------------------------------------

// libdeflate's decompression functions, from the system's libdeflate.so.0 (Debian's libdeflate0),
// or nullptr if it is not there. Loaded on first use: most programs never inflate a buffer.
struct Libdeflate {
  decltype(&libdeflate_alloc_decompressor) alloc;
  decltype(&libdeflate_free_decompressor) free;
  decltype(&libdeflate_gzip_decompress_ex) gzip;
  decltype(&libdeflate_zlib_decompress_ex) zlib;
  decltype(&libdeflate_deflate_decompress_ex) deflate;
};

const Libdeflate* GetLibdeflate() {
  static const Libdeflate* library = []() -> const Libdeflate* {
    void* handle = dlopen("libdeflate.so.0", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) return nullptr;
    static Libdeflate functions;
    functions.alloc = reinterpret_cast<decltype(functions.alloc)>(
        dlsym(handle, "libdeflate_alloc_decompressor"));
    functions.free = reinterpret_cast<decltype(functions.free)>(
        dlsym(handle, "libdeflate_free_decompressor"));
    functions.gzip = reinterpret_cast<decltype(functions.gzip)>(
        dlsym(handle, "libdeflate_gzip_decompress_ex"));
    functions.zlib = reinterpret_cast<decltype(functions.zlib)>(
        dlsym(handle, "libdeflate_zlib_decompress_ex"));
    functions.deflate = reinterpret_cast<decltype(functions.deflate)>(
        dlsym(handle, "libdeflate_deflate_decompress_ex"));
    if (functions.alloc == nullptr || functions.free == nullptr || functions.gzip == nullptr ||
        functions.zlib == nullptr || functions.deflate == nullptr) {
      return nullptr;
    }
    return &functions;
  }();
  return library;
}

class InflateWholeJob {
 public:
  InflateWholeJob(Environment* env, Local<v8::Function> callback, int mode,
                  std::shared_ptr<BackingStore> store, const uint8_t* in, size_t in_length,
                  size_t limit)
      : env_(env), callback_(env->isolate(), callback), mode_(mode), store_(std::move(store)),
        in_(in), in_length_(in_length), limit_(limit) {
    work_.data = this;
  }
  ~InflateWholeJob() { std::free(out_); }

  int Queue() { return uv_queue_work(env_->loop(), &work_, DoWork, AfterWork); }

 private:
  // On a thread-pool thread: only the job's own fields.
  static void DoWork(uv_work_t* work) {
    InflateWholeJob* self = static_cast<InflateWholeJob*>(work->data);
    const Libdeflate* lib = GetLibdeflate();
    libdeflate_decompressor* decompressor = lib->alloc();
    if (decompressor == nullptr) return;
    const uint8_t* in = self->in_;
    size_t in_length = self->in_length_;
    // The three formats' functions take the same arguments.
    decltype(lib->gzip) decompress =
        self->mode_ == kGunzip ? lib->gzip : self->mode_ == kInflate ? lib->zlib : lib->deflate;
    // A gzip stream ends with its length modulo 2^32: usually the exact size needed.
    size_t capacity;
    if (self->mode_ == kGunzip && in_length >= 18) {
      const uint8_t* size = in + in_length - 4;
      capacity = size_t{size[0]} | size_t{size[1]} << 8 | size_t{size[2]} << 16 |
                 size_t{size[3]} << 24;
    } else {
      capacity = in_length <= SIZE_MAX / 4 ? in_length * 4 : SIZE_MAX;
    }
    if (capacity < 4096) capacity = 4096;
    if (capacity > self->limit_) capacity = self->limit_;
    for (;;) {
      void* grown = std::realloc(self->out_, capacity);
      if (grown == nullptr) break;
      self->out_ = static_cast<uint8_t*>(grown);
      self->capacity_ = capacity;
      size_t used = 0, produced = 0;
      libdeflate_result result =
          decompress(decompressor, in, in_length, self->out_, capacity, &used, &produced);
      if (result == LIBDEFLATE_SUCCESS) {
        // Anything after the stream (a second gzip member, other bytes) is zlib's to handle.
        self->ok_ = used == in_length;
        self->length_ = produced;
        // The result keeps its whole block: give back a guess that was much too big.
        if (self->ok_ && produced < capacity - capacity / 8) {
          void* fitted = std::realloc(self->out_, produced > 0 ? produced : 1);
          if (fitted != nullptr) {
            self->out_ = static_cast<uint8_t*>(fitted);
            self->capacity_ = produced > 0 ? produced : 1;
          }
        }
        break;
      }
      if (result != LIBDEFLATE_INSUFFICIENT_SPACE || capacity >= self->limit_) break;
      capacity = capacity <= self->limit_ / 2 ? capacity * 2 : self->limit_;
    }
    lib->free(decompressor);
  }

  static void AfterWork(uv_work_t* work, int status) {
    std::unique_ptr<InflateWholeJob> self(static_cast<InflateWholeJob*>(work->data));
    Environment* env = self->env_;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Local<Value> argv[2] = {v8::Null(isolate), Integer::New(isolate, 0)};
    if (status == 0 && self->ok_) {
      std::unique_ptr<BackingStore> store = v8::ArrayBuffer::NewBackingStore(
          self->out_, self->capacity_, [](void* data, size_t, void*) { std::free(data); },
          nullptr);
      self->out_ = nullptr;
      argv[0] = v8::ArrayBuffer::New(isolate, std::move(store));
      argv[1] = v8::Number::New(isolate, static_cast<double>(self->length_));
    }
    Local<v8::Function> callback = self->callback_.Get(isolate);
    self.reset();
    env->MakeCallback(env->context()->Global(), callback, 2, argv);
  }

  uv_work_t work_;
  Environment* env_;
  v8::Global<v8::Function> callback_;
  int mode_;
  std::shared_ptr<BackingStore> store_;  // the input's memory, held until the job is done
  const uint8_t* in_;
  size_t in_length_;
  size_t limit_;
  uint8_t* out_ = nullptr;
  size_t capacity_ = 0;
  size_t length_ = 0;
  bool ok_ = false;
};

void InflateWhole(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  int64_t mode;
  if (!GetInt64Arg(args, 0, "mode", &mode, kNone, kUnzip)) return;
  if (mode != kGunzip && mode != kInflate && mode != kInflateRaw) {
    return ThrowRangeError(isolate, "inflateWhole: mode must be GUNZIP, INFLATE or INFLATERAW");
  }
  if (!args[1]->IsArrayBufferView()) return ThrowTypeError(isolate, "input must be a Buffer");
  int64_t limit;
  if (!GetInt64Arg(args, 2, "limit", &limit, 1, INT64_MAX)) return;
  if (!args[3]->IsFunction()) return ThrowTypeError(isolate, "callback must be a function");
  if (GetLibdeflate() == nullptr) return args.GetReturnValue().Set(false);
  Local<ArrayBufferView> view = args[1].As<ArrayBufferView>();
  // Buffer() moves a small on-heap array's bytes off the heap, so the pointer below is stable.
  std::shared_ptr<BackingStore> store = view->Buffer()->GetBackingStore();
  size_t length = view->ByteLength();
  if (store->Data() == nullptr || length == 0) return args.GetReturnValue().Set(false);
  const uint8_t* in = static_cast<const uint8_t*>(store->Data()) + view->ByteOffset();
  auto* job = new InflateWholeJob(env, args[3].As<v8::Function>(), static_cast<int>(mode),
                                  std::move(store), in, length, static_cast<size_t>(limit));
  int err = job->Queue();
  if (err != 0) {
    delete job;
    return ThrowError(isolate, "could not queue zlib work");
  }
  args.GetReturnValue().Set(true);
}

}  // namespace

NODUS_DEFINE_WRAPPER_TYPE(ZlibContext, BaseObject);

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<FunctionTemplate> tmpl = BaseObject::MakeTemplate(isolate, ZlibContext::New, "Zlib");
  SetProtoMethod(isolate, tmpl, "init", ZlibContext::Init);
  SetProtoMethod(isolate, tmpl, "write", ZlibContext::Write);
  SetProtoMethod(isolate, tmpl, "reset", ZlibContext::Reset);
  SetProtoMethod(isolate, tmpl, "close", ZlibContext::Close);
  target->CreateDataProperty(context, OneByteString(isolate, "Zlib"),
                             tmpl->GetFunction(context).ToLocalChecked())
      .Check();
  SetMethod(context, target, "inflateWhole", InflateWhole);

  SetConstant(context, target, "NONE", kNone);
  SetConstant(context, target, "DEFLATE", kDeflate);
  SetConstant(context, target, "INFLATE", kInflate);
  SetConstant(context, target, "GZIP", kGzip);
  SetConstant(context, target, "GUNZIP", kGunzip);
  SetConstant(context, target, "DEFLATERAW", kDeflateRaw);
  SetConstant(context, target, "INFLATERAW", kInflateRaw);
  SetConstant(context, target, "UNZIP", kUnzip);
#define C(name) SetConstant(context, target, #name, name);
  C(Z_NO_FLUSH) C(Z_PARTIAL_FLUSH) C(Z_SYNC_FLUSH) C(Z_FULL_FLUSH) C(Z_FINISH) C(Z_BLOCK)
  C(Z_TREES)
  C(Z_OK) C(Z_STREAM_END) C(Z_NEED_DICT) C(Z_ERRNO) C(Z_STREAM_ERROR) C(Z_DATA_ERROR)
  C(Z_MEM_ERROR) C(Z_BUF_ERROR) C(Z_VERSION_ERROR)
  C(Z_NO_COMPRESSION) C(Z_BEST_SPEED) C(Z_BEST_COMPRESSION) C(Z_DEFAULT_COMPRESSION)
  C(Z_FILTERED) C(Z_HUFFMAN_ONLY) C(Z_RLE) C(Z_FIXED) C(Z_DEFAULT_STRATEGY)
  C(Z_BINARY) C(Z_TEXT) C(Z_ASCII) C(Z_UNKNOWN) C(Z_DEFLATED) C(Z_NULL) C(ZLIB_VERNUM)
#undef C
  target
      ->CreateDataProperty(context, OneByteString(isolate, "ZLIB_VERSION"),
                           OneByteString(isolate, zlibVersion()))
      .Check();
}

}  // namespace zlib
}  // namespace binding
}  // namespace nodus
