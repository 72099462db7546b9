// path.markdown example 11: path.exists.
// adaptation: the doc assumes `path` and `util` are required.
var path = require('path');
var util = require('util');
var assert = require('assert');
var called = 0;

path.exists('/etc/passwd', function (exists) {
  called++;
  util.debug(exists ? "it's there" : "no passwd!");
});

// check: the callback runs once, asynchronously, with a boolean (a missing file gives false).
assert.equal(called, 0);
path.exists('/nonexistent-nodus-conformance', function (exists) {
  assert.strictEqual(exists, false);
  called++;
});
process.on('exit', function () { assert.equal(called, 2); });
