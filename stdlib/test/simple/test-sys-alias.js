// 'sys' is the old name of 'util': the very same module object, loaded without a warning.
var common = require('../common');
var assert = require('assert');

var warned = false;
var origError = console.error;
console.error = function() {
  warned = true;
};
var sys;
try {
  sys = require('sys');
} finally {
  console.error = origError;
}

var util = require('util');
assert.strictEqual(sys, util);
assert.strictEqual(typeof sys.inspect, 'function');
assert.strictEqual(sys.format('%s!', 'hi'), 'hi!');
assert.strictEqual(warned, false);
