// process.stdout and process.stderr. Writes are synchronous, as v0.6 made them for files and
// terminals, so nothing printed before process.exit() is lost; pipes and sockets are written
// without blocking (PipeWriteStream below), and what they still hold is written out at exit.
// Every kind of stdio stream is a Stream (npm checks `instanceof Stream`), as in v0.6.3: the
// writers and the file reader below inherit from it, the others are net.Sockets.
var Stream = require('stream').Stream;
var util = require('util');
var methods = process.binding('process_methods');
var tty = process.binding('tty_wrap');

// Strings in utf8 (console.log's) are written as they are; any other encoding makes a Buffer,
// and buffer is loaded only then.
function isUtf8(encoding) {
  return !encoding || /^utf-?8$/i.test(encoding);
}
function newBuffer(subject, encoding) {
  return new (require('buffer').Buffer)(subject, encoding);
}

function SyncWriteStream(fd) {
  Stream.call(this);
  this.fd = fd;
  this.writable = true;
  this.readable = false;
  this.isTTY = tty.isTTY(fd);
  if (this.isTTY) {
    try {
      var size = tty.getWindowSize(fd);
      this.columns = size[0];
      this.rows = size[1];
    } catch (e) {
      // Not a real terminal after all (for example a closed one): keep the defaults.
    }
  }
}
util.inherits(SyncWriteStream, Stream);

SyncWriteStream.prototype.write = function(data, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (typeof data === 'string') {
    methods.writeString(this.fd, isUtf8(encoding) ? data : newBuffer(data, encoding));
  } else if (ArrayBuffer.isView(data)) {
    methods.writeString(this.fd, data);  // the bytes as they are
  } else if (data && typeof data.toString === 'function' && data.length !== undefined) {
    methods.writeString(this.fd, data.toString(encoding || 'utf8'));
  } else {
    throw new TypeError('Invalid data, chunk must be a string or buffer, not ' + typeof data);
  }
  if (typeof callback === 'function') process.nextTick(callback);
  return true;
};

SyncWriteStream.prototype.end = function(data, encoding) {
  if (data) this.write(data, encoding);
  // stdout and stderr cannot be closed, as in v0.6: ending them is a no-op beyond the write.
};

SyncWriteStream.prototype.destroy = function() {
  this.emit('close');
};
SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

// A terminal's size changes arrive as SIGWINCH; the first listener installs the watcher.
SyncWriteStream.prototype.on = function(event, listener) {
  if (event === 'resize' && this.isTTY && !this._watchingResize) {
    this._watchingResize = true;
    var self = this;
    process.on('SIGWINCH', function() {
      try {
        var size = tty.getWindowSize(self.fd);
        if (size[0] !== self.columns || size[1] !== self.rows) {
          self.columns = size[0];
          self.rows = size[1];
          self.emit('resize');
        }
      } catch (e) {
        // The terminal went away; nothing to report.
      }
    });
  }
  return Stream.prototype.on.call(this, event, listener);
};
SyncWriteStream.prototype.addListener = SyncWriteStream.prototype.on;

exports.SyncWriteStream = SyncWriteStream;

// A regular file as stdin: read in chunks on the thread pool while resumed.
function FileReadStream(fd) {
  Stream.call(this);
  this.fd = fd;
  this.readable = true;
  this.writable = false;
  this._paused = true;
  this._reading = false;
  this._decoder = null;
}
util.inherits(FileReadStream, Stream);

FileReadStream.prototype.setEncoding = function(encoding) {
  var StringDecoder = require('string_decoder').StringDecoder;
  this._decoder = new StringDecoder(encoding);
};

FileReadStream.prototype.pause = function() {
  this._paused = true;
};

FileReadStream.prototype.resume = function() {
  this._paused = false;
  this._read();
};

FileReadStream.prototype._read = function() {
  if (this._reading || this._paused || !this.readable) return;
  this._reading = true;
  var self = this;
  var buffer = newBuffer(64 * 1024);
  require('fs').read(this.fd, buffer, 0, buffer.length, null, function(err, bytesRead) {
    self._reading = false;
    if (err) return self.emit('error', err);
    if (bytesRead === 0) {
      self.readable = false;
      self.emit('end');
      self.emit('close');
      return;
    }
    var chunk = buffer.slice(0, bytesRead);
    self.emit('data', self._decoder ? self._decoder.write(chunk) : chunk);
    self._read();
  });
};

FileReadStream.prototype.destroy = function() {
  this.readable = false;
  this._paused = true;
};

