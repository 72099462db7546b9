var common = require('../common');
var assert = require('assert');
var util = require('util');

// v0.6.3 kept an object on one line while its entries' lengths, each plus one, summed to at
// most 60.
// Three entries of 17 characters (+1 each): 54, past the old limit of 50, within 60.
var obj = { key1: 'abcdefghij', key2: 'abcdefghij', key3: 'abcdefghij' };
assert.strictEqual(util.inspect(obj),
                   "{ key1: 'abcdefghij', key2: 'abcdefghij', key3: 'abcdefghij' }");
// Exactly 60 stays on one line; 61 breaks.
var arr60 = ['aaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbb'];  // 2 * (29 + 1)
assert.strictEqual(util.inspect(arr60),
                   "[ 'aaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbb' ]");
var arr61 = ['aaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbb'];
assert.strictEqual(util.inspect(arr61),
                   "[ 'aaaaaaaaaaaaaaaaaaaaaaaaaaa',\n  'bbbbbbbbbbbbbbbbbbbbbbbbbbbb' ]");
// Colour codes do not count.
assert.strictEqual(util.inspect(obj, false, 2, true).indexOf('\n'), -1);
