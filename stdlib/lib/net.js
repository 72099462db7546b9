// The net module: TCP and Unix-socket servers and connections over process.binding('tcp_wrap')
// and process.binding('pipe_wrap') (see runtime/core/stream_wrap.h for the handle interface).
//
// Memory: an idle connection costs its native handle, the handle's JS object and one Socket.
// No closures are made per socket: the callbacks libuv makes (onread, onconnection, and the
// oncomplete of connect/write/shutdown requests) live on prototypes and find their Socket or
// Server through `handle.owner`. Rarely changed fields default on Socket.prototype.
'use strict';

var events = require('events');
var EventEmitter = events.EventEmitter;
var Stream = require('stream');
var timers = require('timers');
var util = require('util');
var Buffer = require('buffer').Buffer;
var fromArrayBuffer = require('buffer')._fromArrayBuffer;

var tcpBinding = process.binding('tcp_wrap');
var pipeBinding = process.binding('pipe_wrap');
var TCP = tcpBinding.TCP;
var Pipe = pipeBinding.Pipe;
// Every stream write reports its byte count and whether it was queued here (one shared array).
var writeInfo = tcpBinding.writeInfo;
var UV_EOF = tcpBinding.UV_EOF;

var StringDecoder;  // Loaded by the first setEncoding().

// A libuv error code (negative) as an Error worded as v0.6 worded it: "connect ECONNREFUSED",
// with errno the code name too.
var errnoException = require('_errors').errnoException;
var errname = require('_errors').errname;

// ---- Addresses ---------------------------------------------------------------------------------

var IPV4_PART = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
var IPV4_RE = new RegExp('^' + IPV4_PART + '(?:\\.' + IPV4_PART + '){3}$');
var HEX_GROUP_RE = /^[0-9a-fA-F]{1,4}$/;

function isIPv4(input) {
  return typeof input === 'string' && IPV4_RE.test(input);
}

// Eight 16-bit hex groups, at most one '::' standing for one or more zero groups, and optionally
// a dotted IPv4 address in place of the last two groups.
function isIPv6(input) {
  if (typeof input !== 'string' || input.length < 2 || input.length > 45) return false;
  var halves = input.split('::');
  if (halves.length > 2) return false;
  var groups = 0;
  for (var h = 0; h < halves.length; h++) {
    if (halves[h] === '') continue;
    var parts = halves[h].split(':');
    for (var i = 0; i < parts.length; i++) {
      var last = h === halves.length - 1 && i === parts.length - 1;
      if (last && isIPv4(parts[i])) {
        groups += 2;
      } else if (HEX_GROUP_RE.test(parts[i])) {
        groups += 1;
      } else {
        return false;
      }
    }
  }
  return halves.length === 2 ? groups <= 7 : groups === 8;
}

function isIP(input) {
  if (isIPv4(input)) return 4;
  if (isIPv6(input)) return 6;
  return 0;
}

exports.isIP = isIP;
exports.isIPv4 = isIPv4;
exports.isIPv6 = isIPv6;

// A port argument: numbers and numeric strings (v0.6 coerced '80'), 0 to 65535. Returns the
// port, or -1 when `value` is a string that is not a number (a Unix socket path to callers).
function toPort(value, what) {
  if (typeof value === 'string') {
    if (!/^\s*[0-9]+\s*$/.test(value)) return -1;
    value = Number(value);
  } else if (typeof value !== 'number') {
    throw new TypeError(what + ': port must be a number, not ' +
                        (value === null ? 'null' : typeof value));
  }
  if (!(value >= 0 && value <= 65535) || value !== Math.floor(value)) {
    throw new RangeError(what + ': port must be an integer from 0 to 65535, not ' + value);
  }
  return value;
}

// Calls back (err, ip, family) for a host name: IP literals and 'localhost' at once, anything
// else through require('dns').lookup when the runtime has a dns module.
function resolveHost(host, callback) {
  var family = isIP(host);
  if (family !== 0) return callback(null, host, family);
  if (host === 'localhost') return callback(null, '127.0.0.1', 4);
  var dns;
  try {
    dns = require('dns');
  } catch (e) {
    dns = null;
  }
  if (dns === null || typeof dns.lookup !== 'function') {
    var e = new Error('getaddrinfo ENOTFOUND');
    e.errno = e.code = 'ENOTFOUND';
    e.syscall = 'getaddrinfo';
    return callback(e);
  }
  dns.lookup(host, function(err, ip, family) {
    if (err) return callback(err);
    // dns.lookup('') answers null: no address to connect to or bind.
    if (typeof ip !== 'string' || isIP(ip) === 0) {
      var notFound = new Error('getaddrinfo ENOTFOUND');
      notFound.errno = notFound.code = 'ENOTFOUND';
      notFound.syscall = 'getaddrinfo';
      return callback(notFound);
    }
    callback(null, ip, family || isIP(ip));
  });
}

