// Listener arguments that are not functions are refused with a TypeError, and the emitter is
// left unchanged.
var common = require('../common');
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

var e = new EventEmitter();
var bad = [undefined, null, 1, 'string', {}, [], true];

bad.forEach(function(value) {
  assert.throws(function() { e.on('foo', value); }, TypeError);
  assert.throws(function() { e.addListener('foo', value); },
                /addListener only takes instances of Function/);
  assert.throws(function() { e.once('foo', value); }, TypeError);
  assert.throws(function() { e.removeListener('foo', value); }, TypeError);
});

assert.throws(function() { e.removeListener('foo', 'x'); },
              /removeListener only takes instances of Function/);
assert.throws(function() { e.once('foo', 'x'); },
              /once only takes instances of Function/);

assert.strictEqual(e.emit('foo'), false);
assert.deepEqual(e.listeners('foo'), []);
