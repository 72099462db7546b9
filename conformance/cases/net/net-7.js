// net.markdown example 7: example 6's client connecting over a Unix socket.
// adaptation: the one-line fragment is completed with example 6's client and example 4's Unix
// socket echo server, at a path under TEST_TMPDIR instead of /tmp/echo.sock.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

var net = require('net');
// The scratch directory's own path can exceed the 107 bytes a socket path may have, so the
// case works inside it with a relative path.
process.chdir(process.env.TEST_TMPDIR || '/tmp');
var sockPath = 'echo-' + process.pid + '.sock';
var server = net.createServer(function(c) {
  c.on('end', function() { server.close(); });
  c.write('hello\r\n');
  c.pipe(c);
});
server.listen(sockPath, function() {
  var client = net.connect(sockPath, function() { //'connect' listener
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

process.on('exit', function() {
  assert.equal(logged[0], 'client connected');
  assert.equal(logged[logged.length - 1], 'client disconnected');
  var data = logged.slice(1, -1).join('');
  assert.equal(data.indexOf('hello\r\n'), 0);
  assert.ok('hello\r\nworld!\r\n'.indexOf(data) === 0, JSON.stringify(data));
});
