// The tls module: TLS over any byte stream, in v0.6's shape. A SecurePair joins two streams
// around one native connection (process.binding('tls_wrap'), runtime/bindings/tls_wrap.cc):
// `encrypted` carries the bytes of the network side and `cleartext` the application's data.
// tls.connect() and tls.Server wire a pair to a net.Socket; the CleartextStream is what users see.
//
// The native connection never blocks: bytes from the network go in with encIn() (from a socket
// with a stream handle, natively: ssl.attachSocket, see wire()), and _cycle()
// then advances the handshake, encrypts queued writes, hands decrypted data to `cleartext` and
// sends what OpenSSL produced through `encrypted`. Backpressure keeps bytes inside OpenSSL's
// buffers: a paused cleartext stream is simply not read (so `encrypted` refuses more input), and
// a paused encrypted stream is not drained (so cleartext.write() returns false until 'drain').
// Over a socket, the encrypted side also pauses after each burst of 128 KiB until the loop has
// polled for I/O (see wire()), even when the socket takes every write at once.
//
// Not supported: NPN (NPNProtocols is ignored; OpenSSL 3 only has ALPN), SNICallback (server
// names are matched with server.addContext's patterns instead, natively during the handshake),
// and session resumption between connections.
// As in v0.6, `authorized`/`authorizationError` say whether a CA vouches for the peer. Unlike v0.6,
// a client with rejectUnauthorized also checks the server's certificate names the host
// (`servername` if given, else the host connected to): a mismatch is an error with code
// ERR_TLS_CERT_ALTNAME_INVALID, as in today's Node. A server drops a peer that has not finished
// the handshake within `handshakeTimeout` ms (default 120000) with a 'clientError'.
'use strict';

var crypto = require('crypto');
var net = require('net');
var util = require('util');
var Stream = require('stream');
var StringDecoder = require('string_decoder').StringDecoder;
var binding = process.binding('tls_wrap');

// Bytes from the binding (a plain Uint8Array) made into a Buffer without copying.
function asBuffer(bytes) {
  Object.setPrototypeOf(bytes, Buffer.prototype);
  return bytes;
}

