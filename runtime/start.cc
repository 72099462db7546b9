#include "runtime/start.h"

#include <ares.h>
#include <http_parser.h>
#include <openssl/opensslv.h>
#include <malloc.h>
#include <unistd.h>
#include <signal.h>
#include <uv.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "debugger/agent/agent.h"
#include "debugger/client/client.h"
#include "libplatform/libplatform.h"
#include "runtime/builtins/loader.h"
#include "runtime/bindings/registry.h"
#include "runtime/core/array_buffer_allocator.h"
#include "runtime/core/check.h"
#include "runtime/core/environment.h"
#include "runtime/core/errors.h"
#include "runtime/core/util.h"
#include "runtime/core/version.h"
#include "v8.h"

extern char** environ;

namespace nodus {

using v8::Array;
using v8::Context;
using v8::Function;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

const char kUsage[] =
    "Usage: node [options] [ -e script | script.js ] [arguments] \n"
    "       node debug script.js [arguments] \n"
    "\n"
    "Options:\n"
    "  -v, --version        print node's version\n"
    "  -e, --eval script    evaluate script\n"
    "  -p, --print          print result of --eval\n"
    "  -i, --interactive    always enter the REPL, even if stdin is not a terminal\n"
    "  --v8-options         print v8 command line options\n"
    "  --vars               print various compiled-in variables\n"
    "  --max-stack-size=val set max v8 stack size (bytes)\n"
    "  --builtins-dir=dir   load the stdlib JS from dir instead of the binary (development)\n"
    "  --debug[=port]       start the debugger agent (port 5858); --debug-brk also waits\n"
    "  --debug-port=port    the port SIGUSR1 starts the agent on (5858)\n"
    "  --inspect[=[host:]port]  the Chrome DevTools Protocol endpoint (127.0.0.1:9229);\n"
    "                       --inspect-brk also stops on the first line\n"
    "\n"
    "Environment variables:\n"
    "NODE_PATH              ':'-separated list of directories\n"
    "                       prefixed to the module search path.\n"
    "NODE_MODULE_CONTEXTS   Set to 1 to load modules in their own\n"
    "                       global contexts.\n"
    "NODE_DISABLE_COLORS    Set to 1 to disable colors in the REPL\n"
    "\n"
    "Documentation can be found at http://nodejs.org/\n";

// What the command line asked for, after V8 has taken its own flags out.
struct Options {
  std::vector<std::string> exec_argv;  // Runtime options, for process.execArgv.
  std::vector<std::string> argv;       // argv[0], then the script and its arguments.
  std::string eval_source;
  bool has_eval = false;
  bool print_eval = false;
  bool force_repl = false;
  std::string builtins_dir;
  int debug_port = -1;        // --debug[=port] / --debug-brk[=port]: start the debugger agent.
  bool debug_brk = false;
  int signal_debug_port = 5858;  // --debug-port=N: where SIGUSR1 starts the agent.
  int inspect_port = -1;      // --inspect[=[host:]port] / --inspect-brk: the CDP endpoint.
  std::string inspect_host = "127.0.0.1";
  bool inspect_brk = false;
  bool debug_client = false;  // `runtime debug script.js`: argv[1..] go to the debugger client.
};

// Parses the port of --debug=N / --debug-brk=N; false if it is not one.
bool ParseDebugPort(const char* text, int* port) {
  char* end = nullptr;
  long value = std::strtol(text, &end, 10);
  if (*text == '\0' || *end != '\0' || value < 0 || value > 65535) return false;
  *port = static_cast<int>(value);
  return true;
}

// Parses the [host:]port of --inspect=... ; a bare host (no digits-only part) keeps the port.
bool ParseInspectAddress(const char* text, std::string* host, int* port) {
  std::string value = text;
  size_t colon = value.rfind(':');
  size_t bracket = value.rfind(']');
  if (colon != std::string::npos && (bracket == std::string::npos || colon > bracket)) {
    *host = value.substr(0, colon);
    if (host->empty()) return false;
    return ParseDebugPort(value.c_str() + colon + 1, port);
  }
  if (ParseDebugPort(value.c_str(), port)) return true;
  if (value.empty()) return false;
  *host = value;
  return true;
}

// Returns -1 to continue, or an exit code.
int ParseArgs(int argc, char** argv, Options* options) {
  options->argv.push_back(argv[0]);
  int i = 1;
  for (; i < argc; i++) {
    const char* arg = argv[i];
    if (arg[0] != '-' || std::strcmp(arg, "-") == 0) break;
    if (std::strcmp(arg, "--") == 0) {
      i++;
      break;
    }
    options->exec_argv.push_back(arg);
    if (std::strcmp(arg, "-v") == 0 || std::strcmp(arg, "--version") == 0) {
      std::printf("%s\n", NODUS_NODE_VERSION);
      return 0;
    } else if (std::strcmp(arg, "-h") == 0 || std::strcmp(arg, "--help") == 0) {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (std::strcmp(arg, "--vars") == 0) {
      std::printf("NODE_PREFIX: /usr/local\nNODE_CFLAGS: \n");
      return 0;
    } else if (std::strcmp(arg, "-e") == 0 || std::strcmp(arg, "--eval") == 0 ||
               std::strcmp(arg, "-p") == 0 || std::strcmp(arg, "--print") == 0 ||
               std::strcmp(arg, "-pe") == 0) {
      if (arg[1] == 'p' || std::strcmp(arg, "--print") == 0) options->print_eval = true;
      bool takes_source = std::strcmp(arg, "-p") != 0 && std::strcmp(arg, "--print") != 0;
      // `-p script` is accepted as today's node does, and `-p -e script` as v0.6 did.
      if (!takes_source && i + 1 < argc && argv[i + 1][0] != '-') takes_source = true;
      if (takes_source) {
        if (i + 1 >= argc) {
          std::fprintf(stderr, "Error: %s requires an argument\n", arg);
          return 9;
        }
        options->eval_source = argv[++i];
        options->exec_argv.push_back(options->eval_source);
        options->has_eval = true;
      }
    } else if (std::strcmp(arg, "-i") == 0 || std::strcmp(arg, "--interactive") == 0) {
      options->force_repl = true;
    } else if (std::strncmp(arg, "--builtins-dir=", 15) == 0) {
      options->builtins_dir = arg + 15;
    } else if (std::strcmp(arg, "--v8-options") == 0) {
      v8::V8::SetFlagsFromString("--help");
      return 0;
    } else if (std::strncmp(arg, "--max-stack-size=", 17) == 0) {
      std::string flag = std::string("--stack-size=") + (arg + 17);
      v8::V8::SetFlagsFromString(flag.c_str(), flag.size());
    } else if (std::strcmp(arg, "--debug") == 0 || std::strcmp(arg, "--debug-brk") == 0 ||
               std::strncmp(arg, "--debug=", 8) == 0 || std::strncmp(arg, "--debug-brk=", 12) == 0) {
      options->debug_brk = std::strncmp(arg, "--debug-brk", 11) == 0;
      options->debug_port = 5858;
      const char* eq = std::strchr(arg, '=');
      if (eq != nullptr && !ParseDebugPort(eq + 1, &options->debug_port)) {
        std::fprintf(stderr, "%s: bad port in %s\n", argv[0], arg);
        return 9;
      }
    } else if (std::strncmp(arg, "--debug-port=", 13) == 0) {
      if (!ParseDebugPort(arg + 13, &options->signal_debug_port)) {
        std::fprintf(stderr, "%s: bad port in %s\n", argv[0], arg);
        return 9;
      }
    } else if (std::strcmp(arg, "--inspect") == 0 || std::strcmp(arg, "--inspect-brk") == 0 ||
               std::strncmp(arg, "--inspect=", 10) == 0 ||
               std::strncmp(arg, "--inspect-brk=", 14) == 0) {
      options->inspect_brk = std::strncmp(arg, "--inspect-brk", 13) == 0;
      options->inspect_port = 9229;
      const char* eq = std::strchr(arg, '=');
      if (eq != nullptr &&
          !ParseInspectAddress(eq + 1, &options->inspect_host, &options->inspect_port)) {
        std::fprintf(stderr, "%s: bad [host:]port in %s\n", argv[0], arg);
        return 9;
      }
    } else {
      // Anything else must be a V8 flag. V8 removes the flags it knows from the vector it is
      // given, so a flag that survives is unknown to both.
      int v8_argc = 2;
      char* v8_argv[] = {argv[0], const_cast<char*>(arg), nullptr};
      v8::V8::SetFlagsFromCommandLine(&v8_argc, v8_argv, true);
      if (v8_argc > 1) {
        std::fprintf(stderr, "%s: bad option: %s\n", argv[0], arg);
        return 9;
      }
    }
  }
  if (i < argc && std::strcmp(argv[i], "debug") == 0 && options->argv.size() == 1) {
    options->debug_client = true;
    i++;
  }
  for (; i < argc; i++) options->argv.push_back(argv[i]);
  return -1;
}

Local<Array> StringArray(Isolate* isolate, const std::vector<std::string>& items) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Array> array = Array::New(isolate, static_cast<int>(items.size()));
  for (size_t i = 0; i < items.size(); i++) {
    array->CreateDataProperty(context, static_cast<uint32_t>(i),
                              Utf8String(isolate, items[i]).ToLocalChecked())
        .Check();
  }
  return array;
}

void Set(Local<Context> context, Local<Object> target, const char* key, Local<Value> value) {
  target->CreateDataProperty(context, OneByteString(context->GetIsolate(), key), value).Check();
}

void Set(Local<Context> context, Local<Object> target, const char* key, const std::string& value) {
  Set(context, target, key, Utf8String(context->GetIsolate(), value).ToLocalChecked());
}

void TitleGetter(Local<v8::Name>, const v8::PropertyCallbackInfo<Value>& info) {
  char buffer[512];
  if (uv_get_process_title(buffer, sizeof(buffer)) != 0) buffer[0] = '\0';
  info.GetReturnValue().Set(Utf8String(info.GetIsolate(), buffer, strlen(buffer)).ToLocalChecked());
}

void TitleSetter(Local<v8::Name>, Local<Value> value, const v8::PropertyCallbackInfo<void>& info) {
  Utf8Value title(info.GetIsolate(), value);
  if (title.ok()) uv_set_process_title(title.c_str());
}

Local<Object> CreateProcessObject(Environment* env, const Options& options) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<v8::FunctionTemplate> process_template = v8::FunctionTemplate::New(isolate);
  process_template->SetClassName(OneByteString(isolate, "process"));
  Local<Object> process =
      process_template->GetFunction(context).ToLocalChecked()->NewInstance(context).ToLocalChecked();

