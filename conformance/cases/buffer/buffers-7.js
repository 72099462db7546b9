// buffers.markdown example 7: buffer.readUInt8.
// adaptation: the doc's output comments give the values in hex (0x3, 0x4, 0x23, 0x42) while
// console.log prints them in decimal; the check asserts the logged numbers equal those values.
var assert = require('assert');
var lines = [];
var log = console.log;
console.log = function(s) { lines.push(s); log.apply(console, arguments); };

var buf = new Buffer(4);

buf[0] = 0x3;
buf[1] = 0x4;
buf[2] = 0x23;
buf[3] = 0x42;

for (ii = 0; ii < buf.length; ii++) {
  console.log(buf.readUInt8(ii));
}

// 0x3
// 0x4
// 0x23
// 0x42

console.log = log;
assert.deepEqual(lines, [0x3, 0x4, 0x23, 0x42]);
lines.forEach(function(v) { assert.strictEqual(typeof v, 'number'); });
