// The fs module: thin wrappers over process.binding('fs') (each call synchronous without a
// callback, on libuv's thread pool with one), whole-file helpers built on open/read/write, and
// the ReadStream and WriteStream classes. Sync calls throw errors with code/errno/syscall/path;
// async calls pass them to the callback.
var binding = process.binding('fs');
var constants = process.binding('constants');
var Buffer = require('buffer').Buffer;
var fromArrayBuffer = require('buffer')._fromArrayBuffer;
var Stream = require('stream').Stream;
var util = require('util');

function Stats(fields) {
  this.dev = fields[0];
  this.mode = fields[1];
  this.nlink = fields[2];
  this.uid = fields[3];
  this.gid = fields[4];
  this.rdev = fields[5];
  this.blksize = fields[6];
  this.ino = fields[7];
  this.size = fields[8];
  this.blocks = fields[9];
  this.atime = new Date(fields[10]);
  this.mtime = new Date(fields[11]);
  this.ctime = new Date(fields[12]);
}
exports.Stats = Stats;

Stats.prototype._checkModeProperty = function(property) {
  return ((this.mode & constants.S_IFMT) === property);
};
Stats.prototype.isDirectory = function() { return this._checkModeProperty(constants.S_IFDIR); };
Stats.prototype.isFile = function() { return this._checkModeProperty(constants.S_IFREG); };
Stats.prototype.isBlockDevice = function() { return this._checkModeProperty(constants.S_IFBLK); };
Stats.prototype.isCharacterDevice = function() { return this._checkModeProperty(constants.S_IFCHR); };
Stats.prototype.isSymbolicLink = function() { return this._checkModeProperty(constants.S_IFLNK); };
Stats.prototype.isFIFO = function() { return this._checkModeProperty(constants.S_IFIFO); };
Stats.prototype.isSocket = function() { return this._checkModeProperty(constants.S_IFSOCK); };

function callbackOrThrow(callback) {
  if (typeof callback === 'function') return callback;
  // v0.6 accepted a missing callback; errors then have nowhere to go but an exception.
  return function(err) { if (err) throw err; };
}

function statCall(name) {
  exports[name + 'Sync'] = function(target) {
    return new Stats(binding[name](target));
  };
  exports[name] = function(target, callback) {
    callback = callbackOrThrow(callback);
    binding[name](target, function(err, fields) {
      if (err) return callback(err);
      callback(null, new Stats(fields));
    });
  };
}
statCall('stat');
statCall('lstat');
statCall('fstat');

// v0.6.3 resolved the path first (path.resolve skips what is not a string), so a missing path
// is the current directory: coffee-script's `coffee -e` calls realpathSync(undefined).
exports.realpathSync = function(p) {
  return binding.realpath(require('path').resolve(p));
};

exports.realpath = function(p, cache, callback) {
  if (typeof cache === 'function') callback = cache;
  binding.realpath(require('path').resolve(p), callbackOrThrow(callback));
};

exports.closeSync = function(fd) {
  binding.close(fd);
};

exports.close = function(fd, callback) {
  binding.close(fd, callbackOrThrow(callback));
};

exports.existsSync = function(p) {
  try {
    binding.stat(p);
    return true;
  } catch (e) {
    return false;
  }
};

exports.exists = function(p, callback) {
  binding.stat(p, function(err) {
    if (typeof callback === 'function') callback(err ? false : true);
  });
};

// read(fd, buffer, offset, length, position, callback(err, bytesRead, buffer)).
// The older string form read(fd, length, position, encoding) is still accepted: the sync call
// then returns [string, bytesRead] and the async one calls back (err, string, bytesRead).
exports.readSync = function(fd, buffer, offset, length, position) {
  if (typeof buffer === 'number') {
    var encoding = length;
    length = buffer;
    position = offset;
    buffer = new Buffer(length);
    var n = binding.read(fd, buffer, 0, length, position);
    return [buffer.toString(encoding || 'utf8', 0, n), n];
  }
  return binding.read(fd, buffer, offset, length, position);
};

