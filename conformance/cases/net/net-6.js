// net.markdown example 6: a client of the echo server of example 2.
// adaptation: the case first starts example 2's server (on port 0 instead of 8124) and
// connects to its port; console.log lines are recorded (still printed) for the check.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

var net = require('net');
var server = net.createServer(function(c) {
  c.on('end', function() { server.close(); });
  c.write('hello\r\n');
  c.pipe(c);
});
server.listen(0, function() {
  var port = server.address().port;

  var net = require('net');
  var client = net.connect(port, function() { //'connect' listener
    console.log('client connected');
    client.write('world!\r\n');
  });
  client.on('data', function(data) {
    console.log(data.toString());
    client.end();
  });
  client.on('end', function() {
    console.log('client disconnected');
  });
});

// check: connected first, disconnected last, and the data logged in between is the greeting
// followed by (all or part of) the echo, however TCP split it.
process.on('exit', function() {
  assert.equal(logged[0], 'client connected');
  assert.equal(logged[logged.length - 1], 'client disconnected');
  var data = logged.slice(1, -1).join('');
  assert.equal(data.indexOf('hello\r\n'), 0);
  assert.ok('hello\r\nworld!\r\n'.indexOf(data) === 0, JSON.stringify(data));
});
