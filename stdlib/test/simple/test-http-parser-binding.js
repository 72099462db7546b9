// The native HTTP parser: one head callback with a flat header list, body chunks, trailers,
// pipelined messages across split input, parse errors as values, and argument checks.
var common = require('../common');
var assert = require('assert');
var HTTPParser = process.binding('http_parser').HTTPParser;

function bytes(s) {
  var u = new Uint8Array(s.length);
  for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}
function text(u) { return String.fromCharCode.apply(null, u); }

var events = [];
var parser = new HTTPParser(HTTPParser.REQUEST);
parser.fastCallbacks();  // positional callbacks, as http.js's parsers
parser.onHeadersComplete = function(headers, method, url, statusCode, major, minor,
                                    shouldKeepAlive, upgrade) {
  events.push(['head', method, url, headers, shouldKeepAlive, major + '.' + minor, upgrade]);
};
parser.onBody = function(chunk) { events.push(['body', text(chunk)]); };
parser.onMessageComplete = function(trailers) { events.push(['done', trailers]); };

var input = bytes('POST /x?y=1 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n' +
                  '3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n' +
                  'GET / HTTP/1.0\r\nX-Long: ' + new Array(100).join('v') + '\r\n\r\n');
// Split mid-header: the parser must join the pieces.
assert.strictEqual(parser.execute(input, 0, 30), 30);
assert.strictEqual(parser.execute(input, 30, input.length - 30), input.length - 30);
assert.deepEqual(events, [
  ['head', 'POST', '/x?y=1', ['Host', 'a', 'Transfer-Encoding', 'chunked'], true, '1.1', false],
  ['body', 'abc'],
  ['done', ['X-Trailer', '1']],
  ['head', 'GET', '/', ['X-Long', new Array(100).join('v')], false, '1.0', false],
  ['done', undefined]
]);

// A malformed request line is an Error value with the parser's code, not an exception.
parser.reinitialize(HTTPParser.REQUEST);
var malformed = bytes('GET \u0000\u0000 HTTP/1.1\r\n\r\n');
var err = parser.execute(malformed, 0, malformed.length);
assert.ok(err instanceof Error);
assert.ok(/^HPE_/.test(err.code), err.code);
assert.equal(typeof err.bytesParsed, 'number');

// Responses: status code, and 'true' from onHeadersComplete means no body (HEAD).
var response = new HTTPParser(HTTPParser.RESPONSE);
response.fastCallbacks();  // positional callbacks, as http.js's parsers
var status;
response.onHeadersComplete = function(headers, method, url, statusCode) {
  status = statusCode;
  return true;
};
response.onBody = function() { throw new Error('a HEAD response has no body'); };
response.onMessageComplete = common.mustCall(function() {});
var head = bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n');
assert.strictEqual(response.execute(head, 0, head.length), head.length);
assert.strictEqual(status, 200);

// A callback that throws stops parsing and the exception reaches the caller.
parser.reinitialize(HTTPParser.REQUEST);
parser.onHeadersComplete = function() { throw new Error('from callback'); };
assert.throws(function() { parser.execute(input, 0, input.length); }, /from callback/);

// Arguments are checked natively.
assert.throws(function() { parser.execute(input, 5, input.length); }, RangeError);
assert.throws(function() { parser.execute(input, -1, 2); }, RangeError);
assert.throws(function() { parser.execute('string'); }, TypeError);
// The type as runtime/core/args.h checks an integer: a non-number is a TypeError, a number
// other than REQUEST (0) or RESPONSE (1) a RangeError.
assert.throws(function() { new HTTPParser(7); },
              /^RangeError: type must be an integer from 0 to 1$/);
assert.throws(function() { new HTTPParser('0'); }, /^TypeError: type must be a number$/);
assert.throws(function() { new HTTPParser(); }, TypeError);
assert.throws(function() { parser.reinitialize(2); }, RangeError);
assert.throws(function() { parser.execute(input, 0, 1.5); }, RangeError);
// setMaxHeaderPairs and headersExpired take server.maxHeadersCount and server.headersTimeout as
// the user set them (http.js passes any number >= 0 on): fractions and Infinity are fine.
[0, 1.5, 2000, Math.pow(2, 32), Infinity].forEach(function(n) { parser.setMaxHeaderPairs(n); });
assert.throws(function() { parser.setMaxHeaderPairs(-1); }, RangeError);
assert.throws(function() { parser.setMaxHeaderPairs('10'); }, TypeError);
assert.strictEqual(parser.headersExpired(Infinity), false);
assert.throws(function() { parser.headersExpired(NaN); }, RangeError);
assert.throws(function() { parser.headersExpired(); }, TypeError);
assert.throws(function() { HTTPParser(HTTPParser.REQUEST); }, TypeError);
assert.throws(function() { HTTPParser.prototype.execute.call({}, input); }, TypeError);

// consume() takes only an open stream handle; unconsume() is always safe.
assert.throws(function() { parser.consume({}); }, TypeError);
assert.throws(function() { parser.consume(null); }, TypeError);
var TCP = process.binding('tcp_wrap').TCP;
var closed = new TCP();
closed.close();
assert.throws(function() { parser.consume(closed); }, TypeError);
var open = new TCP();
parser.consume(open);
parser.unconsume();
parser.unconsume();
parser.consume(open);
open.close();  // The parser hears that the stream is gone; later calls stay safe.
setTimeout(common.mustCall(function() { parser.unconsume(); }), 1);