exports.read = function(fd, buffer, offset, length, position, callback) {
  if (typeof buffer === 'number') {
    var encoding = length;
    var stringCallback = callbackOrThrow(arguments[arguments.length - 1]);
    length = buffer;
    position = offset;
    buffer = new Buffer(length);
    return binding.read(fd, buffer, 0, length, position, function(err, bytesRead) {
      if (err) return stringCallback(err);
      stringCallback(null, buffer.toString(encoding || 'utf8', 0, bytesRead), bytesRead);
    });
  }
  callback = callbackOrThrow(callback);
  binding.read(fd, buffer, offset, length, position, function(err, bytesRead) {
    // Referring to `buffer` here keeps it alive while the thread pool writes into it.
    callback(err, bytesRead || 0, buffer);
  });
};

// open flags: the v0.6 strings, or a number of O_* bits passed through.
function stringToFlags(flag) {
  if (typeof flag === 'number') return flag;
  switch (flag) {
    case 'r': return constants.O_RDONLY;
    case 'r+': return constants.O_RDWR;
    case 'w': return constants.O_TRUNC | constants.O_CREAT | constants.O_WRONLY;
    case 'w+': return constants.O_TRUNC | constants.O_CREAT | constants.O_RDWR;
    case 'a': return constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY;
    case 'a+': return constants.O_APPEND | constants.O_CREAT | constants.O_RDWR;
  }
  throw new TypeError('Unknown file open flag: ' + flag);
}

// Modes are numbers or octal strings ('0644').
// A mode may carry file-type bits (a stat's mode, such as 0100644): v0.6.3 passed modes straight
// to the system call, which uses only the permission bits, so those are what is kept. Numbers
// that are no mode at all (past 0177777, negative, fractional) are left for the binding to
// refuse with a RangeError.
function permissionBits(mode) {
  return mode >= 0 && mode <= 65535 /* 0177777 */ && mode % 1 === 0 ? mode & 4095 : mode;
}

function modeNum(mode, defaultMode) {
  if (typeof mode === 'number') return permissionBits(mode);
  if (typeof mode === 'string') return permissionBits(parseInt(mode, 8));
  if (mode === undefined || mode === null) return defaultMode;
  throw new TypeError('mode must be a number or an octal string');
}

exports.openSync = function(path, flags, mode) {
  return binding.open(path, stringToFlags(flags), modeNum(mode, 438 /* 0666 */));
};

exports.open = function(path, flags, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = undefined;
  }
  binding.open(path, stringToFlags(flags), modeNum(mode, 438), callbackOrThrow(callback));
};

// write(fd, buffer, offset, length, position, callback(err, written, buffer)); the older string
// form write(fd, string, position, encoding, callback) is accepted too.
exports.writeSync = function(fd, buffer, offset, length, position) {
  if (!Buffer.isBuffer(buffer)) {
    // (fd, data, position, encoding)
    position = offset;
    buffer = new Buffer(String(buffer), length || 'utf8');
    offset = 0;
    length = buffer.length;
  }
  return binding.write(fd, buffer, offset, length, position);
};

exports.write = function(fd, buffer, offset, length, position, callback) {
  if (!Buffer.isBuffer(buffer)) {
    // (fd, data, position, encoding, callback)
    callback = arguments[arguments.length - 1];
    if (typeof length !== 'string') length = 'utf8';
    position = typeof offset === 'function' ? null : offset;
    buffer = new Buffer(String(buffer), length);
    offset = 0;
    length = buffer.length;
  }
  callback = callbackOrThrow(callback);
  binding.write(fd, buffer, offset, length, position, function(err, written) {
    // The closure keeps `buffer` alive while the thread pool reads from it.
    callback(err, written || 0, buffer);
  });
};

// Calls mapped one-to-one onto the binding: name(args..., [callback]) and nameSync(args...).
function simpleCall(name, arity) {
  exports[name + 'Sync'] = function() {
    return binding[name].apply(binding, Array.prototype.slice.call(arguments, 0, arity));
  };
  exports[name] = function() {
    var args = Array.prototype.slice.call(arguments, 0, arity);
    args.push(callbackOrThrow(arguments[arity]));
    binding[name].apply(binding, args);
  };
}
simpleCall('rename', 2);
simpleCall('link', 2);
simpleCall('readlink', 1);
simpleCall('unlink', 1);
simpleCall('rmdir', 1);
simpleCall('readdir', 1);
simpleCall('fsync', 1);
simpleCall('fdatasync', 1);
simpleCall('chown', 3);
simpleCall('fchown', 3);
// lchmod and lchown exist, as in v0.6.3, only where the system has O_SYMLINK (to open a link
// itself); Linux has not, so fs has neither.

exports.symlinkSync = function(destination, path) {
  return binding.symlink(destination, path);
};

