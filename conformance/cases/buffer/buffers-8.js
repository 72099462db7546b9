// buffers.markdown example 8: buffer.readUInt16BE / readUInt16LE.
// adaptation: the doc's output comments give the values in hex while console.log prints them
// in decimal; the check asserts the logged numbers equal those values.
var assert = require('assert');
var lines = [];
var log = console.log;
console.log = function(s) { lines.push(s); log.apply(console, arguments); };

var buf = new Buffer(4);

buf[0] = 0x3;
buf[1] = 0x4;
buf[2] = 0x23;
buf[3] = 0x42;

console.log(buf.readUInt16BE(0));
console.log(buf.readUInt16LE(0));
console.log(buf.readUInt16BE(1));
console.log(buf.readUInt16LE(1));
console.log(buf.readUInt16BE(2));
console.log(buf.readUInt16LE(2));

// 0x0304
// 0x0403
// 0x0423
// 0x2304
// 0x2342
// 0x4223

console.log = log;
assert.deepEqual(lines, [0x0304, 0x0403, 0x0423, 0x2304, 0x2342, 0x4223]);
lines.forEach(function(v) { assert.strictEqual(typeof v, 'number'); });
