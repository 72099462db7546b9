var common = require('../common');
var assert = require('assert');
var buffer = require('buffer');

// Every entry point, given junk, either returns or throws an Error; the process survives.
var throwing = {
  toString: function() { throw new Error('toString'); },
  valueOf: function() { throw new Error('valueOf'); }
};
var getterThrows = {};
Object.defineProperty(getterThrows, 'length', { get: function() { throw new Error('get'); } });
var longString = new Array(1 << 16).join('\u20ac\ud800x');

var hostile = [
  undefined, null, -1, 0, 1, 3, NaN, Infinity, -Infinity, Math.pow(2, 53), -Math.pow(2, 53),
  Math.pow(2, 31), Math.pow(2, 32) + 1, 1.5, '', '1', 'abc', 'hex', 'base64', 'ucs2', true, {},
  [], [1, 2], throwing, getterThrows, { length: Math.pow(2, 53) }, { length: -1 },
  new Uint8Array(2), new Float64Array(1), new DataView(new ArrayBuffer(2)), new ArrayBuffer(4),
  function() {}
];
if (typeof Symbol === 'function') hostile.push(Symbol('s'));

var calls = 0;
function attempt(fn, self, args) {
  calls++;
  try {
    fn.apply(self, args);
  } catch (e) {
    assert.ok(e instanceof Error, 'threw a non-Error: ' + String(e));
  }
}

// The binding, called directly.
var binding = process.binding('buffer');
var target = new Buffer(16);
var targets = [target, target.slice(3, 5), new Uint8Array(0), new Float32Array(2),
               new DataView(new ArrayBuffer(8))];
Object.keys(binding).forEach(function(name) {
  var fn = binding[name];
  if (typeof fn !== 'function') return;
  hostile.forEach(function(a) {
    attempt(fn, binding, [a]);
    attempt(fn, binding, [a, a, a, a]);
    targets.forEach(function(t) {
      attempt(fn, binding, [t, a]);
      attempt(fn, binding, [t, 'abc', a]);
      attempt(fn, binding, [t, 'abc', 0, a]);
      attempt(fn, binding, [t, a, 1]);
      attempt(fn, binding, [t, 0, a]);
    });
  });
});
// Valid calls still behave after the junk.
assert.strictEqual(binding.utf8Write(target, 'hi', 0, 16), 2);
assert.strictEqual(binding.utf8Slice(target, 0, 2), 'hi');
assert.throws(function() { binding.utf8Slice(target, 0, 17); }, RangeError);
assert.throws(function() { binding.utf8Slice(target, -1, 2); }, RangeError);
assert.throws(function() { binding.hexWrite(target, 'ab', 17, 1); }, RangeError);
assert.throws(function() { binding.hexWrite({}, 'ab', 0, 1); }, TypeError);
assert.throws(function() { binding.base64Write(target, 5, 0, 1); }, TypeError);
assert.throws(function() { binding.ucs2Slice(target, 1.5, 2); }, RangeError);
assert.strictEqual(binding.asciiWrite(target, 'abcdef', 14, Math.pow(2, 53)), 2);
// The binding words its complaints as runtime/core/args.h does. A length to write is a count the
// caller may overstate: a fraction is dropped, a negative one refused.
assert.strictEqual(binding.asciiWrite(target, 'abc', 0, 1.5), 1);
assert.strictEqual(binding.asciiWrite(target, 'abc', 0, Infinity), 3);
assert.throws(function() { binding.asciiWrite(target, 'abc', 0, -1); },
              /^RangeError: length must be 0 or more$/);
assert.throws(function() { binding.utf8Slice(target, 0, 17); },
              /^RangeError: end must be an integer from 0 to 16$/);
assert.throws(function() { binding.utf8Write(target, 'a', 17); },
              /^RangeError: offset must be an integer from 0 to 16$/);
assert.throws(function() { binding.utf8Slice('ab', 0, 1); },
              /^TypeError: buffer must be a Buffer$/);
assert.throws(function() { binding.byteLengthUtf8(1); }, /^TypeError: string must be a string$/);
assert.throws(function() { binding.fromString('a', 2); },
              /^RangeError: encoding must be an integer from 0 to 1$/);
// SlowBuffer is public, and keeps v0.6.3's TypeError for a non-number.
assert.throws(function() { new binding.SlowBuffer('1'); }, /^TypeError: Bad argument$/);
assert.throws(function() { new binding.SlowBuffer(-1); }, RangeError);
assert.throws(function() { new binding.SlowBuffer(0x40000000); }, RangeError);
assert.strictEqual(new binding.SlowBuffer(0x10).length, 0x10);

// Every Buffer method and static function.
var methods = Object.getOwnPropertyNames(buffer.Buffer.prototype).filter(function(name) {
  return name !== 'constructor' && typeof buffer.Buffer.prototype[name] === 'function';
});
assert.ok(methods.length > 40);
var statics = [buffer.Buffer, buffer.SlowBuffer, buffer.Buffer.isBuffer, buffer.Buffer.byteLength];
hostile.forEach(function(a) {
  hostile.forEach(function(c) {
    statics.forEach(function(fn) { attempt(fn, null, [a, c]); });
    methods.forEach(function(name) {
      var b = new Buffer(8);
      attempt(b[name], b, [a, c]);
      attempt(b[name], b, [a, c, true]);
      attempt(b[name], b, [a, 0, c]);
    });
  });
  methods.forEach(function(name) {
    attempt(buffer.Buffer.prototype[name], a, []);
    attempt(buffer.Buffer.prototype[name], a, [1, 1]);
  });
});
assert.ok(calls > 10000);

// A very long string, in every argument position.
methods.concat(['constructor']).forEach(function(name) {
  var b = new Buffer(8);
  attempt(b[name], b, [longString]);
  attempt(b[name], b, [longString, 0, longString.length, 'ucs2']);
  attempt(b[name], b, [0, longString]);
  attempt(b[name], b, [longString, longString, longString]);
});
Object.keys(binding).forEach(function(name) {
  if (typeof binding[name] !== 'function') return;
  attempt(binding[name], binding, [longString]);
  attempt(binding[name], binding, [target, longString, 0, 16]);
  attempt(binding[name], binding, [new Buffer(100000), longString, 0, 100000]);
});
assert.strictEqual(new Buffer(longString).toString(), longString.replace(/\ud800/g, '\ufffd'));

// Length limits are enforced before any allocation.
assert.throws(function() { new Buffer(Math.pow(2, 53)); }, RangeError);
assert.throws(function() { new Buffer({ length: Math.pow(2, 40) }); }, RangeError);
assert.throws(function() { new Buffer(getterThrows); }, /get/);
assert.throws(function() { new Buffer('a', throwing); }, /toString/);
