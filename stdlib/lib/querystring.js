// Query string serialisation and parsing. stringify and parse go through exports.escape and
// exports.unescape at call time, so a program can swap those out and change both.
'use strict';

var hasOwnProperty = Object.prototype.hasOwnProperty;

function hexValue(code) {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  if (code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  return -1;
}

// Appends the UTF-8 bytes of the code point at s[index] to bytes and returns how many UTF-16
// units it used. A lone surrogate has no UTF-8 form; it becomes U+FFFD like Buffer does.
function pushUtf8(bytes, s, index) {
  var code = s.charCodeAt(index);
  if (code < 0x80) {
    bytes.push(code);
    return 1;
  }
  if (code < 0x800) {
    bytes.push(0xC0 | (code >> 6), 0x80 | (code & 0x3F));
    return 1;
  }
  if (code >= 0xD800 && code <= 0xDFFF) {
    var next = index + 1 < s.length ? s.charCodeAt(index + 1) : 0;
    if (code <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
      var cp = ((code - 0xD800) << 10) + (next - 0xDC00) + 0x10000;
      bytes.push(0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3F),
                 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
      return 2;
    }
    code = 0xFFFD;
  }
  bytes.push(0xE0 | (code >> 12), 0x80 | ((code >> 6) & 0x3F), 0x80 | (code & 0x3F));
  return 1;
}

// Percent-decodes s into bytes. Anything that is not a complete %XX escape is kept as it is, so
// malformed input never throws.
function percentDecodeBytes(s, decodeSpaces) {
  var bytes = [];
  var length = s.length;
  var i = 0;
  while (i < length) {
    var code = s.charCodeAt(i);
    if (code === 0x25 /* % */ && i + 2 < length) {
      var high = hexValue(s.charCodeAt(i + 1));
      var low = high < 0 ? -1 : hexValue(s.charCodeAt(i + 2));
      if (low >= 0) {
        bytes.push(high * 16 + low);
        i += 3;
        continue;
      }
    }
    if (code === 0x2B /* + */ && decodeSpaces) {
      bytes.push(0x20);
      i++;
      continue;
    }
    i += pushUtf8(bytes, s, i);
  }
  return bytes;
}

// Decodes UTF-8 bytes into a string. Each malformed sequence becomes one U+FFFD per maximal
// invalid subpart, matching the WHATWG decoder and therefore Buffer#toString in today's Node.
function decodeUtf8(bytes) {
  var units = [];
  var parts = [];
  var length = bytes.length;
  var i = 0;
  while (i < length) {
    var byte = bytes[i];
    var need = 0;
    var cp = 0;
    var lower = 0x80;
    var upper = 0xBF;
    if (byte < 0x80) {
      units.push(byte);
      i++;
    } else {
      if (byte >= 0xC2 && byte <= 0xDF) {
        need = 1;
        cp = byte & 0x1F;
      } else if (byte >= 0xE0 && byte <= 0xEF) {
        need = 2;
        cp = byte & 0x0F;
        if (byte === 0xE0) lower = 0xA0;
        if (byte === 0xED) upper = 0x9F;
      } else if (byte >= 0xF0 && byte <= 0xF4) {
        need = 3;
        cp = byte & 0x07;
        if (byte === 0xF0) lower = 0x90;
        if (byte === 0xF4) upper = 0x8F;
      }
      i++;
      var ok = need > 0;
      for (var k = 0; k < need; k++) {
        var cont = i < length ? bytes[i] : -1;
        if (cont < lower || cont > upper) {
          ok = false;
          break;
        }
        lower = 0x80;
        upper = 0xBF;
        cp = (cp << 6) | (cont & 0x3F);
        i++;
      }
      if (!ok) {
        units.push(0xFFFD);
      } else if (cp > 0xFFFF) {
        cp -= 0x10000;
        units.push(0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
      } else {
        units.push(cp);
      }
    }
    if (units.length >= 8192) {
      parts.push(String.fromCharCode.apply(null, units));
      units = [];
    }
  }
  parts.push(String.fromCharCode.apply(null, units));
  return parts.join('');
}

// Percent-decodes s into a Buffer of raw bytes; '+' becomes a space when decodeSpaces is set.
exports.unescapeBuffer = function(s, decodeSpaces) {
  var bytes = percentDecodeBytes(String(s), decodeSpaces);
  // Without a Buffer implementation the bytes are still useful as a typed array.
  if (typeof Buffer !== 'function') return new Uint8Array(bytes);
  return new Buffer(bytes);
};

exports.unescape = function(s, decodeSpaces) {
  s = String(s);
  if (decodeSpaces) s = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(s);
  } catch (e) {
    // decodeURIComponent rejects stray '%' signs and invalid UTF-8. Decode each run of escapes
    // by hand instead, leaving the rest of the text untouched.
    return s.replace(/(?:%[0-9a-fA-F]{2})+/g, function(run) {
      return decodeUtf8(percentDecodeBytes(run, false));
    });
  }
};

exports.escape = function(str) {
  return encodeURIComponent(str);
};

// Values that are not strings, finite numbers or booleans have no query string form, so they
// serialise as empty.
function stringifyPrimitive(value) {
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return isFinite(value) ? String(value) : '';
    default:
      return '';
  }
}

