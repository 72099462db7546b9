// The child half of the API fuzz tests (test-fuzz-*.js start one per module): calls every
// function and method of one stdlib module, or of one process.binding(), with hostile arguments
// and foreign receivers, catching what they throw. Before each call it appends a line naming it
// to the progress file (argv[4]), so that a crash names the call that made it. Deterministic:
// fixed values, keys in sorted order, no randomness.
//
//   runtime fuzz-child.js module <name> <progressFile>
//   runtime fuzz-child.js binding <name> <progressFile>
//
// The process runs in a scratch directory (the parent's choice): relative paths are the only
// strings passed, so file system calls touch nothing else. It ends itself with 'FUZZ-DONE'
// written to the progress file and reallyExit(0), so handles the calls opened do not keep it.
'use strict';
var fs = require('fs');

var kind = process.argv[2];
var name = process.argv[3];
var progressFd = fs.openSync(process.argv[4], 'a');
var methods = process.binding('process_methods');

function progress(line) {
  var b = new Buffer(line.slice(0, 300) + '\n', 'utf8');
  fs.writeSync(progressFd, b, 0, b.length, null);
}

// Names skipped, each with its reason. Keys are 'module.name', 'module.Class#method' or
// 'binding:name.name'.
var SKIP = {
  // Real damage or the end of the fuzzing process itself.
  'process.exit': 'ends the process',
  'process.reallyExit': 'ends the process',
  'process.abort': 'aborts by design',
  'process.kill': 'signals other processes',
  'process.chdir': 'moves the process out of its scratch directory',
  'process.setuid': 'drops privileges for the rest of the run',
  'process.setgid': 'drops privileges for the rest of the run',
  'process.dlopen': 'loads native code',
  'process.binding': 'covered by the binding fuzz tests, one binding per process',
  'process.on': 'replacing the fuzzer\'s own uncaughtException handling',
  'binding:process_methods.reallyExit': 'ends the process',
  'binding:process_methods.kill': 'signals other processes',
  'binding:process_methods.chdir': 'moves the process out of its scratch directory',
  'binding:process_methods.setuid': 'drops privileges for the rest of the run',
  'binding:process_methods.setgid': 'drops privileges for the rest of the run',
  'binding:process_methods.dlopen': 'loads native code',
  'binding:process_methods.setupCallbacks': 'rewires the runtime\'s own tick and callback ' +
      'entry points; the fuzzer would no longer be running the runtime it tests',
  'binding:process_wrap.Process#spawn': 'starts arbitrary programs (child_process.spawn is ' +
      'fuzzed through child_process with harmless command names)',
  'binding:signal_wrap.Signal#start': 'installs handlers for real signals (SIGINT...)',
  'cluster.fork': 'starts workers that run the fuzzer itself',
  'cluster.setupMaster': 'changes what cluster.fork runs',
  'child_process.fork': 'starts a copy of the runtime per call (slow; the IPC channel has ' +
      'tests of its own)',
  'tty.setRawMode': 'changes the terminal of whoever runs the tests',
  'tty.ReadStream#setRawMode': 'changes the terminal of whoever runs the tests',
  'crypto.pbkdf2': 'iterations = 2**53 runs for ever (a valid request, not a bug)',
  'crypto.pbkdf2Sync': 'iterations = 2**53 runs for ever (a valid request, not a bug)',
  'binding:crypto.pbkdf2': 'iterations = 2**53 runs for ever (a valid request, not a bug)',
  'binding:crypto.pbkdf2Sync': 'iterations = 2**53 runs for ever (a valid request, not a bug)',
  'binding:crypto.DiffieHellman': 'a prime of 2**53 bits is generated for ever (valid request)',
  'crypto.createDiffieHellman': 'a prime of 2**53 bits is generated for ever (valid request)',
  'crypto.getDiffieHellman': 'a prime of 2**53 bits is generated for ever (valid request)',
  'module._findPath': 'a long string as the path list is walked one character at a time ' +
      '(100,000 look-ups of a 100 KB name: minutes, not a crash)',
  'readline.createInterface': 'takes over stdin',
  'readline.Interface': 'takes over stdin',
  'repl.start': 'takes over stdin',
  'console.trace': 'prints 100 KB stacks per call to stderr',
  'console.dir': 'prints to stdout (harmless; skipped for speed)',
  'fs.watch': 'inotify watches on the scratch dir pile up; fs binding covers the handle',
  'fs.watchFile': 'a stat poller per call keeps the loop busy; fs binding covers the handle',
  'binding:fs.StatWatcher#start': 'polls for ever; its argument checks are reached by fs.watchFile elsewhere'
};
// Known gaps: crashes found and not fixed in this round (named here rather than hidden).
var KNOWN_GAPS = {};

