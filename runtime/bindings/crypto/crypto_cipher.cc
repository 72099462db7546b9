// Symmetric ciphers for process.binding('crypto'):
//
//   new CipherBase(encrypt)          encrypt: true for a Cipher, false for a Decipher
//   init(algorithm, password)        key and IV derived from the password as v0.6 did:
//                                    EVP_BytesToKey with MD5, one iteration, no salt (the same
//                                    as `openssl enc -md md5 -nosalt -k password`)
//   initiv(algorithm, key, iv)       raw key and IV, of exactly the cipher's lengths (a
//                                    variable-length cipher such as rc4 or bf takes any key)
//   update(bytes) -> Uint8Array      the output so far
//   final() -> Uint8Array            the last block (with PKCS#7 padding); ends the object
//
// Authenticated (GCM, CCM, OCB, SIV, chacha20-poly1305) and key-wrap modes need auth tags or
// whole-message calls that the v0.6 API has no place for; they are refused by name.
#include <openssl/err.h>
#include <openssl/evp.h>

#include <algorithm>
#include <climits>
#include <string>

#include "runtime/bindings/crypto/crypto.h"
#include "runtime/core/args.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace crypto {

using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// EVP_CipherUpdate takes int lengths; input goes in at most 1 GiB at a time.
constexpr size_t kChunk = size_t{1} << 30;

void ThrowRangeErrorWithCode(Isolate* isolate, const char* message, const char* code) {
  Local<Object> error =
      v8::Exception::RangeError(OneByteString(isolate, message)).As<Object>();
  Ignore(error->Set(isolate->GetCurrentContext(), OneByteString(isolate, "code"),
                    OneByteString(isolate, code)));
  isolate->ThrowException(error);
}

class CipherBase : public CryptoObject {
 public:
  NODUS_WRAPPER_TYPE(CipherBase);
  CipherBase(Isolate* isolate, Local<Object> object, bool encrypt)
      : CryptoObject(isolate, object, kCipherSize, &kWrapperType), encrypt_(encrypt) {}
  ~CipherBase() override { EVP_CIPHER_CTX_free(ctx_); }

  bool encrypt() const { return encrypt_; }
  bool initialised() const { return ctx_ != nullptr || finished_; }

  // The live context; throws and returns nullptr before init or after final().
  EVP_CIPHER_CTX* Context(Isolate* isolate) {
    if (ctx_ == nullptr) {
      ThrowErrorWithCode(isolate, finished_ ? "final() already called" : "Not initialised",
                         "ERR_CRYPTO_INVALID_STATE");
    }
    return ctx_;
  }
  void Start(EVP_CIPHER_CTX* ctx) { ctx_ = ctx; }
  void Finish() {
    EVP_CIPHER_CTX_free(ctx_);
    ctx_ = nullptr;
    finished_ = true;
  }

 private:
  EVP_CIPHER_CTX* ctx_ = nullptr;
  bool encrypt_;
  bool finished_ = false;
};
NODUS_DEFINE_WRAPPER_TYPE(CipherBase, CryptoObject);

void CipherNew(const FunctionCallbackInfo<Value>& args) {
  if (!CryptoObject::BeginConstruct(args)) return;
  bool encrypt;
  if (!GetBoolArg(args, 0, "encrypt", &encrypt)) return;
  new CipherBase(args.GetIsolate(), args.This(), encrypt);
}