exports.stringify = exports.encode = function(obj, sep, eq, name) {
  sep = sep || '&';
  eq = eq || '=';
  if (obj !== null && typeof obj === 'object') {
    var keys = Object.keys(obj);
    var fields = [];
    for (var i = 0; i < keys.length; i++) {
      var key = stringifyPrimitive(keys[i]);
      var value = obj[keys[i]];
      if (Array.isArray(value)) {
        // Each repetition escapes its key afresh, as v0.6 did, so an override sees every pair.
        var pairs = [];
        for (var j = 0; j < value.length; j++) {
          pairs.push(exports.escape(key) + eq + exports.escape(stringifyPrimitive(value[j])));
        }
        fields.push(pairs.join(sep));
      } else {
        fields.push(exports.escape(key) + eq + exports.escape(stringifyPrimitive(value)));
      }
    }
    return fields.join(sep);
  }
  // A lone value only has a query string form when the caller names it.
  if (!name) return '';
  return exports.escape(stringifyPrimitive(name)) + eq +
      exports.escape(stringifyPrimitive(obj));
};

function addValue(obj, key, value) {
  if (!hasOwnProperty.call(obj, key)) {
    // Plain assignment of '__proto__' would change the prototype instead of adding a key.
    if (key === '__proto__') {
      Object.defineProperty(obj, key, {
        value: value, writable: true, enumerable: true, configurable: true
      });
    } else {
      obj[key] = value;
    }
  } else if (Array.isArray(obj[key])) {
    obj[key].push(value);
  } else {
    obj[key] = [obj[key], value];
  }
}

exports.parse = exports.decode = function(qs, sep, eq, options) {
  var obj = {};
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? String(sep) : '&';
  eq = eq ? String(eq) : '=';

  // v0.6 had no limit; maxKeys is the later opt-in guard against huge inputs.
  var maxKeys = 0;
  if (options !== null && typeof options === 'object' && typeof options.maxKeys === 'number' &&
      options.maxKeys > 0) {
    maxKeys = Math.floor(options.maxKeys);
  }
  var pairs = maxKeys > 0 ? qs.split(sep, maxKeys) : qs.split(sep);

  for (var i = 0; i < pairs.length; i++) {
    var pair = pairs[i];
    var at = pair.indexOf(eq);
    var key = at >= 0 ? pair.slice(0, at) : pair;
    var value = at >= 0 ? pair.slice(at + eq.length) : '';
    addValue(obj, exports.unescape(key, true), exports.unescape(value, true));
  }
  return obj;
};
