// process.binding('tls_wrap'): one TLS connection (an OpenSSL SSL object) that never touches a
// socket. stdlib/lib/tls.js moves the bytes: what arrives from the network goes in with encIn(),
// what OpenSSL wants to send comes out of encOut(), and the application's data goes through
// clearIn()/clearOut(). Two BIOs of this file's own (BioQueue, below) sit between OpenSSL and
// those calls, so nothing here blocks or does I/O; each call does the work it can with the bytes
// at hand.
//
//   new Connection(secureContext, isServer, requestCert, rejectUnauthorized, [servername])
//       secureContext is the `context` of crypto.createCredentials(); servername (client only)
//       is sent with SNI
//   encIn(buffer, [owned])
//                        takes encrypted bytes from the peer; returns how many (all of them).
//                        With `owned` true the caller promises never to change the bytes, and
//                        a big piece is then kept by reference instead of copied
//   encOut()             the encrypted bytes waiting to be sent, as a Uint8Array (maybe empty)
//   encPending()         how many encrypted bytes are waiting
//   start()              advances the handshake; true once it is done; throws on failure
//   clearIn(buffer)      encrypts application data; returns the bytes taken (0 before the
//                        handshake is done); throws on failure
//   clearInv(pieces)     the same for a non-empty array of Buffers, written as one (so that
//                        small pieces share records with their neighbours)
//   clearOut()           the application data decrypted so far (maybe empty); throws on failure
//   isInitFinished()     whether the handshake is done
//   receivedShutdown()   whether the peer sent close_notify
//   shutdown()           queues our close_notify
//   verifyError()        null, or an Error whose message and code name why the peer's
//                        certificate is not trusted ('DEPTH_ZERO_SELF_SIGNED_CERT'...)
//   checkHost(name)      null when the peer's certificate names host `name` (a DNS name, matched
//                        with OpenSSL's X509_check_host against the DNS subjectAltNames, or the
//                        CN when there are none; or an IP address, X509_check_ip_asc against the
//                        IP subjectAltNames), else an Error with code ERR_TLS_CERT_ALTNAME_INVALID
//   getPeerCertificate() the peer's certificate as v0.6's object, or null
//   getCipher()          { name, version } of the negotiated cipher, or null
//   getServername()      the SNI name (what the client asked for), or null
//   addSNIContext(pattern, secureContext)
//                        (server, before the handshake) a client asking for a host name that
//                        matches `pattern` ('*' stands for one label's characters) gets the
//                        certificate of `secureContext`; the first match wins
//   close()              frees the SSL object now rather than at collection (and detaches)
//   attachSocket(handle) reads a stream handle's bytes natively (below); returns whether it could
//   detachSocket()       hands the handle's reads back to JS
//   noteSent(bytes)      the caller has just handed `bytes` (a number >= 0) of encOut()'s output
//                        to the network; returns false once the connection has sent kBurstBytes
//                        since the loop last polled for I/O: it should send no more until
//                        connection.onafterpoll() is called, after the loop has polled
//
// Bursts: a writer that is never told to wait (the socket takes every write) would otherwise
// fill the kernel's socket buffers (megabytes on loopback) before the peer reads anything; a
// peer in the same process cannot read at all until the writer yields. Copying into and out of
// megabytes of socket buffers gone cold in the cache, with the peer's window closing and
// reopening, about doubled the kernel's CPU time (512 MB through one https GET in one process:
// 0.27 s of system time, 0.13 s with 128 KiB bursts, as node's 0.13 s). So tls.js stops sending
// after kBurstBytes, and the writer's 'drain' waits until the loop has polled once
// (Environment::ScheduleAfterPoll). Node's TLS waits likewise after every write (its write
// callbacks come through setImmediate).
//
// attachSocket(handle): the connection becomes a read listener on a TCP or pipe handle
// (runtime/core/stream_wrap.h): each read goes from the stream's shared read buffer straight
// into the input BIO, with no Buffer and no 'data' event, and then connection.onencread() is
// called (tls.js runs its cycle there, which decrypts). The bytes OpenSSL did not take during
// that call are copied then, since the read buffer is reused. EOF and read errors still reach
// handle.onread. The bytes count toward the handle's pipedReadBytes() and listenerReadAge().
// The connection lets go of the handle on detachSocket(), close() and collection, and the
// handle lets go of the connection when it is destroyed.
//
// Certificate checks: a server with requestCert and rejectUnauthorized makes OpenSSL refuse a
// client without a trusted certificate during the handshake (the client gets an alert). In every
// other case the handshake accepts any certificate and tls.js reads verifyError() afterwards, as
// v0.6 did, so a client may choose (rejectUnauthorized) what to do about an untrusted server.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "runtime/bindings/bindings.h"
#include "runtime/bindings/crypto/crypto.h"
#include "runtime/core/args.h"
#include "runtime/core/array_buffer_allocator.h"
#include "runtime/core/check.h"
#include "runtime/core/handle_wrap.h"
#include "runtime/core/stream_wrap.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace tls_wrap {

using crypto::Bytes;
using crypto::CryptoObject;
using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

// A rough size of an SSL object with its buffers, reported to V8 as external memory.
constexpr int64_t kConnectionSize = 48 * 1024;

// encIn() pieces at least this long are kept by reference rather than copied (see EncIn).
constexpr size_t kShareInputAt = 4096;

// The most of clearIn()'s scratch buffer a connection keeps between writes.
constexpr size_t kMaxScratch = 256 * 1024;

// How much a connection sends before it waits for the loop to poll (noteSent, at the top).
constexpr double kBurstBytes = 128 * 1024;

// The most a TLS record adds to the data it carries: 5 bytes of header, an explicit IV or
// nonce, a MAC or tag, padding (CBC) and TLS 1.3's content type; 256 covers every suite.
constexpr size_t kRecordOverhead = 256;

