#include "runtime/core/stream_wrap.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "runtime/core/args.h"
#include "runtime/core/check.h"
#include "runtime/core/encoding/encoding.h"
#include "runtime/core/req_wrap.h"
#include "runtime/core/stream_buf.h"
#include "runtime/core/stream_pipe.h"
#include "runtime/core/util.h"

namespace nodus {

using v8::Array;
using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

enum { kUtf8, kAscii, kLatin1, kUcs2 };

// One pending write from JS: the JS request object, the bytes of any string data (its storage)
// and the backing stores of the Buffers written, held natively until libuv is done with them,
// whatever JS does meanwhile with the Buffers or the request object. A native write (a pipe's
// reads, WriteNative) is the same request with no JS object and a copy of the bytes as storage.
using WriteReq = ReqWrap<uv_write_t>;
using ShutdownReq = ReqWrap<uv_shutdown_t>;

void SetWriteInfo(Environment* env, size_t bytes, bool async) {
  env->stream_write_info()[0] = static_cast<double>(bytes);
  env->stream_write_info()[1] = async ? 1 : 0;
}

// The streams of one Environment whose held last write the kernel still holds
// (StreamWrap::HoldNextWrite). Nearly always the stream closes in the same turn and leaves the
// list at once; those still here after the loop's next poll are released then.
class HeldWrites final : public Environment::AfterPollTask {
 public:
  explicit HeldWrites(Environment* env) : env_(env) {}

  static HeldWrites* Of(Environment* env) {
    std::unique_ptr<Environment::AfterPollTask>& slot = env->held_writes();
    if (!slot) slot.reset(new HeldWrites(env));
    return static_cast<HeldWrites*>(slot.get());
  }

  void Add(StreamWrap* stream) {
    streams_.push_back(stream);
    env_->ScheduleAfterPoll(this);
  }

  void Remove(StreamWrap* stream) {
    auto it = std::find(streams_.begin(), streams_.end(), stream);
    if (it == streams_.end()) return;
    streams_.erase(it);
    if (streams_.empty()) env_->CancelAfterPoll(this);
  }

  void RunAfterPoll() override {
    std::vector<StreamWrap*> streams;
    streams.swap(streams_);
    for (StreamWrap* stream : streams) stream->ReleaseHeldWrite(false);
  }

 private:
  Environment* env_;
  std::vector<StreamWrap*> streams_;
};

}  // namespace

// The bytes of a string write, gathered from one or more strings. Up to kStackBytes stay in the
// caller's frame: most writes are small and the kernel takes them at once, so nothing outlives
// the call and nothing is allocated. Longer ones grow into malloc'd memory. A write that has to
// wait takes the bytes on the heap (Release).
class StringBytes {
 public:
  static constexpr size_t kStackBytes = 16 * 1024;

  StringBytes() = default;
  StringBytes(const StringBytes&) = delete;
  StringBytes& operator=(const StringBytes&) = delete;
  ~StringBytes() {
    if (data_ != stack_) std::free(data_);
  }

  char* data() const { return data_; }
  size_t size() const { return size_; }
  bool on_heap() const { return data_ != stack_; }

  // Room for `more` bytes after size(): where they go (valid until the next Reserve), or
  // nullptr if memory ran out.
  char* Reserve(size_t more) {
    size_t needed = size_ + more;
    if (needed < more) return nullptr;  // overflow
    if (needed > capacity_) {
      size_t capacity = capacity_ * 2 > needed ? capacity_ * 2 : needed;
      char* grown = static_cast<char*>(on_heap() ? std::realloc(data_, capacity)
                                                 : std::malloc(capacity));
      if (grown == nullptr) return nullptr;
      if (!on_heap()) std::memcpy(grown, stack_, size_);
      data_ = grown;
      capacity_ = capacity;
    }
    return data_ + size_;
  }
  void Commit(size_t bytes) { size_ += bytes; }

  // Hands the bytes over as one malloc'd block (the caller frees it), or nullptr if memory ran
  // out; this object is empty afterwards.
  char* Release() {
    char* data = data_;
    if (!on_heap()) {
      data = static_cast<char*>(std::malloc(size_ > 0 ? size_ : 1));
      if (data == nullptr) return nullptr;
      std::memcpy(data, stack_, size_);
    }
    data_ = stack_;
    size_ = 0;
    capacity_ = kStackBytes;
    return data;
  }

 private:
  char* data_ = stack_;
  size_t size_ = 0;
  size_t capacity_ = kStackBytes;
  char stack_[kStackBytes];
};

