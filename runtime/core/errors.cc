#include "runtime/core/errors.h"

#include <errno.h>
#include <poll.h>
#include <unistd.h>
#include <uv.h>

#include <cstring>
#include <string>

#include "runtime/core/util.h"

namespace nodus {

using v8::Context;
using v8::Exception;
using v8::Isolate;
using v8::Local;
using v8::Message;
using v8::Object;
using v8::String;
using v8::Value;

Local<Value> UVException(Isolate* isolate, int err, const char* syscall, const char* path) {
  Local<Context> context = isolate->GetCurrentContext();
  // The _r forms write into our buffers: uv_err_name and uv_strerror allocate, and never free, a
  // string for a code libuv does not know. The text is the same ("Unknown system error -N").
  char code[64];
  char reason[128];
  uv_err_name_r(err, code, sizeof(code));
  uv_strerror_r(err, reason, sizeof(reason));
  std::string text = std::string(code) + ", " + reason;
  if (path != nullptr) text += std::string(" '") + path + "'";
  Local<String> message;
  if (!Utf8String(isolate, text).ToLocal(&message)) message = OneByteString(isolate, code);
  Local<Object> error = Exception::Error(message).As<Object>();
  // Own data properties, defined rather than assigned: a setter a script put on Error.prototype
  // or Object.prototype neither runs nor makes the definition fail. On a fresh, extensible Error
  // a definition cannot fail, so results are not checked.
  auto define = [&](const char* name, Local<Value> value) {
    return error->CreateDataProperty(context, OneByteString(isolate, name), value).FromMaybe(false);
  };
  define("errno", v8::Integer::New(isolate, err));
  define("code", OneByteString(isolate, code));
  if (syscall != nullptr) define("syscall", OneByteString(isolate, syscall));
  Local<String> path_string;
  if (path != nullptr && Utf8String(isolate, path, strlen(path)).ToLocal(&path_string)) {
    define("path", path_string);
  }
  return error;
}

void ThrowUVException(Isolate* isolate, int err, const char* syscall, const char* path) {
  isolate->ThrowException(UVException(isolate, err, syscall, path));
}

std::string FormatUncaughtException(Isolate* isolate, Local<Value> error,
                                    Local<Message> message) {
  Local<Context> context = isolate->GetCurrentContext();
  std::string out;
  if (!message.IsEmpty()) {
    Utf8Value filename(isolate, message->GetScriptResourceName());
    int line = message->GetLineNumber(context).FromMaybe(0);
    Local<String> source_line;
    out += "\n";
    out += filename.ok() ? filename.str() : std::string("<unknown>");
    out += ":" + std::to_string(line) + "\n";
    if (message->GetSourceLine(context).ToLocal(&source_line)) {
      Utf8Value source(isolate, source_line);
      out += source.str() + "\n";
      int start = message->GetStartColumn(context).FromMaybe(0);
      int end = message->GetEndColumn(context).FromMaybe(start + 1);
      // Tabs in the source line are kept so the caret lines up in a terminal.
      for (int i = 0; i < start && i < static_cast<int>(source.length()); i++) {
        out += source.str()[i] == '\t' ? '\t' : ' ';
      }
      for (int i = start; i < end || i == start; i++) out += '^';
      out += "\n";
    }
  }
  std::string body;
  if (error->IsObject()) {
    Local<Value> stack;
    Local<Object> object = error.As<Object>();
    v8::TryCatch try_catch(isolate);
    if (object->Get(context, OneByteString(isolate, "stack")).ToLocal(&stack) &&
        stack->IsString()) {
      body = Utf8Value(isolate, stack).str();
    }
  }
  if (body.empty()) {
    v8::TryCatch try_catch(isolate);
    Utf8Value text(isolate, error);
    body = text.ok() ? text.str() : std::string("<error>");
    if (error->IsObject() && body == "[object Object]") {
      Local<String> json;
      if (v8::JSON::Stringify(context, error).ToLocal(&json)) body = Utf8Value(isolate, json).str();
    }
  }
  out += body + "\n";
  return out;
}

void WriteAll(int fd, const char* data, size_t length) {
  while (length > 0) {
    ssize_t n = write(fd, data, length);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        // A non-blocking pipe is full: wait until the reader drains it.
        struct pollfd pfd = {fd, POLLOUT, 0};
        poll(&pfd, 1, -1);
        continue;
      }
      return;
    }
    data += n;
    length -= static_cast<size_t>(n);
  }
}

}  // namespace nodus
