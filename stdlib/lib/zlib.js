// The zlib module: Gzip/Gunzip, Deflate/Inflate, DeflateRaw/InflateRaw and Unzip as v0.6
// streams (readable and writable, so `fs.createReadStream(f).pipe(zlib.createGzip())` works),
// the one-shot helpers (zlib.gzip(buf, callback) ...) and zlib.h's constants.
//
// Each stream owns a process.binding('zlib') handle. Written chunks wait in a queue and go
// through the handle one at a time; each handle.write() runs deflate()/inflate() once on the
// libuv thread pool, into the free end of an output buffer of `chunkSize` bytes, and the bytes it
// produced are emitted as a 'data' slice of that buffer. A chunk is done when zlib leaves room in
// the output (it then has consumed all the input it can); a full output buffer means there may
// be more, so the call repeats with the rest of the input and a fresh buffer.
'use strict';

var binding = process.binding('zlib');
var fromArrayBuffer = require('buffer')._fromArrayBuffer;
var Stream = require('stream');
var util = require('util');

// ---- Constants ---------------------------------------------------------------------------------

Object.keys(binding).forEach(function(name) {
  if (/^Z_|^ZLIB_/.test(name)) exports[name] = binding[name];
});

// The ranges the options are checked against, as v0.6 exported them.
exports.Z_MIN_WINDOWBITS = 8;
exports.Z_MAX_WINDOWBITS = 15;
exports.Z_DEFAULT_WINDOWBITS = 15;
exports.Z_MIN_CHUNK = 64;
exports.Z_MAX_CHUNK = Infinity;
exports.Z_DEFAULT_CHUNK = 16 * 1024;
exports.Z_MIN_MEMLEVEL = 1;
exports.Z_MAX_MEMLEVEL = 9;
exports.Z_DEFAULT_MEMLEVEL = 8;
exports.Z_MIN_LEVEL = -1;
exports.Z_MAX_LEVEL = 9;
exports.Z_DEFAULT_LEVEL = binding.Z_DEFAULT_COMPRESSION;

// Result codes both ways: codes.Z_DATA_ERROR === -3 and codes['-3'] === 'Z_DATA_ERROR'.
var codes = {};
['Z_OK', 'Z_STREAM_END', 'Z_NEED_DICT', 'Z_ERRNO', 'Z_STREAM_ERROR', 'Z_DATA_ERROR',
 'Z_MEM_ERROR', 'Z_BUF_ERROR', 'Z_VERSION_ERROR'].forEach(function(name) {
  codes[name] = binding[name];
  codes[binding[name]] = name;
});
exports.codes = codes;

// ---- Helpers -----------------------------------------------------------------------------------

// A chunk from the caller as a Buffer: strings are encoded, other byte views are copied.
function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return new Buffer(chunk, encoding);
  if (ArrayBuffer.isView(chunk)) {
    return new Buffer(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  throw new TypeError('Invalid argument: expected a string or a Buffer');
}

// An integer option within [min, max], or `def` when absent.
function intOption(opts, name, min, max, def) {
  var value = opts[name];
  if (value === undefined || value === null) return def;
  if (typeof value !== 'number') {
    throw new TypeError('Invalid ' + name + ': ' + String(value) + ' is not a number');
  }
  if (!isFinite(value) || Math.floor(value) !== value || value < min || value > max) {
    throw new RangeError('Invalid ' + name + ': ' + value);
  }
  return value;
}

// ---- The stream --------------------------------------------------------------------------------

var EMPTY = new Buffer(0);

function Zlib(opts, mode) {
  Stream.call(this);
  if (opts === undefined || opts === null) opts = {};
  if (typeof opts !== 'object') throw new TypeError('options must be an object');

  var chunkSize = intOption(opts, 'chunkSize', exports.Z_MIN_CHUNK, exports.Z_MAX_CHUNK,
                            exports.Z_DEFAULT_CHUNK);
  var windowBits = intOption(opts, 'windowBits', exports.Z_MIN_WINDOWBITS,
                             exports.Z_MAX_WINDOWBITS, exports.Z_DEFAULT_WINDOWBITS);
  var level = intOption(opts, 'level', exports.Z_MIN_LEVEL, exports.Z_MAX_LEVEL,
                        exports.Z_DEFAULT_LEVEL);
  var memLevel = intOption(opts, 'memLevel', exports.Z_MIN_MEMLEVEL, exports.Z_MAX_MEMLEVEL,
                           exports.Z_DEFAULT_MEMLEVEL);
  // Z_DEFAULT_STRATEGY (0), Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED (4).
  var strategy = intOption(opts, 'strategy', binding.Z_DEFAULT_STRATEGY, binding.Z_FIXED,
                           binding.Z_DEFAULT_STRATEGY);
  var dictionary = opts.dictionary;
  if (dictionary !== undefined && dictionary !== null && !Buffer.isBuffer(dictionary)) {
    throw new TypeError('Invalid dictionary: it should be a Buffer');
  }

  this._chunkSize = chunkSize;

  var self = this;
  this._handle = new binding.Zlib(mode);
  this._handle.oncomplete = function(availIn, availOut) { self._afterWrite(availIn, availOut); };
  this._handle.onerror = function(message, errno) { self._onError(message, errno); };
  this._handle.init(windowBits, level, memLevel, strategy, dictionary);

  this.readable = true;
  this.writable = true;
  this._buffer = new Buffer(chunkSize);  // output lands at _offset
  this._offset = 0;
  this._queue = [];          // {chunk, flush, callback} not yet started
  this._current = null;      // the item whose handle.write() is running or paused between calls
  this._paused = false;
  this._resume = null;       // what to do next, held back while paused
  this._ended = false;       // end() was called
  this._hadError = false;
  this._destroyed = false;   // destroy() or an error: nothing more is emitted but 'close'
  this._handleClosed = false;
  this._closeEmitted = false;
  this._needDrain = false;
  this._decoder = null;
}
util.inherits(Zlib, Stream);
exports.Zlib = Zlib;

// write(chunk, [encoding], [callback]): queues the chunk. Returns false when it had to wait
// behind earlier data ('drain' follows once everything queued has been processed).
Zlib.prototype.write = function(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  } else if (typeof chunk === 'function' && callback === undefined) {
    callback = chunk;
    chunk = undefined;
  }
  if (this._hadError) return false;
  if (this._ended) {
    this.emit('error', new Error('Cannot write after end'));
    return false;
  }
  var buffer = chunk === undefined || chunk === null ? EMPTY : toBuffer(chunk, encoding);
  return this._enqueue(buffer, binding.Z_NO_FLUSH, callback);
};

