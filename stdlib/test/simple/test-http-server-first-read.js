// An HTTP server's connections announce their first read (net's readStart(true), for servers
// with _announceFirstRead): handle.onfirstread(nread) runs before the bytes go anywhere, and
// they then go to the parser it attached, natively. What must hold around that:
//  - a request whose head comes in several reads is parsed whole (only the first is announced);
//  - a server whose 'connection' listeners were replaced by a program's own gets every byte as
//    'data', the first read included (nothing took it over);
//  - a handle closed by the announcement drops the read, without a crash or a 'data' event;
//  - a plain net server's connections announce nothing (their handles have no onfirstread
//    called even when one is set).
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var pending = 4;
function done() {
  if (--pending === 0) console.log('ok');
}

function rawRequest(port, chunks, onData, onEnd) {
  var client = net.connect(port, '127.0.0.1', function() {
    var i = 0;
    (function next() {
      if (i === chunks.length) return;
      client.write(chunks[i++]);
      setTimeout(next, 20);
    })();
  });
  var got = '';
  client.setEncoding('utf8');
  client.on('data', function(d) {
    got += d;
    if (onData) onData(got, client);
  });
  client.on('error', function() {});
  client.on('close', function() { onEnd(got); });
}

// 1. A head split over reads.
var split = http.createServer(function(req, res) {
  assert.strictEqual(req.url, '/split');
  assert.strictEqual(req.headers['x-part'], 'two');
  res.end('split ok');
});
split.listen(0, '127.0.0.1', function() {
  rawRequest(split.address().port,
             ['GET /spl', 'it HTTP/1.1\r\nHost: x\r\nX-Pa', 'rt: two\r\nConnection: close\r\n\r\n'],
             null, function(got) {
    assert.ok(got.indexOf('\r\n\r\n8\r\nsplit ok\r\n') > 0, got);
    split.close();
    done();
  });
});

// 2. The program's own 'connection' listener: every byte as 'data'.
var own = http.createServer(function() { assert.fail('the http listener was removed'); });
own.removeAllListeners('connection');
own.on('connection', function(socket) {
  var bytes = '';
  socket.setEncoding('utf8');
  socket.on('data', function(d) {
    bytes += d;
    if (bytes === 'hello raw') socket.end('seen: ' + bytes);
  });
});
own.listen(0, '127.0.0.1', function() {
  rawRequest(own.address().port, ['hello raw'], null, function(got) {
    assert.strictEqual(got, 'seen: hello raw');
    own.close();
    done();
  });
});

// 3. Closed by the announcement.
var closing = http.createServer(function() { assert.fail('no request may be parsed'); });
var announced = 0;
closing.on('connection', function(socket) {
  socket.on('data', function() { assert.fail('no data may be delivered'); });
  socket._handle.onfirstread = function(nread) {
    assert.ok(nread > 0);
    announced++;
    socket.destroy();
  };
});
closing.listen(0, '127.0.0.1', function() {
  rawRequest(closing.address().port, ['GET / HTTP/1.1\r\nHost: x\r\n\r\n'], null, function(got) {
    assert.strictEqual(got, '');
    assert.strictEqual(announced, 1);
    closing.close();
    done();
  });
});

// 4. A net server: nothing announced.
var plain = net.createServer(function(socket) {
  socket._handle.onfirstread = function() { assert.fail('a net server announced a read'); };
  socket.on('data', function(d) { socket.end(d); });
});
plain.listen(0, '127.0.0.1', function() {
  rawRequest(plain.address().port, ['echo'], null, function(got) {
    assert.strictEqual(got, 'echo');
    plain.close();
    done();
  });
});

process.on('exit', function() {
  assert.strictEqual(pending, 0);
});
