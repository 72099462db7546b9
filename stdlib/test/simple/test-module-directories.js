var common = require('../common');
var assert = require('assert');

assert.equal(require('../fixtures/module/pkg').name, 'pkg-entry');
assert.equal(require('../fixtures/module/pkgindex').name, 'pkgindex');
assert.equal(require('../fixtures/module/pkgindex/').name, 'pkgindex');
// node_modules folders are searched from the requiring file's directory up.
assert.equal(require('../fixtures/module/sub/deeper/usefoo').name, 'foo-from-node_modules');
