// A request body streams in as 'data' events; while the request is paused no 'data' (or 'end')
// is emitted, and after resume() everything held back comes in order.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var CHUNK = new Array(1025).join('x');  // 1 KB
var COUNT = 256;                          // 256 KB in all

var server = http.createServer(common.mustCall(function(req, res) {
  var received = 0;
  var paused = false;
  var pauses = 0;
  req.on('data', function(chunk) {
    assert.ok(!paused, 'data while paused');
    assert.ok(Buffer.isBuffer(chunk));
    received += chunk.length;
    if (pauses < 3) {
      pauses++;
      paused = true;
      req.pause();
      setTimeout(function() {
        paused = false;
        req.resume();
      }, 10);
    }
  });
  req.on('end', common.mustCall(function() {
    assert.ok(!paused, 'end while paused');
    assert.equal(pauses, 3);
    assert.equal(received, CHUNK.length * COUNT);
    res.writeHead(200, {'Content-Type': 'text/plain'});
    res.end(String(received));
  }));
}));

server.listen(common.PORT, function() {
  var req = http.request({port: server.address().port, method: 'POST', path: '/upload'});
  for (var i = 0; i < COUNT; i++) req.write(CHUNK);
  req.end();
  req.on('response', common.mustCall(function(res) {
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function(chunk) { body += chunk; });
    res.on('end', common.mustCall(function() {
      assert.equal(body, String(CHUNK.length * COUNT));
      server.close();
    }));
  }));
});
