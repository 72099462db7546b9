var common = require('../common');
var assert = require('assert');
var net = require('net');

// With allowHalfOpen the server socket stays writable after the client's FIN and can still
// answer; the client reads the answer, then the server's own end().
var server = net.createServer({ allowHalfOpen: true }, common.mustCall(function(socket) {
  var got = '';
  socket.setEncoding('utf8');
  socket.on('data', function(d) { got += d; });
  socket.on('end', common.mustCall(function() {
    assert.strictEqual(socket.readyState, 'writeOnly');
    assert.strictEqual(socket.writable, true);
    setTimeout(function() {
      socket.write('late reply to ' + got);
      socket.end();
    }, 10);
  }));
  socket.on('close', common.mustCall(function() { server.close(); }));
}));

server.listen(0, function() {
  var reply = '';
  var client = net.connect(server.address().port, function() {
    client.end('question');
  });
  client.setEncoding('utf8');
  client.on('data', function(d) { reply += d; });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(reply, 'late reply to question');
  }));
});
