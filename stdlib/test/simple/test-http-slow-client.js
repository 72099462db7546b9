// A client that never finishes its headers does not hold up anyone else.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('fast ' + req.url);
});

server.listen(0, '127.0.0.1', function() {
  var port = server.address().port;
  var slow = net.connect(port, '127.0.0.1', function() {
    slow.write('GET /slow HTTP/1.1\r\nHost: x\r\nX-Partial: ');  // ...and nothing more.
    http.get({ port: port, host: '127.0.0.1', path: '/a' }, common.mustCall(function(res) {
      var body = '';
      res.setEncoding('utf8');
      res.on('data', function(d) { body += d; });
      res.on('end', common.mustCall(function() {
        assert.equal(body, 'fast /a');
        slow.destroy();
        server.close();
      }));
    }));
  });
  slow.on('data', function() { throw new Error('the slow client must get no response'); });
});