// The names v0.6 gave the X.509 verification results (OpenSSL's X509_V_ERR_* without the prefix).
const char* VerifyErrorName(long code) {
  switch (code) {
#define CASE(name)          \
  case X509_V_ERR_##name:   \
    return #name;
    CASE(UNABLE_TO_GET_ISSUER_CERT)
    CASE(UNABLE_TO_GET_CRL)
    CASE(UNABLE_TO_DECRYPT_CERT_SIGNATURE)
    CASE(UNABLE_TO_DECRYPT_CRL_SIGNATURE)
    CASE(UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY)
    CASE(CERT_SIGNATURE_FAILURE)
    CASE(CRL_SIGNATURE_FAILURE)
    CASE(CERT_NOT_YET_VALID)
    CASE(CERT_HAS_EXPIRED)
    CASE(CRL_NOT_YET_VALID)
    CASE(CRL_HAS_EXPIRED)
    CASE(ERROR_IN_CERT_NOT_BEFORE_FIELD)
    CASE(ERROR_IN_CERT_NOT_AFTER_FIELD)
    CASE(ERROR_IN_CRL_LAST_UPDATE_FIELD)
    CASE(ERROR_IN_CRL_NEXT_UPDATE_FIELD)
    CASE(OUT_OF_MEM)
    CASE(DEPTH_ZERO_SELF_SIGNED_CERT)
    CASE(SELF_SIGNED_CERT_IN_CHAIN)
    CASE(UNABLE_TO_GET_ISSUER_CERT_LOCALLY)
    CASE(UNABLE_TO_VERIFY_LEAF_SIGNATURE)
    CASE(CERT_CHAIN_TOO_LONG)
    CASE(CERT_REVOKED)
    CASE(INVALID_CA)
    CASE(PATH_LENGTH_EXCEEDED)
    CASE(INVALID_PURPOSE)
    CASE(CERT_UNTRUSTED)
    CASE(CERT_REJECTED)
    CASE(HOSTNAME_MISMATCH)
#undef CASE
    default:
      return nullptr;
  }
}

// The handshake's verify callback when tls.js decides after the handshake: the result is kept
// (SSL_get_verify_result) but never fails the handshake.
int AcceptAnyCertificate(int, X509_STORE_CTX*) { return 1; }

// ---- The BIOs between OpenSSL and tls.js -------------------------------------------------------

// The bytes on one side of a connection, behind a BIO of our own (OpenSSL's memory BIO zero-fills
// its buffer before every write into it and copies out on every read). The input side (OpenSSL
// reads records from it) is a queue of the pieces encIn() was given: a piece from the socket
// stays in its ArrayBuffer, the reference held until OpenSSL has read it, other bytes are copied.
// The output side (OpenSSL writes records into it) is one block that encOut() hands to a
// Uint8Array whole, and the next write starts a new one. Reading an empty input asks OpenSSL
// to retry, as a memory BIO with eof_return -1 does: more may come.
class BioQueue {
 public:
  // ---- input
  size_t in_size() const { return in_size_; }
  void AppendShared(std::shared_ptr<v8::BackingStore> store, const uint8_t* data, size_t length) {
    in_.push_back(Piece{std::move(store), nullptr, data, length});
    in_size_ += length;
  }
  bool AppendCopy(const uint8_t* data, size_t length) {
    uint8_t* copy = static_cast<uint8_t*>(std::malloc(length));
    if (copy == nullptr) return false;
    std::memcpy(copy, data, length);
    in_.push_back(Piece{nullptr, std::unique_ptr<uint8_t, FreeDeleter>(copy), copy, length});
    in_size_ += length;
    return true;
  }
  // Bytes someone else owns, valid only until OwnBorrowed() (a stream's read buffer).
  void AppendBorrowed(const uint8_t* data, size_t length) {
    in_.push_back(Piece{nullptr, nullptr, data, length, true});
    in_size_ += length;
  }
  // Copies what is left of the borrowed pieces. False if out of memory: they are dropped then.
  bool OwnBorrowed() {
    bool ok = true;
    for (auto it = in_.begin(); it != in_.end();) {
      if (!it->borrowed) {
        ++it;
        continue;
      }
      uint8_t* copy = static_cast<uint8_t*>(std::malloc(it->length));
      if (copy == nullptr) {
        ok = false;
        in_size_ -= it->length;
        it = in_.erase(it);
        continue;
      }
      std::memcpy(copy, it->data, it->length);
      it->copy.reset(copy);
      it->data = copy;
      it->borrowed = false;
      ++it;
    }
    return ok;
  }
  size_t Read(uint8_t* out, size_t length) {
    size_t done = 0;
    while (done < length && !in_.empty()) {
      Piece& piece = in_.front();
      size_t n = std::min(length - done, piece.length);
      std::memcpy(out + done, piece.data, n);
      done += n;
      piece.data += n;
      piece.length -= n;
      if (piece.length == 0) in_.pop_front();
    }
    in_size_ -= done;
    return done;
  }

  // ---- output
  void set_isolate(Isolate* isolate) { isolate_ = isolate; }
  size_t out_size() const { return out_size_; }
  // Makes room for `more` bytes beyond what is held, so that the records of one write land
  // without growing the block piecemeal.
  bool Reserve(size_t more) {
    size_t capacity = out_ ? out_->ByteLength() : 0;
    if (capacity - out_size_ >= more) return true;
    size_t grown_capacity = std::max(out_size_ + more, capacity * 2);
    if (grown_capacity < kMinOutBlock) grown_capacity = kMinOutBlock;
    // From V8 rather than malloc, so that V8 counts the block with the young generation's
    // ArrayBuffers and a scavenge frees it once JS has dropped it (memory handed to V8 is
    // reclaimed only by full collections, long after it went cold). Not zero-filled: the
    // records overwrite it, and TakeOut clears what they do not.
    std::unique_ptr<v8::BackingStore> grown;
    {
      ArrayBufferAllocator::NoZeroFillScope no_zero_fill;
      grown = v8::ArrayBuffer::NewBackingStore(isolate_, grown_capacity);
    }
    if (grown == nullptr || grown->Data() == nullptr) return false;
    if (out_size_ > 0) std::memcpy(grown->Data(), out_->Data(), out_size_);
    out_ = std::move(grown);
    return true;
  }
  bool Write(const uint8_t* data, size_t length) {
    if (!Reserve(length)) return false;
    std::memcpy(static_cast<uint8_t*>(out_->Data()) + out_size_, data, length);
    out_size_ += length;
    return true;
  }
  // Up to `max` bytes of the output as a Uint8Array: the block itself when it all fits.
  Local<Value> TakeOut(Isolate* isolate, size_t max) {
    size_t length = std::min(out_size_, max);
    if (length == 0) return v8::Uint8Array::New(v8::ArrayBuffer::New(isolate, 0), 0, 0);
    if (length < out_size_) {
      // More than a Buffer holds: the first part goes out as a copy.
      Local<Value> part;
      if (!crypto::CopyToUint8Array(isolate, static_cast<uint8_t*>(out_->Data()), length)
               .ToLocal(&part)) {
        return Local<Value>();
      }
      uint8_t* data = static_cast<uint8_t*>(out_->Data());
      std::memmove(data, data + length, out_size_ - length);
      out_size_ -= length;
      return part;
    }
    // Nothing uninitialized is reachable through the ArrayBuffer.
    uint8_t* data = static_cast<uint8_t*>(out_->Data());
    std::memset(data + length, 0, out_->ByteLength() - length);
    out_size_ = 0;
    Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(out_));
    return v8::Uint8Array::New(buffer, 0, length);
  }

 private:
  // Enough for most handshake flights; a bulk write reserves what its records need.
  static constexpr size_t kMinOutBlock = 4 * 1024;
  struct FreeDeleter {
    void operator()(uint8_t* p) const { std::free(p); }
  };
  struct Piece {
    std::shared_ptr<v8::BackingStore> store;  // keeps `data` alive, or
    std::unique_ptr<uint8_t, FreeDeleter> copy;  // owns it
    const uint8_t* data;
    size_t length;
    bool borrowed = false;  // neither: AppendBorrowed's, see OwnBorrowed
  };
  std::deque<Piece> in_;
  size_t in_size_ = 0;
  Isolate* isolate_ = nullptr;
  std::unique_ptr<v8::BackingStore> out_;
  size_t out_size_ = 0;
};

