#include "runtime/core/callback_scope.h"

namespace nodus {

CallbackScope::CallbackScope(Environment* env) : env_(env), handle_scope_(env->isolate()) {
  env->NoteActivity();
  env->NoteLoopTime();
  try_catch_.emplace(env->isolate());
  try_catch_->SetVerbose(false);
}

CallbackScope::~CallbackScope() {
  if (try_catch_->HasCaught()) {
    // Terminating (process.exit() inside a callback, a debugger stop): nothing more runs.
    if (!try_catch_->CanContinue()) return;
    v8::Local<v8::Value> error = try_catch_->Exception();
    v8::Local<v8::Message> message = try_catch_->Message();
    try_catch_.reset();
    env_->HandleUncaughtException(error, message);
  } else {
    try_catch_.reset();
  }
  env_->RunTicks();  // A no-op when the scope was made inside a tick drain.
}

}  // namespace nodus