// process.stdin by what fd 0 is: a terminal, a pipe or socket, or a file. Paused until resumed.
exports.createReadable = function(fd) {
  var type = tty.guessHandleType(fd);
  var stream;
  if (type === 'TTY') {
    stream = new (require('tty').ReadStream)(fd);
  } else if (type === 'PIPE' || type === 'TCP') {
    var net = require('net');
    var Handle = type === 'PIPE' ? process.binding('pipe_wrap').Pipe
                                 : process.binding('tcp_wrap').TCP;
    var handle = new Handle();
    var err = handle.open(fd);
    if (err) throw new Error('cannot open stdin: ' + err);
    stream = new net.Socket({ handle: handle });
    stream.readable = true;
    stream.writable = false;
    stream._paused = true;
    // stdin does not keep the process alive until someone reads it.
  } else {
    stream = new FileReadStream(fd);
  }
  stream.fd = fd;
  return stream;
};
// A pipe or socket as stdout/stderr: non-blocking like other streams, as v0.6 documents. The
// native side (runtime/bindings/stdio_wrap.cc) writes what it can at once, keeps the rest in
// order until the pipe takes it, and writes out whatever still waits when the process exits.
function PipeWriteStream(fd) {
  Stream.call(this);
  this.fd = fd;
  this.writable = true;
  this.readable = false;
  this.isTTY = false;
  this._isStdio = true;
  this._callbacks = null;  // callbacks of the writes still waiting, called once they are out
  this._errorEmitted = false;
  var StdioPipe = process.binding('stdio_wrap').StdioPipe;
  this._handle = new StdioPipe(fd);
  this._handle.owner = this;
  this._handle.ondrain = onPipeDrain;
  this._handle.onerror = onPipeError;
}
util.inherits(PipeWriteStream, Stream);

function onPipeDrain() {
  var stream = this.owner;
  var callbacks = stream._callbacks;
  stream._callbacks = null;
  if (callbacks !== null) {
    for (var i = 0; i < callbacks.length; i++) callbacks[i]();
  }
  stream.emit('drain');
}

// err: the libuv code of the write from the queue that failed.
function onPipeError(err) {
  var er = require('_errors').uvException(err, 'write');
  var stream = this.owner;
  stream.writable = false;
  var callbacks = stream._callbacks;
  stream._callbacks = null;
  if (callbacks !== null) {
    for (var i = 0; i < callbacks.length; i++) callbacks[i](er);
  }
  emitErrorOnce(stream, er);
}

// A broken pipe is reported once. Writes after it fail through their callbacks only: a program
// whose 'error' or 'uncaughtException' handler logs to the same stream (npm's does) would
// otherwise be handed a new error for every line it logs, forever.
function emitErrorOnce(stream, er) {
  if (stream._errorEmitted) return;
  stream._errorEmitted = true;
  stream.emit('error', er);
}

function emitWriteError(stream, er, callback) {
  if (typeof callback === 'function') callback(er);
  emitErrorOnce(stream, er);
}

PipeWriteStream.prototype.write = function(data, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  var chunk;
  if (typeof data === 'string') {
    chunk = isUtf8(encoding) ? data : newBuffer(data, encoding);
  } else if (ArrayBuffer.isView(data)) {
    chunk = data;
  } else {
    throw new TypeError('Invalid data, chunk must be a string or buffer, not ' + typeof data);
  }
  if (!this.writable) {
    var er = new Error('This stream is not writable');
    process.nextTick(emitWriteError, this, er, callback);
    return false;
  }
  var flushed;
  try {
    flushed = this._handle.write(chunk);
  } catch (er) {
    this.writable = false;
    process.nextTick(emitWriteError, this, er, callback);
    return false;
  }
  if (flushed) {
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  }
  if (typeof callback === 'function') {
    if (this._callbacks === null) this._callbacks = [];
    this._callbacks.push(callback);
  }
  return false;
};

Object.defineProperty(PipeWriteStream.prototype, 'bufferSize', {
  get: function() { return this._handle.queued(); }
});

// stdout and stderr cannot be closed, as in v0.6: ending them is a no-op beyond the write.
PipeWriteStream.prototype.end = function(data, encoding) {
  if (data) this.write(data, encoding);
};
PipeWriteStream.prototype.destroy = function() {
  this.emit('close');
};
PipeWriteStream.prototype.destroySoon = PipeWriteStream.prototype.destroy;

exports.PipeWriteStream = PipeWriteStream;

exports.createWritable = function(fd) {
  var stream = process.binding('stdio_wrap').isPipe(fd) ? new PipeWriteStream(fd)
                                                        : new SyncWriteStream(fd);
  // pipe() leaves stdio destinations open (stdlib/lib/stream.js).
  stream._isStdio = true;
  return stream;
};
