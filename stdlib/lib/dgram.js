// The dgram module: UDP sockets over process.binding('udp_wrap') (runtime/bindings/udp_wrap.cc).
//
// As in v0.6, bind() with an IP address (or none) binds at once, so address() works right after
// it; 'listening' follows on the next tick. A host name is first resolved with dns.lookup().
// send() on a socket that is not bound binds it to the "all interfaces" address on a random
// port first. close() closes the handle and emits 'close' at once. Errors carry `code`,
// `errno` (both the code string, as v0.6's net and dgram had them) and `syscall`.
var events = require('events');
var util = require('util');
var Buffer = require('buffer').Buffer;
var fromArrayBuffer = require('buffer')._fromArrayBuffer;

var binding = process.binding('udp_wrap');
var UDP = binding.UDP;

var dns;  // Loaded on the first host name; false if the module is missing.
function getDns() {
  if (dns === undefined) {
    try {
      dns = require('dns');
    } catch (e) {
      dns = false;
    }
  }
  return dns;
}

// A libuv error code (negative) as an Error worded as v0.6 worded it: "bind EADDRNOTAVAIL".
var errnoException = require('_errors').errnoException;

function noop() {}

// An IP literal of the socket's family needs no lookup (the binding checks it precisely); so
// the implicit bind of send() happens in the same tick.
function isLiteral(address, ipv6) {
  return ipv6 ? address.indexOf(':') !== -1 : /^[0-9.]+$/.test(address);
}

// callback(err, ip): synchronous for IP literals, after a DNS lookup for host names.
function lookup(socket, address, callback) {
  var resolver = isLiteral(address, socket._ipv6) ? null : getDns();
  if (!resolver) return callback(null, address);
  resolver.lookup(address, socket._ipv6 ? 6 : 4, function(err, ip) {
    callback(err || null, ip);
  });
}

function checkPort(port) {
  if (typeof port === 'string' && /^\s*\d+\s*$/.test(port)) port = Number(port);
  if (typeof port !== 'number') throw new TypeError('port must be a number');
  if (port !== Math.floor(port) || port < 0 || port > 65535) {
    throw new RangeError('port must be an integer between 0 and 65535');
  }
  return port;
}

function Socket(type, listener) {
  events.EventEmitter.call(this);
  this.type = type;
  this._ipv6 = type === 'udp6';
  this._handle = new UDP();
  this._handle.owner = this;
  this._handle.onmessage = onMessage;
  this._bound = false;      // bind() succeeded.
  this._binding = false;    // bind() is waiting for a DNS answer.
  this._receiving = false;
  this._queue = [];         // Sends made while bind() was waiting, run once it is done.
  this.fd = null;           // v0.6.3's compatibility field: never a descriptor here.
  if (typeof listener === 'function') this.on('message', listener);
}
util.inherits(Socket, events.EventEmitter);
exports.Socket = Socket;

exports.createSocket = function(type, listener) {
  if (type !== 'udp4' && type !== 'udp6') {
    throw new Error('Bad socket type specified. Valid types are: udp4, udp6');
  }
  return new Socket(type, listener);
};

Socket.prototype._healthCheck = function() {
  if (!this._handle) throw new Error('Not running');
};

// Binds the handle to an IP at once; returns an Error or null.
Socket.prototype._bindNow = function(ip, port) {
  var handle = this._handle;
  var err = this._ipv6 ? handle.bind6(ip, port, 0) : handle.bind(ip, port, 0);
  if (err) return errnoException(err, 'bind');
  this._bound = true;
  err = handle.recvStart();
  if (err) return errnoException(err, 'recvStart');
  this._receiving = true;
  var self = this;
  process.nextTick(function() {
    if (self._handle === handle) self.emit('listening');
  });
  return null;
};

// The error goes out on the next tick: the caller of bind() may not listen for it yet.
Socket.prototype._emitErrorSoon = function(err) {
  var self = this;
  process.nextTick(function() {
    self.emit('error', err);
  });
};

Socket.prototype._runQueue = function(err) {
  var queue = this._queue;
  this._queue = [];
  for (var i = 0; i < queue.length; i++) queue[i](err);
};

Socket.prototype.bind = function(port, address) {
  this._healthCheck();
  port = port === undefined || port === null ? 0 : checkPort(port);
  if (address === undefined || address === null || address === '') {
    address = this._ipv6 ? '::' : '0.0.0.0';
  } else if (typeof address !== 'string') {
    throw new TypeError('address must be a string');
  }
  if (this._binding) {
    this._emitErrorSoon(errnoException(-process.binding('constants').EINVAL, 'bind'));
    return;
  }
  var self = this;
  var handle = this._handle;
  this._binding = true;
  lookup(this, address, function(err, ip) {
    self._binding = false;
    if (self._handle !== handle) return;  // Closed while resolving.
    if (!err) err = self._bindNow(ip, port);
    if (err) self._emitErrorSoon(err);
    self._runQueue(err);
  });
};

