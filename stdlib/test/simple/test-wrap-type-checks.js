// No JS can make native code take one wrapper object for another (runtime/core/base_object.h).
// One object of every wrapper class of process.binding(), plus plain objects, forged look-alikes,
// closed objects and hybrids (Reflect.construct with another class's new.target), is
//   (a) passed to every native method that takes a handle or another native object as an
//       argument: each either works (the class fits) or throws a TypeError (pipeTo returns a
//       negative libuv code for a destination it cannot pipe to, as net.js expects);
//   (b) used as the receiver of every prototype method of every other class, and of the
//       constructors, through Function.prototype.call: each throws a TypeError.
// The process must not crash; it ends by printing the number of calls checked.
require('../common');
var assert = require('assert');
var fs = require('fs');

var TCP = process.binding('tcp_wrap').TCP;
var Pipe = process.binding('pipe_wrap').Pipe;
var TTY = process.binding('tty_wrap').TTY;
var UDP = process.binding('udp_wrap').UDP;
var Process = process.binding('process_wrap').Process;
var fsb = process.binding('fs');
var HTTPParser = process.binding('http_parser').HTTPParser;
var Zlib = process.binding('zlib').Zlib;
var ContextifyScript = process.binding('contextify').ContextifyScript;
var makeContext = process.binding('contextify').makeContext;
var StdioPipe = process.binding('stdio_wrap').StdioPipe;
var crypto = process.binding('crypto');
var Connection = process.binding('tls_wrap').Connection;

var nullFd = fs.openSync('/dev/null', 'w');

function secureContext() {
  var sc = new crypto.SecureContext();
  sc.init();
  return sc;
}

// Every wrapper class, with a way to make one instance (null if this machine cannot: a TTY
// needs a terminal).
var classes = [
  { name: 'TCP', ctor: TCP, make: function() { return new TCP(); } },
  { name: 'Pipe', ctor: Pipe, make: function() { return new Pipe(); } },
  { name: 'Pipe(ipc)', ctor: Pipe, make: function() { return new Pipe(true); } },
  { name: 'TTY', ctor: TTY, make: function() {
    try { return new TTY(0, false); } catch (e) { return null; }
  } },
  { name: 'UDP', ctor: UDP, make: function() { return new UDP(); } },
  { name: 'Process', ctor: Process, make: function() { return new Process(); } },
  { name: 'StatWatcher', ctor: fsb.StatWatcher, make: function() { return new fsb.StatWatcher(); } },
  { name: 'FSEvent', ctor: fsb.FSEvent, make: function() { return new fsb.FSEvent(); } },
  { name: 'HTTPParser', ctor: HTTPParser,
    make: function() { return new HTTPParser(HTTPParser.REQUEST); } },
  { name: 'Zlib', ctor: Zlib, make: function() { return new Zlib(1); } },
  { name: 'ContextifyScript', ctor: ContextifyScript,
    make: function() { return new ContextifyScript('1', 'x.js'); } },
  { name: 'StdioPipe', ctor: StdioPipe, make: function() { return new StdioPipe(nullFd); } },
  { name: 'Hash', ctor: crypto.Hash, make: function() { return new crypto.Hash('sha1'); } },
  { name: 'Hmac', ctor: crypto.Hmac,
    make: function() { return new crypto.Hmac('sha1', new Uint8Array(4)); } },
  { name: 'Sign', ctor: crypto.Sign, make: function() { return new crypto.Sign('sha1'); } },
  { name: 'Verify', ctor: crypto.Verify, make: function() { return new crypto.Verify('sha1'); } },
  { name: 'CipherBase', ctor: crypto.CipherBase, make: function() { return new crypto.CipherBase(true); } },
  { name: 'DiffieHellman', ctor: crypto.DiffieHellman,
    make: function() { return new crypto.DiffieHellman(new Uint8Array([0xff, 0xff, 0xff, 0xfb])); } },
  { name: 'SecureContext', ctor: crypto.SecureContext, make: secureContext },
  { name: 'Connection', ctor: Connection,
    make: function() { return new Connection(secureContext(), false, false, false); } }
];

// name -> object, for every receiver/argument candidate.
var objects = [];
classes.forEach(function(c) {
  var o = c.make();
  if (o !== null) objects.push({ name: c.name, cls: c, value: o });
});
function closed(name, cls, o, close) { close(o); objects.push({ name: 'closed ' + name, cls: cls, value: o }); }
closed('TCP', classes[0], new TCP(), function(o) { o.close(); });
closed('Zlib', classes[9], new Zlib(1), function(o) { o.close(); });
closed('SecureContext', classes[18], secureContext(), function(o) { o.close(); });

// Objects that are not wrappers, or only look like one.
var tcpForForgery = new TCP();
var forged = [
  {}, [], function() {}, Object.create(TCP.prototype), Object.create(HTTPParser.prototype),
  Object.create(Zlib.prototype), Object.create(crypto.Hash.prototype),
  { _handle: tcpForForgery, fd: 0, type: 'pipe', handle: tcpForForgery },
  new Proxy(tcpForForgery, {}), new Proxy({}, {}), makeContext(), new Uint8Array(16),
  new ArrayBuffer(8), Object.setPrototypeOf({}, TCP.prototype), 0, 1, -1, 'x', true, null,
  undefined, Symbol('s'), 1n
];
forged.forEach(function(v, i) { objects.push({ name: 'forged#' + i, cls: null, value: v }); });

