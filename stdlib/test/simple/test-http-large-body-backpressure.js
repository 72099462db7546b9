// A 4 MB response streamed with write() honouring its return value and 'drain', read by a
// client that pauses the response now and then: every byte arrives, in order.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var CHUNK = 64 * 1024;
var COUNT = 64;
var server = http.createServer(function(req, res) {
  res.writeHead(200, {'Content-Length': CHUNK * COUNT});
  var sent = 0;
  var drains = 0;
  res.on('drain', function() { drains++; });
  function send() {
    while (sent < COUNT) {
      var buffer = new Buffer(CHUNK);
      buffer.fill(sent & 0xff);
      sent++;
      if (!res.write(buffer)) {
        res.once('drain', send);
        return;
      }
    }
    res.end();
  }
  send();
});

server.listen(common.PORT, function() {
  http.get({port: server.address().port}, common.mustCall(function(res) {
    var received = 0;
    var pauses = 0;
    var paused = false;
    res.on('data', function(chunk) {
      assert.ok(!paused, 'data while paused');
      for (var i = 0; i < chunk.length; i += 4096) {
        assert.equal(chunk[i], Math.floor((received + i) / CHUNK) & 0xff);
      }
      received += chunk.length;
      if (pauses < 5 && received > pauses * CHUNK * 10) {
        pauses++;
        paused = true;
        res.pause();
        setTimeout(function() { paused = false; res.resume(); }, 5);
      }
    });
    res.on('end', common.mustCall(function() {
      assert.equal(received, CHUNK * COUNT);
      assert.equal(pauses, 5);
      server.close();
    }));
  }));
});
