var common = require('../common');
var assert = require('assert');

var url = require('url');

// Anything but a string (or an already parsed URL) is a TypeError naming the type it got.
[
  [undefined, 'undefined'],
  [null, 'object'],
  [true, 'boolean'],
  [false, 'boolean'],
  [0.0, 'number'],
  [0, 'number'],
  [42, 'number'],
  [[], 'object'],
  [{}, 'object'],
  [function() {}, 'function']
].forEach(function(pair) {
  var threw = false;
  try {
    url.parse(pair[0]);
  } catch (e) {
    threw = true;
    assert.ok(e instanceof TypeError, 'url.parse(' + pair[1] + ') throws a TypeError');
    assert.strictEqual(e.message, "Parameter 'url' must be a string, not " + pair[1]);
  }
  assert.ok(threw, 'url.parse(' + String(pair[0]) + ') throws');
});

// The same check guards resolve, which parses both of its arguments.
assert.throws(function() { url.resolve('http://a/', undefined); }, TypeError);
assert.throws(function() { url.format(null); }, TypeError);

// Strings never throw, however odd.
['', ' ', '%', '@', '//', '://', 'http://', 'http://@', 'a:b:c', '\u0000', '#?#?',
 'http://\ud800.com/'].forEach(function(input) {
  assert.strictEqual(typeof url.parse(input).href, 'string');
});
