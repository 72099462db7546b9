// The buffer module: raw memory outside the JS heap, as Node v0.6's Buffer. A Buffer here is a
// Uint8Array whose prototype is Buffer.prototype, so typed-array code and Buffers interoperate.
// The encodings are done natively (process.binding('buffer')), which re-checks every argument.
'use strict';

var binding = process.binding('buffer');
// v0.6.3's checks are assert.ok calls; the module is loaded only when one fails (every program
// loads buffer at start-up, few use assert).
var assert = {
  ok: function ok(value, message) {
    if (!value) require('assert').ok(value, message);
  }
};

var SlowBuffer = binding.SlowBuffer;
var kMaxLength = binding.kMaxLength;

exports.INSPECT_MAX_BYTES = 50;

// ---- Helpers -----------------------------------------------------------------------------------

function normalizeEncoding(encoding) {
  // The spellings used most, without the lower-casing copy.
  if (encoding === 'utf8' || encoding === undefined) return 'utf8';
  if (encoding === 'base64' || encoding === 'hex' || encoding === 'ascii' ||
      encoding === 'binary' || encoding === 'ucs2') {
    return encoding;
  }
  if (encoding === null || encoding === '') return 'utf8';
  switch (String(encoding).toLowerCase()) {
    case 'utf8':
    case 'utf-8':
      return 'utf8';
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return 'ucs2';
    case 'ascii':
      return 'ascii';
    case 'binary':
    case 'latin1':
    case 'raw':
      return 'binary';
    case 'base64':
      return 'base64';
    case 'hex':
      return 'hex';
  }
  throw new TypeError('Unknown encoding: ' + encoding);
}

// A size or count from the caller, as v0.6 coerced it (fractions round up, junk is 0), but sizes
// beyond what a Buffer may hold are an error instead of silently wrapping around.
function coerceSize(length) {
  length = Math.ceil(+length);
  if (!(length > 0)) return 0;
  if (length > kMaxLength) {
    throw new RangeError('Buffer size must not exceed 0x' + kMaxLength.toString(16) + ' bytes');
  }
  return length;
}

// An index argument as an integer; junk is 0.
function toIndex(value) {
  value = Math.floor(+value);
  return value === value ? value : 0;
}

// The typed array's own set(array[, offset]), which Buffer.prototype.set (below) shadows.
var typedArraySet = Object.getPrototypeOf(Uint8Array.prototype).set;

function isUint8Array(value) {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) ===
      '[object Uint8Array]';
}

// Buffers are made by this subclass, whose prototype becomes Buffer.prototype below: V8 then
// creates them with their final map directly, where Object.setPrototypeOf on each new view
// forced a slow map change (4x slower small allocations). It has no constructor of its own and
// Buffers have no own properties: v0.6's `parent` (the SlowBuffer owning the memory) and `offset`
// (the view's start within it) are getters below, reading the owner that was recorded on the
// ArrayBuffer when the SlowBuffer was made. Two stores per Buffer made every small allocation
// a third dearer and each Buffer twice the size.
class FastBuffer extends Uint8Array {}

// ArrayBuffer -> the SlowBuffer (or pool) over all of it.
var kOwner = Symbol('buffer owner');

// A view of parent's memory, made into a Buffer; parent becomes its memory's owner if it has
// none yet.
function makeBuffer(parent, offset, length) {
  var arrayBuffer = parent.buffer;
  if (arrayBuffer[kOwner] === undefined) arrayBuffer[kOwner] = parent;
  return new FastBuffer(arrayBuffer, parent.byteOffset + offset, length);
}

// Assigning either makes it an own property of that Buffer, as a plain field was in v0.6.
function defineOwn(target, name, value) {
  Object.defineProperty(target, name,
                        { value: value, writable: true, enumerable: true, configurable: true });
}

Object.defineProperty(FastBuffer.prototype, 'parent', {
  configurable: true,
  get: function parent() {
    if (!ArrayBuffer.isView(this)) return undefined;  // Buffer.prototype itself, say
    var owner = this.buffer[kOwner];
    return owner === this ? undefined : owner;  // a SlowBuffer has no parent
  },
  set: function(value) { defineOwn(this, 'parent', value); }
});

