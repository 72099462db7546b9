// The error a queued write to stdout gets when the pipe's reader goes away: EPIPE (libuv's poll
// says only EBADF for a pipe in error; the write says why), reported later through the 'error'
// event, worded as fs words its errors: "EPIPE, broken pipe", numeric errno, code, syscall.
var common = require('../common');
var assert = require('assert');
var spawn = require('child_process').spawn;

if (process.argv[2] === 'child') {
  process.stdout.on('error', function(e) {
    console.error(JSON.stringify({
      message: e.message, code: e.code, errno: e.errno, syscall: e.syscall,
      hasPath: 'path' in e, keys: Object.keys(e), isError: e instanceof Error
    }));
    process.exit(0);
  });
  // Write until some of it has to wait in the queue, then ask the parent to close the pipe.
  var chunk = new Buffer(65536);
  chunk.fill(120);
  while (process.stdout.write(chunk)) {}
  console.error('queued');
  setInterval(function() {}, 1000);   // stay alive until the queued write fails
  return;
}

var child = spawn(process.execPath, [__filename, 'child']);
child.stdout.pause();   // read nothing: the pipe fills and the child's write has to wait
var stderr = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', function(d) {
  stderr += d;
  if (/queued\n/.test(stderr) && child.stdout) {
    child.stdout.destroy();   // the reader goes away with the child's write still waiting
  }
});
child.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0, stderr);
  var line = stderr.split('\n')[1];
  assert.deepEqual(JSON.parse(line), {
    message: 'EPIPE, broken pipe', code: 'EPIPE', errno: -require('constants').EPIPE,
    syscall: 'write', hasPath: false, keys: ['errno', 'code', 'syscall'], isError: true
  });
}));
