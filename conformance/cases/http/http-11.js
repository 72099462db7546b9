// http.markdown example 11: removeHeader drops a header queued for implicit sending.
// adaptation: `response` is the response of a local server started here, with a
// Content-Encoding queued first so there is something to remove; a client checks it is gone.
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(request, response) {
  response.setHeader('Content-Encoding', 'gzip');  // adaptation
  response.setHeader('X-Kept', 'yes');             // adaptation
  response.removeHeader("Content-Encoding");
  response.end();  // adaptation
});
var checked = false;
server.listen(0, function() {
  http.get({port: server.address().port, path: '/'}, function(res) {
    assert.strictEqual(res.headers['content-encoding'], undefined);
    assert.strictEqual(res.headers['x-kept'], 'yes');
    checked = true;
    server.close();
  });
});
process.on('exit', function() { assert.ok(checked); });