exports.symlink = function(destination, path, type, callback) {
  if (typeof type === 'function') callback = type;
  binding.symlink(destination, path, callbackOrThrow(callback));
};

exports.mkdirSync = function(path, mode) {
  return binding.mkdir(path, modeNum(mode, 511 /* 0777 */));
};

exports.mkdir = function(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = undefined;
  }
  binding.mkdir(path, modeNum(mode, 511), callbackOrThrow(callback));
};

exports.chmodSync = function(path, mode) {
  return binding.chmod(path, modeNum(mode));
};

exports.chmod = function(path, mode, callback) {
  binding.chmod(path, modeNum(mode), callbackOrThrow(callback));
};

exports.fchmodSync = function(fd, mode) {
  return binding.fchmod(fd, modeNum(mode));
};

exports.fchmod = function(fd, mode, callback) {
  binding.fchmod(fd, modeNum(mode), callbackOrThrow(callback));
};

// truncate(fd, len): v0.6 takes a descriptor; a path is accepted as well.
exports.ftruncateSync = function(fd, len) {
  return binding.ftruncate(fd, len === undefined ? 0 : len);
};

exports.ftruncate = function(fd, len, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  binding.ftruncate(fd, len === undefined ? 0 : len, callbackOrThrow(callback));
};

exports.truncateSync = function(fd, len) {
  if (typeof fd !== 'string') return exports.ftruncateSync(fd, len);
  var file = exports.openSync(fd, 'r+');
  try {
    return exports.ftruncateSync(file, len);
  } finally {
    exports.closeSync(file);
  }
};

exports.truncate = function(fd, len, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  if (typeof fd !== 'string') return exports.ftruncate(fd, len, callback);
  callback = callbackOrThrow(callback);
  exports.open(fd, 'r+', function(err, file) {
    if (err) return callback(err);
    exports.ftruncate(file, len, function(err) {
      exports.close(file, function(closeErr) {
        callback(err || closeErr || null);
      });
    });
  });
};

// Times are Dates or numbers of seconds since the epoch.
function toUnixTimestamp(time) {
  if (time instanceof Date) return time.getTime() / 1000;
  if (typeof time === 'string' && +time == time) return +time;
  return time;
}

exports.utimesSync = function(path, atime, mtime) {
  return binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
};

exports.utimes = function(path, atime, mtime, callback) {
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                 callbackOrThrow(callback));
};

exports.futimesSync = function(fd, atime, mtime) {
  return binding.futimes(fd, toUnixTimestamp(atime), toUnixTimestamp(mtime));
};

exports.futimes = function(fd, atime, mtime, callback) {
  binding.futimes(fd, toUnixTimestamp(atime), toUnixTimestamp(mtime), callbackOrThrow(callback));
};

function optionEncoding(encoding) {
  if (encoding && typeof encoding === 'object') encoding = encoding.encoding;
  return encoding;
}

// Joins the chunks of a whole-file read into one Buffer.
function joinChunks(chunks, total) {
  if (chunks.length === 1) return chunks[0];
  var result = new Buffer(total);
  var at = 0;
  for (var i = 0; i < chunks.length; i++) {
    chunks[i].copy(result, at);
    at += chunks[i].length;
  }
  return result;
}

var kReadChunk = 64 * 1024;
var kMaxLength = process.binding('buffer').kMaxLength;
var S_IFMT = 61440;   /* 0170000 */
var S_IFREG = 32768;  /* 0100000 */

// The size of the first read of a whole file: a regular file's size from fstat's fields
// (usually all of it, in one read), else a chunk. Reading then goes on to end of file, so a file
// that grew or shrank meanwhile is read as it is.
function firstReadSize(fields) {
  var size = fields[8];
  if ((fields[1] & S_IFMT) !== S_IFREG || !(size > 0)) return kReadChunk;
  return Math.min(size, kMaxLength);
}

// readFileSync(filename, [encoding]): a Buffer, or a string when an encoding is given.
exports.readFileSync = function(path, encoding) {
  encoding = optionEncoding(encoding);
  var fd = exports.openSync(path, 'r');
  var chunks = [];
  var total = 0;
  try {
    var size = firstReadSize(binding.fstat(fd));
    for (;;) {
      var result = binding.readBuffer(fd, size, -1);
      var n = result[0];
      if (n === 0) break;
      chunks.push(fromArrayBuffer(result[1], n));
      total += n;
      size = kReadChunk;
    }
  } finally {
    exports.closeSync(fd);
  }
  var buffer = joinChunks(chunks, total);
  return encoding ? buffer.toString(encoding) : buffer;
};

