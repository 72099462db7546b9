// A corpus of malformed requests, generated here (bad request lines, bad header syntax, header
// blocks over 80 KB, Content-Length together with Transfer-Encoding, bad chunk sizes, a body
// longer than announced on a connection that was to close, NUL bytes, and garbage from a seeded
// PRNG), each thrown at a live server over a fresh connection, 20 at a time. Every one must
// produce a parse 'clientError' and the connection must close, with a 400 response where the
// server can still send one. Afterwards a normal request must still succeed.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

// xorshift32: the same corpus on every run.
var seed = 0x9e3779b9;
function random() {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 4294967296;
}
function pick(list) { return list[Math.floor(random() * list.length)]; }
function randomString(length, alphabet) {
  var s = '';
  for (var i = 0; i < length; i++) s += alphabet.charAt(Math.floor(random() * alphabet.length));
  return s;
}
function randomBytes(length) {
  var s = '';
  for (var i = 0; i < length; i++) s += String.fromCharCode(Math.floor(random() * 256));
  return s;
}
var TOKEN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-';

// Each case: [category, raw request (a binary string), expect400]. expect400 is false where the
// server may lose the 400 to a reset (the client is still sending) or has already answered.
var cases = [];
function add(category, raw, expect400) {
  cases.push([category, raw, expect400 !== false]);
}

var GOOD_HEADERS = 'Host: x\r\nUser-Agent: corpus\r\n';

// 1. Bad request lines.
var badMethods = ['get', 'G ET', 'GE@T', 'FOO', 'POSTX', '123', 'G\u0000T', 'GET\t', '-', '\u0393ET'];
var badVersions = ['HTTP/1.1x', 'HTTP/1.1\u0000', 'HTTP/a.b', 'HTTP/1.', 'HTTP/1', 'HTTP/',
                   'http/1.1', 'HTTP/1.1 extra', 'HTTP/1111.1', 'HTTP/1.1111'];
var badUrls = ['/a\u0000b', '/\u0001', '/x\u007f', '/\ry', '/a\nb', '/\u0000'];
badMethods.forEach(function(method) {
  for (var i = 0; i < 12; i++) {
    add('request-line', method + ' /' + randomString(i, TOKEN) + ' HTTP/1.1\r\n' +
        GOOD_HEADERS + '\r\n');
  }
});
badVersions.forEach(function(version) {
  for (var i = 0; i < 10; i++) {
    add('request-line', pick(['GET', 'POST', 'HEAD', 'PUT']) + ' /' + randomString(i, TOKEN) +
        ' ' + version + '\r\n' + GOOD_HEADERS + '\r\n');
  }
});
badUrls.forEach(function(url) {
  for (var i = 0; i < 5; i++) {
    add('request-line', 'GET ' + url + randomString(i, TOKEN) + ' HTTP/1.1\r\n' +
        GOOD_HEADERS + '\r\n');
  }
});

// 2. Bad header syntax: spaces or separators in names, missing colons, control characters in
// values, a CR without LF.
var badHeaderLines = ['X-A: a\u0008b', 'X@Y: 1', 'X(Y): 1', 'X[Y]: 1', 'X/Y: 1', 'X"Y": 1',
                      'NoColonHere', ': empty-name', 'X-A\u0000: 1', 'X-A: 1\u0000',
                      'X-A: a\u0001b', 'X-A: a\rb', 'X-A: a\u001fb', 'X-A\u007f: 1',
                      'X-A: 1\u0000\u0000', 'X{A}: 1', 'X=A: 1', 'X,A: 1', 'X;A: 1', 'X\\A: 1'];
badHeaderLines.forEach(function(line) {
  for (var i = 0; i < 10; i++) {
    add('header', pick(['GET', 'POST']) + ' / HTTP/1.1\r\n' +
        (i % 2 ? GOOD_HEADERS : '') + line + '\r\n' + (i % 3 ? 'X-After: ok\r\n' : '') +
        '\r\n');
  }
});

// 3. Header blocks over 80 KB: one long value, or many headers.
for (var i = 0; i < 25; i++) {
  var big = 'GET / HTTP/1.1\r\n';
  if (i % 2) {
    big += 'X-Big: ' + randomString(82 * 1024 + i * 100, TOKEN) + '\r\n';
  } else {
    while (big.length < 82 * 1024) big += 'X-' + randomString(8, TOKEN) + ': ' +
                                          randomString(200, TOKEN) + '\r\n';
  }
  add('header-overflow', big + '\r\n', false);
}

// 4. Content-Length with Transfer-Encoding, conflicting or invalid Content-Length.
for (var i = 0; i < 40; i++) {
  var te = pick(['chunked', 'Chunked', 'gzip, chunked']);
  var cl = String(Math.floor(random() * 100));
  var both = i % 2 ? 'Content-Length: ' + cl + '\r\nTransfer-Encoding: ' + te + '\r\n'
                   : 'Transfer-Encoding: ' + te + '\r\nContent-Length: ' + cl + '\r\n';
  add('cl-and-te', 'POST / HTTP/1.1\r\n' + both + '\r\n5\r\nhello\r\n0\r\n\r\n');
}
for (var i = 0; i < 20; i++) {
  add('content-length', 'POST / HTTP/1.1\r\nContent-Length: ' +
      pick(['abc', '1x', '-1', '1 2', '0x10', '99999999999999999999999']) + '\r\n\r\n');
  add('content-length', 'POST / HTTP/1.1\r\nContent-Length: ' + (i + 1) +
      '\r\nContent-Length: ' + (i + 2) + '\r\n\r\n');
}

