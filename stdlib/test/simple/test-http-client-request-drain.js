// ClientRequest re-emits its socket's 'drain', so a stream piped into a request goes on
// after write() returned false.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var Stream = require('stream');

var total = 0;
var server = http.createServer(function(req, res) {
  req.on('data', function(d) { total += d.length; });
  req.on('end', function() {
    res.end(String(total));
  });
});
server.listen(0, function() {
  var req = http.request({ port: server.address().port, method: 'POST', path: '/' },
                         function(res) {
    var body = '';
    res.on('data', function(d) { body += d; });
    res.on('end', common.mustCall(function() {
      assert.strictEqual(body, String(chunks * size));
      server.close();
    }));
  });
  // The socket's 'drain' reaches the request.
  req.on('socket', function(socket) {
    socket.once('connect', function() {
      socket.emit('drain');
    });
  });
  req.once('drain', common.mustCall(function() {}));

  // A source that honours pause()/resume(), piped into the request.
  var size = 64 * 1024, chunks = 64, sent = 0, paused = false;
  var source = new Stream();
  source.readable = true;
  source.pause = function() { paused = true; };
  source.resume = function() {
    paused = false;
    process.nextTick(pump);
  };
  function pump() {
    while (!paused && sent < chunks) {
      sent++;
      source.emit('data', new Buffer(size));
    }
    if (sent === chunks && !source.ended) {
      source.ended = true;
      source.emit('end');
    }
  }
  source.pipe(req);
  process.nextTick(pump);
});
