// Bad input to send() and to the IPC parts of pipe_wrap throws clear errors; nothing crashes,
// and the channel goes on working afterwards.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var path = require('path');
var fork = require('child_process').fork;
var Pipe = process.binding('pipe_wrap').Pipe;
var TCP = process.binding('tcp_wrap').TCP;

if (process.argv[2] === 'garbage') {
  // A line that is not JSON, written straight to the channel (fd 3), then a good one.
  require('fs').writeSync(3, 'not json\n{"after":1}\n');
  return;
}

// A peer's line that is not JSON is an 'error' of the channel; the next line still arrives.
var garbage = fork(__filename, ['garbage']);
garbage.on('error', common.mustCall(function(e) {
  assert.strictEqual(e.code, 'ERR_IPC_BAD_MESSAGE');
}));
garbage.on('message', common.mustCall(function(m) {
  assert.deepEqual(m, { after: 1 });
}));

var child = fork(path.join(common.fixturesDir, 'fork-echo.js'));

function throwsType(fn, pattern) {
  assert.throws(fn, function(e) { return e instanceof TypeError && pattern.test(e.message); });
}

// Messages that are not JSON.
throwsType(function() { child.send(undefined); }, /serializable as JSON/);
throwsType(function() { child.send(function() {}); }, /serializable as JSON/);
throwsType(function() { child.send(); }, /serializable as JSON/);
var circular = {};
circular.self = circular;
assert.throws(function() { child.send(circular); }, TypeError);
assert.throws(function() { child.send({ n: BigInt(1) }); }, TypeError);

// Things that are not handles.
throwsType(function() { child.send('x', {}); }, /sendHandle must be/);
throwsType(function() { child.send('x', 42); }, /sendHandle must be/);
throwsType(function() { child.send('x', 'handle'); }, /sendHandle must be/);
throwsType(function() { child.send('x', process.stdout); }, /sendHandle must be/);
assert.throws(function() { child.send('x', net.createServer()); }, /not listening/);
assert.throws(function() { child.send('x', new net.Socket()); }, /closed/);
var closed = new TCP();
closed.close();
throwsType(function() { child.send('x', closed); }, /open TCP or Pipe handle/);

// The native methods, called directly.
var plain = new Pipe();
throwsType(function() { plain.writeWithHandle({}, 'x', new TCP()); }, /not an IPC channel/);
throwsType(function() { plain.pendingHandleType(); }, /not an IPC channel/);
throwsType(function() { plain.acceptPending(); }, /not an IPC channel/);
plain.close();
throwsType(function() { Pipe.prototype.pendingHandleType.call(new TCP()); }, /Illegal invocation/);
throwsType(function() { Pipe.prototype.acceptPending.call({}); }, /Illegal invocation/);
var ipc = new Pipe(true);
assert.strictEqual(ipc.pendingHandleType(), null);
assert.ok(ipc.acceptPending() < 0);  // nothing pending
throwsType(function() { ipc.writeWithHandle(null, 'x', new TCP()); }, /req/);
throwsType(function() { ipc.writeWithHandle({}, 42, new TCP()); }, /string/);
throwsType(function() { ipc.writeWithHandle({}, 'x', {}); }, /open TCP or Pipe/);
throwsType(function() { ipc.writeWithHandle({}, 'x', ipc.constructor); }, /open TCP or Pipe/);
throwsType(function() { ipc.writeWithHandle({}, '', new TCP()); }, /at least one byte/);
// A handle without a descriptor, or a channel that is not open: error codes, not crashes.
assert.ok(ipc.writeWithHandle({}, 'x', new TCP()) < 0);
var bound = new TCP();
assert.strictEqual(bound.bind('127.0.0.1', 0), 0);
assert.ok(ipc.writeWithHandle({}, 'x', bound) < 0);
bound.close();
ipc.close();
throwsType(function() { ipc.pendingHandleType(); }, /closed/);

// The channel still works.
child.on('message', function(m) {
  if (m.ready) return child.send({ still: 'working' });
  assert.deepEqual(m, { still: 'working' });
  child.kill();
});
child.on('exit', common.mustCall(function() {
  assert.throws(function() { child.send('x'); }, /channel closed/);
  assert.throws(function() { child.send('x', {}); }, /channel closed/);
}));
