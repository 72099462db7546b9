// A request listener that destroys the connection stops the parse of the read it came in:
// the requests pipelined after it in the same packet are not served (no 'request' for them,
// nothing written to a destroyed socket), and junk after them is never parsed.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var seen = [];
var server = http.createServer(function(req, res) {
  seen.push(req.url);
  if (req.url === '/1') req.connection.destroy();
  else res.end('x');
});
server.on('clientError', function(e) { assert.fail(e, null, 'no parse error: ' + e); });

server.listen(common.PORT, '127.0.0.1', function() {
  var client = net.connect(server.address().port, '127.0.0.1', function() {
    client.write('GET /0 HTTP/1.1\r\nHost: x\r\n\r\nGET /1 HTTP/1.1\r\nHost: x\r\n\r\n' +
                 'GET /2 HTTP/1.1\r\nHost: x\r\n\r\nGET /3 HTTP/1.1\r\n\r\nJUNK JUNK\r\n\r\n');
  });
  var text = '';
  client.setEncoding('utf8');
  client.on('data', function(d) { text += d; });
  client.on('error', function() {});
  client.on('close', common.mustCall(function() {
    assert.deepEqual(seen, ['/0', '/1']);
    server.close();
  }));
});