function toBuffer(data, encoding) {
  if (typeof data === 'string') return new Buffer(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return data;
  throw new TypeError('First argument must be a string or a Buffer');
}

function hangUpError(message) {
  var error = new Error(message || 'socket hang up');
  error.code = 'ECONNRESET';
  return error;
}

// ---- CryptoStream: what the two halves of a pair share -----------------------------------------

function CryptoStream(pair) {
  Stream.call(this);
  this.pair = pair;
  this.readable = this.writable = true;
  this._paused = false;
  this._needDrain = false;
  this._ended = false;   // 'end' emitted
  this._closed = false;  // 'close' emitted
}
util.inherits(CryptoStream, Stream);

CryptoStream.prototype.pause = function() {
  this._paused = true;
};

CryptoStream.prototype.resume = function() {
  if (!this._paused) return;
  this._paused = false;
  this.pair._cycle();
};

CryptoStream.prototype.destroy = function(error) {
  if (error) this.emit('error', error);
  this.pair.destroy();
};

CryptoStream.prototype._emitEnd = function() {
  if (this._ended) return;
  this._ended = true;
  this.readable = false;
  this.emit('end');
};

CryptoStream.prototype._emitClose = function() {
  if (this._closed) return;
  this._closed = true;
  this.readable = this.writable = false;
  this.emit('close');
};

// Cleartext waiting to be encrypted (before the handshake, or written from inside an event
// handler of the pair) beyond which write() asks the writer to wait for 'drain'.
var CLEAR_QUEUE_HIGH_WATER = 64 * 1024;

// ---- CleartextStream -----------------------------------------------------------------------------

function CleartextStream(pair) {
  CryptoStream.call(this, pair);
  this._decoder = null;
  this.authorized = false;
  this.authorizationError = null;
  this.npnProtocol = undefined;
  this.servername = undefined;
  this.socket = null;
  this.allowHalfOpen = false;
}
util.inherits(CleartextStream, CryptoStream);
exports.CleartextStream = CleartextStream;

CleartextStream.prototype._emitData = function(data) {
  if (this._decoder !== null) {
    var text = this._decoder.write(data);
    if (text.length > 0) this.emit('data', text);
  } else {
    this.emit('data', data);
  }
};

CleartextStream.prototype.setEncoding = function(encoding) {
  this._decoder = encoding ? new StringDecoder(encoding) : null;
};

// Writes before the handshake is done wait in the pair's queue. The result says whether the
// encrypted side is flowing; 'drain' follows a false.
CleartextStream.prototype.write = function(data, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  if (!this.writable) {
    var error = new Error('write after end');
    error.code = 'EPIPE';
    var self = this;
    process.nextTick(function() {
      if (callback) callback(error);
      self.emit('error', error);
    });
    return false;
  }
  var bytes = toBuffer(data, encoding);
  this.pair._writeClear(bytes, callback);
  var flowing = !this.pair.encrypted._paused &&
      this.pair._clearQueueBytes < CLEAR_QUEUE_HIGH_WATER;
  if (!flowing) this._needDrain = true;
  return flowing;
};

CleartextStream.prototype.end = function(data, encoding) {
  if (data !== undefined && data !== null && this.writable) this.write(data, encoding);
  if (!this.writable) return;
  this.writable = false;
  this.pair._endClear();
};

// http.js ends a connection with destroySoon(): end, and close once the peer agrees (the
// underlying socket closes after its last write).
CleartextStream.prototype.destroySoon = function() {
  this.end();
  if (!this.pair._secure) this.pair.destroy();
};

CleartextStream.prototype.getPeerCertificate = function() {
  if (this.pair._destroyed) return null;
  return this.pair.ssl.getPeerCertificate();
};

CleartextStream.prototype.getCipher = function() {
  if (this.pair._destroyed) return null;
  return this.pair.ssl.getCipher();
};

CleartextStream.prototype.address = function() {
  return this.socket ? this.socket.address() : null;
};

Object.defineProperty(CleartextStream.prototype, 'remoteAddress', {
  get: function() { return this.socket ? this.socket.remoteAddress : undefined; }
});

Object.defineProperty(CleartextStream.prototype, 'remotePort', {
  get: function() { return this.socket ? this.socket.remotePort : undefined; }
});

Object.defineProperty(CleartextStream.prototype, 'readyState', {
  get: function() { return this.socket ? this.socket.readyState : 'closed'; }
});

// The idle timeout and socket options belong to the underlying socket.
CleartextStream.prototype.setTimeout = function(msecs, callback) {
  if (callback) this.once('timeout', callback);
  if (this.socket) this.socket.setTimeout(msecs);
};

CleartextStream.prototype.setNoDelay = function(noDelay) {
  if (this.socket) this.socket.setNoDelay(noDelay);
};

CleartextStream.prototype.setKeepAlive = function(enable, initialDelay) {
  if (this.socket) this.socket.setKeepAlive(enable, initialDelay);
};

// ---- EncryptedStream -----------------------------------------------------------------------------

function EncryptedStream(pair) {
  CryptoStream.call(this, pair);
}
util.inherits(EncryptedStream, CryptoStream);

EncryptedStream.prototype._emitData = function(data) {
  this.emit('data', data);
};

// Bytes from the network. Returns false while the cleartext side is paused.
EncryptedStream.prototype.write = function(data, encoding) {
  return this._write(toBuffer(data, encoding), false);
};

// `owned`: the Buffer is a socket's read, which nobody changes afterwards, so the native side
// may keep it instead of copying it (see wire()).
EncryptedStream.prototype._write = function(bytes, owned) {
  if (!this.writable) return false;
  if (this.pair._destroyed) return false;
  this.pair.ssl.encIn(bytes, owned);
  this.pair._cycle();
  var flowing = !this.pair.cleartext._paused;
  if (!flowing) this._needDrain = true;
  return flowing;
};

// The network side ended.
EncryptedStream.prototype.end = function(data, encoding) {
  if (data !== undefined && data !== null) this.write(data, encoding);
  if (!this.writable) return;
  this.writable = false;
  this.pair._endEncrypted();
};

// ---- SecurePair ----------------------------------------------------------------------------------

// credentials: from crypto.createCredentials() (default: empty ones). servername (a client's)
// is sent with SNI.
function SecurePair(credentials, isServer, requestCert, rejectUnauthorized, options) {
  if (!(this instanceof SecurePair)) {
    return new SecurePair(credentials, isServer, requestCert, rejectUnauthorized, options);
  }
  Stream.call(this);
  options = options || {};
  if (!credentials) credentials = crypto.createCredentials();
  if (!credentials.context) throw new TypeError('credentials must come from crypto.createCredentials()');
  this.credentials = credentials;
  this._isServer = !!isServer;
  this._requestCert = !!requestCert;
  this._rejectUnauthorized = !!rejectUnauthorized;
  this.ssl = new binding.Connection(credentials.context, this._isServer, this._requestCert,
                                    this._rejectUnauthorized,
                                    this._isServer ? undefined : options.servername);
  this._secure = false;
  this._destroyed = false;
  this._clearQueue = [];      // Buffers written but not yet encrypted
  this._clearQueueBytes = 0;
  this._callbacks = [];       // write callbacks, called once their bytes are encrypted
  this._wantShutdown = false;
  this._sentShutdown = false;
  this._encEnded = false;     // the network side ended
  this._cycling = false;
  this._again = false;
  this._flushScheduled = false;
  this.cleartext = new CleartextStream(this);
  this.encrypted = new EncryptedStream(this);
  var self = this;
  // The client speaks first.
  process.nextTick(function() { self._cycle(); });
}
util.inherits(SecurePair, Stream);
exports.SecurePair = SecurePair;

exports.createSecurePair = function(credentials, isServer, requestCert, rejectUnauthorized) {
  return new SecurePair(credentials, isServer, requestCert, rejectUnauthorized);
};

// Queued cleartext below this many bytes waits for the end of the tick (or a bigger write), so
// that small writes in a row share TLS records: http's chunked encoding writes a size line, the
// data and a CRLF for every chunk, three records and three socket writes apiece otherwise.
var SMALL_WRITE = 1024;

SecurePair.prototype._writeClear = function(bytes, callback) {
  if (this._destroyed) return;
  this._clearQueue.push(bytes);
  this._clearQueueBytes += bytes.length;
  if (callback) this._callbacks.push(callback);
  // Before the handshake the data just waits: the handshake's own cycle sends it. (Cycling
  // here could finish a handshake between two in-memory pairs before the caller has even
  // added its 'secure' listener.)
  if (!this._secure) return;
  if (this._clearQueueBytes >= SMALL_WRITE) return this._cycle();
  if (this._flushScheduled) return;
  this._flushScheduled = true;
  var self = this;
  process.nextTick(function() {
    self._flushScheduled = false;
    if (self._clearQueue.length > 0) self._cycle();
  });
};

SecurePair.prototype._endClear = function() {
  this._wantShutdown = true;
  if (this._secure) this._cycle();
};

SecurePair.prototype._endEncrypted = function() {
  this._encEnded = true;
  if (!this._secure) {
    // The peer went away during the handshake.
    return this._error(hangUpError(this._isServer
        ? 'socket hang up' : 'socket hang up (the connection closed during the TLS handshake)'));
  }
  this._cycle();
};

// Runs _cycleOnce until nothing changes; calls made from event handlers during a cycle only
// ask for another round, so the native calls always happen in order.
SecurePair.prototype._cycle = function() {
  if (this._destroyed) return;
  if (this._cycling) {
    this._again = true;
    return;
  }
  this._cycling = true;
  try {
    do {
      this._again = false;
      this._cycleOnce();
    } while (this._again && !this._destroyed);
  } finally {
    this._cycling = false;
  }
};

SecurePair.prototype._cycleOnce = function() {
  var ssl = this.ssl;
  var justSecured = false;
  if (!this._secure) {
    try {
      justSecured = ssl.start();
    } catch (err) {
      this._flushEncrypted();  // The alert that tells the peer why.
      return this._error(err);
    }
    if (justSecured) {
      this._secure = true;
      // The handshake's last bytes go out, and 'secure' (where a client checks the server's
      // certificate and may refuse it) comes before any queued application data is sent.
      this._flushEncrypted();
      if (this._destroyed) return;
      this.emit('secure');
      if (this._destroyed) return;
    }
  }

  if (this._secure) {
    try {
      // Everything queued goes in with one call, as one stream of records.
      var queue = this._clearQueue;
      if (queue.length > 0) {
        this._clearQueue = [];
        this._clearQueueBytes = 0;
        if (queue.length === 1) ssl.clearIn(queue[0]); else ssl.clearInv(queue);
      }
      if (this._wantShutdown && !this._sentShutdown) {
        this._sentShutdown = true;
        ssl.shutdown();
      }
    } catch (err) {
      return this._error(err);
    }
    var callbacks = this._callbacks;
    if (callbacks.length > 0) {
      this._callbacks = [];
      process.nextTick(function() {
        for (var i = 0; i < callbacks.length; i++) callbacks[i]();
      });
    }
  }

  this._flushEncrypted();
  if (this._destroyed) return;

  if (this._secure && !this.cleartext._paused && !this.cleartext._ended) {
    var data;
    try {
      data = ssl.clearOut();
    } catch (err) {
      this._flushEncrypted();
      return this._error(err);
    }
    if (data.length > 0) {
      this.cleartext._emitData(asBuffer(data));
      if (this._destroyed) return;
    }
    if (ssl.receivedShutdown() || this._encEnded) {
      if (this.cleartext._decoder !== null) {
        var rest = this.cleartext._decoder.end();
        if (rest) this.cleartext.emit('data', rest);
      }
      this.cleartext._emitEnd();
      if (this._destroyed) return;
      // Without half-open connections the peer's end is ours too.
      if (!this.cleartext.allowHalfOpen && this.cleartext.writable) this.cleartext.end();
      if (this._destroyed) return;
    }
    // Reading can make output too (session tickets, key updates).
    this._flushEncrypted();
    if (this._destroyed) return;
  }

  if (this.encrypted._needDrain && !this.cleartext._paused) {
    this.encrypted._needDrain = false;
    this.encrypted.emit('drain');
  }
  if (this.cleartext._needDrain && !this.encrypted._paused && this._clearQueueBytes === 0) {
    this.cleartext._needDrain = false;
    this.cleartext.emit('drain');
  }
};

// Sends what OpenSSL wants sent, unless the encrypted side is paused; after our close_notify
// the encrypted side ends.
SecurePair.prototype._flushEncrypted = function() {
  if (this._destroyed || this.encrypted._paused) return;
  var out = this.ssl.encOut();
  if (out.length > 0) this.encrypted._emitData(asBuffer(out));
  if (this._destroyed) return;
  if (this._sentShutdown && !this.encrypted._ended && this.ssl.encPending() === 0) {
    this.encrypted._emitEnd();
  }
};

// A fatal error: 'error' on the pair if someone listens there (tls.Server does), else on the
// cleartext stream; then everything closes.
SecurePair.prototype._error = function(err) {
  if (this._destroyed) return;
  if (this.listeners('error').length > 0) {
    this.emit('error', err);
  } else {
    this.cleartext.emit('error', err);
  }
  this.destroy();
};

SecurePair.prototype.destroy = function() {
  if (this._destroyed) return;
  // Small writes still waiting for the end of the tick go out first, as they would have had
  // they been encrypted at once.
  if (this._secure && this._clearQueue.length > 0 && !this._cycling) this._cycle();
  if (this._destroyed) return;
  this._destroyed = true;
  this._clearQueue.length = 0;
  this._clearQueueBytes = 0;
  this._callbacks.length = 0;
  this.ssl.close();
  this.cleartext.writable = this.encrypted.writable = false;
  this.cleartext.readable = this.encrypted.readable = false;
  var self = this;
  process.nextTick(function() {
    self.encrypted._emitClose();
    self.cleartext._emitClose();
  });
};

// Connects `pair.encrypted` with `socket` both ways, with backpressure; `onSocketError` gets
// the socket's errors. As in v0.6.3 (its pipe()), the cleartext stream of a connection names its
// encrypted side: `req.connection.encrypted` is how connect and express tell HTTPS apart.
function wire(pair, socket, onSocketError) {
  var cleartext = pair.cleartext;
  var encrypted = pair.encrypted;
  cleartext.socket = socket;
  cleartext.encrypted = encrypted;
  pair.socket = socket;

  socket.on('data', function(data) {
    // Each read is a Buffer of its own (net.js), so the connection may keep it uncopied.
    var ok = typeof data === 'string' ? encrypted.write(data) : encrypted._write(data, true);
    if (!ok) socket.pause();
  });
  // A socket with a stream handle is read natively: its reads go straight into the connection
  // (ssl.attachSocket, tls_wrap.cc) and never become 'data' events; the client's handle exists
  // once it connects. EOF and errors still arrive through the socket.
  pair.ssl.onencread = function() {
    if (pair._destroyed || !encrypted.writable) return;
    pair._cycle();
    if (pair.cleartext._paused) {
      encrypted._needDrain = true;
      socket.pause();
    }
  };
  function attach() {
    if (pair._destroyed || !socket._handle || socket.destroyed) return;
    if (socket._decoder) return;  // setEncoding() on the raw socket: its reads stay strings
    pair.ssl.attachSocket(socket._handle);
  }
  if (socket._handle && !socket._connecting) attach(); else socket.once('connect', attach);
  encrypted.on('drain', function() {
    socket.resume();
  });
  // The encrypted side pauses while the socket holds bytes it could not write at once, and
  // after a burst (ssl.noteSent, tls_wrap.cc) until the loop has polled for I/O once, so that a
  // writer the socket never stops lets the peer read (in this process too) between bursts;
  // cleartext.write() returns false meanwhile, and its 'drain' follows the resume.
  var socketFull = false;
  var heldForPoll = false;
  encrypted.on('data', function(data) {
    if (!socket.writable) return;
    if (socket.write(data) === false) {
      socketFull = true;
      encrypted.pause();
    } else if (!pair._destroyed && !pair.ssl.noteSent(data.length)) {
      heldForPoll = true;
      encrypted.pause();
    }
  });
  pair.ssl.onafterpoll = function() {
    heldForPoll = false;
    if (!socketFull && !pair._destroyed) encrypted.resume();
  };
  socket.on('drain', function() {
    socketFull = false;
    if (!heldForPoll) encrypted.resume();
  });
  socket.on('end', function() {
    encrypted.end();
  });
  encrypted.on('end', function() {
    if (socket.writable) socket.end();
  });
  socket.on('timeout', function() {
    cleartext.emit('timeout');
  });
  socket.on('error', function(err) {
    if (pair._destroyed) return;
    onSocketError(err);
  });
  socket.on('close', function() {
    pair.destroy();
  });
  encrypted.on('close', function() {
    socket.destroy();
  });
}

// ---- Server --------------------------------------------------------------------------------------

var CREDENTIAL_OPTIONS = ['key', 'cert', 'ca', 'crl', 'passphrase', 'ciphers', 'secureProtocol',
                          'secureOptions', 'sessionIdContext'];

function credentialOptions(options) {
  var details = {};
  for (var i = 0; i < CREDENTIAL_OPTIONS.length; i++) {
    var key = CREDENTIAL_OPTIONS[i];
    if (options[key] !== undefined) details[key] = options[key];
  }
  return details;
}

// A client's credentials. Those of a connection that sets none of CREDENTIAL_OPTIONS (the system
// roots, the default protocol and ciphers: most https requests) are made once and shared: making
// an OpenSSL context costs about 165 us, a tenth of a whole handshake. Nothing a connection
// does changes its context (the SNI name, the checks and the session are the connection's own).
var defaultClientCredentials = null;

function clientCredentials(details) {
  if (Object.keys(details).length > 0) return crypto.createCredentials(details);
  if (defaultClientCredentials === null) defaultClientCredentials = crypto.createCredentials({});
  return defaultClientCredentials;
}

// How long a server waits for a peer's handshake, as today's Node (0: forever).
var DEFAULT_HANDSHAKE_TIMEOUT = 120 * 1000;

function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError('options must be an object');
  }
  options = options || {};
  var self = this;
  // The raw sockets stay half-open; the cleartext streams decide (see SecurePair._cycleOnce).
  net.Server.call(this, { allowHalfOpen: true }, function(socket) {
    onServerConnection(self, socket);
  });
  this.requestCert = !!options.requestCert;
  this.rejectUnauthorized = !!options.rejectUnauthorized;
  this.cleartextAllowHalfOpen = !!options.allowHalfOpen;
  var handshakeTimeout = options.handshakeTimeout;
  if (handshakeTimeout === undefined) handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
  if (typeof handshakeTimeout !== 'number' || !(handshakeTimeout >= 0)) {
    throw new TypeError('handshakeTimeout must be a non-negative number');
  }
  this.handshakeTimeout = handshakeTimeout;
  var details = credentialOptions(options);
  if (this.requestCert && details.sessionIdContext === undefined) {
    // Sessions resumed with a client certificate need a context id, as in v0.6.
    details.sessionIdContext = crypto.createHash('md5').update(process.argv.join(' '))
        .digest('hex');
  }
  this.credentials = crypto.createCredentials(details);
  if (listener) this.on('secureConnection', listener);
}
util.inherits(Server, net.Server);
// A TLS client speaks first (its ClientHello): see _deferAccept in net.js's listenOnHandle.
Server.prototype._deferAccept = true;
exports.Server = Server;