BioQueue* QueueOf(BIO* bio) { return static_cast<BioQueue*>(BIO_get_data(bio)); }

int QueueBioCreate(BIO* bio) {
  BIO_set_data(bio, new BioQueue());
  BIO_set_init(bio, 1);
  return 1;
}

int QueueBioDestroy(BIO* bio) {
  if (bio == nullptr) return 0;
  delete QueueOf(bio);
  BIO_set_data(bio, nullptr);
  return 1;
}

int QueueBioRead(BIO* bio, char* out, int length) {
  BIO_clear_retry_flags(bio);
  if (length <= 0) return 0;
  size_t n = QueueOf(bio)->Read(reinterpret_cast<uint8_t*>(out), static_cast<size_t>(length));
  if (n == 0) {
    BIO_set_retry_read(bio);
    return -1;
  }
  return static_cast<int>(n);
}

int QueueBioWrite(BIO* bio, const char* data, int length) {
  BIO_clear_retry_flags(bio);
  if (length <= 0) return 0;
  if (!QueueOf(bio)->Write(reinterpret_cast<const uint8_t*>(data), static_cast<size_t>(length))) {
    return -1;
  }
  return length;
}

long QueueBioCtrl(BIO* bio, int cmd, long, void*) {  // NOLINT(runtime/int): OpenSSL's type
  BioQueue* queue = QueueOf(bio);
  switch (cmd) {
    case BIO_CTRL_PENDING:
      return static_cast<long>(std::min<size_t>(queue->in_size() + queue->out_size(), LONG_MAX));
    case BIO_CTRL_FLUSH:
    case BIO_CTRL_DUP:
      return 1;
    default:
      return 0;
  }
}

// The BIO_METHOD, made once: like the providers, it is process-wide OpenSSL state.
const BIO_METHOD* QueueBioMethod() {
  static const BIO_METHOD* method = [] {
    BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "nodus tls queue");
    CHECK(m != nullptr);
    BIO_meth_set_create(m, QueueBioCreate);
    BIO_meth_set_destroy(m, QueueBioDestroy);
    BIO_meth_set_read(m, QueueBioRead);
    BIO_meth_set_write(m, QueueBioWrite);
    BIO_meth_set_ctrl(m, QueueBioCtrl);
    return m;
  }();
  return method;
}

// Memory kept for reuse, contents undefined (no zero-filling on growth, unlike a vector).
class Scratch {
 public:
  Scratch() = default;
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() { Release(); }
  bool Reserve(size_t size) {
    if (size <= capacity_) return true;
    void* grown = std::realloc(data_, size);
    if (grown == nullptr) return false;
    data_ = static_cast<uint8_t*>(grown);
    capacity_ = size;
    return true;
  }
  void Release() {
    std::free(data_);
    data_ = nullptr;
    capacity_ = 0;
  }
  uint8_t* data() { return data_; }
  size_t capacity() const { return capacity_; }

 private:
  uint8_t* data_ = nullptr;
  size_t capacity_ = 0;
};