// Reads the algorithm argument; throws unless it names a cipher this API can drive. The result
// is freed with EVP_CIPHER_free (static legacy objects are left alone by it).
EVP_CIPHER* CipherArg(const FunctionCallbackInfo<Value>& args, CipherBase* self) {
  Isolate* isolate = args.GetIsolate();
  if (self->initialised()) {
    ThrowErrorWithCode(isolate, "Cipher already initialised", "ERR_CRYPTO_INVALID_STATE");
    return nullptr;
  }
  std::string name;
  if (!GetStringArg(args, 0, "algorithm", &name)) return nullptr;
  EVP_CIPHER* cipher = nullptr;
  if (!name.empty() && name.find('\0') == std::string::npos) {
    cipher = EVP_CIPHER_fetch(nullptr, name.c_str(), nullptr);
    if (cipher == nullptr) cipher = const_cast<EVP_CIPHER*>(EVP_get_cipherbyname(name.c_str()));
    ERR_clear_error();
  }
  if (cipher == nullptr) {
    ThrowErrorWithCode(isolate, "Unknown cipher: " + name, "ERR_CRYPTO_UNKNOWN_CIPHER");
    return nullptr;
  }
  int mode = EVP_CIPHER_get_mode(cipher);
  if (mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_CCM_MODE || mode == EVP_CIPH_OCB_MODE ||
      mode == EVP_CIPH_SIV_MODE || mode == EVP_CIPH_WRAP_MODE ||
      (EVP_CIPHER_get_flags(cipher) & EVP_CIPH_FLAG_AEAD_CIPHER) != 0) {
    EVP_CIPHER_free(cipher);
    ThrowErrorWithCode(isolate,
                       "Unsupported cipher: " + name +
                           " (authenticated and key-wrap modes need an API v0.6 did not have)",
                       "ERR_CRYPTO_UNSUPPORTED_CIPHER");
    return nullptr;
  }
  return cipher;
}

// Sets up the context with `key` and `iv` (nullptr for none); on failure throws and returns
// false. `key` must have the length the cipher expects, unless its key length is variable.
bool StartCipher(Isolate* isolate, CipherBase* self, const EVP_CIPHER* cipher, const Bytes& key,
                 const uint8_t* iv, size_t iv_length) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  int enc = self->encrypt() ? 1 : 0;
  if (ctx == nullptr || EVP_CipherInit_ex(ctx, cipher, nullptr, nullptr, nullptr, enc) != 1) {
    EVP_CIPHER_CTX_free(ctx);
    ThrowOpenSSLError(isolate, "cipher initialisation failed");
    return false;
  }
  int key_length = EVP_CIPHER_CTX_get_key_length(ctx);
  if (key.length != static_cast<size_t>(key_length)) {
    // Only variable-length ciphers (rc4, bf, cast5, rc2) accept another length. Their flags
    // do not say so once fetched from a provider, but the provider refuses it for the others.
    if (key.length == 0 || key.length > 1024 ||
        EVP_CIPHER_CTX_set_key_length(ctx, static_cast<int>(key.length)) != 1) {
      EVP_CIPHER_CTX_free(ctx);
      ERR_clear_error();
      ThrowRangeErrorWithCode(isolate, "Invalid key length", "ERR_CRYPTO_INVALID_KEYLEN");
      return false;
    }
  }
  if (iv_length != static_cast<size_t>(EVP_CIPHER_CTX_get_iv_length(ctx))) {
    EVP_CIPHER_CTX_free(ctx);
    ThrowRangeErrorWithCode(isolate, "Invalid IV length", "ERR_CRYPTO_INVALID_IV");
    return false;
  }
  // A zero-length key is only possible for the "null" cipher; it still needs a pointer to mean
  // "set the key" rather than "keep the old one".
  static const uint8_t kNoKey = 0;
  if (EVP_CipherInit_ex(ctx, nullptr, nullptr, key.length == 0 ? &kNoKey : key.data,
                        iv_length == 0 ? nullptr : iv, enc) != 1) {
    EVP_CIPHER_CTX_free(ctx);
    ThrowOpenSSLError(isolate, "cipher initialisation failed");
    return false;
  }
  self->Start(ctx);
  return true;
}

// init(algorithm, password)
void CipherInit(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  CipherBase* self = CryptoObject::Unwrap<CipherBase>(args);
  if (self == nullptr) return;
  Bytes password;
  if (!args[0]->IsString()) return ThrowTypeError(isolate, "algorithm must be a string");
  if (!GetBytesArg(args, 1, "password", &password)) return;
  if (password.length > static_cast<size_t>(INT_MAX)) {
    return ThrowRangeError(isolate, "password is too long");
  }
  EVP_CIPHER* cipher = CipherArg(args, self);
  if (cipher == nullptr) return;
  uint8_t key[EVP_MAX_KEY_LENGTH];
  uint8_t iv[EVP_MAX_IV_LENGTH];
  // EVP_BytesToKey derives nothing from a null password, so the empty one gets a real pointer.
  static const uint8_t kEmpty = 0;
  int key_length = EVP_CIPHER_get_key_length(cipher);
  int iv_length = EVP_CIPHER_get_iv_length(cipher);
  bool ok = key_length >= 0 && key_length <= EVP_MAX_KEY_LENGTH && iv_length >= 0 &&
            iv_length <= EVP_MAX_IV_LENGTH &&
            EVP_BytesToKey(cipher, EVP_md5(), nullptr,
                           password.length == 0 ? &kEmpty : password.data,
                           static_cast<int>(password.length), 1, key, iv) == key_length;
  if (!ok) {
    EVP_CIPHER_free(cipher);
    return ThrowOpenSSLError(isolate, "key derivation failed");
  }
  Bytes key_bytes;
  key_bytes.data = key;
  key_bytes.length = static_cast<size_t>(key_length);
  StartCipher(isolate, self, cipher, key_bytes, iv, static_cast<size_t>(iv_length));
  OPENSSL_cleanse(key, sizeof(key));
  EVP_CIPHER_free(cipher);
}

