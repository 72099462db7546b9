// fs.realpath resolves its argument as v0.6.3 did: relative to the current directory, and a
// missing path is the current directory itself (coffee-script's `coffee -e` relies on it).
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var cwd = fs.realpathSync(process.cwd());
assert.strictEqual(fs.realpathSync(undefined), cwd);
assert.strictEqual(fs.realpathSync('.'), cwd);
assert.strictEqual(fs.realpathSync(path.relative(process.cwd(), common.testDir)),
                   fs.realpathSync(common.testDir));
fs.realpath(undefined, common.mustCall(function(err, p) {
  assert.ifError(err);
  assert.strictEqual(p, cwd);
}));
assert.throws(function() { fs.realpathSync('/no/such/path/here'); },
              function(e) { return e.code === 'ENOENT'; });
