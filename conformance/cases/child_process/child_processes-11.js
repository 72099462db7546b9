// child_processes.markdown example 11: the child (child.js) of example 10, listening on the
// server handle its parent sends.
// adaptation: run on its own (no parent channel), the case forks itself, sends it a listening
// server's handle and checks a connection succeeds; as the child it is the documented program.
var assert = require('assert');
if (!process.send) {
  var net = require('net');
  var server = net.createServer();
  var child = require('child_process').fork(__filename);
  var connected = false;
  server.listen(0, function () {
    var port = server.address().port;
    child.send({ server: true }, server._handle);
    server.close();  // only the child serves now
    setTimeout(function () {
      var client = net.connect(port, function () {
        connected = true;
        client.end();
      });
      // Killed only once the child has served the connection: a connection still waiting
      // to be accepted when the last listener goes away would be reset.
      client.on('close', function () { child.kill(); });
    }, 100);
  });
  process.on('exit', function () { assert.ok(connected); });
  return;
}

process.on('message', function(m, serverHandle) {
  if (serverHandle) {
    var server = require('net').createServer();
    server.listen(serverHandle);
  }
});
