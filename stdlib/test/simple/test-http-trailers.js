// Trailers: addTrailers() on a chunked response reaches the client's res.trailers after 'end';
// trailers of a chunked request reach req.trailers. HTTP/1.0 responses drop them.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  var body = '';
  req.setEncoding('utf8');
  req.on('data', function(chunk) { body += chunk; });
  req.on('end', function() {
    res.writeHead(200, {'Content-Type': 'text/plain', 'Trailer': 'Content-MD5'});
    res.write('echo:' + body);
    res.addTrailers({'Content-MD5': '7895bf4b8828b55ceaf47747b4bca667',
                     'X-Request-Trailer': req.trailers['x-checksum'] || 'none'});
    res.end();
  });
});

server.listen(common.PORT, function() {
  var port = server.address().port;
  // A chunked request with a trailer, sent raw; the response's trailer is checked on the wire.
  var client = net.createConnection(port);
  var received = '';
  client.setEncoding('utf8');
  client.on('connect', function() {
    client.write('POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n' +
                 'Connection: close\r\n\r\n5\r\nhello\r\n0\r\nX-Checksum: abc\r\n\r\n');
  });
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    assert.equal(received,
                 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTrailer: Content-MD5\r\n' +
                 'Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n' +
                 'a\r\necho:hello\r\n' +
                 '0\r\nContent-MD5: 7895bf4b8828b55ceaf47747b4bca667\r\n' +
                 'X-Request-Trailer: abc\r\n\r\n');
    viaClient();
  }));

  // Through http.request: trailers are empty until 'end', then populated.
  function viaClient() {
    var req = http.request({port: port, method: 'POST', path: '/'}, common.mustCall(function(res) {
      assert.deepEqual(res.trailers, {});
      var body = '';
      res.setEncoding('utf8');
      res.on('data', function(chunk) { body += chunk; });
      res.on('end', common.mustCall(function() {
        assert.equal(body, 'echo:streamed');
        assert.equal(res.trailers['content-md5'], '7895bf4b8828b55ceaf47747b4bca667');
        assert.equal(res.trailers['x-request-trailer'], 'none');
        http10();
      }));
    }));
    req.write('stream');
    req.end('ed');
  }

  // HTTP/1.0: no chunked encoding, so the trailers are silently discarded.
  function http10() {
    var client = net.createConnection(port);
    var received = '';
    client.setEncoding('utf8');
    client.on('connect', function() {
      client.write('POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\nhi');
    });
    client.on('data', function(chunk) { received += chunk; });
    client.on('end', common.mustCall(function() {
      assert.equal(received, 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n' +
                   'Trailer: Content-MD5\r\nConnection: close\r\n\r\necho:hi');
      server.close();
    }));
  }
});
