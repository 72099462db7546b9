var common = require('../common');
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

// addListener/on emit 'newListener' through this.emit every time, whether or not anyone
// listens for it, as v0.6.3 did: vows overrides emit and waits for it.
var e = new EventEmitter();
var seen = [];
e.emit = function(type, name, listener) {
  seen.push([type, name, typeof listener]);
  return EventEmitter.prototype.emit.apply(this, arguments);
};
function f() {}
e.on('foo', f);
e.addListener('bar', f);
e.once('baz', f);
assert.deepEqual(seen, [['newListener', 'foo', 'function'],
                        ['newListener', 'bar', 'function'],
                        ['newListener', 'baz', 'function']]);

// A subclass emit with no 'newListener' listener registered anywhere.
function Sub() { EventEmitter.call(this); }
require('util').inherits(Sub, EventEmitter);
var announced = 0;
Sub.prototype.emit = function(type) {
  if (type === 'newListener') announced++;
  return EventEmitter.prototype.emit.apply(this, arguments);
};
var s = new Sub();
s.on('x', f);
s.on('x', f);
assert.equal(announced, 2);

// Listeners for 'newListener' itself still do not hear about their own registration.
var heard = [];
var e2 = new EventEmitter();
e2.on('newListener', function(name) { heard.push(name); });
e2.on('a', f);
assert.deepEqual(heard, ['a']);