// initiv(algorithm, key, iv)
void CipherInitIv(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  CipherBase* self = CryptoObject::Unwrap<CipherBase>(args);
  if (self == nullptr) return;
  Bytes key, iv;
  if (!args[0]->IsString()) return ThrowTypeError(isolate, "algorithm must be a string");
  if (!GetBytesArg(args, 1, "key", &key) || !GetBytesArg(args, 2, "iv", &iv)) return;
  EVP_CIPHER* cipher = CipherArg(args, self);
  if (cipher == nullptr) return;
  StartCipher(isolate, self, cipher, key, iv.data, iv.length);
  EVP_CIPHER_free(cipher);
}

void CipherUpdate(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  CipherBase* self = CryptoObject::Unwrap<CipherBase>(args);
  if (self == nullptr) return;
  Bytes data;
  if (!GetBytesArg(args, 0, "data", &data)) return;
  EVP_CIPHER_CTX* ctx = self->Context(isolate);
  if (ctx == nullptr) return;
  // Each call may emit up to its input plus a block held back from before, and a decipher
  // holds back one more block: two blocks of slack cover every chunk.
  size_t block = static_cast<size_t>(std::max(1, EVP_CIPHER_CTX_get_block_size(ctx)));
  OutBuffer out(data.length + 2 * block);
  if (!out.ok()) return ThrowRangeError(isolate, "out of memory");
  size_t written = 0;
  for (size_t done = 0; done < data.length;) {
    size_t n = std::min(kChunk, data.length - done);
    int produced = 0;
    if (EVP_CipherUpdate(ctx, out.data() + written, &produced, data.data + done,
                         static_cast<int>(n)) != 1) {
      return ThrowOpenSSLError(isolate, "cipher update failed");
    }
    written += static_cast<size_t>(produced);
    done += n;
  }
  args.GetReturnValue().Set(out.Release(isolate, written));
}

void CipherFinal(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  CipherBase* self = CryptoObject::Unwrap<CipherBase>(args);
  if (self == nullptr) return;
  EVP_CIPHER_CTX* ctx = self->Context(isolate);
  if (ctx == nullptr) return;
  size_t block = static_cast<size_t>(std::max(1, EVP_CIPHER_CTX_get_block_size(ctx)));
  OutBuffer out(2 * block);
  if (!out.ok()) return ThrowRangeError(isolate, "out of memory");
  int produced = 0;
  bool ok = EVP_CipherFinal_ex(ctx, out.data(), &produced) == 1;
  self->Finish();
  // A wrong key or corrupt data shows here, as "bad decrypt".
  if (!ok) return ThrowOpenSSLError(isolate, "cipher final failed");
  args.GetReturnValue().Set(out.Release(isolate, static_cast<size_t>(produced)));
}

}  // namespace

void InitCipher(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<FunctionTemplate> cipher = NewClass(isolate, "CipherBase", CipherNew);
  SetProtoMethod(isolate, cipher, "init", CipherInit);
  SetProtoMethod(isolate, cipher, "initiv", CipherInitIv);
  SetProtoMethod(isolate, cipher, "update", CipherUpdate);
  SetProtoMethod(isolate, cipher, "final", CipherFinal);
  ExportClass(env, target, "CipherBase", cipher);
}

}  // namespace crypto
}  // namespace binding
}  // namespace nodus
