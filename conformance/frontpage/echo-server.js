// The nodejs.org front page's second example, the TCP echo server, checked byte for byte.
var net = require('net');

var server = net.createServer(function (socket) {
  socket.write("Echo server\r\n");
  socket.pipe(socket);
});

// adaptation: port 0 instead of 1337, so parallel tests never collide; the real port is read back.
server.listen(0, "127.0.0.1");

// adaptation: a client started by the case exercises the server and checks the wire bytes.
var assert = require('assert');
server.on('listening', function() {
  var client = net.connect(server.address().port, '127.0.0.1');
  var received = '';
  client.setEncoding('binary');
  client.on('data', function(chunk) {
    received += chunk;
    if (received === 'Echo server\r\n') client.write('hello, echo\r\n\u00ff', 'binary');
    if (received === 'Echo server\r\nhello, echo\r\n\u00ff') client.end();
  });
  client.on('end', function() {
    assert.strictEqual(received, 'Echo server\r\nhello, echo\r\n\u00ff');
    server.close();
  });
});
process.on('exit', function() {
  console.log('echo server: bytes on the wire as expected');
});
