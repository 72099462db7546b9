// write() on a response or request that has ended neither throws nor emits 'error', and sends
// nothing: v0.6.3 put the data in the message's buffer, which nothing flushed after end(). Old
// code writes late (http-proxy 0.8 writes an error page from a socket 'error' after the
// response ended) and ran on. The next response on the same keep-alive connection is intact.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(req, res) {
  res.on('error', function(err) { assert.fail('response error: ' + err.message); });
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 4 });
  res.end(req.url === '/1' ? 'one!' : 'two!');
  assert.strictEqual(res.write('late'), false);
  process.nextTick(function() {
    assert.strictEqual(res.write(new Buffer('later')), false);
    assert.strictEqual(res.end('end again'), false);
  });
});

server.listen(common.PORT, function() {
  var agent = new http.Agent({ maxSockets: 1 });
  var port = server.address().port;
  var bodies = [];
  var sockets = [];
  function get(path) {
    var req = http.get({ port: port, path: path, agent: agent, headers: { Connection: 'keep-alive' } },
                       common.mustCall(function(res) {
      sockets.push(res.connection);
      var body = '';
      res.setEncoding('utf8');
      res.on('data', function(d) { body += d; });
      res.on('end', function() {
        bodies.push(body);
        if (bodies.length === 2) {
          assert.deepEqual(bodies, ['one!', 'two!']);
          assert.strictEqual(sockets[0], sockets[1]);
          server.close();
        }
      });
    }));
    req.on('error', function(err) { assert.fail('request error: ' + err.message); });
    // The request has ended (http.get ends it): a late write is dropped the same way.
    assert.strictEqual(req.write('late'), false);
  }
  // Both queue on the one socket: the second goes out after the first response.
  get('/1');
  get('/2');
});
