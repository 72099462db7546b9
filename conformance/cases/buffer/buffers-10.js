// buffers.markdown example 10: buffer.readFloatLE.
// adaptation: the doc's output comment gives the value as hex `0x01` while console.log prints
// the float 1; the check asserts the logged number is 1.
var assert = require('assert');
var lines = [];
var log = console.log;
console.log = function(s) { lines.push(s); log.apply(console, arguments); };

var buf = new Buffer(4);

buf[0] = 0x00;
buf[1] = 0x00;
buf[2] = 0x80;
buf[3] = 0x3f;

console.log(buf.readFloatLE(0));

// 0x01

console.log = log;
assert.deepEqual(lines, [0x01]);
assert.strictEqual(lines[0], 1);
