// on() and addListener() are the same method; 'newListener' is announced before the listener
// is added; listeners run in order with the emitted arguments and the emitter as `this`.
var common = require('../common');
var assert = require('assert');
var events = require('events');

var e = new events.EventEmitter();
assert.strictEqual(events.EventEmitter.prototype.on, events.EventEmitter.prototype.addListener);

var announced = [];
e.on('newListener', function(event, listener) {
  // The listener must not be in place yet when it is announced.
  announced.push([event, listener, e.listeners(event).length]);
});

var calls = [];
function hello(a, b) {
  assert.strictEqual(this, e);
  calls.push(['hello', a, b]);
}
function world(a, b) {
  calls.push(['world', a, b]);
}

// Both return the emitter, so calls can be chained.
assert.strictEqual(e.on('greet', hello), e);
assert.strictEqual(e.addListener('greet', world), e);

assert.deepEqual(announced, [['greet', hello, 0], ['greet', world, 1]]);

e.emit('greet', 'a', 'b');
assert.deepEqual(calls, [['hello', 'a', 'b'], ['world', 'a', 'b']]);

// The same function added twice is called twice.
var count = 0;
function counter() { count++; }
e.on('twice', counter);
e.on('twice', counter);
e.emit('twice');
assert.strictEqual(count, 2);
