var common = require('../common');
var assert = require('assert');

var qs = require('querystring');

var many = [];
for (var i = 0; i < 2000; i++) many.push('k' + i + '=' + i);
many = many.join('&');

// Without options every pair is read, as in v0.6.
assert.strictEqual(Object.keys(qs.parse(many)).length, 2000);

// maxKeys caps the number of pairs read.
var capped = qs.parse(many, '&', '=', { maxKeys: 10 });
assert.strictEqual(Object.keys(capped).length, 10);
assert.strictEqual(capped.k9, '9');
assert.strictEqual(capped.k10, undefined);

// Zero or nonsense means no limit.
assert.strictEqual(Object.keys(qs.parse(many, '&', '=', { maxKeys: 0 })).length, 2000);
assert.strictEqual(Object.keys(qs.parse(many, '&', '=', { maxKeys: 'x' })).length, 2000);
assert.strictEqual(Object.keys(qs.parse(many, null, null, {})).length, 2000);

// The cap counts pairs, so repeated keys use it up too.
assert.deepEqual(qs.parse('a=1&a=2&a=3&b=4', null, null, { maxKeys: 2 }), { a: ['1', '2'] });