  process->SetAccessor(context, OneByteString(isolate, "title"), TitleGetter, TitleSetter).Check();
  Set(context, process, "version", std::string(NODUS_NODE_VERSION));

  Local<Object> versions = Object::New(isolate);
  Set(context, versions, "node", std::string(NODUS_NODE_VERSION_STRING));
  Set(context, versions, "v8", std::string(v8::V8::GetVersion()));
  // v0.6.3's list had ares and openssl too. Like v0.6.3, openssl is the number in the version
  // text of the headers built against ("3.0.15"): asking the library would load it, which the
  // runtime leaves to the first use of crypto or TLS (third_party/openssl/lazy.h).
  Set(context, versions, "ares", std::string(ares_version(nullptr)));
  Set(context, versions, "uv", std::string(uv_version_string()));
  {
    const char* text = OPENSSL_VERSION_TEXT;
    const char* begin = text;
    while (*begin != '\0' && (*begin < '0' || *begin > '9')) ++begin;
    const char* end = begin;
    while (*end != '\0' && *end != ' ') ++end;
    Set(context, versions, "openssl", std::string(begin, end));
  }
  unsigned long hp = http_parser_version();
  Set(context, versions, "http_parser",
      std::to_string((hp >> 16) & 255) + "." + std::to_string((hp >> 8) & 255) + "." +
          std::to_string(hp & 255));
  Set(context, versions, "nodus", std::string(NODUS_VERSION));
  Set(context, process, "versions", versions);
  Set(context, process, "arch", std::string("x64"));
  Set(context, process, "platform", std::string("linux"));
  Set(context, process, "installPrefix", std::string("/usr/local"));

