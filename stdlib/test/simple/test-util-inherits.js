// inherits() chains the prototypes, records the parent in super_, and keeps `constructor`
// out of enumeration.
var common = require('../common');
var assert = require('assert');
var util = require('util');

function Base() {
  this.base = true;
}
Base.prototype.hello = function() {
  return 'hello from ' + this.kind;
};

function Derived() {
  Base.call(this);
  this.kind = 'derived';
}
util.inherits(Derived, Base);
Derived.prototype.extra = function() {
  return 'extra';
};

var d = new Derived();
assert.ok(d instanceof Derived);
assert.ok(d instanceof Base);
assert.strictEqual(Derived.super_, Base);
assert.strictEqual(d.hello(), 'hello from derived');
assert.strictEqual(d.extra(), 'extra');
assert.strictEqual(d.base, true);
assert.strictEqual(d.constructor, Derived);
assert.strictEqual(Object.getPrototypeOf(Derived.prototype), Base.prototype);

var desc = Object.getOwnPropertyDescriptor(Derived.prototype, 'constructor');
assert.strictEqual(desc.enumerable, false);
assert.strictEqual(desc.writable, true);
assert.strictEqual(desc.configurable, true);

var keys = [];
for (var k in d) keys.push(k);
assert.deepEqual(keys.sort(), ['base', 'extra', 'hello', 'kind']);

// Bad arguments are refused with a TypeError.
assert.throws(function() { util.inherits(Derived, null); }, TypeError);
assert.throws(function() { util.inherits(null, Base); }, TypeError);
assert.throws(function() { util.inherits(function() {}, {}); }, TypeError);
