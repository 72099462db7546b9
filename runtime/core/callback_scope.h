// CallbackScope: the one way native code enters JS from the event loop (a libuv callback, a
// consumed stream's read, a finished thread-pool job). For its lifetime it
//   - counts one callback as activity (Environment::activity_count(): the idle collection in
//     environment.cc runs only once no callback has been made for a while),
//   - holds the HandleScope and the TryCatch for the calls made inside it,
// and when it ends
//   - routes an exception that reached it to process 'uncaughtException' (or ends the process,
//     as Environment::HandleUncaughtException does),
//   - drains the nextTick queue and V8's microtasks (Environment::RunTicks; a no-op inside a
//     tick drain), unless the isolate is terminating.
// Environment::MakeCallback is a call made inside one. Code that calls into JS several times for
// one event (the HTTP parser's callbacks for one read) makes one scope around all of them.
#ifndef RUNTIME_CORE_CALLBACK_SCOPE_H_
#define RUNTIME_CORE_CALLBACK_SCOPE_H_

#include <optional>

#include "runtime/core/environment.h"
#include "v8.h"

namespace nodus {

class CallbackScope {
 public:
  explicit CallbackScope(Environment* env);
  ~CallbackScope();
  CallbackScope(const CallbackScope&) = delete;
  CallbackScope& operator=(const CallbackScope&) = delete;

  v8::TryCatch& try_catch() { return *try_catch_; }
  // Whether a call inside the scope threw (the exception is handled when the scope ends).
  bool HasCaught() const { return try_catch_->HasCaught(); }

 private:
  Environment* env_;
  v8::HandleScope handle_scope_;
  std::optional<v8::TryCatch> try_catch_;
};

}  // namespace nodus

#endif  // RUNTIME_CORE_CALLBACK_SCOPE_H_