exports.readFile = function(path, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  encoding = optionEncoding(encoding);
  callback = callbackOrThrow(callback);
  var chunks = [];
  var total = 0;
  exports.open(path, 'r', function(err, fd) {
    if (err) return callback(err);
    function finish(readErr) {
      exports.close(fd, function(closeErr) {
        var e = readErr || closeErr;
        if (e) return callback(e);
        var buffer = joinChunks(chunks, total);
        callback(null, encoding ? buffer.toString(encoding) : buffer);
      });
    }
    function readChunk(size) {
      binding.readBuffer(fd, size, -1, function(err, n, arrayBuffer) {
        if (err) return finish(err);
        if (n === 0) return finish(null);
        chunks.push(fromArrayBuffer(arrayBuffer, n));
        total += n;
        readChunk(kReadChunk);
      });
    }
    binding.fstat(fd, function(err, fields) {
      if (err) return finish(err);
      readChunk(firstReadSize(fields));
    });
  });
};

function dataToBuffer(data, encoding) {
  if (Buffer.isBuffer(data)) return data;
  return new Buffer(String(data), optionEncoding(encoding) || 'utf8');
}

// writeFile(filename, data, [encoding], [callback]): replaces the file's content.
exports.writeFileSync = function(path, data, encoding) {
  var buffer = dataToBuffer(data, encoding);
  var fd = exports.openSync(path, 'w');
  try {
    var written = 0;
    while (written < buffer.length) {
      written += binding.write(fd, buffer, written, buffer.length - written, -1);
    }
  } finally {
    exports.closeSync(fd);
  }
};

exports.writeFile = function(path, data, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  callback = callbackOrThrow(callback);
  var buffer = dataToBuffer(data, encoding);
  exports.open(path, 'w', function(err, fd) {
    if (err) return callback(err);
    var written = 0;
    function finish(writeErr) {
      exports.close(fd, function(closeErr) {
        callback(writeErr || closeErr || null);
      });
    }
    (function writeRest() {
      if (written >= buffer.length) return finish(null);
      binding.write(fd, buffer, written, buffer.length - written, -1, function(err, n) {
        if (err) return finish(err);
        written += n;
        writeRest();
      });
    })();
  });
};

// fs.ReadStream: a readable stream over a file, from `start` to `end` (both inclusive).
function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  Stream.call(this);
  var self = this;

  this.path = path;
  this.fd = null;
  this.readable = true;
  this.paused = false;
  this.flags = 'r';
  this.mode = 438; /* 0666 */
  this.bufferSize = 64 * 1024;
  this.encoding = null;
  this._reading = false;
  this._buffer = null;      // what the last read brought, not all emitted yet
  this._bufferOffset = 0;   // where in _buffer the next chunk starts
  this._chunkSize = 0;      // the bufferSize that read was made for
  this._chunkScheduled = false;
  this._endPending = false;
  this._decoder = null;
  this._closing = false;

  options = options || {};
  Object.keys(options).forEach(function(key) {
    if (options[key] !== undefined) self[key] = options[key];
  });
  if (this.encoding) this.setEncoding(this.encoding);

  if (this.start !== undefined) {
    if (typeof this.start !== 'number') throw new TypeError('start must be a Number');
    if (this.end === undefined) {
      this.end = Infinity;
    } else if (typeof this.end !== 'number') {
      throw new TypeError('end must be a Number');
    }
    if (this.start > this.end) throw new Error('start must be <= end');
    this.pos = this.start;
  } else if (this.end !== undefined) {
    if (typeof this.end !== 'number') throw new TypeError('end must be a Number');
    this.start = 0;
    this.pos = 0;
  }

  if (this.fd !== null) {
    process.nextTick(function() { self._read(); });
    return;
  }

  exports.open(this.path, this.flags, this.mode, function(err, fd) {
    if (err) {
      self.readable = false;
      self.emit('error', err);
      return;
    }
    self.fd = fd;
    self.emit('open', fd);
    // destroy() before or during 'open' closes the descriptor now, or already did.
    if (self._closing) {
      if (self.fd !== null) self._close();
      return;
    }
    self._read();
  });
}
util.inherits(ReadStream, Stream);
exports.ReadStream = ReadStream;
exports.FileReadStream = ReadStream;  // the older name

