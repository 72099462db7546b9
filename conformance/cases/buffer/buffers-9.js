// buffers.markdown example 9: buffer.readUInt32BE / readUInt32LE.
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

console.log(buf.readUInt32BE(0));
console.log(buf.readUInt32LE(0));

// 0x03042342
// 0x42230403

console.log = log;
assert.deepEqual(lines, [0x03042342, 0x42230403]);
lines.forEach(function(v) { assert.strictEqual(typeof v, 'number'); });
