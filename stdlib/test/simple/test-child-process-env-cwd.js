// The env option replaces the child's environment and cwd sets its working directory.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var cp = require('child_process');

var dir = fs.realpathSync ? fs.realpathSync(common.tmpDir) : common.tmpDir;
var child = cp.spawn('/bin/sh', ['-c', 'echo "$NODUS_A,$NODUS_B,${HOME-unset}"; pwd'],
                     { env: { NODUS_A: 'one', NODUS_B: 2 }, cwd: dir });
var out = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', function(d) { out += d; });
child.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
  assert.strictEqual(out, 'one,2,unset\n' + dir + '\n');
}));

cp.exec('echo "$NODUS_C"; pwd', { env: { NODUS_C: 'three' }, cwd: '/' },
        common.mustCall(function(err, stdout) {
  assert.strictEqual(err, null);
  assert.strictEqual(stdout, 'three\n/\n');
}));
