// inspect() output for functions, regexps, dates and errors, alone and with properties.
var common = require('../common');
var assert = require('assert');
var util = require('util');

assert.strictEqual(util.inspect(function() {}), '[Function]');
assert.strictEqual(util.inspect(function named() {}), '[Function: named]');
var withProps = function fn() {};
withProps.x = 1;
assert.strictEqual(util.inspect(withProps), '{ [Function: fn] x: 1 }');

assert.strictEqual(util.inspect(/abc/), '/abc/');
assert.strictEqual(util.inspect(/a\/b/gi), '/a\\/b/gi');
assert.strictEqual(util.inspect(new RegExp('x', 'm')), '/x/m');
var re = /re/;
re.flag = true;
assert.strictEqual(util.inspect(re), '{ /re/ flag: true }');

var d = new Date(Date.UTC(2011, 10, 24, 15, 30, 0));
assert.strictEqual(util.inspect(d), 'Thu, 24 Nov 2011 15:30:00 GMT');
d.tag = 'x';
assert.strictEqual(util.inspect(d), "{ Thu, 24 Nov 2011 15:30:00 GMT tag: 'x' }");

assert.strictEqual(util.inspect(new Error('boom')), '[Error: boom]');
assert.strictEqual(util.inspect(new TypeError('bad type')), '[TypeError: bad type]');
assert.strictEqual(util.inspect(new Error()), '[Error]');
var err = new Error('with code');
err.code = 'ECODE';
assert.strictEqual(util.inspect(err), "{ [Error: with code] code: 'ECODE' }");

// Nested inside other values.
assert.strictEqual(util.inspect({ f: function g() {}, r: /x/ }), '{ f: [Function: g], r: /x/ }');
assert.strictEqual(util.inspect([new Error('e')]), '[ [Error: e] ]');
