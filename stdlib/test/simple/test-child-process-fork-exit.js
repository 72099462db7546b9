// A forked child that does not listen for messages exits by itself once done; everything it
// sent arrives before the parent's 'exit', the channel then closes ('disconnect'), send()
// throws, and the parent exits by itself. A child that listens stays until it is killed. A
// server sent to a child that does not listen is closed there, not left to keep it alive.
var common = require('../common');
var assert = require('assert');
var fork = require('child_process').fork;

if (process.argv[2] === 'sender') {
  for (var i = 0; i < 3; i++) process.send({ n: i });
  process.send('x'.repeat(300000));  // still being written when the script ends
  return;
}
if (process.argv[2] === 'deaf') {
  setTimeout(function() {}, 300);
  return;
}
if (process.argv[2] === 'listener') {
  process.on('message', function() {});
  process.send('listening');
  return;
}

var sender = fork(__filename, ['sender']);
var got = [];
sender.on('message', function(m) { got.push(m); });
sender.on('disconnect', common.mustCall(function() {}));
sender.on('exit', common.mustCall(function(code, signal) {
  assert.strictEqual(code, 0);
  assert.strictEqual(signal, null);
  assert.deepEqual(got.slice(0, 3), [{ n: 0 }, { n: 1 }, { n: 2 }]);
  assert.strictEqual(got[3].length, 300000);
  assert.strictEqual(got.length, 4);
  assert.throws(function() { sender.send({ late: true }); }, function(e) {
    return e instanceof Error && e.code === 'ERR_IPC_CHANNEL_CLOSED' && /channel closed/.test(e.message);
  });
}));

var deaf = fork(__filename, ['deaf']);
var server = require('net').createServer().listen(common.PORT, '127.0.0.1', function() {
  deaf.send('a server', server);
  server.close();
});
deaf.on('exit', common.mustCall(function(code) {
  assert.strictEqual(code, 0);
}));

var listener = fork(__filename, ['listener']);
var killedAt = 0;
listener.on('message', common.mustCall(function(m) {
  assert.strictEqual(m, 'listening');
  // Still alive a while later: its channel keeps it running.
  setTimeout(function() {
    assert.strictEqual(listener.exitCode, null);
    killedAt = Date.now();
    assert.strictEqual(listener.kill(), true);
  }, 200);
}));
listener.on('exit', common.mustCall(function(code, signal) {
  assert.ok(killedAt > 0);
  assert.strictEqual(signal, 'SIGTERM');
  assert.throws(function() { listener.send('late'); }, /channel closed/);
}));
