// SecureContext for process.binding('crypto'): one OpenSSL SSL_CTX, the credentials a TLS
// connection is made with. stdlib/lib/crypto.js fills one from createCredentials(details); the
// tls binding (a later module) takes its SSL_CTX through SecureContextFromValue (crypto.h).
//
//   new SecureContext()
//   init([method])                 'SSLv23_method' (any TLS version, the default),
//                                  'TLSv1_method', 'TLSv1_1_method', 'TLSv1_2_method' (one
//                                  version), each also as _server_method/_client_method;
//                                  SSLv2/SSLv3 are refused
//   setKey(pem, [passphrase])      the private key
//   setCert(pem)                   the certificate, then any chain certificates after it
//   addCACert(pem)                 trusted CA certificate(s) for verifying the peer: those
//                                  read before anything that is not one; true if any was
//                                  (v0.6 returned false for a PEM without a certificate)
//   addCRL(pem)                    a certificate revocation list (turns on CRL checks)
//   addRootCerts()                 the system's trusted roots (OpenSSL's default paths,
//                                  /etc/ssl/certs on Debian) instead of v0.6's built-in list;
//                                  loaded once and shared between contexts
//   setCiphers(list)               an OpenSSL cipher list ("RC4:HIGH:!MD5")
//   setOptions(flags)              SSL_OP_* bits
//   setSessionIdContext(bytes)     at most 32 bytes
//   close()                        frees the SSL_CTX now rather than at collection
//
// A key and a certificate that do not belong together are refused by whichever comes second.
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

#include "runtime/bindings/crypto/crypto.h"
#include "runtime/core/args.h"
#include "runtime/core/util.h"

namespace nodus {
namespace binding {
namespace crypto {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// Makes `store` trust what `roots` (the system roots) trusts: the certificates already loaded,
// shared by reference, and the hashed certificate directory, which is read lazily. Much cheaper
// than loading the bundle again.
void AddRoots(X509_STORE* store, X509_STORE* roots) {
  STACK_OF(X509_OBJECT)* objects = X509_STORE_get0_objects(roots);
  for (int i = 0; i < sk_X509_OBJECT_num(objects); i++) {
    X509* cert = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objects, i));
    if (cert != nullptr) X509_STORE_add_cert(store, cert);
  }
  X509_LOOKUP* lookup = X509_STORE_add_lookup(store, X509_LOOKUP_hash_dir());
  if (lookup != nullptr) X509_LOOKUP_add_dir(lookup, nullptr, X509_FILETYPE_DEFAULT);
  ERR_clear_error();
}

class SecureContext : public CryptoObject {
 public:
  NODUS_WRAPPER_TYPE(SecureContext);
  SecureContext(Isolate* isolate, Local<Object> object)
      : CryptoObject(isolate, object, kSecureContextSize, &kWrapperType) {}
  ~SecureContext() override { SSL_CTX_free(ctx_); }

  SSL_CTX* ctx() const { return ctx_; }
  void set_ctx(SSL_CTX* ctx) { ctx_ = ctx; }
  void Close() {
    SSL_CTX_free(ctx_);
    ctx_ = nullptr;
    closed_ = true;
  }
  bool closed() const { return closed_; }

  // The SSL_CTX, or nullptr with an Error thrown before init() or after close().
  SSL_CTX* Context(Isolate* isolate) {
    if (ctx_ == nullptr) {
      ThrowErrorWithCode(isolate,
                         closed_ ? "SecureContext is closed" : "SecureContext not initialised",
                         "ERR_CRYPTO_INVALID_STATE");
    }
    return ctx_;
  }

  // The store of trusted certificates that addCACert/addCRL may change: the context's own. A
  // context using the shared system roots gets a private copy of them first.
  X509_STORE* OwnStore() {
    if (shared_roots_) {
      X509_STORE* store = X509_STORE_new();
      if (store == nullptr) return nullptr;
      AddRoots(store, SSL_CTX_get_cert_store(ctx_));
      SSL_CTX_set_cert_store(ctx_, store);  // Takes `store`, drops the shared one.
      shared_roots_ = false;
    }
    own_store_changed_ = true;
    return SSL_CTX_get_cert_store(ctx_);
  }

