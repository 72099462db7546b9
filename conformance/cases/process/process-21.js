// process.markdown example 21: process.pid.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.log('This process is pid ' + process.pid);

// check: a positive integer.
assert.ok(/^This process is pid [1-9]\d*$/.test(logged[0]));
