// Once the program goes quiet, the runtime collects garbage and hands memory back by itself
// (Environment::OnIdleTimer): here the main script leaves ~80 MB of dead Buffers and strings
// behind and then only waits on a timer, which must find them collected.
var common = require('../common');
var assert = require('assert');

var keep = [];
for (var i = 0; i < 40; i++) {
  var text = require('crypto').randomBytes(1024 * 1024).toString('base64');
  keep.push(new Buffer(text, 'base64'));
}
var before = process.memoryUsage().external;
assert.ok(before > 40 * 1024 * 1024, 'external ' + before);
keep = null;

setTimeout(common.mustCall(function() {
  var after = process.memoryUsage().external;
  assert.ok(after < 16 * 1024 * 1024, 'external after idle ' + after + ' (was ' + before + ')');
}), 2500);