namespace {

// Appends a one-byte string's characters to `out`, one byte each (Latin-1); false if memory
// ran out.
bool AppendOneByte(Isolate* isolate, Local<String> string, StringBytes* out) {
  size_t length = static_cast<size_t>(string->Length());
  char* dest = out->Reserve(length);
  if (dest == nullptr) return false;
  string->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(dest), 0, -1,
                       String::NO_NULL_TERMINATION);
  out->Commit(length);
  return true;
}

// Makes the Latin-1 bytes of `out` from offset `from` on UTF-8: ASCII stays as it is, each
// character from 0x80 up takes two bytes, widened in place from the end. One pass finds the
// first non-ASCII byte, so the text of several strings is checked at once. False if memory ran
// out.
bool Latin1TailToUtf8(StringBytes* out, size_t from) {
  size_t length = out->size() - from;
  const uint8_t* text = reinterpret_cast<const uint8_t*>(out->data() + from);
  size_t ascii = encoding::FirstNonAscii(text, length);
  if (ascii == length) return true;
  size_t extra = 0;
  for (size_t i = ascii; i < length; i++) extra += text[i] >> 7;
  if (out->Reserve(extra) == nullptr) return false;
  uint8_t* bytes = reinterpret_cast<uint8_t*>(out->data() + from);
  size_t j = length + extra;
  for (size_t i = length; i-- > ascii;) {
    uint8_t c = bytes[i];
    if (c < 0x80) {
      bytes[--j] = c;
    } else {
      bytes[--j] = static_cast<uint8_t>(0x80 | (c & 0x3f));
      bytes[--j] = static_cast<uint8_t>(0xc0 | (c >> 6));
    }
  }
  out->Commit(extra);
  return true;
}

// Appends strings' bytes in `encoding` to `out`, as if the strings were one; false if memory
// ran out.
bool AppendStrings(Isolate* isolate, const Local<String>* strings, size_t count, int encoding,
                   StringBytes* out) {
  switch (encoding) {
    case kUtf8: {
      // Latin-1 text (what HTTP heads and most JS strings are) is copied out of V8 as it is,
      // which for ASCII is already the UTF-8, instead of a pass to measure and another to
      // convert; a run of such strings is then checked for other characters in one pass.
      size_t run = out->size();  // where the Latin-1 bytes not yet made UTF-8 start
      for (size_t i = 0; i < count; i++) {
        Local<String> string = strings[i];
        if (string->IsOneByte()) {
          if (!AppendOneByte(isolate, string, out)) return false;
          continue;
        }
        if (!Latin1TailToUtf8(out, run)) return false;
        size_t bytes = string->Utf8Length(isolate);
        char* dest = out->Reserve(bytes);
        if (dest == nullptr) return false;
        string->WriteUtf8(isolate, dest, static_cast<int>(bytes), nullptr,
                          String::NO_NULL_TERMINATION | String::REPLACE_INVALID_UTF8);
        out->Commit(bytes);
        run = out->size();
      }
      return Latin1TailToUtf8(out, run);
    }
    case kUcs2:
      for (size_t i = 0; i < count; i++) {
        size_t length = static_cast<size_t>(strings[i]->Length());
        char* dest = out->Reserve(length * 2);
        if (dest == nullptr) return false;
        // Through a copy where the bytes are not aligned for uint16_t (after an odd-length
        // piece of another write in the same block: writev).
        if ((reinterpret_cast<uintptr_t>(dest) & 1) == 0) {
          strings[i]->Write(isolate, reinterpret_cast<uint16_t*>(dest), 0, -1,
                            String::NO_NULL_TERMINATION);
        } else {
          std::unique_ptr<uint16_t[]> units(new uint16_t[length > 0 ? length : 1]);
          strings[i]->Write(isolate, units.get(), 0, -1, String::NO_NULL_TERMINATION);
          std::memcpy(dest, units.get(), length * 2);
        }
        out->Commit(length * 2);
      }
      return true;
    default:  // ASCII and latin1 write the low byte of each character, as v0.6 did.
      for (size_t i = 0; i < count; i++) {
        size_t start = out->size();
        if (!AppendOneByte(isolate, strings[i], out)) return false;
        if (encoding == kAscii) {
          for (size_t j = start; j < out->size(); j++) out->data()[j] &= 0x7f;
        }
      }
      return true;
  }
}

}  // namespace

NODUS_DEFINE_WRAPPER_TYPE(StreamWrap, HandleWrap);

StreamWrap::StreamWrap(Environment* env, Local<Object> object, uv_stream_t* stream,
                       const WrapperType* type)
    : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(stream), type) {
  js_listener_.stream_ = this;
}

