// net.markdown example 2: an echo server that greets with 'hello'.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

var net = require('net');
var server = net.createServer(function(c) { //'connection' listener
  console.log('server connected');
  c.on('end', function() {
    console.log('server disconnected');
    server.close();  // adaptation: close the server so the case ends.
  });
  c.write('hello\r\n');
  c.pipe(c);
});
// adaptation: port 0 (any free port) instead of 8124.
server.listen(0, function() { //'listening' listener
  console.log('server bound');
  // adaptation: in place of `telnet localhost 8124`, a client sends a line and checks it
  // gets the greeting and its line back.
  var got = '';
  var client = require('net').connect(server.address().port, function() {
    client.write('typed in telnet\r\n');
  });
  client.setEncoding('utf8');
  client.on('data', function(d) {
    got += d;
    if (got === 'hello\r\ntyped in telnet\r\n') client.end();
  });
  process.on('exit', function() { assert.equal(got, 'hello\r\ntyped in telnet\r\n'); });
});

process.on('exit', function() {
  assert.deepEqual(logged, ['server bound', 'server connected', 'server disconnected']);
});
