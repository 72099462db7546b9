// addons.markdown example 1: the JavaScript equivalent of the hello addon.
exports.hello = function() { return 'world'; };

// check: the module exports hello() returning 'world'.
var assert = require('assert');
assert.equal(exports.hello(), 'world');
assert.equal(require('./addons-1.js').hello(), 'world');
