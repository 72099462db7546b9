// process.markdown example 14: process.getuid.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.log('Current uid: ' + process.getuid());

// check: a non-negative integer.
assert.ok(/^Current uid: \d+$/.test(logged[0]));