StreamWrap::~StreamWrap() {
  if (write_held_) HeldWrites::Of(env())->Remove(this);
  // Each listener and watcher is told once, and may delete itself as it is told.
  std::vector<StreamListener*> listeners;
  for (StreamListener* l = listener_; l != &js_listener_; l = l->previous_) listeners.push_back(l);
  listener_ = &js_listener_;
  for (StreamListener* listener : listeners) listener->StreamGone();
  EndWriteWatchers();
}

// ---- The listener chain -------------------------------------------------------------------------

namespace {
const char kJSListenerKind = 0;  // JSListener's kind(): this byte's address
}  // namespace

const void* StreamWrap::JSListener::kind() const { return &kJSListenerKind; }

void StreamWrap::JSListener::OnStreamRead(ssize_t nread, const uv_buf_t& buf) {
  stream()->EmitRead(nread, buf);
}

void StreamWrap::PushListener(StreamListener* listener) {
  CHECK(listener->stream_ == nullptr);
  listener->stream_ = this;
  listener->previous_ = listener_;
  listener_ = listener;
}

void StreamWrap::RemoveListener(StreamListener* listener) {
  for (StreamListener** link = &listener_; *link != &js_listener_; link = &(*link)->previous_) {
    if (*link == listener) {
      *link = listener->previous_;
      listener->previous_ = nullptr;
      listener->stream_ = nullptr;
      return;
    }
  }
}

StreamListener* StreamWrap::FindListener(const void* kind) const {
  for (StreamListener* l = listener_; l != &js_listener_; l = l->previous_) {
    if (l->kind() == kind) return l;
  }
  return nullptr;
}

bool StreamWrap::HasNativeListenerOtherThan(const StreamListener* except) const {
  for (StreamListener* l = listener_; l != &js_listener_; l = l->previous_) {
    if (l != except) return true;
  }
  return false;
}

bool StreamWrap::ReadsWanted() const {
  return js_reading_ && !uv_is_closing(handle()) && !ListenersHoldReads();
}

bool StreamWrap::ListenersHoldReads() const {
  for (StreamListener* l = listener_; l != &js_listener_; l = l->previous_) {
    if (l->HoldsReads()) return true;
  }
  return false;
}

void StreamWrap::BeforeWrite() {
  // Listeners called here call no JS, so the chain stays as it is while it is walked.
  for (StreamListener* l = listener_; l != &js_listener_; l = l->previous_) {
    l->OnStreamBeforeWrite();
  }
}

void StreamWrap::ResumeReading() {
  if (ReadsWanted()) {
    uv_read_start(stream(), OnAlloc, OnRead);
  }
}

bool StreamWrap::ReadNow() {
  // Wanted, and started: ResumeReading() or ReadStart() has called uv_read_start.
  if (!ReadsWanted() || stream()->read_cb != OnRead) return false;
  uv_os_fd_t fd;
  if (uv_fileno(handle(), &fd) != 0) return false;
  uv_buf_t buf;
  OnAlloc(handle(), Environment::kReadBufferSize, &buf);
  ssize_t nread;
  do {
    nread = ::read(fd, buf.base, buf.len);
  } while (nread < 0 && errno == EINTR);
  if (nread <= 0) return false;
  OnRead(stream(), nread, &buf);
  return true;
}

void StreamWrap::AddWriteWatcher(StreamWriteWatcher* watcher) {
  StreamWriteWatcher** link = &write_watchers_;
  while (*link != nullptr) link = &(*link)->next_watcher_;
  watcher->next_watcher_ = nullptr;
  *link = watcher;
}

void StreamWrap::RemoveWriteWatcher(StreamWriteWatcher* watcher) {
  for (StreamWriteWatcher** link = &write_watchers_; *link != nullptr;
       link = &(*link)->next_watcher_) {
    if (*link == watcher) {
      *link = watcher->next_watcher_;
      watcher->next_watcher_ = nullptr;
      return;
    }
  }
}

void StreamWrap::EndWriteWatchers() {
  StreamWriteWatcher* watcher = write_watchers_;
  write_watchers_ = nullptr;
  while (watcher != nullptr) {
    StreamWriteWatcher* next = watcher->next_watcher_;
    watcher->next_watcher_ = nullptr;
    watcher->OnWatchEnded();  // may delete it
    watcher = next;
  }
}

void StreamWrap::CallPipeCallback(const char* name, int status) {
  if (uv_is_closing(handle())) return;
  Environment* env = this->env();
  HandleScope scope(env->isolate());
  Local<Value> argv[] = {Integer::New(env->isolate(), status)};
  env->MakeCallback(object(), name, 1, argv);
}

