// The HTTP parser hands big body pieces of the Buffer given to execute() as views of it (no
// copy), small pieces as copies, and bytes it holds back while paused as its own copies: a
// caller that reuses its Buffer after execute() returned must not change what resume() parses.
var assert = require('assert');
var HTTPParser = process.binding('http_parser').HTTPParser;

function bytes(s) {
  var u = new Buffer(s.length);
  for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}
function repeat(c, n) { return new Array(n + 1).join(c); }
function request(body) {
  return 'POST / HTTP/1.1\r\nContent-Length: ' + body.length + '\r\n\r\n' + body;
}

var chunks = [];
var parser = new HTTPParser(HTTPParser.REQUEST);
parser.fastCallbacks();  // positional callbacks, as http.js's parsers
parser.onHeadersComplete = function() {};
parser.onMessageComplete = function() {};
parser.onBody = function(chunk) { chunks.push(chunk); };

// A big body: a view of the input's memory, with the right bytes.
var big = repeat('a', 10000);
var input = bytes(request(big));
assert.strictEqual(parser.execute(input, 0, input.length), input.length);
assert.strictEqual(chunks.length, 1);
assert.strictEqual(chunks[0].buffer, input.buffer);
assert.strictEqual(chunks[0].byteOffset, input.byteOffset + input.length - big.length);
assert.strictEqual(String.fromCharCode.apply(null, chunks[0]), big);

// A small body: a copy.
chunks = [];
input = bytes(request('hello'));
assert.strictEqual(parser.execute(input, 0, input.length), input.length);
assert.strictEqual(chunks.length, 1);
assert.notStrictEqual(chunks[0].buffer, input.buffer);
assert.strictEqual(String.fromCharCode.apply(null, chunks[0]), 'hello');

// Paused inside the first body of two pipelined requests: the rest is held back; the caller
// then overwrites its Buffer, and resume() still parses the original second request.
chunks = [];
var second = repeat('b', 8000);
input = bytes(request(repeat('c', 5000)) + request(second));
parser.onBody = function(chunk) {
  chunks.push(new Buffer(chunk));  // (the bytes as they are now)
  if (chunks.length === 1) parser.pause();
};
assert.strictEqual(parser.execute(input, 0, input.length), input.length);
assert.strictEqual(chunks.length, 1);
input.fill(0x7a);  // 'z'
parser.resume();
assert.strictEqual(chunks.length, 2);
assert.strictEqual(String.fromCharCode.apply(null, chunks[0]), repeat('c', 5000));
assert.strictEqual(String.fromCharCode.apply(null, chunks[1]), second);