  std::vector<std::string> argv = options.argv;
  Set(context, process, "argv", StringArray(isolate, argv));
  Set(context, process, "execArgv", StringArray(isolate, options.exec_argv));

  // A plain object: writes by the program are seen by child processes it spawns later.
  Local<Object> env_object = Object::New(isolate);
  for (char** entry = environ; entry != nullptr && *entry != nullptr; entry++) {
    const char* eq = std::strchr(*entry, '=');
    if (eq == nullptr) continue;
    Local<String> key, value;
    if (Utf8String(isolate, *entry, eq - *entry).ToLocal(&key) &&
        Utf8String(isolate, eq + 1, std::strlen(eq + 1)).ToLocal(&value)) {
      env_object->CreateDataProperty(context, key, value).Check();
    }
  }
  Set(context, process, "env", env_object);
  Set(context, process, "pid", v8::Integer::New(isolate, getpid()));

  char exec_path[4096];
  size_t exec_path_size = sizeof(exec_path);
  if (uv_exepath(exec_path, &exec_path_size) != 0) {
    std::snprintf(exec_path, sizeof(exec_path), "%s", options.argv[0].c_str());
    exec_path_size = std::strlen(exec_path);
  }
  Set(context, process, "execPath", std::string(exec_path, exec_path_size));