// ---- Native writes ------------------------------------------------------------------------------

int StreamWrap::WriteNative(const char* data, size_t length, bool try_first, bool* queued) {
  *queued = false;
  size_t written = 0;
  if (try_first && stream()->write_queue_size == 0) {
    uv_buf_t buf = MakeUvBuf(const_cast<char*>(data), length);
    int n = uv_try_write(stream(), &buf, 1);
    if (n < 0 && n != UV_EAGAIN && n != UV_ENOSYS) return n;
    if (n > 0) written = static_cast<size_t>(n);
  }
  if (written == length) return 0;
  size_t rest = length - written;
  char* memory = static_cast<char*>(std::malloc(rest));
  if (memory == nullptr) return UV_ENOMEM;
  std::memcpy(memory, data + written, rest);
  // A native write waits with its copy of the bytes as its storage; no JS hears of it.
  std::unique_ptr<WriteReq> write(new WriteReq(env()));
  write->AdoptStorage(memory);
  uv_buf_t buf = MakeUvBuf(memory, rest);
  int err = WriteReq::Dispatch(write, uv_write, stream(), &buf, 1, OnNativeWrite);
  if (err != 0) return err;
  native_queued_ = true;
  *queued = true;
  HandleScope scope(env()->isolate());
  UpdateWriteQueueSize();
  return 0;
}

void StreamWrap::OnNativeWrite(uv_write_t* uv_req, int status) {
  StreamWrap* wrap = static_cast<StreamWrap*>(uv_req->handle->data);
  WriteReq::Complete(WriteReq::From(uv_req), 0, nullptr);  // frees the copy
  if (status == UV_ECANCELED || uv_is_closing(wrap->handle())) return;
  if (status < 0) return wrap->CallPipeCallback("onpipeerror", status);
  HandleScope scope(wrap->env()->isolate());
  wrap->UpdateWriteQueueSize();
  if (wrap->stream()->write_queue_size == 0) wrap->OnQueueDrained();
}

void StreamWrap::OnQueueDrained() {
  if (!native_queued_) return;
  native_queued_ = false;
  // The watchers restart their sources (which read only once control returns to the loop).
  std::vector<StreamWriteWatcher*> watchers;
  for (StreamWriteWatcher* w = write_watchers_; w != nullptr; w = w->next_watcher_) {
    watchers.push_back(w);
  }
  for (StreamWriteWatcher* watcher : watchers) watcher->OnStreamDrained();
  CallPipeCallback("onpipedrain", 0);
}

void StreamWrap::PipedReadBytes(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  args.GetReturnValue().Set(wrap->stats_ ? wrap->stats_->piped_read_bytes : 0);
}

void StreamWrap::PipedWrittenBytes(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  args.GetReturnValue().Set(wrap->stats_ ? wrap->stats_->piped_written_bytes : 0);
}

void StreamWrap::ListenerReadAge(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  if (!wrap->stats_ || wrap->stats_->listener_read_at < 0) return args.GetReturnValue().Set(-1);
  int64_t now = static_cast<int64_t>(uv_now(wrap->env()->loop()));
  int64_t read_at = wrap->stats_->listener_read_at;
  int64_t age = now > read_at ? now - read_at : 0;
  args.GetReturnValue().Set(static_cast<double>(age));
}

void StreamWrap::AddMethods(Isolate* isolate, Local<FunctionTemplate> tmpl) {
  HandleWrap::AddMethods(isolate, tmpl);
  SetProtoMethod(isolate, tmpl, "readStart", ReadStart);
  SetProtoMethod(isolate, tmpl, "readStop", ReadStop);
  SetProtoMethod(isolate, tmpl, "writeBuffer", WriteBuffer);
  SetProtoMethod(isolate, tmpl, "writeUtf8String", WriteString<kUtf8>);
  SetProtoMethod(isolate, tmpl, "writeAsciiString", WriteString<kAscii>);
  SetProtoMethod(isolate, tmpl, "writeLatin1String", WriteString<kLatin1>);
  SetProtoMethod(isolate, tmpl, "writeBinaryString", WriteString<kLatin1>);
  SetProtoMethod(isolate, tmpl, "writeUcs2String", WriteString<kUcs2>);
  SetProtoMethod(isolate, tmpl, "writev", Writev);
  SetProtoMethod(isolate, tmpl, "shutdown", Shutdown);
  SetProtoMethod(isolate, tmpl, "pipedReadBytes", PipedReadBytes);
  SetProtoMethod(isolate, tmpl, "pipedWrittenBytes", PipedWrittenBytes);
  SetProtoMethod(isolate, tmpl, "listenerReadAge", ListenerReadAge);
  StreamPipe::AddMethods(isolate, tmpl);
}

