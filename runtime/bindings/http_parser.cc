// process.binding('http_parser'): HTTP/1.x parsing by Debian's http-parser, for stdlib/lib/http.js.
//
//   new HTTPParser(type)            type is HTTPParser.REQUEST or HTTPParser.RESPONSE
//   reinitialize(type)              reuse the parser for a new connection
//   execute(data, offset, length)   -> bytes parsed, or an Error (code 'HPE_...', bytesParsed)
//   finish()                        -> undefined, or an Error if the message was incomplete
//
// and calls, during execute()/finish(), v0.6's callbacks:
//   parser.onHeadersComplete(info)  info: {headers, url, method, statusCode, versionMajor,
//                                   versionMinor, shouldKeepAlive, upgrade}; headers is
//                                   [name, value, ...] (raw case), url and method are set for
//                                   requests, statusCode for responses; returning true means
//                                   the message has no body (a response to HEAD)
//   parser.onBody(buffer, start, length)  buffer is what execute() was given (bytes it did not
//                                   hold, a paused parser's or a consumed read's, come in a
//                                   copy with start 0)
//   parser.onHeaders(trailers, '')  a chunked body's trailers, [name, value, ...], before
//   parser.onMessageComplete()
// Programs of the time used the binding directly with these (faye-websocket 0.4's client parses
// its handshake response so). In v0.6 a head of more than 32 headers came in pieces through
// onHeaders first; here every head comes whole in info.headers, which such code also took.
//
// fastCallbacks() switches a parser, for good, to the callbacks http.js uses, which build no
// object per message and go through the dispatcher (setDispatcher below):
//   parser.onHeadersComplete(headers, method, url, statusCode, versionMajor, versionMinor,
//                            shouldKeepAlive, upgrade)
//   parser.onBody(chunk)            a Uint8Array of body bytes: a piece of 4 KiB or more of the
//                                   Buffer execute() was given is a view of that Buffer's memory
//                                   (as v0.6's slices were); other pieces are copies
//   parser.onMessageComplete(trailers)  trailers: [name, value, ...] or undefined
//
// consume(handle) lets the parser read a server socket's bytes natively: no Buffer and no
// 'data' event per read. Parse failures then arrive as parser.onError(err) and the bytes after
// an upgrade head as parser.onUpgrade(rest). unconsume() hands the bytes back to JS.
//
// detach() is what JS calls when it is done with a parser (http.js freeParser): it unconsumes,
// and if a parse is running (detach() was called from one of the callbacks) that parse stops
// right after the callback returns, so nothing of the rest of that read reaches JS; execute()
// then returns the bytes parsed so far. Returns true if a parse was running. Until
// reinitialize(), execute() and finish() on a detached parser parse nothing (HPE_PAUSED errors).
// A parser is never re-entered: execute(), finish(), reinitialize() and resume() from inside
// one of its own callbacks throw.
//
// pause() holds the parser back (http.js does so when a client pipelines more than the server
// will queue): a running parse stops after the callback that called it, and the bytes it did not
// reach, and any that arrive (consumed reads, execute()) until resume(), are kept in order;
// execute() reports them all as taken. resume() parses what was kept, as a consumed read is
// (parse failures to onError, an upgrade's rest to onUpgrade), and may be paused again by it.
//
// The whole head arrives in one call with a flat header list, so a request costs one trip into
// JS for its head, and one in all when it has no body (http.js's dispatcher ends such a message
// in the call for its head: see setDispatcher). Header blocks are capped at http-parser's 80 KB
// (HPE_HEADER_OVERFLOW), and at setMaxHeaderPairs(n) name/value pairs per head (and per trailer
// block): the pairs after the n-th are dropped, as today's Node does (default 2000; 0 for no
// limit). Header names are internalized strings, the recent ones kept (NameCache).
//
// Folded (obs-fold) header values lose the leading whitespace of each continuation line and are
// joined directly, as v0.6.3's parser did ("a\r\n  b" is "ab"); a value split across reads is
// joined as it came.
//
// lowercaseNames() makes the parser hand header (and trailer) names over in lower case, for good
// (reinitialize() keeps it): http.js lowercases them anyway, and an internalized name that is
// lower case already goes through toLowerCase() unchanged and stays internalized, which a
// property key wants to be.
//
// headersExpired(ms) -> true when the parser has been waiting more than ms for the end of a
// head: since reinitialize() (a new connection) or the first byte of a message, until its head
// is complete. http.js's server times out such connections (server.headersTimeout).
#include <http_parser.h>

#include <string>
#include <vector>

#include "runtime/bindings/bindings.h"
#include "runtime/core/args.h"
#include "runtime/core/array_buffer_allocator.h"
#include "runtime/core/base_object.h"
#include "runtime/core/callback_scope.h"
#include "runtime/core/stream_wrap.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace http_parser {

using v8::Array;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::TryCatch;
using v8::Value;

