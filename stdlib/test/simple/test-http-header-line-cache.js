// A server's head lines are made once per (name, value) pair and reused: a reused line must
// carry what the first check found. Latin-1 values go out as one byte per character on every
// response, not only the first; a name seen before with a new value is checked again (a bad
// value throws even after the name was accepted); past the cache's size everything still goes
// out as given.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var count = 0;
var server = http.createServer(function(req, res) {
  count++;
  var headers = {'X-Latin': 'caf\u00e9', 'Content-Type': 'text/plain'};
  if (req.url === '/bad') {
    assert.throws(function() {
      res.writeHead(200, {'X-Latin': 'bad\r\nvalue'});
    }, function(e) { return e.code === 'ERR_INVALID_CHAR'; });
  }
  if (req.url === '/many') {
    for (var i = 0; i < 300; i++) headers['X-Many-' + i] = 'v' + i;
  }
  res.writeHead(200, headers);
  res.end('ok');
});

function get(path, callback) {
  var socket = net.connect(server.address().port, function() {
    socket.write('GET ' + path + ' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  var chunks = [];
  socket.on('data', function(d) { chunks.push(d.toString('binary')); });
  socket.on('end', function() { callback(chunks.join('')); });
}

server.listen(0, function() {
  get('/one', function(first) {
    get('/two', function(second) {
      [first, second].forEach(function(text) {
        assert.ok(text.indexOf('X-Latin: caf\u00e9\r\n') !== -1, JSON.stringify(text));
        assert.ok(text.indexOf('Content-Type: text/plain\r\n') !== -1);
      });
      get('/bad', function(third) {
        assert.ok(third.indexOf('X-Latin: caf\u00e9\r\n') !== -1);
        assert.strictEqual(third.indexOf('bad'), -1);
        get('/many', function(fourth) {
          for (var i = 0; i < 300; i++) {
            assert.ok(fourth.indexOf('X-Many-' + i + ': v' + i + '\r\n') !== -1, 'header ' + i);
          }
          get('/again', function(fifth) {
            assert.ok(fifth.indexOf('X-Latin: caf\u00e9\r\n') !== -1);
            server.close();
          });
        });
      });
    });
  });
});

process.on('exit', function() { assert.strictEqual(count, 5); });
