// buffers.markdown example 17: buffer.fill with no offset and end fills the whole buffer.
// adaptation: the doc states no output; the check at the end asserts every byte is 'h'.
var assert = require('assert');

var b = new Buffer(50);
b.fill("h");

assert.strictEqual(b.length, 50);
for (var i = 0; i < b.length; i++) {
  assert.strictEqual(b[i], 0x68);
}
assert.strictEqual(b.toString('ascii'), new Array(51).join('h'));