namespace {

// A parse failure as a value: Error('Parse Error') with code 'HPE_...', reason, bytesParsed.
Local<Value> ParseError(Isolate* isolate, http_errno err, size_t parsed) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> error = v8::Exception::Error(OneByteString(isolate, "Parse Error")).As<Object>();
  // Own data properties, defined rather than Set: a setter JS put on Error.prototype or
  // Object.prototype is not called (and so cannot throw or abort here).
  std::string code = http_errno_name(err);  // Already "HPE_...".
  // (On a fresh, extensible Error defining cannot fail.)
  error->CreateDataProperty(context, OneByteString(isolate, "bytesParsed"),
                            v8::Number::New(isolate, static_cast<double>(parsed)))
      .FromMaybe(false);
  error->CreateDataProperty(context, OneByteString(isolate, "code"),
                            OneByteString(isolate, code.c_str()))
      .FromMaybe(false);
  error->CreateDataProperty(context, OneByteString(isolate, "reason"),
                            OneByteString(isolate, http_errno_description(err)))
      .FromMaybe(false);
  return error;
}

// Header names the parsers handed to JS lately, as internalized strings: the same few recur on
// every request of every connection, and a name found here costs a hash and a compare of a few
// bytes instead of a string table lookup (hashing it in V8's way, probing, comparing) per name.
// A small direct-mapped table; a name that collides replaces the one before. One per
// Environment (every parser of it points to it), freed by the Environment's cleanup hook.
class NameCache {
 public:
  Local<String> Get(Isolate* isolate, const std::string& name) {
    if (name.empty() || name.size() > kMaxLength) return Make(isolate, name);
    uint32_t hash = 2166136261u;  // FNV-1a
    for (char c : name) hash = (hash ^ static_cast<uint8_t>(c)) * 16777619u;
    Slot& slot = slots_[hash % kSlots];
    if (slot.name == name && !slot.string.IsEmpty()) return slot.string.Get(isolate);
    Local<String> string = Make(isolate, name);
    slot.name = name;
    slot.string.Reset(isolate, string);
    return string;
  }

  static void Free(void* cache) { delete static_cast<NameCache*>(cache); }

 private:
  static constexpr size_t kSlots = 64;
  static constexpr size_t kMaxLength = 40;  // longer names are rare enough to make each time

  // Header bytes are Latin-1 on the wire, as v0.6 decoded them ('binary').
  static Local<String> Make(Isolate* isolate, const std::string& name) {
    return String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(name.data()),
                                  v8::NewStringType::kInternalized, static_cast<int>(name.size()))
        .ToLocalChecked();
  }

  struct Slot {
    std::string name;
    v8::Global<String> string;
  };
  Slot slots_[kSlots];
};

// The parser object's native state; freed when the JS object is garbage collected.
class Parser : public BaseObject, public StreamListener {
 public:
  NODUS_WRAPPER_TYPE(Parser);
  Parser(Environment* env, Local<Object> object, enum http_parser_type type, NameCache* names)
      : BaseObject(env, object, &kWrapperType), names_(names) {
    MakeWeak();
    Init(type);
  }

  ~Parser() override { Unconsume(); }
  // The stream must not deliver reads to a parser whose object is gone.
  void OnCollected() override { Unconsume(); }

  // The parser is a read listener on the stream it consumes (runtime/core/stream_wrap.h): the
  // newest consumer of a stream takes its data reads, and hands EOF and errors on to JS. A
  // parser's unconsume() takes only itself out of the chain, and the stream tells every
  // listener when it is destroyed, so no parser keeps a stream that is gone.
  void Consume(StreamWrap* stream) {
    Unconsume();
    stream->PushListener(this);
  }

  void Unconsume() {
    if (stream() != nullptr) stream()->RemoveListener(this);
  }

  const void* kind() const override { return &kWrapperType; }

  void OnStreamRead(ssize_t nread, const uv_buf_t& buf) override {
    if (nread < 0) return PassOn(nread, buf);  // EOF and errors reach JS
    // The bytes count toward the socket's bytesRead and its idle timer (listenerReadAge).
    stream()->CountNativeRead(static_cast<size_t>(nread));
    stream()->NoteListenerRead();
    OnData(buf.base, static_cast<size_t>(nread));
  }

  // Bytes from a consumed stream, straight from libuv's read callback: this is the top of a
  // callback into JS, so the callbacks it makes run inside one CallbackScope (activity count,
  // uncaught exceptions, ticks), as MakeCallback's do.
  void OnData(const char* data, size_t length) {
    HandleScope scope(env()->isolate());
    // Keeps the JS object (and so this) alive while the callbacks run, whatever they drop.
    Local<Object> keep_alive = object();
    (void)keep_alive;
    if (executing_ || detached_) return;
    if (paused_) {
      // Held back by pause(): kept, in order, for resume().
      pending_.append(data, length);
      return;
    }
    CallbackScope callback_scope(env());
    Dispatch(callback_scope.try_catch(), data, length);
  }

