// process.binding('process_methods').writeString(fd, data), the synchronous writer behind stdout
// and stderr on files and TTYs, with a string or the bytes of any ArrayBufferView: what it
// returns, and bad arguments as clear errors, never a crash.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var methods = process.binding('process_methods');

var file = path.join(common.tmpDir, 'write-string-hostile.out');
try { fs.unlinkSync(file); } catch (e) {}
var fd = fs.openSync(file, 'w');

assert.strictEqual(methods.writeString(fd, 'ab\u00e9'), 4);            // UTF-8
assert.strictEqual(methods.writeString(fd, new Buffer([0xff, 0])), 2);  // bytes as they are
var u16 = new Uint16Array([0x6463]);                                     // 'cd' little-endian
assert.strictEqual(methods.writeString(fd, u16), 2);
var view = new DataView(new ArrayBuffer(8), 2, 3);
assert.strictEqual(methods.writeString(fd, view), 3);                    // three zero bytes
assert.strictEqual(methods.writeString(fd, new Uint8Array(0)), 0);
fs.closeSync(fd);
assert.deepEqual(Array.prototype.slice.call(fs.readFileSync(file)),
                 [0x61, 0x62, 0xc3, 0xa9, 0xff, 0, 0x63, 0x64, 0, 0, 0]);

// Bad descriptors and data.
assert.throws(function() { methods.writeString('1', 'x'); }, TypeError);
assert.throws(function() { methods.writeString(-1, 'x'); }, TypeError);
assert.throws(function() { methods.writeString(1.5, 'x'); }, TypeError);
assert.throws(function() {
  methods.writeString(fd, { toString: function() { throw new Error('boom'); } });
}, /boom/);
