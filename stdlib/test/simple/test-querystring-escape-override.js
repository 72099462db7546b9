var common = require('../common');
var assert = require('assert');

var qs = require('querystring');

var originalEscape = qs.escape;
var originalUnescape = qs.unescape;

// The defaults are encodeURIComponent and its inverse.
assert.strictEqual(qs.escape('a b&c/\u00e9'), 'a%20b%26c%2F%C3%A9');
assert.strictEqual(qs.unescape('a%20b%26c%2F%C3%A9'), 'a b&c/\u00e9');
// unescape only turns '+' into a space when asked to.
assert.strictEqual(qs.unescape('a+b'), 'a+b');
assert.strictEqual(qs.unescape('a+b', true), 'a b');

// stringify uses whatever qs.escape is at the time of the call, for keys and values.
var escaped = [];
qs.escape = function(str) {
  escaped.push(str);
  return str.toUpperCase();
};
assert.strictEqual(qs.stringify({ a: 'b', c: ['d', 'e'] }), 'A=B&C=D&C=E');
assert.deepEqual(escaped, ['a', 'b', 'c', 'd', 'c', 'e']);
qs.escape = originalEscape;
assert.strictEqual(qs.stringify({ a: 'b c' }), 'a=b%20c');

// parse uses whatever qs.unescape is, and tells it to decode '+' as a space.
var calls = [];
qs.unescape = function(str, decodeSpaces) {
  calls.push([str, decodeSpaces]);
  return '<' + str + '>';
};
assert.deepEqual(qs.parse('a=1&b+c=%20'), { '<a>': '<1>', '<b+c>': '<%20>' });
assert.deepEqual(calls, [['a', true], ['1', true], ['b+c', true], ['%20', true]]);
qs.unescape = originalUnescape;
assert.deepEqual(qs.parse('b+c=%20'), { 'b c': ' ' });

// url.format goes through querystring too, so the override reaches it.
var url = require('url');
qs.escape = function(str) { return '[' + str + ']'; };
assert.strictEqual(url.format({ pathname: '/p', query: { k: 'v' } }), '/p?[k]=[v]');
qs.escape = originalEscape;
assert.strictEqual(url.format({ pathname: '/p', query: { k: 'v' } }), '/p?k=v');
