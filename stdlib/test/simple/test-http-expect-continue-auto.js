// Without a 'checkContinue' listener, a request with Expect: 100-continue is answered with
// "100 Continue" before 'request'; the client gets 'continue', then sends the body.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var server = http.createServer(common.mustCall(function(req, res) {
  assert.equal(req.headers.expect, '100-continue');
  var body = '';
  req.setEncoding('utf8');
  req.on('data', function(chunk) { body += chunk; });
  req.on('end', common.mustCall(function() {
    assert.equal(body, 'the body');
    res.writeHead(200, {'Content-Type': 'text/plain'});
    res.end('got ' + body);
  }));
}));

server.listen(common.PORT, function() {
  var req = http.request({
    port: server.address().port, method: 'POST', path: '/',
    headers: {'Expect': '100-continue'}
  });
  var gotContinue = false;
  // The head has gone out already (Expect sends it at once); the body waits for the 100.
  req.on('continue', common.mustCall(function() {
    gotContinue = true;
    req.end('the body');
  }));
  req.on('response', common.mustCall(function(res) {
    assert.ok(gotContinue);
    assert.equal(res.statusCode, 200);
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function(chunk) { body += chunk; });
    res.on('end', common.mustCall(function() {
      assert.equal(body, 'got the body');
      server.close();
    }));
  }));
});
