// removeAllListeners(event) clears one event; removeAllListeners() clears every event.
var common = require('../common');
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

function noop() {}

var e1 = new EventEmitter();
e1.on('foo', noop);
e1.on('foo', noop);
e1.on('bar', noop);
assert.strictEqual(e1.removeAllListeners('foo'), e1);
assert.deepEqual(e1.listeners('foo'), []);
assert.deepEqual(e1.listeners('bar'), [noop]);
assert.strictEqual(e1.emit('foo'), false);
assert.strictEqual(e1.emit('bar'), true);

var e2 = new EventEmitter();
e2.on('foo', noop);
e2.on('bar', noop);
e2.once('baz', noop);
assert.strictEqual(e2.removeAllListeners(), e2);
assert.deepEqual(e2.listeners('foo'), []);
assert.deepEqual(e2.listeners('bar'), []);
assert.strictEqual(e2.emit('baz'), false);

// Clearing an emitter that never had listeners is harmless.
var e3 = new EventEmitter();
e3.removeAllListeners('foo');
e3.removeAllListeners();
assert.strictEqual(e3.emit('foo'), false);

// Listeners can be added again afterwards.
e2.on('foo', common.mustCall(noop, 1));
e2.emit('foo');