Object.defineProperty(FastBuffer.prototype, 'offset', {
  configurable: true,
  get: function offset() {
    if (!ArrayBuffer.isView(this)) return undefined;
    var owner = this.buffer[kOwner];
    if (owner === this) return undefined;
    return owner === undefined ? this.byteOffset : this.byteOffset - owner.byteOffset;
  },
  set: function(value) { defineOwn(this, 'offset', value); }
});

// ---- Allocation --------------------------------------------------------------------------------

// Buffers smaller than half a pool are carved out of a shared SlowBuffer, as v0.6 did, to save
// an allocation per small Buffer. The pool is only ever bumped forward, so every Buffer gets
// memory nobody has used before: fresh ArrayBuffers are zero-filled.
var pool = null;
var poolOffset = 0;
// pool.buffer and pool.byteOffset, cached: the `buffer` getter is a slow call into V8.
var poolArrayBuffer = null;
var poolByteOffset = 0;

// Pools are SlowBuffers made in JS: a subclass whose prototype inherits SlowBuffer.prototype, so
// `pool instanceof SlowBuffer` holds, without a call into C++ and a prototype change per pool.
class PoolSlowBuffer extends Uint8Array {}

function newPool() {
  pool = new PoolSlowBuffer(Buffer.poolSize);
  poolOffset = 0;
  poolArrayBuffer = pool.buffer;
  poolByteOffset = pool.byteOffset;
  poolArrayBuffer[kOwner] = pool;
}

function allocate(length) {
  if (length > 0 && length < (Buffer.poolSize >>> 1)) {
    if (pool === null || pool.length - poolOffset < length) newPool();
    var buffer = new FastBuffer(poolArrayBuffer, poolByteOffset + poolOffset, length);
    // Keep the next Buffer 8-byte aligned so wider typed arrays can view it.
    poolOffset = (poolOffset + length + 7) & ~7;
    return buffer;
  }
  return makeBuffer(new SlowBuffer(length), 0, length);
}

// new Buffer(string, 'utf8' or 'base64'), encoding the string once, straight into its memory
// (no separate pass to size it). Small results go into the pool, written at its free end with
// room for the worst case; only the bytes written are taken. Big ones get memory of their own.
function fromString(string, utf8) {
  var max = utf8 ? string.length * 3 : (string.length >>> 2) * 3 + ((string.length & 3) * 3 >>> 2);
  Buffer._charsWritten = string.length;
  if (max >= (Buffer.poolSize >>> 1)) {
    var slow = binding.fromString(string, utf8 ? 0 : 1);
    return makeBuffer(slow, 0, slow.length);
  }
  if (max === 0) return allocate(0);
  var written;
  if (utf8) {
    // Into the pool's free end, even if the worst case would not fit: most text is far below
    // 3 bytes a character, and starting a pool early would waste the rest of this one. Only if
    // the characters did not all fit does a fresh pool (which has room for the worst case) get
    // them; the bytes left in the old pool's tail are never handed out.
    if (pool === null || pool.length - poolOffset < string.length) newPool();
    written = binding.utf8Write(pool, string, poolOffset, pool.length - poolOffset);
    if (charsWritten[0] < string.length) {
      newPool();
      written = binding.utf8Write(pool, string, 0, max);
    }
  } else {
    if (pool === null || pool.length - poolOffset < max) newPool();
    written = binding.base64Write(pool, string, poolOffset, max);
  }
  if (written === 0) return allocate(0);
  var buffer = new FastBuffer(poolArrayBuffer, poolByteOffset + poolOffset, written);
  poolOffset = (poolOffset + written + 7) & ~7;
  return buffer;
}