// { address, port } of a handle, the two properties the v0.6 docs give (no `family`).
function addressOf(handle, method) {
  if (!handle || typeof handle[method] !== 'function') return null;
  // Made with the properties the binding fills: it then writes them in place, without adding
  // properties to an empty object (a third of the call).
  var out = { address: undefined, port: undefined, family: undefined };
  if (handle[method](out) !== 0) return null;
  return { address: out.address, port: out.port };
}

// ---- Requests ----------------------------------------------------------------------------------
// Plain objects handed to the native side; their oncomplete callbacks are shared.

function WriteReq(cb) {
  this.cb = cb;
  this.bytes = 0;
}
WriteReq.prototype.oncomplete = afterWrite;
var spareWriteReq = null;

function ConnectReq() {}
ConnectReq.prototype.oncomplete = afterConnect;

function ShutdownReq() {}
ShutdownReq.prototype.oncomplete = afterShutdown;

// ---- Socket ------------------------------------------------------------------------------------

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  Stream.call(this);
  this._handle = null;
  this.readable = false;
  this.writable = false;

  if (typeof options === 'number') options = { fd: options };  // v0.4-era new Socket(fd).
  if (options) {
    if (options.allowHalfOpen) this.allowHalfOpen = true;
    if (options.handle) {
      setHandle(this, options.handle);
    } else if (options.fd !== undefined && options.fd !== null) {
      var type = options.type;
      setHandle(this, type === 'tcp4' || type === 'tcp6' || type === 'tcp' ? new TCP() : new Pipe());
      var err = this._handle.open(options.fd);
      if (err) {
        var handle = this._handle;
        this._handle = null;
        handle.owner = null;
        handle.close();
        throw errnoException(err, 'open');
      }
      this.readable = this.writable = true;
      this._handle.readStart();
    }
  }
}
util.inherits(Socket, Stream);
exports.Socket = Socket;
exports.Stream = Socket;  // v0.6's alias.

// Defaults shared by every socket until one sets its own.
Socket.prototype.allowHalfOpen = false;
Socket.prototype.destroyed = false;
Socket.prototype.server = null;
Socket.prototype._bytesRead = 0;
Socket.prototype._bytesDispatched = 0;
Socket.prototype._connecting = false;
Socket.prototype._paused = false;
Socket.prototype._gotEOF = false;
Socket.prototype._endedByPeer = false;
Socket.prototype._shutdownQueued = false;
Socket.prototype._destroySoon = false;
Socket.prototype._pendingWrites = 0;
Socket.prototype._connectQueue = null;
Socket.prototype._connectQueueSize = 0;
Socket.prototype._decoder = null;
Socket.prototype._idleTimeout = -1;
Socket.prototype._list = null;  // the timers list the socket waits in (setTimeout)
Socket.prototype._peername = null;
// Stream.prototype.pipe keeps one pipe out of and one into a socket in these (stdlib/lib/stream.js).
Socket.prototype._pipeOut = null;
Socket.prototype._pipeIn = null;

// handle.socket is the socket too, as v0.6 had it (socket.io's transports read it).
function setHandle(socket, handle) {
  socket._handle = handle;
  handle.owner = socket;
  handle.socket = socket;
}

// 'drain', then the v0.6 hook socket.ondrain() if set.
function emitDrain(socket) {
  socket.emit('drain');
  if (typeof socket.ondrain === 'function') socket.ondrain();
}

// Restarts the idle timer (if setTimeout set one) on activity.
function active(socket) {
  if (socket._idleTimeout > 0) timers.active(socket);
}

Object.defineProperty(Socket.prototype, 'readyState', {
  configurable: true,
  get: function() {
    if (this._connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable) return 'readOnly';
    if (this.writable) return 'writeOnly';
    return 'closed';
  }
});

Object.defineProperty(Socket.prototype, 'bufferSize', {
  configurable: true,
  get: function() {
    var queued = this._handle ? this._handle.writeQueueSize || 0 : 0;
    return queued + this._connectQueueSize;
  }
});

Object.defineProperty(Socket.prototype, 'bytesWritten', {
  configurable: true,
  get: function() {
    var piped = this._handle && this._handle.pipedWrittenBytes ? this._handle.pipedWrittenBytes() : 0;
    return this._bytesDispatched + piped + this._connectQueueSize;
  }
});

Object.defineProperty(Socket.prototype, 'bytesRead', {
  configurable: true,
  get: function() {
    var piped = this._handle && this._handle.pipedReadBytes ? this._handle.pipedReadBytes() : 0;
    return this._bytesRead + piped;
  },
  set: function(value) {
    this._bytesRead = value;
  }
});

