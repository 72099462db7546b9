var common = require('../common');
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

// With two, three or more listeners, an emit calls exactly the listeners there were when it
// began, in order, with its arguments: one removed or added by a listener takes effect from the
// next emit on (v0.6.3 emitted to a copy of the array).
[2, 3, 4, 6].forEach(function(count) {
  var e = new EventEmitter();
  var calls = [];
  var late = function() { calls.push('late'); };
  var listeners = [];
  for (var i = 0; i < count; i++) {
    (function(k) {
      listeners.push(function(a, b, c, d) {
        calls.push(k + ':' + [a, b, c, d].join(','));
        if (k === 0) {
          e.removeListener('x', listeners[1]);  // still called by this emit
          e.on('x', late);                      // not called by this emit
        }
      });
    })(i);
    e.on('x', listeners[i]);
  }
  e.emit('x', 1, 2, 3, 4);
  var expected = [];
  for (i = 0; i < count; i++) expected.push(i + ':1,2,3,4');
  assert.deepEqual(calls, expected, count + ' listeners, first emit');

  // The listener removed is gone and the one added is there; the first listener adds another
  // `late`, which this emit does not call either.
  calls = [];
  e.emit('x', 'a');
  expected = ['0:a,,,'];
  for (i = 2; i < count; i++) expected.push(i + ':a,,,');
  expected.push('late');
  assert.deepEqual(calls, expected, count + ' listeners, second emit');
  assert.equal(e.listeners('x').length, count + 1);
});
