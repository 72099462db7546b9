// Once http is loaded, the binding calls the onHeadersComplete, onBody and onMessageComplete of
// every parser with fastCallbacks() through http's dispatcher (setDispatcher). Such a parser made
// straight from the binding must see no difference: its own callbacks are called with itself as
// `this` and with the same arguments (8, 1 and 1 of them), a callback replaced between messages
// is the one called next, a callback that is not a function is skipped, and what
// onHeadersComplete returns still decides whether a response has a body.
var common = require('../common');
var assert = require('assert');
require('http');
var binding = process.binding('http_parser');
var HTTPParser = binding.HTTPParser;

assert.throws(function() { binding.setDispatcher('not a function'); }, TypeError);

function bytes(s) {
  var u = new Uint8Array(s.length);
  for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

var calls = [];
var parser = new HTTPParser(HTTPParser.REQUEST);
parser.fastCallbacks();  // positional callbacks, as http.js's parsers
parser.onHeadersComplete = function(headers, method, url) {
  assert.strictEqual(this, parser);
  calls.push(['head', arguments.length, method, url, headers]);
};
parser.onBody = function(chunk) {
  assert.strictEqual(this, parser);
  calls.push(['body', arguments.length, String.fromCharCode.apply(null, chunk)]);
};
parser.onMessageComplete = function() {
  assert.strictEqual(this, parser);
  calls.push(['done', arguments.length]);
};

var first = bytes('POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi');
assert.strictEqual(parser.execute(first, 0, first.length), first.length);
assert.deepEqual(calls, [['head', 8, 'POST', '/a', ['Content-Length', '2']],
                         ['body', 1, 'hi'], ['done', 1]]);

// Replaced between messages: the new one is called. Not a function: skipped.
calls = [];
parser.onHeadersComplete = function(headers, method, url) { calls.push(['head2', url]); };
parser.onBody = 42;
parser.onMessageComplete = null;
var second = bytes('POST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nho');
assert.strictEqual(parser.execute(second, 0, second.length), second.length);
assert.deepEqual(calls, [['head2', '/b']]);

// A response parser whose head callback returns true (a response to HEAD) expects no body.
var response = new HTTPParser(HTTPParser.RESPONSE);
response.fastCallbacks();  // positional callbacks, as http.js's parsers
var done = 0;
response.onHeadersComplete = function() { return true; };
response.onMessageComplete = function() { done++; };
var head = bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n');
assert.strictEqual(response.execute(head, 0, head.length), head.length);
assert.strictEqual(done, 1);

// A callback that throws: the exception reaches the caller of execute.
var thrower = new HTTPParser(HTTPParser.REQUEST);
thrower.fastCallbacks();  // positional callbacks, as http.js's parsers
thrower.onHeadersComplete = function() { throw new Error('from the callback'); };
var third = bytes('GET / HTTP/1.1\r\n\r\n');
assert.throws(function() { thrower.execute(third, 0, third.length); }, /from the callback/);
