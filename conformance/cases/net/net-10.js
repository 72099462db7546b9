// net.markdown example 10: the js-value default options of new net.Socket().
// adaptation: the literal becomes a check that a socket made with exactly these options is a
// fresh, unconnected socket like new net.Socket(), and that both can connect and send.
var assert = require('assert');
var net = require('net');

var options = { fd: null,
  type: null,
  allowHalfOpen: false
};

var sockets = [new net.Socket(), new net.Socket(options)];
sockets.forEach(function(socket) {
  assert.equal(socket.allowHalfOpen, false);
  assert.equal(socket.readyState, 'closed');
  assert.equal(socket.readable, false);
  assert.equal(socket.writable, false);
});

var received = [];
var closed = false;
var server = net.createServer(function(c) {
  c.setEncoding('utf8');
  c.on('data', function(d) { received.push(d); });
  // Closed once: a second close() of a closed server throws 'Not running', as in v0.6.3.
  c.on('end', function() {
    if (received.length === 2 && !closed) {
      closed = true;
      server.close();
    }
  });
});
server.listen(0, function() {
  sockets.forEach(function(socket, i) {
    socket.connect(server.address().port, function() { socket.end('socket ' + i); });
  });
});
process.on('exit', function() {
  assert.deepEqual(received.sort(), ['socket 0', 'socket 1']);
});
