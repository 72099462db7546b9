// OpenSSL, loaded on first use.
//
// The runtime does not list libssl.so.3 and libcrypto.so.3 among the libraries the dynamic
// linker loads at start-up: libcrypto binds about 4,000 of its own symbols by name when it is
// loaded (Debian links it with -z now), which was 17% of the instructions of starting a
// program that never uses crypto or TLS. Every OpenSSL function the runtime calls goes through
// an entry point of its own name (stubs.S, generated from functions.txt by gen_stubs.py); the
// first call of any of them loads the system's libssl.so.3 (and libcrypto.so.3 with it, both
// the packages' own files, so security updates apply as before) and binds them all.
#ifndef NODUS_THIRD_PARTY_OPENSSL_LAZY_H_
#define NODUS_THIRD_PARTY_OPENSSL_LAZY_H_

namespace nodus {
namespace openssl {

// Loads OpenSSL now (once per process), into the global scope, so that a native addon loaded
// after this finds OpenSSL's symbols as it would in node, whose binary carries them.
void EnsureLoaded();

// Runs `callback` right after OpenSSL is loaded, before the call that loads it proceeds (or now,
// if it is loaded already). One callback: the crypto binding's, which loads OpenSSL's providers,
// so that require('crypto') costs nothing of OpenSSL until a program hashes or encrypts.
void OnLoad(void (*callback)());

}  // namespace openssl
}  // namespace nodus

#endif  // NODUS_THIRD_PARTY_OPENSSL_LAZY_H_