// ---- Native piping -----------------------------------------------------------------------------
// source.pipe(dest) between two sockets moves the bytes in C++ (runtime/core/stream_wrap.h) for
// as long as nothing else could tell the difference: pipe()'s own listener is the only one for
// the source's 'data', neither socket decodes strings or has an idle timeout, and dest.write is
// Socket's own. Adding a 'data' listener, setEncoding or setTimeout hands the bytes back to JS
// pipe() at once. Backpressure is kept natively: the source stops reading while the
// destination's queue is not empty, and the destination emits 'drain' when it empties.
// The native side keeps all the state (which handle pipes into which), so a socket costs no
// more memory for being piped.
Socket.prototype._pipeNatively = function(dest, ondata) {
  var handle = this._handle;
  if (!(dest instanceof Socket)) return;
  var destHandle = dest._handle;
  if (!handle || !destHandle || typeof handle.pipeTo !== 'function' ||
      typeof destHandle.onpipedrain !== 'function') return;
  if (this._connecting || dest._connecting || !this.readable || !dest.writable) return;
  if (this._decoder !== null || this._idleTimeout > 0 || dest._idleTimeout > 0) return;
  if (typeof this.ondata === 'function' || typeof dest.ondrain === 'function') return;
  if (dest.write !== Socket.prototype.write || dest._write !== Socket.prototype._write ||
      this.emit !== Stream.prototype.emit) return;
  if (!this._events || this._events.data !== ondata) return;
  // Both handles have native pipes to undo from now on (unpipeNatively); a handle never piped
  // is not asked. (The piped byte counts also count what native readers such as the HTTP parser
  // and TLS took, so those are always asked.)
  handle._piped = destHandle._piped = true;
  handle.pipeTo(destHandle);
};

// The bytes go back to JS pipe(): this socket's own native pipe, or (all) also every native
// pipe into it.
function unpipeNatively(socket, all) {
  var handle = socket._handle;
  if (handle && handle._piped) handle.unpipe(all === true);
}

function socketAddListener(type, listener) {
  if (type === 'data') unpipeNatively(this);
  return Stream.prototype.addListener.call(this, type, listener);
}
Socket.prototype.addListener = Socket.prototype.on = socketAddListener;

// For the stdlib (http's connections): whether socket.on(type, listener), for a type other than
// 'data', would do nothing but store the listener, so that several can be set as one listener
// table: the socket has none yet (so there is no 'newListener' listener to tell, nor a listener
// to keep), and no program has replaced on(), addListener() or emit() (which announces each new
// listener) on the socket or its prototypes.
exports._onOnlyStores = function(socket) {
  var pristine = events._pristine;
  return socket._events === undefined && socket.on === socketAddListener &&
         Stream.prototype.addListener === pristine.addListener && socket.emit === pristine.emit;
};

Socket.prototype.removeListener = function(type, listener) {
  if (type === 'data') unpipeNatively(this);
  return Stream.prototype.removeListener.call(this, type, listener);
};

Socket.prototype.removeAllListeners = function(type) {
  if (arguments.length === 0 || type === 'data') unpipeNatively(this);
  return Stream.prototype.removeAllListeners.apply(this, arguments);
};

// handle.onpipedrain(): piped data that had to wait is all out.
function onpipedrain() {
  var socket = this.owner;
  if (!socket || socket.destroyed) return;
  if (socket._pendingWrites !== 0) return;  // afterWrite emits 'drain' when those are done
  if (socket._destroySoon) {
    socket.destroy();
    return;
  }
  emitDrain(socket);
}

// handle.onpipeerror(err): a piped write failed.
function onpipeerror(err) {
  var socket = this.owner;
  if (!socket || socket.destroyed) return;
  socket._destroy(errnoException(err, 'write'));
}

// Nothing is queued in JS or (piped data) in the handle.
function writesDone(socket) {
  return socket._pendingWrites === 0 && !(socket._handle && socket._handle.writeQueueSize > 0);
}

function peername(socket) {
  if (socket._peername === null) {
    var out = addressOf(socket._handle, 'getpeername');
    if (out === null) return {};
    socket._peername = out;
  }
  return socket._peername;
}

Object.defineProperty(Socket.prototype, 'remoteAddress', {
  configurable: true,
  get: function() { return peername(this).address; }
});

Object.defineProperty(Socket.prototype, 'remotePort', {
  configurable: true,
  get: function() { return peername(this).port; }
});

Socket.prototype.address = function() {
  return addressOf(this._handle, 'getsockname');
};

Socket.prototype.setEncoding = function(encoding) {
  unpipeNatively(this);
  if (!StringDecoder) StringDecoder = require('string_decoder').StringDecoder;
  this._decoder = encoding ? new StringDecoder(encoding) : null;
};

Socket.prototype.setNoDelay = function(noDelay) {
  if (this._handle && typeof this._handle.setNoDelay === 'function') {
    this._handle.setNoDelay(noDelay === undefined ? true : !!noDelay);
  }
};

Socket.prototype.setKeepAlive = function(enable, initialDelay) {
  if (this._handle && typeof this._handle.setKeepAlive === 'function') {
    this._handle.setKeepAlive(!!enable, ~~(initialDelay / 1000));
  }
};

