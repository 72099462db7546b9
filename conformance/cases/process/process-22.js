// process.markdown example 22: process.arch.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.log('This processor architecture is ' + process.arch);

// check: one of the documented values.
assert.ok(['arm', 'ia32', 'x64'].indexOf(process.arch) >= 0, process.arch);
