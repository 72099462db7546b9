// process.markdown example 23: process.platform.
// adaptation: record console.log lines (still printed) so the check at the end can see them
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};

console.log('This platform is ' + process.platform);

// check: one of the documented values.
assert.ok(['darwin', 'freebsd', 'linux', 'sunos', 'win32'].indexOf(process.platform) >= 0);