exports.createReadStream = function(path, options) {
  return new ReadStream(path, options);
};

ReadStream.prototype.setEncoding = function(encoding) {
  var StringDecoder = require('string_decoder').StringDecoder;
  this._decoder = new StringDecoder(encoding);
};

// What one read asks of the file: several chunks of bufferSize at once, handed out as 'data'
// events of bufferSize each (slices of the one read's memory, no copies), so that a big file
// costs a quarter of the trips through libuv's thread pool, each a wake-up of two threads.
//
// From the outside this must look like v0.6.3's ReadStream, which read one chunk at a time:
// each chunk arrives from the event loop on a turn of its own, never from inside resume() or
// inside another chunk's 'data' listeners. Code of that era relies on it. fstream 0.1's
// FileReader (npm 1.1 packs every package with it) resumes its parent before it clears its own
// paused flag and then resumes the file stream; a chunk emitted synchronously by that resume()
// pauses them again in between, the flags disagree, and the parent directory reader stays paused
// forever ('npm ERR! cb() never called' for any file bigger than one read). So each chunk
// goes out on a tick of its own (process.nextTick, whose callbacks queued during a pass run on
// the next turn of the loop), the first of a read too, and the 'end' that follows the last one:
// then whatever a 'data' listener queued with nextTick has run before the next event, as it had
// when each chunk was a read of its own.
var READ_AHEAD = 256 * 1024;

ReadStream.prototype._read = function() {
  var self = this;
  if (!this.readable || this.paused || this._reading || this._endPending || this.fd === null) {
    return;
  }
  if (this._buffer !== null) return this._scheduleChunk();

  var chunkSize = ~~this.bufferSize;  // as v0.6.3 took it: a number, or 0 (and then the end)
  var toRead = chunkSize;
  if (toRead > 0 && toRead < READ_AHEAD) toRead *= Math.floor(READ_AHEAD / toRead);
  if (this.pos !== undefined && this.end !== Infinity) {
    toRead = Math.min(toRead, this.end - this.pos + 1);
  }
  if (toRead <= 0) return this._scheduleEnd();

  this._reading = true;
  binding.readBuffer(this.fd, toRead, this.pos === undefined ? -1 : this.pos,
                     function(err, bytesRead, arrayBuffer) {
    self._reading = false;
    if (self._closing) {
      // destroy() waited for this read to finish with the descriptor.
      if (self.fd !== null) self._close();
      return;
    }
    if (err) {
      self.readable = false;
      self.emit('error', err);
      self.destroy();
      return;
    }
    if (!self.readable) return;
    if (bytesRead === 0) return self._scheduleEnd();
    if (self.pos !== undefined) self.pos += bytesRead;
    self._buffer = fromArrayBuffer(arrayBuffer, bytesRead);
    self._bufferOffset = 0;
    self._chunkSize = chunkSize > 0 && chunkSize < bytesRead ? chunkSize : bytesRead;
    // A read that finishes while the stream is paused is held until resume(), as in v0.6.3.
    if (!self.paused) self._scheduleChunk();
  });
};

// Emits the next chunk of what the last read brought, then goes on: a later turn for the next
// chunk, or the next read once this one is all out.
ReadStream.prototype._emitChunk = function() {
  var buffer = this._buffer;
  var start = this._bufferOffset;
  var stop = Math.min(start + this._chunkSize, buffer.length);
  var chunk = start === 0 && stop === buffer.length ? buffer : buffer.slice(start, stop);
  this._bufferOffset = stop;
  if (stop === buffer.length) this._buffer = null;
  if (this._decoder) {
    var text = this._decoder.write(chunk);
    if (text.length) this.emit('data', text);
  } else {
    this.emit('data', chunk);
  }
  this._read();
};

// The next chunk of the last read, on a later turn of the loop (at most one is scheduled; pause()
// or destroy() in between holds it back).
ReadStream.prototype._scheduleChunk = function() {
  if (this._chunkScheduled) return;
  this._chunkScheduled = true;
  var self = this;
  process.nextTick(function() {
    self._chunkScheduled = false;
    if (self.readable && !self.paused && self._buffer !== null) self._emitChunk();
  });
};

// 'end' on a tick too, after what the last chunk's listeners queued (v0.6.3 found the end of a
// range or a file with one more read).
ReadStream.prototype._scheduleEnd = function() {
  this._endPending = true;
  var self = this;
  process.nextTick(function() {
    self._endPending = false;
    if (self.readable) self._onEnd();
  });
};

