// listeners(event) returns the emitter's own array, so editing it edits the listeners.
var common = require('../common');
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

function listener() {}
function listener2() {}

var e = new EventEmitter();
e.on('foo', listener);
var list = e.listeners('foo');
assert.deepEqual(list, [listener]);

// The same array comes back each time, and it follows later additions.
assert.strictEqual(e.listeners('foo'), list);
e.on('foo', listener2);
assert.deepEqual(list, [listener, listener2]);

// Emptying the array removes the listeners.
list.length = 0;
assert.strictEqual(e.emit('foo'), false);

// Asking about an event with no listeners gives an empty array, which can also be filled.
var fresh = e.listeners('bar');
assert.ok(Array.isArray(fresh));
assert.strictEqual(fresh.length, 0);
var called = false;
fresh.push(function() { called = true; });
e.emit('bar');
assert.strictEqual(called, true);
