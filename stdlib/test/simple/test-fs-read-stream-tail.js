// fs.ReadStream ends as v0.6.3's did: 'end', then this.destroy(). A program that replaces
// destroy() (winston 0.6 tails its log file this way) keeps the descriptor open and readable, and
// resume() after 'end' reads what was appended since. With the real destroy() the stream is
// unreadable after 'end' and closes.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'read-stream-tail.txt');
fs.writeFileSync(file, 'one\n');

var stream = fs.createReadStream(file, { encoding: 'utf8' });
var realDestroy = stream.destroy.bind(stream);
stream.destroy = function() {};
var seen = '';
var ends = 0;
stream.on('data', function(data) {
  seen += data;
  if (seen === 'one\ntwo\n') {
    realDestroy();
  }
});
stream.on('end', function() {
  ends++;
  assert.strictEqual(stream.readable, true);
  if (ends === 1) {
    assert.strictEqual(seen, 'one\n');
    fs.writeFileSync(file, 'one\ntwo\n');  // the same first line, and one more
    stream.resume();
  }
});
stream.on('close', common.mustCall(function() {
  assert.strictEqual(seen, 'one\ntwo\n');
  assert.strictEqual(ends, 1);
  assert.strictEqual(stream.readable, false);
}));

// The ordinary case: unreadable once 'end' has run its course, then 'close'.
var plain = fs.createReadStream(file);
plain.on('data', function() {});
plain.on('end', common.mustCall(function() {
  process.nextTick(function() { assert.strictEqual(plain.readable, false); });
}));
plain.on('close', common.mustCall(function() {
  assert.strictEqual(plain.readable, false);
}));