namespace {

// setCallbackDispatchers(onread, onconnection, [onfirstread]): from now on a stream's reads
// reach JS as onread.call(handle, nread, arrayBuffer), a server's connections as
// onconnection.call(serverHandle, status, clientHandle) and first reads announced (readStart(true))
// as onfirstread.call(handle, nread), in place of native code looking up handle.onread
// (handle.onconnection, handle.onfirstread) itself; each dispatcher looks the method up and
// calls it (net.js). Registered once per Environment: a later call changes nothing and returns
// false (a program's own code must not redirect every stream's reads).
void SetCallbackDispatchers(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Local<v8::Function> onread;
  Local<v8::Function> onconnection;
  Local<v8::Function> onfirstread;
  if (!GetFunctionArg(args, 0, "onread", &onread) ||
      !GetFunctionArg(args, 1, "onconnection", &onconnection)) {
    return;
  }
  if (!args[2]->IsUndefined() && !GetFunctionArg(args, 2, "onfirstread", &onfirstread)) return;
  if (!env->binding_function(Environment::BindingFunction::kStreamOnread).IsEmpty()) {
    return args.GetReturnValue().Set(false);
  }
  env->set_binding_function(Environment::BindingFunction::kStreamOnread, onread);
  env->set_binding_function(Environment::BindingFunction::kOnconnection, onconnection);
  if (!onfirstread.IsEmpty()) {
    env->set_binding_function(Environment::BindingFunction::kStreamOnfirstread, onfirstread);
  }
  args.GetReturnValue().Set(true);
}

}  // namespace

void StreamWrap::ExposeWriteInfo(Environment* env, Local<Object> target) {
  std::shared_ptr<v8::BackingStore> store = ArrayBuffer::NewBackingStore(
      env->stream_write_info(), sizeof(double) * 2, v8::BackingStore::EmptyDeleter, nullptr);
  Local<ArrayBuffer> buffer = ArrayBuffer::New(env->isolate(), store);
  // A data property of its own (not a Set, which a setter on Object.prototype would see).
  target
      ->CreateDataProperty(env->context(), env->Key("writeInfo"),
                           v8::Float64Array::New(buffer, 0, 2))
      .FromMaybe(false);
  Local<v8::Function> set_dispatchers;
  if (v8::Function::New(env->context(), SetCallbackDispatchers).ToLocal(&set_dispatchers)) {
    target->CreateDataProperty(env->context(), env->Key("setCallbackDispatchers"), set_dispatchers)
        .FromMaybe(false);
  }
}

void StreamWrap::UpdateWriteQueueSize() {
  Isolate* isolate = env()->isolate();
  // Defined, not Set: a setter or a read-only writeQueueSize that JS put on the handle or its
  // prototypes is neither called nor fatal (a frozen handle just keeps its old value).
  object()
      ->CreateDataProperty(env()->context(), env()->Key("writeQueueSize"),
                           v8::Number::New(isolate, static_cast<double>(stream()->write_queue_size)))
      .FromMaybe(false);
}

void StreamWrap::ReadStart(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  wrap->js_reading_ = true;
  if (args[0]->IsTrue()) wrap->announce_first_read_ = true;
  // Held back by a listener (a pipe whose destination is full, splice mode): reading starts
  // when it lets go.
  if (wrap->ListenersHoldReads()) return args.GetReturnValue().Set(0);
  args.GetReturnValue().Set(uv_read_start(wrap->stream(), OnAlloc, OnRead));
}

void StreamWrap::ReadStop(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  wrap->js_reading_ = false;
  wrap->BeforeWrite();
  args.GetReturnValue().Set(uv_read_stop(wrap->stream()));
}

// Reads at least this long keep the read buffer instead of being copied out of it (the buffer
// is shrunk to them, which realloc does in place).
constexpr size_t kTakeReadBufferAt = 16 * 1024;

void StreamWrap::OnAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
  Environment* env = static_cast<StreamWrap*>(handle->data)->env();
  *buf = uv_buf_init(env->read_buffer(), Environment::kReadBufferSize);
}

void StreamWrap::OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  if (nread == 0) return;  // EAGAIN: nothing to report.
  StreamWrap* wrap = static_cast<StreamWrap*>(stream->data);
  if (wrap->announce_first_read_) {
    wrap->announce_first_read_ = false;
    if (nread > 0) return wrap->AnnounceFirstRead(nread, *buf);
  }
  wrap->listener_->OnStreamRead(nread, *buf);
}

