var common = require('../common');
var assert = require('assert');

assert.strictEqual(require('../fixtures/module/shebang').shebang, true);
// No wrapper text: line 1, column 17 is where "new Error" stands in stackline.js itself.
var stack = require('../fixtures/module/stackline').stack;
assert.ok(/stackline\.js:1:17\)\n/.test(stack), stack);
var own = new Error('own').stack.split('\n')[1];
assert.ok(/test-module-shebang-and-lines\.js:8:11\)$/.test(own), own);
