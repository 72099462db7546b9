// A server's header names come lower-cased (A-Z only: the token characters '^', '_' and '`'
// beside them, digits and the rest stay as sent), also when a name arrives in pieces over
// several reads.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
var name = 'X-^_`|~' + upper + '09-' + upper.toLowerCase();
var server = http.createServer(function(req, res) {
  var keys = Object.keys(req.headers);
  assert.deepEqual(keys, ['host', name.toLowerCase(), 'x-split-name', 'connection']);
  assert.strictEqual(name.toLowerCase(), 'x-^_`|~' + upper.toLowerCase() + '09-' + upper.toLowerCase());
  assert.strictEqual(req.headers['x-split-name'], 'two');
  res.end('ok');
  server.close();
});
server.listen(0, '127.0.0.1', function() {
  var chunks = ['GET / HTTP/1.1\r\nHost: x\r\n' + name + ': one\r\nX-Sp', 'lIt-N',
                'AME: two\r\nConnection: close\r\n\r\n'];
  var client = net.connect(server.address().port, '127.0.0.1', function() {
    (function next() {
      if (chunks.length === 0) return;
      client.write(chunks.shift());
      setTimeout(next, 20);
    })();
  });
  var got = '';
  client.setEncoding('utf8');
  client.on('data', function(d) { got += d; });
  client.on('end', function() {
    assert.ok(/^HTTP\/1\.1 200 OK/.test(got), got);
    console.log('ok');
  });
});
