// Emitting 'error' with no listener throws: the Error itself if one was given, otherwise an
// Error saying the event was unspecified. With a listener, nothing is thrown.
var common = require('../common');
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

var e = new EventEmitter();
var err = new TypeError('the error');

var caught = null;
try {
  e.emit('error', err);
} catch (ex) {
  caught = ex;
}
assert.strictEqual(caught, err);

caught = null;
try {
  e.emit('error', 'not an error object');
} catch (ex) {
  caught = ex;
}
assert.ok(caught instanceof Error);
assert.strictEqual(caught.message, "Uncaught, unspecified 'error' event.");

assert.throws(function() {
  e.emit('error');
}, /Uncaught, unspecified 'error' event/);

// After all 'error' listeners are removed, it throws again.
function onError() {}
e.on('error', onError);
assert.strictEqual(e.emit('error', err), true);
e.removeListener('error', onError);
assert.throws(function() {
  e.emit('error', err);
}, TypeError);

// A listener receives the error.
e.on('error', common.mustCall(function(received) {
  assert.strictEqual(received, err);
}));
assert.strictEqual(e.emit('error', err), true);
