// The first JavaScript the runtime runs (runtime/core/start.cc calls it with the native
// `process` object). It builds the rest of `process`, the global object, the nextTick queue and
// the builtin module loader, then runs the main module, the -e source, the REPL or stdin.
// Builtins load lazily: a script pays only for the modules it uses.
'use strict';

var global = globalThis;
var natives = process.binding('natives');
var methods = process.binding('process_methods');

// v0.6's `evals` binding (NodeScript, the class behind vm.Script), which old code such as
// nodeunit reaches for directly, is vm.Script here.
var nativeBinding = process.binding;
var evalsBinding = null;
process.binding = function binding(name) {
  if (name === 'evals') {
    if (evalsBinding === null) {
      var Script = NativeModule.require('vm').Script;
      evalsBinding = { NodeScript: Script, Script: Script };
    }
    return evalsBinding;
  }
  return nativeBinding(name);
};

// --- Builtin modules -------------------------------------------------------------------------
// NativeModule loads the stdlib compiled into the binary. Builtins see the same parameters as
// user modules, but their `require` reaches only other builtins.
function NativeModule(id) {
  this.filename = id + '.js';
  this.id = id;
  this.exports = {};
  this.loaded = false;
}

NativeModule._cache = {};

NativeModule.require = function(id) {
  if (id === 'native_module') return NativeModule;
  var cached = NativeModule._cache[id];
  if (cached) return cached.exports;
  if (!NativeModule.exists(id)) throw new Error('No such native module ' + id);
  var nativeModule = new NativeModule(id);
  NativeModule._cache[id] = nativeModule;
  var ok = false;
  try {
    var fn = natives.compile(id);
    fn.call(nativeModule.exports, nativeModule.exports, NativeModule.require, nativeModule,
            nativeModule.filename, '');
    ok = true;
  } finally {
    if (!ok) delete NativeModule._cache[id];
  }
  nativeModule.loaded = true;
  return nativeModule.exports;
};

NativeModule.exists = function(id) {
  return id !== '_bootstrap' && natives.exists(id);
};

// The debugger agent (debugger/agent/agent.cc) prints values as the REPL does, with util.inspect,
// and takes the function from here: non-writable and non-configurable, defined before any of the
// program runs, so that no `util`, `require` or global of the program's changes what it prints.
Object.defineProperty(process, '_debugInspect', {
  value: function() { return NativeModule.require('util').inspect; }
});

// --- process -----------------------------------------------------------------------------------
var EventEmitter = NativeModule.require('events').EventEmitter;
Object.setPrototypeOf(process, Object.create(EventEmitter.prototype, {
  constructor: { value: process.constructor, writable: true, configurable: true }
}));
EventEmitter.call(process);
// v0.6 also exposed the class here; old code (socket.io 0.9) takes it from process.
process.EventEmitter = EventEmitter;

// The nextTick queue. tickInfo[0] mirrors how many callbacks wait, so native code calls into
// JS only when there is something to run (runtime/core/environment.cc, RunTicks).
// tickQueue[tickIndex .. tickLength) wait; the array keeps its length (the slots that ran hold
// undefined) so that queueing reuses its backing store: emptying it (`length = 0`) made V8 drop
// the store and grow a new one for the next tick, on every turn with a tick.
var tickQueue = [];
var tickIndex = 0;
var tickLength = 0;
var tickInfo = methods.setupCallbacks(runTicks, fatalException, unhandledRejection);

// A queued callback and up to three arguments, without an `arguments` copy; more go in args.
function Tick(callback, argc, a1, a2, a3, args) {
  this.callback = callback;
  this.argc = argc;
  this.a1 = a1;
  this.a2 = a2;
  this.a3 = a3;
  this.args = args;
}

function nextTick(callback, a1, a2, a3) {
  if (typeof callback !== 'function') {
    throw new TypeError('process.nextTick: callback must be a function');
  }
  var argc = arguments.length;
  tickQueue[tickLength++] = new Tick(callback, argc, a1, a2, a3,
                                     argc > 4 ? Array.prototype.slice.call(arguments, 1) : null);
  tickInfo[0] = tickLength - tickIndex;
}