function Buffer(subject, encoding, offset) {
  // Calling with or without `new` gives the same: the result is always a fresh Uint8Array.
  if (typeof offset === 'number' && isUint8Array(subject)) {
    // The internal slicing form new Buffer(parent, length, offset), kept for old callers.
    var start = toIndex(offset);
    var sliceLength = coerceSize(encoding);
    if (start < 0 || start + sliceLength > subject.length) throw new RangeError('oob');
    var owner = subject.parent || subject;
    return makeBuffer(owner, subject.byteOffset - owner.byteOffset + start, sliceLength);
  }

  var buffer;
  switch (typeof subject) {
    case 'number':
      return allocate(coerceSize(subject));

    case 'string':
      encoding = normalizeEncoding(encoding);
      if (encoding === 'utf8') return fromString(subject, true);
      if (encoding === 'base64') return fromString(subject, false);
      buffer = allocate(Buffer.byteLength(subject, encoding));
      if (buffer.length === 0) return buffer;
      var written = buffer.write(subject, 0, buffer.length, encoding);
      // Hex stops at a bad digit pair; the Buffer ends where the data did.
      return written === buffer.length ? buffer : buffer.slice(0, written);

    case 'object':
      if (subject === null) break;
      var length = coerceSize(subject.length);
      buffer = allocate(length);
      if (isUint8Array(subject) && subject.length === length) {
        typedArraySet.call(buffer, subject);
      } else {
        for (var i = 0; i < length; i++) buffer[i] = subject[i];
      }
      return buffer;
  }
  throw new TypeError('First argument needs to be a number, array or string.');
}

// Buffer.prototype is FastBuffer's, which already inherits from Uint8Array.prototype.
FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
// SlowBuffers (v0.6's unpooled backing store) have every Buffer method too.
Object.setPrototypeOf(SlowBuffer.prototype, Buffer.prototype);
Object.setPrototypeOf(PoolSlowBuffer.prototype, SlowBuffer.prototype);
PoolSlowBuffer.prototype.constructor = SlowBuffer;

Buffer.poolSize = 8 * 1024;
Buffer._charsWritten = 0;

exports.Buffer = Buffer;
exports.SlowBuffer = SlowBuffer;

// Internal: a Buffer over all of a fresh ArrayBuffer (a stream read), made with Buffer's own
// map (Object.setPrototypeOf on a native Uint8Array would force a slow map change per read).
Object.defineProperty(exports, '_fromArrayBuffer', {
  value: function fromArrayBuffer(arrayBuffer, length) {
    return new FastBuffer(arrayBuffer, 0, length);
  }
});

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') throw new TypeError('Argument must be a string');
  switch (normalizeEncoding(encoding)) {
    case 'utf8': return binding.byteLengthUtf8(string);
    case 'ucs2': return string.length * 2;
    case 'hex': return string.length >>> 1;
    case 'base64': return binding.byteLengthBase64(string);
    default: return string.length;  // ascii, binary
  }
};
SlowBuffer.byteLength = Buffer.byteLength;

// ---- Strings -----------------------------------------------------------------------------------

var writers = {
  utf8: binding.utf8Write,
  ucs2: binding.ucs2Write,
  ascii: binding.asciiWrite,
  binary: binding.binaryWrite,
  base64: binding.base64Write,
  hex: binding.hexWrite
};

// The native writers store the characters they consumed here (binding.charsWritten() also
// returns it), which saves a call per write.
var charsWritten = binding.charsWrittenSlot;

var slicers = {
  utf8: binding.utf8Slice,
  ucs2: binding.ucs2Slice,
  ascii: binding.asciiSlice,
  binary: binding.binarySlice,
  base64: binding.base64Slice,
  hex: binding.hexSlice
};

