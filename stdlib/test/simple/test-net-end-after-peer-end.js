// A half-open server answers a peer that has ended: socket.end(data) once the peer's FIN came
// closes the socket in the same turn, so its last write is held for the FIN (net.js's end(),
// StreamWrap::HoldNextWrite). The answer must arrive whole, in order after what was written
// before it, then the end of the stream; with several sockets at once, each gets its own.
var common = require('../common');
var assert = require('assert');
var net = require('net');

var clients = 5;
var served = 0;
var server = net.createServer({allowHalfOpen: true}, function(socket) {
  var request = '';
  socket.setEncoding('utf8');
  socket.on('data', function(d) { request += d; });
  socket.on('end', function() {
    socket.write('you said: ');
    socket.end(request.toUpperCase(), 'utf8');
    served++;
  });
});

server.listen(0, '127.0.0.1', function() {
  var left = clients;
  for (var i = 0; i < clients; i++) (function(i) {
    var said = 'hello number ' + i + ' ' + new Array(200 * i + 1).join('x');
    var got = '';
    var client = net.connect(server.address().port, '127.0.0.1', function() {
      client.end(said);
    });
    client.setEncoding('utf8');
    client.on('data', function(d) { got += d; });
    client.on('end', function() {
      assert.strictEqual(got, 'you said: ' + said.toUpperCase());
      if (--left === 0) {
        assert.strictEqual(served, clients);
        server.close();
        console.log('ok');
      }
    });
  })(i);
});