Socket.prototype.send = function(buffer, offset, length, port, address, callback) {
  if (!(buffer instanceof Uint8Array)) {
    throw new TypeError('First argument must be a buffer object.');
  }
  if (typeof offset !== 'number' || typeof length !== 'number') {
    throw new TypeError('offset and length must be numbers');
  }
  if (offset !== Math.floor(offset) || offset < 0 ||
      (offset >= buffer.length && !(offset === 0 && length === 0))) {
    throw new RangeError('Offset into buffer too large');
  }
  if (length !== Math.floor(length) || length < 0 || offset + length > buffer.length) {
    throw new RangeError('Offset + length beyond buffer length');
  }
  port = checkPort(port);
  if (typeof address !== 'string' || address === '') {
    throw new TypeError('address must be a non-empty string');
  }
  if (callback !== undefined && callback !== null && typeof callback !== 'function') {
    throw new TypeError('callback must be a function');
  }
  callback = callback || noop;
  this._healthCheck();

  var self = this;
  var handle = this._handle;
  function go(bindError) {
    if (bindError) return callback(bindError);
    if (self._handle !== handle) return;  // Closed meanwhile.
    lookup(self, address, function(err, ip) {
      if (self._handle !== handle) return;
      if (err) {
        callback(err);
        self.emit('error', err);
        return;
      }
      var req = {oncomplete: afterSend, callback: callback, length: length};
      var status = self._ipv6 ? handle.send6(req, buffer, offset, length, port, ip, true)
                              : handle.send(req, buffer, offset, length, port, ip, true);
      if (status === 1) {
        if (callback !== noop) queueSent(callback, length);
      } else if (status) {
        // As v0.6: a send that cannot start is reported to the callback only.
        var sendError = errnoException(status, 'send');
        process.nextTick(function() {
          callback(sendError);
        });
      }
    });
  }

  if (this._binding) {
    this._queue.push(go);
  } else if (!this._bound) {
    // Not bound yet: the "all interfaces" address, a random port.
    var err = this._bindNow(this._ipv6 ? '::' : '0.0.0.0', 0);
    if (err) {
      this._emitErrorSoon(err);
      process.nextTick(function() {
        callback(err);
      });
      return;
    }
    go(null);
  } else {
    go(null);
  }
};

// Datagrams the binding sent at once (it found no queue before them) are called back on the
// next tick, and before any datagram this process receives after them: v0.6 sent from the
// loop's poll for I/O and called back there, so a reply, or the datagram itself sent to a
// socket of this process, was read on a later poll. A tick queued in the prepare pass runs
// only after the poll (v0.6.3's rule, _bootstrap.js), hence onMessage's call.
var sentQueue = [];  // callback, length, ...

function queueSent(callback, length) {
  if (sentQueue.length === 0) process.nextTick(runSent);
  sentQueue.push(callback, length);
}

function runSent() {
  var queue = sentQueue;
  sentQueue = [];  // sends made by these callbacks are a batch of their own
  var i = 0;
  try {
    for (; i < queue.length; i += 2) queue[i](null, queue[i + 1]);
  } finally {
    if (i < queue.length) {
      // queue[i] threw: the rest still run, on a tick of their own.
      var rest = queue.slice(i + 2);
      if (rest.length !== 0) {
        if (sentQueue.length === 0) process.nextTick(runSent);
        sentQueue = rest.concat(sentQueue);
      }
    }
  }
}

function afterSend(status, handle, req) {
  req.callback(status ? errnoException(status, 'send') : null, req.length);
}

function onMessage(nread, handle, bytes, rinfo) {
  var self = handle.owner;
  if (!self) return;
  if (nread < 0) {
    self.emit('error', errnoException(nread, 'recvmsg'));
    return;
  }
  var message = fromArrayBuffer(bytes, nread);  // a Buffer without a copy
  if (sentQueue.length === 0) return self.emit('message', message, rinfo);
  try {
    runSent();
  } finally {
    self.emit('message', message, rinfo);
  }
}

Socket.prototype.close = function() {
  this._healthCheck();
  var handle = this._handle;
  this._handle = null;
  this._queue = [];
  handle.close();
  handle.owner = null;
  this._receiving = false;
  this.emit('close');
};

Socket.prototype.address = function() {
  this._healthCheck();
  // Made with the properties the binding fills (see net.js's addressOf).
  var out = { address: undefined, port: undefined, family: undefined };
  var err = this._handle.getsockname(out);
  if (err) throw errnoException(err, 'getsockname');
  return out;
};

function checkResult(err, syscall) {
  if (err) throw errnoException(err, syscall);
}

Socket.prototype.setBroadcast = function(flag) {
  this._healthCheck();
  checkResult(this._handle.setBroadcast(!!flag), 'setBroadcast');
};

Socket.prototype.setTTL = function(ttl) {
  if (typeof ttl !== 'number') throw new TypeError('Argument must be a number');
  this._healthCheck();
  checkResult(this._handle.setTTL(ttl), 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function(ttl) {
  if (typeof ttl !== 'number') throw new TypeError('Argument must be a number');
  this._healthCheck();
  checkResult(this._handle.setMulticastTTL(ttl), 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function(flag) {
  this._healthCheck();
  checkResult(this._handle.setMulticastLoopback(!!flag), 'setMulticastLoopback');
  return flag;
};

function membership(socket, method, multicastAddress, multicastInterface) {
  socket._healthCheck();
  if (!multicastAddress) throw new Error('multicast address must be specified');
  checkResult(socket._handle[method](multicastAddress, multicastInterface), method);
}

Socket.prototype.addMembership = function(multicastAddress, multicastInterface) {
  membership(this, 'addMembership', multicastAddress, multicastInterface);
};

Socket.prototype.dropMembership = function(multicastAddress, multicastInterface) {
  membership(this, 'dropMembership', multicastAddress, multicastInterface);
};