class Connection : public CryptoObject,
                   public StreamListener,
                   public Environment::AfterPollTask {
 public:
  NODUS_WRAPPER_TYPE(Connection);
  Connection(Isolate* isolate, Local<Object> object, SSL* ssl, BIO* enc_in, BIO* enc_out)
      : CryptoObject(isolate, object, kConnectionSize, &kWrapperType),
        env_(Environment::GetCurrent(isolate)),
        ssl_(ssl),
        enc_in_(enc_in),
        enc_out_(enc_out) {}
  ~Connection() override { Close(); }

  // The SNI contexts, each with a reference taken on its SSL_CTX.
  struct SniContext {
    std::string pattern;
    SSL_CTX* ctx;
  };
  void AddSniContext(std::string pattern, SSL_CTX* ctx) {
    SSL_CTX_up_ref(ctx);
    sni_contexts_.push_back({std::move(pattern), ctx});
  }
  const std::vector<SniContext>& sni_contexts() const { return sni_contexts_; }

  // The SSL object, or nullptr with an Error thrown after close().
  SSL* Ssl(Isolate* isolate) {
    if (ssl_ == nullptr) {
      crypto::ThrowErrorWithCode(isolate, "the TLS connection is closed", "ERR_TLS_CLOSED");
    }
    return ssl_;
  }
  // Where clearIn() joins the pieces of one write.
  Scratch& scratch() { return scratch_; }
  BioQueue* in_queue() const { return QueueOf(enc_in_); }
  BioQueue* out_queue() const { return QueueOf(enc_out_); }

  // ---- Reading a stream natively (attachSocket) ----
  void Attach(StreamWrap* stream) {
    Detach();
    stream->PushListener(this);
  }
  void Detach() {
    if (stream() != nullptr) stream()->RemoveListener(this);
  }
  const void* kind() const override { return &kWrapperType; }
  void OnStreamRead(ssize_t nread, const uv_buf_t& buf) override {
    if (nread < 0 || ssl_ == nullptr) return PassOn(nread, buf);  // EOF and errors reach JS
    size_t length = static_cast<size_t>(nread);
    StreamWrap* stream = this->stream();
    stream->CountNativeRead(length);
    stream->NoteListenerRead();
    Environment* env = stream->env();
    v8::HandleScope scope(env->isolate());
    // Keeps the JS object (and so this) alive while JS runs, whatever it drops.
    Local<Object> self = object();
    in_queue()->AppendBorrowed(reinterpret_cast<const uint8_t*>(buf.base), length);
    Local<Value> fn;
    {
      // A getter that throws counts as no callback (the bytes wait for the next cycle).
      v8::TryCatch try_catch(env->isolate());
      if (!self->Get(env->context(), OneByteString(env->isolate(), "onencread")).ToLocal(&fn)) {
        fn = Local<Value>();
      }
    }
    if (!fn.IsEmpty() && fn->IsFunction()) {
      Local<Value> argv[] = {v8::Integer::New(env->isolate(), static_cast<int32_t>(nread))};
      Ignore(env->MakeCallback(self, fn.As<v8::Function>(), 1, argv));
    }
    // JS may have closed the connection (its BIOs are gone then); what OpenSSL did not read
    // must not stay pointing into the read buffer.
    if (ssl_ != nullptr && !in_queue()->OwnBorrowed()) {
      // Out of memory: the stream of records is broken; the next read fails the connection.
      ERR_clear_error();
    }
  }

  // ---- Bursts (noteSent) ----
  // Counts bytes sent; false (and onafterpoll() once the loop has polled) when a burst is over.
  bool NoteSent(double bytes) {
    if (env_->loop_turns() != sent_turn_) {
      sent_turn_ = env_->loop_turns();
      sent_since_poll_ = 0;
    }
    sent_since_poll_ += bytes;
    if (sent_since_poll_ < kBurstBytes) return true;
    env_->ScheduleAfterPoll(this);
    return false;
  }
  void RunAfterPoll() override {
    sent_since_poll_ = 0;
    if (ssl_ == nullptr) return;
    Isolate* isolate = env_->isolate();
    v8::HandleScope scope(isolate);
    Local<Object> self = object();  // keeps this alive while JS runs
    Local<Value> fn;
    {
      // A getter that throws counts as no callback, as for onencread.
      v8::TryCatch try_catch(isolate);
      if (!self->Get(env_->context(), OneByteString(isolate, "onafterpoll")).ToLocal(&fn)) {
        return;
      }
    }
    if (fn->IsFunction()) Ignore(env_->MakeCallback(self, fn.As<v8::Function>(), 0, nullptr));
  }

  // SSL_free also frees both BIOs, which belong to the SSL object.
  void Close() {
    // (Not scheduled once the Environment is gone: ~Environment drops its tasks.)
    if (after_poll_scheduled()) env_->CancelAfterPoll(this);
    Detach();
    SSL_free(ssl_);
    ssl_ = nullptr;
    enc_in_ = enc_out_ = nullptr;
    for (SniContext& sni : sni_contexts_) SSL_CTX_free(sni.ctx);
    sni_contexts_.clear();
  }

 private:
  std::vector<SniContext> sni_contexts_;
  Scratch scratch_;
  Environment* env_;
  double sent_since_poll_ = 0;  // bytes noteSent() counted in loop turn sent_turn_
  uint64_t sent_turn_ = 0;
  SSL* ssl_;
  BIO* enc_in_;
  BIO* enc_out_;
};
NODUS_DEFINE_WRAPPER_TYPE(Connection, CryptoObject);

// Whether host name `name` matches `pattern`, ignoring case; '*' matches any run of characters
// other than '.', as v0.6's addContext patterns did.
bool MatchHostPattern(const char* pattern, const char* name) {
  if (*pattern == '\0') return *name == '\0';
  if (*pattern == '*') {
    // Try every length of the run, shortest first.
    for (const char* p = name;; p++) {
      if (MatchHostPattern(pattern + 1, p)) return true;
      if (*p == '\0' || *p == '.') return false;
    }
  }
  if (*name == '\0') return false;
  if (std::tolower(static_cast<unsigned char>(*pattern)) !=
      std::tolower(static_cast<unsigned char>(*name))) {
    return false;
  }
  return MatchHostPattern(pattern + 1, name + 1);
}

// OpenSSL's servername callback (set on server contexts): switches the connection to the
// first SNI context whose pattern matches. Runs inside SSL_do_handshake; never calls into JS.
int SelectSniContext(SSL* ssl, int*, void*) {
  auto* conn = static_cast<Connection*>(SSL_get_app_data(ssl));
  const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  if (conn == nullptr || name == nullptr) return SSL_TLSEXT_ERR_OK;
  for (const Connection::SniContext& sni : conn->sni_contexts()) {
    if (MatchHostPattern(sni.pattern.c_str(), name)) {
      SSL_set_SSL_CTX(ssl, sni.ctx);
      break;
    }
  }
  return SSL_TLSEXT_ERR_OK;
}

