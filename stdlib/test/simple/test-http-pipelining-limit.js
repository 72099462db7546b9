// A client that pipelines many requests and does not read the responses cannot make the server
// queue requests or buffer responses without limit: the server stops reading the connection
// while too many requests wait for their responses, or too much response data waits to be
// written, and reads again as they drain. Every request is still answered, in order.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var COUNT = 2000;
var PAD = 'p';
var REQUEST_BYTES = 0;

function requests() {
  var parts = [];
  for (var i = 0; i < COUNT; i++) {
    parts.push('GET /' + i + ' HTTP/1.1\r\nHost: x\r\nX-Pad: ' + PAD + '\r\n\r\n');
  }
  var text = parts.join('');
  REQUEST_BYTES = text.length;
  return text;
}

// Runs one case: `respond(req, res, state)` answers. The client writes every request at once
// and reads nothing until the server has stopped reading, or has read everything (a failure,
// unless `mayReadAll`).
function run(name, respond, check, next, mayReadAll) {
  var state = { maxPending: 0, maxBuffered: 0, received: 0, serverSocket: null };
  var server = http.createServer(function(req, res) {
    var socket = req.connection;
    state.serverSocket = socket;
    state.received++;
    state.maxPending = Math.max(state.maxPending, socket._httpIncoming.length);
    respond(req, res, state);
    state.maxBuffered = Math.max(state.maxBuffered, socket.bufferSize);
  });
  server.listen(common.PORT, '127.0.0.1', function() {
    var client = net.connect(server.address().port, '127.0.0.1', function() {
      client.pause();
      client.write(requests());
    });
    var text = '';
    client.setEncoding('binary');
    client.on('data', function(d) { text += d; });
    var watch = setInterval(function() {
      var s = state.serverSocket;
      if (state.received === COUNT && !mayReadAll) {
        clearInterval(watch);
        assert.fail(name + ': the server read all ' + COUNT + ' requests without pausing');
      }
      if (s && ((s._paused && s._httpHeld) || state.received === COUNT)) {
        clearInterval(watch);
        check(state);
        if (state.release) state.release();
        client.resume();
        client.end();
      }
    }, 5);
    client.on('end', common.mustCall(function() {
      // Every response, in order.
      var bodies = text.match(/\r\n\r\n(\d+) done/g) || [];
      assert.strictEqual(bodies.length, COUNT, name + ': responses ' + bodies.length);
      for (var i = 0; i < COUNT; i++) {
        if (bodies[i] !== '\r\n\r\n' + i + ' done') assert.fail(name + ': response ' + i);
      }
      assert.strictEqual(state.received, COUNT);
      server.close();
      next();
    }));
  });
}

// 1. Responses held back by the application: requests may not pile up.
function held(next) {
  var waiting = [];
  var now = false;
  run('held responses', function(req, res, state) {
    if (now) return answer(req, res);
    waiting.push([req, res]);
    state.release = function() {
      // From now on requests are answered at once, the waiting ones first.
      state.release = null;
      now = true;
      waiting.forEach(function(p) { answer(p[0], p[1]); });
      waiting = null;
    };
  }, function(state) {
    // The limit and the request that went past it: the parser stops there, whatever else the
    // read it was in holds.
    assert.ok(state.maxPending <= 33, 'pending requests: ' + state.maxPending);
    assert.ok(state.received < COUNT);
  }, next);
}

// 2. Responses answered at once, 16 KB each, to a client that does not read: the response
// data waiting to be written in the process stays bounded. (Whether the server has to stop
// reading depends on how much the kernel's socket buffers take; with buffers big enough for
// all 32 MB it never needs to, and nothing waits.)
function big(next) {
  var body = new Array(16 * 1024 - 16).join('b');
  run('big responses', function(req, res) {
    answer(req, res, body);
  }, function(state) {
    assert.ok(state.maxBuffered <= 1024 * 1024, 'buffered: ' + state.maxBuffered);
  }, next, true);
}

function answer(req, res, extra) {
  var text = req.url.slice(1) + ' done' + (extra || '');
  res.writeHead(200, { 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

// 3. The binding: pause() from a callback stops the parse there; what follows (and whatever
// comes before resume()) is kept in order and parsed by resume(); a parse error in it goes to
// onError.
function binding() {
  var HTTPParser = process.binding('http_parser').HTTPParser;
  var parser = new HTTPParser(HTTPParser.REQUEST);
  parser.fastCallbacks();  // positional callbacks, as http.js's parsers
  var urls = [];
  var errors = [];
  var pauseAt = '/a';
  parser.onHeadersComplete = function(headers, method, url) { urls.push(url); return false; };
  parser.onBody = function() {};
  parser.onMessageComplete = function() {
    if (urls[urls.length - 1] === pauseAt) parser.pause();
  };
  parser.onError = function(e) { errors.push(e.code); };
  var one = new Buffer('GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\nGET /c HT');
  var two = new Buffer('TP/1.1\r\n\r\nGET /d HTTP/1.1\r\n\r\n');
  assert.strictEqual(parser.execute(one, 0, one.length), one.length);
  assert.deepEqual(urls, ['/a']);
  assert.strictEqual(parser.execute(two, 0, two.length), two.length);
  assert.strictEqual(parser.finish(), undefined);
  assert.deepEqual(urls, ['/a']);
  pauseAt = '/c';
  parser.resume();
  assert.deepEqual(urls, ['/a', '/b', '/c']);
  var junk = new Buffer('NOT HTTP AT ALL\r\n\r\n');
  assert.strictEqual(parser.execute(junk, 0, junk.length), junk.length);
  assert.deepEqual(errors, []);
  parser.resume();
  assert.deepEqual(urls, ['/a', '/b', '/c', '/d']);
  assert.strictEqual(errors.length, 1);
  assert.ok(/^HPE_/.test(errors[0]), errors[0]);
  // Not from inside a parse.
  var p2 = new HTTPParser(HTTPParser.REQUEST);
  p2.fastCallbacks();  // positional callbacks, as http.js's parsers
  p2.onHeadersComplete = function() {
    assert.throws(function() { p2.resume(); }, /parsing/);
    return false;
  };
  p2.onMessageComplete = function() {};
  var req = new Buffer('GET / HTTP/1.1\r\n\r\n');
  assert.strictEqual(p2.execute(req, 0, req.length), req.length);
}

binding();
held(function() { big(function() {}); });
