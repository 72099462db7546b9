// v0.6's process.EventEmitter, which old code (socket.io 0.9) inherits from.
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;
assert.strictEqual(process.EventEmitter, EventEmitter);
assert.ok(process instanceof process.EventEmitter);
function Store() { process.EventEmitter.call(this); }
Store.prototype.__proto__ = process.EventEmitter.prototype;
var s = new Store();
var got = null;
s.on('x', function(v) { got = v; });
s.emit('x', 42);
assert.strictEqual(got, 42);