void ConnectionNew(const FunctionCallbackInfo<Value>& args) {
  if (!CryptoObject::BeginConstruct(args)) return;
  Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = crypto::SecureContextFromValue(isolate, args[0]);
  if (ctx == nullptr) {
    return ThrowTypeError(isolate,
                          "secureContext must be an initialised SecureContext (credentials.context)");
  }
  bool is_server, request_cert, reject_unauthorized;
  if (!GetOptionalBoolArg(args, 1, "isServer", false, &is_server) ||
      !GetOptionalBoolArg(args, 2, "requestCert", false, &request_cert) ||
      !GetOptionalBoolArg(args, 3, "rejectUnauthorized", false, &reject_unauthorized)) {
    return;
  }
  std::string servername;
  if (!args[4]->IsNullOrUndefined()) {
    if (!GetStringArg(args, 4, "servername", &servername)) return;
    if (servername.size() > 255 || servername.find('\0') != std::string::npos) {
      return ThrowTypeError(isolate, "servername must be a host name of at most 255 bytes");
    }
  }

  SSL* ssl = SSL_new(ctx);  // Takes its own reference to ctx.
  BIO* enc_in = BIO_new(QueueBioMethod());
  BIO* enc_out = BIO_new(QueueBioMethod());
  if (ssl == nullptr || enc_in == nullptr || enc_out == nullptr) {
    SSL_free(ssl);
    BIO_free(enc_in);
    BIO_free(enc_out);
    return crypto::ThrowOpenSSLError(isolate, "SSL_new failed");
  }
  QueueOf(enc_out)->set_isolate(isolate);
  SSL_set_bio(ssl, enc_in, enc_out);  // The SSL object owns both BIOs from here on.

  if (is_server) {
    SSL_set_accept_state(ssl);
    if (request_cert && reject_unauthorized) {
      SSL_set_verify(ssl, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    } else if (request_cert) {
      SSL_set_verify(ssl, SSL_VERIFY_PEER, AcceptAnyCertificate);
    } else {
      SSL_set_verify(ssl, SSL_VERIFY_NONE, nullptr);
    }
  } else {
    SSL_set_connect_state(ssl);
    SSL_set_verify(ssl, SSL_VERIFY_PEER, AcceptAnyCertificate);
    if (!servername.empty() && SSL_set_tlsext_host_name(ssl, servername.c_str()) != 1) {
      SSL_free(ssl);
      return crypto::ThrowOpenSSLError(isolate, "invalid servername");
    }
  }
  auto* conn = new Connection(isolate, args.This(), ssl, enc_in, enc_out);
  if (is_server) {
    // The callback is the same for every server connection on this context; each connection
    // finds its own SNI contexts through its app data.
    SSL_set_app_data(ssl, conn);
    SSL_CTX_set_tlsext_servername_callback(ctx, SelectSniContext);
  }
}

void AddSNIContext(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  std::string pattern;
  if (!GetStringArg(args, 0, "pattern", &pattern)) return;
  if (pattern.empty() || pattern.size() > 255 ||
      pattern.find('\0') != std::string::npos) {
    return ThrowTypeError(isolate, "pattern must be a host name of 1 to 255 bytes");
  }
  SSL_CTX* ctx = crypto::SecureContextFromValue(isolate, args[1]);
  if (ctx == nullptr) {
    return ThrowTypeError(isolate, "secureContext must be an initialised SecureContext");
  }
  SSL* ssl = conn->Ssl(isolate);
  if (ssl == nullptr) return;
  if (!SSL_is_server(ssl)) return ThrowTypeError(isolate, "only a server uses SNI contexts");
  if (SSL_in_before(ssl) != 1) {
    return crypto::ThrowErrorWithCode(isolate, "the handshake has already started",
                                      "ERR_TLS_INVALID_STATE");
  }
  conn->AddSniContext(pattern, ctx);
}

// Throws the error behind a failed SSL_* call that returned `ret`, unless it only means "needs
// more input" (returns true then, with nothing thrown). Sets *eof when the peer closed cleanly.
bool CheckSslResult(Isolate* isolate, SSL* ssl, int ret, bool* eof) {
  int err = SSL_get_error(ssl, ret);
  switch (err) {
    case SSL_ERROR_NONE:
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
      ERR_clear_error();
      return true;
    case SSL_ERROR_ZERO_RETURN:
      if (eof != nullptr) *eof = true;
      ERR_clear_error();
      return true;
    default:
      crypto::ThrowOpenSSLError(isolate, "TLS protocol error");
      return false;
  }
}

// encIn(data, [owned]): `owned` (tls.js passes it for a socket's read, whose Buffer nobody
// writes to afterwards) lets the input queue keep a reference to the bytes instead of a copy.
void EncIn(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  Bytes bytes;
  if (!GetBytesArg(args, 0, "data", &bytes)) return;
  if (bytes.length > static_cast<size_t>(INT_MAX)) {
    return ThrowRangeError(isolate, "data is too long");
  }
  if (conn->Ssl(isolate) == nullptr) return;
  if (bytes.length > 0) {
    // Small pieces are copied: taking the ArrayBuffer of a small view can cost V8 a copy anyway.
    if (args[1]->IsTrue() && bytes.length >= kShareInputAt) {
      Local<v8::ArrayBufferView> view = args[0].As<v8::ArrayBufferView>();
      conn->in_queue()->AppendShared(view->Buffer()->GetBackingStore(), bytes.data,
                                     bytes.length);
    } else if (!conn->in_queue()->AppendCopy(bytes.data, bytes.length)) {
      return ThrowRangeError(isolate, "out of memory");
    }
  }
  args.GetReturnValue().Set(static_cast<int>(bytes.length));
}

void EncOut(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr || conn->Ssl(isolate) == nullptr) return;
  // At most kMaxBytes at once (a Buffer's limit, below INT_MAX); the rest stays pending.
  Local<Value> out = conn->out_queue()->TakeOut(isolate, crypto::kMaxBytes);
  if (out.IsEmpty()) return ThrowRangeError(isolate, "out of memory");
  args.GetReturnValue().Set(out);
}

void EncPending(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr || conn->Ssl(isolate) == nullptr) return;
  args.GetReturnValue().Set(static_cast<double>(conn->out_queue()->out_size()));
}

void Start(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  SSL* ssl = conn->Ssl(isolate);
  if (ssl == nullptr) return;
  if (!SSL_is_init_finished(ssl)) {
    int ret = SSL_do_handshake(ssl);
    if (ret != 1 && !CheckSslResult(isolate, ssl, ret, nullptr)) return;
  }
  args.GetReturnValue().Set(SSL_is_init_finished(ssl) == 1);
}

// Encrypts `bytes` (clearIn and clearInv).
void WriteClear(const FunctionCallbackInfo<Value>& args, Connection* conn, const Bytes& bytes) {
  Isolate* isolate = args.GetIsolate();
  if (bytes.length > static_cast<size_t>(INT_MAX)) {
    return ThrowRangeError(isolate, "data is too long");
  }
  SSL* ssl = conn->Ssl(isolate);
  if (ssl == nullptr) return;
  if (!SSL_is_init_finished(ssl) || bytes.length == 0) return args.GetReturnValue().Set(0);
  if (SSL_get_shutdown(ssl) & SSL_SENT_SHUTDOWN) {
    return crypto::ThrowErrorWithCode(isolate, "write after end", "ERR_STREAM_WRITE_AFTER_END");
  }
  // The output BIO grows as needed, so a write never stops part way. Room for the records
  // (each up to 16 KiB of data plus its header, tag and padding) is made at once.
  size_t records = bytes.length / SSL3_RT_MAX_PLAIN_LENGTH + 1;
  conn->out_queue()->Reserve(bytes.length + records * kRecordOverhead);
  int ret = SSL_write(ssl, bytes.data, static_cast<int>(bytes.length));
  if (ret <= 0) {
    if (!CheckSslResult(isolate, ssl, ret, nullptr)) return;
    ret = 0;
  }
  args.GetReturnValue().Set(ret);
}

void ClearIn(const FunctionCallbackInfo<Value>& args) {
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  Bytes bytes;
  if (!GetBytesArg(args, 0, "data", &bytes)) return;
  WriteClear(args, conn, bytes);
}