void StreamWrap::AnnounceFirstRead(ssize_t nread, const uv_buf_t& buf) {
  Environment* env = this->env();
  Isolate* isolate = env->isolate();
  {
    HandleScope scope(isolate);
    Local<Value> argv[1] = {Integer::New(isolate, static_cast<int32_t>(nread))};
    env->MakeCallback(object(), Environment::BindingFunction::kStreamOnfirstread, "onfirstread",
                      1, argv);
  }
  // Closed by JS meanwhile: the bytes have nowhere to go. (buf is still the Environment's read
  // buffer, untouched: only a read callback fills it, and none runs inside this one.)
  if (uv_is_closing(handle())) return;
  listener_->OnStreamRead(nread, buf);
}

void StreamWrap::EmitRead(ssize_t nread, const uv_buf_t& buf) {
  Environment* env = this->env();
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Value> argv[2] = {Integer::New(isolate, static_cast<int32_t>(nread)),
                          v8::Undefined(isolate)};
  if (nread > 0) {
    // Each read gets an ArrayBuffer of its own at its exact length (JS makes the Buffer view).
    // A big read takes the read buffer itself; a small one is copied out, so the 64 KiB buffer
    // is reused. Neither is zero-filled first: every byte exposed was just read.
    // (Views of one shared slab, as v0.6 used, kept dead slabs alive under V8 10.2.)
    size_t length = static_cast<size_t>(nread);
    char* data;
    if (length >= kTakeReadBufferAt && buf.base == env->read_buffer()) {
      data = env->TakeReadBuffer(length);
    } else {
      data = static_cast<char*>(std::malloc(length));
      if (data == nullptr) {
        isolate->LowMemoryNotification();
        data = static_cast<char*>(std::malloc(length));
      }
      if (data == nullptr) {
        argv[0] = Integer::New(isolate, UV_ENOMEM);
        env->MakeCallback(object(), Environment::BindingFunction::kStreamOnread, "onread", 1,
                          argv);
        return;
      }
      std::memcpy(data, buf.base, length);
    }
    std::unique_ptr<v8::BackingStore> store = ArrayBuffer::NewBackingStore(
        data, length, [](void* bytes, size_t, void*) { std::free(bytes); }, nullptr);
    argv[1] = ArrayBuffer::New(isolate, std::move(store));
  }
  env->MakeCallback(object(), Environment::BindingFunction::kStreamOnread, "onread", 2, argv);
}

void StreamWrap::DoWrite(const FunctionCallbackInfo<Value>& args, Local<Object> req,
                         uv_buf_t* bufs, size_t count, size_t total, StringBytes* strings,
                         const Local<Value>* sources, size_t source_count) {
  Environment* env = this->env();
  BeforeWrite();  // bytes a listener read and has not yet echoed go before this write
  bool hold = hold_next_write_;
  hold_next_write_ = false;
  // Most writes fit the socket buffer: try them synchronously, without a request.
  int written = 0;
  if (stream()->write_queue_size == 0) {
    written = hold ? TryWriteHeld(bufs, count) : uv_try_write(stream(), bufs,
                                                              static_cast<unsigned>(count));
    if (written < 0 && written != UV_EAGAIN && written != UV_ENOSYS) {
      return args.GetReturnValue().Set(written);
    }
    if (written < 0) written = 0;
  }
  if (static_cast<size_t>(written) == total) {
    if (hold && total > 0 && !write_held_) {
      write_held_ = true;
      HeldWrites::Of(env)->Add(this);
    }
    SetWriteInfo(env, total, false);
    return args.GetReturnValue().Set(0);
  }
  // Skip what went out already.
  size_t skip = static_cast<size_t>(written);
  size_t first = 0;
  while (skip > 0 && skip >= bufs[first].len) {
    skip -= bufs[first].len;
    first++;
  }
  bufs[first].base += skip;
  bufs[first].len -= skip;

  // The string bytes must outlive this call: onto the heap (where they may be already), and the
  // bufs that point into them (those not from an ArrayBufferView among `sources`) follow.
  char* storage = nullptr;
  if (strings != nullptr) {
    const char* old_base = strings->data();
    storage = strings->Release();
    if (storage == nullptr) return args.GetReturnValue().Set(UV_ENOMEM);
    for (size_t i = first; i < count; i++) {
      if (i < source_count && sources[i]->IsArrayBufferView()) continue;
      bufs[i].base = storage + (bufs[i].base - old_base);
    }
  }
  std::unique_ptr<WriteReq> write(new WriteReq(env, req));
  write->AdoptStorage(storage);
  for (size_t i = 0; i < source_count; i++) {
    if (sources[i]->IsArrayBufferView()) write->KeepAlive(sources[i].As<ArrayBufferView>());
  }
  int err = WriteReq::Dispatch(write, uv_write, stream(), bufs + first,
                               static_cast<unsigned>(count - first), OnWrite);
  if (err != 0) return args.GetReturnValue().Set(err);  // `write` frees what it held
  SetWriteInfo(env, total, true);
  UpdateWriteQueueSize();
  args.GetReturnValue().Set(0);
}

