// With a 'checkContinue' listener, 'request' is not emitted for Expect: 100-continue; the
// listener decides: writeContinue() lets the body come, or a final response refuses it.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  assert.fail('request must not be emitted');
});
server.on('checkContinue', common.mustCall(function(req, res) {
  if (req.url === '/refuse') {
    res.writeHead(417, {'Content-Length': 0});
    res.end();
    return;
  }
  res.writeContinue();
  var body = '';
  req.setEncoding('utf8');
  req.on('data', function(chunk) { body += chunk; });
  req.on('end', function() {
    res.writeHead(200, {'Content-Length': body.length});
    res.end(body);
  });
}, 2));

server.listen(common.PORT, function() {
  var port = server.address().port;
  // Accepted: the client sees the 100 first and sends the body after it.
  var client = net.createConnection(port);
  var received = '';
  client.setEncoding('utf8');
  client.on('connect', function() {
    client.write('PUT /accept HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n');
  });
  var sentBody = false;
  client.on('data', function(chunk) {
    received += chunk;
    if (!sentBody && received === 'HTTP/1.1 100 Continue\r\n\r\n') {
      sentBody = true;
      client.write('data');
    } else if (/data$/.test(received)) {
      client.end();
    }
  });
  client.on('close', common.mustCall(function() {
    assert.ok(sentBody);
    assert.equal(received, 'HTTP/1.1 100 Continue\r\n\r\n' +
                 'HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: keep-alive\r\n\r\ndata');
    refused();
  }));

  // Refused: a final status without any 100 Continue, and the client never sends the body.
  function refused() {
    var req = http.request({port: port, method: 'PUT', path: '/refuse',
                            headers: {'Expect': '100-continue'}});
    req.on('continue', function() { assert.fail('no 100 expected'); });
    req.on('response', common.mustCall(function(res) {
      assert.equal(res.statusCode, 417);
      res.on('end', common.mustCall(function() { server.close(); }));
    }));
  }
});