  // Parses data as a consumed read: a parse failure goes to onError, the bytes after an upgrade
  // head to onUpgrade; the bytes after a pause() are kept for resume(). A callback's exception
  // is left in try_catch.
  void Dispatch(TryCatch& try_catch, const char* data, size_t length) {
    Isolate* isolate = env()->isolate();
    size_t parsed = RunParser(data, length);
    if (try_catch.HasCaught()) return;
    // Detached by JS during the parse: the rest of the read is not its business.
    if (detached_) return;
    if (paused_) {
      if (parsed < length) pending_.append(data + parsed, length - parsed);
      return;
    }
    http_errno err = Errno();
    Local<Value> result;
    if (err != HPE_OK || (!Upgrade() && parsed != length)) {
      Local<Value> argv[] = {ParseError(isolate, err == HPE_OK ? HPE_UNKNOWN : err, parsed)};
      CallJS("onError", 1, argv, &result);
    } else if (Upgrade()) {
      size_t rest = length - parsed;
      std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(isolate, rest);
      if (rest > 0) memcpy(store->Data(), data + parsed, rest);
      Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(store));
      Local<Value> argv[] = {v8::Uint8Array::New(buffer, 0, rest)};
      CallJS("onUpgrade", 1, argv, &result);
    }
  }

  // See pause() above.
  void Pause() {
    if (detached_) return;
    paused_ = true;
    http_errno err = Errno();
    if (executing_ && (err == HPE_OK || err == HPE_PAUSED)) ::http_parser_pause(&parser_, 1);
  }

  bool paused() const { return paused_; }
  void KeepPending(const char* data, size_t length) { pending_.append(data, length); }

  // See resume() above. Returns false if JS threw (the exception is left pending).
  bool Resume() {
    if (!paused_) return true;
    paused_ = false;
    if (Errno() == HPE_PAUSED) ::http_parser_pause(&parser_, 0);
    if (pending_.empty() || detached_) return true;
    std::string rest;
    rest.swap(pending_);
    TryCatch try_catch(env()->isolate());
    Dispatch(try_catch, rest.data(), rest.size());
    if (try_catch.HasCaught()) {
      try_catch.ReThrow();
      return false;
    }
    return true;
  }

  void Init(enum http_parser_type type) {
    ::http_parser_init(&parser_, type);
    parser_.data = this;
    detached_ = false;
    paused_ = false;
    message_ended_ = false;
    pending_.clear();
    max_header_pairs_ = kDefaultMaxHeaderPairs;
    ResetMessage();
    awaiting_head_ = true;
    head_started_at_ = uv_now(env()->loop());
  }

  void set_max_header_pairs(uint32_t n) { max_header_pairs_ = n; }
  void set_lowercase_names(bool lowercase) { lowercase_names_ = lowercase; }
  void set_fast_callbacks() { fast_callbacks_ = true; }

  // See headersExpired() above.
  bool HeadersExpired(double ms) const {
    if (!awaiting_head_ || detached_ || paused_) return false;
    uint64_t now = uv_now(env()->loop());
    return now >= head_started_at_ && static_cast<double>(now - head_started_at_) >= ms;
  }

  // See detach() above. Returns whether a parse was running.
  bool Detach() {
    Unconsume();
    detached_ = true;
    paused_ = false;
    pending_.clear();
    http_errno err = Errno();
    // http_parser_pause() accepts only these states; any other error stops the parse anyway.
    if (err == HPE_OK || err == HPE_PAUSED) ::http_parser_pause(&parser_, 1);
    return executing_;
  }

  bool executing() const { return executing_; }
  bool detached() const { return detached_; }

  // Returns bytes parsed; sets *failed when JS threw (the exception is left pending).
  // `source` (may be empty) is the ArrayBuffer that holds data: body pieces become views of it.
  // `view` is the object execute() was given, holding [view_start, view_end) (v0.6's onBody).
  size_t Execute(const char* data, size_t length, bool* failed,
                 Local<v8::ArrayBuffer> source = Local<v8::ArrayBuffer>(),
                 Local<Value> view = Local<Value>(), const char* view_start = nullptr,
                 const char* view_end = nullptr) {
    TryCatch try_catch(env()->isolate());
    source_ = source;
    source_base_ = source.IsEmpty() ? nullptr : static_cast<const char*>(source->Data());
    source_view_ = view;
    source_view_start_ = view_start;
    source_view_end_ = view_end;
    size_t parsed = RunParser(data, length);
    source_ = Local<v8::ArrayBuffer>();
    source_base_ = nullptr;
    source_view_ = Local<Value>();
    source_view_start_ = source_view_end_ = nullptr;
    if (try_catch.HasCaught()) {
      *failed = true;
      try_catch.ReThrow();
    }
    return parsed;
  }

  http_errno Errno() const { return HTTP_PARSER_ERRNO(&parser_); }
  bool Upgrade() const { return parser_.upgrade != 0; }

 private:
  size_t RunParser(const char* data, size_t length) {
    executing_ = true;
    data_end_ = data + length;
    size_t parsed = http_parser_execute(&parser_, &kSettings, data, length);
    data_end_ = nullptr;
    executing_ = false;
    return parsed;
  }

  void ResetMessage() {
    fields_.clear();
    url_.clear();
    ResetFields();
    headers_done_ = false;
  }

  void ResetFields() {
    fields_.clear();
    field_state_ = kNoField;
    dropping_ = false;
    value_line_ended_ = false;
    stripping_fold_ = false;
  }

  // Header names and values may arrive in pieces across execute() calls; they are appended.
  static int OnMessageBegin(::http_parser* p) {
    Parser* self = static_cast<Parser*>(p->data);
    self->ResetMessage();
    self->awaiting_head_ = true;
    self->head_started_at_ = uv_now(self->env()->loop());
    return 0;
  }
  static int OnUrl(::http_parser* p, const char* at, size_t length) {
    static_cast<Parser*>(p->data)->url_.append(at, length);
    return 0;
  }
  static int OnHeaderField(::http_parser* p, const char* at, size_t length) {
    Parser* self = static_cast<Parser*>(p->data);
    if (self->field_state_ != kInName) {
      // A new pair; past the limit it is dropped, name and value.
      self->field_state_ = kInName;
      self->value_line_ended_ = false;
      self->stripping_fold_ = false;
      self->dropping_ = self->max_header_pairs_ != 0 &&
                        self->fields_.size() / 2 >= self->max_header_pairs_;
      if (!self->dropping_) {
        self->fields_.emplace_back();
        self->fields_.emplace_back();
      }
    }
    if (self->dropping_) return 0;
    std::string& name = self->fields_[self->fields_.size() - 2];
    if (self->lowercase_names_) {
      // Grown once, then written in place (a push_back per character cost about 30
      // instructions a character).
      size_t start = name.size();
      name.resize(start + length);
      char* out = &name[start];
      for (size_t i = 0; i < length; i++) {
        char c = at[i];
        out[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
      }
    } else {
      name.append(at, length);
    }
    return 0;
  }
  static int OnHeaderValue(::http_parser* p, const char* at, size_t length) {
    Parser* self = static_cast<Parser*>(p->data);
    self->field_state_ = kInValue;
    // http-parser reports a value piece that ends its line when it reaches the CR (or LF); a
    // piece cut short by the end of the data is not the end of a line.
    bool line_ends = at + length < self->data_end_ && (at[length] == '\r' || at[length] == '\n');
    if (self->value_line_ended_) {
      // A piece after the end of a line of the same value: a folded continuation line.
      self->stripping_fold_ = true;
    }
    self->value_line_ended_ = line_ends;
    if (self->stripping_fold_) {
      // Its leading whitespace goes (possibly over several pieces, if a read split it).
      while (length > 0 && (*at == ' ' || *at == '\t')) {
        at++;
        length--;
      }
      if (length > 0 || line_ends) self->stripping_fold_ = false;
    }
    if (!self->dropping_ && length > 0) self->fields_.back().append(at, length);
    return 0;
  }

  Local<Array> TakeFields() {
    Isolate* isolate = env()->isolate();
    // Most heads have a handful of headers: their handles fit on the stack.
    Local<Value> small[32];
    std::vector<Local<Value>> large;
    Local<Value>* strings = small;
    if (fields_.size() > 32) {
      large.resize(fields_.size());
      strings = large.data();
    }
    for (size_t i = 0; i < fields_.size(); i++) {
      if (i % 2 == 0) {
        // Names are internalized (and cached): the same few recur on every request.
        strings[i] = names_->Get(isolate, fields_[i]);
        continue;
      }
      // Header bytes are Latin-1 on the wire, as v0.6 decoded them ('binary').
      strings[i] = String::NewFromOneByte(isolate,
                                          reinterpret_cast<const uint8_t*>(fields_[i].data()),
                                          v8::NewStringType::kNormal,
                                          static_cast<int>(fields_[i].size()))
                       .ToLocalChecked();
    }
    size_t count = fields_.size();
    ResetFields();
    return Array::New(isolate, strings, count);
  }

  // The callbacks http.js's dispatcher (setDispatcher) looks up and calls on its behalf.
  // kOnHeadersCompleteNoBody is onHeadersComplete for a request head that ends its message (no
  // body can follow: onMessageComplete is next, in the same parse); see setDispatcher.
  enum DispatchKind {
    kOnHeadersComplete = 0,
    kOnBody = 1,
    kOnMessageComplete = 2,
    kOnHeadersCompleteNoBody = 3
  };
  // What the dispatcher returns for kOnHeadersCompleteNoBody when it has ended the message
  // itself: the onMessageComplete call that follows is then not made. (The binding's
  // MESSAGE_ENDED, for http.js.)
 public:
  static constexpr int32_t kMessageEnded = 2;

 private:
  // Calls parser[name](args); returns false if it threw or is missing when required. The three
  // per-message callbacks go through the dispatcher http.js registers, when it has: it looks up
  // parser[name] as this does (an inline cache instead of a lookup from C++) and calls it.
  bool CallJS(const char* name, int argc, Local<Value>* argv, Local<Value>* result,
              int kind = -1) {
    Isolate* isolate = env()->isolate();
    Local<Object> object = this->object();
    if (kind >= 0) {
      Local<Function> dispatch =
          env()->binding_function(Environment::BindingFunction::kHttpParserDispatch);
      if (!dispatch.IsEmpty()) {
        Local<Value> dispatch_argv[9];
        if (argc > 8) return false;  // the callers pass at most 8
        dispatch_argv[0] = v8::Integer::New(isolate, kind);
        for (int i = 0; i < argc; i++) dispatch_argv[i + 1] = argv[i];
        return dispatch->Call(env()->context(), object, argc + 1, dispatch_argv).ToLocal(result);
      }
    }
    Local<Value> fn;
    if (!object->Get(env()->context(), env()->Key(name)).ToLocal(&fn)) return false;
    if (!fn->IsFunction()) {
      *result = v8::Undefined(isolate);
      return true;
    }
    return fn.As<Function>()->Call(env()->context(), object, argc, argv).ToLocal(result);
  }

  // v0.6's onHeadersComplete(info): the head as one object.
  int CallHeadWithInfo(::http_parser* p) {
    Environment* env = this->env();
    Isolate* isolate = env->isolate();
    Local<Context> context = env->context();
    Local<Object> info = Object::New(isolate);
    auto set = [&](const char* key, Local<Value> value) {
      return info->CreateDataProperty(context, env->Key(key), value).FromMaybe(false);
    };
    bool ok = set("headers", TakeFields());
    if (p->type == HTTP_REQUEST) {
      Local<String> url;
      if (!Utf8String(isolate, url_).ToLocal(&url)) return -1;
      ok = ok && set("url", url) &&
           set("method", env->Key(http_method_str(static_cast<http_method>(p->method))));
    } else {
      ok = ok && set("statusCode", v8::Integer::New(isolate, p->status_code));
    }
    url_.clear();
    ok = ok && set("versionMajor", v8::Integer::New(isolate, p->http_major)) &&
         set("versionMinor", v8::Integer::New(isolate, p->http_minor)) &&
         set("shouldKeepAlive", v8::Boolean::New(isolate, http_should_keep_alive(p) != 0)) &&
         set("upgrade", v8::Boolean::New(isolate, p->upgrade != 0));
    if (!ok) return -1;
    Local<Value> argv[] = {info};
    Local<Value> result;
    if (!CallJS("onHeadersComplete", 1, argv, &result)) return -1;
    // 1 tells http-parser the message has no body (for example a response to HEAD).
    return result->IsTrue() ? 1 : 0;
  }

  static int OnHeadersComplete(::http_parser* p) {
    Parser* self = static_cast<Parser*>(p->data);
    if (self->detached_) return 0;
    Environment* env = self->env();
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    self->headers_done_ = true;
    self->awaiting_head_ = false;
    if (!self->fast_callbacks_) return self->CallHeadWithInfo(p);
    Local<Value> argv[8] = {self->TakeFields(), v8::Undefined(isolate), v8::Undefined(isolate),
                            v8::Undefined(isolate), v8::Integer::New(isolate, p->http_major),
                            v8::Integer::New(isolate, p->http_minor),
                            v8::Boolean::New(isolate, http_should_keep_alive(p) != 0),
                            v8::Boolean::New(isolate, p->upgrade != 0)};
    if (p->type == HTTP_REQUEST) {
      Local<String> url;
      if (!Utf8String(isolate, self->url_).ToLocal(&url)) return -1;
      argv[1] = env->Key(http_method_str(static_cast<http_method>(p->method)));
      argv[2] = url;
    } else {
      argv[3] = v8::Integer::New(isolate, p->status_code);
    }
    self->url_.clear();
    // A request head after which http-parser ends the message at once (no chunked body, no
    // Content-Length above 0, no Transfer-Encoding, no upgrade; see s_headers_done in
    // http_parser.c): with a dispatcher, JS may end the message in the same call.
    bool ends_message = p->type == HTTP_REQUEST && !p->upgrade && !(p->flags & F_CHUNKED) &&
                        !p->uses_transfer_encoding &&
                        (p->content_length == 0 || p->content_length == ULLONG_MAX) &&
                        !env->binding_function(Environment::BindingFunction::kHttpParserDispatch)
                             .IsEmpty();
    Local<Value> result;
    if (!self->CallJS("onHeadersComplete", 8, argv, &result,
                      ends_message ? kOnHeadersCompleteNoBody : kOnHeadersComplete)) {
      return -1;
    }
    if (ends_message && result->IsInt32() && result.As<v8::Int32>()->Value() == kMessageEnded) {
      self->message_ended_ = true;
      return 0;
    }
    // 1 tells http-parser the message has no body (for example a response to HEAD).
    return result->IsTrue() ? 1 : 0;
  }

  static int OnBody(::http_parser* p, const char* at, size_t length) {
    Parser* self = static_cast<Parser*>(p->data);
    if (self->detached_) return 0;
    Isolate* isolate = self->env()->isolate();
    HandleScope scope(isolate);
    if (!self->fast_callbacks_ && !self->source_view_.IsEmpty() &&
        at >= self->source_view_start_ && at + length <= self->source_view_end_) {
      // v0.6's onBody(buffer, start, length), buffer being what execute() was given.
      Local<Value> argv[] = {
          self->source_view_,
          v8::Number::New(isolate, static_cast<double>(at - self->source_view_start_)),
          v8::Number::New(isolate, static_cast<double>(length))};
      Local<Value> result;
      return self->CallJS("onBody", 3, argv, &result) ? 0 : -1;
    }
    // A big piece of the Buffer that execute() was given is a view of it, as v0.6's slices
    // were (no copy into fresh memory). Every other piece is copied out: a paused parser's
    // pending bytes and a consumed read's are the parser's or the stream's own memory, which
    // is reused; a small piece would keep a whole read's memory alive for a few bytes.
    if (length >= kViewBodyAt && self->source_base_ != nullptr && at >= self->source_base_ &&
        at + length <= self->source_base_ + self->source_->ByteLength()) {
      Local<Value> argv[] = {
          v8::Uint8Array::New(self->source_, static_cast<size_t>(at - self->source_base_), length)};
      Local<Value> result;
      return self->CallJS("onBody", 1, argv, &result, kOnBody) ? 0 : -1;
    }
    // Copied into memory not zero-filled first, since the copy covers all of it.
    std::unique_ptr<v8::BackingStore> store;
    {
      ArrayBufferAllocator::NoZeroFillScope no_zero_fill;
      store = v8::ArrayBuffer::NewBackingStore(isolate, length);
    }
    memcpy(store->Data(), at, length);
    Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(store));
    Local<Value> result;
    if (!self->fast_callbacks_) {
      Local<Value> argv[] = {v8::Uint8Array::New(buffer, 0, length), v8::Integer::New(isolate, 0),
                             v8::Number::New(isolate, static_cast<double>(length))};
      return self->CallJS("onBody", 3, argv, &result) ? 0 : -1;
    }
    Local<Value> argv[] = {v8::Uint8Array::New(buffer, 0, length)};
    return self->CallJS("onBody", 1, argv, &result, kOnBody) ? 0 : -1;
  }

  static int OnMessageComplete(::http_parser* p) {
    Parser* self = static_cast<Parser*>(p->data);
    if (self->message_ended_) {
      // JS ended this message with its head (kOnHeadersCompleteNoBody).
      self->message_ended_ = false;
      return 0;
    }
    if (self->detached_) return 0;
    Isolate* isolate = self->env()->isolate();
    HandleScope scope(isolate);
    if (!self->fast_callbacks_) {
      // v0.6: a chunked body's trailers through onHeaders, then onMessageComplete().
      Local<Value> result;
      if (!self->fields_.empty()) {
        Local<Value> argv[] = {self->TakeFields(), v8::String::Empty(isolate)};
        if (!self->CallJS("onHeaders", 2, argv, &result)) return -1;
        if (self->detached_) return 0;
      }
      return self->CallJS("onMessageComplete", 0, nullptr, &result) ? 0 : -1;
    }
    Local<Value> argv[] = {v8::Undefined(isolate)};
    if (!self->fields_.empty()) argv[0] = self->TakeFields();  // Trailers of a chunked body.
    Local<Value> result;
    return self->CallJS("onMessageComplete", 1, argv, &result, kOnMessageComplete) ? 0 : -1;
  }

  static const http_parser_settings kSettings;

  NameCache* names_;  // the Environment's
  ::http_parser parser_;
  static constexpr uint32_t kDefaultMaxHeaderPairs = 2000;
  enum FieldState { kNoField, kInName, kInValue };

  std::vector<std::string> fields_;  // name, value, name, value...
  std::string url_;
  FieldState field_state_ = kNoField;
  bool dropping_ = false;          // the current pair is past max_header_pairs_
  bool value_line_ended_ = false;  // the last value piece ended its line
  bool stripping_fold_ = false;    // dropping a continuation line's leading whitespace
  uint32_t max_header_pairs_ = kDefaultMaxHeaderPairs;
  bool lowercase_names_ = false;  // see lowercaseNames()
  bool fast_callbacks_ = false;   // see fastCallbacks()
  const char* data_end_ = nullptr;  // end of the data being parsed
  bool awaiting_head_ = true;       // see headersExpired()
  uint64_t head_started_at_ = 0;
  bool headers_done_ = false;
  bool executing_ = false;  // inside http_parser_execute (a callback may be running JS)
  bool detached_ = false;   // detach() was called; cleared by reinitialize()
  bool paused_ = false;     // pause() was called; cleared by resume()
  bool message_ended_ = false;  // JS ended the message with its head: skip onMessageComplete
  std::string pending_;     // bytes that arrived (or were left unparsed) while paused
  // During execute(): the ArrayBuffer of its data and where that memory starts (else null).
  Local<v8::ArrayBuffer> source_;
  const char* source_base_ = nullptr;
  // During execute(): the object it was given and the bytes it holds (v0.6's onBody).
  Local<Value> source_view_;
  const char* source_view_start_ = nullptr;
  const char* source_view_end_ = nullptr;
  // Body pieces of execute()'s Buffer at least this long are views of it (see OnBody).
  static constexpr size_t kViewBodyAt = 4096;
};

