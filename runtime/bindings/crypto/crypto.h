// Shared pieces of process.binding('crypto'), which is split over several files by topic:
//
//   crypto.cc          Initialize, OpenSSL errors as JS errors, byte arguments and results
//   crypto_hash.cc     Hash, Hmac, Sign, Verify (digests over streamed data)
//   crypto_cipher.cc   CipherBase (Cipher and Decipher)
//   crypto_dh.cc       DiffieHellman
//   crypto_random.cc   randomBytes and pbkdf2, on libuv's thread pool when asynchronous
//   crypto_context.cc  SecureContext (an SSL_CTX: key, certificate, CAs, ciphers), for tls
//
// The binding deals in bytes only: every data argument is an ArrayBufferView and every result a
// fresh Uint8Array. stdlib/lib/crypto.js does the string encodings with Buffer.
#ifndef RUNTIME_BINDINGS_CRYPTO_CRYPTO_H_
#define RUNTIME_BINDINGS_CRYPTO_CRYPTO_H_

#include <openssl/ssl.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/core/args.h"
#include "runtime/core/base_object.h"
#include "runtime/core/environment.h"

namespace nodus {
namespace binding {
namespace crypto {

// The largest result the binding makes, Buffer's kMaxLength.
constexpr size_t kMaxBytes = 0x3FFFFFFF;

// Rough sizes of the OpenSSL state each kind of object holds (measured orders of magnitude),
// reported to V8 as external memory.
constexpr int64_t kHashSize = 1024;
constexpr int64_t kHmacSize = 2048;
constexpr int64_t kCipherSize = 2048;
constexpr int64_t kDiffieHellmanSize = 2048;
constexpr int64_t kSecureContextSize = 16384;

// The bytes of an ArrayBufferView argument, valid until JS runs again; read with GetBytesArg
// (runtime/core/args.h).
using Bytes = ByteSpan;

// A malloc'd block that becomes the memory of a Uint8Array without a copy. Allocation failure
// is reported (ok() false) rather than fatal, so a huge request is a RangeError.
class OutBuffer {
 public:
  explicit OutBuffer(size_t capacity);
  ~OutBuffer();
  OutBuffer(const OutBuffer&) = delete;
  OutBuffer& operator=(const OutBuffer&) = delete;

  bool ok() const { return data_ != nullptr || capacity_ == 0; }
  uint8_t* data() { return data_; }
  size_t capacity() const { return capacity_; }
  // Hands the first `length` bytes to a new Uint8Array; the block belongs to V8 afterwards.
  v8::Local<v8::Value> Release(v8::Isolate* isolate, size_t length);

 private:
  uint8_t* data_ = nullptr;
  size_t capacity_ = 0;
};

// A Uint8Array holding a copy of `data`. Throws RangeError and returns empty if out of memory.
v8::MaybeLocal<v8::Value> CopyToUint8Array(v8::Isolate* isolate, const uint8_t* data,
                                           size_t length);

// OpenSSL's error queue as one message ("error:1C800064:Provider routines::bad decrypt"), or
// `fallback` if the queue is empty. The queue is cleared either way. Usable on any thread.
std::string TakeOpenSSLError(const char* fallback);
// An Error for the message above; `code` is 'ERR_OSSL_<REASON>' when OpenSSL gave a reason.
v8::Local<v8::Value> OpenSSLException(v8::Isolate* isolate, const char* fallback);
void ThrowOpenSSLError(v8::Isolate* isolate, const char* fallback);
// An Error with message and `code`, thrown.
void ThrowErrorWithCode(v8::Isolate* isolate, const std::string& message, const char* code);

// The native half of one of the binding's objects (a Hash, a Cipher...): kept in internal field
// 0 of its JS object and deleted when that object is garbage collected, which frees the OpenSSL
// state it owns. Subclasses free what they can earlier (after digest(), final()...).
// `external_size` estimates the OpenSSL memory held, reported to V8 so that many abandoned
// objects make it collect sooner (their small JS wrappers alone would not).
class CryptoObject : public BaseObject {
 public:
  NODUS_WRAPPER_TYPE(CryptoObject);
  // `type` is the subclass's WrapperType.
  CryptoObject(v8::Isolate* isolate, v8::Local<v8::Object> object, int64_t external_size,
               const WrapperType* type);
  ~CryptoObject() override;

  // Prologue of every constructor: refuses calls without `new` and clears the internal fields,
  // so an object whose constructor threw is never mistaken for an initialised one.
  static bool BeginConstruct(const v8::FunctionCallbackInfo<v8::Value>& args);

  // The T behind `this`; throws a TypeError and returns nullptr if there is none.
  template <typename T>
  static T* Unwrap(const v8::FunctionCallbackInfo<v8::Value>& args) {
    return UnwrapThis<T>(args, "Illegal invocation");
  }

 private:
  int64_t external_size_;
};

// A FunctionTemplate for one of the binding's classes, with one internal field.
v8::Local<v8::FunctionTemplate> NewClass(v8::Isolate* isolate, const char* name,
                                         v8::FunctionCallback constructor);
void ExportClass(Environment* env, v8::Local<v8::Object> target, const char* name,
                 v8::Local<v8::FunctionTemplate> tmpl);

// A message digest by name: OpenSSL 3's own names and aliases ("sha256", "SHA2-256"), then the
// older object names ("RSA-SHA256", "ssl3-md5"). Returns nullptr if unknown. The result lives
// as long as the process (a cache keeps one per name): never free it.
const EVP_MD* FetchDigest(const std::string& name);

// A BIO reading `bytes` (which must outlive it); nullptr if longer than OpenSSL takes (INT_MAX).
BIO* NewMemoryBio(const Bytes& bytes);

// A private key from PEM (PKCS#8, PKCS#1 RSA, SEC1 EC, DSA...). An encrypted key needs
// `passphrase` (nullptr: none given; OpenSSL never prompts on the terminal). Returns nullptr
// with OpenSSL's error queue set on failure.
EVP_PKEY* ParsePrivateKey(const Bytes& pem, const Bytes* passphrase);
// A public key from PEM: a SubjectPublicKeyInfo or PKCS#1 RSA public key, an X.509 certificate
// (its key), or a private key (its public half). nullptr with the error queue set on failure.
EVP_PKEY* ParsePublicKey(const Bytes& pem);

// The topic files' halves of Initialize.
void InitHash(Environment* env, v8::Local<v8::Object> target);
void InitCipher(Environment* env, v8::Local<v8::Object> target);
void InitDiffieHellman(Environment* env, v8::Local<v8::Object> target);
void InitRandom(Environment* env, v8::Local<v8::Object> target);
void InitSecureContext(Environment* env, v8::Local<v8::Object> target);

// The SSL_CTX of a crypto.createCredentials() context, for the tls binding: `value` must be a
// SecureContext made by this binding (the `context` property of a Credentials). Returns nullptr
// for anything else, or once close() freed it. The SSL_CTX belongs to the SecureContext; take a
// reference with SSL_CTX_up_ref to keep it beyond the JS object's life.
SSL_CTX* SecureContextFromValue(v8::Isolate* isolate, v8::Local<v8::Value> value);

}  // namespace crypto
}  // namespace binding
}  // namespace nodus

#endif  // RUNTIME_BINDINGS_CRYPTO_CRYPTO_H_