// write(string, [offset], [length], [encoding]); v0.6 also took (string, encoding, offset).
Buffer.prototype.write = function write(string, offset, length, encoding) {
  if (isFinite(offset)) {
    if (!isFinite(length)) {
      encoding = length;
      length = undefined;
    }
  } else {
    var swap = encoding;
    encoding = offset;
    offset = length;
    length = swap;
  }
  encoding = normalizeEncoding(encoding);
  if (typeof string !== 'string') throw new TypeError('Argument must be a string');

  offset = toIndex(offset);
  var remaining = this.length - offset;
  if (length === undefined || length === null) {
    length = remaining;
  } else {
    length = toIndex(length);
    if (length > remaining) length = remaining;
  }
  if (string.length > 0 && (offset < 0 || offset >= this.length)) {
    throw new RangeError('Offset is out of bounds');
  }
  if (string.length === 0 || length <= 0) {
    Buffer._charsWritten = 0;
    return 0;
  }

  var written = writers[encoding](this, string, offset, length);
  switch (encoding) {
    // The native writers of both count the characters they consumed.
    case 'utf8':
    case 'base64': Buffer._charsWritten = charsWritten[0]; break;
    case 'ucs2': Buffer._charsWritten = written >>> 1; break;
    case 'hex': Buffer._charsWritten = written * 2; break;
    default: Buffer._charsWritten = written;
  }
  return written;
};

Buffer.prototype.toString = function toString(encoding, start, end) {
  var length = this.length;
  if (start === undefined && end === undefined) {
    // The whole Buffer, the common case.
    if (length === 0) return '';
    if (encoding === undefined || encoding === 'utf8') return binding.utf8Slice(this, 0, length);
    if (encoding === 'base64') return binding.base64Slice(this, 0, length);
    return slicers[normalizeEncoding(encoding)](this, 0, length);
  }
  encoding = normalizeEncoding(encoding);
  start = start === undefined ? 0 : Math.min(Math.max(toIndex(start), 0), length);
  end = end === undefined ? length : Math.min(Math.max(toIndex(end), 0), length);
  if (end <= start) return '';
  return slicers[encoding](this, start, end);
};

// v0.6's per-encoding methods, still called directly by old code.
Object.keys(slicers).forEach(function(encoding) {
  Buffer.prototype[encoding + 'Slice'] = function(start, end) {
    return this.toString(encoding, start, end);
  };
  Buffer.prototype[encoding + 'Write'] = function(string, offset, length) {
    return this.write(string, offset, length, encoding);
  };
});

function inspectBytes(bytes, label) {
  var max = exports.INSPECT_MAX_BYTES;
  var out = [];
  var length = Math.min(bytes.length, max);
  for (var i = 0; i < length; i++) out.push((bytes[i] < 16 ? '0' : '') + bytes[i].toString(16));
  if (bytes.length > max) out.push('...');
  return '<' + label + ' ' + out.join(' ') + '>';
}

Buffer.prototype.inspect = function inspect() {
  return inspectBytes(this, 'Buffer');
};

// A SlowBuffer says so, as in v0.6.3; its slices are plain Buffers.
SlowBuffer.prototype.inspect = function inspect() {
  return inspectBytes(this, 'SlowBuffer');
};

// JSON.stringify would otherwise list every index plus the whole pool through `parent`.
Buffer.prototype.toJSON = function toJSON() {
  return Array.prototype.slice.call(this, 0);
};

// v0.6's get(offset) and set(offset, value), one byte each. set() shares its name with the typed
// array's set(array[, offset]), which still works: a number is never a typed array's source
// (buffers 0.1's Buffers#set calls set(offset, byte) on each Buffer).
Buffer.prototype.get = function get(offset) {
  offset = toIndex(offset);
  if (offset < 0 || offset >= this.length) throw new RangeError('offset is out of bounds');
  return this[offset];
};

Buffer.prototype.set = function set(offset, value) {
  if (typeof offset !== 'number') return typedArraySet.call(this, offset, value);
  offset = toIndex(offset);
  if (offset < 0 || offset >= this.length) throw new RangeError('offset is out of bounds');
  return this[offset] = value;
};

// ---- Copying, slicing, filling -----------------------------------------------------------------

