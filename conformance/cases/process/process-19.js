// process.markdown example 19: process.installPrefix.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.log('Prefix: ' + process.installPrefix);

// check: a path string.
assert.equal(typeof process.installPrefix, 'string');
assert.ok(/^Prefix: \S+/.test(logged[0]));
