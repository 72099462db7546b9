// A server keeps the last head it made and sends it again when the next head has the same
// pieces (status line, header lines, the Connection and Transfer-Encoding lines it adds): heads
// that alternate, differ only in what the server adds (keep-alive or close, chunked or not), or
// in a reason phrase the program changed in STATUS_CODES, must each go out as made. Chunk sizes
// are counted in bytes: short strings with characters above 0x7F (measured in JS), 'binary'
// text, and sizes past the small ones kept in hex. And the parser hands http header names in
// lower case (lowercaseNames), kept across reinitialize(), where a bare parser keeps their case.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var server = http.createServer(function(req, res) {
  switch (req.url) {
    case '/a':
      res.writeHead(200, {'Content-Type': 'text/plain'});
      res.end('a');
      break;
    case '/b':
      res.writeHead(200, {'Content-Type': 'text/html'});
      res.end('b');
      break;
    case '/length':  // the same header line, but no chunked encoding
      res.writeHead(200, {'Content-Type': 'text/plain', 'Content-Length': 1});
      res.end('l');
      break;
    case '/phrase':
      http.STATUS_CODES[200] = 'Fine';
      res.writeHead(200, {'Content-Type': 'text/plain'});
      res.end('p');
      http.STATUS_CODES[200] = 'OK';
      break;
    case '/utf8':
      res.writeHead(200, {'Content-Type': 'text/plain'});
      res.end('caf\u00e9 \u20ac');  // 6 characters, 9 bytes
      break;
    case '/binary':
      res.writeHead(200, {'Content-Type': 'text/plain'});
      res.end('caf\u00e9', 'binary');  // 4 bytes
      break;
    case '/sizes':
      res.writeHead(200, {'Content-Type': 'text/plain'});
      res.write(new Array(16).join('\u00e9'));    // 30 bytes: 1e
      res.write(new Array(257).join('x'));        // 256: 100
      res.write(new Array(128).join('\u00e9'));   // 127 characters, 254 bytes: fe
      res.end(new Array(5001).join('y'));         // 5000: 1388
      break;
  }
});

var HEAD_A = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: keep-alive\r\n' +
             'Transfer-Encoding: chunked\r\n\r\n';
var HEAD_A_CLOSE = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n' +
                   'Transfer-Encoding: chunked\r\n\r\n';
var HEAD_B = 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: keep-alive\r\n' +
             'Transfer-Encoding: chunked\r\n\r\n';
var HEAD_LENGTH = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n' +
                  'Connection: keep-alive\r\n\r\n';
var HEAD_PHRASE = 'HTTP/1.1 200 Fine\r\nContent-Type: text/plain\r\nConnection: keep-alive\r\n' +
                  'Transfer-Encoding: chunked\r\n\r\n';

function chunked(body, size) {
  return (size === undefined ? body.length : size).toString(16) + '\r\n' + body + '\r\n0\r\n\r\n';
}

// As bytes ('binary' strings): the bodies went out as UTF-8 but for /binary's, one byte each.
function utf8(text) { return new Buffer(text, 'utf8').toString('binary'); }
var expected =
    utf8(HEAD_A + chunked('a') + HEAD_B + chunked('b') + HEAD_A + chunked('a') + HEAD_A +
         chunked('a') + HEAD_LENGTH + 'l' + HEAD_A + chunked('a') + HEAD_PHRASE + chunked('p') +
         HEAD_A + chunked('a') + HEAD_A + chunked('caf\u00e9 \u20ac', 9)) +
    HEAD_A + chunked('caf\u00e9', 4) +
    utf8(HEAD_A + '1e\r\n' + new Array(16).join('\u00e9') + '\r\n' +
         '100\r\n' + new Array(257).join('x') + '\r\n' +
         'fe\r\n' + new Array(128).join('\u00e9') + '\r\n' +
         '1388\r\n' + new Array(5001).join('y') + '\r\n0\r\n\r\n' +
         HEAD_A_CLOSE + chunked('a'));

server.listen(common.PORT, '127.0.0.1', function() {
  var client = net.connect(server.address().port, '127.0.0.1');
  var paths = ['/a', '/b', '/a', '/a', '/length', '/a', '/phrase', '/a', '/utf8', '/binary',
               '/sizes'];
  client.write(paths.map(function(path) {
    return 'GET ' + path + ' HTTP/1.1\r\nHost: x\r\n\r\n';
  }).join('') + 'GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  var received = '';
  client.setEncoding('binary');
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    assert.strictEqual(received, expected);
    server.close();
  }));
});

// Header names: lower case from an http parser, raw from a bare one.
var HTTPParser = process.binding('http_parser').HTTPParser;
function namesOf(parser, input) {
  var names = null;
  parser.onHeadersComplete = function(headers) {
    names = headers.filter(function(field, i) { return i % 2 === 0; });
  };
  parser.onMessageComplete = function() {};
  var bytes = new Uint8Array(input.length);
  for (var i = 0; i < input.length; i++) bytes[i] = input.charCodeAt(i);
  assert.strictEqual(parser.execute(bytes, 0, bytes.length), bytes.length);
  return names;
}
var REQUEST = 'GET / HTTP/1.1\r\nHost: x\r\nX-Mixed-CASE_1: v\r\n\r\n';
var bare = new HTTPParser(HTTPParser.REQUEST);
bare.fastCallbacks();  // positional callbacks, as http.js's parsers
assert.deepEqual(namesOf(bare, REQUEST), ['Host', 'X-Mixed-CASE_1']);
var lower = new HTTPParser(HTTPParser.REQUEST);
lower.fastCallbacks();  // positional callbacks, as http.js's parsers
lower.lowercaseNames();
assert.deepEqual(namesOf(lower, REQUEST), ['host', 'x-mixed-case_1']);
lower.reinitialize(HTTPParser.REQUEST);
assert.deepEqual(namesOf(lower, REQUEST), ['host', 'x-mixed-case_1']);
// A name split across two reads is lower case all through.
lower.reinitialize(HTTPParser.REQUEST);
var names = null;
lower.onHeadersComplete = function(headers) { names = [headers[0]]; };
var first = 'GET / HTTP/1.1\r\nX-Sp', second = 'LIT: v\r\n\r\n';
[first, second].forEach(function(piece) {
  var bytes = new Uint8Array(piece.length);
  for (var i = 0; i < piece.length; i++) bytes[i] = piece.charCodeAt(i);
  assert.strictEqual(lower.execute(bytes, 0, bytes.length), bytes.length);
});
assert.deepEqual(names, ['x-split']);