NODUS_DEFINE_WRAPPER_TYPE(Parser, BaseObject);

const http_parser_settings Parser::kSettings = {
    Parser::OnMessageBegin, Parser::OnUrl,  nullptr,
    Parser::OnHeaderField,  Parser::OnHeaderValue, Parser::OnHeadersComplete,
    Parser::OnBody,         Parser::OnMessageComplete, nullptr, nullptr};

// HTTPParser.REQUEST (0) or HTTPParser.RESPONSE (1).
static_assert(HTTP_REQUEST == 0 && HTTP_RESPONSE == 1, "the type's range is [REQUEST, RESPONSE]");
bool GetType(const FunctionCallbackInfo<Value>& args, enum http_parser_type* type) {
  int32_t value;
  if (!GetInt32Arg(args, 0, "type", &value, HTTP_REQUEST, HTTP_RESPONSE)) return false;
  *type = static_cast<enum http_parser_type>(value);
  return true;
}

// The Parser behind `this`, or nullptr with a TypeError thrown.
Parser* ThisParser(const FunctionCallbackInfo<Value>& args) {
  return UnwrapThis<Parser>(args, "not an HTTPParser");
}

void New(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!BaseObject::BeginConstruct(args, "HTTPParser")) return;
  enum http_parser_type type;
  if (!GetType(args, &type)) return;
  auto* names = static_cast<NameCache*>(args.Data().As<v8::External>()->Value());
  new Parser(env, args.This(), type, names);
}

