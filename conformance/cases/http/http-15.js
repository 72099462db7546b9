// http.markdown example 15: taking a request's socket out of the agent's pool with the
// "agentRemove" event.
// adaptation: `options` point at a local server started here; the case checks that the socket
// leaves http.globalAgent.sockets at once and that the request still completes.
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(req, res) {
  res.writeHead(200, {'Content-Length': 2});
  res.end('ok');
});
var done = false;
server.listen(0, function() {
  var options = {port: server.address().port, path: '/'};  // adaptation
  var name = 'localhost:' + options.port;

http.get(options, function(res) {
  // Do stuff
  res.on('end', function() {  // adaptation: the check
    done = true;
    res.socket.end();
    server.close();
  });
}).on("socket", function (socket) {
  socket.emit("agentRemove");
  assert.strictEqual(http.globalAgent.sockets[name].length, 0);  // adaptation
});
});
process.on('exit', function() { assert.ok(done); });
