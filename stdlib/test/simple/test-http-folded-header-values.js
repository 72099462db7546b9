// Folded (multi-line) header values lose the leading whitespace of each continuation line and
// are joined directly, as v0.6.3's parser did; a value split by a read is joined as it came.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var HTTPParser = process.binding('http_parser').HTTPParser;

function parse(chunks) {
  var parser = new HTTPParser(HTTPParser.REQUEST);
  parser.fastCallbacks();  // positional callbacks, as http.js's parsers
  var headers = null;
  parser.onHeadersComplete = function(h) { headers = h; return false; };
  parser.onBody = function() {};
  parser.onMessageComplete = function() {};
  chunks.forEach(function(chunk) {
    var ret = parser.execute(new Buffer(chunk, 'binary'));
    assert.strictEqual(typeof ret, 'number');
  });
  return headers;
}

var HEAD = 'GET / HTTP/1.1\r\n';
assert.deepEqual(parse([HEAD + 'X-A: one\r\n  two\r\n\tthree\r\nX-B: b\r\n\r\n']),
                 ['X-A', 'onetwothree', 'X-B', 'b']);
// Split by reads inside the folded value, inside the continuation's whitespace, at its line end.
assert.deepEqual(parse([HEAD + 'X-A: on', 'e\r\n  t', 'wo\r\n\r\n']), ['X-A', 'onetwo']);
assert.deepEqual(parse([HEAD + 'X-A: one\r\n ', ' two\r\n\r\n']), ['X-A', 'onetwo']);
assert.deepEqual(parse([HEAD + 'X-A: one', '\r\n two\r\n\r\n']), ['X-A', 'onetwo']);
assert.deepEqual(parse([HEAD + 'X-A: one\r', '\n two\r\n\r\n']), ['X-A', 'onetwo']);
// Not folded, only split: the space is the value's own.
assert.deepEqual(parse([HEAD + 'X-A: hello', ' world\r\n\r\n']), ['X-A', 'hello world']);
assert.deepEqual(parse([HEAD + 'X-A: hello ', 'world\r\n\r\n']), ['X-A', 'hello world']);

// End to end through a server.
var server = http.createServer(common.mustCall(function(req, res) {
  assert.strictEqual(req.headers['x-folded'], 'firstsecondthird');
  assert.strictEqual(req.headers['x-plain'], 'a b');
  res.end();
  server.close();
}));
server.listen(0, function() {
  var c = net.connect(server.address().port, function() {
    c.end('GET / HTTP/1.1\r\nHost: x\r\nX-Folded: first\r\n second\r\n \t third\r\n' +
          'X-Plain: a b\r\n\r\n');
  });
  c.resume();
});
