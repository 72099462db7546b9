// A request without a body ends in the same trip into JS as its head (the binding's kind 3,
// http.js's parserOnHeadAndEnd), and must look as two calls did: 'request' first, then 'end'
// once the listener has returned, so 'end' listeners added in it (even after the response)
// hear it; req.complete is false during 'request'; a request paused in its listener ends only
// after resume(); bodies (chunked, Content-Length) still come as 'data' before 'end'. All the
// requests arrive pipelined in one write, so they are parsed in one read.
var common = require('../common');
var assert = require('assert');
var http = require('http');
var net = require('net');

var log = [];

var server = http.createServer(function(req, res) {
  log.push('request ' + req.url);
  assert.strictEqual(req.complete, false);
  var body = '';
  req.on('data', function(chunk) {
    log.push('data ' + req.url);
    body += chunk;
  });
  function respond() {
    res.writeHead(200, {'Content-Length': Buffer.byteLength(req.url + body)});
    res.end(req.url + body);
  }
  if (req.url === '/late-end') {
    // Answered at once; the 'end' listener comes after the response.
    respond();
    req.on('end', function() {
      log.push('end ' + req.url);
      assert.strictEqual(req.complete, true);
    });
    return;
  }
  if (req.url === '/paused') {
    req.pause();
    var resumed = false;
    req.on('end', function() {
      log.push('end ' + req.url);
      assert.ok(resumed, "'end' before resume()");
      respond();
    });
    setTimeout(function() {
      log.push('resume ' + req.url);
      resumed = true;
      req.resume();
    }, 20);
    return;
  }
  req.on('end', function() {
    log.push('end ' + req.url);
    assert.strictEqual(req.complete, true);
    respond();
  });
});

server.listen(common.PORT, '127.0.0.1', function() {
  var client = net.connect(server.address().port, '127.0.0.1');
  client.write('GET /plain HTTP/1.1\r\nHost: a\r\n\r\n' +
               'GET /late-end HTTP/1.1\r\nHost: a\r\n\r\n' +
               'GET /paused HTTP/1.1\r\nHost: a\r\n\r\n' +
               'POST /zero HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n' +
               'POST /length HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nxyz' +
               'POST /chunked HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n' +
               '3\r\nabc\r\n0\r\n\r\n' +
               'GET /last HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
  var received = '';
  client.setEncoding('utf8');
  client.on('data', function(chunk) { received += chunk; });
  client.on('end', common.mustCall(function() {
    var bodies = received.split(/HTTP\/1\.1 200 OK\r\n[^]*?\r\n\r\n/).slice(1);
    assert.deepEqual(bodies, ['/plain', '/late-end', '/paused', '/zero', '/lengthxyz',
                              '/chunkedabc', '/last']);
    server.close();
  }));
});

process.on('exit', function() {
  // Each request ends after its own listener returns and before the next request is parsed.
  // The paused request's 'end' waits for resume() (the requests after it may be parsed before
  // or after that, as the reads come: its pause stops the socket's reads too).
  var paused = log.filter(function(entry) { return /\/paused$/.test(entry); });
  assert.deepEqual(paused, ['request /paused', 'resume /paused', 'end /paused']);
  var others = log.filter(function(entry) { return !/\/paused$/.test(entry); });
  assert.deepEqual(others, [
    'request /plain', 'end /plain',
    'request /late-end', 'end /late-end',
    'request /zero', 'end /zero',
    'request /length', 'data /length', 'end /length',
    'request /chunked', 'data /chunked', 'end /chunked',
    'request /last', 'end /last'
  ]);

  // A parser of the binding's own (not http's) gets both calls for a request without a body,
  // whatever its onHeadersComplete returns, with the usual arguments.
  var HTTPParser = process.binding('http_parser').HTTPParser;
  var parser = new HTTPParser(HTTPParser.REQUEST);
  parser.fastCallbacks();  // positional callbacks, as http.js's parsers
  var calls = [];
  parser.onHeadersComplete = function(headers, method, url) {
    calls.push(['head', arguments.length, method, url]);
    return 2;
  };
  parser.onMessageComplete = function(trailers) {
    calls.push(['end', arguments.length, trailers]);
  };
  var input = 'GET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 0\r\n\r\n';
  var bytes = new Uint8Array(input.length);
  for (var k = 0; k < input.length; k++) bytes[k] = input.charCodeAt(k);
  assert.strictEqual(parser.execute(bytes, 0, bytes.length), bytes.length);
  assert.deepEqual(calls, [['head', 8, 'GET', '/a'], ['end', 1, undefined],
                           ['head', 8, 'POST', '/b'], ['end', 1, undefined]]);
});