// clearInv(pieces): the Buffers of a non-empty array, written as one (joined in the
// connection's scratch memory), so that they share records.
void ClearInv(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  if (!args[0]->IsArray() || args[0].As<v8::Array>()->Length() == 0) {
    return ThrowTypeError(isolate, "pieces must be a non-empty array of Buffers");
  }
  Local<v8::Array> pieces = args[0].As<v8::Array>();
  Local<Context> context = isolate->GetCurrentContext();
  std::vector<Local<v8::ArrayBufferView>> views;
  size_t total = 0;
  for (uint32_t i = 0; i < pieces->Length(); i++) {
    Local<Value> piece;
    if (!pieces->Get(context, i).ToLocal(&piece)) return;
    if (!piece->IsArrayBufferView()) {
      return ThrowTypeError(isolate, "pieces must be a non-empty array of Buffers");
    }
    views.push_back(piece.As<v8::ArrayBufferView>());
    total += views.back()->ByteLength();
    if (total > static_cast<size_t>(INT_MAX)) return ThrowRangeError(isolate, "data is too long");
  }
  Scratch& joined = conn->scratch();
  if (!joined.Reserve(total)) return ThrowRangeError(isolate, "out of memory");
  Bytes bytes;
  bytes.data = joined.data();
  for (Local<v8::ArrayBufferView> view : views) {
    bytes.length += view->CopyContents(joined.data() + bytes.length, view->ByteLength());
  }
  WriteClear(args, conn, bytes);
  // A scratch buffer that once joined a big write is not kept at that size.
  if (joined.capacity() > kMaxScratch) joined.Release();
}

// The cleartext OpenSSL can give now, as a Uint8Array. It is decrypted straight into the
// result's memory, sized for what has arrived (plaintext is never longer than the records that
// carry it); should a read find more than that, the rest goes through a second buffer and a copy.
void ClearOut(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  SSL* ssl = conn->Ssl(isolate);
  if (ssl == nullptr) return;
  // Reading before the handshake is done would continue it; start() does that.
  if (!SSL_is_init_finished(ssl) || (SSL_get_shutdown(ssl) & SSL_RECEIVED_SHUTDOWN)) {
    return args.GetReturnValue().Set(v8::Uint8Array::New(v8::ArrayBuffer::New(isolate, 0), 0, 0));
  }
  // What waits in the input BIO, what OpenSSL has decrypted and not handed out, and, when it
  // holds the first part of a record it took from the BIO earlier, room for that record.
  size_t capacity = conn->in_queue()->in_size() + static_cast<size_t>(SSL_pending(ssl)) +
                    (SSL_has_pending(ssl) ? SSL3_RT_MAX_PLAIN_LENGTH : 0);
  if (capacity > crypto::kMaxBytes) capacity = crypto::kMaxBytes;
  std::unique_ptr<v8::BackingStore> store;
  {
    ArrayBufferAllocator::NoZeroFillScope no_zero_fill;
    store = v8::ArrayBuffer::NewBackingStore(isolate, capacity);
  }
  uint8_t* data = static_cast<uint8_t*>(store->Data());
  size_t got = 0;
  std::vector<uint8_t> more;
  while (true) {
    uint8_t chunk[16 * 1024];
    bool direct = got < capacity;
    size_t room = direct ? std::min(capacity - got, size_t{INT_MAX}) : sizeof(chunk);
    int ret = SSL_read(ssl, direct ? data + got : chunk, static_cast<int>(room));
    if (ret > 0) {
      if (direct) {
        got += static_cast<size_t>(ret);
      } else {
        if (got + more.size() + static_cast<size_t>(ret) > crypto::kMaxBytes) {
          return ThrowRangeError(isolate, "too much data at once");
        }
        more.insert(more.end(), chunk, chunk + ret);
      }
      continue;
    }
    bool eof = false;
    if (!CheckSslResult(isolate, ssl, ret, &eof)) return;
    break;
  }
  if (!more.empty()) {
    std::vector<uint8_t> all(data, data + got);
    all.insert(all.end(), more.begin(), more.end());
    v8::Local<Value> result;
    if (crypto::CopyToUint8Array(isolate, all.data(), all.size()).ToLocal(&result)) {
      args.GetReturnValue().Set(result);
    }
    return;
  }
  // Nothing uninitialized is reachable through the ArrayBuffer.
  if (got < capacity) std::memset(data + got, 0, capacity - got);
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, std::move(store));
  args.GetReturnValue().Set(v8::Uint8Array::New(buffer, 0, got));
}

void IsInitFinished(const FunctionCallbackInfo<Value>& args) {
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  SSL* ssl = conn->Ssl(args.GetIsolate());
  if (ssl == nullptr) return;
  args.GetReturnValue().Set(SSL_is_init_finished(ssl) == 1);
}

void ReceivedShutdown(const FunctionCallbackInfo<Value>& args) {
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  SSL* ssl = conn->Ssl(args.GetIsolate());
  if (ssl == nullptr) return;
  args.GetReturnValue().Set((SSL_get_shutdown(ssl) & SSL_RECEIVED_SHUTDOWN) != 0);
}

void Shutdown(const FunctionCallbackInfo<Value>& args) {
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  SSL* ssl = conn->Ssl(args.GetIsolate());
  if (ssl == nullptr) return;
  // Before the handshake is done there is nothing to close politely; the socket just ends.
  if (SSL_is_init_finished(ssl) && !(SSL_get_shutdown(ssl) & SSL_SENT_SHUTDOWN)) {
    SSL_shutdown(ssl);
  }
  ERR_clear_error();
}

void VerifyError(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  SSL* ssl = conn->Ssl(isolate);
  if (ssl == nullptr) return;
  X509* peer = SSL_get1_peer_certificate(ssl);
  long code;
  if (peer == nullptr) {
    // No certificate at all: v0.6 reported it with this name.
    code = X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT;
  } else {
    X509_free(peer);
    code = SSL_get_verify_result(ssl);
    if (code == X509_V_OK) return args.GetReturnValue().SetNull();
  }
  const char* name = VerifyErrorName(code);
  std::string message = name != nullptr ? name : X509_verify_cert_error_string(code);
  Local<String> text;
  if (!Utf8String(isolate, message).ToLocal(&text)) return;
  Local<Object> error = v8::Exception::Error(text).As<Object>();
  Ignore(error->Set(isolate->GetCurrentContext(), OneByteString(isolate, "code"),
                    name != nullptr ? OneByteString(isolate, name)
                                    : OneByteString(isolate, "ERR_TLS_CERT_VERIFY")));
  args.GetReturnValue().Set(error);
}

