// An Agent with maxSockets = 5 opens at most 5 connections to a host: 10 concurrent requests
// queue in agent.requests, and each finished response hands its socket to a waiting request.
var common = require('../common');
var assert = require('assert');
var http = require('http');

var agent = new http.Agent({maxSockets: 5});
assert.equal(agent.maxSockets, 5);
var connections = 0;
var open = 0;
var maxOpen = 0;
var pending = [];

var seen = 0;
var server = http.createServer(function(req, res) {
  // The first five responses are held back a while, so the other five requests must queue.
  seen++;
  if (seen > 5) return res.end(req.url);
  pending.push([req.url, res]);
  if (seen === 5) {
    setTimeout(function() {
      pending.forEach(function(p) { p[1].end(p[0]); });
    }, 20);
  }
});

server.on('connection', function(socket) {
  connections++;
  open++;
  maxOpen = Math.max(maxOpen, open);
  socket.on('close', function() { open--; });
});

server.listen(common.PORT, function() {
  var port = server.address().port;
  var done = 0;
  var bodies = [];
  for (var i = 0; i < 10; i++) {
    http.get({port: port, path: '/' + i, agent: agent}, common.mustCall(function(res) {
      var body = '';
      res.setEncoding('utf8');
      res.on('data', function(d) { body += d; });
      res.on('end', function() {
        bodies.push(body);
        if (++done === 10) finish(bodies);
      });
    }));
  }
  var name = 'localhost:' + port;
  assert.equal(agent.sockets[name].length, 5);
  assert.equal(agent.requests[name].length, 5);
});

function finish(bodies) {
  bodies.sort();
  assert.deepEqual(bodies, ['/0', '/1', '/2', '/3', '/4', '/5', '/6', '/7', '/8', '/9']);
  assert.ok(maxOpen <= 5, 'at most 5 connections at once, saw ' + maxOpen);
  // Queued requests reused the five sockets rather than opening new ones.
  assert.equal(connections, 5);
  server.close();
}