// flush([callback]): everything written so far is compressed and emitted (Z_SYNC_FLUSH).
Zlib.prototype.flush = function(callback) {
  if (this._hadError || this._ended) return false;
  return this._enqueue(EMPTY, binding.Z_SYNC_FLUSH, callback);
};

// end([chunk], [encoding], [callback]): writes the last chunk, then finishes the stream; 'end'
// (and the callback) follow once the last of the output has been emitted.
Zlib.prototype.end = function(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = undefined;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = undefined;
  }
  if (this._hadError || this._ended) return;
  if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
  this._ended = true;
  this.writable = false;
  if (typeof callback === 'function') this.once('end', callback);
  this._enqueue(EMPTY, binding.Z_FINISH, null);
};
Zlib.prototype.destroySoon = Zlib.prototype.end;

Zlib.prototype._enqueue = function(buffer, flush, callback) {
  var idle = this._current === null && this._queue.length === 0;
  this._queue.push({
    chunk: buffer,
    flush: flush,
    callback: typeof callback === 'function' ? callback : null
  });
  this._process();
  if (!idle) this._needDrain = true;
  return idle;
};

Zlib.prototype.pause = function() {
  this._paused = true;
};

Zlib.prototype.resume = function() {
  if (!this._paused) return;
  this._paused = false;
  var next = this._resume;
  this._resume = null;
  if (next !== null) {
    next.call(this);
  } else {
    this._process();
  }
};

Zlib.prototype.setEncoding = function(encoding) {
  var StringDecoder = require('string_decoder').StringDecoder;
  this._decoder = new StringDecoder(encoding);
};

// reset(): back to a fresh stream with the same options (not while data is being processed).
Zlib.prototype.reset = function() {
  if (this._handleClosed) throw new Error('zlib stream is closed');
  this._handle.reset();
};

// destroy(): stops at once, dropping whatever is queued, and emits 'close'.
Zlib.prototype.destroy = function() {
  this._destroyed = true;
  this.readable = false;
  this.writable = false;
  this._queue = [];
  this._current = null;
  this._resume = null;
  this._closeHandle();
  this._emitClose();
};

// Starts the next queued item, unless one is running or the stream is paused or done.
Zlib.prototype._process = function() {
  if (this._current !== null || this._paused || this._handleClosed) return;
  var item = this._queue.shift();
  if (item === undefined) {
    if (this._needDrain && !this._ended) {
      this._needDrain = false;
      this.emit('drain');
    }
    return;
  }
  item.inOffset = 0;
  item.availIn = item.chunk.length;
  this._current = item;
  this._write();
};

Zlib.prototype._write = function() {
  var item = this._current;
  item.outOffset = this._offset;
  item.availOut = this._chunkSize - this._offset;
  item.out = this._buffer;
  this._handle.write(item.flush, item.chunk, item.inOffset, item.availIn,
                     item.out, item.outOffset, item.availOut);
};

