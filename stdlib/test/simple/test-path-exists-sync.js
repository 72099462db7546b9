// existsSync() returns whether a path exists, without throwing.
var common = require('../common');
var assert = require('assert');
var path = require('path');

assert.strictEqual(path.existsSync(__filename), true);
assert.strictEqual(path.existsSync(__dirname), true);
assert.strictEqual(path.existsSync('/'), true);
assert.strictEqual(path.existsSync(path.join(__dirname, 'does-not-exist-' + process.pid)),
                   false);
assert.strictEqual(path.existsSync(__filename + '/not-a-dir'), false);