// The socket is its own idle timer: timers.enroll links it into the timers module's lists
// (stdlib/lib/timers.js), so a timeout costs a few fields and no object.
Socket.prototype.setTimeout = function(msecs, callback) {
  msecs = Number(msecs);
  if (msecs > 0 && msecs === msecs) {
    unpipeNatively(this, true);
    timers.enroll(this, msecs);
    timers.active(this);
    if (typeof callback === 'function') this.once('timeout', callback);
  } else if (msecs === 0) {
    timers.unenroll(this);
    if (typeof callback === 'function') this.removeListener('timeout', callback);
  }
  // A negative or NaN timeout changes nothing, as in v0.6.3 (request 2.9 passes -1000).
};

// Called by the timers module after the idle timeout; the socket stays open. Reads taken
// natively (the HTTP parser consuming a server socket) never reach JS, so they are checked
// here: one more recent than the timeout lets the socket wait for the rest of it (JS activity
// meanwhile, timers.active, restarts the full timeout as always).
Socket.prototype._onTimeout = function() {
  var handle = this._handle;
  if (handle && typeof handle.listenerReadAge === 'function' && this._idleTimeout > 0) {
    var age = handle.listenerReadAge();
    if (age >= 0 && age < this._idleTimeout) {
      timers._activeFor(this, this._idleTimeout - age);
      return;
    }
  }
  this.emit('timeout');
};

Socket.prototype.pause = function() {
  this._paused = true;
  if (this._handle && !this._connecting) this._handle.readStop();
};

Socket.prototype.resume = function() {
  this._paused = false;
  if (this._handle && !this._connecting && this.readable) this._handle.readStart();
};

// ---- Reading -----------------------------------------------------------------------------------

// handle.onread(nread, data) for TCP and Pipe handles; `this` is the handle. After 'data' the
// v0.6 hook socket.ondata(buffer, start, end) is called if set (http's upgrade handling and
// libraries of the time read through it).
function onread(nread, arrayBuffer) {
  var socket = this.owner;
  if (!socket || socket.destroyed) return;
  active(socket);
  if (nread > 0) {
    var data = fromArrayBuffer(arrayBuffer, nread);
    socket._bytesRead += nread;
    if (socket._decoder !== null) {
      var string = socket._decoder.write(data);
      if (string.length > 0) socket.emit('data', string);
    } else if (typeof socket.ondata !== 'function' || socket.listeners('data').length > 0) {
      socket.emit('data', data);
    }
    if (typeof socket.ondata === 'function') socket.ondata(data, 0, nread);
    return;
  }
  if (nread === UV_EOF) return onEOF(socket);
  // A reset from the peer closes the socket without an 'error', as v0.6.3's onread did (only
  // v0.10 reported it); any other read error is one.
  if (errname(nread) === 'ECONNRESET') return socket._destroy();
  socket._destroy(errnoException(nread, 'read'));
}

function onEOF(socket) {
  socket.readable = false;
  socket._gotEOF = true;
  if (socket._handle) socket._handle.readStop();
  if (socket._decoder !== null) {
    var rest = socket._decoder.end();
    if (rest) socket.emit('data', rest);
  }
  // 'close' comes a tick later, so 'end' is still emitted first.
  if (!socket.writable) {
    socket.destroy();
  } else if (!socket.allowHalfOpen) {
    socket._endedByPeer = true;
    socket.end();
  }
  socket.emit('end');
  if (typeof socket.onend === 'function') socket.onend();
}

TCP.prototype.onread = onread;
Pipe.prototype.onread = onread;
TCP.prototype.onpipedrain = Pipe.prototype.onpipedrain = onpipedrain;
TCP.prototype.onpipeerror = Pipe.prototype.onpipeerror = onpipeerror;
TCP.prototype._piped = Pipe.prototype._piped = false;  // set by _pipeNatively

// Native code calls a stream handle's onread and a server handle's onconnection through these
// (a lookup of handle.onread from C++ costs several times this one, inline-cached), for every
// stream and server, net's or not (tty, child_process pipes). As a lookup from C++ did, a
// handle whose method is not a function is not called.
tcpBinding.setCallbackDispatchers(function dispatchOnread(nread, buffer) {
  var onread = this.onread;
  if (typeof onread !== 'function') return;
  if (arguments.length < 2) return onread.call(this, nread);
  return onread.call(this, nread, buffer);
}, function dispatchOnconnection(status, clientHandle) {
  var onconnection = this.onconnection;
  if (typeof onconnection === 'function') return onconnection.call(this, status, clientHandle);
}, function dispatchOnfirstread(nread) {
  var onfirstread = this.onfirstread;
  if (typeof onfirstread === 'function') onfirstread.call(this, nread);
});

// ---- Writing -----------------------------------------------------------------------------------

