// child_processes.markdown example 10: sending a server handle to a forked child.
// adaptation: the child child.js is example 11 (child_processes-11.js); port 0 instead of 1337;
// the check connects to the port the child now also serves, then ends both processes.
var assert = require('assert');
var net = require('net');

var server = require('net').createServer();
var child = require('child_process').fork(__dirname + '/child_processes-11.js');
// Open up the server object and send the handle.
server.listen(0, function() {  // adaptation: was 1337
  child.send({ server: true }, server._handle);
  // check: connections are accepted (by the parent or the child), then stop both.
  var client = net.connect(server.address().port, function () {
    connected = true;
    client.end();
  });
  // Both stop once the connection has been served: one still waiting to be accepted when the
  // last listener goes away would be reset.
  client.on('close', function () {
    server.close();
    child.kill();
  });
});
var connected = false;
process.on('exit', function () { assert.ok(connected); });
