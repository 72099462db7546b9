// StringDecoder turns a stream of Buffers into strings without splitting a character that
// straddles two Buffers: the incomplete tail of one write is held back and finished by the next.
'use strict';

function normalizeEncoding(encoding) {
  if (encoding === undefined || encoding === null || encoding === '') return 'utf8';
  if (typeof encoding !== 'string') {
    throw new TypeError('Unknown encoding: expected a string, not ' + typeof encoding);
  }
  // 'UTF-8', 'utf_8' and 'utf8' name the same thing.
  return encoding.toLowerCase().replace(/[-_]/g, '');
}

// How many bytes a UTF-8 sequence with this lead byte should have; 1 for anything that cannot
// start a multi-byte sequence, so that it is never held back.
function utf8SequenceLength(byte) {
  if (byte >= 0xF0 && byte <= 0xF7) return 4;
  if (byte >= 0xE0) return byte <= 0xEF ? 3 : 1;
  if (byte >= 0xC0) return 2;
  return 1;
}

// Number of bytes at the end of buffer[0..length) that begin a UTF-8 character whose remaining
// bytes have not arrived yet.
function utf8IncompleteTail(buffer, length) {
  for (var back = 1; back <= 3 && back <= length; back++) {
    var byte = buffer[length - back];
    if ((byte & 0xC0) === 0x80) continue;
    return utf8SequenceLength(byte) > back ? back : 0;
  }
  return 0;
}

// Number of bytes at the end that cannot be decoded yet as UTF-16LE: an odd trailing byte, and a
// high surrogate whose low half is still to come.
function utf16IncompleteTail(buffer, length) {
  var tail = length % 2;
  var end = length - tail;
  if (end >= 2) {
    var unit = buffer[end - 2] | (buffer[end - 1] << 8);
    if (unit >= 0xD800 && unit <= 0xDBFF) tail += 2;
  }
  return tail;
}

// Base64 turns each 3 bytes into 4 characters; encoding a partial group would put padding in the
// middle of the output.
function base64IncompleteTail(buffer, length) {
  return length % 3;
}

function isBuffer(value) {
  if (typeof Buffer === 'function' && typeof Buffer.isBuffer === 'function') {
    return Buffer.isBuffer(value);
  }
  return value !== null && typeof value === 'object' &&
      typeof value.length === 'number' && typeof value.toString === 'function' &&
      typeof value.copy === 'function';
}

function StringDecoder(encoding) {
  if (!(this instanceof StringDecoder)) return new StringDecoder(encoding);
  this.encoding = normalizeEncoding(encoding);
  switch (this.encoding) {
    case 'utf8':
      this._charEncoding = 'utf8';
      this._incompleteTail = utf8IncompleteTail;
      break;
    case 'ucs2':
    case 'utf16le':
      // v0.6 Buffers know this encoding only as 'ucs2'.
      this._charEncoding = 'ucs2';
      this._incompleteTail = utf16IncompleteTail;
      break;
    case 'base64':
      this._charEncoding = 'base64';
      this._incompleteTail = base64IncompleteTail;
      break;
    default:
      // Single-byte encodings (and hex) never split a character across writes.
      this._charEncoding = this.encoding;
      this._incompleteTail = null;
  }
  this._held = null;
}

// Returns the bytes held from the previous write followed by buffer, as one Buffer.
StringDecoder.prototype._join = function(buffer) {
  var held = this._held;
  this._held = null;
  if (!held) return buffer;
  var joined = new Buffer(held.length + buffer.length);
  held.copy(joined, 0, 0, held.length);
  buffer.copy(joined, held.length, 0, buffer.length);
  return joined;
};

StringDecoder.prototype.write = function(buffer) {
  if (typeof buffer === 'string') return buffer;
  if (!isBuffer(buffer)) {
    throw new TypeError('StringDecoder.write expects a Buffer, not ' +
                        (buffer === null ? 'null' : typeof buffer));
  }
  if (!this._incompleteTail) return buffer.toString(this._charEncoding);

  var data = this._join(buffer);
  var length = data.length;
  var tail = this._incompleteTail(data, length);
  if (tail > 0) {
    // Copy rather than slice: a slice would keep the caller's whole Buffer alive and would see
    // any later changes the caller makes to it.
    this._held = new Buffer(tail);
    data.copy(this._held, 0, length - tail, length);
  }
  if (length - tail === 0) return '';
  return data.toString(this._charEncoding, 0, length - tail);
};

// Flushes whatever is held back. An unfinished UTF-8 character comes out as the replacement
// character, the way Buffer#toString shows any malformed input.
StringDecoder.prototype.end = function(buffer) {
  var result = '';
  if (buffer !== undefined && buffer !== null) result = this.write(buffer);
  var held = this._held;
  this._held = null;
  if (held) result += held.toString(this._charEncoding, 0, held.length);
  return result;
};

exports.StringDecoder = StringDecoder;
