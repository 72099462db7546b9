// once() listeners run on the next emit only, and removeListener() accepts the original
// function to cancel one before it fires.
var common = require('../common');
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

var e = new EventEmitter();

e.once('hello', common.mustCall(function(a, b) {
  assert.strictEqual(this, e);
  assert.strictEqual(a, 'a');
  assert.strictEqual(b, 'b');
}, 1));

assert.strictEqual(e.emit('hello', 'a', 'b'), true);
assert.strictEqual(e.emit('hello', 'a', 'b'), false);
assert.strictEqual(e.emit('hello', 'a', 'b'), false);
assert.strictEqual(e.listeners('hello').length, 0);

// once() returns the emitter.
function never() {
  throw new Error('a removed once() listener was called');
}
assert.strictEqual(e.once('foo', never), e);
e.removeListener('foo', never);
e.emit('foo');
assert.strictEqual(e.listeners('foo').length, 0);

// The same among other listeners.
var order = [];
e.on('mixed', function() { order.push('on'); });
e.once('mixed', never);
e.once('mixed', function() { order.push('once'); });
e.removeListener('mixed', never);
e.emit('mixed');
e.emit('mixed');
assert.deepEqual(order, ['on', 'once', 'on']);

// A once() listener that emits its own event is not called again.
var depth = 0;
e.once('recurse', common.mustCall(function() {
  depth++;
  e.emit('recurse');
}, 1));
e.emit('recurse');
assert.strictEqual(depth, 1);
