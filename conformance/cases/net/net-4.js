// net.markdown example 4: the echo server of example 2 listening on a Unix socket.
// adaptation: the one-line fragment is completed with example 2's server; the path is under
// the test's scratch directory (TEST_TMPDIR) instead of /tmp/echo.sock, and a client (in place
// of `nc -U`) checks the echo.
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
var server = net.createServer(function(c) { //'connection' listener
  console.log('server connected');
  c.on('end', function() {
    console.log('server disconnected');
    server.close();
  });
  c.write('hello\r\n');
  c.pipe(c);
});

server.listen(sockPath, function() { //'listening' listener
  console.log('server bound');
  var got = '';
  var client = net.connect(sockPath, function() { client.end('from nc\n'); });
  client.on('data', function(d) { got += d; });
  client.on('end', function() { assert.equal(got, 'hello\r\nfrom nc\n'); });
});

process.on('exit', function() {
  assert.deepEqual(logged, ['server bound', 'server connected', 'server disconnected']);
});