// A missing encoding is tested for apart (`=== undefined` and `=== null` are tests of their own
// in V8's bytecode): a comparison that has seen both undefined and strings is compiled to a
// generic call, about 33 instructions, where one that has seen only strings compares inline.
function normalizeEncoding(encoding) {
  if (encoding === undefined || encoding === null) return 'utf8';
  switch (encoding) {
    case 'utf8': case 'utf-8': return 'utf8';
  }
  switch (String(encoding).toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ascii': return 'ascii';
    case 'binary': case 'latin1': case 'raw': return 'binary';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'ucs2';
    case 'base64': return 'base64';
    case 'hex': return 'hex';
  }
  throw new TypeError('Unknown encoding: ' + encoding);
}

function byteLength(data, encoding) {
  return typeof data === 'string' ? Buffer.byteLength(data, encoding) : data.length;
}

function writeAfterEnd(socket, callback) {
  var er;
  if (socket._endedByPeer) {
    er = new Error('This socket has been ended by the other party');
    er.code = 'EPIPE';
  } else if (socket.destroyed || !socket._handle) {
    er = new Error('This socket is closed.');
  } else {
    er = new Error('write after end');
  }
  process.nextTick(emitWriteError, socket, er, callback);
  return false;
}

function emitWriteError(socket, er, callback) {
  socket.emit('error', er);
  if (typeof callback === 'function') callback(er);
}

// socket.write(data, [encoding], [callback]): true when the data went to the kernel at once,
// false when some of it waits in memory ('drain' follows once it is all out).
Socket.prototype.write = function(data, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  if (typeof data === 'string') {
    encoding = normalizeEncoding(encoding);
  } else if (!ArrayBuffer.isView(data)) {
    throw new TypeError('First argument must be a buffer or a string.');
  }
  if (!this.writable) return writeAfterEnd(this, callback);
  if (this._connecting) {
    if (this._connectQueue === null) this._connectQueue = [];
    this._connectQueue.push([data, encoding, callback]);
    this._connectQueueSize += byteLength(data, encoding);
    return false;
  }
  return this._write(data, encoding, callback);
};

Socket.prototype._write = function(data, encoding, callback) {
  var handle = this._handle;
  if (!handle) {
    this._destroy(new Error('This socket is closed.'));
    return false;
  }
  active(this);
  // A write the kernel takes at once leaves its request unused: it serves the next write.
  var req = spareWriteReq !== null ? spareWriteReq : new WriteReq(undefined);
  spareWriteReq = null;
  req.cb = callback;
  var err;
  if (typeof data !== 'string') {
    err = handle.writeBuffer(req, data);
  } else if (encoding === 'utf8') {
    err = handle.writeUtf8String(req, data);
  } else if (encoding === 'ascii') {
    err = handle.writeAsciiString(req, data);
  } else if (encoding === 'binary') {
    err = handle.writeLatin1String(req, data);
  } else if (encoding === 'ucs2') {
    err = handle.writeUcs2String(req, data);
  } else {
    err = handle.writeBuffer(req, new Buffer(data, encoding));
  }
  return afterDispatch(this, req, err, callback);
};

// The end of a write call into the handle: `err` is its result.
function afterDispatch(socket, req, err, callback) {
  if (err) {
    req.cb = undefined;
    spareWriteReq = req;
    socket._destroy(errnoException(err, 'write'));
    return false;
  }
  // The outcome of the write just made (runtime/core/stream_wrap.h).
  // As a small integer (one write is under 2^31 bytes): a count read from the Float64Array
  // would make V8 store the field as a heap number, 16 more bytes in every socket.
  var bytes = writeInfo[0] | 0;
  socket._bytesDispatched += bytes;
  if (writeInfo[1] === 1) {
    req.bytes = bytes;
    socket._pendingWrites++;
    return false;
  }
  req.cb = undefined;
  spareWriteReq = req;
  if (typeof callback === 'function') process.nextTick(callback);
  return true;
}

// socket._writeStrings(encoding, a, b[, c]): socket.write(a + b + c, encoding) without
// making the joined string: the handle encodes the pieces into one write (http.js sends a
// response's head and body so). For 'utf8', 'ascii' and 'binary'; anything else, a socket that
// is not simply open, and one whose _write is its own, goes through write().
Socket.prototype._writeStrings = function(encoding, a, b, c) {
  var handle = this._handle;
  if (encoding === undefined) {
    encoding = 'utf8';  // apart, as in normalizeEncoding
  } else if (encoding !== 'utf8' && encoding !== 'ascii' && encoding !== 'binary') {
    encoding = normalizeEncoding(encoding);
  }
  if (!handle || !this.writable || this._connecting || this._write !== Socket.prototype._write ||
      (encoding !== 'utf8' && encoding !== 'ascii' && encoding !== 'binary')) {
    return this.write(c === undefined ? a + b : a + b + c, encoding);
  }
  active(this);
  var req = spareWriteReq !== null ? spareWriteReq : new WriteReq(undefined);
  spareWriteReq = null;
  req.cb = undefined;
  var err;
  if (encoding === 'utf8') {
    err = c === undefined ? handle.writeUtf8String(req, a, b) :
                            handle.writeUtf8String(req, a, b, c);
  } else if (encoding === 'ascii') {
    err = c === undefined ? handle.writeAsciiString(req, a, b) :
                            handle.writeAsciiString(req, a, b, c);
  } else {
    err = c === undefined ? handle.writeLatin1String(req, a, b) :
                            handle.writeLatin1String(req, a, b, c);
  }
  return afterDispatch(this, req, err, undefined);
};