void Reinitialize(const FunctionCallbackInfo<Value>& args) {
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  enum http_parser_type type;
  if (!GetType(args, &type)) return;
  if (parser->executing()) {
    return ThrowError(args.GetIsolate(), "reinitialize() called while the parser is parsing");
  }
  parser->Init(type);
}

void Pause(const FunctionCallbackInfo<Value>& args) {
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  parser->Pause();
}

void Resume(const FunctionCallbackInfo<Value>& args) {
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  if (parser->executing()) {
    return ThrowError(args.GetIsolate(), "resume() called while the parser is parsing");
  }
  parser->Resume();
}

void SetMaxHeaderPairs(const FunctionCallbackInfo<Value>& args) {
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  // http.js hands server.maxHeadersCount on as the user set it: any number >= 0, fractions and
  // Infinity included. 2^32 - 1 pairs or more is no limit, which the parser counts as 0.
  constexpr size_t kNoLimit = UINT32_MAX;
  size_t n;
  if (!GetCountArg(args, 0, "maxHeaderPairs", &n, kNoLimit)) return;
  parser->set_max_header_pairs(n == kNoLimit ? 0 : static_cast<uint32_t>(n));
}

void LowercaseNames(const FunctionCallbackInfo<Value>& args) {
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  parser->set_lowercase_names(true);
}

