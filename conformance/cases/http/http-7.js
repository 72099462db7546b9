// http.markdown example 7: response.statusCode = 404 with implicit headers.
// adaptation: `response` is the response of a local server started here; the example's line
// runs in its request listener, followed by response.end(); a client checks the status.
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(request, response) {
  response.statusCode = 404;
  response.end();  // adaptation: sends the implicit head
  assert.strictEqual(response.statusCode, 404);  // still the status that was sent
});
var checked = false;
server.listen(0, function() {
  http.get({port: server.address().port, path: '/'}, function(res) {
    assert.strictEqual(res.statusCode, 404);
    checked = true;
    server.close();
  });
});
process.on('exit', function() { assert.ok(checked); });
