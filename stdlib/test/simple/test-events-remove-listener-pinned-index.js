// removeListener() works on a listener array that holds an element it cannot delete, as
// v0.6.3's did (its splice passed over such an element; today's V8 throws). request 2.9's
// toJSON() marks every object it walks, the listener arrays in `_events` included, with
// Object.defineProperty(obj, uuid, {}), uuid being random hex digits: when they are all decimal
// the name is an array index past the end, a non-configurable element. A once() listener that
// then removes itself during the emit must not throw.
var common = require('../common');
var assert = require('assert');
var EventEmitter = require('events').EventEmitter;

var ee = new EventEmitter();
var calls = [];
ee.on('end', function() {
  calls.push('first');
  // What request's getSafe() does to each object it finds.
  Object.defineProperty(ee._events.end, '14408', {});
});
ee.once('end', function() { calls.push('once'); });
function third() { calls.push('third'); }
ee.on('end', third);

ee.emit('end');
assert.deepEqual(calls, ['first', 'once', 'third']);

// The once() listener is gone from the front of the list; a plain removeListener works too.
assert.strictEqual(ee._events.end[1], third);
ee.removeListener('end', third);
assert.notStrictEqual(ee._events.end[1], third);
assert.strictEqual(ee._events.end.indexOf(third), -1);

// A later emit reaches the listeners left, and only them: the pinned element made the array
// 14,409 long, with holes between them and it (request 2.9's test-toJSON emitted a socket's
// 'close' after its toJSON() and hit the holes, in about one run in seven).
calls = [];
ee.setMaxListeners(0);  // the array's length counts as listeners for the leak warning
ee.on('end', function() { calls.push('fourth'); });
assert.ok(ee._events.end.length > 14408);
ee.emit('end');
assert.deepEqual(calls, ['first', 'fourth']);