void FastCallbacks(const FunctionCallbackInfo<Value>& args) {
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  parser->set_fast_callbacks();
}

void HeadersExpired(const FunctionCallbackInfo<Value>& args) {
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  // server.headersTimeout as set (> 0, fractions and Infinity included): whole milliseconds,
  // as the loop's clock counts them; Infinity is 2^53 - 1 ms, which never passes.
  size_t ms;
  if (!GetCountArg(args, 0, "ms", &ms)) return;
  args.GetReturnValue().Set(parser->HeadersExpired(static_cast<double>(ms)));
}

void Detach(const FunctionCallbackInfo<Value>& args) {
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  args.GetReturnValue().Set(parser->Detach());
}


void Execute(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  ByteSpan bytes;
  size_t offset, length;
  if (!GetBytesArg(args, 0, "data", &bytes) ||
      !GetOptionalSizeArg(args, 1, "offset", 0, &offset, bytes.length) ||
      !GetOptionalSizeArg(args, 2, "length", bytes.length - offset, &length,
                          bytes.length - offset)) {
    return;
  }
  if (parser->executing()) {
    return ThrowError(isolate, "execute() called while the parser is parsing");
  }
  // (With length 0 the pointer is never read: http-parser is told there are no bytes.)
  const char* data = bytes.data == nullptr ? nullptr
                                           : reinterpret_cast<const char*>(bytes.data) + offset;
  if (parser->paused()) {
    // Held back by pause(): kept for resume(), and all taken as far as the caller goes.
    parser->KeepPending(data, length);
    return args.GetReturnValue().Set(static_cast<double>(length));
  }
  bool was_detached = parser->detached();
  bool failed = false;
  Local<v8::ArrayBuffer> source;
  if (length > 0) source = args[0].As<v8::ArrayBufferView>()->Buffer();
  const char* view_start = reinterpret_cast<const char*>(bytes.data);
  size_t parsed = parser->Execute(data, length, &failed, source, args[0], view_start,
                                  view_start == nullptr ? nullptr : view_start + bytes.length);
  if (failed) return;  // A callback threw; its exception propagates.
  if (!was_detached && parser->detached()) {
    // Detached by a callback: the bytes parsed up to there (the caller drops the rest).
    return args.GetReturnValue().Set(static_cast<double>(parsed));
  }
  if (parser->paused()) {
    // Paused by a callback: the rest waits for resume().
    if (parsed < length) {
      parser->KeepPending(data + parsed, length - parsed);
    }
    return args.GetReturnValue().Set(static_cast<double>(length));
  }
  http_errno err = parser->Errno();
  if (err != HPE_OK || (!parser->Upgrade() && parsed != length)) {
    return args.GetReturnValue().Set(ParseError(isolate, err == HPE_OK ? HPE_UNKNOWN : err, parsed));
  }
  args.GetReturnValue().Set(static_cast<double>(parsed));
}