Zlib.prototype._afterWrite = function(availIn, availOut) {
  var item = this._current;
  if (item === null) return;  // destroyed meanwhile
  var produced = item.availOut - availOut;
  var data = null;
  if (produced > 0) {
    data = item.out.slice(item.outOffset, item.outOffset + produced);
    this._offset += produced;
  }
  // The emitted slices keep their memory; later output goes to the buffer's free end, or to a
  // new buffer once this one is full.
  if (availOut === 0 || this._offset >= this._chunkSize) {
    this._buffer = new Buffer(this._chunkSize);
    this._offset = 0;
  }
  var next = this._itemDone;
  if (availOut === 0) {
    // Output filled up: there may be more, from the rest of the input or zlib's own state.
    item.inOffset += item.availIn - availIn;
    item.availIn = availIn;
    next = this._write;
  }
  if (data !== null) this._emitData(data);
  if (this._current !== item) return;  // destroyed by a 'data' listener
  if (this._paused) {
    this._resume = next;
  } else {
    next.call(this);
  }
};

Zlib.prototype._itemDone = function() {
  var item = this._current;
  this._current = null;
  if (item.callback) item.callback();
  if (this._destroyed) return;
  if (item.flush === binding.Z_FINISH) {
    this._finish();
  } else {
    this._process();
  }
};

Zlib.prototype._emitData = function(data) {
  if (this._decoder) {
    var text = this._decoder.write(data);
    if (text.length) this.emit('data', text);
  } else {
    this.emit('data', data);
  }
};

Zlib.prototype._finish = function() {
  this.readable = false;
  this._closeHandle();
  if (this._decoder) {
    var rest = this._decoder.end();
    if (rest) this.emit('data', rest);
  }
  this.emit('end');
  this._emitClose();
};

Zlib.prototype._onError = function(message, errno) {
  var error = new Error(message);
  error.errno = errno;
  error.code = codes[errno];
  this._hadError = true;
  this._destroyed = true;
  this.readable = false;
  this.writable = false;
  this._queue = [];
  this._current = null;
  this._resume = null;
  this._closeHandle();
  this.emit('error', error);
  this._emitClose();
};

Zlib.prototype._closeHandle = function() {
  if (this._handleClosed) return;
  this._handleClosed = true;
  this._handle.close();
};

Zlib.prototype._emitClose = function() {
  if (this._closeEmitted) return;
  this._closeEmitted = true;
  var self = this;
  process.nextTick(function() { self.emit('close'); });
};

// ---- The seven classes and their factories -----------------------------------------------------

function Deflate(opts) {
  if (!(this instanceof Deflate)) return new Deflate(opts);
  Zlib.call(this, opts, binding.DEFLATE);
}

function Inflate(opts) {
  if (!(this instanceof Inflate)) return new Inflate(opts);
  Zlib.call(this, opts, binding.INFLATE);
}

function Gzip(opts) {
  if (!(this instanceof Gzip)) return new Gzip(opts);
  Zlib.call(this, opts, binding.GZIP);
}

function Gunzip(opts) {
  if (!(this instanceof Gunzip)) return new Gunzip(opts);
  Zlib.call(this, opts, binding.GUNZIP);
}

function DeflateRaw(opts) {
  if (!(this instanceof DeflateRaw)) return new DeflateRaw(opts);
  Zlib.call(this, opts, binding.DEFLATERAW);
}

function InflateRaw(opts) {
  if (!(this instanceof InflateRaw)) return new InflateRaw(opts);
  Zlib.call(this, opts, binding.INFLATERAW);
}

// Inflates either format, told apart by the header.
function Unzip(opts) {
  if (!(this instanceof Unzip)) return new Unzip(opts);
  Zlib.call(this, opts, binding.UNZIP);
}

[Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip].forEach(function(Class) {
  util.inherits(Class, Zlib);
  exports[Class.name] = Class;
  exports['create' + Class.name] = function(options) {
    return new Class(options);
  };
});

// ---- Convenience methods -----------------------------------------------------------------------

// The largest result a one-shot helper builds: a Buffer's limit.
var kMaxLength = process.binding('buffer').kMaxLength;
exports.kMaxLength = kMaxLength;

function tooLargeError(limit) {
  var error = new RangeError('Cannot create final Buffer. It would be larger than 0x' +
                             limit.toString(16) + ' bytes');
  error.code = 'ERR_BUFFER_TOO_LARGE';
  return error;
}

// The one-shot helpers take their output in pieces of up to 256 KB, sized to the input, where a
// stream's default is 16 KB: each piece is a round trip to the thread pool, and for big inputs
// those cost more than the inflating or deflating. A chunkSize in the options still rules.
var kOneShotMaxChunk = 256 * 1024;

