var common = require('../common');
var assert = require('assert');

var a = require('../fixtures/module/cycle/a');
var b = require('../fixtures/module/cycle/b');
assert.equal(b.seenAEarly, 'a-early', 'b sees the partial exports of a');
assert.strictEqual(b.seenADone, undefined);
assert.strictEqual(a.seenB, true);
assert.strictEqual(a.done, true);
