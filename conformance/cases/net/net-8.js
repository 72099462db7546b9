// net.markdown example 8: retrying a listen that failed with EADDRINUSE.
// adaptation: a first server holds a free port (PORT, HOST below) so that `server` gets
// EADDRINUSE; the holder closes as soon as the retry message is printed, so the retry a
// second later succeeds. console.log lines are recorded (still printed) for the check.
var assert = require('assert');
var net = require('net');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
  if (arguments[0] === 'Address in use, retrying...') holder.close();
};

var HOST = '127.0.0.1';
var PORT;
var server = net.createServer();
var holder = net.createServer();
holder.listen(0, HOST, function() {
  PORT = holder.address().port;

  server.on('error', function (e) {
    if (e.code == 'EADDRINUSE') {
      console.log('Address in use, retrying...');
      setTimeout(function () {
        server.close();
        server.listen(PORT, HOST);
      }, 1000);
    }
  });

  server.listen(PORT, HOST);
  server.on('listening', function() {
    assert.equal(server.address().port, PORT);
    server.close();
  });
});

process.on('exit', function() {
  assert.deepEqual(logged, ['Address in use, retrying...']);
});