// req.oncomplete(status, handle, req) of a write that had to wait.
function afterWrite(status, handle, req) {
  var socket = handle.owner;
  if (!socket || socket.destroyed) return;
  socket._pendingWrites--;
  if (status < 0) {
    socket._destroy(errnoException(status, 'write'));
    return;
  }
  active(socket);
  if (typeof req.cb === 'function') req.cb();
  if (socket._pendingWrites === 0) {
    if (socket._destroySoon) {
      if (!writesDone(socket)) return;  // piped data still queued: onpipedrain finishes
      socket.destroy();
      return;
    }
    emitDrain(socket);
  }
}

// socket.end([data], [encoding]): writes data, then sends FIN once everything queued is out.
Socket.prototype.end = function(data, encoding) {
  if (this._connecting && !this._shutdownQueued) {
    if (data !== undefined && data !== null) this.write(data, encoding);
    this.writable = false;
    this._shutdownQueued = true;
    return;
  }
  if (!this.writable) return;
  if (data !== undefined && data !== null) {
    // The peer has ended too, so the socket closes in this turn once the write is out: the
    // kernel may hold the bytes for the close's FIN, one packet (StreamWrap::HoldNextWrite).
    if (!this.readable && this._handle && this._pendingWrites === 0 &&
        this.write === Socket.prototype.write && this._handle.holdNextWrite !== undefined) {
      this._handle.holdNextWrite();
    }
    this.write(data, encoding);
  }
  this.writable = false;
  if (!this.readable) {
    this.destroySoon();
    return;
  }
  if (!this._handle) return;
  var err = this._handle.shutdown(new ShutdownReq());
  if (err) this._destroy(errnoException(err, 'shutdown'));
};

// req.oncomplete(status, handle, req) of a shutdown.
function afterShutdown(status, handle, req) {
  var socket = handle.owner;
  if (!socket || socket.destroyed) return;
  // Both directions are done once the peer has ended too.
  if (!socket.readable) socket.destroy();
}

Socket.prototype.destroySoon = function() {
  this.writable = false;
  this._destroySoon = true;
  if (writesDone(this)) this.destroy();
};

Socket.prototype.destroy = function(exception) {
  this._destroy(exception);
};

Socket.prototype._destroy = function(exception) {
  if (this.destroyed) return;
  this.destroyed = true;
  this._connecting = false;
  this.readable = this.writable = false;
  this._connectQueue = null;
  this._connectQueueSize = 0;
  // The timeout stays set (a socket connected again keeps it); its timer stops.
  if (this._list !== null) timers._stop(this);
  var handle = this._handle;
  if (handle) {
    if (typeof handle.pipedReadBytes === 'function') {
      this._bytesRead += handle.pipedReadBytes();
      this._bytesDispatched += handle.pipedWrittenBytes();
    }
    this._handle = null;
    handle.close();
  }
  // The socket's 'close' is queued before the server's, which may follow from this one.
  process.nextTick(emitDestroyed, this, exception);
  if (this.server) {
    var server = this.server;
    server.connections--;
    server._emitCloseIfDrained();
  }
};

function emitDestroyed(socket, exception) {
  if (exception) socket.emit('error', exception);
  socket.emit('close', !!exception);
}

// ---- Connecting --------------------------------------------------------------------------------

// socket.connect(port, [host], [connectListener]) or socket.connect(path, [connectListener]).
Socket.prototype.connect = function(port, host, callback) {
  if (typeof host === 'function') {
    callback = host;
    host = undefined;
  }
  // v0.6.3 handed any number to the handle, which cut it to 16 bits, so a port out of range
  // failed (mysql 0.9's tests rely on it) as a connection error on the socket, never a throw.
  // Nodus refuses such a port instead of truncating it, and reports it the same way: 'error'.
  var portError = null;
  var portNumber;
  var numeric = typeof port === 'number' ? port :
      (typeof port === 'string' && /^\s*[0-9]+\s*$/.test(port) ? Number(port) : 0);
  if (!(numeric >= 0 && numeric <= 65535 && numeric === Math.floor(numeric))) {
    portError = new RangeError('connect: port must be an integer from 0 to 65535, not ' + port);
    portError.code = 'ERR_SOCKET_BAD_PORT';
    portNumber = 0;
  } else {
    portNumber = toPort(port, 'connect');
  }
  if (this.destroyed) {
    // Reusing a closed socket, as the docs allow: its byte counts start again from 0.
    this.destroyed = false;
    delete this._bytesRead;
    delete this._bytesDispatched;
    delete this._peername;
    delete this._gotEOF;
    delete this._endedByPeer;
    delete this._shutdownQueued;
    delete this._destroySoon;
    delete this._pendingWrites;
  }
  if (typeof callback === 'function') this.once('connect', callback);
  active(this);
  this._connecting = true;
  this.writable = true;
  if (portNumber < 0) {
    if (!this._handle) setHandle(this, new Pipe());
    doConnect(this, port, 0, 0);
    return this;
  }
  if (!this._handle) setHandle(this, new TCP());
  if (host === undefined || host === null || host === '') host = 'localhost';
  var socket = this;
  if (portError !== null) {
    process.nextTick(function() {
      if (socket._connecting) socket._destroy(portError);
    });
    return this;
  }
  resolveHost(String(host), function(err, ip, family) {
    if (!socket._connecting) return;  // Destroyed while resolving.
    if (err) {
      socket._destroy(err);
      return;
    }
    doConnect(socket, ip, portNumber, family);
  });
  return this;
};

