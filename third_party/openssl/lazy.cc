// The loader behind stubs.S; see lazy.h.
#include "third_party/openssl/lazy.h"

#include <dlfcn.h>
#include <pthread.h>

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
std::mutex on_load_mutex;
bool load_started = false;    // guarded by on_load_mutex
void (*on_load)() = nullptr;  // guarded by on_load_mutex
// OpenSSL's addresses, found by Load() before it publishes them in the slots.
void** addresses = nullptr;
// Set on the thread running Load() while it runs the OnLoad callback, whose own OpenSSL calls
// then get their address here instead of waiting on load_once, which that thread holds.
thread_local bool loading_thread = false;

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
  // RTLD_DEEPBIND: libcrypto binds about 4,000 references to its own functions by name (Debian
  // links it with -z now), and loaded now it comes last in the global scope, after libnode's
  // 57,000 names and a dozen other libraries; looking in itself first halves that work (-1.7M
  // instructions for a program's first hash). OpenSSL frees only what it allocated, so its
  // binding to libc's malloc even under a preloaded allocator does not mix heaps. Not under
  // AddressSanitizer, which must see every allocation and refuses DEEPBIND.
  int flags = RTLD_NOW | RTLD_GLOBAL;
#if !defined(__SANITIZE_ADDRESS__)
  flags |= RTLD_DEEPBIND;
#endif
  void* handle = dlopen("libssl.so.3", flags);
  if (handle == nullptr) Fail("cannot load OpenSSL (libssl.so.3)", dlerror());
  addresses = new void*[nodus_openssl_count];
  const char* name = nodus_openssl_names;
  for (unsigned i = 0; i < nodus_openssl_count; i++) {
    dlerror();
    addresses[i] = dlsym(handle, name);
    if (addresses[i] == nullptr) Fail("OpenSSL does not define", name);
    name += std::strlen(name) + 1;
  }
  void (*callback)();
  {
    std::lock_guard<std::mutex> lock(on_load_mutex);
    load_started = true;
    callback = on_load;
    on_load = nullptr;
  }
  // The callback (the crypto binding's providers) runs before any other thread can call
  // OpenSSL: the slots still lead every other thread to load_once, which waits for this.
  if (callback != nullptr) {
    loading_thread = true;
    callback();
    loading_thread = false;
  }
  for (unsigned i = 0; i < nodus_openssl_count; i++) {
    // Aligned pointer stores: a thread that reads a slot meanwhile sees the resolver (and waits
    // on load_once) or the function.
    __atomic_store_n(&nodus_openssl_slots[i], addresses[i], __ATOMIC_RELEASE);
  }
}

}  // namespace

void EnsureLoaded() { pthread_once(&load_once, Load); }

void OnLoad(void (*callback)()) {
  {
    std::lock_guard<std::mutex> lock(on_load_mutex);
    if (!load_started) {
      on_load = callback;
      return;
    }
  }
  // Loaded, or being loaded by another thread: wait for it, then run the callback here.
  EnsureLoaded();
  callback();
}

}  // namespace openssl
}  // namespace nodus

extern "C" void* nodus_openssl_resolve(unsigned long index) {
  using namespace nodus::openssl;
  if (index >= nodus_openssl_count) Fail("bad OpenSSL stub index", nullptr);
  if (loading_thread) return addresses[index];
  EnsureLoaded();
  return __atomic_load_n(&nodus_openssl_slots[index], __ATOMIC_ACQUIRE);
}
