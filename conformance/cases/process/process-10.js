// process.markdown example 10: process.cwd.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.log('Current directory: ' + process.cwd());

// check: an absolute path.
assert.ok(/^Current directory: \//.test(logged[0]));
