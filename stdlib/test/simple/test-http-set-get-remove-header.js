// setHeader/getHeader/removeHeader build the implicit headers (names case-insensitive, the
// last set wins, arrays become repeated lines); once the head is sent they throw.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(common.mustCall(function(req, res) {
  res.setHeader('Content-Type', 'text/html');
  res.setHeader('X-Removed', 'gone');
  res.setHeader('Set-Cookie', ['type=ninja', 'language=javascript']);
  res.setHeader('X-Replaced', 'old');
  res.setHeader('x-replaced', 'new');
  assert.equal(res.getHeader('content-type'), 'text/html');
  assert.equal(res.getHeader('CONTENT-TYPE'), 'text/html');
  assert.deepEqual(res.getHeader('set-cookie'), ['type=ninja', 'language=javascript']);
  assert.equal(res.getHeader('x-replaced'), 'new');
  assert.strictEqual(res.getHeader('x-never-set'), undefined);
  res.removeHeader('X-REMOVED');
  assert.strictEqual(res.getHeader('x-removed'), undefined);
  res.removeHeader('x-not-there');  // not an error
  assert.throws(function() { res.setHeader('only-name'); }, Error);
  assert.throws(function() { res.getHeader(); }, Error);
  assert.throws(function() { res.removeHeader(); }, Error);
  res.statusCode = 404;

  res.write('body');  // implicit head: status 404 and the headers above
  assert.throws(function() { res.setHeader('X-Late', '1'); },
                /Can't set headers after they are sent/);
  assert.throws(function() { res.removeHeader('Content-Type'); },
                /Can't remove headers after they are sent/);
  res.end();
}));

server.listen(common.PORT, function() {
  var client = net.createConnection(server.address().port);
  var received = '';
  client.setEncoding('utf8');
  client.on('connect', function() {
    client.write('GET / HTTP/1.1\r\nConnection: close\r\n\r\n');
  });
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    // Names keep the case given in the last setHeader() for them.
    assert.equal(received,
                 'HTTP/1.1 404 Not Found\r\n' +
                 'Content-Type: text/html\r\n' +
                 'Set-Cookie: type=ninja\r\n' +
                 'Set-Cookie: language=javascript\r\n' +
                 'x-replaced: new\r\n' +
                 'Connection: close\r\n' +
                 'Transfer-Encoding: chunked\r\n\r\n' +
                 '4\r\nbody\r\n0\r\n\r\n');
    server.close();
  }));
});
