// inspect() puts each entry on its own line once the entries together pass 60 characters (each
// counted with one separator; v0.6.3's limit), and
// indents nested multi-line values under their parent.
var common = require('../common');
var assert = require('assert');
var util = require('util');

var long = { aaaaaaaaaa: 1111111111, bbbbbbbbbb: 2222222222, cccccccccc: 3333333333 };
assert.strictEqual(util.inspect(long),
                   '{ aaaaaaaaaa: 1111111111,\n' +
                   '  bbbbbbbbbb: 2222222222,\n' +
                   '  cccccccccc: 3333333333 }');

// Entries totalling exactly 60 characters (with one separator each) stay on one line.
var fits = { a: 'xxxxxxxxxxxxxxxxxxxx', b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyy' };
assert.strictEqual(util.inspect(fits),
                   "{ a: 'xxxxxxxxxxxxxxxxxxxx', b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyy' }");
var over = { a: 'xxxxxxxxxxxxxxxxxxxx', b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyy' };
assert.strictEqual(util.inspect(over),
                   "{ a: 'xxxxxxxxxxxxxxxxxxxx',\n  b: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyy' }");

// A long value inside an object starts on its own line, indented.
assert.strictEqual(util.inspect({ outer: long }),
                   '{ outer: \n' +
                   '   { aaaaaaaaaa: 1111111111,\n' +
                   '     bbbbbbbbbb: 2222222222,\n' +
                   '     cccccccccc: 3333333333 } }');

// Inside an array it continues on the same line.
assert.strictEqual(util.inspect([long, 2]),
                   '[ { aaaaaaaaaa: 1111111111,\n' +
                   '    bbbbbbbbbb: 2222222222,\n' +
                   '    cccccccccc: 3333333333 },\n' +
                   '  2 ]');

// A function with many properties names itself on the first line.
var fn = function named() {};
fn.aaaaaaaaaa = 1111111111;
fn.bbbbbbbbbb = 2222222222;
fn.cccccccccc = 3333333333;
assert.strictEqual(util.inspect(fn),
                   '{ [Function: named]\n' +
                   '  aaaaaaaaaa: 1111111111,\n' +
                   '  bbbbbbbbbb: 2222222222,\n' +
                   '  cccccccccc: 3333333333 }');
