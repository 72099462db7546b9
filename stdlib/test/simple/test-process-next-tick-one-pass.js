var common = require('../common');
var assert = require('assert');
var net = require('net');

// v0.6.3: one pass runs only the callbacks queued before it began; a nextTick queued during the
// pass runs on the next turn of the loop, after timers and I/O. A nextTick that keeps
// re-queueing itself therefore cannot starve a timer that is due, nor a socket.

// Within one pass: a, b (queued before), then c (queued by a) only in a later pass.
var order = [];
process.nextTick(function() {
  order.push('a');
  process.nextTick(function() { order.push('c'); });
});
process.nextTick(function() { order.push('b'); });

// A timer already due when the loop starts must fire after a few spins, not never.
var timerFired = false;
setTimeout(function() { timerFired = true; }, 0);
var start = Date.now();
while (Date.now() - start < 3) {}  // the timer is due by the time the loop first looks
var spins = 0;
process.nextTick(function spin() {
  if (timerFired) return;
  spins++;
  // Before the fix this never stopped; a bounded count makes it fail instead of hanging.
  assert.ok(spins < 1000, 'a re-queueing nextTick starved a due timer');
  process.nextTick(spin);
});

// Sockets make progress while a nextTick spins: a connection and an echo complete.
var echoed = false;
var server = net.createServer(function(socket) { socket.pipe(socket); });
server.listen(common.PORT, '127.0.0.1', function() {
  var client = net.connect(server.address().port, '127.0.0.1');
  client.setEncoding('utf8');
  client.write('ping');
  client.on('data', function(data) {
    assert.equal(data, 'ping');
    echoed = true;
    client.end();
    server.close();
  });
});
process.nextTick(function ioSpin() {
  if (!echoed) process.nextTick(ioSpin);
});

process.on('exit', function() {
  assert.deepEqual(order, ['a', 'b', 'c']);
  assert.ok(timerFired);
  assert.ok(echoed);
});
