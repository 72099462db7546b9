// The deprecated http.createClient(port, host) API: client.request([method], path, [headers])
// returns a ClientRequest; responses come through its 'response' event.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var server = http.createServer(function(req, res) {
  var body = '';
  req.on('data', function(d) { body += d; });
  req.on('end', function() {
    res.writeHead(200, {'Content-Type': 'text/plain'});
    res.end(req.method + ' ' + req.url + ' ' + req.headers['x-h'] + ' ' + body);
  });
});

server.listen(common.PORT, '127.0.0.1', function() {
  var client = http.createClient(server.address().port, '127.0.0.1');
  assert.ok(client instanceof require('events').EventEmitter);
  var req = client.request('POST', '/legacy', {'X-H': 'v'});
  assert.ok(req instanceof http.ClientRequest);
  req.on('response', common.mustCall(function(res) {
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function(d) { body += d; });
    res.on('end', common.mustCall(function() {
      assert.equal(body, 'POST /legacy v data');
      // The method defaults to GET.
      var req2 = client.request('/default');
      req2.on('response', common.mustCall(function(res) {
        var body = '';
        res.on('data', function(d) { body += d; });
        res.on('end', common.mustCall(function() {
          assert.equal(body, 'GET /default undefined ');
          server.close();
        }));
      }));
      req2.end();
    }));
  }));
  req.end('data');
});
