// removeListener() takes out one listener, tolerates unknown ones, and does not disturb an
// emit that is already under way.
var common = require('../common');
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

function listener1() {}
function listener2() {}
function listener3() {}

var e1 = new EventEmitter();
e1.on('hello', listener1);
assert.strictEqual(e1.removeListener('hello', listener1), e1);
assert.deepEqual(e1.listeners('hello'), []);

// Removing something never added changes nothing.
var e2 = new EventEmitter();
e2.on('hello', listener1);
e2.removeListener('hello', listener2);
assert.deepEqual(e2.listeners('hello'), [listener1]);
e2.removeListener('nothing-here', listener1);

// Only the given listener goes, and the others keep their order.
var e3 = new EventEmitter();
e3.on('hello', listener1);
e3.on('hello', listener2);
e3.on('hello', listener3);
e3.removeListener('hello', listener2);
assert.deepEqual(e3.listeners('hello'), [listener1, listener3]);

// With duplicates, one copy goes per call.
var e4 = new EventEmitter();
e4.on('dup', listener1);
e4.on('dup', listener1);
e4.removeListener('dup', listener1);
assert.deepEqual(e4.listeners('dup'), [listener1]);

// A listener removed during an emit still runs in that emit, but not in the next.
var e5 = new EventEmitter();
var calls = [];
function first() {
  calls.push('first');
  e5.removeListener('go', second);
}
function second() {
  calls.push('second');
}
e5.on('go', first);
e5.on('go', second);
e5.emit('go');
assert.deepEqual(calls, ['first', 'second']);
e5.emit('go');
assert.deepEqual(calls, ['first', 'second', 'first']);

// A listener added during an emit waits for the next one.
var e6 = new EventEmitter();
var added = 0;
e6.on('go', function() {
  e6.on('go', function() { added++; });
});
e6.emit('go');
assert.strictEqual(added, 0);
e6.emit('go');
assert.strictEqual(added, 1);
