var common = require('../common');
var assert = require('assert');

// Core modules win over files of the same name, and 'sys' is v0.6's alias for util.
assert.strictEqual(require('sys'), require('util'));
assert.strictEqual(require('events'), require('events'));
assert.equal(typeof require('events').EventEmitter, 'function');
assert.strictEqual(require('assert'), assert);
