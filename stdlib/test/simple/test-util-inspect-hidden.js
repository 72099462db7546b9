// showHidden adds non-enumerable properties in brackets; accessors are shown as such and
// never called.
var common = require('../common');
var assert = require('assert');
var util = require('util');

var obj = { visible: 1 };
Object.defineProperty(obj, 'hidden', { value: 2, enumerable: false });
assert.strictEqual(util.inspect(obj), '{ visible: 1 }');
assert.strictEqual(util.inspect(obj, true), '{ visible: 1, [hidden]: 2 }');

assert.strictEqual(util.inspect([1, 2], true), '[ 1, 2, [length]: 2 ]');
assert.strictEqual(util.inspect([], true), '[ [length]: 0 ]');

// Accessors.
var called = false;
var acc = {};
Object.defineProperty(acc, 'g', {
  get: function() { called = true; return 1; },
  enumerable: true
});
Object.defineProperty(acc, 's', { set: function(v) {}, enumerable: true });
Object.defineProperty(acc, 'gs', {
  get: function() { called = true; return 1; },
  set: function(v) {},
  enumerable: true
});
assert.strictEqual(util.inspect(acc), '{ g: [Getter], s: [Setter], gs: [Getter/Setter] }');
assert.strictEqual(called, false);

// The options form.
assert.strictEqual(util.inspect(obj, { showHidden: true }), '{ visible: 1, [hidden]: 2 }');
assert.strictEqual(util.inspect(obj, { showHidden: false }), '{ visible: 1 }');
