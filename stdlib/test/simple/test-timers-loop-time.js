// timer_wrap's loopTime[0] is the loop's time as binding.now() reads it, wherever JS runs: the
// main script, timer callbacks (also after the loop waited), nextTick callbacks, I/O callbacks
// (fs, a socket's connect and reads, a server's connection), after updateTime(), and it does
// not move while JS runs (the loop's time does not either). timers.js and http.js read it
// instead of calling now().
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var net = require('net');
var binding = process.binding('timer_wrap');

var checks = 0;
function check(where) {
  checks++;
  assert.strictEqual(binding.loopTime[0], binding.now(), where);
}

check('main script');
var start = binding.loopTime[0];

setTimeout(common.mustCall(function() {
  check('timer');
  assert.ok(binding.loopTime[0] >= start + 30, 'the loop waited for the timer');
  var before = binding.loopTime[0];
  // 25 ms of Date.now(): at least 24 ms on the loop's millisecond clock, so 20 ms whatever the
  // two clocks' rounding.
  var until = Date.now() + 25;
  while (Date.now() < until) {}
  check('after a busy wait');
  assert.strictEqual(binding.loopTime[0], before);
  binding.updateTime();
  check('after updateTime');
  assert.ok(binding.loopTime[0] >= before + 20);
  process.nextTick(common.mustCall(function() { check('nextTick'); }));
  fs.stat(__filename, common.mustCall(function() {
    check('fs callback');
    var server = net.createServer(common.mustCall(function(socket) {
      check('connection');
      socket.on('data', common.mustCall(function() {
        check('socket read');
        socket.end();
      }));
    }));
    server.listen(0, '127.0.0.1', common.mustCall(function() {
      check('listening');
      var client = net.connect(server.address().port, '127.0.0.1', common.mustCall(function() {
        check('connect');
        setTimeout(function() { client.write('x'); }, 15);
      }));
      client.on('end', common.mustCall(function() {
        check('end');
        server.close();
      }));
    }));
  }));
}), 30);

process.on('exit', function() {
  assert.strictEqual(checks, 11);
});
