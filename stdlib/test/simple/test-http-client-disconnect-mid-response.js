// The client goes away while the response is being written: the response emits 'close',
// later writes do not throw, and no socket is left open (the process exits after close()).
var common = require('../common');
var assert = require('assert');
var http = require('http');

var timer;
var server = http.createServer(function(req, res) {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.write('first chunk\n');
  res.on('close', common.mustCall(function() {
    // Writing after the peer left must not crash the server.
    res.write('after close\n');
    res.end();
    clearInterval(timer);
    server.close();
  }));
  timer = setInterval(function() { res.write('more\n'); }, 5);
});

server.listen(0, '127.0.0.1', function() {
  var req = http.get({ port: server.address().port, host: '127.0.0.1', path: '/' });
  req.on('response', common.mustCall(function(res) {
    res.once('data', common.mustCall(function(chunk) {
      assert.ok(/first chunk/.test(String(chunk)));
      req.abort();
    }));
  }));
  req.on('error', function() {});
});