function doConnect(socket, address, port, family) {
  var req = new ConnectReq();
  var err = 0;
  if (family === 0) {
    err = socket._handle.connect(req, address);
  } else if (family === 6) {
    err = socket._handle.connect6(req, address, port);
  } else {
    err = socket._handle.connect(req, address, port);
  }
  if (err) socket._destroy(errnoException(err, 'connect'));
}

// req.oncomplete(status, handle, req, readable, writable) of a connect.
function afterConnect(status, handle, req, readable, writable) {
  var socket = handle.owner;
  if (!socket || socket.destroyed || socket._handle !== handle) return;
  socket._connecting = false;
  if (status < 0) {
    socket._destroy(errnoException(status, 'connect'));
    return;
  }
  var shutdownQueued = socket._shutdownQueued;
  socket.readable = !!readable;
  socket.writable = !!writable;
  active(socket);
  if (socket.readable && !socket._paused) handle.readStart();
  var queue = socket._connectQueue;
  if (queue !== null) {
    socket._connectQueue = null;
    socket._connectQueueSize = 0;
    for (var i = 0; i < queue.length && socket._handle; i++) {
      socket._write(queue[i][0], queue[i][1], queue[i][2]);
    }
  }
  socket.emit('connect');
  if (queue !== null && socket._handle && socket._pendingWrites === 0 && !shutdownQueued) {
    // write() returned false while connecting; everything is out now.
    emitDrain(socket);
  }
  if (shutdownQueued && socket._handle) {
    socket._shutdownQueued = false;
    socket.end();
  }
}

// net.connect(port, [host], [connectListener]) / net.connect(path, [connectListener]).
exports.connect = exports.createConnection = function(port, host, callback) {
  var socket = new Socket();
  return socket.connect(port, host, callback);
};

// ---- Server ------------------------------------------------------------------------------------

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  }
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  this.connections = 0;
  this.allowHalfOpen = !!(options && options.allowHalfOpen);
  this._handle = null;
}
util.inherits(Server, EventEmitter);
exports.Server = Server;

Server.prototype.maxConnections = undefined;
Server.prototype._pipeName = null;
Server.prototype._closedAfterListening = false;

// net.createServer([options], [connectionListener])
exports.createServer = function(options, connectionListener) {
  return new Server(options, connectionListener);
};

// server.listen(port, [host], [backlog], [callback]), server.listen(path, [callback]),
// server.listen([callback]) (a random port), or server.listen(handle, [callback]).
Server.prototype.listen = function() {
  var args = Array.prototype.slice.call(arguments);
  var callback = typeof args[args.length - 1] === 'function' ? args.pop() : null;
  if (this._handle) {
    // Already listening: as v0.6.3 did, the handle stays and 'listening' comes again.
    if (callback) this.once('listening', callback);
    process.nextTick(emitListening, this);
    return this;
  }
  var first = args[0];
  var host = null;
  var backlog = 511;
  var port;
  if (args.length === 0 || first === undefined || first === null) {
    // No port: one the system picks. v0.6.3 took Number(null) = 0 too (engine.io 0.3's
    // listen(null, options, callback)).
    port = 0;
  } else if (typeof first === 'object') {  // null was handled above
    var handle = first._handle || first.handle || first;
    if (!(handle instanceof TCP) && !(handle instanceof Pipe)) {
      throw new TypeError('listen: a handle must be a TCP or Pipe handle or own one');
    }
    if (callback) this.once('listening', callback);
    listenOnHandle(this, handle, backlog);
    return this;
  } else {
    port = toPort(first, 'listen');
  }
  if (typeof args[1] === 'number') {
    backlog = args[1];
  } else {
    if (args[1] !== undefined && args[1] !== null && args[1] !== '') host = String(args[1]);
    if (typeof args[2] === 'number') backlog = args[2];
  }
  if (callback) this.once('listening', callback);

  if (port < 0) {
    // A Unix socket path.
    var pipe = new Pipe();
    var err = pipe.bind(first);
    if (err) {
      pipe.close();
      process.nextTick(emitListenError, this, errnoException(err, 'bind'));
      return this;
    }
    this._pipeName = first;
    listenOnHandle(this, pipe, backlog);
    return this;
  }
  if (host === null) {
    listenTCP(this, '0.0.0.0', port, 4, backlog);
    return this;
  }
  var server = this;
  resolveHost(host, function(err, ip, family) {
    if (err) {
      server.emit('error', err);
      return;
    }
    listenTCP(server, ip, port, family, backlog);
  });
  return this;
};