  // Trusts the system roots (once): the shared store if nothing was added yet, else a copy of
  // it merged into ours.
  void UseSystemRoots(X509_STORE* roots) {
    if (has_roots_ || roots == nullptr) return;
    if (!own_store_changed_) {
      SSL_CTX_set1_cert_store(ctx_, roots);
      shared_roots_ = true;
    } else {
      AddRoots(SSL_CTX_get_cert_store(ctx_), roots);
    }
    has_roots_ = true;
  }

  // Whether a private key is in place, to check a later certificate against it.
  bool has_key() const { return has_key_; }
  void set_has_key(bool has_key) { has_key_ = has_key; }

 private:
  SSL_CTX* ctx_ = nullptr;
  bool closed_ = false;
  bool shared_roots_ = false;
  bool own_store_changed_ = false;
  bool has_roots_ = false;
  bool has_key_ = false;
};
NODUS_DEFINE_WRAPPER_TYPE(SecureContext, CryptoObject);

// NODE_EXTRA_CA_CERTS names a PEM file of further certificates to trust beside the system's, as
// in Node (a proxy's or a company's CA). A file that cannot be read is reported on stderr and
// otherwise ignored, as Node does: TLS still works with the system roots.
void AddExtraCaCerts(X509_STORE* store) {
  const char* file = std::getenv("NODE_EXTRA_CA_CERTS");
  if (file == nullptr || *file == '\0') return;
  if (X509_STORE_load_file(store, file) == 1) return;
  unsigned long err = ERR_peek_last_error();  // NOLINT(runtime/int): OpenSSL's type.
  char reason[256];
  ERR_error_string_n(err, reason, sizeof(reason));
  std::fprintf(stderr, "Warning: Ignoring extra certs from `%s`, load failed: %s\n", file,
               err != 0 ? reason : "no certificate found");
}

// The system's trusted roots (OpenSSL's default paths: /usr/lib/ssl/cert.pem and the hashed
// /etc/ssl/certs), loaded on first use and shared by every context that asks for them, since
// loading the bundle takes tens of milliseconds. Like the providers, this is process-wide
// OpenSSL state rather than per-Environment state; it is never modified after loading and
// lives until the process ends.
// The lookups are those of X509_STORE_set_default_paths but for OpenSSL 3's third, a "store"
// lookup of the same certificate directory: it reads the whole directory (hundreds of entries)
// for every issuer not found in memory, so each handshake with a certificate no root vouches
// for (a self-signed one) listed /etc/ssl/certs again, a fifth of the handshake. The bundle and
// the hashed directory give the same roots.
X509_STORE* SystemRootStore() {
  static std::once_flag once;
  static X509_STORE* store = nullptr;
  std::call_once(once, [] {
    store = X509_STORE_new();
    if (store != nullptr) {
      X509_LOOKUP* bundle = X509_STORE_add_lookup(store, X509_LOOKUP_file());
      if (bundle != nullptr) X509_LOOKUP_load_file(bundle, nullptr, X509_FILETYPE_DEFAULT);
      X509_LOOKUP* directory = X509_STORE_add_lookup(store, X509_LOOKUP_hash_dir());
      if (directory != nullptr) X509_LOOKUP_add_dir(directory, nullptr, X509_FILETYPE_DEFAULT);
      AddExtraCaCerts(store);
    }
    ERR_clear_error();
  });
  return store;
}

void SecureContextNew(const FunctionCallbackInfo<Value>& args) {
  if (!CryptoObject::BeginConstruct(args)) return;
  Isolate* isolate = args.GetIsolate();
  new SecureContext(isolate, args.This());
}

// init([method])
void Init(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SecureContext* sc = CryptoObject::Unwrap<SecureContext>(args);
  if (sc == nullptr) return;
  if (sc->ctx() != nullptr || sc->closed()) {
    return ThrowErrorWithCode(isolate, "SecureContext already initialised",
                              "ERR_CRYPTO_INVALID_STATE");
  }
  std::string method = "SSLv23_method";
  if (!args[0]->IsUndefined()) {
    if (!GetStringArg(args, 0, "method", &method)) return;
  }
  // "X_method", "X_server_method" and "X_client_method" differ only in which side may use the
  // context; TLS_method serves both, so only the X part matters.
  std::string family = method;
  for (const char* suffix : {"_server_method", "_client_method", "_method"}) {
    size_t n = std::strlen(suffix);
    if (family.size() > n && family.compare(family.size() - n, n, suffix) == 0) {
      family.resize(family.size() - n);
      break;
    }
  }
  int version = 0;  // Any.
  if (family == "SSLv23" || family == "TLS") {
    version = 0;
  } else if (family == "TLSv1") {
    version = TLS1_VERSION;
  } else if (family == "TLSv1_1") {
    version = TLS1_1_VERSION;
  } else if (family == "TLSv1_2") {
    version = TLS1_2_VERSION;
  } else if (family == "SSLv2" || family == "SSLv3") {
    return ThrowErrorWithCode(isolate, method + " is not supported: SSLv2 and SSLv3 are insecure",
                              "ERR_TLS_INVALID_PROTOCOL_METHOD");
  } else {
    return ThrowErrorWithCode(isolate, "Unknown method: " + method,
                              "ERR_TLS_INVALID_PROTOCOL_METHOD");
  }
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  if (ctx == nullptr) return ThrowOpenSSLError(isolate, "SSL_CTX_new failed");
  // Debian's OpenSSL configuration raises the default security level to 2, which refuses the
  // 1024-bit keys the era's certificates carry ("ee key too small"). Level 1, what Node's own
  // OpenSSL uses, accepts them and still refuses keys under 1024 bits. `ciphers` ending in
  // '@SECLEVEL=N' sets another level; createCredentials applies ciphers after this.
  SSL_CTX_set_security_level(ctx, 1);
  if (version != 0 && (SSL_CTX_set_min_proto_version(ctx, version) != 1 ||
                       SSL_CTX_set_max_proto_version(ctx, version) != 1)) {
    SSL_CTX_free(ctx);
    return ThrowOpenSSLError(isolate, "could not set the protocol version");
  }
  sc->set_ctx(ctx);
}

// The passphrase argument at `index`: absent (undefined or null) or a Buffer.
bool OptionalBytesArg(const FunctionCallbackInfo<Value>& args, int index, const char* what,
                      Bytes* out, bool* present) {
  *present = !args[index]->IsNullOrUndefined();
  return !*present || GetBytesArg(args, index, what, out);
}

// setKey(pem, [passphrase])
void SetKey(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SecureContext* sc = CryptoObject::Unwrap<SecureContext>(args);
  if (sc == nullptr) return;
  Bytes pem, passphrase;
  bool has_passphrase;
  if (!GetBytesArg(args, 0, "key", &pem) ||
      !OptionalBytesArg(args, 1, "passphrase", &passphrase, &has_passphrase)) {
    return;
  }
  SSL_CTX* ctx = sc->Context(isolate);
  if (ctx == nullptr) return;
  EVP_PKEY* pkey = ParsePrivateKey(pem, has_passphrase ? &passphrase : nullptr);
  if (pkey == nullptr) return ThrowOpenSSLError(isolate, "could not read the private key");
  // With a certificate already set this also checks that the two match.
  int ok = SSL_CTX_use_PrivateKey(ctx, pkey);
  EVP_PKEY_free(pkey);
  if (ok != 1) return ThrowOpenSSLError(isolate, "SSL_CTX_use_PrivateKey failed");
  sc->set_has_key(true);
}

// setCert(pem): the first certificate is the context's own; the rest form its chain.
void SetCert(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SecureContext* sc = CryptoObject::Unwrap<SecureContext>(args);
  if (sc == nullptr) return;
  Bytes pem;
  if (!GetBytesArg(args, 0, "cert", &pem)) return;
  SSL_CTX* ctx = sc->Context(isolate);
  if (ctx == nullptr) return;
  BIO* bio = NewMemoryBio(pem);
  if (bio == nullptr) return ThrowRangeError(isolate, "cert is too long");
  X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, nullptr, nullptr);
  if (cert == nullptr) {
    BIO_free(bio);
    return ThrowOpenSSLError(isolate, "could not read the certificate");
  }
  bool ok = SSL_CTX_use_certificate(ctx, cert) == 1;
  X509_free(cert);
  if (ok) ok = SSL_CTX_clear_chain_certs(ctx) == 1;
  while (ok) {
    X509* extra = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    if (extra == nullptr) {
      // The end of the input shows as "no start line"; anything else is a real error.
      unsigned long err = ERR_peek_last_error();
      if (ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE) {
        ERR_clear_error();
      } else {
        ok = false;
      }
      break;
    }
    ok = SSL_CTX_add0_chain_cert(ctx, extra) == 1;
    if (!ok) X509_free(extra);
  }
  BIO_free(bio);
  if (!ok) return ThrowOpenSSLError(isolate, "could not use the certificate");
  // OpenSSL drops a private key that does not match a new certificate without a word.
  if (sc->has_key() && SSL_CTX_check_private_key(ctx) != 1) {
    ERR_clear_error();
    sc->set_has_key(false);
    return ThrowErrorWithCode(isolate, "the private key does not match the certificate",
                              "ERR_OSSL_X509_KEY_VALUES_MISMATCH");
  }
}

