// `require('buffer_ieee754')`: v0.6.3's IEEE 754 reader and writer for any layout: mLen mantissa
// bits in nBytes bytes (23 / 4 is a float, 52 / 8 a double), the rest sign and exponent. Bytes
// are taken big-endian when isBE, else little-endian. Arbitrary layouts go bit by bit; it is a
// legacy module, and Buffer's own readFloat/readDouble do not use it.

function layout(mLen, nBytes) {
  var eLen = nBytes * 8 - mLen - 1;
  var eMax = Math.pow(2, eLen) - 1;
  return { eLen: eLen, eMax: eMax, eBias: (eMax - 1) / 2 };
}

// The bytes in most-significant-first order.
function bigEndianBytes(buffer, offset, isBE, nBytes) {
  var bytes = new Array(nBytes);
  for (var k = 0; k < nBytes; k++) bytes[k] = buffer[offset + (isBE ? k : nBytes - 1 - k)];
  return bytes;
}

// Reads `count` bits starting at bit `from` (0 is the sign bit) as an unsigned number.
function readBits(bytes, from, count) {
  var v = 0;
  for (var n = from; n < from + count; n++) v = v * 2 + ((bytes[n >> 3] >> (7 - (n & 7))) & 1);
  return v;
}

exports.readIEEE754 = function(buffer, offset, isBE, mLen, nBytes) {
  var l = layout(mLen, nBytes);
  var bytes = bigEndianBytes(buffer, offset, isBE, nBytes);
  var sign = bytes[0] >> 7 ? -1 : 1;
  var e = readBits(bytes, 1, l.eLen);
  var m = readBits(bytes, 1 + l.eLen, mLen);
  if (e === l.eMax) return m ? NaN : sign * Infinity;
  if (e === 0) return sign * m * Math.pow(2, 1 - l.eBias - mLen);   // zero or subnormal
  return sign * (1 + m / Math.pow(2, mLen)) * Math.pow(2, e - l.eBias);
};

function roundHalfEven(x) {
  var f = Math.floor(x);
  var d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

exports.writeIEEE754 = function(buffer, value, offset, isBE, mLen, nBytes) {
  var l = layout(mLen, nBytes);
  var one = Math.pow(2, mLen);
  var sign = value < 0 || (value === 0 && 1 / value < 0) ? 1 : 0;
  var e, m;
  value = Math.abs(value);
  if (value !== value) {
    e = l.eMax;
    m = one / 2;                  // the quiet NaN
  } else if (value === Infinity) {
    e = l.eMax;
    m = 0;
  } else if (value === 0) {
    e = 0;
    m = 0;
  } else {
    var exp = Math.floor(Math.log(value) / Math.LN2);
    while (Math.pow(2, exp) > value) exp--;
    while (Math.pow(2, exp + 1) <= value) exp++;
    if (exp + l.eBias >= 1) {
      m = roundHalfEven((value / Math.pow(2, exp) - 1) * one);
      if (m === one) {            // rounding carried into the exponent
        m = 0;
        exp++;
      }
      e = exp + l.eBias;
      if (e >= l.eMax) {          // too big: infinity
        e = l.eMax;
        m = 0;
      }
    } else {
      m = roundHalfEven(value / Math.pow(2, 1 - l.eBias - mLen));
      e = 0;
      if (m === one) {            // rounded up to the smallest normal number
        m = 0;
        e = 1;
      }
    }
  }

  // Lay the bits out most significant first: sign, exponent, mantissa.
  var bytes = new Array(nBytes);
  for (var k = 0; k < nBytes; k++) bytes[k] = 0;
  function put(from, count, v) {
    for (var n = from + count - 1; n >= from; n--) {
      if (v % 2) bytes[n >> 3] |= 1 << (7 - (n & 7));
      v = Math.floor(v / 2);
    }
  }
  put(0, 1, sign);
  put(1, l.eLen, e);
  put(1 + l.eLen, mLen, m);
  for (k = 0; k < nBytes; k++) buffer[offset + (isBE ? k : nBytes - 1 - k)] = bytes[k];
};
