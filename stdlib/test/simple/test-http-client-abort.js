// req.abort() before a socket is assigned sends nothing and emits 'close' (once, on a later tick,
// whether the request waited in its agent's queue or for its own connection); after a response
// started, it destroys the socket, the response gets 'aborted' and the server sees the
// connection close.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var requests = 0;
var server = http.createServer(function(req, res) {
  if (req.url === '/held') return;  // keeps an agent's only socket busy until the client aborts
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
  var firstClosed = false;
  first.on('close', common.mustCall(function() { firstClosed = true; }));
  first.abort();
  first.abort();  // twice: still one 'close'
  assert.ok(!firstClosed, "'close' comes on a later tick");

  // Queued in an agent with no socket free: it leaves the queue and closes.
  var agent = new http.Agent({ maxSockets: 1 });
  var holder = http.get({port: port, path: '/held', agent: agent});
  holder.on('error', function() {});
  var queued = http.get({port: port, path: '/queued', agent: agent}, function() {
    assert.fail('aborted request got a response');
  });
  queued.on('error', function(e) { assert.fail('aborted request got an error: ' + e); });
  queued.on('close', common.mustCall(function() {
    assert.strictEqual(Object.keys(agent.requests).length, 0);
    holder.abort();
  }));
  queued.abort();

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
