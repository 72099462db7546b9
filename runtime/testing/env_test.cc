#include "runtime/testing/env_test.h"

#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#include "runtime/core/base_object.h"
#include "runtime/core/check.h"
#include "runtime/core/util.h"

namespace nodus {
namespace testing {

using v8::Context;
using v8::External;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// The JS half of the fixture: a nextTick queue in the shape of stdlib/lib/_bootstrap.js's (one
// pass runs the callbacks queued before it began, each followed by its microtasks; a callback
// that throws leaves the rest for the next pass). Returns the drain function.
const char kTickSource[] = R"JS(
(function(process, tickInfo, runMicrotasks) {
  var queue = [];
  process.nextTick = function(callback) {
    queue.push(callback);
    tickInfo[0] = queue.length;
  };
  return function runTicks() {
    var pass = queue;
    queue = [];
    try {
      while (pass.length > 0) {
        pass.shift()();
        runMicrotasks();
      }
    } finally {
      queue = pass.concat(queue);
      tickInfo[0] = queue.length;
    }
  };
})
)JS";

}  // namespace

// A stream handle with nothing but StreamWrap's methods: the bare stream under TCP, Pipe and TTY.
class EnvironmentTest::TestStream final : public StreamWrap {
 public:
  NODUS_WRAPPER_TYPE(TestStream);
  TestStream(Environment* env, Local<Object> object, int* live)
      : StreamWrap(env, object, reinterpret_cast<uv_stream_t*>(&pipe_), &kWrapperType),
        live_(live) {
    uv_pipe_init(env->loop(), &pipe_, 0);
    ++*live_;
  }
  ~TestStream() override { --*live_; }
  uv_pipe_t* pipe() { return &pipe_; }

 private:
  uv_pipe_t pipe_;
  int* live_;
};
NODUS_DEFINE_WRAPPER_TYPE(EnvironmentTest::TestStream, StreamWrap);

EnvironmentTest::EnvironmentTest() {
  Isolate* isolate = this->isolate();
  Local<Context> context = this->context();
  // As in the runtime (runtime/start.cc): microtasks run when the tick drain says so, and a
  // write to a socket whose reader is gone fails with EPIPE instead of killing the process.
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  signal(SIGPIPE, SIG_IGN);
  CHECK_EQ(uv_loop_init(&loop_), 0);
  env_ = std::make_unique<Environment>(platform(), isolate, context, &loop_);

  Local<External> self = External::New(isolate, this);
  Local<Object> process = Object::New(isolate);
  env_->set_process_object(process);
  SetGlobal("process", process);
  SetGlobal("note", FunctionTemplate::New(isolate, Note, self)
                        ->GetFunction(context)
                        .ToLocalChecked());
  env_->set_fatal_exception_callback(
      FunctionTemplate::New(isolate, OnFatalException, self)->GetFunction(context).ToLocalChecked());

  std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      env_->tick_info(), sizeof(uint32_t) * 2, v8::BackingStore::EmptyDeleter, nullptr);
  Local<Value> tick_args[] = {
      process, v8::Uint32Array::New(v8::ArrayBuffer::New(isolate, store), 0, 2),
      FunctionTemplate::New(isolate, RunMicrotasks)->GetFunction(context).ToLocalChecked()};
  Local<Value> setup = Js(kTickSource);
  Local<Value> tick;
  if (setup->IsFunction() &&
      setup.As<Function>()->Call(context, context->Global(), 3, tick_args).ToLocal(&tick) &&
      tick->IsFunction()) {
    env_->set_tick_callback(tick.As<Function>());
  } else {
    ADD_FAILURE() << "the fixture's nextTick queue did not set up";
  }

  Local<FunctionTemplate> stream =
      BaseObject::MakeTemplate(isolate, NewTestStream, "TestStream", self);
  StreamWrap::AddMethods(isolate, stream);
  stream_constructor_.Reset(isolate, stream->GetFunction(context).ToLocalChecked());
}

void EnvironmentTest::TearDown() {
  HandleScope scope(isolate());
  // Streams the test left open are closed as JS closes them.
  for (v8::Global<Object>& handle : streams_) {
    Local<Object> object = handle.Get(isolate());
    HandleWrap* wrap = HandleWrap::FromValue(object);
    if (wrap == nullptr || wrap->closing()) continue;
    Local<Value> close;
    ASSERT_TRUE(object->Get(context(), OneByteString(isolate(), "close")).ToLocal(&close));
    ASSERT_FALSE(close.As<Function>()->Call(context(), object, 0, nullptr).IsEmpty());
  }
  EXPECT_TRUE(RunUntil([this] { return live_streams_ == 0; }))
      << live_streams_ << " stream(s) not freed after closing";
  EXPECT_TRUE(uncaught_.empty()) << "uncaught exception: " << uncaught_.front();
}