// A tick's callback, called as a plain function (`this` is undefined, the global object for
// sloppy code), with the arguments given to nextTick.
function callTick(tick) {
  var callback = tick.callback;
  switch (tick.argc) {
    case 1: callback(); break;
    case 2: callback(tick.a1); break;
    case 3: callback(tick.a1, tick.a2); break;
    case 4: callback(tick.a1, tick.a2, tick.a3); break;
    default: callback.apply(undefined, tick.args);
  }
}

// One pass over the queue, as v0.6.3's _tickCallback: only the callbacks queued before the pass
// began run, each followed by the Promise reactions it caused; those queued during the pass run
// on the next turn of the loop, after timers and I/O (runtime/core/environment.cc keeps the loop
// turning for them). A callback that throws leaves the rest queued: native code reports the
// error and the next pass goes on. A nested call (old code calls process._tickCallback itself)
// does nothing.
// Native code passes true and runs the last callback's Promise reactions itself, which saves
// a call back into native code for a pass of one callback (a chain of ticks).
var ticking = false;
function runTicks(fromNative) {
  // timers.js calls this after every timer: an empty queue must cost next to nothing.
  if (ticking || tickIndex === tickLength) return;
  ticking = true;
  var end = tickLength;
  try {
    while (tickIndex < end) {
      var tick = tickQueue[tickIndex];
      tickQueue[tickIndex++] = undefined;
      tickInfo[0] = tickLength - tickIndex;
      callTick(tick);
      if (tickIndex < end || fromNative !== true) methods.runMicrotasks();
    }
  } finally {
    ticking = false;
    if (tickIndex === tickLength) {
      // All ran: the slots are reused from the start, unless a burst left the array long.
      if (tickQueue.length > 1024) tickQueue = [];
      tickIndex = tickLength = 0;
    } else if (tickIndex >= 1024) {
      // A chain of ticks leaves one behind each pass: cut off the slots that ran, now and then.
      tickQueue = tickQueue.slice(tickIndex, tickLength);
      tickLength -= tickIndex;
      tickIndex = 0;
    }
    tickInfo[0] = tickLength - tickIndex;
  }
}

function fatalException(error) {
  if (process.listeners('uncaughtException').length === 0) return false;
  process.emit('uncaughtException', error);
  return true;
}

function unhandledRejection(reason, promise) {
  if (process.listeners('unhandledRejection').length === 0) return false;
  process.emit('unhandledRejection', reason, promise);
  return true;
}

process.nextTick = nextTick;
process._tickCallback = runTicks;
process.cwd = methods.cwd;
process.chdir = methods.chdir;
process.umask = methods.umask;
process.dlopen = methods.dlopen;
process.memoryUsage = methods.memoryUsage;
process.uptime = methods.uptime;
process.getuid = methods.getuid;
process.getgid = methods.getgid;
process.setuid = methods.setuid;
process.setgid = methods.setgid;
Object.defineProperty(process, 'geteuid', { value: methods.geteuid, writable: true, configurable: true });
Object.defineProperty(process, 'getegid', { value: methods.getegid, writable: true, configurable: true });

// process.hrtime([previous]) -> [seconds, nanoseconds]; later than v0.6, harmless to have.
Object.defineProperty(process, 'hrtime', {
  writable: true,
  configurable: true,
  value: function hrtime(previous) {
    var ns = methods.hrtime();
    var seconds = Math.floor(ns / 1e9);
    var nanos = ns - seconds * 1e9;
    if (previous !== undefined) {
      if (!Array.isArray(previous)) throw new TypeError('process.hrtime() only accepts an Array tuple');
      seconds -= previous[0];
      nanos -= previous[1];
      if (nanos < 0) {
        seconds--;
        nanos += 1e9;
      }
    }
    return [seconds, nanos];
  }
});

process.exit = function(code) {
  code = code | 0;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', code);
  }
  methods.reallyExit(code);
};

