// A peer on fork()'s IPC channel that sends a message that never ends (no newline) cannot make
// the other side hold it without bound: past 64 M characters the channel closes and the child
// object emits 'error' with code ERR_IPC_MESSAGE_TOO_LONG, then 'disconnect'. The child here
// writes 65 MB of 'x' straight to its end of the channel (not with send(), which ends lines).
var common = require('../common');
var assert = require('assert');
var child_process = require('child_process');

if (process.argv[2] === 'child') {
  var MB = new Array(1024 * 1024 + 1).join('x');
  var pipe = process._channel.pipe;
  // writeInfo[1] says whether the last write was queued (oncomplete follows) or went out at
  // once (no oncomplete): with a large socket buffer 1 MB can go out synchronously.
  var writeInfo = process.binding('tcp_wrap').writeInfo;
  var written = 0;
  function writeOne() {
    if (written === 65 || process._channel === null) return;
    written++;
    var req = { oncomplete: function(status) { if (status === 0) writeOne(); } };
    if (pipe.writeUtf8String(req, MB) !== 0) return;
    if (writeInfo[1] !== 1) setTimeout(writeOne, 0);
  }
  process.send({ hello: 'parent' });
  writeOne();
  return;
}

var child = child_process.fork(__filename, ['child']);
// A normal message still works first.
child.on('message', common.mustCall(function(m) {
  assert.deepEqual(m, { hello: 'parent' });
}));
var errors = [];
child.on('error', function(err) { errors.push(err); });
child.on('disconnect', common.mustCall(function() {}));
// The child's 'exit' can arrive before the parent has read what the child left in the socket
// buffer (how much that is depends on the machine), so the outcome is checked when this process
// is done with every event.
child.on('exit', common.mustCall(function() {}));
process.on('exit', function() {
  assert.strictEqual(errors.length, 1);
  assert.strictEqual(errors[0].code, 'ERR_IPC_MESSAGE_TOO_LONG');
  assert.ok(/longer than 67108864 characters/.test(errors[0].message), errors[0].message);
  assert.strictEqual(child._channel, null);
});
