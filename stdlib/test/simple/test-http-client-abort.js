// req.abort() before a socket is assigned sends nothing; after a response started, it destroys
// the socket, the response gets 'aborted' and the server sees the connection close.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var requests = 0;
var server = http.createServer(function(req, res) {
  requests++;
  assert.equal(req.url, '/second');
  res.writeHead(200, {'Content-Type': 'text/plain'});
  res.write('part one');  // never ended: the client aborts
  req.on('close', common.mustCall(function() {
    assert.equal(requests, 1);
    server.close();
  }));
});

server.listen(common.PORT, function() {
  var port = server.address().port;
  // Aborted at once: no request reaches the server, no response, no error.
  var first = http.get({port: port, path: '/first', agent: false}, function() {
    assert.fail('aborted request got a response');
  });
  first.on('error', function(e) { assert.fail('aborted request got an error: ' + e); });
  first.abort();

  var second = http.get({port: port, path: '/second', agent: false},
                        common.mustCall(function(res) {
    res.on('aborted', common.mustCall(function() {}));
    res.once('data', common.mustCall(function(chunk) {
      assert.equal(chunk.toString(), 'part one');
      second.abort();
    }));
  }));
  second.on('error', function() {});  // the socket hang-up that abort() causes is expected
});
