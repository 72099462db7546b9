// A stream's reads go through a chain of native listeners: the newest takes the data, and what
// it does not take (EOF) goes on down to JS. Here a socket echoes itself natively (a pipe, one
// listener); an HTTP parser that consumes it goes on top and takes the bytes (none is echoed);
// once it unconsumes, the pipe below echoes again; the client's end still reaches JS as 'end'.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var HTTPParser = process.binding('http_parser').HTTPParser;

var parser = new HTTPParser(HTTPParser.REQUEST);

parser.fastCallbacks();  // positional callbacks, as http.js's parsers
var client;
var echoed = '';

var server = net.createServer(common.mustCall(function(socket) {
  socket.pipe(socket);
  var handle = socket._handle;
  assert.strictEqual(handle.pipingTo(), handle, 'piped natively');
  parser.consume(handle);
  // A consumed stream is not piped natively over its consumer.
  assert.ok(handle.pipeTo(handle) < 0);
  assert.strictEqual(handle.pipingTo(), handle, 'the pipe below is still there');
  parser.onHeadersComplete = common.mustCall(function(headers, method, url) {
    assert.strictEqual(url, '/parsed');
    parser.unconsume();
    client.write('echo me');
  });
  socket.on('end', common.mustCall(function() {
    server.close();
  }));
}));

server.listen(0, '127.0.0.1', function() {
  client = net.connect(server.address().port, '127.0.0.1', function() {
    client.write('GET /parsed HTTP/1.1\r\nHost: a\r\n\r\n');
  });
  client.setEncoding('utf8');
  client.on('data', function(s) {
    echoed += s;
    if (echoed === 'echo me') client.end();
  });
  client.on('close', common.mustCall(function() {
    assert.strictEqual(echoed, 'echo me');
  }));
});
