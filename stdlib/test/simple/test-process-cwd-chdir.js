var common = require('../common');
var assert = require('assert');
var path = require('path');

var start = process.cwd();
process.chdir(common.fixturesDir);
assert.equal(process.cwd(), require('fs').realpathSync(common.fixturesDir));
process.chdir(start);
assert.equal(process.cwd(), start);
assert.throws(function() { process.chdir('/definitely/not/here'); }, function(err) {
  return err.code === 'ENOENT' && err.syscall === 'uv_chdir';
});
assert.throws(function() { process.chdir(5); }, TypeError);