// Calls `use` on each PEM object of type T read by `read` from `pem`; at least one must be
// there. Returns false with an Error thrown on failure.
template <typename T, typename Read, typename Use, typename Free>
bool ForEachPem(Isolate* isolate, const Bytes& pem, const char* what, Read read, Use use,
                Free free_fn) {
  BIO* bio = NewMemoryBio(pem);
  if (bio == nullptr) {
    ThrowRangeError(isolate, "PEM input is too long");
    return false;
  }
  int count = 0;
  bool ok = true;
  while (true) {
    T* item = read(bio);
    if (item == nullptr) {
      unsigned long err = ERR_peek_last_error();
      if (count > 0 && ERR_GET_LIB(err) == ERR_LIB_PEM &&
          ERR_GET_REASON(err) == PEM_R_NO_START_LINE) {
        ERR_clear_error();
      } else {
        ok = false;
      }
      break;
    }
    count++;
    bool used = use(item);
    free_fn(item);
    if (!used) {
      ok = false;
      break;
    }
  }
  BIO_free(bio);
  if (!ok) ThrowOpenSSLError(isolate, what);
  return ok;
}

// addCACert(pem): one or more certificates. As in v0.6, what is not a certificate (a
// certificate request, garbage, a damaged block) is not trusted and not an error either:
// v0.6 read the first certificate and returned false without a word when there was none,
// and programs of the time pass such `ca` entries (nssocket 0.3's tests pass a CSR). Nothing
// is trusted that is not a certificate, so skipping is safe; the peer's verification reports
// the missing issuer. Reading stops at the first block that is not a certificate.
void AddCACert(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SecureContext* sc = CryptoObject::Unwrap<SecureContext>(args);
  if (sc == nullptr) return;
  Bytes pem;
  if (!GetBytesArg(args, 0, "ca", &pem)) return;
  SSL_CTX* ctx = sc->Context(isolate);
  if (ctx == nullptr) return;
  X509_STORE* store = sc->OwnStore();
  if (store == nullptr) return ThrowOpenSSLError(isolate, "out of memory");
  BIO* bio = NewMemoryBio(pem);
  if (bio == nullptr) return ThrowRangeError(isolate, "PEM input is too long");
  int added = 0;
  while (X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
    // The same certificate twice is harmless (X509_STORE_add_cert ignores duplicates).
    bool ok = X509_STORE_add_cert(store, cert) == 1 && SSL_CTX_add_client_CA(ctx, cert) == 1;
    X509_free(cert);
    if (!ok) {
      BIO_free(bio);
      return ThrowOpenSSLError(isolate, "could not add the CA certificate");
    }
    added++;
  }
  ERR_clear_error();
  BIO_free(bio);
  args.GetReturnValue().Set(added > 0);
}

