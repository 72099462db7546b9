var common = require('../common');
var assert = require('assert');
var path = require('path');

var a = require('../fixtures/module/a');
assert.equal(a.name, 'a');
assert.equal(a.filename, path.join(common.fixturesDir, 'module', 'a.js'));
assert.equal(a.dirname, path.join(common.fixturesDir, 'module'));
assert.strictEqual(require('../fixtures/module/a.js'), a, 'the same module object is cached');

var data = require('../fixtures/module/data.json');
assert.deepEqual(data, { answer: 42, list: [1, 2] });
var abs = require(path.join(common.fixturesDir, 'module', 'data'));
assert.strictEqual(abs, data, 'absolute and relative requests share the cache');