function oneShotOptions(options, inputLength) {
  if (options !== undefined && options !== null && options.chunkSize !== undefined) {
    return options;
  }
  var size = exports.Z_DEFAULT_CHUNK;
  while (size < inputLength && size < kOneShotMaxChunk) size *= 2;
  if (size === exports.Z_DEFAULT_CHUNK) return options;
  var copy = {};
  if (options !== undefined && options !== null) {
    Object.keys(options).forEach(function(name) { copy[name] = options[name]; });
  }
  copy.chunkSize = size;
  return copy;
}

// Runs the whole of `buffer` through a new `Class` stream; callback(error) or
// callback(null, result). options (optional, as in later Node versions) may give
// maxOutputLength, the most bytes the result may have (default and most: kMaxLength). A result
// that would be larger (a decompression bomb) stops the stream and calls back with a RangeError
// (code ERR_BUFFER_TOO_LARGE); the bytes already produced are let go.
function zlibBuffer(Class, buffer, options, callback) {
  if (typeof options === 'function' && callback === undefined) {
    callback = options;
    options = undefined;
  }
  if (typeof callback !== 'function') throw new TypeError('callback must be a function');
  var limit = kMaxLength;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw new TypeError('options must be an object');
    if (options.maxOutputLength !== undefined) {
      limit = options.maxOutputLength;
      if (typeof limit !== 'number' || !(limit >= 1 && limit <= kMaxLength) ||
          Math.floor(limit) !== limit) {
        var rangeError = new RangeError('Invalid maxOutputLength: ' + String(limit) +
                                        ' (must be an integer from 1 to 0x' +
                                        kMaxLength.toString(16) + ')');
        rangeError.code = 'ERR_OUT_OF_RANGE';
        throw rangeError;
      }
    }
  }
  buffer = toBuffer(buffer);
  // Inflating a whole buffer: libdeflate first (runtime/bindings/zlib.cc, inflateWhole), when no
  // option changes how the stream is read. It answers null for anything that is not one whole
  // stream it took (bad data, a second gzip member, a result past the limit): zlib then gives
  // the result or the error it always gave.
  var mode = Class === Gunzip ? binding.GUNZIP : Class === Inflate ? binding.INFLATE :
             Class === InflateRaw ? binding.INFLATERAW : -1;
  if (mode !== -1 && buffer.length > 0 && onlyLengthOptions(options) &&
      binding.inflateWhole(mode, buffer, limit, function(arrayBuffer, length) {
        if (arrayBuffer === null) return throughStream(Class, buffer, options, limit, callback);
        callback(null, fromArrayBuffer(arrayBuffer, length));
      })) {
    return;
  }
  throughStream(Class, buffer, options, limit, callback);
}

// Options that do not change what inflating a buffer gives: none, or only sizes.
function onlyLengthOptions(options) {
  if (options === undefined || options === null) return true;
  for (var name in options) {
    if (name !== 'maxOutputLength' && name !== 'chunkSize') return false;
  }
  return true;
}

function throughStream(Class, buffer, options, limit, callback) {
  var engine = new Class(oneShotOptions(options, buffer.length));
  var chunks = [];
  var total = 0;
  var done = false;
  function finish(error, result) {
    if (done) return;
    done = true;
    chunks = null;
    callback(error, result);
  }
  engine.on('data', function(chunk) {
    if (done) return;
    if (total + chunk.length > limit) {
      engine.destroy();
      finish(tooLargeError(limit));
      return;
    }
    chunks.push(chunk);
    total += chunk.length;
  });
  engine.on('error', function(error) {
    finish(error);
  });
  engine.on('end', function() {
    if (done) return;
    var result;
    try {
      result = new Buffer(total);
    } catch (error) {
      // Out of memory for the result: an error for the caller, not an uncaught exception.
      if (error instanceof RangeError && error.code === undefined) error.code = 'ERR_BUFFER_TOO_LARGE';
      return finish(error);
    }
    var offset = 0;
    for (var i = 0; i < chunks.length; i++) {
      chunks[i].copy(result, offset);
      offset += chunks[i].length;
    }
    finish(null, result);
  });
  engine.end(buffer);
}

exports.deflate = function(buffer, options, callback) {
  zlibBuffer(Deflate, buffer, options, callback);
};
exports.inflate = function(buffer, options, callback) {
  zlibBuffer(Inflate, buffer, options, callback);
};
exports.gzip = function(buffer, options, callback) {
  zlibBuffer(Gzip, buffer, options, callback);
};
exports.gunzip = function(buffer, options, callback) {
  zlibBuffer(Gunzip, buffer, options, callback);
};
exports.deflateRaw = function(buffer, options, callback) {
  zlibBuffer(DeflateRaw, buffer, options, callback);
};
exports.inflateRaw = function(buffer, options, callback) {
  zlibBuffer(InflateRaw, buffer, options, callback);
};
exports.unzip = function(buffer, options, callback) {
  zlibBuffer(Unzip, buffer, options, callback);
};
