// fs.watch reports a change in a directory; fs.watchFile reports a changed mtime. Both stop.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var dir = path.join(common.tmpDir, 'watch-dir');
try { fs.mkdirSync(dir); } catch (e) {}

var watcher = fs.watch(dir, common.mustCall(function(event, filename) {
  assert.ok(event === 'rename' || event === 'change');
  assert.ok(filename === null || filename === 'created.txt');
  watcher.close();
}));
assert.ok(watcher instanceof fs.FSWatcher);

var file = path.join(common.tmpDir, 'watch-file.txt');
fs.writeFileSync(file, 'one');
fs.watchFile(file, { interval: 20 }, common.mustCall(function(curr, prev) {
  assert.ok(curr instanceof fs.Stats);
  assert.ok(prev instanceof fs.Stats);
  assert.strictEqual(curr.mtime.getTime(), 5000000 * 1000);
  assert.notStrictEqual(prev.mtime.getTime(), curr.mtime.getTime());
  fs.unwatchFile(file);
}));

setTimeout(function() {
  fs.writeFileSync(path.join(dir, 'created.txt'), 'x');
  fs.utimesSync(file, 5000000, 5000000);
}, 50);

// A non-persistent watcher does not keep the process alive.
fs.watch(dir, { persistent: false }, function() {});
