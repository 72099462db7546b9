var common = require('../common');
var assert = require('assert');

var punycode = require('punycode');

function rangeError(fn, message) {
  var threw = false;
  try {
    fn();
  } catch (e) {
    threw = true;
    assert.ok(e instanceof RangeError, 'expected a RangeError, got ' + e);
    assert.strictEqual(e.message, message);
  }
  assert.ok(threw, 'expected a RangeError: ' + message);
}

// Before the delimiter only basic code points are allowed.
rangeError(function() { punycode.decode('\u0081-'); },
           'Illegal input >= 0x80 (not a basic code point)');
rangeError(function() { punycode.decode('ab\u00e9cd-efg'); },
           'Illegal input >= 0x80 (not a basic code point)');

// A digit that is not a base-36 digit, or a number cut short, is invalid.
rangeError(function() { punycode.decode('a-b!'); }, 'Invalid input');
rangeError(function() { punycode.decode('a-b9'); }, 'Invalid input');
rangeError(function() { punycode.decode('\u00e9'); }, 'Invalid input');

// Numbers too big for 31 bits overflow.
rangeError(function() { punycode.decode('99999999999'); },
           'Overflow: input needs wider integers to process');
rangeError(function() { punycode.decode('ab-999999999999'); },
           'Overflow: input needs wider integers to process');

// The errors reach toUnicode too.
rangeError(function() { punycode.toUnicode('xn--99999999999.com'); },
           'Overflow: input needs wider integers to process');

// Non-strings are rejected with a TypeError rather than decoded by accident.
[undefined, null, 42, {}, []].forEach(function(value) {
  assert.throws(function() { punycode.decode(value); }, TypeError);
  assert.throws(function() { punycode.encode(value); }, TypeError);
  assert.throws(function() { punycode.toASCII(value); }, TypeError);
  assert.throws(function() { punycode.toUnicode(value); }, TypeError);
  assert.throws(function() { punycode.ucs2.decode(value); }, TypeError);
});