function emitListenError(server, error) {
  server.emit('error', error);
}

function emitListening(server) {
  server.emit('listening');
}

function listenTCP(server, address, port, family, backlog) {
  // In a cluster worker the master binds the port and shares it (stdlib/lib/cluster.js).
  if (process.env.NODE_WORKER_ID !== undefined &&
      require('cluster')._getServer(address, port, family, function(err, handle) {
        if (err) return server.emit('error', err);
        listenOnHandle(server, handle, backlog);
      })) {
    return;
  }
  var handle = new TCP();
  var err = family === 6 ? handle.bind6(address, port) : handle.bind(address, port);
  if (err) {
    handle.close();
    process.nextTick(emitListenError, server, errnoException(err, 'bind'));
    return;
  }
  listenOnHandle(server, handle, backlog);
}

function listenOnHandle(server, handle, backlog) {
  // Servers whose clients speak first (http, tls) take a connection from the kernel only once
  // its first bytes came, and read them at once: see setDeferAccept in tcp_wrap.cc. A peer that
  // connects and sends nothing is accepted after about a second. Best effort: a handle that
  // refuses (not a socket of its own) just listens as it is.
  if (server._deferAccept && handle instanceof TCP) handle.setDeferAccept(1);
  var err = handle.listen(backlog);
  if (err) {
    handle.close();
    process.nextTick(emitListenError, server, errnoException(err, 'listen'));
    return;
  }
  server._handle = handle;
  handle.owner = server;
  server._closedAfterListening = false;
  process.nextTick(emitListening, server);
}

// handle.onconnection(status, clientHandle); `this` is the listening handle.
function onconnection(status, clientHandle) {
  var server = this.owner;
  if (!server) {
    if (clientHandle) clientHandle.close();
    return;
  }
  if (status < 0) {
    // Out of descriptors and the like: the server keeps listening and accepts again once it
    // can. The error is reported to 'error' listeners but does not throw when there are none.
    if (server.listeners('error').length > 0) server.emit('error', errnoException(status, 'accept'));
    return;
  }
  if (server.maxConnections !== undefined && server.connections >= server.maxConnections) {
    clientHandle.close();
    return;
  }
  var socket = new Socket({ handle: clientHandle, allowHalfOpen: server.allowHalfOpen });
  socket.readable = socket.writable = true;
  socket.server = server;
  server.connections++;
  // A server that wants to see a connection's first read before its bytes go anywhere (http's
  // takes the connection over with its parser then) says so with _announceFirstRead.
  clientHandle.readStart(server._announceFirstRead === true);
  server.emit('connection', socket);
  // As in v0.6.3, an accepted socket emits 'connect' right after the server's 'connection'.
  if (!socket.destroyed) socket.emit('connect');
}

TCP.prototype.onconnection = onconnection;
Pipe.prototype.onconnection = onconnection;

Server.prototype.address = function() {
  if (this._pipeName !== null) return this._pipeName;
  return addressOf(this._handle, 'getsockname');
};

// server.close([callback]): stops accepting; 'close' follows once every connection has closed.
// Closing a server that listened and is closed already throws Error('Not running'), as v0.6.3
// did. A server that never listened (or whose listen failed, as in the docs' EADDRINUSE retry
// example) is left alone; a callback gets Error('Not running').
Server.prototype.close = function(callback) {
  if (!this._handle) {
    if (this._closedAfterListening) throw new Error('Not running');
    if (typeof callback === 'function') process.nextTick(callback, new Error('Not running'));
    return this;
  }
  this._closedAfterListening = true;
  if (typeof callback === 'function') this.once('close', callback);
  var handle = this._handle;
  this._handle = null;
  handle.owner = null;
  handle.close();
  this._emitCloseIfDrained();
  return this;
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this.connections > 0) return;
  process.nextTick(emitServerClose, this);
};

function emitServerClose(server) {
  if (server._handle || server.connections > 0) return;  // Listening again already.
  server._pipeName = null;
  server.emit('close');
}

// server.pause(msecs): stop accepting for msecs (default 1000). The listening socket stays
// open, so connections arriving meanwhile are accepted by the kernel and closed at once.
Server.prototype.pause = function(msecs) {
  var handle = this._handle;
  if (!handle) return;
  msecs = msecs > 0 ? msecs : 1000;
  handle.owner = null;
  var server = this;
  setTimeout(function() {
    if (server._handle === handle) handle.owner = server;
  }, msecs);
};
