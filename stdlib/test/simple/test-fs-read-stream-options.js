// ReadStream options: start/end (inclusive), bufferSize, encoding, pause/resume.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'read-stream.txt');
var text = '';
for (var i = 0; i < 100; i++) text += String.fromCharCode(65 + i % 26);
fs.writeFileSync(file, text);

var got = '';
var ranged = fs.createReadStream(file, { start: 10, end: 29, bufferSize: 7, encoding: 'utf8' });
ranged.on('data', function(d) {
  assert.strictEqual(typeof d, 'string');
  assert.ok(d.length <= 7);
  got += d;
});
ranged.on('end', common.mustCall(function() {
  assert.strictEqual(got, text.slice(10, 30));
}));

// Paused, a stream emits no data until resumed.
var paused = fs.createReadStream(file, { start: 95 });
var pausedData = '';
paused.pause();
paused.on('data', function(d) { pausedData += d; });
setTimeout(common.mustCall(function() {
  assert.strictEqual(pausedData, '');
  paused.resume();
}), 50);
paused.on('end', common.mustCall(function() {
  assert.strictEqual(pausedData, text.slice(95));
}));

// start after end is refused.
assert.throws(function() { fs.createReadStream(file, { start: 10, end: 5 }); }, Error);

// destroy() closes the stream without an 'end'.
var destroyed = fs.createReadStream(file);
destroyed.on('open', function() { destroyed.destroy(); });
destroyed.on('end', function() { assert.fail('end after destroy'); });
destroyed.on('close', common.mustCall());
