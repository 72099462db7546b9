// The loader behind stubs.S; see lazy.h.
#include "third_party/openssl/lazy.h"

#include <dlfcn.h>
#include <pthread.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

extern "C" {
// Defined in the generated stubs.S.
extern void* nodus_openssl_slots[];
extern const char nodus_openssl_names[];
extern const unsigned nodus_openssl_count;
void* nodus_openssl_resolve(unsigned long index);
}

namespace nodus {
namespace openssl {
namespace {

pthread_once_t load_once = PTHREAD_ONCE_INIT;
std::atomic<bool> loaded{false};
std::mutex on_load_mutex;
void (*on_load)() = nullptr;  // guarded by on_load_mutex, as is the store of `loaded`

[[noreturn]] void Fail(const char* what, const char* detail) {
  // There is no JS caller to throw to here: the first OpenSSL call of the process can come from
  // any binding method or thread-pool job. Debian's libnode108, which the runtime needs, depends
  // on libssl3, so this means a broken installation.
  std::fprintf(stderr, "nodus: %s: %s\n", what, detail != nullptr ? detail : "(no detail)");
  std::fflush(stderr);
  std::abort();
}

void Load() {
  // libssl.so.3 needs libcrypto.so.3, so one dlopen brings both. RTLD_NOW: every slot is bound
  // below anyway. RTLD_GLOBAL: addons loaded later resolve OpenSSL's names against it.
  void* handle = dlopen("libssl.so.3", RTLD_NOW | RTLD_GLOBAL);
  if (handle == nullptr) Fail("cannot load OpenSSL (libssl.so.3)", dlerror());
  const char* name = nodus_openssl_names;
  for (unsigned i = 0; i < nodus_openssl_count; i++) {
    dlerror();
    void* address = dlsym(handle, name);
    if (address == nullptr) Fail("OpenSSL does not define", name);
    // An aligned pointer store: a thread that reads the slot meanwhile sees the resolver or the
    // function, and the resolver waits on load_once.
    __atomic_store_n(&nodus_openssl_slots[i], address, __ATOMIC_RELEASE);
    name += std::strlen(name) + 1;
  }
  void (*callback)();
  {
    std::lock_guard<std::mutex> lock(on_load_mutex);
    loaded.store(true, std::memory_order_release);
    callback = on_load;
    on_load = nullptr;
  }
  // Still inside load_once: another thread's first OpenSSL call waits until this is done. The
  // slots are filled, so the callback's own OpenSSL calls go straight to OpenSSL.
  if (callback != nullptr) callback();
}

}  // namespace

void EnsureLoaded() { pthread_once(&load_once, Load); }

bool IsLoaded() { return loaded.load(std::memory_order_acquire); }

void OnLoad(void (*callback)()) {
  {
    std::lock_guard<std::mutex> lock(on_load_mutex);
    if (!loaded.load(std::memory_order_relaxed)) {
      on_load = callback;
      return;
    }
  }
  callback();
}

}  // namespace openssl
}  // namespace nodus

extern "C" void* nodus_openssl_resolve(unsigned long index) {
  nodus::openssl::EnsureLoaded();
  if (index >= nodus_openssl_count) nodus::openssl::Fail("bad OpenSSL stub index", nullptr);
  return __atomic_load_n(&nodus_openssl_slots[index], __ATOMIC_ACQUIRE);
}
