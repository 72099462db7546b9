// stdout on a pipe whose reader is gone reports EPIPE once: later writes fail through their
// callbacks, not with a new 'error' each. A program whose uncaughtException handler logs to the
// same stream (npm's does) must end, not spin. The child's report comes back on stderr.
var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

if (process.argv[2] === 'child') {
  var errors = 0;
  var callbackErrors = 0;
  process.on('uncaughtException', function(er) {
    errors++;
    // Logging to the broken stream from the handler, as npm does.
    console.log('uncaught: ' + er.message);
  });
  process.on('exit', function() {
    console.error('errors=' + errors + ' callbackErrors=' + callbackErrors);
  });
  var writes = 0;
  (function writeMore() {
    process.stdout.write('line ' + writes + '\n', function(er) { if (er) callbackErrors++; });
    if (++writes < 2000) setTimeout(writeMore, 0);
  })();
  return;
}

var child = spawn(process.execPath, [__filename, 'child']);
child.stdout.destroy();   // the reader goes away at once
var stderr = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', function(d) { stderr += d; });
child.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
  var m = /errors=(\d+) callbackErrors=(\d+)/.exec(stderr);
  assert.ok(m, 'the child reported: ' + stderr);
  assert.strictEqual(+m[1], 1, 'one error event for the broken pipe');
  assert.ok(+m[2] > 0, 'later writes fail through their callbacks');
}));
