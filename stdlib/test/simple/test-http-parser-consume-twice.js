// A stream has one consuming parser. A second consume() of the same socket takes it over; the
// first parser then no longer holds the stream: its unconsume() leaves the second one in place,
// and once the socket is closed and freed, calls on the first parser touch no freed memory (an
// AddressSanitizer build would report them).
var common = require('../common');
var assert = require('assert');
var net = require('net');
var HTTPParser = process.binding('http_parser').HTTPParser;

function request(path) {
  return 'GET ' + path + ' HTTP/1.1\r\nHost: a\r\n\r\n';
}

var first = new HTTPParser(HTTPParser.REQUEST);

first.fastCallbacks();  // positional callbacks, as http.js's parsers
var second = new HTTPParser(HTTPParser.REQUEST);
second.fastCallbacks();  // positional callbacks, as http.js's parsers
first.onHeadersComplete = function() {
  assert.fail('the displaced parser got a request');
};
var urls = [];
second.onHeadersComplete = function(headers, method, url) {
  urls.push(url);
  if (urls.length === 2) client.end();
};
var client;

var server = net.createServer(common.mustCall(function(socket) {
  socket.on('data', function() {
    assert.fail('the bytes reached JS: the second parser lost the stream');
  });
  first.consume(socket._handle);
  second.consume(socket._handle);
  // The displaced parser's unconsume() must not take the stream from the second.
  first.unconsume();
  socket.on('end', function() { socket.end(); });
  socket.on('close', common.mustCall(function() {
    assert.deepEqual(urls, ['/one', '/two']);
    // The handle is closed and its native half freed by now: neither parser may reach it.
    setTimeout(function() {
      first.unconsume();
      second.unconsume();
      first.detach();
      second.detach();
      server.close();
    }, 1);
  }));
}));

server.listen(0, '127.0.0.1', function() {
  client = net.connect(server.address().port, '127.0.0.1', function() {
    client.write(request('/one'));
    setTimeout(function() { client.write(request('/two')); }, 10);
  });
  client.on('data', function() {});
});
