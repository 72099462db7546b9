var common = require('../common');
var assert = require('assert');

assert.strictEqual(require.main, module);
assert.strictEqual(process.mainModule, module);
assert.equal(module.id, '.');
assert.strictEqual(module.parent, undefined === module.parent ? undefined : null);
var a = require('../fixtures/module/a');
assert.equal(a.parentId, '.');
assert.ok(module.children.some(function(child) { return child.exports === a; }));
assert.equal(typeof module.loaded, 'boolean');
