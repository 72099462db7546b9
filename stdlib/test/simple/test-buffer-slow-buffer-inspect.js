var common = require('../common');
var assert = require('assert');
var util = require('util');
var buffer = require('buffer');
var SlowBuffer = buffer.SlowBuffer;

// A SlowBuffer inspects as <SlowBuffer ...>, as in v0.6.3; a slice of it is a plain Buffer.
var slow = new SlowBuffer(4);
slow.fill(0xab);
assert.equal(slow.inspect(), '<SlowBuffer ab ab ab ab>');
assert.equal(util.inspect(slow), '<SlowBuffer ab ab ab ab>');

var slice = slow.slice(1, 3);
assert.ok(!(slice instanceof SlowBuffer));
assert.ok(Buffer.isBuffer(slice));
assert.equal(slice.inspect(), '<Buffer ab ab>');
assert.strictEqual(slice.parent, slow);

// The cut-off applies to both.
var big = new SlowBuffer(buffer.INSPECT_MAX_BYTES + 5);
big.fill(0);
assert.ok(/^<SlowBuffer (00 ){50}\.\.\.>$/.test(big.inspect()), big.inspect());
assert.equal(new Buffer([1, 2]).inspect(), '<Buffer 01 02>');