// As in v0.6.3: 'end', then this.destroy(), which is what makes the stream unreadable and closes
// the file. Old code replaces destroy() to keep the descriptor and resume() the stream later to
// read what was appended since (winston 0.6's File#stream tails its log file that way).
ReadStream.prototype._onEnd = function() {
  this.emit('end');
  this.destroy();
};

ReadStream.prototype.pause = function() {
  this.paused = true;
};

ReadStream.prototype.resume = function() {
  this.paused = false;
  this._read();
};

// Closes the descriptor (once it is open) and emits 'close'.
ReadStream.prototype.destroy = function(callback) {
  this.readable = false;
  this._buffer = null;
  if (typeof callback === 'function') this.once('close', callback);
  if (this._closing) return;
  this._closing = true;
  if (this.fd !== null && !this._reading) this._close();
};

ReadStream.prototype._close = function() {
  var self = this;
  if (this.fd === null) return;
  exports.close(this.fd, function(err) {
    if (err) return self.emit('error', err);
    self.emit('close');
  });
  this.fd = null;
};

// fs.WriteStream: a writable stream into a file. Writes are queued and run one at a time, in
// order, once the file is open; 'drain' follows when the queue has emptied. flush() (run the
// next queued write unless one is in flight, or announce 'drain'), `busy` and `drainable` are
// v0.6.3's names, which subclasses of the time call and read (log4js 0.5's rolling file
// streams call flush() around swapping `fd`).
function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  Stream.call(this);
  var self = this;

  this.path = path;
  this.fd = null;
  this.writable = true;
  this.flags = 'w';
  this.encoding = 'binary';
  this.mode = 438; /* 0666 */
  this.bytesWritten = 0;
  this._queue = [];
  this.busy = false;
  this.drainable = false;
  this._closed = false;

  options = options || {};
  Object.keys(options).forEach(function(key) {
    if (options[key] !== undefined && options[key] !== null) self[key] = options[key];
  });

  if (this.start !== undefined) {
    if (typeof this.start !== 'number') throw new TypeError('start must be a Number');
    if (this.start < 0) throw new Error('start must be >= zero');
    this.pos = this.start;
  }

  if (this.fd !== null) {
    process.nextTick(function() { self.flush(); });
    return;
  }

  exports.open(this.path, this.flags, this.mode, function(err, fd) {
    if (err) {
      self.writable = false;
      self._queue = [];
      self.emit('error', err);
      return;
    }
    self.fd = fd;
    self.emit('open', fd);
    self.flush();
  });
}
util.inherits(WriteStream, Stream);
exports.WriteStream = WriteStream;
exports.FileWriteStream = WriteStream;  // the older name

exports.createWriteStream = function(path, options) {
  return new WriteStream(path, options);
};

WriteStream.prototype.flush = function() {
  var self = this;
  if (this.busy || this.fd === null || this._closed) return;
  var item = this._queue.shift();
  if (!item) {
    if (this.drainable) {
      this.drainable = false;
      this.emit('drain');
    }
    return;
  }
  this.busy = true;

  if (item.close) {
    var fd = this.fd;
    this._closed = true;
    exports.close(fd, function(err) {
      self.busy = false;
      if (err) {
        self.emit('error', err);
        return;
      }
      if (item.callback) item.callback();
      self.emit('close');
    });
    return;
  }

  var buffer = item.buffer;
  var done = 0;
  (function writeRest() {
    binding.write(self.fd, buffer, done, buffer.length - done,
                  self.pos === undefined ? -1 : self.pos, function(err, written) {
      if (self._closed) {
        self.busy = false;
        return self._closeNow();
      }
      if (err) {
        self.busy = false;
        self.writable = false;
        if (item.callback) item.callback(err);
        self.emit('error', err);
        return;
      }
      done += written;
      self.bytesWritten += written;
      if (self.pos !== undefined) self.pos += written;
      if (done < buffer.length) return writeRest();
      self.busy = false;
      if (item.callback) item.callback(null, done);
      self.flush();
    });
  })();
};

