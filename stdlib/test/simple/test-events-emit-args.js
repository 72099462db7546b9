// emit() passes any number of arguments through, with or without several listeners, and
// reports whether anyone was listening.
var common = require('../common');
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

var e = new EventEmitter();
var seen = [];

e.on('many', function() {
  seen.push(Array.prototype.slice.call(arguments));
});
assert.strictEqual(e.emit('many'), true);
assert.strictEqual(e.emit('many', 1), true);
assert.strictEqual(e.emit('many', 1, 2), true);
assert.strictEqual(e.emit('many', 1, 2, 3, 4, 5), true);
assert.deepEqual(seen, [[], [1], [1, 2], [1, 2, 3, 4, 5]]);

// The same with two listeners, where the arguments go to both.
var second = [];
e.on('many', function(a, b, c, d) {
  assert.strictEqual(this, e);
  second.push([a, b, c, d]);
});
e.emit('many', 'w', 'x', 'y', 'z');
assert.deepEqual(second, [['w', 'x', 'y', 'z']]);
assert.deepEqual(seen[seen.length - 1], ['w', 'x', 'y', 'z']);

// Nobody listening: emit returns false.
assert.strictEqual(e.emit('nobody'), false);
assert.strictEqual(new EventEmitter().emit('nothing', 1, 2), false);

// After the last listener goes, emit returns false again.
function only() {}
e.on('gone', only);
assert.strictEqual(e.emit('gone'), true);
e.removeListener('gone', only);
assert.strictEqual(e.emit('gone'), false);