// Whether `name` is a dotted IPv4 or an IPv6 address (then it is matched as one).
bool LooksLikeIp(const std::string& name) {
  ASN1_OCTET_STRING* ip = a2i_IPADDRESS(name.c_str());
  ERR_clear_error();
  if (ip == nullptr) return false;
  ASN1_OCTET_STRING_free(ip);
  return true;
}

std::string PrintToStringImpl(X509_EXTENSION* ext);

void CheckHost(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  std::string name;
  if (!GetStringArg(args, 0, "name", &name)) return;
  SSL* ssl = conn->Ssl(isolate);
  if (ssl == nullptr) return;
  X509* cert = SSL_get1_peer_certificate(ssl);
  int match = 0;
  std::string altnames;
  if (cert != nullptr && !name.empty() && name.size() <= 1024 &&
      name.find('\0') == std::string::npos) {
    if (LooksLikeIp(name)) {
      match = X509_check_ip_asc(cert, name.c_str(), 0);
    } else {
      // A trailing dot (a fully qualified name) does not change the host.
      std::string host = name;
      if (host.size() > 1 && host.back() == '.') host.pop_back();
      match = X509_check_host(cert, host.c_str(), host.size(),
                              X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS, nullptr);
    }
  }
  if (cert != nullptr && match != 1) altnames = PrintToStringImpl(
      X509_get_ext(cert, X509_get_ext_by_NID(cert, NID_subject_alt_name, -1)));
  X509_free(cert);
  ERR_clear_error();
  if (match == 1) return args.GetReturnValue().SetNull();
  std::string message = "Hostname/IP does not match certificate's altnames: ";
  if (LooksLikeIp(name)) {
    message += "IP: " + name + " is not in the cert's list: " + altnames;
  } else {
    message += "Host: " + name + ". is not in the cert's altnames: " + altnames;
  }
  Local<String> text;
  if (!Utf8String(isolate, message).ToLocal(&text)) return;
  Local<Object> error = v8::Exception::Error(text).As<Object>();
  Ignore(error->Set(isolate->GetCurrentContext(), OneByteString(isolate, "code"),
                    OneByteString(isolate, "ERR_TLS_CERT_ALTNAME_INVALID")));
  Ignore(error->Set(isolate->GetCurrentContext(), OneByteString(isolate, "reason"), text));
  args.GetReturnValue().Set(error);
}

// The text OpenSSL prints for something, through a memory BIO.
template <typename Print>
std::string PrintToString(Print print) {
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio == nullptr) return std::string();
  std::string text;
  if (print(bio)) {
    char* data = nullptr;
    long length = BIO_get_mem_data(bio, &data);
    if (length > 0) text.assign(data, static_cast<size_t>(length));
  }
  BIO_free(bio);
  ERR_clear_error();
  return text;
}

// The subjectAltName extension as OpenSSL prints it ("DNS:localhost, IP Address:127.0.0.1"),
// or "" for none.
std::string PrintToStringImpl(X509_EXTENSION* ext) {
  if (ext == nullptr) return std::string();
  return PrintToString([ext](BIO* bio) { return X509V3_EXT_print(bio, ext, 0, 0) == 1; });
}

bool SetString(Isolate* isolate, Local<Object> object, const char* key, const std::string& value) {
  Local<String> text;
  if (!Utf8String(isolate, value).ToLocal(&text)) return false;
  return object->Set(isolate->GetCurrentContext(), OneByteString(isolate, key), text)
      .FromMaybe(false);
}

// An X509_NAME as { CN: 'x', O: 'y' }; a field that occurs more than once becomes an array,
// as v0.6's parse of "/OU=a/OU=b" did.
bool NameToObject(Isolate* isolate, X509_NAME* name, Local<Object>* out) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> object = Object::New(isolate);
  int count = X509_NAME_entry_count(name);
  for (int i = 0; i < count; i++) {
    X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    ASN1_OBJECT* field = X509_NAME_ENTRY_get_object(entry);
    int nid = OBJ_obj2nid(field);
    std::string key;
    if (nid != NID_undef) {
      key = OBJ_nid2sn(nid);
    } else {
      char buffer[128];
      int n = OBJ_obj2txt(buffer, sizeof(buffer), field, 1);
      if (n <= 0) continue;
      key.assign(buffer, static_cast<size_t>(n) < sizeof(buffer) ? n : sizeof(buffer) - 1);
    }
    unsigned char* utf8 = nullptr;
    int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
    if (length < 0) {
      ERR_clear_error();
      continue;
    }
    Local<String> value;
    bool made = Utf8String(isolate, reinterpret_cast<char*>(utf8), length).ToLocal(&value);
    OPENSSL_free(utf8);
    if (!made) return false;
    Local<String> k;
    if (!Utf8String(isolate, key).ToLocal(&k)) return false;
    Local<Value> existing;
    if (!object->Get(context, k).ToLocal(&existing)) return false;
    Local<Value> stored = value;
    if (existing->IsArray()) {
      Local<Array> list = existing.As<Array>();
      if (list->Set(context, list->Length(), value).IsNothing()) return false;
      continue;
    } else if (existing->IsString()) {
      Local<Value> pair[] = {existing, value};
      stored = Array::New(isolate, pair, 2);
    }
    if (object->Set(context, k, stored).IsNothing()) return false;
  }
  *out = object;
  return true;
}

std::string HexWithColons(const unsigned char* data, unsigned int length) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string text;
  for (unsigned int i = 0; i < length; i++) {
    if (i > 0) text += ':';
    text += kHex[data[i] >> 4];
    text += kHex[data[i] & 15];
  }
  return text;
}

// "0x10001", as today's Node prints it: BN_bn2hex pads to whole bytes ("010001").
std::string HexExponent(const char* hex) {
  while (hex[0] == '0' && hex[1] != '\0') hex++;
  std::string text = "0x";
  for (; *hex != '\0'; hex++) text += static_cast<char>(std::tolower(static_cast<unsigned char>(*hex)));
  return text;
}

