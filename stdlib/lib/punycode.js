// Punycode (RFC 3492) and the IDNA helpers built on it, with the API that Node v0.6 bundled:
// decode, encode, toASCII, toUnicode, ucs2.decode, ucs2.encode and version.
'use strict';

// Bootstring parameters for Punycode, from RFC 3492 section 5.
var BASE = 36;
var T_MIN = 1;
var T_MAX = 26;
var SKEW = 38;
var DAMP = 700;
var INITIAL_BIAS = 72;
var INITIAL_N = 128;
var DELIMITER = '-';

// Arithmetic is kept within 31 bits, as the RFC's reference implementation assumes, so that an
// oversized input is reported as overflow instead of silently losing precision.
var MAX_INT = 0x7FFFFFFF;
var MAX_CODE_POINT = 0x10FFFF;

var errors = {
  'overflow': 'Overflow: input needs wider integers to process',
  'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
  'invalid-input': 'Invalid input'
};

function fail(type) {
  throw new RangeError(errors[type]);
}

function requireString(value, name) {
  if (typeof value !== 'string') {
    throw new TypeError(name + ' expects a string, not ' + typeof value);
  }
}

// Labels are separated by plain full stops only: that is what the Node v0.6 bundled version did,
// and url.parse has already split host names on '.' before it gets here.
function mapLabels(domain, fn) {
  var labels = domain.split('.');
  for (var i = 0; i < labels.length; i++) {
    labels[i] = fn(labels[i]);
  }
  return labels.join('.');
}

// Strings are UTF-16; Punycode works on code points, so surrogate pairs are joined here. A lone
// surrogate is passed through as its own value rather than rejected, which keeps url.parse from
// throwing on odd host names and lets ucs2.encode give the same string back.
function ucs2decode(string) {
  requireString(string, 'punycode.ucs2.decode');
  var output = [];
  var length = string.length;
  var i = 0;
  while (i < length) {
    var value = string.charCodeAt(i++);
    if (value >= 0xD800 && value <= 0xDBFF && i < length) {
      var next = string.charCodeAt(i);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        value = ((value - 0xD800) << 10) + (next - 0xDC00) + 0x10000;
        i++;
      }
    }
    output.push(value);
  }
  return output;
}

function ucs2encode(codePoints) {
  if (codePoints === null || codePoints === undefined) {
    throw new TypeError('punycode.ucs2.encode expects an array of code points');
  }
  var length = codePoints.length >>> 0;
  var parts = [];
  // Building in chunks keeps String.fromCharCode.apply below engine argument-count limits.
  var chunk = [];
  for (var i = 0; i < length; i++) {
    var value = Number(codePoints[i]);
    if (!(value >= 0 && value <= MAX_CODE_POINT) || Math.floor(value) !== value) {
      fail('invalid-input');
    }
    if (value > 0xFFFF) {
      value -= 0x10000;
      chunk.push(0xD800 + (value >>> 10), 0xDC00 + (value & 0x3FF));
    } else {
      chunk.push(value);
    }
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode.apply(null, chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCharCode.apply(null, chunk));
  return parts.join('');
}

function basicToDigit(codePoint) {
  if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30 + 26;
  if (codePoint >= 0x41 && codePoint <= 0x5A) return codePoint - 0x41;
  if (codePoint >= 0x61 && codePoint <= 0x7A) return codePoint - 0x61;
  return BASE;
}

// Digits 0..25 become 'a'..'z' and 26..35 become '0'..'9'; encoders emit lower case.
function digitToBasic(digit) {
  return digit < 26 ? digit + 0x61 : digit - 26 + 0x30;
}

function threshold(k, bias) {
  if (k <= bias) return T_MIN;
  if (k >= bias + T_MAX) return T_MAX;
  return k - bias;
}

// Bias adaptation, RFC 3492 section 6.1.
function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  var k = 0;
  while (delta > ((BASE - T_MIN) * T_MAX) >> 1) {
    delta = Math.floor(delta / (BASE - T_MIN));
    k += BASE;
  }
  return Math.floor(k + (BASE - T_MIN + 1) * delta / (delta + SKEW));
}

// The decoder inserts each code point at a position inside the output so far. Doing that with
// Array#splice is quadratic, which a long hostile input turns into minutes of work, so the
// insertions are recorded and then placed in one pass from last to first: an insertion made
// into a list of length j at position p lands on the (p+1)-th slot that no later insertion
// took. A Fenwick tree over the free slots finds that slot in logarithmic time.
function placeInsertions(positions, values) {
  var size = positions.length;
  var result = new Array(size);
  var tree = new Int32Array(size + 1);
  var i;
  for (i = 1; i <= size; i++) {
    tree[i] += 1;
    var parent = i + (i & -i);
    if (parent <= size) tree[parent] += tree[i];
  }
  var topStep = 1;
  while (topStep * 2 <= size) topStep *= 2;
  for (var j = size - 1; j >= 0; j--) {
    var rank = positions[j] + 1;
    var slot = 0;
    for (var step = topStep; step > 0; step >>= 1) {
      var probe = slot + step;
      if (probe <= size && tree[probe] < rank) {
        slot = probe;
        rank -= tree[probe];
      }
    }
    result[slot] = values[j];
    for (i = slot + 1; i <= size; i += i & -i) tree[i]--;
  }
  return result;
}

