// http.markdown example 8: response.setHeader("Content-Type", "text/html").
// adaptation: `response` is the response of a local server started here; the example's line
// runs in its request listener, followed by response.end(); a client checks the header.
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(request, response) {
  response.setHeader("Content-Type", "text/html");
  response.end();  // adaptation
});
var checked = false;
server.listen(0, function() {
  http.get({port: server.address().port, path: '/'}, function(res) {
    assert.strictEqual(res.headers['content-type'], 'text/html');
    checked = true;
    server.close();
  });
});
process.on('exit', function() { assert.ok(checked); });