EnvironmentTest::~EnvironmentTest() {
  streams_.clear();
  stream_constructor_.Reset();
  env_.reset();  // closes the Environment's own handles and turns the loop once
  if (uv_loop_close(&loop_) != 0) {
    ADD_FAILURE() << "handles left open on the test's loop";
    uv_walk(
        &loop_,
        [](uv_handle_t* handle, void*) {
          ADD_FAILURE() << "open: a " << uv_handle_type_name(handle->type) << " handle";
          if (!uv_is_closing(handle)) uv_close(handle, nullptr);
        },
        nullptr);
    uv_run(&loop_, UV_RUN_NOWAIT);
    uv_loop_close(&loop_);
  }
}

bool EnvironmentTest::RunUntil(const std::function<bool()>& done, int max_turns) {
  for (int turn = 0; turn < max_turns; turn++) {
    HandleScope scope(isolate());
    if (done()) return true;
    uv_run(&loop_, UV_RUN_NOWAIT);
    env_->RunTicks();
  }
  HandleScope scope(isolate());
  return done();
}

Local<Value> EnvironmentTest::Js(const std::string& source) {
  std::string exception;
  Local<Value> result;
  if (!Eval(source, &exception).ToLocal(&result)) {
    ADD_FAILURE() << source << "\nthrew " << exception;
    return v8::Undefined(isolate());
  }
  return result;
}

double EnvironmentTest::JsNumber(const std::string& source) {
  return Js(source)->NumberValue(context()).FromMaybe(-1);
}

void EnvironmentTest::SetGlobal(const char* name, Local<Value> value) {
  context()
      ->Global()
      ->CreateDataProperty(context(), OneByteString(isolate(), name), value)
      .Check();
}

std::vector<std::string> EnvironmentTest::TakeUncaught() {
  std::vector<std::string> taken;
  taken.swap(uncaught_);
  return taken;
}

Local<Object> EnvironmentTest::NewStream(int fd) {
  Local<Object> object =
      stream_constructor_.Get(isolate())->NewInstance(context()).ToLocalChecked();
  TestStream* stream = Unwrap<TestStream>(object);
  CHECK(stream != nullptr);
  CHECK_EQ(uv_pipe_open(stream->pipe(), fd), 0);
  streams_.emplace_back(isolate(), object);
  return object;
}

void EnvironmentTest::NewStreamPair(Local<Object>* a, Local<Object>* b) {
  int fds[2];
  CHECK_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
  *a = NewStream(fds[0]);
  *b = NewStream(fds[1]);
}

StreamWrap* EnvironmentTest::StreamOf(Local<Value> handle) {
  return HandleWrap::FromValue<StreamWrap>(handle);
}

Local<v8::Uint8Array> EnvironmentTest::NewBytes(const std::string& bytes) {
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate(), bytes.size());
  if (!bytes.empty()) std::memcpy(buffer->Data(), bytes.data(), bytes.size());
  return v8::Uint8Array::New(buffer, 0, bytes.size());
}

std::string EnvironmentTest::BytesOf(Local<Value> value) {
  if (!value->IsArrayBufferView()) return "<not an ArrayBufferView>";
  Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  std::string bytes(view->ByteLength(), '\0');
  if (!bytes.empty()) view->CopyContents(&bytes[0], bytes.size());
  return bytes;
}

void EnvironmentTest::NewTestStream(const FunctionCallbackInfo<Value>& args) {
  if (!BaseObject::BeginConstruct(args, "TestStream")) return;
  auto* self = static_cast<EnvironmentTest*>(args.Data().As<External>()->Value());
  new TestStream(self->env(), args.This(), &self->live_streams_);
}

void EnvironmentTest::Note(const FunctionCallbackInfo<Value>& args) {
  auto* self = static_cast<EnvironmentTest*>(args.Data().As<External>()->Value());
  Utf8Value text(args.GetIsolate(), args[0]);
  if (text.ok()) self->notes_.push_back(text.str());
}

void EnvironmentTest::OnFatalException(const FunctionCallbackInfo<Value>& args) {
  auto* self = static_cast<EnvironmentTest*>(args.Data().As<External>()->Value());
  Utf8Value text(args.GetIsolate(), args[0]);
  self->uncaught_.push_back(text.ok() ? text.str() : "<exception>");
  args.GetReturnValue().Set(true);  // handled: the runtime would have emitted uncaughtException
}

void EnvironmentTest::RunMicrotasks(const FunctionCallbackInfo<Value>& args) {
  args.GetIsolate()->PerformMicrotaskCheckpoint();
}

}  // namespace testing
}  // namespace nodus