  if (options.has_eval) Set(context, process, "_eval", options.eval_source);
  if (options.print_eval) Set(context, process, "_print_eval", v8::True(isolate));
  if (options.force_repl) Set(context, process, "_forceRepl", v8::True(isolate));

  Local<Function> binding =
      v8::FunctionTemplate::New(isolate, Binding)->GetFunction(context).ToLocalChecked();
  binding->SetName(OneByteString(isolate, "binding"));
  Set(context, process, "binding", binding);
  return process;
}

// Reports exceptions V8 could not hand to a TryCatch (for example from queueMicrotask
// callbacks) the same way as any other uncaught exception.
void OnMessage(Local<v8::Message> message, Local<Value> error) {
  Isolate* isolate = message->GetIsolate();
  Environment* env = Environment::GetCurrent(isolate);
  if (env != nullptr) env->HandleUncaughtException(error, message);
}

// `bazel run` puts the user's directory in BUILD_WORKING_DIRECTORY and starts the binary in
// `<binary>.runfiles/<workspace>`. Only a runtime started that way moves there: the variable is
// also inherited by everything a `bazel run` script starts, and an installed `node` run by such a
// script (npm, say) must stay where its parent put it. Consumed, so child runtimes don't repeat it.
void MoveToBazelWorkingDirectory() {
  const char* dir = std::getenv("BUILD_WORKING_DIRECTORY");
  if (dir == nullptr) return;
  char exe[4096];
  char cwd[4096];
  size_t exe_len = sizeof(exe);
  if (uv_exepath(exe, &exe_len) != 0 || getcwd(cwd, sizeof(cwd)) == nullptr) return;
  std::string runfiles = std::string(exe, exe_len) + ".runfiles/";
  if (std::strncmp(cwd, runfiles.c_str(), runfiles.size()) != 0) return;
  if (chdir(dir) == 0) unsetenv("BUILD_WORKING_DIRECTORY");
}

}  // namespace