// addCRL(pem)
void AddCRL(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SecureContext* sc = CryptoObject::Unwrap<SecureContext>(args);
  if (sc == nullptr) return;
  Bytes pem;
  if (!GetBytesArg(args, 0, "crl", &pem)) return;
  SSL_CTX* ctx = sc->Context(isolate);
  if (ctx == nullptr) return;
  X509_STORE* store = sc->OwnStore();
  if (store == nullptr) return ThrowOpenSSLError(isolate, "out of memory");
  if (ForEachPem<X509_CRL>(
          isolate, pem, "could not read the CRL",
          [](BIO* bio) { return PEM_read_bio_X509_CRL(bio, nullptr, nullptr, nullptr); },
          [&](X509_CRL* crl) { return X509_STORE_add_crl(store, crl) == 1; }, X509_CRL_free)) {
    X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
  }
}

// addRootCerts(): the system's trust store.
void AddRootCerts(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SecureContext* sc = CryptoObject::Unwrap<SecureContext>(args);
  if (sc == nullptr) return;
  SSL_CTX* ctx = sc->Context(isolate);
  if (ctx == nullptr) return;
  // Missing files and directories are not an error: the store then simply holds less.
  sc->UseSystemRoots(SystemRootStore());
}

void SetCiphers(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SecureContext* sc = CryptoObject::Unwrap<SecureContext>(args);
  if (sc == nullptr) return;
  std::string ciphers;
  if (!GetStringArg(args, 0, "ciphers", &ciphers)) return;
  SSL_CTX* ctx = sc->Context(isolate);
  if (ctx == nullptr) return;
  if (ciphers.find('\0') != std::string::npos ||
      SSL_CTX_set_cipher_list(ctx, ciphers.c_str()) != 1) {
    return ThrowOpenSSLError(isolate, "no cipher match");
  }
}