function skipReason(key) {
  return SKIP[key] || KNOWN_GAPS[key];
}

// ---- The hostile values ------------------------------------------------------------------------

function thrower(what) { return function() { throw new Error('hostile ' + what); }; }
var revoked = Proxy.revocable({}, {});
revoked.revoke();

var VALUES = [
  ['undefined', undefined],
  ['null', null],
  ['true', true],
  ['-1', -1],
  ['NaN', NaN],
  ['2**53', Math.pow(2, 53)],
  ['-0.5', -0.5],
  ["''", ''],
  ["'x'", 'x'],
  ['long', new Array(100001).join('x')],
  ['{}', {}],
  ['[]', []],
  ['[1,2,3]', [1, 2, 3]],
  ['throwingValueOf', { valueOf: thrower('valueOf'), toString: thrower('toString') }],
  ['Symbol', Symbol('fuzz')],
  ['Proxy', new Proxy({}, { get: thrower('get'), has: thrower('has'),
                            ownKeys: thrower('ownKeys'), getPrototypeOf: thrower('proto') })],
  ['revokedProxy', revoked.proxy],
  ['function', function() {}],
  ['Buffer', new Buffer('fuzz')],
  ['Uint8Array', new Uint8Array(3)],
  ['hugeLength', { length: Math.pow(2, 53) }]
];

// Native objects of other bindings, as foreign receivers and arguments: each made if possible.
var FACTORIES = [];  // [label, make]: how each native object is made, for fresh instances
function wrappers() {
  var list = [];
  function add(label, make) {
    FACTORIES.push([label, make]);
    try {
      var value = make();
      if (value !== null && value !== undefined) list.push([label, value]);
    } catch (e) {}
  }
  add('zlibHandle', function() { return new (process.binding('zlib').Zlib)(1); });
  add('tcpHandle', function() { return new (process.binding('tcp_wrap').TCP)(); });
  add('pipeHandle', function() { return new (process.binding('pipe_wrap').Pipe)(false); });
  add('udpHandle', function() { return new (process.binding('udp_wrap').UDP)(); });
  add('timerHandle', function() { return new (process.binding('timer_wrap').Timer)(); });
  add('httpParser', function() {
    var P = process.binding('http_parser').HTTPParser;
    return new P(P.REQUEST);
  });
  add('hash', function() { return new (process.binding('crypto').Hash)('sha1'); });
  add('secureContext', function() {
    var c = new (process.binding('crypto').SecureContext)();
    c.init();
    return c;
  });
  add('ttyHandle', function() { return new (process.binding('tty_wrap').TTY)(-1, false); });
  add('signalHandle', function() { return new (process.binding('signal_wrap').Signal)(); });
  add('processHandle', function() { return new (process.binding('process_wrap').Process)(); });
  add('tlsConnection', function() {
    var c = new (process.binding('crypto').SecureContext)();
    c.init();
    return new (process.binding('tls_wrap').Connection)(c, false, false, false);
  });
  add('cipher', function() {
    return new (process.binding('crypto').Cipher)('aes-128-cbc', new Buffer('key'));
  });
  add('closedTcpHandle', function() {
    var t = new (process.binding('tcp_wrap').TCP)();
    t.close();
    return t;
  });
  return list;
}
var WRAPPERS = wrappers();
// Options objects that carry a foreign native object or a hostile number where a handle, a
// descriptor or a size is expected.
var OPTIONS = [];
WRAPPERS.slice(0, 4).forEach(function(w) {
  OPTIONS.push(['{handle: ' + w[0] + '}', { handle: w[1] }]);
});
OPTIONS.push(['{fd: 2**53}', { fd: Math.pow(2, 53) }]);
OPTIONS.push(['{fd: -1, port: -1}', { fd: -1, port: -1, host: 'x' }]);
OPTIONS.push(['{chunkSize: -1, windowBits: NaN}', { chunkSize: -1, windowBits: NaN,
                                                    level: 2e9, memLevel: -1, highWaterMark: -1 }]);
var ALL = VALUES.concat(WRAPPERS, OPTIONS);
var RECEIVERS = [['undefined', undefined], ['null', null], ['{}', {}],
                 ['Proxy', VALUES[15][1]]].concat(WRAPPERS);

