var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

// require()'s search probes candidates without exceptions (fs binding statMode); what it finds
// is unchanged: a directory is never taken for a file, a package.json that is not a file is no
// package.json, a package's main may omit its extension, and a miss is "Cannot find module".
var binding = process.binding('fs');
assert.equal(binding.statMode(__filename) & 61440, 32768);
assert.equal(binding.statMode(__dirname) & 61440, 16384);
assert.ok(binding.statMode(path.join(__dirname, 'no-such-file')) < 0);
assert.throws(function() { binding.statMode(); }, TypeError);

var root = path.join(common.tmpDir, 'module-search-' + process.pid);
function write(file, text) {
  var full = path.join(root, file);
  var dirs = path.dirname(full).slice(root.length).split('/');
  var at = root;
  dirs.forEach(function(part) {
    at = path.join(at, part);
    if (!fs.existsSync(at)) fs.mkdirSync(at);
  });
  fs.writeFileSync(full, text);
}
fs.mkdirSync(root);

// `dual` is both a directory and dual.js: the file wins, as a file path is tried first.
write('dual.js', 'exports.name = "dual-file";');
write('dual/index.js', 'exports.name = "dual-dir";');
// package.json as a directory: ignored, index.js is used.
write('odd/package.json/placeholder', '');
write('odd/index.js', 'exports.name = "odd-index";');
// main without its extension, in a subdirectory.
write('pkg/package.json', '{"main": "lib/start"}');
write('pkg/lib/start.js', 'exports.name = "pkg-start";');
// A dangling symlink is not a file.
fs.symlinkSync(path.join(root, 'nowhere.js'), path.join(root, 'dangling.js'));

assert.equal(require(path.join(root, 'dual')).name, 'dual-file');
assert.equal(require(path.join(root, 'dual') + '/').name, 'dual-dir');
assert.equal(require(path.join(root, 'odd')).name, 'odd-index');
assert.equal(require(path.join(root, 'pkg')).name, 'pkg-start');
assert.throws(function() { require(path.join(root, 'dangling')); }, /Cannot find module/);
assert.throws(function() { require(path.join(root, 'missing')); }, /Cannot find module/);