void Consume(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  StreamWrap* stream = HandleWrap::FromValue<StreamWrap>(args[0]);
  if (stream == nullptr) return ThrowTypeError(isolate, "consume() needs an open stream handle");
  parser->Consume(stream);
}

void Unconsume(const FunctionCallbackInfo<Value>& args) {
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  parser->Unconsume();
}

void Finish(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Parser* parser = ThisParser(args);
  if (parser == nullptr) return;
  if (parser->executing()) {
    return ThrowError(isolate, "finish() called while the parser is parsing");
  }
  if (parser->paused()) return;  // the end is parsed after what pause() held back, by resume()
  bool failed = false;
  parser->Execute(nullptr, 0, &failed);
  if (failed) return;
  http_errno err = parser->Errno();
  if (err != HPE_OK) args.GetReturnValue().Set(ParseError(isolate, err, 0));
}

// setDispatcher(fn): for a parser with fastCallbacks(), fn(kind, ...args) is called with the
// parser as `this` instead of the parser's onHeadersComplete (kind 0), onBody (1) and
// onMessageComplete (2); it calls them. Kind 3 is onHeadersComplete for a request head that
// ends its message (onMessageComplete(undefined) follows in the same parse, with nothing in
// between): fn may run both at once and return MESSAGE_ENDED (2), and the parser then makes no
// onMessageComplete call for that message. Any other result is onHeadersComplete's own, and
// onMessageComplete follows as usual. A parser with v0.6's callbacks never goes through fn.
void SetDispatcher(const FunctionCallbackInfo<Value>& args) {
  Local<Function> fn;
  if (!GetFunctionArg(args, 0, "dispatcher", &fn)) return;
  Environment::GetCurrent(args)->set_binding_function(Environment::BindingFunction::kHttpParserDispatch, fn);
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  NameCache* names = new NameCache();
  env->AddCleanupHook(NameCache::Free, names);
  Local<FunctionTemplate> tmpl =
      FunctionTemplate::New(isolate, New, v8::External::New(isolate, names));
  tmpl->SetClassName(OneByteString(isolate, "HTTPParser"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  SetProtoMethod(isolate, tmpl, "execute", Execute);
  SetProtoMethod(isolate, tmpl, "finish", Finish);
  SetProtoMethod(isolate, tmpl, "reinitialize", Reinitialize);
  SetProtoMethod(isolate, tmpl, "consume", Consume);
  SetProtoMethod(isolate, tmpl, "unconsume", Unconsume);
  SetProtoMethod(isolate, tmpl, "detach", Detach);
  SetProtoMethod(isolate, tmpl, "pause", Pause);
  SetProtoMethod(isolate, tmpl, "resume", Resume);
  SetProtoMethod(isolate, tmpl, "setMaxHeaderPairs", SetMaxHeaderPairs);
  SetProtoMethod(isolate, tmpl, "headersExpired", HeadersExpired);
  SetProtoMethod(isolate, tmpl, "lowercaseNames", LowercaseNames);
  SetProtoMethod(isolate, tmpl, "fastCallbacks", FastCallbacks);
  Local<Function> constructor = tmpl->GetFunction(context).ToLocalChecked();
  SetConstant(context, constructor, "REQUEST", HTTP_REQUEST);
  SetConstant(context, constructor, "RESPONSE", HTTP_RESPONSE);
  target->CreateDataProperty(context, OneByteString(isolate, "HTTPParser"), constructor)
      .FromMaybe(false);
  SetConstant(context, target, "MESSAGE_ENDED", Parser::kMessageEnded);
  target->CreateDataProperty(context, OneByteString(isolate, "setDispatcher"),
                             v8::FunctionTemplate::New(isolate, SetDispatcher)
                                 ->GetFunction(context).ToLocalChecked())
      .FromMaybe(false);
}

}  // namespace http_parser
}  // namespace binding
}  // namespace nodus