// Converts a Punycode string of ASCII code points to a string of Unicode code points.
function decode(input) {
  requireString(input, 'punycode.decode');
  var positions = [];
  var values = [];

  // Everything before the last delimiter is copied literally and must be basic code points.
  var basic = input.lastIndexOf(DELIMITER);
  if (basic < 0) basic = 0;
  for (var b = 0; b < basic; b++) {
    var code = input.charCodeAt(b);
    if (code >= 0x80) fail('not-basic');
    positions.push(b);
    values.push(code);
  }

  var n = INITIAL_N;
  var bias = INITIAL_BIAS;
  var i = 0;
  var outputLength = basic;
  var index = basic > 0 ? basic + 1 : 0;
  while (index < input.length) {
    // Each generalized variable-length integer is a delta to the insertion state.
    var oldI = i;
    var weight = 1;
    for (var k = BASE; ; k += BASE) {
      if (index >= input.length) fail('invalid-input');
      var digit = basicToDigit(input.charCodeAt(index++));
      if (digit >= BASE) fail('invalid-input');
      if (digit > Math.floor((MAX_INT - i) / weight)) fail('overflow');
      i += digit * weight;
      var t = threshold(k, bias);
      if (digit < t) break;
      if (weight > Math.floor(MAX_INT / (BASE - t))) fail('overflow');
      weight *= BASE - t;
    }
    var count = outputLength + 1;
    bias = adapt(i - oldI, count, oldI === 0);
    if (Math.floor(i / count) > MAX_INT - n) fail('overflow');
    n += Math.floor(i / count);
    i %= count;
    if (n > MAX_CODE_POINT) fail('invalid-input');
    positions.push(i);
    values.push(n);
    outputLength++;
    i++;
  }
  return ucs2encode(placeInsertions(positions, values));
}

// Converts a string of Unicode code points to a Punycode string of ASCII code points.
function encode(input) {
  requireString(input, 'punycode.encode');
  var codePoints = ucs2decode(input);
  var inputLength = codePoints.length;
  var output = [];
  var i;

  for (i = 0; i < inputLength; i++) {
    if (codePoints[i] < 0x80) output.push(codePoints[i]);
  }
  var basicLength = output.length;
  var handled = basicLength;
  if (basicLength > 0) output.push(DELIMITER.charCodeAt(0));

  var n = INITIAL_N;
  var delta = 0;
  var bias = INITIAL_BIAS;
  while (handled < inputLength) {
    // The next code point to insert is the smallest one not yet handled.
    var m = MAX_INT;
    for (i = 0; i < inputLength; i++) {
      if (codePoints[i] >= n && codePoints[i] < m) m = codePoints[i];
    }
    if (m - n > Math.floor((MAX_INT - delta) / (handled + 1))) fail('overflow');
    delta += (m - n) * (handled + 1);
    n = m;

    for (i = 0; i < inputLength; i++) {
      var current = codePoints[i];
      if (current < n && ++delta > MAX_INT) fail('overflow');
      if (current === n) {
        var q = delta;
        for (var k = BASE; ; k += BASE) {
          var t = threshold(k, bias);
          if (q < t) break;
          output.push(digitToBasic(t + (q - t) % (BASE - t)));
          q = Math.floor((q - t) / (BASE - t));
        }
        output.push(digitToBasic(q));
        bias = adapt(delta, handled + 1, handled === basicLength);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return ucs2encode(output);
}

// Only labels that start with a lower-case 'xn--' are taken as Punycode, as in the bundled
// punycode.js; anything else is already Unicode.
function toUnicode(domain) {
  requireString(domain, 'punycode.toUnicode');
  return mapLabels(domain, function(label) {
    return /^xn--/.test(label) ? decode(label.slice(4).toLowerCase()) : label;
  });
}

// Only labels holding something outside printable ASCII need converting.
function toASCII(domain) {
  requireString(domain, 'punycode.toASCII');
  return mapLabels(domain, function(label) {
    return /[^ -~]/.test(label) ? 'xn--' + encode(label) : label;
  });
}

exports.version = '1.0.0';
exports.ucs2 = {
  decode: ucs2decode,
  encode: ucs2encode
};
// Before punycode.js 0.3 the same pair was called `utf16`; keep the old name for old callers.
exports.utf16 = exports.ucs2;
exports.decode = decode;
exports.encode = encode;
exports.toASCII = toASCII;
exports.toUnicode = toUnicode;