var signals;
process.kill = function(pid, sig) {
  if (typeof pid !== 'number' || pid !== (pid | 0)) throw new TypeError('invalid pid');
  if (sig === undefined) sig = 'SIGTERM';
  if (typeof sig === 'string') {
    if (!signals) signals = process.binding('constants');
    if (!/^SIG[A-Z0-9]+$/.test(sig) || typeof signals[sig] !== 'number') {
      throw new Error('Unknown signal: ' + sig);
    }
    sig = signals[sig];
  } else if (typeof sig !== 'number' || sig !== (sig | 0)) {
    throw new TypeError('Unknown signal: ' + sig);
  }
  methods.kill(pid, sig);
  return true;
};

// process.reallyExit(code): ends the process at once, without 'exit' (v0.6 had it public).
process.reallyExit = function reallyExit(code) {
  methods.reallyExit(code | 0);
};

// What this build supports, as v0.6.3 reported it. NPN does not exist in OpenSSL 3 (ALPN
// replaced it); server names (SNI) are matched by tls.js.
process.features = {
  debug: false,
  uv: true,
  ipv6: true,
  tls_npn: false,
  tls_sni: true,
  tls: true
};

// Signals, as v0.6.3 did them: process.on/addListener for 'SIGxxx' installs a watcher, and
// removing the last listener stops it, which gives the signal back its default action.
var signalWrap = null;
function signalNumber(event) {
  if (typeof event !== 'string' || !/^SIG[A-Z0-9]+$/.test(event)) return 0;
  if (!signals) signals = process.binding('constants');
  return typeof signals[event] === 'number' ? signals[event] : 0;
}
function startSignal(signum) {
  if (!signalWrap) {
    signalWrap = process.binding('signal_wrap');
    signalWrap.onsignal = function(number) {
      if (!signals) signals = process.binding('constants');
      for (var name in signals) {
        if (signals[name] === number && /^SIG/.test(name)) process.emit(name, name);
      }
    };
  }
  signalWrap.start(signum);
}
function stopSignalIfUnheard(event) {
  var signum = signalNumber(event);
  if (signum === 0 || !signalWrap) return;
  var list = process._events && process._events[event];
  if (!list || (Array.isArray(list) && list.length === 0)) signalWrap.stop(signum);
}
var emitterProto = EventEmitter.prototype;
process.on = process.addListener = function addListener(type, listener) {
  var result = emitterProto.addListener.call(this, type, listener);
  var signum = signalNumber(type);
  if (signum !== 0) startSignal(signum);
  return result;
};
process.removeListener = function removeListener(type, listener) {
  var result = emitterProto.removeListener.call(this, type, listener);
  stopSignalIfUnheard(type);
  return result;
};
process.removeAllListeners = function removeAllListeners(type) {
  var types = arguments.length === 0 && this._events ? Object.keys(this._events) : [type];
  var result = emitterProto.removeAllListeners.apply(this, arguments);
  for (var i = 0; i < types.length; i++) stopSignalIfUnheard(types[i]);
  return result;
};

// stdout and stderr write synchronously to files and terminals, as in v0.6.
function stdioGetter(name, fd) {
  var stream;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: true,
    get: function() {
      if (!stream) {
        stream = NativeModule.require('_stdio').createWritable(fd);
        // As in v0.6.3, stdout and stderr cannot be closed.
        stream.end = stream.destroy = stream.destroySoon = function() {
          throw new Error('process.' + name + ' cannot be closed');
        };
      }
      return stream;
    }
  });
}
stdioGetter('stdout', 1);
stdioGetter('stderr', 2);

var stdin;
Object.defineProperty(process, 'stdin', {
  configurable: true,
  enumerable: true,
  get: function() {
    if (!stdin) stdin = NativeModule.require('_stdio').createReadable(0);
    return stdin;
  }
});

process.openStdin = function() {
  process.stdin.resume();
  return process.stdin;
};

// --- The global object ---------------------------------------------------------------------
// Enumerable globals are exactly v0.6's; anything newer is defined non-enumerable.
global.global = global;
global.GLOBAL = global;
global.root = global;
global.process = process;

