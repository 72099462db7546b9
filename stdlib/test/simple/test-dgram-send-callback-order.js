// A send's callback comes before the process receives the datagram, however the send was
// reached. v0.6 sent from the loop's poll for I/O and called back there, so a datagram to a
// socket of the same process was read on a later poll. node-statsd 0.0.5's suite asserts it
// ("should send proper gauge format with ... callback"): its mocha starts a test from a tick,
// and a send made in the loop's prepare pass had its datagram delivered by the poll before the
// callback's tick ran. A callback that throws loses neither the message nor the callbacks
// after it.
var common = require('../common');
var assert = require('assert');
var dgram = require('dgram');
var fs = require('fs');

var server = dgram.createSocket('udp4');
var client = dgram.createSocket('udp4');
var payload = new Buffer('x');

// Ways to reach send(): each is a function that calls its argument later.
var ways = [
  ['at once', function(f) { f(); }],
  ['from a tick', function(f) { process.nextTick(f); }],
  ['from a chain of ticks', function(f) {
    process.nextTick(function() {
      process.nextTick(function() {
        process.nextTick(f);
      });
    });
  }],
  ['from a timer', function(f) { setTimeout(f, 0); }],
  ['from a tick of a timer', function(f) {
    setTimeout(function() { process.nextTick(f); }, 0);
  }],
  ['from an fs callback', function(f) { fs.stat(__filename, function() { f(); }); }],
  ['from a tick of an fs callback', function(f) {
    fs.stat(__filename, function() { process.nextTick(f); });
  }]
];

var next = 0;
var calledBack = null;
var current = null;
var seen = [];

server.on('message', function(msg) {
  if (current === 'throwing') return checkThrowing(msg);
  assert.strictEqual(msg.toString(), 'x');
  assert.strictEqual(calledBack, true, 'the callback of the send ' + current +
                     ' came after its datagram was received');
  seen.push(current);
  runNext();
});

function runNext() {
  if (next === ways.length) return startThrowing();
  var way = ways[next++];
  current = way[0];
  calledBack = false;
  // Each way starts from inside the 'message' listener of the one before, itself an I/O
  // callback, and the first from 'listening'.
  way[1](function() {
    client.send(payload, 0, 1, server.address().port, '127.0.0.1', function(err, bytes) {
      assert.strictEqual(err, null);
      assert.strictEqual(bytes, 1);
      assert.strictEqual(calledBack, false);
      calledBack = true;
    });
  });
}

// Two sends in one tick; the first one's callback throws. The second's still runs, and the
// datagrams are still received, both of them.
var order = [];
function startThrowing() {
  current = 'throwing';
  process.on('uncaughtException', function(err) {
    assert.strictEqual(err.message, 'from the first callback');
    order.push('uncaught');
  });
  process.nextTick(function() {
    var port = server.address().port;
    client.send(new Buffer('1'), 0, 1, port, '127.0.0.1', function() {
      order.push('callback 1');
      throw new Error('from the first callback');
    });
    client.send(new Buffer('2'), 0, 1, port, '127.0.0.1', function() {
      order.push('callback 2');
    });
  });
}

function checkThrowing(msg) {
  order.push('message ' + msg);
  if (msg.toString() === '2') {
    server.close();
    client.close();
  }
}

// Nothing lost when a callback throws: both callbacks in order, both messages in order, each
// callback before its own datagram is read (the second may come after the first message: the
// exception ended the pass that was running the callbacks).
function checkOrder() {
  var events = order.filter(function(e) { return e !== 'uncaught'; });
  assert.deepEqual(events.filter(function(e) { return /^callback/.test(e); }),
                   ['callback 1', 'callback 2']);
  assert.deepEqual(events.filter(function(e) { return /^message/.test(e); }),
                   ['message 1', 'message 2']);
  assert.ok(events.indexOf('callback 1') < events.indexOf('message 1'), events.join());
  assert.ok(events.indexOf('callback 2') < events.indexOf('message 2'), events.join());
  assert.strictEqual(order.length - events.length, 1);  // one uncaught exception
}

server.on('listening', common.mustCall(runNext));
server.bind(0, '127.0.0.1');

process.on('exit', function() {
  assert.deepEqual(seen, ways.map(function(w) { return w[0]; }));
  checkOrder();
});
