// net.markdown example 1: the js-value default options of net.createServer().
// adaptation: the literal becomes a check that a server made without options, and one made
// with exactly these options, behave alike (allowHalfOpen false: the server socket ends its
// side when the client ends).
var assert = require('assert');
var net = require('net');

var options = { allowHalfOpen: false
};

var pending = 2;
[net.createServer(), net.createServer(options)].forEach(function(server) {
  assert.strictEqual(server.allowHalfOpen, false);
  server.on('connection', function(socket) {
    assert.strictEqual(socket.allowHalfOpen, false);
  });
  server.listen(0, function() {
    var client = net.connect(server.address().port, function() { client.end(); });
    client.on('end', function() {  // The server ended its side on its own.
      server.close();
      pending--;
    });
  });
});
process.on('exit', function() { assert.strictEqual(pending, 0); });
