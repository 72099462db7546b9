// HTTP (and TLS) servers listen with TCP_DEFER_ACCEPT: the kernel hands a connection over once its
// first bytes came, and the runtime reads them right after 'connection' instead of after the
// loop's next poll (tcp_wrap's setDeferAccept, net.js's listenOnHandle). What must hold:
//  - a request whose body is bigger than one read (the read at accept takes 64 KiB) arrives
//    whole and in order;
//  - pipelined requests in the first bytes are all answered, in order;
//  - a peer that connects and sends nothing is still accepted (after about a second) and
//    served once it speaks; one that connects and closes at once is accepted and closed;
//  - a 'connection' listener that pauses the socket holds the first read back until resume();
//  - the binding checks its argument and reports a handle without a socket.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');
var TCP = process.binding('tcp_wrap').TCP;

var pending = 5;
function done() {
  if (--pending === 0) console.log('ok');
}

// The binding.
assert.throws(function() { new TCP().setDeferAccept(-1); }, RangeError);
assert.throws(function() { new TCP().setDeferAccept('1'); }, TypeError);
var unbound = new TCP();
assert.ok(unbound.setDeferAccept(1) < 0, 'a handle with no socket yet refuses');
unbound.close();
var bound = new TCP();
assert.strictEqual(bound.bind('127.0.0.1', 0), 0);
assert.strictEqual(bound.setDeferAccept(0), 0);
assert.strictEqual(bound.setDeferAccept(1), 0);
bound.close();

// Collects what the server sends `client`, as text, for onEnd once the connection closes.
function collect(client, onEnd) {
  var got = '';
  client.setEncoding('utf8');
  client.on('data', function(d) { got += d; });
  client.on('close', function() { onEnd(got); });
  return client;
}

function rawRequest(port, text, onEnd) {
  var client = net.connect(port, '127.0.0.1', function() { client.end(text); });
  return collect(client, onEnd);
}

// 1. A body of 300,000 bytes written with the head.
var size = 300000;
var body = new Buffer(size);
for (var i = 0; i < size; i++) body[i] = (i * 7 + (i >> 8)) & 0xff;
var big = http.createServer(function(req, res) {
  var received = 0;
  var mismatch = -1;
  req.on('data', function(chunk) {
    for (var j = 0; j < chunk.length; j++) {
      if (mismatch < 0 && chunk[j] !== body[received + j]) mismatch = received + j;
    }
    received += chunk.length;
  });
  req.on('end', function() {
    assert.strictEqual(mismatch, -1, 'the body differs at byte ' + mismatch);
    res.end('got ' + received);
  });
});
big.listen(0, '127.0.0.1', function() {
  var client = net.connect(big.address().port, '127.0.0.1', function() {
    client.write('POST /big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n' +
                 'Content-Length: ' + size + '\r\n\r\n');
    client.end(body);
  });
  collect(client, function(got) {
    assert.ok(got.indexOf('got 300000') > 0, got);
    big.close();
    done();
  });
});

// 2. Three pipelined requests in one write.
var order = [];
var piped = http.createServer(function(req, res) {
  order.push(req.url);
  res.end('answer ' + req.url);
});
piped.listen(0, '127.0.0.1', function() {
  rawRequest(piped.address().port,
             'GET /1 HTTP/1.1\r\nHost: x\r\n\r\n' +
             'GET /2 HTTP/1.1\r\nHost: x\r\n\r\n' +
             'GET /3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', function(got) {
    assert.deepEqual(order, ['/1', '/2', '/3']);
    var a1 = got.indexOf('answer /1'), a2 = got.indexOf('answer /2'), a3 = got.indexOf('answer /3');
    assert.ok(a1 > 0 && a2 > a1 && a3 > a2, got);
    piped.close();
    done();
  });
});

// 3. A silent peer: accepted although it sends nothing, then served when it speaks.
var silentClient;
var silent = http.createServer(function(req, res) {
  assert.strictEqual(req.url, '/late');
  res.end('late ok');
});
silent.on('connection', function() {
  // Only now does the peer speak: the connection was accepted without any bytes.
  silentClient.write('GET /late HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
});
silent.listen(0, '127.0.0.1', function() {
  silentClient = collect(net.connect(silent.address().port, '127.0.0.1'), function(got) {
    assert.ok(got.indexOf('\r\n\r\n7\r\nlate ok\r\n') > 0, got);
    silent.close();
    done();
  });
});

// 4. A peer that connects and hangs up without a byte.
var hangup = http.createServer(function() { assert.fail('no request was sent'); });
hangup.on('connection', function(socket) {
  socket.on('close', function() {
    hangup.close();
    done();
  });
});
hangup.listen(0, '127.0.0.1', function() {
  var client = net.connect(hangup.address().port, '127.0.0.1', function() { client.end(); });
});

// 5. Paused in 'connection': the first read waits for resume().
var paused = false;
var pausing = http.createServer(function(req, res) {
  assert.strictEqual(paused, false, 'a request was read while the socket was paused');
  res.end('resumed ok');
});
pausing.on('connection', function(socket) {
  socket.pause();
  paused = true;
  setTimeout(function() {
    paused = false;
    socket.resume();
  }, 50);
});
pausing.listen(0, '127.0.0.1', function() {
  rawRequest(pausing.address().port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
             function(got) {
    assert.ok(got.indexOf('resumed ok') > 0, got);
    pausing.close();
    done();
  });
});

process.on('exit', function() {
  assert.strictEqual(pending, 0);
});