// addContext(hostname, details): clients asking (with SNI) for a host name matching
// `hostname` ('*' for any characters within one label) get the certificate made from `details`
// (key, cert, ca... as createServer's options). Earlier contexts win.
Server.prototype.addContext = function(hostname, details) {
  if (typeof hostname !== 'string' || hostname.length === 0) {
    throw new TypeError('hostname must be a non-empty string');
  }
  if (details === null || typeof details !== 'object') {
    throw new TypeError('credentials must be an object');
  }
  var context = details.context && !details.key && !details.cert
      ? details.context : crypto.createCredentials(credentialOptions(details)).context;
  if (!this._sniContexts) this._sniContexts = [];
  this._sniContexts.push([hostname, context]);
};

exports.createServer = function(options, listener) {
  return new Server(options, listener);
};

function onServerConnection(server, socket) {
  var pair;
  try {
    pair = new SecurePair(server.credentials, true, server.requestCert, server.rejectUnauthorized);
    var contexts = server._sniContexts || [];
    for (var i = 0; i < contexts.length; i++) {
      pair.ssl.addSNIContext(contexts[i][0], contexts[i][1]);
    }
  } catch (err) {
    socket.destroy();
    server.emit('clientError', err);
    return;
  }
  var cleartext = pair.cleartext;
  cleartext.allowHalfOpen = server.cleartextAllowHalfOpen;
  // Errors before the handshake is done are the server's to report; after it, the stream's
  // if it listens. A peer that misbehaves must never crash the server.
  function onError(err) {
    if (pair._secure && cleartext.listeners('error').length > 0) {
      cleartext.emit('error', err);
    } else {
      server.emit('clientError', err);
    }
  }
  wire(pair, socket, onError);
  pair.on('error', onError);
  // A peer that never finishes its handshake is dropped (a timer of our own: the socket's idle
  // timeout belongs to the application).
  var handshakeTimer = null;
  if (server.handshakeTimeout > 0) {
    handshakeTimer = setTimeout(function() {
      handshakeTimer = null;
      if (pair._secure || pair._destroyed) return;
      var error = new Error('TLS handshake timeout');
      error.code = 'ECONNRESET';
      pair._error(error);
      socket.destroy();
    }, server.handshakeTimeout);
    pair.once('secure', clearHandshakeTimer);
    cleartext.once('close', clearHandshakeTimer);
  }
  function clearHandshakeTimer() {
    if (handshakeTimer !== null) clearTimeout(handshakeTimer);
    handshakeTimer = null;
  }
  pair.on('secure', function() {
    cleartext.servername = pair.ssl.getServername() || undefined;
    if (server.requestCert) {
      var verifyError = pair.ssl.verifyError();
      if (verifyError) {
        cleartext.authorized = false;
        cleartext.authorizationError = verifyError.message;
        if (server.rejectUnauthorized) {
          server.emit('clientError', verifyError);
          pair.destroy();
          return;
        }
      } else {
        cleartext.authorized = true;
      }
    }
    server.emit('secureConnection', cleartext, pair.encrypted);
  });
}

