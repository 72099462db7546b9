// process.markdown example 16: process.version.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.log('Version: ' + process.version);

// check: a v-prefixed version string.
assert.ok(/^Version: v\d+\.\d+\.\d+/.test(logged[0]));
