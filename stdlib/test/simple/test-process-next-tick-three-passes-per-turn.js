var common = require('../common');
var assert = require('assert');

// v0.6.3 ran a pass over the nextTick queue from its idle, prepare and check watchers, so a
// chain of ticks (each queueing the next) gets three passes per turn of the loop: two before
// the poll for I/O, one after it. Each tick records the loop's turn count (its check phases).
var methods = process.binding('process_methods');
var turns = [];
var CHAIN = 13;

function link() {
  turns.push(methods.loopTurns());
  if (turns.length < CHAIN) process.nextTick(link);
}
process.nextTick(link);  // the first pass runs when the main script returns, before the loop

process.on('exit', function() {
  assert.equal(turns.length, CHAIN);
  var t = turns[0];
  // First pass: after the main script. Then idle and prepare of the first turn (same count), and
  // its check phase after the poll, which counts the turn first.
  var expected = [t, t, t];
  for (var i = 3; i < CHAIN; i++) expected.push(t + Math.floor(i / 3));
  assert.deepEqual(turns, expected);
});
