// execFile runs a file with its arguments and no shell: metacharacters arrive unchanged.
var common = require('../common');
var assert = require('assert');
var execFile = require('child_process').execFile;

execFile('echo', ['a b', '$HOME', '|', 'c'], common.mustCall(function(err, stdout, stderr) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'a b $HOME | c\n');
  assert.strictEqual(stderr, '');
}));
execFile(process.execPath, ['-e', 'console.log(process.argv.slice(-2).join(","))', 'x', 'y'],
         common.mustCall(function(err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'x,y\n');
}));
execFile('nodus-no-such-command-xyz', [], common.mustCall(function(err) {
  assert.strictEqual(err.code, 127);
}));
