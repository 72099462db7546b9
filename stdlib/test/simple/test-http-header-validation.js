// No response (or request) splitting: header names must be HTTP tokens, header and trailer
// values and status messages may not hold CR, LF, NUL, other control characters or characters
// above 0xFF; a client's method must be a token and its path may not hold spaces or control
// characters. Each is a TypeError with a code, thrown before anything is written; the message
// can still be completed. Latin-1 characters in a value go out as single bytes.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

function throwsCode(fn, code, what) {
  assert.throws(fn, function(e) {
    return e instanceof TypeError && e.code === code;
  }, what);
}

var BAD_VALUES = ['a\r\nSet-Cookie: evil=1', 'a\nb', 'a\rb', 'a\u0000b', '\u010d\u010a',
                  'x\u0100', 'a\u007fb', 'a\u0001'];
var BAD_NAMES = ['bad name', 'X\r\nY', 'X:Y', '', 'X\u0000', 'caf\u00e9', '(x)', 'a\tb'];

var server = http.createServer(function(req, res) {
  if (req.url === '/latin1') {
    res.setHeader('X-Latin', 'caf\u00e9');
    res.writeHead(200, 'Tr\u00e8s bien', { 'Content-Type': 'text/plain; charset=utf-8',
                                         'Content-Length': 3 });
    res.end('h\u00e9');
    return;
  }
  if (req.url === '/trailers') {
    res.writeHead(200, { 'Transfer-Encoding': 'chunked' });
    res.write('x');
    throwsCode(function() { res.addTrailers({ 'X-T': 'a\r\nb' }); }, 'ERR_INVALID_CHAR');
    throwsCode(function() { res.addTrailers({ 'X T': 'ok' }); }, 'ERR_INVALID_HTTP_TOKEN');
    throwsCode(function() { res.addTrailers([['X-T', '\u010d\u010a']]); }, 'ERR_INVALID_CHAR');
    res.addTrailers({ 'X-T': 'fine' });
    res.end();
    return;
  }
  BAD_VALUES.forEach(function(v) {
    throwsCode(function() { res.setHeader('X-Foo', v); }, 'ERR_INVALID_CHAR', JSON.stringify(v));
    throwsCode(function() { res.setHeader('X-Foo', ['ok', v]); }, 'ERR_INVALID_CHAR');
    throwsCode(function() { res.writeHead(200, v); }, 'ERR_INVALID_CHAR');
    throwsCode(function() { res.writeHead(200, { 'X-Foo': v }); }, 'ERR_INVALID_CHAR');
    throwsCode(function() { res.writeHead(200, 'OK', [['X-Foo', v]]); }, 'ERR_INVALID_CHAR');
  });
  BAD_NAMES.forEach(function(n) {
    throwsCode(function() { res.setHeader(n, 'v'); }, 'ERR_INVALID_HTTP_TOKEN', JSON.stringify(n));
    var headers = {};
    headers[n] = 'v';
    throwsCode(function() { res.writeHead(200, headers); }, 'ERR_INVALID_HTTP_TOKEN');
  });
  // A value whose toString changes after the check is checked again as written.
  var calls = 0;
  var sneaky = { toString: function() { return ++calls > 1 ? 'x\r\nEvil: 1' : 'x'; } };
  res.setHeader('X-Sneaky', sneaky);
  throwsCode(function() { res.writeHead(200); }, 'ERR_INVALID_CHAR');
  res.removeHeader('X-Sneaky');
  // Allowed: tab, numbers, Latin-1.
  res.setHeader('X-Tab', 'a\tb');
  res.setHeader('X-Num', 42);
  res.writeHead(200, { 'Content-Length': 2 });
  res.end('ok');
});

server.listen(common.PORT, '127.0.0.1', function() {
  var port = server.address().port;
  // Client side: method, path, headers.
  throwsCode(function() {
    http.request({ port: port, method: 'GET / HTTP/1.1\r\nX-Evil: 1\r\n\r\nGET' });
  }, 'ERR_INVALID_HTTP_TOKEN');
  throwsCode(function() { http.request({ port: port, method: 'G T' }); }, 'ERR_INVALID_HTTP_TOKEN');
  assert.throws(function() { http.request({ port: port, method: {} }); }, TypeError);
  ['/a b', '/a\r\nX: y', '/\u0000', '/\u0100', '/\u010d\u010a', '/a\tb'].forEach(function(p) {
    throwsCode(function() { http.request({ port: port, path: p }); }, 'ERR_UNESCAPED_CHARACTERS',
               JSON.stringify(p));
  });
  assert.throws(function() { http.request({ port: port, path: '/\r' }); },
                /^TypeError: Request path contains unescaped characters$/);
  throwsCode(function() {
    http.request({ port: port, headers: { 'X-Foo': 'a\r\nb' } });
  }, 'ERR_INVALID_CHAR');
  throwsCode(function() {
    http.request({ port: port, headers: [['X-Foo', '\u010d\u010a']] });
  }, 'ERR_INVALID_CHAR');
  throwsCode(function() {
    http.request({ port: port, host: 'localhost\r\nX-Evil: 1' });
  }, 'ERR_INVALID_CHAR');

  raw(port, '/', function(text) {
    assert.ok(/^HTTP\/1\.1 200 OK\r\n/.test(text), text);
    assert.ok(/\r\nX-Tab: a\tb\r\n/.test(text), text);
    assert.ok(/\r\nX-Num: 42\r\n/.test(text), text);
    assert.ok(!/Evil|Set-Cookie|X-Sneaky/.test(text), text);
    assert.ok(/\r\n\r\nok$/.test(text), text);
    raw(port, '/latin1', function(text, bytes) {
      // Head in Latin-1, one byte per character; body in UTF-8.
      assert.ok(text.indexOf('HTTP/1.1 200 Tr\u00e8s bien\r\n') === 0, text);
      assert.ok(text.indexOf('\r\nX-Latin: caf\u00e9\r\n') !== -1, text);
      var end = bytes.length;
      assert.strictEqual(bytes[end - 2], 0xc3);
      assert.strictEqual(bytes[end - 1], 0xa9);
      raw(port, '/trailers', function(text) {
        assert.ok(/\r\n0\r\nX-T: fine\r\n\r\n$/.test(text), JSON.stringify(text));
        server.close();
      });
    });
  });
});

// Sends a GET over a raw socket; calls back with the response as Latin-1 text and its bytes.
function raw(port, path, cb) {
  var socket = net.connect(port, '127.0.0.1', function() {
    socket.write('GET ' + path + ' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  var chunks = [];
  socket.on('data', function(d) { chunks.push(d); });
  socket.on('end', common.mustCall(function() {
    var total = 0;
    chunks.forEach(function(c) { total += c.length; });
    var all = new Buffer(total), at = 0;
    chunks.forEach(function(c) { c.copy(all, at); at += c.length; });
    cb(all.toString('binary'), all);
  }));
}
