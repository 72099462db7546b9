// Head lines are cached per (name, value), numbers included (Content-Length is usually one),
// and a cached line keeps what it means to the response: a reused 'Connection: close' still
// closes the connection, a reused numeric Content-Length still counts as one (no chunking),
// and a reused 'Transfer-Encoding: chunked' still chunks. A value whose text may change (an
// object with toString) is never taken from the cache.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var calls = 0;
var changing = { toString: function() { return 'v' + (++calls); } };

var server = http.createServer(function(req, res) {
  if (req.url === '/length') {
    res.writeHead(200, {'Content-Length': 2, 'X-Changing': changing});
    res.end('ok');
  } else if (req.url === '/close') {
    res.writeHead(200, {'Connection': 'close', 'Content-Length': '2'});
    res.end('ok');
  } else {
    res.writeHead(200, {'Transfer-Encoding': 'chunked'});
    res.end('ok');
  }
});

// Sends `paths` over one keep-alive connection, pipelined; calls back with the whole reply text
// once the server ends the connection.
function exchange(paths, callback) {
  // One write, so that the server reads every request at once: what it does with requests
  // after a 'Connection: close' response does not depend on how the bytes arrive.
  var socket = net.connect(server.address().port, function() {
    socket.write(paths.map(function(path) {
      return 'GET ' + path + ' HTTP/1.1\r\nHost: x\r\n\r\n';
    }).join(''));
  });
  var text = '';
  socket.setEncoding('binary');
  socket.on('data', function(d) { text += d; });
  socket.on('end', function() { callback(text); });
  return socket;
}

server.listen(0, function() {
  // Twice the numeric Content-Length (the second from the cache), then 'Connection: close'
  // twice over two connections: each of those must end its connection.
  exchange(['/length', '/length', '/close'], function(text) {
    var heads = text.split('HTTP/1.1 200 OK\r\n').slice(1);
    assert.strictEqual(heads.length, 3);
    assert.ok(/^Content-Length: 2\r\nX-Changing: v1\r\n/.test(heads[0]), heads[0]);
    assert.ok(/^Content-Length: 2\r\nX-Changing: v2\r\n/.test(heads[1]), heads[1]);
    assert.strictEqual(heads[0].indexOf('Transfer-Encoding'), -1);
    assert.strictEqual(heads[1].indexOf('Transfer-Encoding'), -1);
    assert.ok(/^Connection: close\r\n/.test(heads[2]));
    exchange(['/close', '/length'], function(second) {
      // The cached 'Connection: close' closed it: the second request was not answered.
      assert.strictEqual(second.split('HTTP/1.1 200 OK').length, 2);
      var chunkedTwice = exchange(['/chunked', '/chunked'], function() {});
      var got = '';
      chunkedTwice.on('data', function(d) {
        got += d;
        if (got.split('2\r\nok\r\n0\r\n\r\n').length === 3) {
          assert.strictEqual(got.split('Transfer-Encoding: chunked\r\n').length, 3);
          chunkedTwice.destroy();
          server.close();
        }
      });
    });
  });
});
