// utimes/futimes set access and modification times, from Dates or seconds.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var file = path.join(common.tmpDir, 'utimes.txt');
fs.writeFileSync(file, 'x');

fs.utimesSync(file, 1000000, new Date(2000000 * 1000));
var stats = fs.statSync(file);
assert.strictEqual(stats.atime.getTime(), 1000000 * 1000);
assert.strictEqual(stats.mtime.getTime(), 2000000 * 1000);

var fd = fs.openSync(file, 'r');
fs.futimesSync(fd, new Date(3000000 * 1000), 4000000);
stats = fs.fstatSync(fd);
assert.strictEqual(stats.atime.getTime(), 3000000 * 1000);
assert.strictEqual(stats.mtime.getTime(), 4000000 * 1000);

fs.utimes(file, 5000000, 6000000, common.mustCall(function(err) {
  assert.ifError(err);
  assert.strictEqual(fs.statSync(file).mtime.getTime(), 6000000 * 1000);
  fs.futimes(fd, 7000000, 8000000, common.mustCall(function(err) {
    assert.ifError(err);
    assert.strictEqual(fs.statSync(file).mtime.getTime(), 8000000 * 1000);
    fs.closeSync(fd);
  }));
}));