// Argument lists: none; each value alone; each value twice; each value before and after a
// plain string; each value with a callback after it.
function noop() {}
function argumentLists() {
  var lists = [[[], '']];
  ALL.forEach(function(v) {
    lists.push([[v[1]], v[0]]);
    lists.push([[v[1], v[1]], v[0] + ', ' + v[0]]);
    lists.push([['x', v[1]], "'x', " + v[0]]);
    lists.push([[v[1], 'x', 1], v[0] + ", 'x', 1"]);
    lists.push([[v[1], noop], v[0] + ', fn']);
  });
  return lists;
}
var ARGS = argumentLists();

var calls = 0;
function attempt(label, fn, receiver, args, asConstructor) {
  progress(label);
  calls++;
  try {
    var result = asConstructor ? Reflect.construct(fn, args) : fn.apply(receiver, args);
    // Promises that reject must not count as unhandled crashes.
    if (result && typeof result.then === 'function') {
      try { result.then(noop, noop); } catch (e) {}
    }
    return result;
  } catch (e) {
    return undefined;
  }
}

// ---- What is fuzzed -----------------------------------------------------------------------------

function sortedKeys(object) {
  var keys = [];
  try { keys = Object.getOwnPropertyNames(object); } catch (e) { return []; }
  return keys.filter(function(k) { return k !== 'constructor' && k !== 'caller' &&
                                          k !== 'arguments'; }).sort();
}

function ownFunction(object, key) {
  var d = Object.getOwnPropertyDescriptor(object, key);
  if (!d) return null;
  return { value: typeof d.value === 'function' ? d.value : null, get: d.get || null };
}

function fuzzFunction(label, fn, receiver) {
  ARGS.forEach(function(a) { attempt(label + '(' + a[1] + ')', fn, receiver, a[0], false); });
}

// A class: its constructor with every argument list, then every prototype method (and getter)
// on an instance made with no arguments (or the first that worked), on foreign receivers and
// on a fresh instance per argument list when the method may have closed it.
function fuzzClass(prefix, key, F) {
  var label = prefix + key;
  var instances = [];
  ARGS.forEach(function(a) {
    var made = attempt('new ' + label + '(' + a[1] + ')', F, undefined, a[0], true);
    if (made !== undefined && instances.length < 2) instances.push(made);
  });
  // A native class: objects of it made the known good way, a fresh one per method.
  var factories = FACTORIES.filter(function(f) {
    try { return f[1]() instanceof F; } catch (e) { return false; }
  });
  var proto = F.prototype;
  sortedKeys(proto).forEach(function(m) {
    var mkey = label + '#' + m;
    if (skipReason(mkey)) return;
    var f = ownFunction(proto, m);
    if (!f) return;
    RECEIVERS.forEach(function(r) {
      if (f.value) attempt(mkey + ' on ' + r[0] + '()', f.value, r[1], [], false);
      if (f.get) attempt(mkey + ' getter on ' + r[0], f.get, r[1], [], false);
    });
    instances.forEach(function(instance) {
      if (f.get) attempt(mkey + ' getter', f.get, instance, [], false);
      if (f.value) fuzzFunction(mkey, f.value, instance);
    });
    factories.forEach(function(factory) {
      var instance;
      try { instance = factory[1](); } catch (e) { return; }
      if (f.get) attempt(mkey + ' getter on a new ' + factory[0], f.get, instance, [], false);
      if (f.value) fuzzFunction(mkey + ' on a new ' + factory[0], f.value, instance);
    });
  });
}

function isClass(fn) {
  if (typeof fn !== 'function' || !fn.prototype) return false;
  return sortedKeys(fn.prototype).length > 0 || /^[A-Z]/.test(fn.name || '');
}

function fuzzObject(prefix, object) {
  sortedKeys(object).forEach(function(key) {
    if (skipReason(prefix + key)) return;
    var f = ownFunction(object, key);
    if (!f || !f.value) return;
    if (isClass(f.value)) {
      fuzzClass(prefix, key, f.value);
    } else {
      fuzzFunction(prefix + key, f.value, object);
      RECEIVERS.forEach(function(r) {
        attempt(prefix + key + ' on ' + r[0] + '()', f.value, r[1], [], false);
      });
    }
  });
}

process.on('uncaughtException', function() {});

if (kind === 'module') {
  var target = name === 'process' ? process : require(name);
  fuzzObject(name + '.', target);
  if (name === 'buffer') fuzzClass('buffer.', 'Buffer#instance', Buffer);
} else {
  fuzzObject('binding:' + name + '.', process.binding(name));
}

// Let what the calls started (callbacks, errors, closes) run for a few turns of the loop.
var turns = 0;
(function spin() {
  if (++turns < 20) return setTimeout(spin, 1);
  progress('FUZZ-DONE ' + calls + ' calls');
  methods.reallyExit(0);
})();
