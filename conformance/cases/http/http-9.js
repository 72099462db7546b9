// http.markdown example 9: setHeader with an array sends the header once per value.
// adaptation: `response` is the response of a local server started here; the example's line
// runs in its request listener, followed by response.end(); a client checks the cookies.
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(request, response) {
  response.setHeader("Set-Cookie", ["type=ninja", "language=javascript"]);
  response.end();  // adaptation
});
var checked = false;
server.listen(0, function() {
  http.get({port: server.address().port, path: '/'}, function(res) {
    assert.deepEqual(res.headers['set-cookie'], ['type=ninja', 'language=javascript']);
    checked = true;
    server.close();
  });
});
process.on('exit', function() { assert.ok(checked); });