// Copies this[sourceStart, sourceEnd) into target at targetStart; returns the bytes copied.
Buffer.prototype.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!ArrayBuffer.isView(target) || !isUint8Array(target)) {
    throw new TypeError('copy target must be a Buffer');
  }
  targetStart = toIndex(targetStart);
  sourceStart = toIndex(sourceStart);
  sourceEnd = sourceEnd === undefined ? this.length : toIndex(sourceEnd);

  if (sourceEnd < sourceStart) throw new RangeError('sourceEnd < sourceStart');
  if (sourceEnd === sourceStart || target.length === 0 || this.length === 0) return 0;
  if (targetStart < 0 || targetStart >= target.length) {
    throw new RangeError('targetStart out of bounds');
  }
  if (sourceStart < 0 || sourceStart >= this.length) {
    throw new RangeError('sourceStart out of bounds');
  }
  if (sourceEnd > this.length) throw new RangeError('sourceEnd out of bounds');

  var count = Math.min(sourceEnd - sourceStart, target.length - targetStart);
  // A plain view, not subarray(), so no species lookup can run user code. set() copies
  // correctly when source and target overlap.
  var source = new Uint8Array(this.buffer, this.byteOffset + sourceStart, count);
  Uint8Array.prototype.set.call(target, source, targetStart);
  return count;
};

// A Buffer sharing this one's memory.
Buffer.prototype.slice = function slice(start, end) {
  var length = this.length;
  start = toIndex(start);
  end = end === undefined ? length : toIndex(end);
  if (end > length || start < 0 || start > end) throw new RangeError('oob');
  // makeBuffer(this.parent || this, ...) without the getter: the same memory, and the same
  // owner recorded if there is none yet.
  var arrayBuffer = this.buffer;
  if (arrayBuffer[kOwner] === undefined) arrayBuffer[kOwner] = this;
  return new FastBuffer(arrayBuffer, this.byteOffset + start, end - start);
};

Buffer.prototype.fill = function fill(value, start, end) {
  value = value || 0;
  start = toIndex(start);
  end = end === undefined ? this.length : toIndex(end);
  if (typeof value === 'string') value = value.charCodeAt(0);
  if (typeof value !== 'number' || value !== value) throw new TypeError('value is not a number');
  if (end < start) throw new RangeError('end < start');
  if (end === start || this.length === 0) return this;
  if (start < 0 || start >= this.length) throw new RangeError('start out of bounds');
  if (end > this.length) throw new RangeError('end out of bounds');
  Uint8Array.prototype.fill.call(this, value & 255, start, end);
  return this;
};

// ---- Numbers -----------------------------------------------------------------------------------

// With noAssert false the checks are v0.6's asserts, so failures are AssertionErrors carrying
// v0.6's messages.
function checkRead(buffer, offset, size) {
  assert.ok(offset !== undefined && offset !== null, 'missing offset');
  offset = +offset;
  assert.ok(offset >= 0 && offset + size <= buffer.length, 'Trying to read beyond buffer length');
  return Math.floor(offset);
}

function checkWrite(buffer, value, offset, size) {
  assert.ok(value !== undefined && value !== null, 'missing value');
  assert.ok(offset !== undefined && offset !== null, 'missing offset');
  offset = +offset;
  assert.ok(offset >= 0 && offset + size <= buffer.length, 'Trying to write beyond buffer length');
  assert.ok(typeof value === 'number', 'cannot write a non-number as a number');
  return Math.floor(offset);
}

function verifyUint(value, max) {
  assert.ok(value >= 0, 'specified a negative value for writing an unsigned value');
  assert.ok(value <= max, 'value is larger than maximum value for type');
  assert.ok(Math.floor(value) === value, 'value has a fractional component');
}

function verifySint(value, max, min) {
  assert.ok(value <= max, 'value larger than maximum allowed value');
  assert.ok(value >= min, 'value smaller than minimum allowed value');
  assert.ok(Math.floor(value) === value, 'value has a fractional component');
}

function verifyFloat(value, max, min) {
  assert.ok(value <= max, 'value larger than maximum allowed value');
  assert.ok(value >= min, 'value smaller than minimum allowed value');
}

