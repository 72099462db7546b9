// A debugger client that sends requests and never reads the replies cannot make the agent
// (--debug) queue them without bound: past the agent's limit (8 MB waiting to be written) the
// client is dropped, and the program keeps running. The figures come from the agent's own
// counter, process._debugAgentStats(), not from the process's memory size.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var spawn = require('child_process').spawn;

if (process.argv[2] === 'child') {
  // The debuggee: reports once the agent has dropped the client, then exits on its own. (The
  // agent serves the client while JS runs too, so the drop may come before this line does.)
  var stats = process._debugAgentStats();
  assert.ok(stats.dropped === 0 || stats.dropped === 1, JSON.stringify(stats));
  var timer = setInterval(function() {
    stats = process._debugAgentStats();
    if (stats.dropped > 0 && !stats.connected) {
      clearInterval(timer);
      console.log(JSON.stringify(stats));
    }
  }, 5);
  return;
}

// A Request { seq, evaluate { expression } } as protobuf, with its 4-byte length prefix.
function varint(n) {
  var bytes = [];
  while (n > 127) { bytes.push((n & 127) | 128); n = Math.floor(n / 128); }
  bytes.push(n);
  return bytes;
}
function field(number, payload) {  // a length-delimited field
  return [(number << 3) | 2].concat(varint(payload.length), payload);
}
function request(seq, expression) {
  var body = [0x08].concat(varint(seq), field(8, field(1, Array.prototype.slice.call(
      new Buffer(expression, 'utf8')))));
  var length = body.length;
  return new Buffer([length >>> 24, (length >>> 16) & 255, (length >>> 8) & 255, length & 255]
      .concat(body));
}

// Each reply carries a 256 KB string.
var EXPR = "new Array(256 * 1024 + 1).join('y')";

var child = spawn(process.execPath, ['--debug=0', __filename, 'child']);
var stderr = '';
var stdout = '';
var client = null;
var sent = 0;
var childExited = false;
child.stdout.setEncoding('utf8');
child.stdout.on('data', function(d) { stdout += d; });
child.stderr.setEncoding('utf8');
child.stderr.on('data', function(d) {
  stderr += d;
  var m = /debugger listening on port (\d+)/.exec(stderr);
  if (m && client === null) connect(+m[1]);
});

function connect(port) {
  client = net.connect(port, '127.0.0.1', function() {
    client.pause();  // Never read a reply.
    sendMore();
  });
  client.on('error', function() {});  // The agent hangs up on us: expected.
  client.on('close', function() { client.closed = true; });
}

// Keep asking until the agent hangs up (with backpressure on our own side).
function sendMore() {
  if (client.closed || childExited) return;
  var ok = true;
  for (var i = 0; i < 8 && ok; i++) ok = client.write(request(++sent, EXPR));
  if (ok) setTimeout(sendMore, 1);
  else client.once('drain', sendMore);
}

child.on('exit', common.mustCall(function(code, signal) {
  childExited = true;
  if (client) client.destroy();
  assert.strictEqual(signal, null, stderr);
  assert.strictEqual(code, 0, stderr);
  var stats = JSON.parse(stdout);
  assert.strictEqual(stats.dropped, 1);
  assert.strictEqual(stats.limit, 8 * 1024 * 1024);
  // One reply (256 KB and a little) may go past the limit before the check drops the client.
  assert.ok(stats.maxQueuedBytes > stats.limit, JSON.stringify(stats));
  assert.ok(stats.maxQueuedBytes <= stats.limit + 512 * 1024, JSON.stringify(stats));
  assert.strictEqual(stats.queuedBytes, 0);
}));
