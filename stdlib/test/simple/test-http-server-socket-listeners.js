// An HTTP server's listeners on each connection: 'timeout', 'end', 'close', 'error' and 'drain',
// in that order, whether they are set as one table (a socket no one has listened to, nothing
// replaced) or one on() at a time. A program that replaced emit() or addListener() still sees
// every one of them announced or added, as in v0.6.3, and what a 'connection' listener adds comes
// after them. Each server is checked with a request that gets its response.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');
var events = require('events');

var expected = 'timeout,end,close,error,drain';

function check(name, setup, teardown, done) {
  var seen = null;
  var server = http.createServer(function(req, res) {
    res.end('ok');
  });
  server.on('connection', function(socket) {
    socket.on('end', function() {});
    seen = Object.keys(socket._events).join();
    // The server's own listeners are real ones: removing 'timeout' leaves the rest working.
    assert.strictEqual(socket.listeners('timeout').length, 1);
    assert.strictEqual(socket.listeners('end').length, 2);
  });
  setup();
  server.listen(0, '127.0.0.1', function() {
    http.get({ port: server.address().port, host: '127.0.0.1', path: '/' }, function(res) {
      var body = '';
      res.setEncoding('utf8');
      res.on('data', function(d) { body += d; });
      res.on('end', function() {
        assert.strictEqual(body, 'ok');
        assert.strictEqual(seen, expected, name);
        teardown();
        server.close();
        done();
      });
    });
  });
}

var announced = [];
var added = [];
var originalEmit = net.Socket.prototype.emit;
var originalAddListener = events.EventEmitter.prototype.addListener;

check('untouched', function() {}, function() {}, function() {
  // emit() replaced on net.Socket: every listener the server adds is announced.
  check('emit replaced', function() {
    net.Socket.prototype.emit = function(type, name) {
      if (type === 'newListener' && this.server) announced.push(name);
      return originalEmit.apply(this, arguments);
    };
  }, function() {
    net.Socket.prototype.emit = originalEmit;
  }, function() {
    assert.strictEqual(announced.slice(0, 5).join(), expected);
    // addListener() replaced on EventEmitter: every listener goes through it.
    check('addListener replaced', function() {
      events.EventEmitter.prototype.addListener = function(type) {
        if (this instanceof net.Socket && this.server) added.push(type);
        return originalAddListener.apply(this, arguments);
      };
    }, function() {
      events.EventEmitter.prototype.addListener = originalAddListener;
    }, function() {
      assert.strictEqual(added.slice(0, 5).join(), expected);
      console.log('ok');
    });
  });
});

process.on('exit', function() {
  assert.ok(announced.length >= 5);
  assert.ok(added.length >= 5);
});
