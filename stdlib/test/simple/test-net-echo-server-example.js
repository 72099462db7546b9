var common = require('../common');
var assert = require('assert');
var net = require('net');

// The front-page echo server: a greeting, then every byte echoed back, checked byte-for-byte.
var server = net.createServer(function(socket) {
  socket.write('Echo server\r\n');
  socket.pipe(socket);
});

var payload = new Buffer(256);
for (var i = 0; i < 256; i++) payload[i] = i;

server.listen(common.PORT, '127.0.0.1', common.mustCall(function() {
  var chunks = [];
  var client = net.connect(server.address().port, '127.0.0.1', common.mustCall(function() {
    client.write('hello\r\n');
    client.write(payload);
    client.end();
  }));
  client.on('data', function(data) {
    assert.ok(Buffer.isBuffer(data));
    chunks.push(data.toString('binary'));
  });
  client.on('end', common.mustCall(function() {
    var expected = 'Echo server\r\nhello\r\n' + payload.toString('binary');
    assert.strictEqual(chunks.join(''), expected);
    server.close();
  }));
}));
