// Stats times are whole seconds, as v0.6.3 reported them (it built each Date from st_mtime, a
// time_t): a file whose times have a fraction reads back without it, from stat, lstat and fstat,
// synchronously and not.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'stat-whole-seconds.txt');
fs.writeFileSync(file, 'x');
fs.utimesSync(file, 1000000.25, 2000000.75);

function check(stats) {
  assert.strictEqual(stats.atime.getTime(), 1000000 * 1000);
  assert.strictEqual(stats.mtime.getTime(), 2000000 * 1000);
  assert.strictEqual(stats.ctime.getTime() % 1000, 0);
}

check(fs.statSync(file));
check(fs.lstatSync(file));
var fd = fs.openSync(file, 'r');
check(fs.fstatSync(fd));
fs.stat(file, common.mustCall(function(err, stats) {
  assert.ifError(err);
  check(stats);
  fs.fstat(fd, common.mustCall(function(err, stats) {
    assert.ifError(err);
    check(stats);
    fs.closeSync(fd);
  }));
}));
