var common = require('../common');
var assert = require('assert');
var SlowBuffer = require('buffer').SlowBuffer;

// Slices of pooled, unpooled and SlowBuffer memory, and slices of slices: `parent` is the
// SlowBuffer (or pool) owning the memory and `offset` the slice's start within it, as in v0.6.3.
var pooled = new Buffer(10);
var big = new Buffer(Buffer.poolSize * 2);
var slow = new SlowBuffer(40);
[pooled, big].forEach(function(b) {
  var s = b.slice(2, 8);
  assert.ok(s.parent instanceof SlowBuffer);
  assert.strictEqual(s.parent, b.parent);
  assert.strictEqual(s.offset, b.offset + 2);
  var ss = s.slice(1, 3);
  assert.strictEqual(ss.parent, b.parent);
  assert.strictEqual(ss.offset, b.offset + 3);
  ss[0] = 77;
  assert.strictEqual(b[3], 77);
});
var fromSlow = slow.slice(5, 9);
assert.strictEqual(fromSlow.parent, slow);
assert.strictEqual(fromSlow.offset, 5);
assert.strictEqual(slow.parent, undefined);
assert.strictEqual(fromSlow.slice(1).offset, 6);
assert.strictEqual(fromSlow.slice(1).parent, slow);
