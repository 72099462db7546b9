// A client that disconnects while its request is being answered: the request gets 'aborted'
// then 'close' (no 'end': the body was cut short), then the response gets 'close'; writing to
// it after that does not crash the server, and the server goes on serving.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  if (req.url === '/after') {
    res.writeHead(200, {'Content-Length': 5});
    return res.end('after');
  }
  var events = [];
  req.on('data', function(chunk) { events.push('data'); });
  req.on('end', function() { events.push('end'); });
  req.on('aborted', common.mustCall(function() { events.push('aborted'); }));
  req.on('close', common.mustCall(function() {
    events.push('close');
  }));
  res.on('close', common.mustCall(function() {
    assert.deepEqual(events.slice(-2), ['aborted', 'close']);
    assert.ok(events.indexOf('end') === -1, 'end must not follow a half-received body');
    // Writing to the dead connection is harmless.
    res.write('too late');
    res.end();
    http.get({port: server.address().port, path: '/after'}, common.mustCall(function(res) {
      var body = '';
      res.on('data', function(d) { body += d; });
      res.on('end', function() {
        assert.equal(body, 'after');
        server.close();
      });
    }));
  }));
  res.writeHead(200, {'Content-Type': 'text/plain'});
  res.write('started');
});

server.listen(common.PORT, function() {
  var client = net.createConnection(server.address().port);
  client.on('connect', function() {
    // Half of a 100-byte body, then gone.
    client.write('POST /upload HTTP/1.1\r\nContent-Length: 100\r\n\r\n' +
                 new Array(51).join('x'));
  });
  client.once('data', function() { client.destroy(); });
});
