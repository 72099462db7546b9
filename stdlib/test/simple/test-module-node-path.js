var common = require('../common');
var assert = require('assert');
var path = require('path');
var Module = require('module');

assert.throws(function() { require('np'); }, /Cannot find module 'np'/);
process.env.NODE_PATH = path.join(common.fixturesDir, 'module', 'nodepath');
Module._initPaths();
assert.equal(require('np').name, 'from-node-path');