void GetPeerCertificate(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  SSL* ssl = conn->Ssl(isolate);
  if (ssl == nullptr) return;
  X509* cert = SSL_get1_peer_certificate(ssl);
  if (cert == nullptr) return args.GetReturnValue().SetNull();
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> info = Object::New(isolate);
  bool ok = true;
  Local<Object> subject, issuer;
  ok = NameToObject(isolate, X509_get_subject_name(cert), &subject) &&
       info->Set(context, OneByteString(isolate, "subject"), subject).FromMaybe(false) &&
       NameToObject(isolate, X509_get_issuer_name(cert), &issuer) &&
       info->Set(context, OneByteString(isolate, "issuer"), issuer).FromMaybe(false);

  if (ok) {
    int index = X509_get_ext_by_NID(cert, NID_subject_alt_name, -1);
    if (index >= 0) {
      X509_EXTENSION* ext = X509_get_ext(cert, index);
      std::string names =
          PrintToString([ext](BIO* bio) { return X509V3_EXT_print(bio, ext, 0, 0) == 1; });
      ok = SetString(isolate, info, "subjectaltname", names);
    }
  }
  EVP_PKEY* pkey = X509_get0_pubkey(cert);
  if (ok && pkey != nullptr && EVP_PKEY_base_id(pkey) == EVP_PKEY_RSA) {
    BIGNUM* n = nullptr;
    BIGNUM* e = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, "n", &n) == 1 && EVP_PKEY_get_bn_param(pkey, "e", &e) == 1) {
      char* modulus = BN_bn2hex(n);
      char* exponent = BN_bn2hex(e);
      if (modulus != nullptr && exponent != nullptr) {
        ok = SetString(isolate, info, "modulus", modulus) &&
             SetString(isolate, info, "exponent", HexExponent(exponent));
      }
      OPENSSL_free(modulus);
      OPENSSL_free(exponent);
    }
    BN_free(n);
    BN_free(e);
    ERR_clear_error();
  }
  if (ok) {
    std::string from = PrintToString(
        [cert](BIO* bio) { return ASN1_TIME_print(bio, X509_get0_notBefore(cert)) == 1; });
    std::string to = PrintToString(
        [cert](BIO* bio) { return ASN1_TIME_print(bio, X509_get0_notAfter(cert)) == 1; });
    ok = SetString(isolate, info, "valid_from", from) && SetString(isolate, info, "valid_to", to);
  }
  if (ok) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int md_length = 0;
    if (X509_digest(cert, EVP_sha1(), md, &md_length) == 1) {
      ok = SetString(isolate, info, "fingerprint", HexWithColons(md, md_length));
    }
  }
  if (ok) {
    BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
    char* hex = serial == nullptr ? nullptr : BN_bn2hex(serial);
    if (hex != nullptr) ok = SetString(isolate, info, "serialNumber", hex);
    OPENSSL_free(hex);
    BN_free(serial);
  }
  X509_free(cert);
  ERR_clear_error();
  if (ok) args.GetReturnValue().Set(info);
}

void GetCipher(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  SSL* ssl = conn->Ssl(isolate);
  if (ssl == nullptr) return;
  const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl);
  if (cipher == nullptr) return args.GetReturnValue().SetNull();
  Local<Object> info = Object::New(isolate);
  if (SetString(isolate, info, "name", SSL_CIPHER_get_name(cipher)) &&
      SetString(isolate, info, "version", SSL_CIPHER_get_version(cipher))) {
    args.GetReturnValue().Set(info);
  }
}

void GetServername(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  SSL* ssl = conn->Ssl(isolate);
  if (ssl == nullptr) return;
  const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  if (name == nullptr) return args.GetReturnValue().SetNull();
  Local<String> text;
  if (Utf8String(isolate, name).ToLocal(&text)) args.GetReturnValue().Set(text);
}

// attachSocket(handle) -> whether the connection now reads the handle natively (see the top).
void AttachSocket(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  if (conn->Ssl(isolate) == nullptr) return;
  StreamWrap* stream = HandleWrap::FromValue<StreamWrap>(args[0]);
  if (stream == nullptr || uv_is_closing(stream->handle())) {
    return args.GetReturnValue().Set(false);
  }
  conn->Attach(stream);
  args.GetReturnValue().Set(true);
}

void NoteSent(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn == nullptr) return;
  if (!args[0]->IsNumber()) return ThrowTypeError(isolate, "bytes must be a number");
  double bytes = args[0].As<v8::Number>()->Value();
  if (!(bytes >= 0) || bytes > 9007199254740991.0) {
    return ThrowRangeError(isolate, "bytes must be a byte count (0 or more)");
  }
  if (conn->Ssl(isolate) == nullptr) return;
  args.GetReturnValue().Set(conn->NoteSent(bytes));
}

void DetachSocket(const FunctionCallbackInfo<Value>& args) {
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn != nullptr) conn->Detach();
}

void CloseConnection(const FunctionCallbackInfo<Value>& args) {
  Connection* conn = CryptoObject::Unwrap<Connection>(args);
  if (conn != nullptr) conn->Close();
}

}  // namespace

void Initialize(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  // The SecureContexts this binding is handed come from the crypto binding, which also loads
  // OpenSSL's providers.
  Local<FunctionTemplate> tmpl = crypto::NewClass(isolate, "Connection", ConnectionNew);
  SetProtoMethod(isolate, tmpl, "encIn", EncIn);
  SetProtoMethod(isolate, tmpl, "encOut", EncOut);
  SetProtoMethod(isolate, tmpl, "encPending", EncPending);
  SetProtoMethod(isolate, tmpl, "start", Start);
  SetProtoMethod(isolate, tmpl, "clearIn", ClearIn);
  SetProtoMethod(isolate, tmpl, "clearInv", ClearInv);
  SetProtoMethod(isolate, tmpl, "clearOut", ClearOut);
  SetProtoMethod(isolate, tmpl, "isInitFinished", IsInitFinished);
  SetProtoMethod(isolate, tmpl, "receivedShutdown", ReceivedShutdown);
  SetProtoMethod(isolate, tmpl, "shutdown", Shutdown);
  SetProtoMethod(isolate, tmpl, "verifyError", VerifyError);
  SetProtoMethod(isolate, tmpl, "checkHost", CheckHost);
  SetProtoMethod(isolate, tmpl, "getPeerCertificate", GetPeerCertificate);
  SetProtoMethod(isolate, tmpl, "getCipher", GetCipher);
  SetProtoMethod(isolate, tmpl, "getServername", GetServername);
  SetProtoMethod(isolate, tmpl, "addSNIContext", AddSNIContext);
  SetProtoMethod(isolate, tmpl, "close", CloseConnection);
  SetProtoMethod(isolate, tmpl, "attachSocket", AttachSocket);
  SetProtoMethod(isolate, tmpl, "detachSocket", DetachSocket);
  SetProtoMethod(isolate, tmpl, "noteSent", NoteSent);
  crypto::ExportClass(env, target, "Connection", tmpl);
}

}  // namespace tls_wrap
}  // namespace binding
}  // namespace nodus
