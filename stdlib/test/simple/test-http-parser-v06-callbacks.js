// A parser made by process.binding('http_parser') directly calls v0.6's callbacks, as programs of
// the time expect (faye-websocket 0.4's client parses its handshake response with one):
// onHeadersComplete(info), onBody(buffer, start, length) over the Buffer execute() was given,
// a chunked body's trailers through onHeaders(trailers, '') and then onMessageComplete(). http's
// own parsers take positional arguments (fastCallbacks()); loading http changes nothing here.
var common = require('../common');
var assert = require('assert');
require('http');  // its dispatcher is registered: a bare parser must not go through it
var HTTPParser = process.binding('http_parser').HTTPParser;

var events = [];
var parser = new HTTPParser(HTTPParser.REQUEST);
parser.onHeadersComplete = function(info) {
  assert.strictEqual(arguments.length, 1);
  events.push(['head', info]);
};
parser.onBody = function(buffer, start, length) {
  assert.strictEqual(buffer, input, 'the Buffer execute() was given');
  events.push(['body', buffer.toString('utf8', start, start + length)]);
};
parser.onHeaders = function(headers, url) { events.push(['headers', headers, url]); };
parser.onMessageComplete = function() {
  assert.strictEqual(arguments.length, 0);
  events.push(['done']);
};

var input = new Buffer('POST /x?y=1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n' +
                       '3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n' +
                       'GET / HTTP/1.0\r\nX-Mixed-Case: v\r\n\r\n');
// Split mid-header: the head still comes whole.
assert.strictEqual(parser.execute(input, 0, 30), 30);
assert.strictEqual(parser.execute(input, 30, input.length - 30), input.length - 30);
assert.deepEqual(events, [
  ['head', { headers: ['Host', 'a', 'Transfer-Encoding', 'chunked'], url: '/x?y=1',
             method: 'POST', versionMajor: 1, versionMinor: 1, shouldKeepAlive: true,
             upgrade: false }],
  ['body', 'abc'],
  ['headers', ['X-Trailer', '1'], ''],
  ['done'],
  ['head', { headers: ['X-Mixed-Case', 'v'], url: '/', method: 'GET', versionMajor: 1,
             versionMinor: 0, shouldKeepAlive: false, upgrade: false }],
  ['done']
]);

// A response: statusCode instead of method and url; true from onHeadersComplete means no body.
var response = new HTTPParser(HTTPParser.RESPONSE);
var info = null;
response.onHeadersComplete = function(i) { info = i; return true; };
response.onBody = function() { throw new Error('a HEAD response has no body'); };
response.onMessageComplete = common.mustCall(function() {});
var head = new Buffer('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n');
assert.strictEqual(response.execute(head, 0, head.length), head.length);
assert.deepEqual(info, { headers: ['Content-Length', '5'], statusCode: 200, versionMajor: 1,
                         versionMinor: 1, shouldKeepAlive: true, upgrade: false });

// A WebSocket handshake response, the way faye-websocket 0.4 reads it: the head's headers by
// their names as sent, and the bytes after the head left unparsed (the upgrade).
var handshake = new HTTPParser(HTTPParser.RESPONSE);
var names = {};
var status = 0;
var complete = false;
handshake.onHeadersComplete = function(i) {
  status = i.statusCode;
  for (var n = 0; n < i.headers.length; n += 2) names[i.headers[n]] = i.headers[n + 1];
};
handshake.onMessageComplete = function() { complete = true; };
var reply = new Buffer('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n' +
                       'Connection: Upgrade\r\nSec-WebSocket-Accept: abc=\r\n\r\n' +
                       '\u0081\u0002hi', 'binary');
var consumed = handshake.execute(reply, 0, reply.length);
assert.strictEqual(consumed, reply.length - 4);
assert.ok(complete);
assert.strictEqual(status, 101);
assert.deepEqual(names, { Upgrade: 'websocket', Connection: 'Upgrade',
                          'Sec-WebSocket-Accept': 'abc=' });

// fastCallbacks() switches a parser to http's positional arguments, for good.
var fast = new HTTPParser(HTTPParser.REQUEST);
fast.fastCallbacks();
var args = null;
fast.onHeadersComplete = function() { args = Array.prototype.slice.call(arguments); };
fast.onMessageComplete = function() {};
var get = new Buffer('GET /f HTTP/1.1\r\nHost: h\r\n\r\n');
fast.execute(get, 0, get.length);
assert.deepEqual(args, [['Host', 'h'], 'GET', '/f', undefined, 1, 1, true, false]);
fast.reinitialize(HTTPParser.REQUEST);
args = null;
fast.execute(get, 0, get.length);
assert.strictEqual(args[2], '/f');
assert.throws(function() { HTTPParser.prototype.fastCallbacks.call({}); }, TypeError);