// ---- connect -------------------------------------------------------------------------------------

// tls.connect(port, [host], [options], [secureConnectListener])
exports.connect = function(port /* , host, options, listener */) {
  var host, options = {}, listener;
  for (var i = 1; i < arguments.length; i++) {
    var arg = arguments[i];
    if (typeof arg === 'string' && host === undefined) {
      host = arg;
    } else if (typeof arg === 'function') {
      listener = arg;
    } else if (arg !== null && typeof arg === 'object') {
      options = arg;
    } else if (arg !== undefined && arg !== null) {
      throw new TypeError('tls.connect: unexpected argument ' + i);
    }
  }
  if (host === undefined) host = options.host || 'localhost';

  var credentials = clientCredentials(credentialOptions(options));
  var servername = options.servername;
  if (servername === undefined && !net.isIP(host)) servername = host;
  var pair = new SecurePair(credentials, false, true, !!options.rejectUnauthorized,
                            { servername: servername });
  var cleartext = pair.cleartext;
  cleartext.allowHalfOpen = !!options.allowHalfOpen;

  var socket = new net.Socket({ allowHalfOpen: true });
  wire(pair, socket, function(err) {
    pair._error(err);
  });
  socket.connect(port, host);

  // The name the certificate must carry: the SNI name if given, else the host connected to.
  var checkName = typeof options.servername === 'string' && options.servername !== ''
      ? options.servername : host;
  pair.on('secure', function() {
    var verifyError = pair.ssl.verifyError();
    if (verifyError) {
      cleartext.authorized = false;
      cleartext.authorizationError = verifyError.message;
      if (options.rejectUnauthorized) {
        pair._error(verifyError);
        return;
      }
    } else {
      cleartext.authorized = true;
    }
    if (options.rejectUnauthorized) {
      var hostError = pair.ssl.checkHost(String(checkName));
      if (hostError) {
        hostError.host = checkName;
        hostError.cert = pair.ssl.getPeerCertificate();
        pair._error(hostError);
        return;
      }
    }
    cleartext.emit('secureConnect');
  });
  if (listener) cleartext.on('secureConnect', listener);
  return cleartext;
};