// Hybrids: one class's native object with another's prototype, and the reverse.
[[Zlib, [1], TCP], [TCP, [], HTTPParser], [HTTPParser, [HTTPParser.REQUEST], Pipe],
 [crypto.Hash, ['sha1'], crypto.Hmac], [Pipe, [], TCP], [TCP, [], Pipe]].forEach(function(h) {
  var o = Reflect.construct(h[0], h[1], h[2]);
  var cls = classes.filter(function(c) { return c.ctor === h[0]; })[0];
  objects.push({ name: cls.name + ' as ' + h[2].name, cls: cls, value: o });
});
// A JS subclass instance is a real object of its base class.
class MyTCP extends TCP {}
objects.push({ name: 'MyTCP', cls: classes[0], value: new MyTCP() });

var checked = 0;

function expectTypeErrorOrWorks(what, fn, works) {
  var result, threw = null;
  try { result = fn(); } catch (e) { threw = e; }
  checked++;
  if (threw === null) {
    assert.ok(works(result), what + ' returned ' + String(result) + ' for a foreign object');
  } else if (!(threw instanceof TypeError)) {
    assert.ok(works(threw), what + ' threw ' + String(threw) + ' instead of a TypeError');
  }
}

function isStream(entry) {
  return entry.cls !== null && /^(TCP|Pipe|Pipe\(ipc\)|TTY)$/.test(entry.cls.name) &&
         !/^closed /.test(entry.name);
}

// (a) Methods that take another native object as an argument.
objects.forEach(function(arg) {
  var v = arg.value;
  // HTTPParser.prototype.consume(streamHandle)
  var parser = new HTTPParser(HTTPParser.REQUEST);
  expectTypeErrorOrWorks('consume(' + arg.name + ')', function() { return parser.consume(v); },
                         function() { return isStream(arg); });
  parser.detach();
  // StreamWrap.prototype.pipeTo(destHandle): a negative code refuses a destination.
  var tcp = new TCP();
  expectTypeErrorOrWorks('pipeTo(' + arg.name + ')', function() { return tcp.pipeTo(v); },
                         function(r) { return typeof r === 'number' && (r < 0 || isStream(arg)); });
  tcp.unpipe(true);
  tcp.close();
  // Pipe.prototype.writeWithHandle(req, string, handle)
  var ipc = new Pipe(true);
  expectTypeErrorOrWorks('writeWithHandle(' + arg.name + ')', function() {
    return ipc.writeWithHandle({ oncomplete: function() {} }, 'x\n', v);
  }, function(r) { return typeof r === 'number' || r instanceof Error; });
  ipc.close();
  // Process.prototype.spawn({stdio: [{type: 'pipe', handle}]})
  var proc = new Process();
  expectTypeErrorOrWorks('spawn(stdio ' + arg.name + ')', function() {
    return proc.spawn({ file: '/nonexistent/wrap-type-checks', args: ['x'], cwd: '.',
                        stdio: [{ type: 'pipe', handle: v }] });
  }, function(r) { return typeof r === 'number' && r < 0; });
  // new Connection(secureContext, ...)
  expectTypeErrorOrWorks('new Connection(' + arg.name + ')', function() {
    return new Connection(v, false, false, false);
  }, function() { return arg.cls !== null && arg.cls.name === 'SecureContext' &&
                         !/^closed /.test(arg.name); });
  // ContextifyScript.prototype.runInContext(global)
  var script = new ContextifyScript('1', 'x.js');
  expectTypeErrorOrWorks('runInContext(' + arg.name + ')', function() {
    return script.runInContext(v);
  }, function(r) { return r === 1 && (v === undefined || arg.name === 'forged#10'); });
});

// (b) Every prototype method, and every constructor, with every foreign receiver.
var someArgs = [new Uint8Array(4), 0, 'x', {}];
classes.forEach(function(c) {
  var proto = c.ctor.prototype;
  Object.getOwnPropertyNames(proto).forEach(function(key) {
    var method = proto[key];
    if (typeof method !== 'function') return;
    objects.forEach(function(recv) {
      // A receiver of this very class (or a hybrid made by its constructor) may work.
      var own = recv.cls !== null && recv.cls.ctor === c.ctor;
      if (own && key !== 'constructor') return;  // not foreign: nothing to check
      [[], someArgs].forEach(function(args) {
        expectTypeErrorOrWorks(c.name + '.prototype.' + key + ' on ' + recv.name, function() {
          return method.apply(recv.value, args);
        }, function() { return false; });
      });
    });
  });
});

objects.forEach(function(o) {
  if (o.value !== null && typeof o.value === 'object' && typeof o.value.close === 'function' &&
      o.cls !== null && /^(TCP|Pipe|Pipe\(ipc\)|TTY|UDP|StatWatcher|FSEvent)$/.test(o.cls.name)) {
    try { o.value.close(); } catch (e) {}
  }
});
tcpForForgery.close();
fs.closeSync(nullFd);
assert.ok(checked > 3000, 'checked ' + checked);
console.log('checked ' + checked + ' calls');
