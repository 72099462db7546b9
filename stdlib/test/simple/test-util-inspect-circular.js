// Objects that contain themselves show the repeat as [Circular].
var common = require('../common');
var assert = require('assert');
var util = require('util');

var obj = { a: 1 };
obj.self = obj;
assert.strictEqual(util.inspect(obj), '{ a: 1, self: [Circular] }');

var arr = [1];
arr.push(arr);
assert.strictEqual(util.inspect(arr), '[ 1, [Circular] ]');

var parent = { name: 'p' };
parent.child = { up: parent };
assert.strictEqual(util.inspect(parent), "{ name: 'p', child: { up: [Circular] } }");

// The same object twice, side by side, is not circular.
var shared = { x: 1 };
assert.strictEqual(util.inspect({ a: shared, b: shared }), '{ a: { x: 1 }, b: { x: 1 } }');