int Start(int argc, char** argv, const StartOptions& start_options) {
  argv = uv_setup_args(argc, argv);

  // Under `bazel run //runtime` the binary starts inside its own runfiles tree; the user's
  // directory is what relative paths and process.cwd() must mean.
  MoveToBazelWorkingDirectory();

  // TurboFan compiles on the main thread. In this V8 (10.2) a background compile cannot inline
  // the typed-array accessors (`buf.length`, `byteLength`) nor property stores on Buffer objects:
  // every such access in a function optimized concurrently stays a generic IC call, which made
  // `new Buffer(64)` in an ordinary function 5x the instructions (measured with callgrind) and
  // slowed every Buffer-heavy function. On-thread compiles see the whole heap and inline them.
  // A command-line `--concurrent-recompilation` still turns it back on.
  //
  // The startup snapshot is libnode's own, read-only in the mapped library, and the stdlib's code
  // cache is compiled into this binary: checksumming them (adler32 over ~2 MB) cost 5% of a
  // hello-world start-up's instructions and guards only against a corrupted binary.
  static const char kDefaultV8Flags[] =
      "--no-concurrent-recompilation --no-verify-snapshot-checksum";
  v8::V8::SetFlagsFromString(kDefaultV8Flags, sizeof(kDefaultV8Flags) - 1);

  Options options;
  options.force_repl = start_options.force_repl;
  int early_exit = ParseArgs(argc, argv, &options);
  if (early_exit >= 0) return early_exit;
  if (options.debug_client) {
    // The client needs no V8: it runs the program in a child runtime and talks to its agent.
    return debugger::RunDebugSession(
        std::vector<std::string>(options.argv.begin() + 1, options.argv.end()));
  }

  // A write to a pipe or socket whose reader is gone fails with EPIPE, which JS sees as an
  // error, instead of killing the process (as in Node). Children get the default back: libuv
  // resets signal dispositions in spawned processes.
  signal(SIGPIPE, SIG_IGN);

  // glibc's malloc hands the top of its heap back to the system once 128 KiB or more of it is
  // free (the threshold rises only with freed mmap'd blocks, to a few MB), and serves blocks of
  // 128 KiB or more with mmap. A busy program here frees its dead Buffers in batches, at each
  // garbage collection: the heap's top then falls by more than that and is faulted back in, page
  // by page, as the next Buffers are made. Streaming https at full speed spent a fifth of its CPU
  // time so (page faults, and copies into memory just faulted in: 800 ms of CPU per 256 MB
  // against 630 ms with these settings, and node 20's 620). Freed memory therefore stays with
  // malloc while the process is busy; Environment's idle timer gives it back with malloc_trim
  // once the process has been idle for a moment. Blocks of 256 KiB and more are recycled by
  // the BlockCache (array_buffer_allocator.h) rather than mapped and unmapped each time.
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);

  // V8's default platform, counting the foreground tasks posted (runtime/core/platform.h).
  std::unique_ptr<Platform> platform = std::make_unique<Platform>(2);
  v8::V8::InitializePlatform(platform.get());
  v8::V8::Initialize();

  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator(new ArrayBufferAllocator());
  Isolate::CreateParams params;
  params.array_buffer_allocator = allocator.get();
  Isolate* isolate = Isolate::New(params);
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate->SetCaptureStackTraceForUncaughtExceptions(true, 10);
  isolate->AddMessageListenerWithErrorLevel(OnMessage, Isolate::kMessageError);

  int exit_code = 0;
  {
    Isolate::Scope isolate_scope(isolate);
    HandleScope handle_scope(isolate);
    Local<Context> context = Context::New(isolate);
    Context::Scope context_scope(context);

    Environment env(platform.get(), isolate, context, uv_default_loop());
    env.UseCountingPlatform(platform.get());
    env.set_builtins_dir(options.builtins_dir);
    Local<Object> process = CreateProcessObject(&env, options);
    env.set_process_object(process);

    // Only --debug / --debug-brk / --inspect / --inspect-brk (or SIGUSR1, below) create the
    // agent; it lives as long as the process.
    std::unique_ptr<debugger::Agent> debug_agent;
    if (options.debug_port >= 0 || options.inspect_port >= 0) {
      debugger::AgentOptions agent_options;
      agent_options.port = options.debug_port;
      agent_options.break_on_start = options.debug_brk;
      agent_options.inspect_port = options.inspect_port;
      agent_options.inspect_host = options.inspect_host;
      agent_options.inspect_brk = options.inspect_brk;
      if (options.argv.size() > 1) agent_options.script = options.argv[1];
      debug_agent = debugger::Agent::Start(&env, agent_options);
      // Exit without unwinding, as at the end of a run: V8 and the Environment are live.
      if (debug_agent == nullptr && (options.debug_brk || options.inspect_brk)) env.Exit(1);
    }

    // `kill -USR1 <pid>` starts the protobuf agent (port 5858, or --debug-port), as in v0.6.3.
    // A signal watcher on the main loop, unreferenced, and no thread: a program never debugged
    // pays nothing, and the signal takes effect when the loop next turns (a program spinning in
    // JS never returns to it; v0.6 could break in there, a process without a thread cannot).
    struct SignalDebug {
      uv_signal_t handle;
      Environment* env;
      std::unique_ptr<debugger::Agent>* agent;
      int port;
    } signal_debug{{}, &env, &debug_agent, options.signal_debug_port};
    uv_signal_init(env.loop(), &signal_debug.handle);
    signal_debug.handle.data = &signal_debug;
    uv_signal_start(
        &signal_debug.handle,
        [](uv_signal_t* handle, int) {
          auto* self = static_cast<SignalDebug*>(handle->data);
          std::unique_ptr<debugger::Agent>& agent = *self->agent;
          if (agent != nullptr && agent->port() != 0) return;  // already listening
          std::fprintf(stderr, "Hit SIGUSR1 - starting debugger agent.\n");
          std::fflush(stderr);
          if (agent == nullptr) {
            debugger::AgentOptions agent_options;
            agent_options.port = self->port;
            agent = debugger::Agent::Start(self->env, agent_options);
          } else {
            agent->ListenProtobuf(self->port);  // --inspect only: add the protobuf listener
          }
        },
        SIGUSR1);
    uv_unref(reinterpret_cast<uv_handle_t*>(&signal_debug.handle));

    // stdlib/lib/_bootstrap.js sets up the globals, then runs the main module (or -e source).
    {
      v8::TryCatch try_catch(isolate);
      Local<Function> bootstrap;
      if (!builtins::CompileBuiltin(&env, "_bootstrap").ToLocal(&bootstrap)) {
        if (try_catch.HasCaught()) env.HandleUncaughtException(try_catch);
        return 1;
      }
      Local<Value> bootstrap_args[] = {process};
      Ignore(bootstrap->Call(context, context->Global(), 1, bootstrap_args));
      if (try_catch.HasCaught()) {
        if (!try_catch.CanContinue()) return 1;
        env.HandleUncaughtException(try_catch);
      }
    }
    env.RunTicks();
    if (debug_agent != nullptr) debug_agent->BootstrapDone();

    env.RunLoop();
    exit_code = env.EmitExit(0);
    env.Exit(exit_code);
  }
  return exit_code;
}

}  // namespace nodus
