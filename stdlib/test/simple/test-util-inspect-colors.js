// With colors on, inspect() wraps values in ANSI codes by type; property names stay plain.
var common = require('../common');
var assert = require('assert');
var util = require('util');

var ESC = '\u001b[';
assert.strictEqual(util.inspect(1, false, 2, true), ESC + '33m1' + ESC + '39m');
assert.strictEqual(util.inspect(true, false, 2, true), ESC + '33mtrue' + ESC + '39m');
assert.strictEqual(util.inspect('s', false, 2, true), ESC + "32m's'" + ESC + '39m');
assert.strictEqual(util.inspect(undefined, false, 2, true), ESC + '90mundefined' + ESC + '39m');
assert.strictEqual(util.inspect(null, false, 2, true), ESC + '1mnull' + ESC + '22m');
assert.strictEqual(util.inspect(/r/, false, 2, true), ESC + '31m/r/' + ESC + '39m');
assert.strictEqual(util.inspect(function f() {}, false, 2, true),
                   ESC + '36m[Function: f]' + ESC + '39m');
assert.strictEqual(util.inspect({ a: 1 }, false, 2, true), '{ a: ' + ESC + '33m1' + ESC + '39m }');

// The options form, and no colors by default.
assert.strictEqual(util.inspect(1, { colors: true }), ESC + '33m1' + ESC + '39m');
assert.strictEqual(util.inspect(1), '1');
assert.strictEqual(util.inspect({ a: 1 }, { depth: 0, colors: false }), '{ a: 1 }');