int StreamWrap::TryWriteHeld(const uv_buf_t* bufs, size_t count) {
  uv_os_fd_t fd;
  // As uv_try_write: nothing before a connect completes; at most IOV_MAX pieces at once.
  if (stream()->connect_req != nullptr || uv_fileno(handle(), &fd) != 0) {
    return uv_try_write(stream(), bufs, static_cast<unsigned>(count));
  }
  struct msghdr message;
  std::memset(&message, 0, sizeof(message));
  // libuv's uv_buf_t is laid out as struct iovec on Unix (it passes them to writev as such).
  message.msg_iov = reinterpret_cast<struct iovec*>(const_cast<uv_buf_t*>(bufs));
  message.msg_iovlen = std::min<size_t>(count, IOV_MAX);
  ssize_t n;
  do {
    n = sendmsg(fd, &message, MSG_MORE | MSG_NOSIGNAL | MSG_DONTWAIT);
  } while (n < 0 && errno == EINTR);
  if (n >= 0) return static_cast<int>(n);
  if (errno == ENOTSOCK) return uv_try_write(stream(), bufs, static_cast<unsigned>(count));
  return errno == EAGAIN || errno == EWOULDBLOCK ? UV_EAGAIN : -errno;
}

void StreamWrap::ReleaseHeldWrite(bool closing) {
  if (!write_held_) return;
  write_held_ = false;
  HeldWrites::Of(env())->Remove(this);
  uv_os_fd_t fd;
  if (uv_fileno(handle(), &fd) != 0) return;
  if (closing) {
    shutdown(fd, SHUT_WR);
    return;
  }
  // Uncorking pushes what the socket holds, whether or not it was corked.
  int off = 0;
  setsockopt(fd, IPPROTO_TCP, TCP_CORK, &off, sizeof(off));
}

void StreamWrap::OnWrite(uv_write_t* uv_req, int status) {
  std::unique_ptr<WriteReq> write = WriteReq::From(uv_req);
  Isolate* isolate = write->env()->isolate();
  HandleScope scope(isolate);
  StreamWrap* wrap = static_cast<StreamWrap*>(uv_req->handle->data);
  // The handle may be closing (its wrap is then gone from the JS object, but the uv handle and
  // wrap still exist until the close callback).
  wrap->UpdateWriteQueueSize();
  Local<Value> argv[] = {Integer::New(isolate, status), wrap->object(), write->object()};
  WriteReq::Complete(std::move(write), 3, argv);
  // The last write out may be this one, queued behind native writes.
  if (status == 0 && wrap->stream()->write_queue_size == 0 && !uv_is_closing(wrap->handle())) {
    wrap->OnQueueDrained();
  }
}

void StreamWrap::WriteBuffer(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  Local<Object> req;
  if (!GetObjectArg(args, 0, "req", &req)) return;
  if (!args[1]->IsArrayBufferView()) {
    return ThrowTypeError(args.GetIsolate(), "data must be a Buffer or Uint8Array");
  }
  Local<ArrayBufferView> view = args[1].As<ArrayBufferView>();
  char* data = static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset();
  size_t length = view->ByteLength();
  uv_buf_t buf = MakeUvBuf(data, length);
  Local<Value> source = view;
  wrap->DoWrite(args, req, &buf, 1, length, nullptr, &source, 1);
}

template <int kEncoding>
void StreamWrap::WriteString(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  Local<Object> req;
  if (!GetObjectArg(args, 0, "req", &req)) return;
  // writeXString(req, data[, more...]): the strings go out as one, as if joined first (an HTTP
  // response's head and body), without making the joined string.
  constexpr int kMaxStrings = 16;
  int count = args.Length();
  if (count < 2) return ThrowTypeError(isolate, "data must be a string");
  if (count > kMaxStrings + 1) return ThrowRangeError(isolate, "at most 16 strings per write");
  for (int i = 1; i < count; i++) {
    if (!args[i]->IsString()) return ThrowTypeError(isolate, "data must be a string");
  }
  Local<String> strings[kMaxStrings];
  for (int i = 1; i < count; i++) strings[i - 1] = args[i].As<String>();
  StringBytes bytes;
  if (!AppendStrings(isolate, strings, count - 1, kEncoding, &bytes)) {
    return args.GetReturnValue().Set(UV_ENOMEM);
  }
  uv_buf_t buf = MakeUvBuf(bytes.data(), bytes.size());
  wrap->DoWrite(args, req, &buf, 1, bytes.size(), &bytes, nullptr, 0);
}

