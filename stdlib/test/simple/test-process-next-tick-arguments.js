// process.nextTick(callback, [arg, ...]): the callback gets every argument given after it, any
// number of them, is called as a plain function (`this` undefined in strict code, as in today's
// Node), and callbacks run in the order queued, across passes that reuse the queue's slots
// (emptied, then filled again), a burst of thousands, and a long chain that leaves one behind
// each pass (so the queue's front is cut off now and then).
var common = require('../common');
var assert = require('assert');
var util = require('util');

var seen = [];
function record() {
  'use strict';
  seen.push({ self: this, args: Array.prototype.slice.call(arguments) });
}

process.nextTick(record);
process.nextTick(record, 1);
process.nextTick(record, 1, 'two');
process.nextTick(record, 1, 'two', null);
process.nextTick(record, 1, 'two', null, undefined);
process.nextTick(record, 1, 'two', null, undefined, 5, 6);
var sloppyThis;
process.nextTick(function() { sloppyThis = this; });

// Ticks queued by a tick run in a later pass, after those already queued.
var order = [];
process.nextTick(function() {
  order.push('a');
  process.nextTick(function(x) { order.push(x); }, 'c');
});
process.nextTick(function() { order.push('b'); });

// A burst larger than the slots kept between passes, then a small pass again.
var burst = [];
setTimeout(function() {
  for (var i = 0; i < 5000; i++) process.nextTick(function(n) { burst.push(n); }, i);
  setTimeout(function() {
    process.nextTick(function(n, m) { burst.push(n + m); }, 2500, 2500);
  }, 1);
}, 1);

// A chain: each tick queues the next (one left behind per pass, past the 1024 cut).
var chain = [];
function link(n) {
  chain.push(n);
  if (n < 3000) process.nextTick(link, n + 1);
}
setTimeout(function() { process.nextTick(link, 0); }, 1);

process.on('exit', function() {
  // inspect tells null from undefined, and a missing argument from an undefined one.
  assert.strictEqual(util.inspect(seen.map(function(s) { return s.args; })), util.inspect([
    [],
    [1],
    [1, 'two'],
    [1, 'two', null],
    [1, 'two', null, undefined],
    [1, 'two', null, undefined, 5, 6]
  ]));
  seen.forEach(function(s) { assert.strictEqual(s.self, undefined); });
  assert.strictEqual(sloppyThis, global);
  assert.strictEqual(order.join(), 'a,b,c');
  assert.strictEqual(burst.length, 5001);
  for (var i = 0; i < 5001; i++) assert.strictEqual(burst[i], i);
  assert.strictEqual(chain.length, 3001);
  for (var j = 0; j < 3001; j++) assert.strictEqual(chain[j], j);
  console.log('ok');
});
