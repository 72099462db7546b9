// http.markdown example 6: writeHead with Content-Length and Content-Type.
// adaptation: `response` is the response of a local server started here; the example's lines
// run in its request listener, followed by response.end(body); a client checks the result.
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(request, response) {
  var body = 'hello world';
  response.writeHead(200, {
    'Content-Length': body.length,
    'Content-Type': 'text/plain' });
  response.end(body);  // adaptation: the body the Content-Length announces
});
var checked = false;
server.listen(0, function() {
  http.get({port: server.address().port, path: '/'}, function(res) {
    assert.strictEqual(res.statusCode, 200);
    assert.strictEqual(res.headers['content-length'], '11');
    assert.strictEqual(res.headers['content-type'], 'text/plain');
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function(chunk) { body += chunk; });
    res.on('end', function() {
      assert.strictEqual(body, 'hello world');
      checked = true;
      server.close();
    });
  });
});
process.on('exit', function() { assert.ok(checked); });