// Reads `size` bytes as an unsigned integer. Bytes beyond the Buffer (only reachable with
// noAssert) read as 0.
function readUnsigned(buffer, offset, size, bigEndian) {
  var value = 0;
  for (var i = 0; i < size; i++) {
    var byte = buffer[bigEndian ? offset + i : offset + size - 1 - i];
    value = value * 256 + (byte === undefined ? 0 : byte);
  }
  return value;
}

// Stores the low `size` bytes of value; indexes outside the Buffer are ignored by the typed
// array, so noAssert can never write out of bounds.
function writeUnsigned(buffer, value, offset, size, bigEndian) {
  value = +value;
  // Reduce modulo 2^(8*size) the way the old integer writes truncated.
  value = value === value && isFinite(value) ? value : 0;
  value = Math.floor(value) % Math.pow(2, 8 * size);
  if (value < 0) value += Math.pow(2, 8 * size);
  for (var i = 0; i < size; i++) {
    buffer[bigEndian ? offset + size - 1 - i : offset + i] = value % 256;
    value = Math.floor(value / 256);
  }
}

function defineIntMethods(name, size, signed) {
  var max = signed ? Math.pow(2, 8 * size - 1) - 1 : Math.pow(2, 8 * size) - 1;
  var min = signed ? -Math.pow(2, 8 * size - 1) : 0;
  var full = Math.pow(2, 8 * size);
  var variants = size === 1 ? [['', false]] : [['LE', false], ['BE', true]];
  variants.forEach(function(variant) {
    var bigEndian = variant[1];
    Buffer.prototype['read' + name + variant[0]] = function(offset, noAssert) {
      offset = noAssert ? toIndex(offset) : checkRead(this, offset, size);
      var value = readUnsigned(this, offset, size, bigEndian);
      return signed && value > max ? value - full : value;
    };
    Buffer.prototype['write' + name + variant[0]] = function(value, offset, noAssert) {
      if (noAssert) {
        offset = toIndex(offset);
      } else {
        offset = checkWrite(this, value, offset, size);
        if (signed) verifySint(value, max, min); else verifyUint(value, max);
      }
      writeUnsigned(this, value, offset, size, bigEndian);
      return offset + size;
    };
  });
}

defineIntMethods('UInt8', 1, false);
defineIntMethods('UInt16', 2, false);
defineIntMethods('UInt32', 4, false);
defineIntMethods('Int8', 1, true);
defineIntMethods('Int16', 2, true);
defineIntMethods('Int32', 4, true);

// Floats go through a scratch typed array; its bytes are in host order.
var float32 = new Float32Array(1);
var float64 = new Float64Array(1);
var float32Bytes = new Uint8Array(float32.buffer);
var float64Bytes = new Uint8Array(float64.buffer);
var hostLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function defineFloatMethods(name, scratch, bytes, max) {
  var size = bytes.length;
  [['LE', false], ['BE', true]].forEach(function(variant) {
    // Whether buffer byte i maps to scratch byte i or to its mirror.
    var reversed = variant[1] === hostLittleEndian;
    Buffer.prototype['read' + name + variant[0]] = function(offset, noAssert) {
      offset = noAssert ? toIndex(offset) : checkRead(this, offset, size);
      for (var i = 0; i < size; i++) {
        var byte = this[offset + i];
        bytes[reversed ? size - 1 - i : i] = byte === undefined ? 0 : byte;
      }
      return scratch[0];
    };
    Buffer.prototype['write' + name + variant[0]] = function(value, offset, noAssert) {
      if (noAssert) {
        offset = toIndex(offset);
      } else {
        offset = checkWrite(this, value, offset, size);
        verifyFloat(value, max, -max);
      }
      scratch[0] = +value;
      for (var i = 0; i < size; i++) this[offset + i] = bytes[reversed ? size - 1 - i : i];
      return offset + size;
    };
  });
}

defineFloatMethods('Float', float32, float32Bytes, 3.4028234663852886e+38);
defineFloatMethods('Double', float64, float64Bytes, Number.MAX_VALUE);
