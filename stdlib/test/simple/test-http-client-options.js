// http.request options: host/hostname (hostname preferred), port, path, method, headers, auth
// (Basic Authorization unless one is given); Host is sent with the port when not 80.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var expected = [];
var server = http.createServer(function(req, res) {
  var check = expected.shift();
  check(req);
  req.on('end', function() {
    res.writeHead(200, {'Content-Length': 2});
    res.end('ok');
  });
});

server.listen(common.PORT, '127.0.0.1', function() {
  var port = server.address().port;
  var steps = [
    function() {
      expected.push(common.mustCall(function(req) {
        assert.equal(req.method, 'DELETE');
        assert.equal(req.url, '/thing?page=12');
        assert.equal(req.headers.host, '127.0.0.1:' + port);
        assert.equal(req.headers['x-custom'], 'Custom');
        assert.equal(req.headers.authorization,
                     'Basic ' + new Buffer('user:pass').toString('base64'));
        assert.equal(req.headers.connection, 'keep-alive');
      }));
      return http.request({host: '127.0.0.1', port: port, path: '/thing?page=12',
                           method: 'delete', headers: {'X-Custom': 'Custom'},
                           auth: 'user:pass'});
    },
    function() {
      expected.push(common.mustCall(function(req) {
        // hostname wins over host; method defaults to GET, path to '/'.
        assert.equal(req.method, 'GET');
        assert.equal(req.url, '/');
        assert.equal(req.headers.host, '127.0.0.1:' + port);
        assert.equal(req.headers.authorization, 'Bearer mine');
      }));
      return http.request({hostname: '127.0.0.1', host: 'no.such.host.invalid', port: port,
                           auth: 'ignored:here', headers: {'Authorization': 'Bearer mine'}});
    },
    function() {
      expected.push(common.mustCall(function(req) {
        assert.equal(req.headers.host, 'example.org');  // an explicit Host is kept
      }));
      return http.request({host: '127.0.0.1', port: port, headers: {'Host': 'example.org'}});
    },
    function() {
      expected.push(common.mustCall(function(req) {
        assert.equal(req.method, 'GET');
        assert.equal(req.url, '/via-get');
      }));
      // http.get ends the request itself.
      return http.get({host: '127.0.0.1', port: port, path: '/via-get', method: 'POST'});
    }
  ];
  function next() {
    var step = steps.shift();
    if (!step) return server.close();
    var req = step();
    req.on('response', common.mustCall(function(res) {
      assert.equal(res.statusCode, 200);
      res.on('end', next);
    }));
    req.end();
  }
  next();
});
