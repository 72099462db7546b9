// A server that sends more than one response in a read must not crash the client or mix up its
// parsers: once a keep-alive response ends, the parser stops at once (the rest of the read never
// reaches it), the parser goes back to the free list once, and a socket with bytes after its
// response is closed instead of being reused.
var common = require('../common');
var assert = require('assert');
var net = require('net');
var http = require('http');

// Each case runs twice: with responses that keep the connection (Connection: keep-alive, the
// only way a v0.6.3 client keeps it) and with responses that do not.
var KA = '';
function one() { return 'HTTP/1.1 200 OK\r\n' + KA + 'Content-Length: 2\r\n\r\nok'; }

// Answers every request on a connection with `reply` (written once, in one piece).
function rawServer(reply, cb) {
  var server = net.createServer(function(socket) {
    socket.on('error', function() {});
    socket.once('data', function() { socket.write(reply); });
  });
  server.listen(common.PORT, '127.0.0.1', function() { cb(server.address().port); });
  return server;
}

function get(port, path, cb) {
  var req = http.get({ host: '127.0.0.1', port: port, path: path }, function(res) {
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function(d) { body += d; });
    res.on('end', function() { cb(null, res, body); });
  });
  req.on('error', function(err) { cb(err); });
  return req;
}

var steps = [];

// 1. Two responses in one packet.
steps.push(function(next) {
  var server = rawServer(one() + 'HTTP/1.1 200 OK\r\n' + KA + 'Content-Length: 2\r\n\r\nno', function(port) {
    var req = get(port, '/', common.mustCall(function(err, res, body) {
      assert.ifError(err);
      assert.strictEqual(body, 'ok');
    }));
    req.on('close', common.mustCall(function() {
      server.close();
      next();
    }));
  });
});

// 2. Junk after the body, then two requests at once to another server: each gets its own
// response.
steps.push(function(next) {
  var server = rawServer(one() + 'JUNK\r\n\r\nmore junk', function(port) {
    var req = get(port, '/', common.mustCall(function(err, res, body) {
      assert.ifError(err);
      assert.strictEqual(body, 'ok');
    }));
    req.on('close', common.mustCall(function() {
      server.close();
      setTimeout(function() { twoAtOnce(next); }, 10);
    }));
  });
});

function twoAtOnce(next) {
  var pending = {};
  var server = http.createServer(function(req, res) {
    // Both requests are answered only once both have arrived, so both are in flight together.
    pending[req.url] = res;
    if (pending['/a'] && pending['/b']) {
      Object.keys(pending).forEach(function(url) {
        pending[url].writeHead(200, { 'Content-Type': 'text/plain' });
        pending[url].end('body of ' + url);
      });
    }
  });
  server.listen(common.PORT, '127.0.0.1', function() {
    var port = server.address().port;
    var left = 2;
    ['/a', '/b'].forEach(function(path) {
      get(port, path, common.mustCall(function(err, res, body) {
        assert.ifError(err);
        assert.strictEqual(body, 'body of ' + path);
        if (--left === 0) {
          server.close();
          next();
        }
      }));
    });
  });
}

// 3. A keep-alive response followed by a second one, while another request waits for the
// socket (agent with one socket): the waiting request gets a fresh connection and its own
// response, never the extra one.
steps.push(function(next) {
  var connections = 0;
  var server = net.createServer(function(socket) {
    connections++;
    socket.on('error', function() {});
    var n = connections;
    socket.once('data', function() {
      socket.write('HTTP/1.1 200 OK\r\n' + KA + 'Content-Length: 7\r\n\r\nfirst ' + n +
                   'HTTP/1.1 200 OK\r\n' + KA + 'Content-Length: 5\r\n\r\nextra');
    });
  });
  server.listen(common.PORT, '127.0.0.1', function() {
    var port = server.address().port;
    var agent = new http.Agent({ maxSockets: 1 });
    var bodies = [];
    var left = 2;
    [1, 2].forEach(function() {
      var req = http.get({ host: '127.0.0.1', port: port, path: '/', agent: agent },
                         function(res) {
        var body = '';
        res.setEncoding('utf8');
        res.on('data', function(d) { body += d; });
        res.on('end', function() {
          bodies.push(body);
          if (--left === 0) {
            assert.deepEqual(bodies.sort(), ['first 1', 'first 2']);
            server.close();
            next();
          }
        });
      });
      req.on('error', function(e) { assert.fail(e, null, 'unexpected error ' + e); });
    });
  });
});

// 4. The parser binding: detach() stops a running parse after the callback, and a parser is
// never re-entered.
steps.push(function(next) {
  var HTTPParser = process.binding('http_parser').HTTPParser;
  var parser = new HTTPParser(HTTPParser.RESPONSE);
  parser.fastCallbacks();  // positional callbacks, as http.js's parsers
  var completes = 0;
  parser.onHeadersComplete = function() {
    assert.throws(function() { parser.execute(new Buffer('x')); }, /parsing/);
    assert.throws(function() { parser.finish(); }, /parsing/);
    assert.throws(function() { parser.reinitialize(HTTPParser.RESPONSE); }, /parsing/);
    return false;
  };
  parser.onBody = function() {};
  parser.onMessageComplete = function() {
    completes++;
    assert.strictEqual(parser.detach(), true);
    assert.strictEqual(parser.detach(), true);
  };
  var data = new Buffer(one() + one() + one());
  var ret = parser.execute(data, 0, data.length);
  assert.strictEqual(completes, 1);
  assert.strictEqual(typeof ret, 'number');
  assert.ok(ret > 0 && ret < data.length, 'stopped after the first response: ' + ret);
  assert.strictEqual(parser.detach(), false);
  // Detached: parses nothing until reinitialized.
  assert.ok(parser.execute(data, 0, data.length) instanceof Error);
  assert.strictEqual(completes, 1);
  parser.reinitialize(HTTPParser.RESPONSE);
  parser.onMessageComplete = function() { completes++; };
  assert.strictEqual(parser.execute(data, 0, data.length), data.length);
  assert.strictEqual(completes, 4);
  next();
});

var queue = steps.slice();
function run() {
  var step = queue.shift();
  if (step) return step(run);
  if (KA === '') {
    KA = 'Connection: keep-alive\r\n';
    queue = steps.slice();
    run();
  }
}
run();