// 5. Bad chunk sizes and chunk framing.
var badChunks = ['zz\r\n', '-1\r\n', 'ffffffffffffffffffff\r\n', ' 5\r\nhello\r\n',
                 '5\r\nhello\r\n3\r\nabc\r\n-\r\n',
                 '5\r\nhello\r\nq\r\n', '\r\n', 'g\r\n', '5\u0000\r\nhello\r\n',
                 '3\r\nabc\r\n0\r\nBad Trailer\r\n\r\n'];
badChunks.forEach(function(chunk) {
  for (var i = 0; i < 8; i++) {
    add('chunk', 'POST /' + randomString(i, TOKEN) + ' HTTP/1.1\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n' + chunk);
  }
});

// 6. A body longer than announced on a connection that was to close after it (HTTP/1.0, or
// Connection: close): the request is answered, then the extra bytes are an error.
for (var i = 0; i < 40; i++) {
  var announced = 1 + (i % 5);
  // The overrun starts with a lower-case letter, so it can never read as a next request.
  var body = randomString(announced, TOKEN) + 'x' + randomString(i, TOKEN);
  add('body-overrun', (i % 2 ? 'POST / HTTP/1.1\r\nConnection: close\r\n'
                             : 'POST / HTTP/1.0\r\n') +
      'Content-Length: ' + announced + '\r\n\r\n' + body, false);
}

// 7. NUL bytes in every part of the head. (Not first in a header value: the parser, like
// v0.6's, takes that as part of the value.)
var nulRaw = 'GET /path HTTP/1.1\r\nHost: x\r\nX-Name: value\r\n\r\n';
var nulPositions = [];
for (var at = 0; at < nulRaw.length - 1; at++) {
  if (nulRaw.charAt(at - 1) !== ':' && nulRaw.slice(at - 2, at) !== ': ') nulPositions.push(at);
}
for (var i = 0; i < 60; i++) {
  var at = pick(nulPositions);
  add('nul', nulRaw.slice(0, at) + '\u0000' + nulRaw.slice(at));
}

// 8. Garbage from the PRNG: the first byte is never a method letter or CR/LF (which the parser
// skips before a request), so each must be rejected; the rest is arbitrary.
var notStart = [];
for (var b = 0; b < 256; b++) {
  if (!(b >= 0x41 && b <= 0x5a) && b !== 0x0d && b !== 0x0a) notStart.push(b);
}
for (var i = 0; i < 600; i++) {
  var length = 1 + Math.floor(random() * (i % 10 === 0 ? 4000 : 200));
  add('garbage', String.fromCharCode(pick(notStart)) + randomBytes(length - 1));
}
// and garbage after a valid start of a request line.
for (var i = 0; i < 100; i++) {
  add('garbage-after-method', pick(['GET ', 'POST /', 'GET / HTTP/1.1\r\nX']) +
      '\u0000' + randomBytes(1 + Math.floor(random() * 300)));
}

assert.ok(cases.length >= 1000, 'only ' + cases.length + ' cases');

// --- The server --------------------------------------------------------------------------------
var parseErrors = 0;
var otherErrors = 0;
var server = http.createServer(function(req, res) {
  // Only the body-overrun cases get this far; they are answered before the error.
  req.on('data', function() {});
  res.writeHead(200, {'Content-Length': 2});
  res.end('ok');
});
server.on('clientError', function(err) {
  if (err && /^HPE_/.test(err.code)) parseErrors++;
  else otherErrors++;
});

server.listen(common.PORT, '127.0.0.1', function() {
  var port = server.address().port;
  var next = 0;
  var running = 0;
  var finished = 0;
  var failures = [];

  function runCase(index) {
    var c = cases[index];
    var before = parseErrors;
    var socket = net.createConnection(port, '127.0.0.1');
    var received = '';
    socket.setEncoding('binary');
    socket.on('connect', function() { socket.write(c[1], 'binary'); });
    socket.on('data', function(chunk) { received += chunk; });
    socket.on('error', function() {});  // a reset while still sending is fine
    socket.on('close', function() {
      if (c[2] && received.indexOf('HTTP/1.1 400 Bad Request\r\n') === -1) {
        failures.push('case ' + index + ' (' + c[0] + '): no 400 in ' +
                      JSON.stringify(received.slice(0, 200)) + ' for ' +
                      JSON.stringify(c[1].slice(0, 120)));
      }
      if (c[0] === 'body-overrun' && received.indexOf('HTTP/1.1 200 OK\r\n') !== 0) {
        failures.push('case ' + index + ': the request before the overrun was not answered: ' +
                      JSON.stringify(received.slice(0, 200)));
      }
      running--;
      finished++;
      pump();
    });
  }

  function pump() {
    while (running < 20 && next < cases.length) {
      running++;
      runCase(next++);
    }
    if (finished === cases.length) done();
  }

  function done() {
    if (failures.length) {
      console.error(failures.slice(0, 20).join('\n'));
    }
    assert.equal(failures.length, 0, failures.length + ' cases failed');
    assert.equal(parseErrors, cases.length,
                 'parse errors: ' + parseErrors + ' of ' + cases.length);
    // The server is still fine.
    http.get({port: port, host: '127.0.0.1', path: '/fine'}, common.mustCall(function(res) {
      assert.equal(res.statusCode, 200);
      var body = '';
      res.on('data', function(d) { body += d; });
      res.on('end', function() {
        assert.equal(body, 'ok');
        console.log(cases.length + ' malformed requests rejected; ' + otherErrors +
                    ' connection errors besides');
        server.close();
      });
    }));
  }

  pump();
});