void StreamWrap::Writev(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> req;
  if (!GetObjectArg(args, 0, "req", &req)) return;
  if (!args[1]->IsArray()) return ThrowTypeError(isolate, "chunks must be an array");
  Local<Array> chunks = args[1].As<Array>();
  uint32_t count = chunks->Length();
  if (count == 0 || count > 1024) return ThrowRangeError(isolate, "1 to 1024 chunks per writev");
  // Every chunk is checked before any is encoded (a getter on the array may run JS).
  std::vector<Local<Value>> items(count);
  for (uint32_t i = 0; i < count; i++) {
    if (!chunks->Get(context, i).ToLocal(&items[i])) return;
    if (!items[i]->IsString() && !items[i]->IsArrayBufferView()) {
      return ThrowTypeError(isolate, "each chunk must be a string or a Buffer");
    }
  }
  // All string bytes go into one block; a string's buf holds its offset in it until the block
  // has stopped growing.
  StringBytes strings;
  std::vector<uv_buf_t> bufs(count);
  size_t total = 0;
  for (uint32_t i = 0; i < count; i++) {
    if (items[i]->IsString()) {
      size_t offset = strings.size();
      Local<String> string = items[i].As<String>();
      if (!AppendStrings(isolate, &string, 1, kUtf8, &strings)) {
        return args.GetReturnValue().Set(UV_ENOMEM);
      }
      bufs[i] = MakeUvBuf(reinterpret_cast<char*>(offset), strings.size() - offset);
    } else {
      Local<ArrayBufferView> view = items[i].As<ArrayBufferView>();
      bufs[i] = MakeUvBuf(static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset(),
                          view->ByteLength());
    }
    total += bufs[i].len;
  }
  for (uint32_t i = 0; i < count; i++) {
    if (items[i]->IsString()) {
      bufs[i].base = strings.data() + reinterpret_cast<uintptr_t>(bufs[i].base);
    }
  }
  wrap->DoWrite(args, req, bufs.data(), count, total, &strings, items.data(), count);
}

void StreamWrap::Shutdown(const FunctionCallbackInfo<Value>& args) {
  StreamWrap* wrap = UnwrapMethod<StreamWrap>(args);
  if (wrap == nullptr) return;
  Local<Object> req;
  if (!GetObjectArg(args, 0, "req", &req)) return;
  wrap->BeforeWrite();  // FIN goes after the bytes a listener still holds (splice mode)
  std::unique_ptr<ShutdownReq> shutdown(new ShutdownReq(wrap->env(), req));
  args.GetReturnValue().Set(
      ShutdownReq::Dispatch(shutdown, uv_shutdown, wrap->stream(), OnShutdown));
}

void StreamWrap::OnShutdown(uv_shutdown_t* uv_req, int status) {
  std::unique_ptr<ShutdownReq> shutdown = ShutdownReq::From(uv_req);
  Isolate* isolate = shutdown->env()->isolate();
  HandleScope scope(isolate);
  StreamWrap* wrap = static_cast<StreamWrap*>(uv_req->handle->data);
  Local<Value> argv[] = {Integer::New(isolate, status), wrap->object(), shutdown->object()};
  ShutdownReq::Complete(std::move(shutdown), 3, argv);
}

// static
int StreamWrap::CheckStreamFd(uv_loop_t* loop, int fd, bool socket) {
  if (fd < 0) return UV_EBADF;
  struct stat st;
  if (fstat(fd, &st) != 0) return -errno;
  if (socket) {
    if (!S_ISSOCK(st.st_mode)) return UV_ENOTSOCK;
    int type = 0;
    socklen_t length = sizeof(type);
    if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0) return -errno;
    if (type != SOCK_STREAM) return UV_EINVAL;
  }
  int backend = uv_backend_fd(loop);
  if (backend < 0) return UV_EINVAL;
  if (fd == backend) return UV_EINVAL;
  struct epoll_event event;
  memset(&event, 0, sizeof(event));
  event.events = EPOLLIN;
  if (epoll_ctl(backend, EPOLL_CTL_ADD, fd, &event) != 0) return -errno;
  epoll_ctl(backend, EPOLL_CTL_DEL, fd, &event);
  return 0;
}

}  // namespace nodus
