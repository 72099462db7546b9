// The stdlib's error maker (lib/_errors.js) is a builtin: a user's node_modules/_errors.js cannot
// replace it, so no program changes the errors net, dgram, dns, cluster or child_process make.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var execFile = require('child_process').execFile;

var dir = path.join(common.tmpDir, 'errors-shadow-' + process.pid);
var modules = path.join(dir, 'node_modules');
[dir, modules].forEach(function(d) {
  try { fs.mkdirSync(d, 511); } catch (e) { if (e.code !== 'EEXIST') throw e; }
});
fs.writeFileSync(path.join(modules, '_errors.js'),
                 'exports.errnoException = function() { return new Error("shadowed"); };\n');
fs.writeFileSync(path.join(dir, 'main.js'),
                 'var net = require("net");\n' +
                 'net.connect("/nonexistent-nodus-dir/sock").on("error", function(e) {\n' +
                 '  console.log(require("_errors") === require("_errors") && e.message);\n' +
                 '});\n');

execFile(process.execPath, [path.join(dir, 'main.js')], common.mustCall(function(err, stdout) {
  assert.ifError(err);
  assert.strictEqual(stdout, 'connect ENOENT\n');
  fs.unlinkSync(path.join(modules, '_errors.js'));
  fs.unlinkSync(path.join(dir, 'main.js'));
  fs.rmdirSync(modules);
  fs.rmdirSync(dir);
}));