void SetOptions(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SecureContext* sc = CryptoObject::Unwrap<SecureContext>(args);
  if (sc == nullptr) return;
  int64_t flags;
  if (!GetInt64Arg(args, 0, "options", &flags, 0)) return;
  SSL_CTX* ctx = sc->Context(isolate);
  if (ctx == nullptr) return;
  SSL_CTX_set_options(ctx, static_cast<uint64_t>(flags));
}

void SetSessionIdContext(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SecureContext* sc = CryptoObject::Unwrap<SecureContext>(args);
  if (sc == nullptr) return;
  Bytes id;
  if (!GetBytesArg(args, 0, "session id context", &id)) return;
  if (id.length > SSL_MAX_SID_CTX_LENGTH) {
    return ThrowRangeError(isolate, "session id context must be at most 32 bytes");
  }
  SSL_CTX* ctx = sc->Context(isolate);
  if (ctx == nullptr) return;
  static const uint8_t kEmpty = 0;
  if (SSL_CTX_set_session_id_context(ctx, id.length == 0 ? &kEmpty : id.data,
                                     static_cast<unsigned int>(id.length)) != 1) {
    return ThrowOpenSSLError(isolate, "SSL_CTX_set_session_id_context failed");
  }
}

void Close(const FunctionCallbackInfo<Value>& args) {
  SecureContext* sc = CryptoObject::Unwrap<SecureContext>(args);
  if (sc != nullptr) sc->Close();
}

}  // namespace

SSL_CTX* SecureContextFromValue(Isolate* isolate, Local<Value> value) {
  SecureContext* sc = Unwrap<SecureContext>(value);
  return sc == nullptr ? nullptr : sc->ctx();
}

void InitSecureContext(Environment* env, Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<FunctionTemplate> sc = NewClass(isolate, "SecureContext", SecureContextNew);
  SetProtoMethod(isolate, sc, "init", Init);
  SetProtoMethod(isolate, sc, "setKey", SetKey);
  SetProtoMethod(isolate, sc, "setCert", SetCert);
  SetProtoMethod(isolate, sc, "addCACert", AddCACert);
  SetProtoMethod(isolate, sc, "addCRL", AddCRL);
  SetProtoMethod(isolate, sc, "addRootCerts", AddRootCerts);
  SetProtoMethod(isolate, sc, "setCiphers", SetCiphers);
  SetProtoMethod(isolate, sc, "setOptions", SetOptions);
  SetProtoMethod(isolate, sc, "setSessionIdContext", SetSessionIdContext);
  SetProtoMethod(isolate, sc, "close", Close);
  ExportClass(env, target, "SecureContext", sc);
}

}  // namespace crypto
}  // namespace binding
}  // namespace nodus