// write(data, [encoding], [callback]): false, as the data is always queued ('drain' follows).
WriteStream.prototype.write = function(data, encoding, callback) {
  if (!this.writable) {
    this.emit('error', new Error('stream not writable'));
    return false;
  }
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  // Anything that is not a Buffer is written as a string ('' + data), as in v0.6.3.
  var buffer;
  if (Buffer.isBuffer(data)) {
    buffer = data;
  } else {
    buffer = new Buffer('' + data,
                        encoding || (this.encoding === 'binary' ? 'utf8' : this.encoding));
  }
  this._queue.push({ buffer: buffer, callback: typeof callback === 'function' ? callback : null });
  this.drainable = true;
  this.flush();
  return false;
};

// end([data], [encoding], [callback]): writes the last data, then closes the file.
WriteStream.prototype.end = function(data, encoding, callback) {
  if (typeof data === 'function') {
    callback = data;
    data = undefined;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  if (data !== undefined && data !== null) this.write(data, encoding);
  if (!this.writable) return;
  this.writable = false;
  this._queue.push({ close: true, callback: typeof callback === 'function' ? callback : null });
  this.flush();
};
WriteStream.prototype.destroySoon = WriteStream.prototype.end;

// destroy(): closes at once, dropping whatever is still queued.
WriteStream.prototype.destroy = function(callback) {
  var self = this;
  this.writable = false;
  this._queue = [];
  if (typeof callback === 'function') this.once('close', callback);
  if (this._closed) return;
  if (this.fd === null) {
    this.once('open', function() { self.destroy(); });
    return;
  }
  this._closed = true;
  // A write in flight still uses the descriptor: it closes the file when done.
  if (!this.busy) this._closeNow();
};

WriteStream.prototype._closeNow = function() {
  var self = this;
  exports.close(this.fd, function(err) {
    if (err) return self.emit('error', err);
    self.emit('close');
  });
};

// fs.watchFile(filename, [options], listener(curr, prev)): polls the file's stats; listeners
// run whenever they change. One StatWatcher per path, shared by all of its listeners.
var EventEmitter = require('events').EventEmitter;

function StatWatcher() {
  EventEmitter.call(this);
  var self = this;
  this._handle = new binding.StatWatcher();
  this._handle.onchange = function(current, previous, status) {
    self.emit('change', new Stats(current), new Stats(previous));
  };
}
util.inherits(StatWatcher, EventEmitter);
exports.StatWatcher = StatWatcher;

StatWatcher.prototype.start = function(filename, persistent, interval) {
  this._handle.start(filename, persistent, interval);
};

StatWatcher.prototype.stop = function() {
  if (this._handle) this._handle.close();
  this._handle = null;
};

var statWatchers = {};
var path = require('path');

exports.watchFile = function(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  if (typeof listener !== 'function') throw new Error('watchFile requires a listener function');
  options = options || {};
  var persistent = options.persistent === undefined ? true : !!options.persistent;
  // v0.6's default interval of 0 polled as fast as it could; five seconds is what it meant.
  var interval = typeof options.interval === 'number' && options.interval > 0 ?
      options.interval : 5007;
  var key = path.resolve(String(filename));
  var watcher = statWatchers[key];
  if (!watcher) {
    watcher = new StatWatcher();
    watcher.start(filename, persistent, interval);
    statWatchers[key] = watcher;
  }
  watcher.addListener('change', listener);
  return watcher;
};

exports.unwatchFile = function(filename) {
  var key = path.resolve(String(filename));
  var watcher = statWatchers[key];
  if (!watcher) return;
  watcher.stop();
  delete statWatchers[key];
};

// fs.watch(filename, [options], listener(event, filename)): an FSWatcher emitting 'change'.
function FSWatcher() {
  EventEmitter.call(this);
  var self = this;
  this._handle = new binding.FSEvent();
  this._handle.onchange = function(status, event, filename) {
    if (status < 0) {
      var err = new Error('watch failed');
      err.errno = status;
      self.close();
      self.emit('error', err);
      return;
    }
    self.emit('change', event, filename);
  };
}
util.inherits(FSWatcher, EventEmitter);
exports.FSWatcher = FSWatcher;

FSWatcher.prototype.start = function(filename, persistent) {
  this._handle.start(filename, persistent);
};

FSWatcher.prototype.close = function() {
  if (this._handle) this._handle.close();
  this._handle = null;
};

exports.watch = function(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  if (typeof listener !== 'function') throw new Error('watch requires a listener function');
  options = options || {};
  var persistent = options.persistent === undefined ? true : !!options.persistent;
  var watcher = new FSWatcher();
  watcher.start(filename, persistent);
  watcher.on('change', listener);
  return watcher;
};
