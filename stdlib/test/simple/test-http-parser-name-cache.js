// The parser keeps the header names it made lately (one small table per process, shared by its
// parsers, a name that collides replacing the one before): whatever it holds, every name comes
// out as sent. Many names (more than the table has room for), repeated, names that differ only
// in case (a bare parser keeps the case), long ones (made each time), from two parsers at once.
var common = require('../common');
var assert = require('assert');
var HTTPParser = process.binding('http_parser').HTTPParser;

function bytes(s) {
  var u = new Uint8Array(s.length);
  for (var i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

function namesOf(parser, names) {
  var got = null;
  parser.onHeadersComplete = function(headers) {
    got = headers.filter(function(field, i) { return i % 2 === 0; });
  };
  parser.onMessageComplete = function() {};
  var input = 'GET / HTTP/1.1\r\n' +
      names.map(function(name) { return name + ': v\r\n'; }).join('') + '\r\n';
  var data = bytes(input);
  assert.strictEqual(parser.execute(data, 0, data.length), data.length);
  return got;
}

var names = [];
for (var i = 0; i < 300; i++) names.push('X-Name-' + i);
names.push('Host', 'host', 'HOST', 'x-' + new Array(60).join('l'), 'X-' + new Array(60).join('L'));

var one = new HTTPParser(HTTPParser.REQUEST);
one.fastCallbacks();  // positional callbacks, as http.js's parsers
var two = new HTTPParser(HTTPParser.REQUEST);
two.fastCallbacks();  // positional callbacks, as http.js's parsers
for (var round = 0; round < 3; round++) {
  assert.deepEqual(namesOf(one, names), names);
  var reversed = names.slice().reverse();
  assert.deepEqual(namesOf(two, reversed), reversed);
  // One name over and over, between the others.
  assert.deepEqual(namesOf(one, ['Host', 'X-Name-7', 'Host']), ['Host', 'X-Name-7', 'Host']);
}
