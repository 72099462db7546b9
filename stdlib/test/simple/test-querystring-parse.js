var common = require('../common');
var assert = require('assert');

var qs = require('querystring');

// [query string, parsed object]
var tests = [
  ['foo=918854443121279438895193', { foo: '918854443121279438895193' }],
  ['foo=bar', { foo: 'bar' }],
  ['foo=bar&foo=quux', { foo: ['bar', 'quux'] }],
  ['foo=1&bar=2', { foo: '1', bar: '2' }],
  ['my+weird+field=q1%212%22%27w%245%267%2Fz8%29%3F',
   { 'my weird field': 'q1!2"\'w$5&7/z8)?' }],
  ['foo%3Dbaz=bar', { 'foo=baz': 'bar' }],
  ['foo=baz=bar', { foo: 'baz=bar' }],
  ['str=foo&arr=1&arr=2&arr=3&somenull=&undef=',
   { str: 'foo', arr: ['1', '2', '3'], somenull: '', undef: '' }],
  [' foo = bar ', { ' foo ': ' bar ' }],
  ['foo=%zx', { foo: '%zx' }],
  ['foo=%EF%BF%BD', { foo: '\ufffd' }],
  ['foo=%C3%A9t%C3%A9', { foo: '\u00e9t\u00e9' }],
  ['a=%F0%9F%98%80', { a: '\ud83d\ude00' }],
  // Keys that exist on Object.prototype are ordinary keys here.
  ['hasOwnProperty=x&toString=foo&valueOf=bar&__defineGetter__=baz',
   { hasOwnProperty: 'x', toString: 'foo', valueOf: 'bar', __defineGetter__: 'baz' }],
  ['foo&bar=baz', { foo: '', bar: 'baz' }],
  ['a=1&a=2&a=3&b=4', { a: ['1', '2', '3'], b: '4' }]
];

tests.forEach(function(test) {
  assert.deepEqual(qs.parse(test[0]), test[1], 'parse(' + JSON.stringify(test[0]) + ')');
});

// decode is the same function.
assert.strictEqual(qs.decode, qs.parse);

// The documented example.
assert.deepEqual(qs.parse('foo=bar&baz=qux&baz=quux&corge'),
                 { foo: 'bar', baz: ['qux', 'quux'], corge: '' });

// Other separators.
var colonTests = [
  ['foo:bar', { foo: 'bar' }],
  ['foo:bar;foo:quux', { foo: ['bar', 'quux'] }],
  ['foo:1&bar:2;baz:quux', { foo: '1&bar:2', baz: 'quux' }],
  ['foo%3Abaz:bar', { 'foo:baz': 'bar' }],
  ['foo:baz:bar', { foo: 'baz:bar' }]
];
colonTests.forEach(function(test) {
  assert.deepEqual(qs.parse(test[0], ';', ':'), test[1],
                   'parse(' + JSON.stringify(test[0]) + ', ";", ":")');
});
assert.deepEqual(qs.parse('a==>1<&&b==>2', '&&', '==>'), { a: '1<', b: '2' });

// '+' is a space, but an escaped plus is a plus.
assert.deepEqual(qs.parse('a+b=c+d&e=%2B'), { 'a b': 'c d', e: '+' });

// '__proto__' becomes an own key and does not touch the prototype.
var proto = qs.parse('__proto__=x&y=1');
assert.strictEqual(Object.getPrototypeOf(proto), Object.prototype);
assert.ok(Object.prototype.hasOwnProperty.call(proto, '__proto__'));
assert.strictEqual(Object.getOwnPropertyDescriptor(proto, '__proto__').value, 'x');
assert.strictEqual(proto.y, '1');

// Anything but a non-empty string parses to an empty object.
[undefined, null, '', 0, 42, true, {}, [], function() {}].forEach(function(input) {
  assert.deepEqual(qs.parse(input), {});
});
