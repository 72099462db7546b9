// A forked child that listens for messages ends when its parent goes away (the channel reads
// EOF), so it never outlives the parent. The child shares this test's stdout pipe, which only
// ends once the child has exited.
var common = require('../common');
var assert = require('assert');
var cp = require('child_process');

if (process.argv[2] === 'parent') {
  var child = cp.fork(__filename, ['child']);
  child.on('message', function(m) {
    console.log('child ready ' + m);
    process.exit(0);  // the child is still running
  });
  return;
}
if (process.argv[2] === 'child') {
  process.on('message', function() {});
  process.on('exit', function() { console.log('child exit'); });
  process.send(process.pid);
  return;
}

var parent = cp.spawn(process.execPath, [__filename, 'parent']);
var out = '';
parent.stdout.setEncoding('utf8');
parent.stdout.on('data', function(d) { out += d; });
parent.stderr.pipe(process.stderr);
parent.stdout.on('end', common.mustCall(function() {
  assert.ok(/^child ready \d+\nchild exit\n$/.test(out), JSON.stringify(out));
}));