function lazyGlobal(name, load) {
  Object.defineProperty(global, name, {
    configurable: true,
    enumerable: true,
    get: function() {
      var value = load();
      Object.defineProperty(global, name, {
        value: value, writable: true, configurable: true, enumerable: true
      });
      return value;
    },
    set: function(value) {
      Object.defineProperty(global, name, {
        value: value, writable: true, configurable: true, enumerable: true
      });
    }
  });
}

lazyGlobal('console', function() { return NativeModule.require('console'); });
if (NativeModule.exists('buffer')) {
  lazyGlobal('Buffer', function() { return NativeModule.require('buffer').Buffer; });
}

// Timers stay cheap until first used: these forward to stdlib/lib/timers.js, and the first call
// of any puts timers.js's own functions in their place (each global the program has not replaced
// meanwhile), so that later calls cost no forwarding: `arguments` and an apply per call were a
// tenth of a set-and-clear pair's instructions.
var timerForwarders = {};
function loadTimers() {
  var timers = NativeModule.require('timers');
  Object.keys(timerForwarders).forEach(function(name) {
    if (global[name] === timerForwarders[name]) global[name] = timers[name];
  });
  return timers;
}
['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'setImmediate',
 'clearImmediate'].forEach(function(name) {
  var forwarder = timerForwarders[name] = function() {
    return loadTimers()[name].apply(this, arguments);
  };
  Object.defineProperty(forwarder, 'name', { value: name });
  // v0.6's globals are enumerable; setImmediate and clearImmediate came later.
  Object.defineProperty(global, name, {
    writable: true,
    configurable: true,
    enumerable: name.indexOf('Immediate') === -1,
    value: forwarder
  });
});
// V8 3.6's built-ins that code of the time relies on (Proxy.create, the locale methods), on
// this context's intrinsics; vm.js gives every new context the same.
NativeModule.require('_v06_builtins').install(global);
Object.defineProperty(global, 'queueMicrotask', {
  writable: true,
  configurable: true,
  value: function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError('queueMicrotask: callback must be a function');
    }
    Promise.resolve().then(callback);
  }
});

// --- A process started by child_process.fork ------------------------------------------------
// NODE_CHANNEL_FD names its IPC channel; the variable is not passed on to the processes this one
// starts. A cluster worker (NODE_WORKER_ID) checks in with its master, as v0.6's did.
if (process.env.NODE_CHANNEL_FD !== undefined) {
  var channelFd = Number(process.env.NODE_CHANNEL_FD);
  delete process.env.NODE_CHANNEL_FD;
  if (channelFd === (channelFd | 0) && channelFd >= 0) {
    NativeModule.require('child_process')._forkChild(channelFd);
    if (process.env.NODE_WORKER_ID !== undefined) NativeModule.require('cluster');
  }
}

// --- Run the program --------------------------------------------------------------------------
var Module = NativeModule.require('module');

// With no script: the REPL when stdin is a terminal (or -i asks for it), otherwise all of
// stdin is the script, as in v0.6 (`echo 'console.log(1)' | node`); a closed stdin is an empty
// program. After -e, -i still enters the REPL.
function startRepl() {
  methods.writeString(1, "Type '.help' for options.\n");
  var repl = Module.requireRepl().start('> ', null, null, true);
  repl.on('exit', function() { process.exit(); });
}

if (process._eval != null) {
  Module._runEval(process._eval, !!process._print_eval);
  if (process._forceRepl) startRepl();
} else if (process.argv[1] && process.argv[1] !== '-') {
  var path = NativeModule.require('path');
  process.argv[1] = path.resolve(process.argv[1]);
  Module.runMain();
} else if (process._forceRepl ||
           (process.argv[1] !== '-' && process.binding('tty_wrap').isTTY(0))) {
  startRepl();
} else if (process.binding('tty_wrap').guessHandleType(0) !== 'UNKNOWN') {
  var stdinSource = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', function(chunk) { stdinSource += chunk; });
  process.stdin.on('end', function() {
    var cwd = process.cwd();
    var stdinModule = new Module('.');
    stdinModule.filename = NativeModule.require('path').join(cwd, '[stdin]');
    stdinModule.paths = Module._nodeModulePaths(cwd);
    stdinModule._compile(stdinSource, '[stdin]');
  });
  process.stdin.resume();
}
