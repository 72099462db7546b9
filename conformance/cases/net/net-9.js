// net.markdown example 9: server.address() of a server on a random port.
// adaptation: console.log lines are recorded (still printed); a client reads the server's
// "goodbye\n" and then the server is closed so the case ends.
var assert = require('assert');
var net = require('net');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

var server = net.createServer(function (socket) {
  socket.end("goodbye\n");
});

// grab a random port.
server.listen(function() {
  address = server.address();
  console.log("opened server on %j", address);

  // adaptation: the client.
  var got = '';
  var client = net.connect(address.port, function() {});
  client.on('data', function(d) { got += d; });
  client.on('end', function() {
    assert.equal(got, 'goodbye\n');
    server.close();
  });
});

process.on('exit', function() {
  assert.equal(logged.length, 1);
  assert.ok(/^opened server on \{"address":"0\.0\.0\.0","port":[1-9][0-9]*\}$/.test(logged[0]),
            logged[0]);
});
