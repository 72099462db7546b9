// http.markdown example 16: opting out of pooling with agent: false.
// adaptation: port 80 is replaced by a local server started here; the case checks that the
// request went out with Connection: close and was not pooled.
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(req, res) {
  assert.strictEqual(req.headers.connection, 'close');
  res.writeHead(200, {'Content-Length': 2});
  res.end('ok');
  server.close();
});
var done = false;
server.listen(0, function() {
  var port = server.address().port;  // adaptation

http.get({host:'localhost', port:port, path:'/', agent:false}, function (res) {
  // Do stuff
  done = true;  // adaptation
})
  assert.strictEqual(http.globalAgent.sockets['localhost:' + port], undefined);  // adaptation
});
process.on('exit', function() { assert.ok(done); });
