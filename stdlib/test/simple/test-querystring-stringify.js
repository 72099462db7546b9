var common = require('../common');
var assert = require('assert');

var qs = require('querystring');

// [object, query string]
var tests = [
  [{ foo: '918854443121279438895193' }, 'foo=918854443121279438895193'],
  [{ foo: 'bar' }, 'foo=bar'],
  [{ foo: ['bar', 'quux'] }, 'foo=bar&foo=quux'],
  [{ foo: '1', bar: '2' }, 'foo=1&bar=2'],
  [{ 'my weird field': 'q1!2"\'w$5&7/z8)?' },
   'my%20weird%20field=q1!2%22\'w%245%267%2Fz8)%3F'],
  [{ 'foo=baz': 'bar' }, 'foo%3Dbaz=bar'],
  [{ foo: 'baz=bar' }, 'foo=baz%3Dbar'],
  [{ str: 'foo', arr: ['1', '2', '3'], somenull: '', undef: '' },
   'str=foo&arr=1&arr=2&arr=3&somenull=&undef='],
  [{ ' foo ': ' bar ' }, '%20foo%20=%20bar%20'],
  [{ foo: '%zx' }, 'foo=%25zx'],
  [{ foo: '\ufffd' }, 'foo=%EF%BF%BD'],
  [{ foo: '\u00e9' }, 'foo=%C3%A9']
];
tests.forEach(function(test) {
  assert.strictEqual(qs.stringify(test[0]), test[1], 'stringify(' + JSON.stringify(test[0]) + ')');
  // What stringify writes, parse reads back.
  assert.deepEqual(qs.parse(test[1]), test[0]);
});

// encode is the same function.
assert.strictEqual(qs.encode, qs.stringify);

// The documented examples.
assert.strictEqual(qs.stringify({ foo: 'bar', baz: ['qux', 'quux'], corge: '' }),
                   'foo=bar&baz=qux&baz=quux&corge=');
assert.strictEqual(qs.stringify({ foo: 'bar', baz: 'qux' }, ';', ':'), 'foo:bar;baz:qux');

// Values without a query string form serialise as empty.
var extendedFunction = function() {};
extendedFunction.prototype = { a: 'b' };
var weird = [
  [{ regexp: /./g }, 'regexp='],
  [{ regexp: new RegExp('.', 'g') }, 'regexp='],
  [{ fn: function() {} }, 'fn='],
  [{ fn: new Function('') }, 'fn='],
  [{ math: Math }, 'math='],
  [{ e: extendedFunction }, 'e='],
  [{ d: new Date() }, 'd='],
  [{ d: Date }, 'd='],
  [{ f: new Boolean(false), t: new Boolean(true) }, 'f=&t='],
  [{ f: false, t: true }, 'f=false&t=true'],
  [{ n: null }, 'n='],
  [{ nan: NaN }, 'nan='],
  [{ inf: Infinity }, 'inf='],
  [{ u: undefined }, 'u='],
  [{ num: 1.5, neg: -2 }, 'num=1.5&neg=-2'],
  [{ nested: { a: 1 } }, 'nested=']
];
weird.forEach(function(test) {
  assert.strictEqual(qs.stringify(test[0]), test[1]);
});

// A lone value needs a name.
assert.strictEqual(qs.stringify('x'), '');
assert.strictEqual(qs.stringify(5), '');
assert.strictEqual(qs.stringify(null), '');
assert.strictEqual(qs.stringify(undefined), '');
assert.strictEqual(qs.stringify('a b', null, null, 'name'), 'name=a%20b');
assert.strictEqual(qs.stringify(7, '&', ':', 'n'), 'n:7');

// Only own enumerable keys count.
function Thing() { this.own = '1'; }
Thing.prototype.inherited = '2';
assert.strictEqual(qs.stringify(new Thing()), 'own=1');
