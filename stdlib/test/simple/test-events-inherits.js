// EventEmitter works as a base class, including for subclasses that never call its
// constructor, and instances do not share listeners.
var common = require('../common');
var assert = require('assert');
var util = require('util');
var events = require('events');

function MyStream() {
  events.EventEmitter.call(this);
}
util.inherits(MyStream, events.EventEmitter);
MyStream.prototype.write = function(data) {
  this.emit('data', data);
};

var stream = new MyStream();
assert.ok(stream instanceof events.EventEmitter);
assert.strictEqual(MyStream.super_, events.EventEmitter);

stream.on('data', common.mustCall(function(data) {
  assert.strictEqual(data, 'It works!');
}));
stream.write('It works!');

// No constructor call at all.
function Lazy() {}
util.inherits(Lazy, events.EventEmitter);
var a = new Lazy();
var b = new Lazy();
a.on('x', common.mustCall(function() {}));
assert.strictEqual(b.emit('x'), false);
assert.strictEqual(a.emit('x'), true);
