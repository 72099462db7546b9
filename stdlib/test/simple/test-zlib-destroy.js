// Destroying a stream mid-work, or closing its handle while a write runs on the thread pool, is
// safe: no callbacks follow and the process still exits by itself.
var common = require('../common');
var assert = require('assert');
var zlib = require('zlib');

var big = new Buffer(4 * 1024 * 1024);
for (var i = 0; i < big.length; i++) big[i] = (i * 2654435761) >>> 24;

// destroy() right after a big write: the write is still running.
var z = zlib.createGzip();
z.on('data', common.mustCall(function() {}, 0));
z.on('end', common.mustCall(function() {}, 0));
z.on('close', common.mustCall());
z.write(big);
z.end();
z.destroy();
assert.strictEqual(z.readable, false);
assert.strictEqual(z.writable, false);

// destroy() from a 'data' listener stops further output.
var d = zlib.createDeflate({ chunkSize: 1024, level: 0 });
var events = 0;
d.on('data', function() {
  events++;
  d.destroy();
});
d.on('end', common.mustCall(function() {}, 0));
d.on('close', common.mustCall(function() { assert.strictEqual(events, 1); }));
d.end(big);

// The binding directly: close() during a pending write, then nothing.
var binding = process.binding('zlib');
var handle = new binding.Zlib(binding.DEFLATE);
handle.init(15, 9, 9, 0);
handle.oncomplete = common.mustCall(function() {}, 0);
handle.onerror = common.mustCall(function() {}, 0);
var out = new Buffer(8 * 1024 * 1024);
handle.write(binding.Z_FINISH, big, 0, big.length, out, 0, out.length);
handle.close();
handle.close();
assert.throws(function() { handle.write(0, big, 0, 1, out, 0, 1); }, TypeError);
assert.throws(function() { handle.reset(); }, TypeError);

// Many streams dropped unclosed (idle handles) are collected without trouble.
for (var n = 0; n < 200; n++) zlib.createDeflate({ level: 9 });
if (typeof gc === 'function') gc();

var exited = false;
setTimeout(function() { exited = true; }, 10);
process.on('exit', function() { assert.ok(exited); });
